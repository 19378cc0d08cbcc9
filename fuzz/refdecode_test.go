package fuzz

import (
	"github.com/easkit/easkit/wbxml"
)

// This file is a reference WBXML decoder, written for clarity from the W3C
// note "WAP Binary XML Content Format" (WBXML 1.3, section 5) and the
// policies that package wbxml documents (limits, charsets, lenient
// trailing bytes). It has no performance tricks: a recursive-descent
// parser over the grammar
//
//	start     = version publicid charset strtbl body   ; no charset in 1.0
//	body      = *pi element *pi
//	element   = ([switchPage] stag) [1*attribute END] [*content END]
//	content   = element | string | extension | entity | pi | opaque
//	stag      = TAG | (literalTag index)
//	attribute = attrStart *attrValue
//	attrStart = ([switchPage] ATTRSTART) | (LITERAL index)
//	attrValue = ([switchPage] ATTRVALUE) | string | extension | entity | opaque
//	pi        = PI attrStart *attrValue END
//
// that produces the same Token values as wbxml.Decoder, so that the two
// can be compared token by token.

// Global tokens of the W3C note, table 5.8.4.1.
const (
	tSwitchPage = 0x00
	tEnd        = 0x01
	tEntity     = 0x02
	tStrI       = 0x03
	tLiteral    = 0x04
	tExtI0      = 0x40
	tExtI2      = 0x42
	tPI         = 0x43
	tLiteralC   = 0x44
	tExtT0      = 0x80
	tExtT2      = 0x82
	tStrT       = 0x83
	tLiteralA   = 0x84
	tExt0       = 0xC0
	tExt2       = 0xC2
	tOpaque     = 0xC3
	tLiteralAC  = 0xC4
)

// refOptions are the decoder settings the reference supports.
type refOptions struct {
	vocab    wbxml.Vocabulary // nil: no vocabulary
	strict   bool
	maxDepth int
}

// refError is a decoding failure: where, and which sentinel of package
// wbxml classifies it.
type refError struct {
	offset int
	err    error
}

// refParser holds the state of one decoding.
type refParser struct {
	opts     refOptions
	in       []byte
	pos      int
	header   wbxml.Header
	charset  uint32
	table    []byte
	tagPage  uint8
	attrPage uint8
	depth    int
	tokens   []wbxml.Token
}

// refDecode decodes in and returns the header (zero if it is bad), the
// tokens it yields before the end or the first error, and the error (nil
// at a clean end).
func refDecode(in []byte, opts refOptions) (header wbxml.Header, tokens []wbxml.Token, err *refError) {
	if opts.maxDepth < 1 {
		opts.maxDepth = wbxml.DefaultMaxDepth
	}
	p := &refParser{opts: opts, in: in}
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(*refError)
			if !ok {
				panic(r)
			}
			header, tokens, err = p.header, p.tokens, e
		}
	}()
	p.document()
	return p.header, p.tokens, nil
}

// fail stops the decoding with a sentinel error at offset off.
func (p *refParser) fail(off int, err error) {
	panic(&refError{offset: off, err: err})
}

// emit records a token.
func (p *refParser) emit(t wbxml.Token) { p.tokens = append(p.tokens, t) }

// peek returns the next byte; at the end of the input the decoding fails
// as truncated, blaming the token that starts at tokenStart.
func (p *refParser) peek(tokenStart int) byte {
	if p.pos >= len(p.in) {
		p.fail(tokenStart, wbxml.ErrTruncated)
	}
	return p.in[p.pos]
}

// byte1 consumes one byte (see peek).
func (p *refParser) byte1(tokenStart int) byte {
	b := p.peek(tokenStart)
	p.pos++
	return b
}

// mbUint32 reads a multi-byte integer: 7 bits a byte, most significant
// first, the high bit set on all bytes but the last; at most 5 bytes and
// at most 2^32-1.
func (p *refParser) mbUint32(tokenStart int) uint32 {
	start := p.pos
	var v uint64
	for n := 1; ; n++ {
		b := p.byte1(tokenStart)
		v = v<<7 | uint64(b&0x7F)
		if n == 5 && (b&0x80 != 0 || v > 0xFFFFFFFF) {
			p.fail(start, wbxml.ErrMbUint32)
		}
		if b&0x80 == 0 {
			return uint32(v)
		}
	}
}

// width is the size of the string terminator in the document's charset:
// two bytes for UCS-2 and UTF-16, four for UCS-4 and UTF-32, else one.
func (p *refParser) width() int {
	switch p.charset {
	case wbxml.CharsetUCS2, wbxml.CharsetUTF16BE, wbxml.CharsetUTF16LE, wbxml.CharsetUTF16:
		return 2
	case wbxml.CharsetUCS4, wbxml.CharsetUTF32, wbxml.CharsetUTF32BE, wbxml.CharsetUTF32LE:
		return 4
	}
	return 1
}

// terminated returns the string at the start of b up to its terminator (a
// zero code unit aligned on the width), and whether there is one.
func (p *refParser) terminated(b []byte) ([]byte, bool) {
	w := p.width()
	for i := 0; i+w <= len(b); i += w {
		zero := true
		for _, c := range b[i : i+w] {
			zero = zero && c == 0
		}
		if zero {
			return b[:i], true
		}
	}
	return nil, false
}

// tableString returns the string-table string at offset off.
func (p *refParser) tableString(off uint32) ([]byte, bool) {
	if uint64(off) >= uint64(len(p.table)) {
		return nil, false
	}
	return p.terminated(p.table[off:])
}

// text turns string bytes into Token data: UTF-8 and unknown charsets as
// they are, ISO-8859-1 (and US-ASCII when lenient) converted to UTF-8, a
// US-ASCII byte above 0x7F an error in strict mode (at errAt, plus the
// byte's index when inline), other charsets raw.
func (p *refParser) text(s []byte, errAt int, inline bool) (data []byte, raw bool) {
	switch p.charset {
	case wbxml.CharsetUTF8, wbxml.CharsetUnknown:
		return s, false
	case wbxml.CharsetLatin1, wbxml.CharsetASCII:
		var out []byte
		for i, c := range s {
			if c < 0x80 {
				out = append(out, c)
				continue
			}
			if p.charset == wbxml.CharsetASCII && p.opts.strict {
				if inline {
					errAt += i
				}
				p.fail(errAt, wbxml.ErrCharset)
			}
			out = append(out, 0xC0|c>>6, 0x80|c&0x3F) // U+0080–U+00FF in UTF-8
		}
		return out, false
	}
	return s, true
}

// document parses the header and the body.
func (p *refParser) document() {
	if len(p.in) == 0 {
		p.fail(0, wbxml.ErrTruncated)
	}
	version := p.in[0]
	if version > wbxml.Version13 {
		p.fail(0, wbxml.ErrVersion)
	}
	p.pos = 1
	publicID := p.mbUint32(0)
	var idx uint32
	idxAt := p.pos
	if publicID == 0 {
		idx = p.mbUint32(0)
	}
	if version != wbxml.Version10 {
		p.charset = p.mbUint32(0)
	}
	lenAt := p.pos
	n := p.mbUint32(0)
	if uint64(n) > uint64(len(p.in)-p.pos) {
		p.fail(lenAt, wbxml.ErrStringTable)
	}
	p.table = p.in[p.pos : p.pos+int(n)]
	if publicID == 0 {
		if _, ok := p.tableString(idx); !ok {
			p.fail(idxAt, wbxml.ErrStringTable)
		}
	}
	p.pos += int(n)
	p.header = wbxml.Header{Version: version, PublicID: publicID, PublicIDIndex: idx, Charset: p.charset, StringTable: p.table}
	p.body()
}

// body = *pi element *pi. After the root element, bytes that do not start
// a PI end the document (lenient) or are an error (strict).
func (p *refParser) body() {
	for {
		if p.pos >= len(p.in) {
			p.fail(len(p.in), wbxml.ErrTruncated) // no root element
		}
		b := p.in[p.pos]
		switch {
		case b == tSwitchPage:
			p.switchPage(&p.tagPage)
		case b == tPI:
			p.pi()
		case isTag(b) || isLiteralTag(b):
			p.element()
			for p.pos < len(p.in) {
				if p.in[p.pos] != tPI {
					if p.opts.strict {
						p.fail(p.pos, wbxml.ErrTrailingData)
					}
					return
				}
				p.pi()
			}
			return
		case b == tEnd:
			p.fail(p.pos, wbxml.ErrNesting)
		default: // content before the root
			p.fail(p.pos, wbxml.ErrInvalidToken)
		}
	}
}

// isTag reports whether b is a tag token: 0x05–0x3F with any of the
// attribute (0x80) and content (0x40) bits.
func isTag(b byte) bool { return b&0x3F >= 5 }

func isLiteralTag(b byte) bool {
	return b == tLiteral || b == tLiteralC || b == tLiteralA || b == tLiteralAC
}

// switchPage reads SWITCH_PAGE and its page into page.
func (p *refParser) switchPage(page *uint8) {
	start := p.pos
	p.pos++
	*page = p.byte1(start)
}

// element parses one element from its start tag to its end.
func (p *refParser) element() {
	start := p.pos
	b := p.in[p.pos]
	p.pos++
	t := wbxml.Token{Kind: wbxml.KindStartTag, Attrs: b&0x80 != 0, Content: b&0x40 != 0, Offset: int64(start)}
	if isLiteralTag(b) {
		t.Literal = true
		t.Value = p.mbUint32(start)
		name, ok := p.tableString(t.Value)
		if !ok {
			p.fail(start+1, wbxml.ErrStringTable)
		}
		t.Data, t.Raw = p.text(name, start, false)
	} else {
		t.Page, t.Code = p.tagPage, b&0x3F
		if p.opts.vocab != nil && p.opts.vocab.TagName(t.Page, t.Code) == "" {
			if p.opts.strict {
				p.fail(start, wbxml.ErrUnknownTag)
			}
			t.Unknown = true
		}
	}
	if p.depth >= p.opts.maxDepth {
		p.fail(start, wbxml.ErrDepth)
	}
	p.depth++
	p.emit(t)
	if t.Attrs {
		p.attributes(false)
	}
	end := t // the end token repeats the start tag's fields
	end.Kind = wbxml.KindEndTag
	end.Offset = int64(p.pos)
	if t.Content {
		p.content()
		end.Offset = int64(p.pos)
		p.pos++ // END
	}
	p.depth--
	p.emit(end)
}

// content parses the content of an element up to its END, which it leaves
// unread.
func (p *refParser) content() {
	for {
		if p.pos >= len(p.in) {
			p.fail(len(p.in), wbxml.ErrTruncated) // open elements
		}
		b := p.in[p.pos]
		switch {
		case b == tSwitchPage:
			p.switchPage(&p.tagPage)
		case b == tEnd:
			return
		case b == tPI:
			p.pi()
		case isTag(b) || isLiteralTag(b):
			p.element()
		default:
			p.value()
		}
	}
}

// attributes parses an attribute list through its END; for a processing
// instruction (pi), exactly one attribute start is allowed.
func (p *refParser) attributes(pi bool) {
	first := true
	for {
		start := p.pos
		b := p.peek(start)
		switch {
		case b == tSwitchPage:
			p.switchPage(&p.attrPage)
		case b == tLiteral || b < 0x80 && b&0x3F >= 5: // attrStart
			if pi && !first {
				p.fail(start, wbxml.ErrInvalidToken)
			}
			first = false
			p.pos++
			t := wbxml.Token{Kind: wbxml.KindAttrStart, Offset: int64(start)}
			if b == tLiteral {
				t.Literal = true
				t.Value = p.mbUint32(start)
				name, ok := p.tableString(t.Value)
				if !ok {
					p.fail(start+1, wbxml.ErrStringTable)
				}
				t.Data, t.Raw = p.text(name, start, false)
			} else {
				t.Page, t.Code = p.attrPage, b
			}
			p.emit(t)
		case first:
			p.fail(start, wbxml.ErrInvalidToken) // the list must start with an attribute
		case b == tEnd:
			p.pos++
			if pi {
				p.emit(wbxml.Token{Kind: wbxml.KindEndPI, Offset: int64(start)})
			} else {
				p.emit(wbxml.Token{Kind: wbxml.KindEndAttrs, Offset: int64(start)})
			}
			return
		case b >= 0x80 && b&0x3F >= 5: // ATTRVALUE
			p.pos++
			p.emit(wbxml.Token{Kind: wbxml.KindAttrValue, Page: p.attrPage, Code: b, Offset: int64(start)})
		case b == tPI || isLiteralTag(b):
			p.fail(start, wbxml.ErrInvalidToken)
		default:
			p.value()
		}
	}
}

// pi parses a processing instruction.
func (p *refParser) pi() {
	p.emit(wbxml.Token{Kind: wbxml.KindPI, Offset: int64(p.pos)})
	p.pos++
	p.attributes(true)
}

// value parses a string, extension, entity or opaque token.
func (p *refParser) value() {
	start := p.pos
	b := p.in[p.pos]
	p.pos++
	t := wbxml.Token{Offset: int64(start)}
	switch {
	case b == tStrI:
		t.Kind, t.Form = wbxml.KindString, wbxml.FormInline
		t.Data, t.Raw = p.inlineString(start)
	case b == tStrT:
		t.Kind, t.Form = wbxml.KindString, wbxml.FormTable
		t.Value = p.mbUint32(start)
		s, ok := p.tableString(t.Value)
		if !ok {
			p.fail(start+1, wbxml.ErrStringTable)
		}
		t.Data, t.Raw = p.text(s, start, false)
	case b == tEntity:
		t.Kind = wbxml.KindEntity
		t.Value = p.mbUint32(start)
	case b >= tExtI0 && b <= tExtI2:
		t.Kind, t.Form, t.Code = wbxml.KindExt, wbxml.FormInline, b-tExtI0
		t.Data, t.Raw = p.inlineString(start)
	case b >= tExtT0 && b <= tExtT2:
		t.Kind, t.Form, t.Code = wbxml.KindExt, wbxml.FormTable, b-tExtT0
		t.Value = p.mbUint32(start)
		if s, ok := p.tableString(t.Value); ok {
			t.Data, t.Raw = p.text(s, start, false)
		}
	case b >= tExt0 && b <= tExt2:
		t.Kind, t.Form, t.Code = wbxml.KindExt, wbxml.FormSingle, b-tExt0
	case b == tOpaque:
		t.Kind = wbxml.KindOpaque
		n := p.mbUint32(start)
		if uint64(n) > uint64(len(p.in)-p.pos) {
			p.fail(start, wbxml.ErrTruncated)
		}
		t.Data = p.in[p.pos : p.pos+int(n)]
		p.pos += int(n)
	default:
		// Every byte is a token in content (table 5.8.4.1 leaves no
		// global token unassigned), so this is unreachable.
		p.fail(start, wbxml.ErrInvalidToken)
	}
	p.emit(t)
}

// inlineString reads a terminated inline string after STR_I or EXT_I.
func (p *refParser) inlineString(tokenStart int) ([]byte, bool) {
	s, ok := p.terminated(p.in[p.pos:])
	if !ok {
		p.fail(tokenStart, wbxml.ErrTruncated)
	}
	at := p.pos
	p.pos += len(s) + p.width()
	return p.text(s, at, true)
}
