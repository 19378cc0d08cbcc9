package xmlscan

import "unicode/utf8"

// Byte classes for the scanning loops. An entry is true when the byte is a
// valid one-byte character that needs no further attention in that context;
// every other byte (markup delimiters, CR, characters XML 1.0 forbids, and
// the lead bytes of multi-byte UTF-8 sequences) leaves the fast loop.
var (
	textPlain = byteTable(func(c byte) bool { return plainASCII(c) && c != '<' && c != '&' && c != ']' && c != '\r' })
	attrPlain = byteTable(func(c byte) bool {
		return plainASCII(c) && c != '<' && c != '&' && c != '"' && c != '\'' && c != '\t' && c != '\n' && c != '\r'
	})
	cdataPlain   = byteTable(func(c byte) bool { return plainASCII(c) && c != ']' && c != '\r' })
	commentPlain = byteTable(func(c byte) bool { return plainASCII(c) && c != '-' })
	piPlain      = byteTable(func(c byte) bool { return plainASCII(c) && c != '?' })
	litPlain     = byteTable(func(c byte) bool { return plainASCII(c) && c != '"' && c != '\'' && c != '>' })
	spaceTable   = byteTable(isSpace)
	// indentTable holds the white space that needs no normalization.
	indentTable = byteTable(func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' })
	// nameStartASCII and nameASCII hold the one-byte NameStartChar and
	// NameChar of XML 1.0 (fifth edition). The colon is excluded: callers
	// handle it, since Namespaces in XML gives it a meaning.
	nameStartASCII = byteTable(func(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' })
	nameASCII      = byteTable(func(c byte) bool {
		return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' || '0' <= c && c <= '9' || c == '-' || c == '.'
	})
)

func byteTable(f func(byte) bool) (t [256]bool) {
	for i := range t {
		t[i] = f(byte(i))
	}
	return t
}

// plainASCII reports whether c is a one-byte character allowed by the Char
// production: tab, LF, CR, or 0x20–0x7F.
func plainASCII(c byte) bool {
	return c == '\t' || c == '\n' || c == '\r' || 0x20 <= c && c < utf8.RuneSelf
}

// isSpace reports whether c matches the S production (space, tab, LF, CR).
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r'
}

// isChar reports whether r matches the Char production of XML 1.0:
// #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
func isChar(r rune) bool {
	switch {
	case r < 0x20:
		return r == '\t' || r == '\n' || r == '\r'
	case r <= 0xD7FF:
		return true
	case r < 0xE000:
		return false
	case r <= 0xFFFD:
		return true
	default:
		return 0x10000 <= r && r <= utf8.MaxRune
	}
}

// isNameStartRune reports whether r is a NameStartChar of XML 1.0 (fifth
// edition), colon excluded.
func isNameStartRune(r rune) bool {
	if r < utf8.RuneSelf {
		return nameStartASCII[r]
	}
	switch {
	case r < 0xC0:
		return false
	case r <= 0x2FF:
		return r != 0xD7 && r != 0xF7
	case r < 0x370:
		return false
	case r <= 0x1FFF:
		return r != 0x37E
	case r <= 0x200B:
		return false
	case r <= 0x200D:
		return true
	case r < 0x2070:
		return false
	case r <= 0x218F:
		return true
	case r < 0x2C00:
		return false
	case r <= 0x2FEF:
		return true
	case r < 0x3001:
		return false
	case r <= 0xD7FF:
		return true
	case r < 0xF900:
		return false
	case r <= 0xFDCF:
		return true
	case r < 0xFDF0:
		return false
	case r <= 0xFFFD:
		return true
	default:
		return 0x10000 <= r && r <= 0xEFFFF
	}
}

// isNameRune reports whether r is a NameChar of XML 1.0 (fifth edition),
// colon excluded.
func isNameRune(r rune) bool {
	if r < utf8.RuneSelf {
		return nameASCII[r]
	}
	return isNameStartRune(r) || r == 0xB7 || 0x300 <= r && r <= 0x36F || r == 0x203F || r == 0x2040
}

// isAllSpace reports whether b holds only S characters.
func isAllSpace(b []byte) bool {
	for _, c := range b {
		if !spaceTable[c] {
			return false
		}
	}
	return true
}

// hasPrefix reports whether b[i:] starts with p; i may be past the end.
func hasPrefix(b []byte, i int, p string) bool {
	return i <= len(b) && len(b)-i >= len(p) && string(b[i:i+len(p)]) == p
}

// skipSpace returns the offset of the first non-S byte at or after i.
func skipSpace(b []byte, i int) int {
	for i < len(b) && spaceTable[b[i]] {
		i++
	}
	return i
}

// isTruncated reports whether b[i:] is a proper prefix of p: the input ends
// inside p.
func isTruncated(b []byte, i int, p string) bool {
	return len(b)-i < len(p) && p[:len(b)-i] == string(b[i:])
}

// SWAR constants: one in each byte, and each byte's high bit.
const (
	lo8 = 0x0101010101010101
	hi8 = 0x8080808080808080
)

// textFlags returns a mask with the high bit set in exactly those bytes of
// x (eight bytes of character data read little-endian) that stop a run of
// plain text: a control character other than tab and LF (CR included), a
// non-ASCII byte, '<', '&' or ']'. Working on the low seven bits of each
// byte, no test can carry into the next byte, so every flag is exact and a
// caller may handle the flagged bytes one by one.
func textFlags(x uint64) uint64 {
	const lo7 = lo8 * 0x7F
	low := x & lo7
	// Below 0x20, but neither tab (9) nor LF (10): low+0x77 has its high
	// bit set from 9 up, low+0x75 from 11 up.
	ctl := ^(low + lo8*0x60) & (^(low + lo8*0x77) | (low + lo8*0x75))
	lt := ^((low ^ lo8*'<') + lo7)
	amp := ^((low ^ lo8*'&') + lo7)
	rb := ^((low ^ lo8*']') + lo7)
	return (x | ctl | lt | amp | rb) & hi8
}

// fastRune returns the length of the UTF-8 sequence at b[i] (b[i] >= 0x80)
// when it is a well-formed sequence of a character the Char production
// allows, else 0: the caller then checks it slowly, to report the error.
// It accepts what utf8.DecodeRune and isChar accept, and nothing else.
func fastRune(b []byte, i int) int {
	c := b[i]
	switch {
	case c < 0xC2:
	case c < 0xE0:
		if i+1 < len(b) && b[i+1]&0xC0 == 0x80 {
			return 2
		}
	case c < 0xF0:
		if i+2 >= len(b) || b[i+2]&0xC0 != 0x80 {
			return 0
		}
		c1 := b[i+1]
		lo, hi := byte(0x80), byte(0xBF)
		switch c {
		case 0xE0:
			lo = 0xA0 // no overlong forms
		case 0xED:
			hi = 0x9F // no surrogates
		case 0xEF:
			if c1 == 0xBF && b[i+2] >= 0xBE {
				return 0 // U+FFFE, U+FFFF
			}
		}
		if lo <= c1 && c1 <= hi {
			return 3
		}
	case c < 0xF5:
		if i+3 >= len(b) || b[i+2]&0xC0 != 0x80 || b[i+3]&0xC0 != 0x80 {
			return 0
		}
		c1 := b[i+1]
		lo, hi := byte(0x80), byte(0xBF)
		switch c {
		case 0xF0:
			lo = 0x90 // no overlong forms
		case 0xF4:
			hi = 0x8F // nothing above U+10FFFF
		}
		if lo <= c1 && c1 <= hi {
			return 4
		}
	}
	return 0
}
