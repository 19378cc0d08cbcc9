package wbxml

import "bytes"

// NextLeaf is Next, except that an element made of a tag token and one
// inline string (tag, STR_I, END), or of a tag token without content,
// comes as one KindLeaf token instead of its start tag, string and end
// tag: the form of most ActiveSync elements (ids, flags, numbers,
// dates), whose readers do less per element this way. Any other element,
// and any element where Next would report an error, comes
// token by token as from Next, with which NextLeaf may be mixed.
//
// A KindLeaf token's Offset is its tag's; its string, when Content is
// true, starts 2 bytes later (after the STR_I byte), and the element
// takes len(Data)+4 bytes. The token and its Data are valid until the
// next call to the Decoder, and the caller must not modify them.
func (d *Decoder) NextLeaf() (*Token, error) {
	if !d.fast || d.state != dsContent || d.err != nil {
		return d.nextToken()
	}
	buf, pos, page := d.buf, d.pos, d.tagPage
	if pos+1 < len(buf) && buf[pos] == TokSwitchPage {
		page = buf[pos+1]
		pos += 2
	}
	if pos >= len(buf) {
		return d.nextToken()
	}
	b, t := buf[pos], &d.tok
	if b == TokEnd {
		f := d.stack[len(d.stack)-1]
		if f.flags&fLiteral != 0 {
			return d.nextToken()
		}
		t.setTag(KindEndTag, f.page, f.code, f.flags, d.base+int64(pos))
		d.stack = d.stack[:len(d.stack)-1]
		if len(d.stack) == 0 {
			d.state = dsEpilog
		}
		d.pos, d.tagPage = pos+1, page
		return t, nil
	}
	if b >= TagAttrs || b&TagCodeMask < TagMinCode || len(d.stack) >= d.cfg.maxDepth {
		return d.nextToken()
	}
	code := b & TagCodeMask
	var flags uint8
	if !d.fastTags.Has(page, code) {
		if d.cfg.strict {
			return d.nextToken()
		}
		flags = fUnknown
	}
	if b&TagContent == 0 {
		t.setTag(KindLeaf, page, code, flags, d.base+int64(pos))
		d.pos, d.tagPage = pos+1, page
		return t, nil
	}
	flags |= fContent
	if pos+1 < len(buf) && buf[pos+1] == TokStrI {
		i := bytes.IndexByte(buf[pos+2:], 0)
		if i < 0 || pos+3+i >= len(buf) || buf[pos+3+i] != TokEnd {
			return d.nextToken() // more than one string: token by token
		}
		t.setTag(KindLeaf, page, code, flags, d.base+int64(pos))
		t.Data = buf[pos+2 : pos+2+i]
		d.pos, d.tagPage = pos+4+i, page
		return t, nil
	}
	// The start of an element with other content.
	d.stack = append(d.stack, frame{page: page, code: code, flags: flags})
	t.setTag(KindStartTag, page, code, flags, d.base+int64(pos))
	d.pos, d.tagPage = pos+1, page
	return t, nil
}
