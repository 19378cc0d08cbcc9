package wbxml

import (
	"io"
	"math"
)

// next decodes the next token into t.
func (d *Decoder) next(t *Token) error {
	if d.fast && d.state == dsContent && d.nextFast(t) {
		return nil
	}
	for {
		switch d.state {
		case dsContent, dsProlog, dsEpilog:
			if d.pos >= len(d.buf) && !d.more(1) {
				return d.atEnd()
			}
			b := d.buf[d.pos]
			if d.state == dsEpilog && b != TokPI {
				// Not a PI: trailing data. Lenient mode ends the document
				// here, as libwbxml does; InputOffset shows where.
				if d.cfg.strict {
					return d.errAt(d.off(), ErrTrailingData, "data after the root element")
				}
				d.state = dsDone
				return io.EOF
			}
			if isTag(b) {
				return d.startTag(t, b)
			}
			switch b {
			case TokSwitchPage:
				if !d.more(2) {
					return d.short(d.off(), "input ends inside SWITCH_PAGE")
				}
				d.tagPage = d.buf[d.pos+1]
				d.pos += 2
				continue
			case TokEnd:
				if d.state == dsProlog {
					return d.errAt(d.off(), ErrNesting, "END with no open element")
				}
				f := d.stack[len(d.stack)-1]
				if err := d.endTag(t, f, d.off()); err != nil {
					return err
				}
				d.pos++
				d.pop()
				return nil
			case TokLiteral, TokLiteralC, TokLiteralA, TokLiteralAC:
				return d.literalTag(t, b)
			case TokPI:
				*t = Token{Kind: KindPI, Offset: d.off()}
				d.pos++
				d.piRet, d.state = d.state, dsPIFirst
				return nil
			default: // ENTITY, STR_I, STR_T, EXT*, OPAQUE
				if d.state == dsProlog {
					return d.errAt(d.off(), ErrInvalidToken, "content before the root element")
				}
				return d.value(t, b)
			}

		case dsEndPending:
			f := d.stack[len(d.stack)-1]
			if err := d.endTag(t, f, d.off()); err != nil {
				return err
			}
			d.pop()
			return nil

		case dsAttrFirst, dsAttr, dsPIFirst, dsPI:
			if !d.more(1) {
				if d.state == dsPIFirst || d.state == dsPI {
					return d.short(d.off(), "input ends inside a processing instruction")
				}
				return d.short(d.off(), "input ends inside an attribute list")
			}
			b := d.buf[d.pos]
			first := d.state == dsAttrFirst || d.state == dsPIFirst
			switch {
			case b == TokSwitchPage: // the attribute code page
				if !d.more(2) {
					return d.short(d.off(), "input ends inside SWITCH_PAGE")
				}
				d.attrPage = d.buf[d.pos+1]
				d.pos += 2
				continue
			case b == TokLiteral || b < TagAttrs && isTag(b): // LITERAL or ATTRSTART
				if d.state == dsPI {
					return d.errAt(d.off(), ErrInvalidToken, "second attribute start in a processing instruction")
				}
				return d.attrStart(t, b)
			case first:
				return d.errAt(d.off(), ErrInvalidToken, "attribute start expected")
			case b == TokEnd: // of the attribute list or PI
				*t = Token{Kind: KindEndAttrs, Offset: d.off()}
				d.pos++
				if d.state == dsPI {
					t.Kind = KindEndPI
					d.state = d.piRet
					return nil
				}
				if d.stack[len(d.stack)-1].flags&fContent != 0 {
					d.state = dsContent
				} else {
					d.state = dsEndPending
				}
				return nil
			case b >= TagAttrs && isTag(b): // ATTRVALUE
				*t = Token{Kind: KindAttrValue, Page: d.attrPage, Code: b, Offset: d.off()}
				d.pos++
				return nil
			case b == TokPI || isLiteral(b):
				return d.errAt(d.off(), ErrInvalidToken, "PI or LITERAL_C/A/AC inside an attribute list")
			default: // ENTITY, STR_I, STR_T, EXT*, OPAQUE
				return d.value(t, b)
			}

		case dsHeader:
			if err := d.readHeader(); err != nil {
				return err
			}

		default: // dsDone
			return io.EOF
		}
	}
}

// atEnd handles the end of the input between tokens.
func (d *Decoder) atEnd() error {
	if d.rerr != nil && d.rerr != io.EOF {
		return d.rerr
	}
	if d.over {
		return d.short(d.off(), "")
	}
	switch d.state {
	case dsEpilog:
		d.state = dsDone
		return io.EOF
	case dsProlog:
		return d.errAt(d.end(), ErrTruncated, "input ends before the root element")
	}
	return d.errAt(d.end(), ErrTruncated, "input ends with open elements")
}

// push opens an element after checking the depth limit.
func (d *Decoder) push(f frame, at int64) error {
	if len(d.stack) >= d.cfg.maxDepth {
		return d.errAt(at, ErrDepth, "elements nested deeper than the limit")
	}
	d.stack = append(d.stack, f)
	return nil
}

func (d *Decoder) pop() {
	d.stack = d.stack[:len(d.stack)-1]
	if len(d.stack) == 0 {
		d.state = dsEpilog
	} else {
		d.state = dsContent
	}
}

// afterStart sets the state that follows a start tag with flags.
func (d *Decoder) afterStart(flags uint8) {
	switch {
	case flags&fAttrs != 0:
		d.state = dsAttrFirst
	case flags&fContent != 0:
		d.state = dsContent
	default:
		d.state = dsEndPending
	}
}

// startTag decodes a tag token b from the tag code space.
func (d *Decoder) startTag(t *Token, b byte) error {
	code, page := b&TagCodeMask, d.tagPage
	flags := (b >> 7 & 1) | (b >> 5 & 2) // 0x80 -> fAttrs, 0x40 -> fContent
	if v := d.cfg.vocab; v != nil && v.TagName(page, code) == "" {
		if d.cfg.strict {
			return d.errAt(d.off(), ErrUnknownTag, "tag not in the vocabulary")
		}
		flags |= fUnknown
	}
	if err := d.push(frame{page: page, code: code, flags: flags}, d.off()); err != nil {
		return err
	}
	t.setTag(KindStartTag, page, code, flags, d.off())
	d.pos++
	d.afterStart(flags)
	return nil
}

// literalTag decodes LITERAL, LITERAL_C, LITERAL_A or LITERAL_AC.
func (d *Decoder) literalTag(t *Token, b byte) error {
	idx, k, err := d.readMb(1, "LITERAL index")
	if err != nil {
		return err
	}
	name, ok := tableString(d.hdr.StringTable, idx, d.width)
	if !ok {
		return d.errAt(d.off()+1, ErrStringTable, "LITERAL index outside the string table")
	}
	flags := (b >> 7 & 1) | (b >> 5 & 2) | fLiteral
	at := d.off()
	*t = Token{
		Kind: KindStartTag, Literal: true, Value: idx,
		Attrs: flags&fAttrs != 0, Content: flags&fContent != 0, Offset: at,
	}
	if err := d.setText(t, name, at, false); err != nil {
		return err
	}
	if err := d.push(frame{flags: flags, off: idx}, at); err != nil {
		return err
	}
	d.pos += k
	d.afterStart(flags)
	return nil
}

// endTag fills t with the end of element f at offset at.
func (d *Decoder) endTag(t *Token, f frame, at int64) error {
	t.setTag(KindEndTag, f.page, f.code, f.flags, at)
	if f.flags&fLiteral != 0 {
		t.Value = f.off
		name, _ := tableString(d.hdr.StringTable, f.off, d.width)
		return d.setText(t, name, at, false)
	}
	return nil
}

// attrStart decodes an ATTRSTART token or an attribute LITERAL.
func (d *Decoder) attrStart(t *Token, b byte) error {
	at := d.off()
	next := dsAttr
	if d.state == dsPIFirst {
		next = dsPI
	}
	if b != TokLiteral {
		*t = Token{Kind: KindAttrStart, Page: d.attrPage, Code: b, Offset: at}
		d.pos++
		d.state = next
		return nil
	}
	idx, k, err := d.readMb(1, "LITERAL index")
	if err != nil {
		return err
	}
	name, ok := tableString(d.hdr.StringTable, idx, d.width)
	if !ok {
		return d.errAt(at+1, ErrStringTable, "LITERAL index outside the string table")
	}
	*t = Token{Kind: KindAttrStart, Literal: true, Value: idx, Offset: at}
	if err := d.setText(t, name, at, false); err != nil {
		return err
	}
	d.pos += k
	d.state = next
	return nil
}

// value decodes ENTITY, STR_I, STR_T, EXT_I_n, EXT_T_n, EXT_n or OPAQUE,
// in content or in an attribute value.
func (d *Decoder) value(t *Token, b byte) error {
	at := d.off()
	switch b {
	case TokStrI:
		s, k, err := d.readTermstr(1, "STR_I")
		if err != nil {
			return err
		}
		*t = Token{Kind: KindString, Form: FormInline, Offset: at}
		if err := d.setText(t, s, at+1, true); err != nil {
			return err
		}
		d.pos += k
	case TokOpaque:
		n, k, err := d.readMb(1, "OPAQUE length")
		if err != nil {
			return err
		}
		if uint64(n) > uint64(math.MaxInt-k) || !d.more(k+int(n)) {
			return d.short(at, "OPAQUE length exceeds the rest of the input")
		}
		*t = Token{Kind: KindOpaque, Offset: at, Data: d.buf[d.pos+k : d.pos+k+int(n)]}
		d.pos += k + int(n)
	case TokStrT:
		idx, k, err := d.readMb(1, "STR_T index")
		if err != nil {
			return err
		}
		s, ok := tableString(d.hdr.StringTable, idx, d.width)
		if !ok {
			return d.errAt(at+1, ErrStringTable, "STR_T index outside the string table")
		}
		*t = Token{Kind: KindString, Form: FormTable, Value: idx, Offset: at}
		if err := d.setText(t, s, at, false); err != nil {
			return err
		}
		d.pos += k
	case TokEntity:
		v, k, err := d.readMb(1, "ENTITY")
		if err != nil {
			return err
		}
		*t = Token{Kind: KindEntity, Value: v, Offset: at}
		d.pos += k
	case TokExtI0, TokExtI0 + 1, TokExtI0 + 2:
		s, k, err := d.readTermstr(1, "EXT_I")
		if err != nil {
			return err
		}
		*t = Token{Kind: KindExt, Code: b - TokExtI0, Form: FormInline, Offset: at}
		if err := d.setText(t, s, at+1, true); err != nil {
			return err
		}
		d.pos += k
	case TokExtT0, TokExtT0 + 1, TokExtT0 + 2:
		v, k, err := d.readMb(1, "EXT_T")
		if err != nil {
			return err
		}
		*t = Token{Kind: KindExt, Code: b - TokExtT0, Form: FormTable, Value: v, Offset: at}
		if s, ok := tableString(d.hdr.StringTable, v, d.width); ok {
			if err := d.setText(t, s, at, false); err != nil {
				return err
			}
		}
		d.pos += k
	default: // TokExt0 to TokExt0+2
		*t = Token{Kind: KindExt, Code: b - TokExt0, Form: FormSingle, Offset: at}
		d.pos++
	}
	return nil
}

// setTag fills t with a tag token from the frame flags f. It stores field
// by field: a composite literal is built on the stack and copied with wide
// moves that stall on the narrow stores just made.
func (t *Token) setTag(kind Kind, page, code, f uint8, at int64) {
	t.Kind, t.Page, t.Code, t.Form = kind, page, code, 0
	t.Attrs = f&fAttrs != 0
	t.Content = f&fContent != 0
	t.Literal = f&fLiteral != 0
	t.Unknown = f&fUnknown != 0
	t.Raw = false
	t.Value = 0
	t.Offset = at
	t.Data = nil
}
