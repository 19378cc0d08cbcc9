package xmltext

import (
	"encoding/binary"
	"math/bits"
	"unicode/utf8"
)

// SWAR constants: eight copies of a byte in a uint64.
const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
)

// special8 returns a mask with the high bit set in each byte of w that
// needs a closer look in character data: not printable ASCII (0x20–0x7F),
// or '<', '&' or ']'. The lowest set bit marks the first such byte exactly
// (higher ones may be false alarms from borrows).
func special8(w uint64) uint64 {
	ctl := (w - ones*0x20) & ^w & highs // a byte < 0x20 (or a borrow)
	lt := hasZero(w ^ (ones * '<'))
	amp := hasZero(w ^ (ones * '&'))
	rb := hasZero(w ^ (ones * ']'))
	return (w & highs) | ctl | lt | amp | rb
}

// hasZero is non-zero when a byte of v is zero.
func hasZero(v uint64) uint64 { return (v - ones) & ^v & highs }

// AppendTextSafe appends s as XML character data, escaped as by
// [AppendText], if s is [Safe]. Otherwise it returns dst unchanged and
// false. It reads s once, eight bytes at a time where it can, and is the
// fast path of the XML writers. Unlike AppendText it leaves '>' as it is
// except in "]]>", which XML forbids in character data.
func AppendTextSafe(dst, s []byte) ([]byte, bool) {
	orig := len(dst)
	start, i := 0, 0
	for i < len(s) {
		if i+8 <= len(s) {
			m := special8(binary.LittleEndian.Uint64(s[i:]))
			if m == 0 {
				i += 8
				continue
			}
			i += bits.TrailingZeros64(m) >> 3
		}
		c := s[i]
		switch {
		case c >= 0x20 && c < 0x80 && c != '<' && c != '&' && c != ']':
			i++
		case c == ']':
			if i+2 < len(s) && s[i+1] == ']' && s[i+2] == '>' {
				dst = append(dst, s[start:i+2]...)
				dst = append(dst, "&gt;"...)
				i += 3
				start = i
			} else {
				i++
			}
		case c == '<':
			dst = append(dst, s[start:i]...)
			dst = append(dst, '&', 'l', 't', ';')
			i++
			start = i
		case c == '&':
			dst = append(dst, s[start:i]...)
			dst = append(dst, '&', 'a', 'm', 'p', ';')
			i++
			start = i
		case c == '\r':
			dst = append(dst, s[start:i]...)
			dst = append(dst, '&', '#', '1', '3', ';')
			i++
			start = i
		case c == '\t' || c == '\n':
			i++
		case c < 0x80:
			return dst[:orig], false
		case c >= 0xC2 && c <= 0xDF && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
			i += 2 // U+0080–U+07FF: always a Char
		default:
			r, n := utf8.DecodeRune(s[i:])
			if (r == utf8.RuneError && n == 1) || !isChar(r) {
				return dst[:orig], false
			}
			i += n
		}
	}
	return append(dst, s[start:]...), true
}
