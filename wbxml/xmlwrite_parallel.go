package wbxml

import "io"

// A part converting ahead into a buffer, for an io.Writer, stops when the
// buffer holds partBudgetFactor times the part's WBXML (at least
// minPartBudget): the memory of a conversion in parts grows with its input,
// not with its output.
var (
	minPartBudget    = 1 << 20 // a variable for tests
	partBudgetFactor = 3
)

// minPart is the smallest part a conversion in parts gives a goroutine:
// below it, starting one costs more than it saves.
var minPart = 128 << 10

// streamPart is the size of the parts of a conversion in parts written to
// an io.Writer: small parts, converted a few at a time into buffers that
// the next parts reuse once their XML is written, keep the memory the
// conversion touches small whatever the size of the document.
var streamPart = 64 << 10

// skewForTest makes tests misplace a checkpoint, as input the
// checkpoints misread would.
var skewForTest bool

// partState is what an XMLWriter keeps for conversions in parts, reused
// from one to the next.
type partState struct {
	cps     []checkpoint
	stk     []splitFrame
	parts   []*xmlPart
	writers []*XMLWriter // what the parts convert with, a few at a time
	turns   turns[*XMLWriter]
	used    int // the parts the last conversion used; 0 for none
}

// xmlPart is the state of one part of a conversion in parts
// ([WithConcurrency]) after the first.
type xmlPart struct {
	x    *XMLWriter // one of partState.writers, while the part holds it
	from checkpoint
	stop int64    // where the part ends; -1 for the last part
	init []xframe // the open elements, as replayed, where the part starts
	room int      // the buffer the part's writer starts with
	err  error
}

// convertParts converts src in parts ([WithConcurrency]): it finds
// checkpoints in src, converts the parts between them on other goroutines,
// a few at a time, and puts their XML together in order: appended to dst
// when w is nil, else written to w (the first part as it goes, each later
// one when its turn comes). ok is false, with nothing converted, when src
// does not divide (too small, no checkpoints, a header error), and the
// caller converts it on one goroutine.
//
// Each part must start where the part before it ended, in the same state.
// If one did not (input the checkpoints misread), the part before goes on
// to the end of the document instead, as one goroutine would have.
func (x *XMLWriter) convertParts(dst []byte, w io.Writer, src []byte) (out []byte, ok bool, err error) {
	if x.par == nil {
		x.par = new(partState)
	}
	ps := x.par
	ps.used = 0
	parts := min(x.cfg.workers, len(src)/minPart)
	if parts < 2 {
		return dst, false, nil
	}
	if w != nil {
		parts = max(parts, len(src)/streamPart)
	}
	x.dec.Reset(src)
	if x.dec.tooLarge() {
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
	if skewForTest {
		cps[len(cps)/2].page ^= 1
	}
	for len(ps.parts) < len(cps) {
		ps.parts = append(ps.parts, new(xmlPart))
	}
	all := ps.parts[:len(cps)]
	longest := 0
	for i, p := range all {
		p.from, p.stop = cps[i], -1
		end := len(src)
		if i+1 < len(cps) {
			p.stop = int64(cps[i+1].pos)
			end = cps[i+1].pos
		}
		p.room = end - p.from.pos
		longest = max(longest, p.room)
	}
	// Room for a part's XML, which is rarely more than twice its WBXML.
	// Written to an io.Writer, every part gets room for the longest, so
	// that a writer passed from part to part keeps its buffer: memory
	// reserved and never written costs nothing, memory written once
	// costs a page fault only the first time, and the budget caps what a
	// part may hold. Appended, each part has a writer of its own and
	// room for itself, so that uneven parts reserve no more than twice
	// the document.
	for _, p := range all {
		if w != nil {
			p.room = longest
		}
		p.room = 2*p.room + 4096
	}
	// The writers: one per core and one more, so that a part converts
	// while the one before waits for its turn; at least two, since the
	// writer of a part is kept until the part after it is checked.
	nw := min(len(all), x.cfg.workers+1)
	for len(ps.writers) < nw {
		ps.writers = append(ps.writers, x.helper())
	}
	// What the parts need of the header, copied: x.dec starts over below.
	hdr := x.dec.header()
	toWriter := w != nil
	ps.turns.begin(ps.writers[:nw], len(all), func(i int, h *XMLWriter) {
		p := all[i]
		p.x = h
		// Written to an io.Writer, a part converts ahead into a buffer
		// of bounded size; one that fills it is carried on in its turn.
		h.budget = 0
		if toWriter {
			end := len(src)
			if p.stop >= 0 {
				end = int(p.stop)
			}
			h.budget = max(minPartBudget, partBudgetFactor*(end-p.from.pos))
		}
		p.err = p.run(src, hdr)
	})
	defer ps.turns.end()
	// The first part, here.
	x.dec.Reset(src)
	x.w, x.werr = w, nil
	if w == nil {
		x.out, x.written = dst, -int64(len(dst))
	} else {
		x.out, x.written = x.out[:0], 0
	}
	defer func() {
		if w == nil {
			out, x.out = x.out, nil
		} else if ferr := x.flush(); err == nil {
			err = ferr
		}
		x.w = nil
	}()
	if err = x.run(int64(cps[0].pos)); err != nil {
		return nil, true, err
	}
	ps.used = len(all) + 1
	prev := x
	for i, p := range all {
		ps.turns.wait(i)
		if !prev.endsAt(&cps[i], p.init) {
			ps.used = i + 1
			return nil, true, x.finish(prev)
		}
		switch {
		case x.produced()+p.x.produced() > x.maxOutput():
			// The parts so far pass the amplification limit in this
			// one (whatever else the part met after): convert it again
			// in its turn, to stop where one goroutine would.
			p.err = x.carryOn(p, true, src, hdr)
		case p.err == errPartFull:
			p.err = x.carryOn(p, false, src, hdr)
		default:
			x.emit(p.x.out)
			x.warns.merge(&p.x.warns)
		}
		if p.err != nil {
			return nil, true, p.err
		}
		// The part before is done with: its writer goes to a part to come.
		if prev != x {
			ps.turns.give(prev)
		}
		prev = p.x
	}
	return nil, true, x.werr
}

// emit puts the XML of a later part after what x has: in x.out, which the
// conversion flushes to x.w when it writes to one.
func (x *XMLWriter) emit(b []byte) {
	if x.w != nil {
		if err := x.flush(); err != nil {
			return
		}
		if _, err := x.w.Write(b); err != nil && x.werr == nil {
			x.werr = err
		}
		x.written += int64(len(b))
		return
	}
	x.out = append(x.out, b...)
}

// finish converts the rest of the document with part writer p, which
// stopped in a state the part after it did not start in, and puts its XML
// after x's.
func (x *XMLWriter) finish(p *XMLWriter) error {
	if p == x {
		return x.body(-1)
	}
	p.out = p.out[:0]
	p.warns.reset()
	err := x.goOn(p, -1)
	if err == nil {
		err = x.werr
	}
	return err
}

// carryOn converts part p in its turn, after x has put out the XML of
// every part before it, as x would have gone on: writing to x's io.Writer
// as it goes, or appending to x's buffer. restart converts the part again
// from its checkpoint; otherwise its writer carries on from where it
// stopped (errPartFull), after the XML it has is put out.
func (x *XMLWriter) carryOn(p *xmlPart, restart bool, src []byte, h headerState) error {
	if restart {
		if err := p.replay(src, h); err != nil {
			return err
		}
	} else {
		x.emit(p.x.out)
		p.x.out = p.x.out[:0]
	}
	return x.goOn(p.x, p.stop)
}

// goOn has part writer p convert on up to stop (-1: to the end) into x's
// output: to x's io.Writer as it goes, or appended to x's buffer. p's
// buffer holds nothing yet to put out. Its warnings join x's.
func (x *XMLWriter) goOn(p *XMLWriter, stop int64) error {
	var err error
	p.budget = 0
	if x.w != nil {
		if err = x.flush(); err != nil {
			return err
		}
		p.w, p.written, p.werr = x.w, x.written, nil
		err = p.body(stop)
		if ferr := p.flush(); err == nil {
			err = ferr
		}
		x.written, x.werr = p.written, p.werr
		p.w = nil
	} else {
		p.out, x.out = x.out, nil
		p.written = x.written
		err = p.body(stop)
		x.out, p.out = p.out, nil
	}
	x.warns.merge(&p.warns)
	return err
}

// helper returns a new XMLWriter with x's configuration, to convert a
// part.
func (x *XMLWriter) helper() *XMLWriter {
	h := &XMLWriter{ready: true, cfg: x.cfg, vocab: x.vocab, valid: x.valid, strict: x.strict, prefixes: x.prefixes}
	h.cfg.workers = 1
	h.dec.configFrom(&x.dec)
	return h
}

// run converts the part of src from p.from to p.stop with p.x, whose
// decoder and writer state are first set to those at p.from; h is what
// src's header says.
func (p *xmlPart) run(src []byte, h headerState) error {
	if err := p.replay(src, h); err != nil {
		return err
	}
	return p.x.body(p.stop)
}

// replay sets p.x's decoder and writer state to those at p.from, with
// nothing in its buffer.
func (p *xmlPart) replay(src []byte, h headerState) error {
	x, cp := p.x, &p.from
	x.dec.resume(src, h, cp)
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
	n := p.room
	if x.budget > 0 {
		n = min(n, x.budget+flushSize)
	}
	if cap(x.out) < n {
		x.out = make([]byte, 0, n)
	}
	x.written = 0
	return nil
}

// endsAt reports whether x, having converted a part, stopped exactly at
// checkpoint cp in the state the next part started in: the decoder at
// cp's offset, page and open elements, the writer with the open elements
// init and nothing pending.
func (x *XMLWriter) endsAt(cp *checkpoint, init []xframe) bool {
	return x.dec.at(cp) && !x.open && len(x.runs) == 0 && sameFrames(x.stack, init)
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
