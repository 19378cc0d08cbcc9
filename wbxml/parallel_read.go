package wbxml

import (
	"slices"
	"sync"

	"github.com/easkit/easkit/internal/xmlscan"
)

// readParts is what an XMLReader keeps for conversions in parts, reused
// from one to the next.
type readParts struct {
	cps   []xmlCheckpoint
	stk   []int
	open  []int // scratch: the open elements of a part's scanner
	parts []*readPart
	used  int // the parts the last conversion used; 0 for none
}

// readPart is the state of one part of a conversion in parts after the
// first.
type readPart struct {
	x    *XMLReader
	from xmlCheckpoint
	stop int64
	buf  []byte   // its WBXML, kept across conversions
	init []rframe // the reader's open elements where it starts
	enc  []frame  // the encoder's
	page uint8    // the encoder's code page where it starts
	err  error
}

// appendParts is AppendWBXML in parts ([WithConcurrency]): it finds
// checkpoints in src, converts the parts between them at once, and joins
// their WBXML. ok is false when src does not divide, or when the parts did
// not meet where the checkpoints said, and the caller converts src on one
// goroutine.
func (x *XMLReader) appendParts(dst, src []byte) (_ []byte, ok bool, err error) {
	if x.par == nil {
		x.par = new(readParts)
	}
	ps := x.par
	ps.used = 0
	parts := min(x.workers, len(src)/minPart)
	if parts < 2 || x.keepWS || x.vocab == nil || len(src) >= 1<<31-1 {
		return dst, false, nil
	}
	ps.cps, ps.stk = splitXML(src, parts, x.enc.cfg.maxDepth, ps.cps[:0], ps.stk)
	cps := ps.cps
	if len(cps) == 0 {
		return dst, false, nil
	}
	for len(ps.parts) < len(cps) {
		ps.parts = append(ps.parts, &readPart{x: x.helper()})
	}
	all := ps.parts[:len(cps)]
	var wg sync.WaitGroup
	for i, p := range all {
		p.from, p.stop = cps[i], -1
		if i+1 < len(cps) {
			p.stop = int64(cps[i+1].pos)
		}
		wg.Go(func() { p.err = p.run(src) })
	}
	// The first part, here.
	x.enc.ResetAppend(dst)
	err = x.run(src, int64(cps[0].pos))
	wg.Wait()
	if err != nil {
		return dst, true, err
	}
	// Each part must have started where the one before it ended, in the
	// same state.
	prev := x
	for i, p := range all {
		if p.err == errSkew || !prev.endsAt(&cps[i], p, &ps.open) {
			return dst, false, nil
		}
		if p.err != nil {
			break
		}
		prev = p.x
	}
	out := x.enc.Bytes()
	prev = x
	for _, p := range all {
		x.warns.merge(&p.x.warns)
		if p.err != nil {
			return dst, true, p.err
		}
		body := p.x.enc.Bytes()
		// The part's encoder started on the page of the innermost open
		// element; the one before it ended on its own. Write the page
		// switch of the part's first tag as one encoder would have.
		if last := prev.enc.tagPage; last != p.page {
			switch {
			case len(body) >= 2 && body[0] == 0x00:
				if body[1] == last {
					body = body[2:]
				}
			case len(body) > 0 && body[0]&0x3F >= 5:
				out = append(out, 0x00, p.page)
			default:
				return dst, false, nil
			}
		}
		out = append(out, body...)
		prev = p.x
	}
	ps.used = len(all) + 1
	return out, true, nil
}

// errSkew says that a part could not start at its checkpoint: the
// checkpoint misread the document.
var errSkew = &XMLError{Msg: "internal: checkpoint does not fit the document"}

// helper returns a new XMLReader with x's configuration, to convert a
// part.
func (x *XMLReader) helper() *XMLReader {
	h := NewXMLReader(x.opts...)
	h.workers = 1
	return h
}

// run converts the part of src from p.from to p.stop with p.x, whose
// scanner, reader and encoder are first set to their state at p.from:
// the start tags of the open elements are read again from the document,
// and their WBXML thrown away.
func (p *readPart) run(src []byte) error {
	x := p.x
	p.init, p.enc = p.init[:0], p.enc[:0]
	x.begin(src)
	defer func() { x.doc = nil }()
	x.enc.ResetAppend(p.buf[:0])
	for _, at := range p.from.starts {
		x.sc.Seek(at)
		t, err := x.sc.ReadToken()
		if err != nil || t.Kind != xmlscan.StartElement || t.Offset != int64(at) {
			return errSkew
		}
		if err := x.start(t); err != nil {
			return err
		}
	}
	if len(x.stack) == 0 || x.sc.StackDepth() != len(p.from.starts) {
		return errSkew
	}
	x.stack[len(x.stack)-1].children = true
	p.init = append(p.init[:0], x.stack...)
	e := &x.enc
	p.enc = append(p.enc[:0], e.stack...)
	p.page = e.tagPage
	e.buf, e.start, e.hold = e.buf[:0], 0, -1
	x.warns.reset() // the replay's
	x.warnPos = textPos{line: 1, column: 1}
	x.sc.Seek(p.from.pos)
	// Room for the part's WBXML, which is smaller than its XML.
	end := len(src)
	if p.stop >= 0 {
		end = int(p.stop)
	}
	if n := end - p.from.pos + 4096; cap(e.buf) < n {
		e.buf = make([]byte, 0, n)
	}
	err := x.loop(p.stop)
	p.buf = e.buf[:0]
	return err
}

// endsAt reports whether x, having converted a part, stopped exactly at
// checkpoint cp in the state part next started in.
func (x *XMLReader) endsAt(cp *xmlCheckpoint, next *readPart, open *[]int) bool {
	*open = x.sc.AppendOpenElements((*open)[:0])
	e := &x.enc
	return x.sc.InputOffset() == int64(cp.pos) && slices.Equal(*open, cp.starts) &&
		!x.hasText && slices.Equal(x.stack, next.init) &&
		e.err == nil && e.state == esContent && e.hold < 0 && slices.Equal(e.stack, next.enc)
}
