package wbxml

// This file is the WBXML 1.3 wire grammar in one place: the global token
// bytes, the mb_u_int32 integer, the header, and two cheap structural
// checks (HasHeader, Valid) for code that must tell WBXML from other bytes
// without decoding it. The Decoder, the Encoder, the XMLWriter's fast path
// and the splitter of parallel conversions all read the wire through these
// names.

// The global tokens of WBXML 1.3 (section 7.1 of the specification). They
// have the same meaning on every code page. A byte whose low six bits are
// TagMinCode or more is a tag (in content) or an attribute token (in an
// attribute list) instead.
const (
	TokSwitchPage byte = 0x00 // SWITCH_PAGE: the next byte is the new code page
	TokEnd        byte = 0x01 // END: ends an element, an attribute list or a PI
	TokEntity     byte = 0x02 // ENTITY: an mb_u_int32 character code point follows
	TokStrI       byte = 0x03 // STR_I: an inline string with its terminator follows
	TokLiteral    byte = 0x04 // LITERAL: a tag whose name is a string-table reference
	TokExtI0      byte = 0x40 // EXT_I_0: an inline string extension (EXT_I_1, EXT_I_2 follow)
	TokPI         byte = 0x43 // PI: a processing instruction
	TokLiteralC   byte = 0x44 // LITERAL_C: a literal tag with content
	TokExtT0      byte = 0x80 // EXT_T_0: an mb_u_int32 extension (EXT_T_1, EXT_T_2 follow)
	TokStrT       byte = 0x83 // STR_T: an mb_u_int32 string-table offset follows
	TokLiteralA   byte = 0x84 // LITERAL_A: a literal tag with attributes
	TokExt0       byte = 0xC0 // EXT_0: a single-byte extension (EXT_1, EXT_2 follow)
	TokOpaque     byte = 0xC3 // OPAQUE: an mb_u_int32 length and that many bytes follow
	TokLiteralAC  byte = 0xC4 // LITERAL_AC: a literal tag with attributes and content
)

// The parts of a tag byte: the attribute bit, the content bit and the
// six-bit tag code, whose values below TagMinCode are global tokens.
const (
	TagAttrs    byte = 0x80 // the element has an attribute list
	TagContent  byte = 0x40 // the element has content, ended by END
	TagCodeMask byte = 0x3F // the tag code within its code page
	TagMinCode  byte = 0x05 // the first tag code; 0x00–0x04 are global tokens
)

// isTag reports whether b, read in content, is a tag token (with or
// without the attribute and content bits) rather than a global token.
func isTag(b byte) bool { return b&TagCodeMask >= TagMinCode }

// isLiteral reports whether b is LITERAL, LITERAL_A, LITERAL_C or
// LITERAL_AC.
func isLiteral(b byte) bool { return b&TagCodeMask == TokLiteral }

// isExtI, isExtT and isExt report whether b is one of the three
// extension tokens of a form (index 0–2).
func isExtI(b byte) bool { return b >= TokExtI0 && b <= TokExtI0+2 }
func isExtT(b byte) bool { return b >= TokExtT0 && b <= TokExtT0+2 }
func isExt(b byte) bool  { return b >= TokExt0 && b <= TokExt0+2 }

// MaxMbUint32Len is the maximum length of an mb_u_int32 in bytes: 32 bits
// in groups of 7.
const MaxMbUint32Len = 5

// AppendMbUint32 appends the mb_u_int32 encoding of v to dst and returns
// the extended buffer. The encoding is the shortest one: 7 bits a byte,
// most significant group first, the continuation bit (0x80) set on every
// byte but the last.
func AppendMbUint32(dst []byte, v uint32) []byte {
	switch {
	case v < 1<<7:
		return append(dst, byte(v))
	case v < 1<<14:
		return append(dst, byte(v>>7)|0x80, byte(v)&0x7F)
	case v < 1<<21:
		return append(dst, byte(v>>14)|0x80, byte(v>>7)|0x80, byte(v)&0x7F)
	case v < 1<<28:
		return append(dst, byte(v>>21)|0x80, byte(v>>14)|0x80, byte(v>>7)|0x80, byte(v)&0x7F)
	default:
		return append(dst, byte(v>>28)|0x80, byte(v>>21)|0x80, byte(v>>14)|0x80, byte(v>>7)|0x80, byte(v)&0x7F)
	}
}

// MbUint32Len returns the length of the shortest mb_u_int32 encoding of v.
func MbUint32Len(v uint32) int {
	switch {
	case v < 1<<7:
		return 1
	case v < 1<<14:
		return 2
	case v < 1<<21:
		return 3
	case v < 1<<28:
		return 4
	default:
		return 5
	}
}

// ConsumeMbUint32 decodes an mb_u_int32 from the start of b and returns
// its value and the number of bytes read (n > 0). If b ends before the last
// byte of the integer, n is 0. If the integer is invalid, n is negative
// and -n is the number of bytes examined: more than [MaxMbUint32Len] bytes
// or a value that overflows 32 bits. Leading 0x80 bytes (a non-shortest
// encoding) are accepted within the 5-byte limit.
func ConsumeMbUint32(b []byte) (v uint32, n int) {
	for i := 0; i < len(b); i++ {
		c := b[i]
		if i == MaxMbUint32Len-1 {
			// The fifth byte: 4 bits remain for the first four groups'
			// overflow, and no continuation is allowed.
			if v > (1<<25)-1 || c&0x80 != 0 {
				return 0, -(i + 1)
			}
		}
		v = v<<7 | uint32(c&0x7F)
		if c&0x80 == 0 {
			return v, i + 1
		}
	}
	return 0, 0
}

// headerFault says why scanHeader stopped before the end of a header.
type headerFault uint8

const (
	hfNone     headerFault = iota
	hfShort                // the bytes end inside the header: need more
	hfVersion              // the version byte is above 1.3
	hfMbUint32             // an integer is longer than 5 bytes or above 2^32-1
	hfTable                // the string table length cannot be right
	hfPublicID             // the public id index is outside the string table
)

// A headerScan is what scanHeader read from the start of a document.
type headerScan struct {
	hdr   Header
	n     int         // the header's length, string table included
	fault headerFault // hfNone when hdr and n are complete
	at    int         // the offset of the field at fault
	field string      // its name, for errors ("" before the version byte)
	need  int         // hfShort: the bytes needed to read on
}

// The names of the header fields, as errors give them.
const (
	fieldPublicID    = "header public id"
	fieldPublicIndex = "header public id index"
	fieldCharset     = "header charset"
	fieldTableLen    = "header string table length"
	fieldTable       = "header string table"
)

// scanHeader reads the header at the start of b: the version byte, the
// public id (and its string-table index when it is 0), the charset (from
// WBXML 1.1 on) and the string table. The string table in the result is
// a sub-slice of b.
func scanHeader(b []byte) (s headerScan) {
	if len(b) == 0 {
		s.fault, s.need = hfShort, 1
		return s
	}
	v := b[0]
	if v > Version13 {
		s.fault = hfVersion
		return s
	}
	k := 1
	mb := func(field string) uint32 {
		x, n := ConsumeMbUint32(b[k:])
		switch {
		case n > 0:
			k += n
			return x
		case n < 0:
			s.fault = hfMbUint32
		default:
			s.fault, s.need = hfShort, len(b)+1
		}
		s.at, s.field = k, field
		return 0
	}
	pid := mb(fieldPublicID)
	var idx uint32
	idxAt := k
	if s.fault == hfNone && pid == PublicIDInTable {
		idx = mb(fieldPublicIndex)
	}
	var cs uint32
	if s.fault == hfNone && v != Version10 {
		cs = mb(fieldCharset)
	}
	lenAt := k
	var n uint32
	if s.fault == hfNone {
		n = mb(fieldTableLen)
	}
	if s.fault != hfNone {
		return s
	}
	if uint64(n) > uint64(len(b)-k) {
		s.fault, s.at, s.field = hfShort, lenAt, fieldTable
		if uint64(n) > uint64(maxInt-k) {
			s.fault = hfTable
		} else {
			s.need = k + int(n)
		}
		return s
	}
	tbl := b[k : k+int(n)]
	if pid == PublicIDInTable {
		if _, ok := tableString(tbl, idx, nullWidth(cs)); !ok {
			s.fault, s.at, s.field = hfPublicID, idxAt, fieldPublicIndex
			return s
		}
	}
	s.hdr = Header{Version: v, PublicID: pid, PublicIDIndex: idx, Charset: cs, StringTable: tbl}
	s.n = k + int(n)
	return s
}

// maxInt is the largest int.
const maxInt = int(^uint(0) >> 1)

// HasHeader reports whether b starts like a WBXML document: a complete
// header (a version byte of 1.0 to 1.3, mb_u_int32 fields of at most five
// bytes, a string table that fits in b, a public id index inside it) and
// after it one byte that can begin the body — SWITCH_PAGE with its page
// byte, PI, a LITERAL tag or a tag token. It reads at most the header and
// two bytes, does not allocate, and does not decode the body: a Decoder
// may still reject the document. Use it to tell WBXML from text.
func HasHeader(b []byte) bool {
	s := scanHeader(b)
	if s.fault != hfNone || s.n >= len(b) {
		return false
	}
	switch c := b[s.n]; {
	case c == TokSwitchPage:
		return s.n+1 < len(b)
	case c == TokPI, isLiteral(c), isTag(c):
		return true
	}
	return false
}

// Valid reports whether b is exactly one well-formed WBXML document: a
// header as HasHeader requires; then processing instructions, one root
// element and processing instructions; every token complete, every
// element, attribute list and PI ended, every string terminated (by the
// charset's terminator), every OPAQUE inside b, every STR_T and LITERAL
// offset inside the string table; nothing after the last PI.
//
// It knows no vocabulary and does not check the text of strings against
// the charset: it says whether a Decoder in strict mode without a
// Vocabulary (and without a depth limit) would read b to io.EOF without an
// error, in any charset but US-ASCII, whose bytes above 0x7F such a
// Decoder rejects. It does not allocate and reads b once.
func Valid(b []byte) bool {
	s := scanHeader(b)
	if s.fault != hfNone {
		return false
	}
	v := validator{b: b, p: s.n, tbl: s.hdr.StringTable, width: nullWidth(s.hdr.Charset)}
	return v.document()
}

// A validator walks the body of a document for Valid.
type validator struct {
	b     []byte
	p     int
	tbl   []byte
	width int
}

// document walks the prolog, the root element and the epilog.
func (v *validator) document() bool {
	depth := 0    // open elements with content
	root := false // the root element has ended
	for v.p < len(v.b) {
		c := v.b[v.p]
		v.p++
		if c == TokPI { // before, inside or after the root element
			if !v.attributes(true) {
				return false
			}
			continue
		}
		if root {
			return false // after the root element: only PIs
		}
		switch {
		case isTag(c) || isLiteral(c):
			if isLiteral(c) && !v.tableRef() {
				return false
			}
			if c&TagAttrs != 0 && !v.attributes(false) {
				return false
			}
			if c&TagContent != 0 {
				depth++
			} else {
				root = depth == 0
			}
		case c == TokSwitchPage:
			if !v.skip(1) {
				return false
			}
		case c == TokEnd:
			if depth == 0 {
				return false
			}
			depth--
			root = depth == 0
		default:
			if depth == 0 || !v.value(c) {
				return false // content outside the root element, or bad
			}
		}
	}
	return root
}

// attributes walks an attribute list (pi false) or the rest of a PI (pi
// true) up to its END: an attribute start first, then values, further
// attribute starts (not in a PI) and page switches.
func (v *validator) attributes(pi bool) bool {
	first := true
	for v.p < len(v.b) {
		c := v.b[v.p]
		v.p++
		switch {
		case c == TokSwitchPage:
			if !v.skip(1) {
				return false
			}
		case c == TokLiteral || c < TagAttrs && isTag(c): // LITERAL or ATTRSTART
			if !first && pi {
				return false // a PI has one target
			}
			if c == TokLiteral && !v.tableRef() {
				return false
			}
			first = false
		case first:
			return false // an attribute start must come first
		case c == TokEnd:
			return true
		case c >= TagAttrs && isTag(c): // ATTRVALUE
		case c == TokPI || isLiteral(c):
			return false // PI, LITERAL_C, LITERAL_A, LITERAL_AC
		default:
			if !v.value(c) {
				return false
			}
		}
	}
	return false
}

// value walks the operand of ENTITY, STR_I, STR_T, EXT_I_n, EXT_T_n,
// EXT_n or OPAQUE, whose token byte c has been read. No other byte comes
// here.
func (v *validator) value(c byte) bool {
	switch {
	case c == TokStrI || isExtI(c):
		i := indexNull(v.b[v.p:], v.width)
		if i < 0 {
			return false
		}
		v.p += i + v.width
		return true
	case c == TokStrT:
		return v.tableRef()
	case c == TokEntity || isExtT(c):
		_, ok := v.mb()
		return ok
	case c == TokOpaque:
		n, ok := v.mb()
		return ok && v.skip(n)
	}
	return isExt(c)
}

// mb reads an mb_u_int32.
func (v *validator) mb() (uint32, bool) {
	x, n := ConsumeMbUint32(v.b[v.p:])
	if n <= 0 {
		return 0, false
	}
	v.p += n
	return x, true
}

// skip steps over n bytes, if b has them.
func (v *validator) skip(n uint32) bool {
	if uint64(n) > uint64(len(v.b)-v.p) {
		return false
	}
	v.p += int(n)
	return true
}

// tableRef reads a string-table offset at which a terminated string
// starts.
func (v *validator) tableRef() bool {
	off, ok := v.mb()
	if !ok {
		return false
	}
	_, ok = tableString(v.tbl, off, v.width)
	return ok
}
