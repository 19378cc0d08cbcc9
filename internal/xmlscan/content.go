package xmlscan

import (
	"encoding/binary"
	"fmt"
	"math/bits"
	"unicode/utf8"
)

// checkRune validates the multi-byte character at b[i] (b[i] >= 0x80) and
// returns the offset after it.
func (s *Scanner) checkRune(i int) (int, error) {
	r, size := utf8.DecodeRune(s.in[i:])
	if r == utf8.RuneError && size == 1 {
		return 0, s.fail(i, ErrInvalidUTF8, "invalid UTF-8")
	}
	if !isChar(r) {
		return 0, s.failf(i, ErrInvalidChar, "character %U not allowed in XML", r)
	}
	return i + size, nil
}

// badChar fails at an ASCII byte that left a fast loop without being
// handled: a control character the Char production forbids. (Multi-byte
// characters are validated where they are met.)
func (s *Scanner) badChar(i int, where string) error {
	return s.failf(i, ErrInvalidChar, "%s not allowed %s", describe(s.in, i), where)
}

// textAcc accumulates character data: as a sub-slice of the document while
// the pieces are contiguous, else in the Scanner's text buffer.
type textAcc struct {
	buf    []byte
	direct bool
	ds, de int
}

// add appends b[i:j].
func (t *textAcc) add(b []byte, i, j int) {
	switch {
	case !t.direct:
		t.buf = append(grow(t.buf, j-i), b[i:j]...)
	case t.ds == t.de:
		t.ds, t.de = i, j
	default:
		// A second piece is never contiguous with the first: markup or a
		// decoded character separates them.
		t.direct = false
		t.buf = append(grow(t.buf, t.de-t.ds+j-i), b[t.ds:t.de]...)
		t.buf = append(t.buf, b[i:j]...)
	}
}

// spill switches to the buffer, and makes room for n decoded bytes.
func (t *textAcc) spill(b []byte, n int) {
	if t.direct {
		t.direct = false
		t.buf = append(grow(t.buf, t.de-t.ds+n), b[t.ds:t.de]...)
	} else {
		t.buf = grow(t.buf, n)
	}
}

// scanContent reads content from s.pos up to the next start or end tag:
// character data, references and CDATA sections are merged, comments and
// processing instructions skipped. The caller has found that b[s.pos:j]
// is plain text (plainText stopped at j). It returns the text and the
// offset of its first piece, and leaves s.pos at the '<' of the tag.
func (s *Scanner) scanContent(j int) (text []byte, off int, err error) {
	b := s.in
	n := len(b)
	i := s.pos
	off = -1
	acc := textAcc{buf: s.text[:0], direct: true, ds: i, de: i}
	for {
		// A run of characters taken as they are: copied as it is scanned
		// once the text has left the document.
		if acc.direct {
			for j < n && b[j] >= utf8.RuneSelf {
				if j, err = s.checkRune(j); err != nil {
					return nil, 0, err
				}
				j = plainText(b, j)
			}
			if j > i {
				if off < 0 {
					off = i
				}
				acc.add(b, i, j)
			}
		} else {
			for {
				acc.buf, j = copyText(acc.buf, b, j)
				if j >= n || b[j] < utf8.RuneSelf {
					break
				}
				k := j
				if j, err = s.checkRune(j); err != nil {
					return nil, 0, err
				}
				acc.buf = append(acc.buf, b[k:j]...)
			}
		}
		i = j
		if i >= n {
			return nil, 0, s.eofInElement()
		}
		switch c := b[i]; c {
		case ']':
			return nil, 0, s.fail(i, ErrMarkup, `"]]>" not allowed in character data`)
		case '<':
			if i+1 >= n {
				return nil, 0, s.eofInElement()
			}
			switch b[i+1] {
			case '!':
				switch {
				case hasPrefix(b, i, "<!--"):
					if i, err = s.skipComment(i); err != nil {
						return nil, 0, err
					}
				case hasPrefix(b, i, "<![CDATA["):
					if off < 0 {
						off = i
					}
					if i, err = s.cdata(i, &acc); err != nil {
						return nil, 0, err
					}
				case hasPrefix(b, i, "<!DOCTYPE"):
					return nil, 0, s.fail(i, ErrStructure, "DOCTYPE inside the root element")
				default:
					if isTruncated(b, i, "<![CDATA[") || isTruncated(b, i, "<!--") || isTruncated(b, i, "<!DOCTYPE") {
						return nil, 0, s.eofInElement()
					}
					return nil, 0, s.fail(i, ErrMarkup, "expected <!-- or <![CDATA[ after <!")
				}
			case '?':
				if i, err = s.skipPI(i); err != nil {
					return nil, 0, err
				}
			default:
				s.pos = i
				s.text = acc.buf
				if acc.direct {
					return b[acc.ds:acc.de], off, nil
				}
				return acc.buf, off, nil
			}
		case '&':
			if off < 0 {
				off = i
			}
			if r, size := quickRef(b, i); size > 0 {
				acc.spill(b, 1)
				acc.buf = append(acc.buf, r)
				i += size
				break
			}
			var r rune
			if r, i, err = s.reference(i); err != nil {
				return nil, 0, err
			}
			acc.spill(b, utf8.UTFMax)
			acc.buf = utf8.AppendRune(acc.buf, r)
		case '\r':
			if off < 0 {
				off = i
			}
			acc.spill(b, 1)
			acc.buf = append(acc.buf, '\n')
			i++
			if i < n && b[i] == '\n' {
				i++
			}
		default:
			return nil, 0, s.badChar(i, "in character data")
		}
		j = i
		if acc.direct {
			j = plainText(b, i)
		}
	}
}

// Little-endian words of the common references, for quickRef.
const (
	refLt   = uint64('&') | uint64('l')<<8 | uint64('t')<<16 | uint64(';')<<24
	refGt   = uint64('&') | uint64('g')<<8 | uint64('t')<<16 | uint64(';')<<24
	refTab  = uint64('&') | uint64('#')<<8 | uint64('9')<<16 | uint64(';')<<24
	refAmp  = uint64('&') | uint64('a')<<8 | uint64('m')<<16 | uint64('p')<<24 | uint64(';')<<32
	refCR   = uint64('&') | uint64('#')<<8 | uint64('1')<<16 | uint64('3')<<24 | uint64(';')<<32
	refLF   = uint64('&') | uint64('#')<<8 | uint64('1')<<16 | uint64('0')<<24 | uint64(';')<<32
	refQuot = uint64('&') | uint64('q')<<8 | uint64('u')<<16 | uint64('o')<<24 | uint64('t')<<32 | uint64(';')<<40
	refApos = uint64('&') | uint64('a')<<8 | uint64('p')<<16 | uint64('o')<<24 | uint64('s')<<32 | uint64(';')<<40
)

// quickRef recognizes the most common references at b[i] == '&' by
// comparing whole words: the five predefined entities and &#9;, &#10;,
// &#13;. It returns the character and the reference's length, or a length
// of 0 when the reference must go through [Scanner.reference].
func quickRef(b []byte, i int) (byte, int) {
	if i+8 > len(b) {
		return 0, 0
	}
	if c, size := kernelRef(b, i); size > 0 {
		return c, size
	}
	w := binary.LittleEndian.Uint64(b[i:])
	if w&(1<<32-1) == refTab {
		return '\t', 4
	}
	switch w & (1<<48 - 1) {
	case refQuot:
		return '"', 6
	case refApos:
		return '\'', 6
	}
	return 0, 0
}

// eofInElement fails because the input ends inside the open elements.
func (s *Scanner) eofInElement() error {
	q := s.qname(&s.frames[len(s.frames)-1])
	return s.fail(len(s.in), ErrUnexpectedEOF, "unexpected end of input: element <"+truncName(q)+"> not closed")
}

// cdata reads the CDATA section at b[i:] ("<![CDATA[") into acc and returns
// the offset after its "]]>".
func (s *Scanner) cdata(i int, acc *textAcc) (int, error) {
	b := s.in
	n := len(b)
	i += len("<![CDATA[")
	for {
		j := i
		end := false
		for {
			for j < n && cdataPlain[b[j]] {
				j++
			}
			if j >= n {
				break
			}
			c := b[j]
			if c >= utf8.RuneSelf {
				var err error
				if j, err = s.checkRune(j); err != nil {
					return 0, err
				}
				continue
			}
			if c == ']' {
				if j+2 < n && b[j+1] == ']' && b[j+2] == '>' {
					end = true
					break
				}
				j++
				continue
			}
			break
		}
		if j > i {
			acc.add(b, i, j)
		}
		if end {
			return j + 3, nil
		}
		if j >= n {
			return 0, s.eof("in CDATA section")
		}
		if b[j] != '\r' {
			return 0, s.badChar(j, "in CDATA section")
		}
		acc.spill(b, 1)
		acc.buf = append(acc.buf, '\n')
		j++
		if j < n && b[j] == '\n' {
			j++
		}
		i = j
	}
}

// digitVal maps hexadecimal digits to their value, other bytes to 0xFF.
var digitVal = func() (t [256]uint8) {
	for i := range t {
		t[i] = 0xFF
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = uint8(c - '0')
	}
	for c := 'a'; c <= 'f'; c++ {
		t[c] = uint8(c - 'a' + 10)
		t[c-'a'+'A'] = uint8(c - 'a' + 10)
	}
	return t
}()

// reference decodes the character or entity reference at b[i] == '&' and
// returns the character and the offset after the ';'.
func (s *Scanner) reference(i int) (rune, int, error) {
	b := s.in
	n := len(b)
	j := i + 1
	if j < n && b[j] == '#' {
		j++
		base := 10
		if j < n && b[j] == 'x' {
			base = 16
			j++
		}
		start := j
		v := 0
		for ; j < n; j++ {
			d := int(digitVal[b[j]])
			if d >= base {
				break
			}
			if v <= utf8.MaxRune {
				v = v*base + d
			}
		}
		if j >= n {
			return 0, 0, s.eof("in character reference")
		}
		if j == start || b[j] != ';' {
			return 0, 0, s.failf(i, ErrInvalidReference, "malformed character reference %s", snippet(b, i, j+1))
		}
		if v > utf8.MaxRune || !isChar(rune(v)) {
			return 0, 0, s.failf(i, ErrInvalidChar, "character reference %s refers to a character XML 1.0 forbids", snippet(b, i, j+1))
		}
		return rune(v), j + 1, nil
	}
	if j >= n {
		return 0, 0, s.eof("in entity reference")
	}
	if c := b[j]; c < utf8.RuneSelf && !nameStartASCII[c] && c != ':' {
		return 0, 0, s.fail(i, ErrInvalidReference, "'&' must start a reference (write &amp; for a literal '&')")
	}
	end, _, err := s.scanName(j, "entity", anyName)
	if err != nil {
		return 0, 0, err
	}
	if end >= n {
		return 0, 0, s.eof("in entity reference")
	}
	if b[end] != ';' {
		return 0, 0, s.failf(i, ErrInvalidReference, "entity reference %s not ended by ';'", snippet(b, i, end))
	}
	switch string(b[j:end]) {
	case "lt":
		return '<', end + 1, nil
	case "gt":
		return '>', end + 1, nil
	case "amp":
		return '&', end + 1, nil
	case "apos":
		return '\'', end + 1, nil
	case "quot":
		return '"', end + 1, nil
	}
	return 0, 0, s.failf(i, ErrInvalidReference, "undefined entity %s (only the five predefined entities are supported)", snippet(b, i, end+1))
}

// snippet quotes b[i:j] (clamped) for an error message.
func snippet(b []byte, i, j int) string {
	if j > len(b) {
		j = len(b)
	}
	return fmt.Sprintf("%q", truncName(b[i:j]))
}

// plainText returns the index of the first byte at or after j that the
// caller must look at: '<', '&', CR, a control character other than tab
// and LF, "]]>", a non-ASCII sequence that fastRune does not accept, or
// len(b).
func plainText(b []byte, j int) int {
	n := len(b)
	// Short text ended by a tag, as element content mostly is, needs no
	// call to the kernel.
	if j+8 <= n {
		if m := textFlags(binary.LittleEndian.Uint64(b[j:])); m != 0 {
			if k := j + bits.TrailingZeros64(m)>>3; b[k] == '<' {
				return k
			}
		}
	}
	for {
		j = textStop16(b, j)
		if j+16 > n {
			return plainTail(b, j)
		}
		if c := b[j]; c >= utf8.RuneSelf {
			size := fastRune(b, j)
			if size == 0 {
				return j
			}
			j += size
			continue
		}
		// textStop16 steps over a lone ']' itself.
		return j
	}
}

// plainTail is plainText's byte loop, for the last bytes of the input.
func plainTail(b []byte, j int) int {
	n := len(b)
	for j < n {
		c := b[j]
		switch {
		case textPlain[c]:
			j++
		case c >= utf8.RuneSelf:
			size := fastRune(b, j)
			if size == 0 {
				return j
			}
			j += size
		case c == ']' && !(j+2 < n && b[j+1] == ']' && b[j+2] == '>'):
			j++
		default:
			return j
		}
	}
	return j
}

// copyText appends to dst the text of b from j and returns dst and the
// offset where it stopped: where plainText would stop, or later when the
// text goes on with a CR or a common reference, which it decodes (see
// textCopy16). It copies the text as it scans it, so that decoded text is
// read and written once.
func copyText(dst, b []byte, j int) ([]byte, int) {
	n := len(b)
	o := len(dst)
	for {
		if cap(dst)-o < 64 {
			dst = grow(dst[:o], 64)
		}
		k, w := textCopy16(dst[o:cap(dst)], b, j)
		o += w
		j = k
		if j+16 > n {
			k = plainTail(b, j)
			return append(dst[:o], b[j:k]...), k
		}
		c := b[j]
		switch {
		case c >= utf8.RuneSelf:
			size := fastRune(b, j)
			if size == 0 {
				return dst[:o], j
			}
			dst = append(dst[:o], b[j:j+size]...)
			o += size
			j += size
		case textPlain[c] || c == ']' && !(j+2 < n && b[j+1] == ']' && b[j+2] == '>'):
			// textCopy16 ran out of room.
			dst = append(dst[:o], c)
			o++
			j++
		default:
			// '<', a reference or CR (the caller decodes them), or a
			// character to report.
			return dst[:o], j
		}
	}
}
