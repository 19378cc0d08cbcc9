package wbxml

// A cursor is the token Step moved to, in the few fields the ActiveSync
// tokens need. A token that the general decoder read is in Decoder.tok in
// full (full is true) and repeated here.
type cursor struct {
	kind       Kind
	page, code uint8
	flags      uint8 // fAttrs, fContent, fLiteral, fUnknown of a tag
	full       bool  // Decoder.tok holds the token with every field
	off        int64
	data       []byte
}

// setTag is Token.setTag for a cursor.
func (c *cursor) setTag(kind Kind, page, code, f uint8, at int64) {
	c.kind, c.page, c.code, c.flags, c.full, c.off, c.data = kind, page, code, f, false, at, nil
}

// setValue is Token.setValue for a cursor.
func (c *cursor) setValue(kind Kind, at int64, data []byte) {
	c.kind, c.page, c.code, c.flags, c.full, c.off, c.data = kind, 0, 0, 0, false, at, data
}

// Step advances d to the next token and returns its kind: the same
// tokens, in the same order and with the same errors, as ReadToken and
// Next, with which it may be mixed. It is the fastest of the three in
// loops over many tokens, because it sets only what the ActiveSync tokens
// need. The fields of the token it moved to are read with StepTag,
// StepContent, StepData and StepOffset, or all at once with StepToken;
// they are valid until the next call that reads from d.
//
// A loop over a document:
//
//	for {
//		kind, err := d.Step()
//		if err == io.EOF {
//			break
//		} else if err != nil {
//			return err
//		}
//		switch kind {
//		case wbxml.KindStartTag:
//			page, code := d.StepTag()
//			…
//		case wbxml.KindString, wbxml.KindOpaque:
//			use(d.StepData())
//		}
//	}
func (d *Decoder) Step() (Kind, error) { return d.step() }

// stepSlow is Step for the tokens the fast path leaves to next.
func (d *Decoder) stepSlow() (Kind, error) {
	if d.err != nil {
		return KindInvalid, d.err
	}
	t := &d.tok
	if err := d.next(t); err != nil {
		d.err = err
		return KindInvalid, err
	}
	c := &d.cur
	c.kind, c.page, c.code, c.off, c.data, c.full = t.Kind, t.Page, t.Code, t.Offset, t.Data, true
	c.flags = 0
	if t.Attrs {
		c.flags |= fAttrs
	}
	if t.Content {
		c.flags |= fContent
	}
	if t.Literal {
		c.flags |= fLiteral
	}
	if t.Unknown {
		c.flags |= fUnknown
	}
	return c.kind, nil
}

// StepTag returns the code page and token code of the tag Step moved to
// (a KindStartTag or KindEndTag), and 0, 0 for other tokens. A literal
// tag has code 0: its name is StepToken's Data.
func (d *Decoder) StepTag() (page, code uint8) { return d.cur.page, d.cur.code }

// StepContent reports whether the KindStartTag Step moved to has content
// (its KindEndTag comes after the content); false for an element without
// content, whose KindEndTag is next.
func (d *Decoder) StepContent() bool { return d.cur.flags&fContent != 0 }

// StepData returns the Data of the token Step moved to: the text of a
// KindString, the bytes of a KindOpaque, nil for a known tag. It points
// into the input or the Decoder's buffers, valid until the next call that
// reads from d.
func (d *Decoder) StepData() []byte { return d.cur.data }

// StepOffset returns the input offset of the token Step moved to.
func (d *Decoder) StepOffset() int64 { return d.cur.off }

// StepToken returns the token Step moved to with all its fields, in the
// Token that Next also uses: valid until the next call that reads from d,
// and not to be modified.
func (d *Decoder) StepToken() *Token {
	if c := &d.cur; !c.full {
		d.tok.setTag(c.kind, c.page, c.code, c.flags, c.off)
		d.tok.Data = c.data
		c.full = true
	}
	return &d.tok
}
