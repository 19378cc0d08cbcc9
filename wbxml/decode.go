package wbxml

import (
	"bytes"
	"io"
	"math"
)

// decState is where the decoder is in the document grammar.
type decState uint8

const (
	dsHeader     decState = iota // the header has not been read
	dsProlog                     // before the root element: PIs, the root start tag
	dsContent                    // inside an element's content
	dsEpilog                     // after the root element: PIs, then the end
	dsAttrFirst                  // after a start tag with attributes: an attribute start must follow
	dsAttr                       // in an attribute list: value, next attribute or END
	dsPIFirst                    // after PI: the target must follow
	dsPI                         // in a PI: value or END
	dsEndPending                 // after an element without content: its end comes next
	dsDone                       // the end was reported
)

// frame is an open element.
type frame struct {
	page, code uint8
	flags      uint8
	off        uint32 // string-table offset of a literal's name
}

const (
	fAttrs uint8 = 1 << iota
	fContent
	fLiteral
	fUnknown
)

// minReadBuf is the initial buffer size of the io.Reader form.
const minReadBuf = 8 << 10

// A Decoder reads a WBXML document as a stream of [Token] values.
//
// A Decoder works on a []byte (NewDecoder, Reset) without copying: token
// data are sub-slices of the input. Or it reads an io.Reader
// (NewReaderDecoder, ResetReader) through a buffer that grows only to the
// largest single token. Both forms yield the same tokens and errors.
//
// A Decoder is not safe for concurrent use.
type Decoder struct {
	buf  []byte    // the input, or the reader form's window on it
	pos  int       // next unread byte in buf
	base int64     // input offset of buf[0]
	r    io.Reader // nil for the []byte form
	rerr error     // the reader's last error
	over bool      // the input goes on past cfg.maxSize
	rbuf []byte    // reader form: the buffer kept across Reset
	tbl  []byte    // reader form: the string table, kept across Reset

	cfg   config
	ready bool // cfg holds defaults or options

	hdr   Header
	width int      // string terminator width
	tmode textMode // how string bytes become Token.Data

	state    decState
	piRet    decState // the state a PI returns to
	tagPage  uint8
	attrPage uint8
	stack    []frame
	err      error // sticky: the error (or io.EOF) already returned

	scratch []byte // charset conversion
}

// NewDecoder returns a Decoder that reads the WBXML document in b. The
// Decoder does not copy b, and the caller must not modify b while the
// Decoder uses it.
func NewDecoder(b []byte, opts ...Option) *Decoder {
	d := new(Decoder)
	d.Reset(b, opts...)
	return d
}

// NewReaderDecoder returns a Decoder that reads a WBXML document from r.
// It reads only as far as it needs to return each token, and buffers no
// more than the largest single token (plus the string table).
func NewReaderDecoder(r io.Reader, opts ...Option) *Decoder {
	d := new(Decoder)
	d.ResetReader(r, opts...)
	return d
}

// Reset makes d read b from its beginning, reusing d's memory. When opts
// are given they replace the options d had; otherwise d keeps them.
func (d *Decoder) Reset(b []byte, opts ...Option) {
	d.reset(opts)
	d.r = nil
	d.buf = b
	if d.cfg.maxSize > 0 && int64(len(b)) > d.cfg.maxSize {
		d.buf = b[:d.cfg.maxSize]
		d.over = true
	}
}

// ResetReader makes d read a new document from r, reusing d's memory.
// When opts are given they replace the options d had; otherwise d keeps
// them.
func (d *Decoder) ResetReader(r io.Reader, opts ...Option) {
	d.reset(opts)
	d.r = r
	d.buf = d.rbuf[:0]
}

func (d *Decoder) reset(opts []Option) {
	if !d.ready || len(opts) > 0 {
		d.cfg = defaultConfig()
		d.cfg.apply(opts)
		d.ready = true
	}
	if d.r != nil {
		d.rbuf = d.buf[:0] // keep the reader form's buffer
	}
	d.pos, d.base = 0, 0
	d.rerr, d.over = nil, false
	d.hdr = Header{}
	d.width, d.tmode = 1, textUTF8
	d.state, d.piRet = dsHeader, dsHeader
	d.tagPage, d.attrPage = 0, 0
	d.stack = d.stack[:0]
	d.err = nil
}

// Header returns the document header, reading it first if no token has
// been read yet. Its StringTable refers to the input, or for the io.Reader
// form to a buffer that is reused after Reset.
func (d *Decoder) Header() (Header, error) {
	if d.state == dsHeader {
		if d.err != nil {
			return Header{}, d.err
		}
		if err := d.readHeader(); err != nil {
			d.err = err
			return Header{}, err
		}
	}
	return d.hdr, nil
}

// InputOffset returns the input offset of the next byte that the decoder
// has not consumed: after ReadToken, the end of the token returned.
func (d *Decoder) InputOffset() int64 { return d.base + int64(d.pos) }

// StackDepth returns the number of open elements: a KindStartTag token
// increments it, its KindEndTag decrements it.
func (d *Decoder) StackDepth() int { return len(d.stack) }

// ReadToken returns the next token. At the clean end of the document, after
// the root element and any processing instructions that follow it, it
// returns io.EOF. Bytes after the root element that do not start a
// processing instruction end the document too in lenient mode (as libwbxml
// and captures with trailing bytes have it; InputOffset then says where
// they start) and fail with ErrTrailingData in strict mode. Invalid input
// yields a *[SyntaxError]; an io.Reader's errors are returned as they are.
// After an error or io.EOF every call returns the same again.
//
// The token's Data is valid until the next call to the Decoder.
func (d *Decoder) ReadToken() (Token, error) {
	var t Token
	if d.err != nil {
		return t, d.err
	}
	if err := d.next(&t); err != nil {
		d.err = err
		return Token{}, err
	}
	return t, nil
}

// SkipElement reads and discards the rest of the innermost open element,
// up to and including its KindEndTag. Called right after a KindStartTag it
// skips that element. With no open element it returns a *SyntaxError
// wrapping ErrNesting.
func (d *Decoder) SkipElement() error {
	depth := len(d.stack)
	if depth == 0 {
		if d.err != nil {
			return d.err
		}
		return &SyntaxError{Offset: d.InputOffset(), Err: ErrNesting, msg: "SkipElement with no open element"}
	}
	for len(d.stack) >= depth {
		if _, err := d.ReadToken(); err != nil {
			return err
		}
	}
	return nil
}

// off returns the input offset of d.buf[d.pos].
func (d *Decoder) off() int64 { return d.base + int64(d.pos) }

// end returns the input offset just past the bytes read so far.
func (d *Decoder) end() int64 { return d.base + int64(len(d.buf)) }

// more makes at least n bytes available from d.pos, reading from the
// io.Reader as needed, and reports whether it could. Data from earlier
// tokens may move: callers index relative to d.pos.
func (d *Decoder) more(n int) bool {
	if len(d.buf)-d.pos >= n {
		return true
	}
	if d.r == nil {
		return false
	}
	for len(d.buf)-d.pos < n {
		if d.rerr != nil || d.over {
			return false
		}
		if len(d.buf) == cap(d.buf) {
			if d.pos > 0 {
				k := copy(d.buf, d.buf[d.pos:])
				d.base += int64(d.pos)
				d.buf = d.buf[:k]
				d.pos = 0
			}
			if len(d.buf) == cap(d.buf) {
				nb := make([]byte, len(d.buf), max(2*cap(d.buf), minReadBuf))
				copy(nb, d.buf)
				d.buf = nb
			}
		}
		room := d.buf[len(d.buf):cap(d.buf)]
		if d.cfg.maxSize > 0 {
			// Read at most one byte past the limit: enough to know that
			// the input goes on.
			if lim := d.cfg.maxSize + 1 - d.end(); int64(len(room)) > lim {
				room = room[:lim]
			}
		}
		m, err := d.r.Read(room)
		if m < 0 || m > len(room) {
			m = 0 // a broken io.Reader; its error (or a later EOF) ends the input
		}
		d.buf = d.buf[:len(d.buf)+m]
		if err != nil {
			d.rerr = err
		}
		if d.cfg.maxSize > 0 && d.end() > d.cfg.maxSize {
			d.buf = d.buf[:d.cfg.maxSize-d.base]
			d.over = true
		}
	}
	return true
}

// short returns the error for input that ends, at token offset tokOff,
// before what the token needs: the reader's error, ErrTooLarge at the size
// limit, or ErrTruncated.
func (d *Decoder) short(tokOff int64, msg string) error {
	if d.rerr != nil && d.rerr != io.EOF {
		return d.rerr
	}
	if d.over {
		return d.errAt(d.cfg.maxSize, ErrTooLarge, "input larger than the size limit")
	}
	return d.errAt(tokOff, ErrTruncated, msg)
}

// errAt returns a *SyntaxError at offset off with the current path.
func (d *Decoder) errAt(off int64, err error, msg string) error {
	return &SyntaxError{Offset: off, Path: d.path(), Err: err, msg: msg}
}

func (d *Decoder) path() Path {
	return buildPath(d.stack, d.cfg.vocab, d.hdr.StringTable, d.width)
}

// buildPath renders open elements for an error.
func buildPath(stack []frame, vocab Vocabulary, tbl []byte, width int) Path {
	if len(stack) == 0 {
		return nil
	}
	p := make(Path, len(stack))
	for i, f := range stack {
		e := &p[i]
		if f.flags&fLiteral != 0 {
			e.Literal = true
			if s, ok := tableString(tbl, f.off, width); ok {
				e.Name = string(s)
			}
			continue
		}
		e.Page, e.Code = f.page, f.code
		if vocab != nil {
			e.Name = vocab.TagName(f.page, f.code)
			e.Space = vocab.PageName(f.page)
		}
	}
	return p
}

// readMb reads an mb_u_int32 at d.pos+k and returns it with the offset
// just past it. what names the field for a truncation error.
func (d *Decoder) readMb(k int, what string) (uint32, int, error) {
	for {
		rest := d.buf[d.pos+k:]
		if len(rest) > 0 && rest[0] < 0x80 {
			return uint32(rest[0]), k + 1, nil
		}
		v, n := ConsumeMbUint32(rest)
		if n > 0 {
			return v, k + n, nil
		}
		if n < 0 {
			return 0, 0, d.errAt(d.off()+int64(k), ErrMbUint32, what+": mb_u_int32 longer than 5 bytes or above 2^32-1")
		}
		if !d.more(k + len(rest) + 1) {
			return 0, 0, d.short(d.off(), "input ends inside "+what)
		}
	}
}

// readTermstr reads a string terminated by the charset's null at d.pos+k
// and returns it with the offset just past the terminator.
func (d *Decoder) readTermstr(k int, what string) ([]byte, int, error) {
	scanned := 0
	for {
		rest := d.buf[d.pos+k+scanned:]
		var i int
		if d.width == 1 {
			i = bytes.IndexByte(rest, 0)
		} else {
			i = indexNull(rest, d.width)
		}
		if i >= 0 {
			e := k + scanned + i
			return d.buf[d.pos+k : d.pos+e], e + d.width, nil
		}
		if d.width > 1 {
			scanned += len(rest) / d.width * d.width
		} else {
			scanned += len(rest)
		}
		if !d.more(k + scanned + d.width) {
			return nil, 0, d.short(d.off(), "input ends inside "+what+" (no terminator)")
		}
	}
}

// readHeader reads version, public id, charset and string table.
func (d *Decoder) readHeader() error {
	if !d.more(1) {
		return d.short(0, "empty input: no WBXML header")
	}
	v := d.buf[d.pos]
	if v > Version13 {
		return d.errAt(d.off(), ErrVersion, "version byte is not WBXML 1.0–1.3")
	}
	pid, k, err := d.readMb(1, "header public id")
	if err != nil {
		return err
	}
	var idx uint32
	idxAt := k
	if pid == PublicIDInTable {
		if idx, k, err = d.readMb(k, "header public id index"); err != nil {
			return err
		}
	}
	var cs uint32
	if v != Version10 {
		if cs, k, err = d.readMb(k, "header charset"); err != nil {
			return err
		}
	}
	lenAt := k
	n, k, err := d.readMb(k, "header string table length")
	if err != nil {
		return err
	}
	if uint64(n) > uint64(math.MaxInt-k) || !d.more(k+int(n)) {
		if d.rerr != nil && d.rerr != io.EOF {
			return d.rerr
		}
		if d.over {
			return d.short(0, "")
		}
		return &SyntaxError{
			Offset: d.off() + int64(lenAt), Err: ErrStringTable, also: ErrTruncated,
			msg: "string table length exceeds the rest of the input",
		}
	}
	tbl := d.buf[d.pos+k : d.pos+k+int(n)]
	if d.r != nil {
		d.tbl = append(d.tbl[:0], tbl...)
		tbl = d.tbl
	}
	d.hdr = Header{Version: v, PublicID: pid, PublicIDIndex: idx, Charset: cs, StringTable: tbl}
	d.width, d.tmode = nullWidth(cs), textModeOf(cs)
	if pid == PublicIDInTable {
		if _, ok := tableString(tbl, idx, d.width); !ok {
			return d.errAt(d.off()+int64(idxAt), ErrStringTable, "public id index outside the string table")
		}
	}
	d.pos += k + int(n)
	d.state = dsProlog
	return nil
}

// setText stores string bytes s in t.Data, converted to UTF-8 as the
// charset requires. For inline strings at is the input offset of s[0];
// for string-table strings it is the referring token's offset.
func (d *Decoder) setText(t *Token, s []byte, at int64, inline bool) error {
	switch d.tmode {
	case textUTF8:
		t.Data = s
	case textRaw:
		t.Data, t.Raw = s, true
	default:
		i := firstHigh(s)
		if i < 0 {
			t.Data = s
			return nil
		}
		if d.tmode == textASCII && d.cfg.strict {
			if inline {
				at += int64(i)
			}
			return d.errAt(at, ErrCharset, "byte above 0x7F in a US-ASCII document")
		}
		d.scratch = appendLatin1(append(d.scratch[:0], s[:i]...), s[i:])
		t.Data = d.scratch
	}
	return nil
}

// next decodes the next token into t.
func (d *Decoder) next(t *Token) error {
	for {
		switch d.state {
		case dsContent, dsProlog, dsEpilog:
			if d.pos >= len(d.buf) && !d.more(1) {
				return d.atEnd()
			}
			b := d.buf[d.pos]
			if d.state == dsEpilog && b != 0x43 {
				// Not a PI: trailing data. Lenient mode ends the document
				// here, as libwbxml does; InputOffset shows where.
				if d.cfg.strict {
					return d.errAt(d.off(), ErrTrailingData, "data after the root element")
				}
				d.state = dsDone
				return io.EOF
			}
			if b&0x3F >= 5 {
				return d.startTag(t, b)
			}
			switch b {
			case 0x00: // SWITCH_PAGE
				if !d.more(2) {
					return d.short(d.off(), "input ends inside SWITCH_PAGE")
				}
				d.tagPage = d.buf[d.pos+1]
				d.pos += 2
				continue
			case 0x01: // END
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
			case 0x04, 0x44, 0x84, 0xC4: // LITERAL, LITERAL_C, LITERAL_A, LITERAL_AC
				return d.literalTag(t, b)
			case 0x43: // PI
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
			case b == 0x00: // SWITCH_PAGE (attribute code page)
				if !d.more(2) {
					return d.short(d.off(), "input ends inside SWITCH_PAGE")
				}
				d.attrPage = d.buf[d.pos+1]
				d.pos += 2
				continue
			case b == 0x04 || (b < 0x80 && b&0x3F >= 5): // LITERAL or ATTRSTART
				if d.state == dsPI {
					return d.errAt(d.off(), ErrInvalidToken, "second attribute start in a processing instruction")
				}
				return d.attrStart(t, b)
			case first:
				return d.errAt(d.off(), ErrInvalidToken, "attribute start expected")
			case b == 0x01: // END of the attribute list or PI
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
			case b >= 0x80 && b&0x3F >= 5: // ATTRVALUE
				*t = Token{Kind: KindAttrValue, Page: d.attrPage, Code: b, Offset: d.off()}
				d.pos++
				return nil
			case b == 0x43 || b == 0x44 || b == 0x84 || b == 0xC4:
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
	code, page := b&0x3F, d.tagPage
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
	*t = Token{
		Kind: KindStartTag, Page: page, Code: code,
		Attrs: flags&fAttrs != 0, Content: flags&fContent != 0, Unknown: flags&fUnknown != 0,
		Offset: d.off(),
	}
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
	*t = Token{
		Kind: KindEndTag, Page: f.page, Code: f.code,
		Attrs: f.flags&fAttrs != 0, Content: f.flags&fContent != 0,
		Literal: f.flags&fLiteral != 0, Unknown: f.flags&fUnknown != 0,
		Offset: at,
	}
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
	if b != 0x04 {
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
	case 0x03: // STR_I
		s, k, err := d.readTermstr(1, "STR_I")
		if err != nil {
			return err
		}
		*t = Token{Kind: KindString, Form: FormInline, Offset: at}
		if err := d.setText(t, s, at+1, true); err != nil {
			return err
		}
		d.pos += k
	case 0xC3: // OPAQUE
		n, k, err := d.readMb(1, "OPAQUE length")
		if err != nil {
			return err
		}
		if uint64(n) > uint64(math.MaxInt-k) || !d.more(k+int(n)) {
			return d.short(at, "OPAQUE length exceeds the rest of the input")
		}
		*t = Token{Kind: KindOpaque, Offset: at, Data: d.buf[d.pos+k : d.pos+k+int(n)]}
		d.pos += k + int(n)
	case 0x83: // STR_T
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
	case 0x02: // ENTITY
		v, k, err := d.readMb(1, "ENTITY")
		if err != nil {
			return err
		}
		*t = Token{Kind: KindEntity, Value: v, Offset: at}
		d.pos += k
	case 0x40, 0x41, 0x42: // EXT_I_n
		s, k, err := d.readTermstr(1, "EXT_I")
		if err != nil {
			return err
		}
		*t = Token{Kind: KindExt, Code: b - 0x40, Form: FormInline, Offset: at}
		if err := d.setText(t, s, at+1, true); err != nil {
			return err
		}
		d.pos += k
	case 0x80, 0x81, 0x82: // EXT_T_n
		v, k, err := d.readMb(1, "EXT_T")
		if err != nil {
			return err
		}
		*t = Token{Kind: KindExt, Code: b - 0x80, Form: FormTable, Value: v, Offset: at}
		if s, ok := tableString(d.hdr.StringTable, v, d.width); ok {
			if err := d.setText(t, s, at, false); err != nil {
				return err
			}
		}
		d.pos += k
	default: // 0xC0, 0xC1, 0xC2: EXT_n
		*t = Token{Kind: KindExt, Code: b - 0xC0, Form: FormSingle, Offset: at}
		d.pos++
	}
	return nil
}
