package wbxml

import "slices"

// This file holds the Decoder's entry points for the converters of this
// package that read a []byte input faster than token by token: the
// XMLWriter's fast path (xmlwrite_fast.go) and the conversion in parts
// (xmlwrite_parallel.go, with the checkpoints of decode_split.go). They
// move the Decoder the way ReadToken would, so that the position, the tag
// code page, the open elements and the grammar state keep their invariants
// whichever way the document is read. Each is small enough to inline.

// vocabulary returns the Vocabulary the Decoder was configured with.
func (d *Decoder) vocabulary() Vocabulary { return d.cfg.vocab }

// isStrict reports whether the Decoder is in strict mode.
func (d *Decoder) isStrict() bool { return d.cfg.strict }

// charset returns the header's charset.
func (d *Decoder) charset() uint32 { return d.hdr.Charset }

// plainInput reports whether the input is a []byte whose strings are
// UTF-8 (or ASCII-compatible text kept as is) with a one-byte terminator:
// the input a fast path may read straight from the bytes.
func (d *Decoder) plainInput() bool { return d.r == nil && d.width == 1 && d.tmode == textUTF8 }

// bytesInput returns the []byte input, or nil for an io.Reader.
func (d *Decoder) bytesInput() []byte {
	if d.r != nil {
		return nil
	}
	return d.buf
}

// tooLarge reports whether the []byte input is longer than the size
// limit (WithMaxSize): the Decoder reads only up to the limit.
func (d *Decoder) tooLarge() bool { return d.over }

// inContent reports whether the next token is in the content of an open
// element: where a fast path may take over.
func (d *Decoder) inContent() bool { return d.state == dsContent }

// cursor returns the []byte input and the offset in it of the next unread
// byte. A fast path reads from there and hands the Decoder back with seek.
func (d *Decoder) cursor() (buf []byte, pos int) { return d.buf, d.pos }

// seek moves the next unread byte to pos, a token boundary a fast path
// reached after reading every token before it through the entry points
// below.
func (d *Decoder) seek(pos int) { d.pos = pos }

// page returns the tag code page in effect.
func (d *Decoder) page() uint8 { return d.tagPage }

// switchPage applies a SWITCH_PAGE to the tag code page.
func (d *Decoder) switchPage(p uint8) { d.tagPage = p }

// canOpen reports whether an element may open without exceeding the depth
// limit; when it may not, the fast path leaves the tag to ReadToken, which
// reports the error.
func (d *Decoder) canOpen() bool { return len(d.stack) < d.cfg.maxDepth }

// openContent opens an element with content (a tag with the content bit
// and without attributes) that the fast path read; the caller checked
// canOpen.
func (d *Decoder) openContent(page, code uint8) {
	d.stack = append(d.stack, frame{page: page, code: code, flags: fContent})
}

// closeContent closes the innermost element at an END the fast path read,
// and reports whether it was the root element: the document's content
// ends there.
func (d *Decoder) closeContent() (root bool) {
	d.pop()
	return d.state == dsEpilog
}

// headerState is what a Decoder learns from a document's header, for the
// Decoders that read parts of the same document.
type headerState struct {
	hdr   Header
	width int
	tmode textMode
}

// header returns what d learnt from the header it read.
func (d *Decoder) header() headerState { return headerState{d.hdr, d.width, d.tmode} }

// resume resets d to read src from checkpoint cp, in the content of the
// open elements there, as a Decoder that read the document from its start
// would be at cp; h is what src's header says.
func (d *Decoder) resume(src []byte, h headerState, cp *checkpoint) {
	d.Reset(src)
	d.hdr, d.width, d.tmode = h.hdr, h.width, h.tmode
	d.fast = d.fastReady()
	d.state, d.tagPage = dsContent, cp.page
	d.stack = append(d.stack[:0], cp.stack...)
	d.pos = cp.pos
}

// at reports whether d has read up to checkpoint cp without an error and
// is in the state a Decoder resumed at cp starts in.
func (d *Decoder) at(cp *checkpoint) bool {
	return d.err == nil && d.state == dsContent && d.pos == cp.pos && d.tagPage == cp.page &&
		slices.Equal(d.stack, cp.stack)
}

// configFrom gives d the configuration of o.
func (d *Decoder) configFrom(o *Decoder) { d.cfg, d.ready = o.cfg, true }
