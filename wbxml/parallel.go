package wbxml

import (
	"slices"
	"sync"
)

// minPart is the smallest part a conversion in parts gives a goroutine:
// below it, starting one costs more than it saves.
var minPart = 128 << 10

// partState is what an XMLWriter keeps for conversions in parts, reused
// from one to the next.
type partState struct {
	cps   []checkpoint
	stk   []splitFrame
	parts []*xmlPart
	used  int // the parts the last conversion used; 0 for none
}

// xmlPart is the state of one part of a conversion in parts
// ([WithConcurrency]) after the first.
type xmlPart struct {
	x    *XMLWriter
	from checkpoint
	stop int64    // where the part ends; -1 for the last part
	init []xframe // the open elements, as replayed, where the part starts
	err  error
}

// appendParts is AppendXML in parts: it finds checkpoints in src, converts
// the parts between them at once, and joins their output. ok is false when
// src does not divide (too small, no checkpoints, or a header error), and
// the caller converts it on one goroutine.
func (x *XMLWriter) appendParts(dst, src []byte) (_ []byte, ok bool, err error) {
	if x.par == nil {
		x.par = new(partState)
	}
	ps, orig := x.par, len(dst)
	ps.used = 0
	parts := min(x.cfg.workers, len(src)/minPart)
	if parts < 2 {
		return dst, false, nil
	}
	x.dec.Reset(src)
	if x.dec.over {
		return dst, false, nil
	}
	if _, err := x.dec.Header(); err != nil {
		return dst, false, nil
	}
	ps.cps, ps.stk = x.dec.splitPoints(ps.cps[:0], parts, ps.stk)
	cps := ps.cps
	if len(cps) == 0 {
		return dst, false, nil
	}
	for len(ps.parts) < len(cps) {
		ps.parts = append(ps.parts, &xmlPart{x: x.helper()})
	}
	all := ps.parts[:len(cps)]
	var wg sync.WaitGroup
	for i, p := range all {
		p.from, p.stop = cps[i], -1
		if i+1 < len(cps) {
			p.stop = int64(cps[i+1].pos)
		}
		wg.Go(func() { p.err = p.run(src, &x.dec) })
	}
	// The first part, here.
	x.dec.Reset(src)
	x.w, x.out = nil, dst
	err = x.run(int64(cps[0].pos))
	wg.Wait()
	dst, x.out = x.out, nil
	if err != nil {
		return dst, true, err
	}
	// Each part must have started where the one before it ended, in the
	// same state; when one did not (input the checkpoints misread), the
	// whole document is converted again on one goroutine.
	prev := x
	for i, p := range all {
		if !prev.endsAt(&cps[i], p.init) {
			return dst[:orig], false, nil
		}
		if p.err != nil {
			break
		}
		prev = p.x
	}
	ps.used = len(all) + 1
	for _, p := range all {
		dst = append(dst, p.x.out...)
		x.warns.merge(&p.x.warns)
		if p.err != nil {
			return dst, true, p.err
		}
	}
	return dst, true, nil
}

// helper returns a new XMLWriter with x's configuration, to convert a
// part.
func (x *XMLWriter) helper() *XMLWriter {
	h := &XMLWriter{cfg: x.cfg, vocab: x.vocab, valid: x.valid, strict: x.strict, prefixes: x.prefixes}
	h.cfg.workers = 1
	h.dec.cfg, h.dec.ready = x.dec.cfg, true
	return h
}

// run converts the part of src from p.from to p.stop with p.x, whose
// decoder and writer state are first set to those at p.from; from is the
// decoder that read src's header.
func (p *xmlPart) run(src []byte, from *Decoder) error {
	x, d, cp := p.x, &p.x.dec, &p.from
	d.Reset(src)
	d.hdr, d.width, d.tmode = from.hdr, from.width, from.tmode
	d.state, d.tagPage = dsContent, cp.page
	d.stack = append(d.stack[:0], cp.stack...)
	d.pos = cp.pos
	// The writer state: the open elements, started as the conversion of
	// the parts before started them, each with an element child before.
	x.w, x.out = nil, x.out[:0]
	x.stack, x.open = x.stack[:0], false
	x.clearRuns()
	for _, f := range cp.stack {
		t := Token{Kind: KindStartTag, Page: f.page, Code: f.code, Content: true, Unknown: f.flags&fUnknown != 0}
		if err := x.start(&t); err != nil {
			return err
		}
	}
	x.stack[len(x.stack)-1].children = true
	x.open = false
	x.out = x.out[:0]
	x.warns.reset()
	p.init = append(p.init[:0], x.stack...)
	// Room for the part's XML, which is rarely more than twice its WBXML:
	// memory reserved and never written costs nothing.
	end := len(src)
	if p.stop >= 0 {
		end = int(p.stop)
	}
	if n := 2*(end-cp.pos) + 4096; cap(x.out) < n {
		x.out = make([]byte, 0, n)
	}
	return x.body(p.stop)
}

// endsAt reports whether x, having converted a part, stopped exactly at
// checkpoint cp in the state the next part started in: the decoder at
// cp's offset, page and open elements, the writer with the open elements
// init and nothing pending.
func (x *XMLWriter) endsAt(cp *checkpoint, init []xframe) bool {
	d := &x.dec
	return d.err == nil && d.state == dsContent && d.pos == cp.pos && d.tagPage == cp.page &&
		slices.Equal(d.stack, cp.stack) && !x.open && len(x.runs) == 0 && sameFrames(x.stack, init)
}

// sameFrames reports whether two writers' open elements are the same.
// Their tagInfo pointers point into each writer's own tables, filled
// from the same vocabulary and options: the tag is compared instead.
func sameFrames(a, b []xframe) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		fa, fb := a[i], b[i]
		fa.ti, fb.ti = nil, nil
		if fa != fb || (a[i].ti == nil) != (b[i].ti == nil) {
			return false
		}
	}
	return true
}
