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

// lo7 masks the low seven bits of each byte.
const lo7 = 0x7F7F7F7F7F7F7F7F

// special8 returns a mask with the high bit set in exactly those bytes of
// w that need a closer look in character data: bytes ≥ 0x80 (UTF-8
// sequences), bytes < 0x20 (controls, tab, LF, CR), '<', '&' and ']'.
// The tests on the low seven bits cannot carry from one byte into the
// next, so every flag is exact.
func special8(w uint64) uint64 {
	low := w & lo7
	ctl := ^(low + ones*(0x80-0x20)) // high bit set where low < 0x20
	lt := ^((low ^ ones*'<') + lo7)  // high bit set where low == '<'
	amp := ^((low ^ ones*'&') + lo7)
	rb := ^((low ^ ones*']') + lo7)
	return (w | ctl | lt | amp | rb) & highs
}

// AppendTextSafe appends s as XML character data, escaped as by
// [AppendText], if s is [Safe]. Otherwise it returns dst unchanged and
// false. It reads s once, a word of eight bytes at a time, handling each
// flagged byte of a word in turn, and is the fast path of the XML writers.
// Unlike AppendText it leaves '>' as it is except in "]]>", which XML
// forbids in character data.
func AppendTextSafe(dst, s []byte) ([]byte, bool) {
	orig := len(dst)
	start, i := 0, 0
	for i+8 <= len(s) {
		m := special8(binary.LittleEndian.Uint64(s[i:]))
		next := i + 8
		for m != 0 {
			p := i + bits.TrailingZeros64(m)>>3
			m &= m - 1
			c := s[p]
			if c >= 0x80 {
				n := runeLen(s, p)
				if n == 0 {
					return dst[:orig], false
				}
				if p+n >= next {
					next = p + n
					break
				}
				// Skip the flags of the continuation bytes.
				m &^= (uint64(1) << (uint(p+n-i) * 8)) - 1
				continue
			}
			var esc string
			switch c {
			case '<':
				esc = "&lt;"
			case '&':
				esc = "&amp;"
			case '\r':
				esc = "&#13;"
			case ']':
				if p+2 < len(s) && s[p+1] == ']' && s[p+2] == '>' {
					dst = append(dst, s[start:p+2]...)
					dst = append(dst, "&gt;"...)
					start = p + 3
					if p+3 > next {
						next = p + 3
						m = 0
					} else {
						m &^= (uint64(1) << (uint(p+3-i) * 8)) - 1
					}
				}
				continue
			case '\t', '\n':
				continue
			default:
				return dst[:orig], false
			}
			dst = append(dst, s[start:p]...)
			dst = append(dst, esc...)
			start = p + 1
		}
		i = next
	}
	// The last few bytes, one at a time.
	for i < len(s) {
		c := s[i]
		switch {
		case c >= 0x80:
			n := runeLen(s, i)
			if n == 0 {
				return dst[:orig], false
			}
			i += n
		case c == '<' || c == '&' || c == '\r':
			dst = append(dst, s[start:i]...)
			dst = append(dst, escapeOf(c)...)
			i++
			start = i
		case c == ']' && i+2 < len(s) && s[i+1] == ']' && s[i+2] == '>':
			dst = append(dst, s[start:i+2]...)
			dst = append(dst, "&gt;"...)
			i += 3
			start = i
		case c < 0x20 && c != '\t' && c != '\n':
			return dst[:orig], false
		default:
			i++
		}
	}
	return append(dst, s[start:]...), true
}

// runeLen returns the length of the UTF-8 sequence at s[i] (a byte ≥ 0x80)
// when it encodes a character XML allows, or 0.
func runeLen(s []byte, i int) int {
	c := s[i]
	if c >= 0xC2 && c <= 0xDF && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
		return 2 // U+0080–U+07FF: always a Char
	}
	r, n := utf8.DecodeRune(s[i:])
	if (r == utf8.RuneError && n == 1) || !isChar(r) {
		return 0
	}
	return n
}
