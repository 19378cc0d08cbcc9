package wbxml

import "slices"

// This file holds the Encoder's entry points for the XMLReader's
// conversion in parts (xmlread_parallel.go): a part replays the start tags
// of the elements open at its checkpoint, drops their bytes, encodes its
// own part of the body, and the parts' bytes are joined in order. These
// methods keep the Encoder's invariants (its buffer, its pending start
// tag, its open elements, its sticky error) while that happens.

// vocabulary returns the Vocabulary the Encoder was configured with.
func (e *Encoder) vocabulary() Vocabulary { return e.cfg.vocab }

// isStrict reports whether the Encoder is in strict mode.
func (e *Encoder) isStrict() bool { return e.cfg.strict }

// maxDepth returns the Encoder's depth limit.
func (e *Encoder) maxDepth() int { return e.cfg.maxDepth }

// page returns the tag code page of the last tag written.
func (e *Encoder) page() uint8 { return e.tagPage }

// appendOpen appends the open elements to dst.
func (e *Encoder) appendOpen(dst []frame) []frame { return append(dst, e.stack...) }

// restart forgets the output written so far (the replayed start tags of
// a part), keeping the open elements and the code page, with room for n
// more bytes; the last start tag is written for good (its content bit
// stays set), as when content follows it.
func (e *Encoder) restart(n int) {
	e.buf, e.start, e.hold = e.buf[:0], 0, -1
	if cap(e.buf) < n {
		e.buf = make([]byte, 0, n)
	}
}

// settledAt reports whether e has no error, is in the content of the
// elements open, with no start tag still pending: the state in which the
// part that starts at the same place began.
func (e *Encoder) settledAt(open []frame) bool {
	return e.err == nil && e.state == esContent && e.hold < 0 && slices.Equal(e.stack, open)
}

// appendEncoded puts b, WBXML another Encoder wrote for a later part of
// the same document, after the output e has: in its buffer, or written to
// its io.Writer after what it buffers. An I/O error becomes e's.
func (e *Encoder) appendEncoded(b []byte) {
	if len(b) == 0 || e.err != nil {
		return
	}
	if e.w == nil {
		e.buf = append(e.buf, b...)
		return
	}
	if err := e.Flush(); err != nil {
		return
	}
	if _, err := e.w.Write(b); err != nil {
		e.err = err
	}
}
