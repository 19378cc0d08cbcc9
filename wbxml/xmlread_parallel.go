package wbxml

import (
	"io"
	"slices"

	"github.com/easkit/easkit/internal/xmlscan"
)

// readParts is what an XMLReader keeps for conversions in parts, reused
// from one to the next.
type readParts struct {
	cps     []xmlCheckpoint
	stk     []int
	open    []int // scratch: the open elements of a part's scanner
	parts   []*readPart
	workers []*readWorker // what the parts convert with, a few at a time
	turns   turns[*readWorker]
	used    int // the parts the last conversion used; 0 for none
}

// readWorker is a reader that converts parts in turn, with the buffer
// their WBXML goes to, kept from part to part.
type readWorker struct {
	x   *XMLReader
	buf []byte
}

// readPart is the state of one part of a conversion in parts after the
// first.
type readPart struct {
	x    *XMLReader  // the reader of the worker, while the part holds it
	wk   *readWorker // that worker
	from xmlCheckpoint
	stop int64
	room int      // the buffer its WBXML starts in
	init []rframe // the reader's open elements where it starts
	enc  []frame  // the encoder's
	page uint8    // the encoder's code page where it starts
	err  error
}

// convertParts converts src in parts ([WithConcurrency]): it finds
// checkpoints in src, converts the parts between them on other goroutines,
// a few at a time, and puts their WBXML together in order: appended to dst
// when w is nil, else written to w. ok is false, with nothing converted,
// when src does not divide, and the caller converts it on one goroutine.
// On error the append form returns dst as it was.
//
// Each part must start where the part before it ended, in the same state.
// If one did not (input the checkpoints misread), the part before goes on
// to the end of the document instead, as one goroutine would have. So the
// WBXML of a part is put out only once the part after it has started
// right, since the encoder of a part that goes on may still change the
// last start tag it wrote.
func (x *XMLReader) convertParts(dst []byte, w io.Writer, src []byte) (out []byte, ok bool, err error) {
	if x.par == nil {
		x.par = new(readParts)
	}
	ps := x.par
	ps.used = 0
	parts := min(x.workers, len(src)/minPart)
	if parts < 2 || x.keepWS || x.vocab == nil || len(src) >= 1<<31-1 {
		return dst, false, nil
	}
	if w != nil {
		parts = max(parts, len(src)/streamPart)
	}
	ps.cps, ps.stk = splitXML(src, parts, x.enc.maxDepth(), ps.cps[:0], ps.stk)
	cps := ps.cps
	if len(cps) == 0 {
		return dst, false, nil
	}
	if c := &cps[len(cps)/2]; skewForTest && len(c.starts) > 0 {
		c.starts = c.starts[:len(c.starts)-1]
	}
	for len(ps.parts) < len(cps) {
		ps.parts = append(ps.parts, new(readPart))
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
	// Room for a part's WBXML, which is smaller than its XML. Written to
	// an io.Writer, every part gets room for the longest, so that a
	// worker keeps its buffer from part to part; appended, each part has
	// a worker of its own and room for itself only.
	for _, p := range all {
		if w != nil {
			p.room = longest
		}
		p.room += 4096
	}
	// One worker per core and one more, so that a part converts while the
	// one before waits for its turn.
	nw := min(len(all), x.workers+1)
	for len(ps.workers) < nw {
		ps.workers = append(ps.workers, &readWorker{x: x.helper()})
	}
	ps.turns.begin(ps.workers[:nw], len(all), func(i int, wk *readWorker) {
		p := all[i]
		p.x, p.wk = wk.x, wk
		p.err = p.run(src)
	})
	defer ps.turns.end()
	// The first part, here.
	if w == nil {
		x.enc.ResetAppend(dst)
	} else {
		x.enc.Reset(w)
	}
	if err = x.run(src, int64(cps[0].pos)); err != nil {
		return dst, true, err
	}
	ps.used = len(all) + 1
	// The part converted before part k, and not yet put out (nil: the
	// first, x's own).
	var pend *readPart
	prev, lastPage := x, x.enc.page()
	for k, p := range all {
		ps.turns.wait(k)
		if p.err == errSkew || !prev.endsAt(&cps[k], p, &ps.open) || !joinable(prev, p) {
			// The part before goes on to the end of the document.
			ps.used = k + 1
			if pend == nil {
				err = x.goOn(src)
			} else {
				pend.err = pend.x.goOn(src)
				err = x.put(lastPage, pend)
				pend = nil
			}
			break
		}
		if pend != nil {
			err = x.put(lastPage, pend)
			lastPage = pend.x.enc.page()
			ps.turns.give(pend.wk)
		}
		pend, prev = p, p.x
		if err == nil && p.err != nil {
			err = x.put(lastPage, p)
			pend = nil
		}
		if err != nil {
			break
		}
	}
	if err == nil && pend != nil {
		err = x.put(lastPage, pend)
	}
	if err == nil && w != nil {
		err = x.enc.Flush()
	}
	if err != nil {
		return dst, true, err
	}
	return x.enc.Bytes(), true, nil
}

// put puts the WBXML of part p after that of the part before it, which
// ended on code page last, with p's warnings, and returns p's error.
func (x *XMLReader) put(last uint8, p *readPart) error {
	x.emitPart(last, p)
	x.warns.merge(&p.x.warns)
	return p.err
}

// goOn converts the rest of the document src after the place where x
// stopped.
func (x *XMLReader) goOn(src []byte) error {
	x.doc = src
	defer func() { x.doc = nil }()
	return x.loop(-1)
}

// joinable reports whether the WBXML of part p can follow that of the part
// before it, which prev converted: p's encoder started on the code page
// of the innermost open element, and when prev ended on another, p's
// first tag must be one emitPart can give the page switch one encoder
// would have written. (It cannot when an easkit:opaque element, which
// writes no tag, comes first.)
func joinable(prev *XMLReader, p *readPart) bool {
	body := p.x.enc.Bytes()
	return prev.enc.page() == p.page || (len(body) > 0 && (body[0] == TokSwitchPage || isTag(body[0])))
}

// emitPart puts the WBXML of part p after that of the part before it,
// which ended on code page last, with the page switch before p's first tag written
// as one encoder would have written it (see joinable).
func (x *XMLReader) emitPart(last uint8, p *readPart) {
	body := p.x.enc.Bytes()
	if last != p.page {
		if len(body) >= 2 && body[0] == TokSwitchPage {
			if body[1] == last {
				body = body[2:]
			}
		} else {
			x.emit([]byte{TokSwitchPage, p.page})
		}
	}
	x.emit(body)
}

// emit puts b after the WBXML that x's encoder has: in its buffer, or
// written to its io.Writer after what it buffers.
func (x *XMLReader) emit(b []byte) {
	x.enc.appendEncoded(b)
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
	x.enc.ResetAppend(p.wk.buf[:0])
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
	p.enc = x.enc.appendOpen(p.enc[:0])
	p.page = x.enc.page()
	x.warns.reset() // the replay's
	x.warnPos = textPos{line: 1, column: 1}
	x.sc.Seek(p.from.pos)
	x.enc.restart(p.room)
	err := x.loop(p.stop)
	p.wk.buf = x.enc.Bytes()[:0]
	return err
}

// endsAt reports whether x, having converted a part, stopped exactly at
// checkpoint cp in the state part next started in.
func (x *XMLReader) endsAt(cp *xmlCheckpoint, next *readPart, open *[]int) bool {
	*open = x.sc.AppendOpenElements((*open)[:0])
	return x.sc.InputOffset() == int64(cp.pos) && slices.Equal(*open, cp.starts) &&
		!x.hasText && slices.Equal(x.stack, next.init) && x.enc.settledAt(next.enc)
}
