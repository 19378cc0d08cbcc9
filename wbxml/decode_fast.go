package wbxml

//go:generate go run ../gen -root .. wbxml

import "bytes"

// nextFast decodes the next token in the content of an element of a
// plain []byte input (UTF-8 text, one-byte terminators), when that token
// is one that ActiveSync messages are made of — a tag without attributes,
// END, STR_I or OPAQUE, after any SWITCH_PAGE — exactly as next would, in
// fewer steps. For anything else, and wherever next would report an error,
// it reports false and leaves d as it was: next then decodes the token the
// general way. The tests compare the two on every corpus message and the
// fuzz target FuzzDecodeFast on random input.
//
// It is also the template of ReadToken's, Next's and Step's loops, which
// have its body inline (decode_fast_gen.go, which go run ./gen writes:
// internal/codegen/fastpath.go): t is a *Token or a *cursor there, and
// "return true" and "return false" become those methods' results. It must only
// write t through setTag and setValue, which both types have.
func (d *Decoder) nextFast(t *Token) bool {
	buf, pos, page := d.buf, d.pos, d.tagPage
	for pos < len(buf) {
		b := buf[pos]
		switch {
		case b == TokSwitchPage:
			if pos+1 >= len(buf) {
				return false
			}
			page = buf[pos+1]
			pos += 2
			continue

		case b < TagAttrs && b&TagCodeMask >= TagMinCode: // a tag without attributes
			code := b & TagCodeMask
			flags := b >> 5 & fContent // 0x40 -> fContent
			if !d.fastTags.Has(page, code) {
				if d.cfg.strict {
					return false
				}
				flags |= fUnknown
			}
			if len(d.stack) >= d.cfg.maxDepth {
				return false
			}
			d.stack = append(d.stack, frame{page: page, code: code, flags: flags})
			t.setTag(KindStartTag, page, code, flags, d.base+int64(pos))
			if flags&fContent == 0 {
				d.state = dsEndPending
			}
			d.pos, d.tagPage = pos+1, page
			return true

		case b == TokEnd:
			f := d.stack[len(d.stack)-1]
			if f.flags&fLiteral != 0 {
				return false
			}
			t.setTag(KindEndTag, f.page, f.code, f.flags, d.base+int64(pos))
			d.stack = d.stack[:len(d.stack)-1]
			if len(d.stack) == 0 {
				d.state = dsEpilog
			}
			d.pos, d.tagPage = pos+1, page
			return true

		case b == TokStrI:
			i := bytes.IndexByte(buf[pos+1:], 0)
			if i < 0 {
				return false
			}
			t.setValue(KindString, d.base+int64(pos), buf[pos+1:pos+1+i])
			d.pos, d.tagPage = pos+2+i, page
			return true

		case b == TokOpaque:
			if pos+1 >= len(buf) {
				return false
			}
			n, k := uint64(buf[pos+1]), 1
			if n >= 0x80 {
				v, m := ConsumeMbUint32(buf[pos+1:])
				if m <= 0 {
					return false
				}
				n, k = uint64(v), m
			}
			start := pos + 1 + k
			if start > len(buf) || n > uint64(len(buf)-start) { // uint64: int is 32 bits on 386
				return false
			}
			t.setValue(KindOpaque, d.base+int64(pos), buf[start:start+int(n)])
			d.pos, d.tagPage = start+int(n), page
			return true
		}
		return false
	}
	return false
}

// setValue makes t a KindString (inline, FormInline is 0) or KindOpaque
// token. Field by field: a composite literal costs the fast path about a
// third of its speed (it builds the whole Token and then copies it).
func (t *Token) setValue(kind Kind, at int64, data []byte) {
	t.Kind, t.Page, t.Code, t.Form = kind, 0, 0, FormInline
	t.Attrs, t.Content, t.Literal, t.Unknown, t.Raw = false, false, false, false, false
	t.Value = 0
	t.Offset = at
	t.Data = data
}

// fastDecode turns nextFast on; tests turn it off to compare the two ways.
var fastDecode = true

// allTags is the TagSet of a Decoder without a vocabulary, for which every
// tag is known.
var allTags = func() *TagSet {
	s := new(TagSet)
	for p := range s {
		s[p] = ^uint64(0)
	}
	return s
}()

// fastTagSet returns the set nextFast checks tags against, or nil when the
// vocabulary is not a TagSetter (it must then be asked for each tag, which
// next does).
func (d *Decoder) fastTagSet() *TagSet {
	switch {
	case d.cfg.vocab == nil:
		return allTags
	case d.known != nil:
		return d.known
	}
	return nil
}

// fastReady reports whether nextFast may read this document.
func (d *Decoder) fastReady() bool {
	d.fastTags = d.fastTagSet()
	return fastDecode && d.fastTags != nil && d.plainInput()
}
