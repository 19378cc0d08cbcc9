package wbxml

import (
	"io"
	"math"
	"unicode/utf8"
)

// encState is where the encoder is in the document grammar.
type encState uint8

const (
	esProlog    encState = iota // before the root element
	esContent                   // inside an element's content
	esEpilog                    // after the root element
	esAttrFirst                 // after a start tag with attributes: an attribute start must follow
	esAttr                      // in an attribute list
	esPIFirst                   // after PI: the target must follow
	esPI                        // in a PI, after its target
)

// An Encoder writes a WBXML document from a sequence of tokens or events.
//
// It writes the header when it is reset (03 01 6A 00 unless WithHeader
// says otherwise), inserts SWITCH_PAGE where the code page changes, and
// writes every start tag with its content bit set, clearing the bit in
// place when the next event is the element's end (no END is written then).
// Every call checks that the token is allowed where it comes; a rejected
// call returns a *[SyntaxError] and leaves the Encoder as it was.
//
// An Encoder either appends to a caller's []byte (NewAppendEncoder,
// ResetAppend, Bytes) or writes to an io.Writer through a bounded buffer
// (NewEncoder, Reset, Flush). An I/O error is returned as it is and
// repeated by every later call.
//
// An Encoder is not safe for concurrent use.
type Encoder struct {
	w       io.Writer
	buf     []byte // output not yet flushed (append form: the caller's slice)
	wbuf    []byte // writer form: the buffer kept across Reset
	start   int    // append form: len(dst) at reset
	flushed int64  // writer form: bytes written to w

	cfg   config
	ready bool
	width int
	tmode textMode

	state    encState
	piRet    encState
	tagPage  uint8
	attrPage uint8
	stack    []frame
	hold     int   // index in buf of the last start tag byte, while its content bit may still be cleared; -1 if none
	err      error // sticky: a header or I/O error
}

// NewEncoder returns an Encoder that writes a document to w. Output is
// buffered; it is flushed when the root element ends, when the buffer
// reaches its size (see WithBufferSize), and by Flush.
func NewEncoder(w io.Writer, opts ...Option) *Encoder {
	e := new(Encoder)
	e.Reset(w, opts...)
	return e
}

// NewAppendEncoder returns an Encoder that appends a document to dst; Bytes
// returns the result.
func NewAppendEncoder(dst []byte, opts ...Option) *Encoder {
	e := new(Encoder)
	e.ResetAppend(dst, opts...)
	return e
}

// Reset makes e write a new document to w, reusing e's memory, and
// buffers the header. When opts are given they replace the options e had;
// otherwise e keeps them.
func (e *Encoder) Reset(w io.Writer, opts ...Option) {
	if e.w != nil {
		e.wbuf = e.buf[:0]
	}
	e.reset(opts)
	e.w = w
	e.buf = e.wbuf[:0]
	e.start = 0
	e.writeHeader()
}

// ResetAppend makes e append a new document to dst, reusing e's memory,
// and appends the header. When opts are given they replace the options e
// had; otherwise e keeps them.
func (e *Encoder) ResetAppend(dst []byte, opts ...Option) {
	if e.w != nil {
		e.wbuf = e.buf[:0]
	}
	e.reset(opts)
	e.w = nil
	e.buf = dst
	e.start = len(dst)
	e.writeHeader()
}

func (e *Encoder) reset(opts []Option) {
	if !e.ready || len(opts) > 0 {
		e.cfg = defaultConfig()
		e.cfg.apply(opts)
		e.ready = true
	}
	e.flushed = 0
	e.width, e.tmode = nullWidth(e.cfg.hdr.Charset), textModeOf(e.cfg.hdr.Charset)
	e.state, e.piRet = esProlog, esProlog
	e.tagPage, e.attrPage = 0, 0
	e.stack = e.stack[:0]
	e.hold = -1
	e.err = nil
}

func (e *Encoder) writeHeader() {
	if msg, err := e.cfg.hdr.validate(); err != nil {
		e.err = &SyntaxError{Offset: 0, Err: err, msg: "header: " + msg}
		return
	}
	e.buf = AppendHeader(e.buf, &e.cfg.hdr)
}

// Bytes returns the buffer of the append form: the dst given to
// ResetAppend with the output appended. The last start tag's content bit
// may still change until the next call. The writer form returns the
// unflushed output.
func (e *Encoder) Bytes() []byte { return e.buf }

// OutputOffset returns the number of bytes of the document written so
// far, header included.
func (e *Encoder) OutputOffset() int64 { return e.flushed + int64(len(e.buf)-e.start) }

// StackDepth returns the number of open elements.
func (e *Encoder) StackDepth() int { return len(e.stack) }

// Flush writes buffered output to the io.Writer. A start tag written last
// then keeps its content bit, so an END follows it even if the element
// turns out to be empty. The append form has nothing to flush.
func (e *Encoder) Flush() error {
	if e.err != nil {
		return e.err
	}
	if e.w == nil {
		return nil
	}
	e.hold = -1
	return e.flush(len(e.buf))
}

// flush writes buf[:n] to w and keeps the rest.
func (e *Encoder) flush(n int) error {
	if n == 0 {
		return nil
	}
	m, err := e.w.Write(e.buf[:n])
	if err == nil && m != n {
		err = io.ErrShortWrite
	}
	if err != nil {
		e.err = err
		return err
	}
	e.flushed += int64(n)
	k := copy(e.buf, e.buf[n:])
	e.buf = e.buf[:k]
	if e.hold >= 0 {
		e.hold -= n
	}
	return nil
}

// done ends a successful call: the writer form flushes a full buffer, and
// everything once the document is complete.
func (e *Encoder) done() error {
	if e.w == nil {
		return nil
	}
	if e.state == esEpilog {
		return e.flush(len(e.buf))
	}
	if len(e.buf) >= e.cfg.bufSize {
		n := len(e.buf)
		if e.hold >= 0 {
			n = e.hold
		}
		return e.flush(n)
	}
	return nil
}

func (e *Encoder) errorf(err error, msg string) error {
	return &SyntaxError{Offset: e.OutputOffset(), Path: e.path(), Err: err, msg: msg}
}

func (e *Encoder) path() Path {
	return buildPath(e.stack, e.cfg.vocab, e.cfg.hdr.StringTable, e.width)
}

// content releases a held start tag: its element has content.
func (e *Encoder) content() { e.hold = -1 }

// WriteToken writes t, as decoded by a Decoder or built by the caller.
// KindEndTag ignores the token's fields; a start tag's Content bit is
// ignored (see Encoder) but its Attrs bit says whether attributes follow.
// Data is not retained.
func (e *Encoder) WriteToken(t *Token) error {
	switch t.Kind {
	case KindStartTag:
		if t.Literal {
			return e.StartLiteral(t.Value, t.Attrs)
		}
		return e.StartTag(t.Page, t.Code, t.Attrs)
	case KindEndTag:
		return e.EndTag()
	case KindString:
		if t.Form == FormTable {
			return e.TableString(t.Value)
		}
		return e.text(0x03, t.Data, t.Raw, "STR_I")
	case KindOpaque:
		return e.Opaque(t.Data)
	case KindEntity:
		return e.Entity(t.Value)
	case KindExt:
		return e.ext(t.Code, t.Form, t.Value, t.Data, t.Raw)
	case KindPI:
		return e.PI()
	case KindEndPI:
		return e.EndPI()
	case KindAttrStart:
		if t.Literal {
			return e.AttrLiteral(t.Value)
		}
		return e.AttrStart(t.Page, t.Code)
	case KindAttrValue:
		return e.AttrValue(t.Page, t.Code)
	case KindEndAttrs:
		return e.EndAttrs()
	}
	if e.err != nil {
		return e.err
	}
	return e.errorf(ErrInvalidToken, "token of kind "+t.Kind.String())
}

// StartTag starts element code (0x05–0x3F) on code page page. With attrs
// the element gets an attribute list: AttrStart or AttrLiteral must follow,
// then values, then EndAttrs.
func (e *Encoder) StartTag(page, code uint8, attrs bool) error {
	if err := e.checkStart(); err != nil {
		return err
	}
	if code < 0x05 || code > 0x3F {
		return e.errorf(ErrInvalidToken, "tag token outside 0x05–0x3F")
	}
	if v := e.cfg.vocab; v != nil && e.cfg.strict && v.TagName(page, code) == "" {
		return e.errorf(ErrUnknownTag, "tag not in the vocabulary")
	}
	if len(e.stack) >= e.cfg.maxDepth {
		return e.errorf(ErrDepth, "elements nested deeper than the limit")
	}
	if page != e.tagPage {
		e.buf = append(e.buf, 0x00, page)
		e.tagPage = page
	}
	f := frame{page: page, code: code, flags: fContent}
	b := code | 0x40
	if attrs {
		b |= 0x80
		f.flags |= fAttrs
	}
	e.openTag(b, f)
	return e.done()
}

// StartLiteral starts an element named by the string-table string at
// offset off (LITERAL_C, or LITERAL_AC with attrs).
func (e *Encoder) StartLiteral(off uint32, attrs bool) error {
	if err := e.checkStart(); err != nil {
		return err
	}
	if _, ok := tableString(e.cfg.hdr.StringTable, off, e.width); !ok {
		return e.errorf(ErrStringTable, "LITERAL offset outside the string table")
	}
	if len(e.stack) >= e.cfg.maxDepth {
		return e.errorf(ErrDepth, "elements nested deeper than the limit")
	}
	f := frame{flags: fContent | fLiteral, off: off}
	b := byte(0x44)
	if attrs {
		b |= 0x80
		f.flags |= fAttrs
	}
	e.openTag(b, f)
	e.buf = AppendMbUint32(e.buf, off)
	return e.done()
}

func (e *Encoder) checkStart() error {
	if e.err != nil {
		return e.err
	}
	switch e.state {
	case esProlog, esContent:
		return nil
	case esEpilog:
		return e.errorf(ErrNesting, "second root element")
	}
	return e.errorf(ErrNesting, "start tag inside an attribute list or processing instruction")
}

func (e *Encoder) openTag(b byte, f frame) {
	e.content()
	e.hold = len(e.buf)
	e.buf = append(e.buf, b)
	e.stack = append(e.stack, f)
	if f.flags&fAttrs != 0 {
		e.state = esAttrFirst
	} else {
		e.state = esContent
	}
}

// EndTag ends the innermost open element: it clears the start tag's
// content bit when nothing was written since (attributes aside), else it
// writes END.
func (e *Encoder) EndTag() error {
	if e.err != nil {
		return e.err
	}
	if e.state != esContent {
		if e.state == esProlog || e.state == esEpilog {
			return e.errorf(ErrNesting, "end tag with no open element")
		}
		return e.errorf(ErrNesting, "end tag inside an attribute list or processing instruction")
	}
	if e.hold >= 0 {
		e.buf[e.hold] &^= 0x40
		e.hold = -1
	} else {
		e.buf = append(e.buf, 0x01)
	}
	e.stack = e.stack[:len(e.stack)-1]
	if len(e.stack) == 0 {
		e.state = esEpilog
	}
	return e.done()
}

// checkValue checks that character data, opaque data, an entity or an
// extension may come now: in an element's content or an attribute value.
func (e *Encoder) checkValue(what string) error {
	if e.err != nil {
		return e.err
	}
	switch e.state {
	case esContent, esAttr, esPI:
		return nil
	case esProlog:
		return e.errorf(ErrNesting, what+" before the root element")
	case esEpilog:
		return e.errorf(ErrNesting, what+" after the root element")
	}
	return e.errorf(ErrNesting, what+" where an attribute start is required")
}

// String writes s as an inline string (STR_I), converted to the header's
// charset when that is US-ASCII or ISO-8859-1. An empty s is written too:
// an element holding an empty string differs on the wire from an empty
// element. s must not contain the string terminator (a NUL).
func (e *Encoder) String(s []byte) error { return e.text(0x03, s, false, "STR_I") }

// TableString writes a reference to the string-table string at offset off
// (STR_T).
func (e *Encoder) TableString(off uint32) error {
	if err := e.checkValue("STR_T"); err != nil {
		return err
	}
	if _, ok := tableString(e.cfg.hdr.StringTable, off, e.width); !ok {
		return e.errorf(ErrStringTable, "STR_T offset outside the string table")
	}
	e.valueStarts()
	e.buf = append(e.buf, 0x83)
	e.buf = AppendMbUint32(e.buf, off)
	return e.done()
}

// valueStarts records that a value is being written.
func (e *Encoder) valueStarts() {
	if e.state == esContent {
		e.content()
	}
}

// text writes token b (STR_I or EXT_I_n) and the terminated string s.
func (e *Encoder) text(b byte, s []byte, raw bool, what string) error {
	if err := e.checkValue(what); err != nil {
		return err
	}
	mark := len(e.buf)
	e.buf = append(e.buf, b)
	direct := e.w != nil && (e.hold < 0 || e.state == esContent)
	var err error
	if direct && len(s) >= e.cfg.bufSize && (raw || e.tmode == textUTF8 || e.tmode == textRaw) {
		if msg := e.checkRaw(s); msg != "" {
			e.buf = e.buf[:mark]
			return e.errorf(ErrInvalidToken, what+" "+msg)
		}
		e.valueStarts()
		if err = e.flush(len(e.buf)); err == nil {
			err = e.writeDirect(s)
		}
		if err != nil {
			return err
		}
	} else {
		var msg string
		e.buf, err, msg = e.appendText(e.buf, s, raw)
		if err != nil {
			e.buf = e.buf[:mark]
			return e.errorf(err, what+" "+msg)
		}
		e.valueStarts()
	}
	for range e.width {
		e.buf = append(e.buf, 0)
	}
	return e.done()
}

// writeDirect writes p to w, past the (empty) buffer.
func (e *Encoder) writeDirect(p []byte) error {
	m, err := e.w.Write(p)
	if err == nil && m != len(p) {
		err = io.ErrShortWrite
	}
	if err != nil {
		e.err = err
		return err
	}
	e.flushed += int64(m)
	return nil
}

// checkRaw checks that s can be written as a terminated string unchanged.
func (e *Encoder) checkRaw(s []byte) string {
	if e.width > 1 && len(s)%e.width != 0 {
		return "length is not a multiple of the charset's code unit"
	}
	if indexNull(s, e.width) >= 0 {
		return "contains the string terminator (NUL)"
	}
	return ""
}

// appendText appends s in the document charset. Without raw, s is UTF-8
// and is converted for US-ASCII and ISO-8859-1 documents.
func (e *Encoder) appendText(dst, s []byte, raw bool) ([]byte, error, string) {
	if raw || e.tmode == textUTF8 || e.tmode == textRaw || firstHigh(s) < 0 {
		if msg := e.checkRaw(s); msg != "" {
			return dst, ErrInvalidToken, msg
		}
		return append(dst, s...), nil, ""
	}
	if indexNull(s, 1) >= 0 {
		return dst, ErrInvalidToken, "contains the string terminator (NUL)"
	}
	limit := rune(0xFF)
	if e.tmode == textASCII && e.cfg.strict {
		limit = 0x7F
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x80 {
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRune(s[i:])
		if (r == utf8.RuneError && n == 1) || r > limit {
			return dst, ErrCharset, "holds a character the document charset cannot represent"
		}
		dst = append(dst, byte(r))
		i += n
	}
	return dst, nil, ""
}

// Opaque writes b as OPAQUE data.
func (e *Encoder) Opaque(b []byte) error {
	if err := e.checkValue("OPAQUE"); err != nil {
		return err
	}
	if uint64(len(b)) > math.MaxUint32 {
		return e.errorf(ErrTooLarge, "OPAQUE longer than 2^32-1 bytes")
	}
	e.valueStarts()
	e.buf = append(e.buf, 0xC3)
	e.buf = AppendMbUint32(e.buf, uint32(len(b)))
	if e.w != nil && e.hold < 0 && len(b) >= e.cfg.bufSize {
		if err := e.flush(len(e.buf)); err != nil {
			return err
		}
		if err := e.writeDirect(b); err != nil {
			return err
		}
	} else {
		e.buf = append(e.buf, b...)
	}
	return e.done()
}

// Entity writes an ENTITY token for character code point c.
func (e *Encoder) Entity(c uint32) error {
	if err := e.checkValue("ENTITY"); err != nil {
		return err
	}
	e.valueStarts()
	e.buf = append(e.buf, 0x02)
	e.buf = AppendMbUint32(e.buf, c)
	return e.done()
}

// ExtInline writes EXT_I_n (n 0–2) with the inline string s.
func (e *Encoder) ExtInline(n uint8, s []byte) error { return e.ext(n, FormInline, 0, s, false) }

// ExtTable writes EXT_T_n (n 0–2) with the integer v.
func (e *Encoder) ExtTable(n uint8, v uint32) error { return e.ext(n, FormTable, v, nil, false) }

// Ext writes the single-byte EXT_n (n 0–2).
func (e *Encoder) Ext(n uint8) error { return e.ext(n, FormSingle, 0, nil, false) }

func (e *Encoder) ext(n uint8, form Form, v uint32, s []byte, raw bool) error {
	if err := e.checkValue("extension"); err != nil {
		return err
	}
	if n > 2 {
		return e.errorf(ErrInvalidToken, "extension index above 2")
	}
	switch form {
	case FormInline:
		return e.text(0x40+n, s, raw, "EXT_I")
	case FormTable:
		e.valueStarts()
		e.buf = append(e.buf, 0x80+n)
		e.buf = AppendMbUint32(e.buf, v)
	case FormSingle:
		e.valueStarts()
		e.buf = append(e.buf, 0xC0+n)
	default:
		return e.errorf(ErrInvalidToken, "extension of unknown form")
	}
	return e.done()
}

// PI starts a processing instruction: AttrStart or AttrLiteral (its
// target), values, and EndPI follow. It is allowed before, inside and after
// the root element.
func (e *Encoder) PI() error {
	if e.err != nil {
		return e.err
	}
	switch e.state {
	case esProlog, esContent, esEpilog:
	default:
		return e.errorf(ErrNesting, "PI inside an attribute list or processing instruction")
	}
	e.valueStarts()
	e.buf = append(e.buf, 0x43)
	e.piRet, e.state = e.state, esPIFirst
	return e.done()
}

// EndPI ends a processing instruction.
func (e *Encoder) EndPI() error {
	if e.err != nil {
		return e.err
	}
	if e.state != esPI {
		return e.errorf(ErrNesting, "EndPI outside a processing instruction or before its target")
	}
	e.buf = append(e.buf, 0x01)
	e.state = e.piRet
	return e.done()
}

func (e *Encoder) checkAttrStart() error {
	if e.err != nil {
		return e.err
	}
	switch e.state {
	case esAttrFirst, esAttr, esPIFirst:
		return nil
	case esPI:
		return e.errorf(ErrNesting, "second attribute start in a processing instruction")
	}
	return e.errorf(ErrNesting, "attribute start outside an attribute list")
}

func (e *Encoder) attrStarted() {
	if e.state == esPIFirst {
		e.state = esPI
	} else {
		e.state = esAttr
	}
}

// AttrStart starts an attribute with token code (0x05–0x3F or 0x45–0x7F)
// on attribute code page page.
func (e *Encoder) AttrStart(page, code uint8) error {
	if err := e.checkAttrStart(); err != nil {
		return err
	}
	if code >= 0x80 || code&0x3F < 0x05 {
		return e.errorf(ErrInvalidToken, "attribute start token outside 0x05–0x3F, 0x45–0x7F")
	}
	if page != e.attrPage {
		e.buf = append(e.buf, 0x00, page)
		e.attrPage = page
	}
	e.buf = append(e.buf, code)
	e.attrStarted()
	return e.done()
}

// AttrLiteral starts an attribute named by the string-table string at
// offset off (LITERAL).
func (e *Encoder) AttrLiteral(off uint32) error {
	if err := e.checkAttrStart(); err != nil {
		return err
	}
	if _, ok := tableString(e.cfg.hdr.StringTable, off, e.width); !ok {
		return e.errorf(ErrStringTable, "LITERAL offset outside the string table")
	}
	e.buf = append(e.buf, 0x04)
	e.buf = AppendMbUint32(e.buf, off)
	e.attrStarted()
	return e.done()
}

// AttrValue writes an attribute value token code (0x85–0xBF or 0xC5–0xFF)
// on attribute code page page.
func (e *Encoder) AttrValue(page, code uint8) error {
	if e.err != nil {
		return e.err
	}
	if e.state != esAttr && e.state != esPI {
		return e.errorf(ErrNesting, "attribute value outside an attribute")
	}
	if code < 0x80 || code&0x3F < 0x05 {
		return e.errorf(ErrInvalidToken, "attribute value token outside 0x85–0xBF, 0xC5–0xFF")
	}
	if page != e.attrPage {
		e.buf = append(e.buf, 0x00, page)
		e.attrPage = page
	}
	e.buf = append(e.buf, code)
	return e.done()
}

// EndAttrs ends the attribute list of the innermost start tag.
func (e *Encoder) EndAttrs() error {
	if e.err != nil {
		return e.err
	}
	if e.state != esAttr {
		return e.errorf(ErrNesting, "EndAttrs outside an attribute list or before its first attribute")
	}
	e.buf = append(e.buf, 0x01)
	e.state = esContent
	return e.done()
}
