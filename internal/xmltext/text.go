package xmltext

import (
	"encoding/binary"
	"math/bits"
	"slices"
	"unicode/utf8"
)

// SWAR constants: eight copies of a byte in a uint64.
const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
	lo7   = 0x7F7F7F7F7F7F7F7F // the low seven bits of each byte
)

// special8 returns a mask with the high bit set in exactly those bytes of
// w that need a closer look in character data: bytes ≥ 0x80 (UTF-8
// sequences), bytes < 0x20 (controls, tab, LF, CR), '<', '&' and ']'.
// The tests on the low seven bits cannot carry from one byte into the
// next, so every flag is exact.
func special8(w uint64) uint64 {
	low := w & lo7
	// Each term has the high bit clear in a byte where the test holds:
	// low < 0x20, low == '<', low == '&', low == ']'.
	t := (low + ones*(0x80-0x20)) &
		((low ^ ones*'<') + lo7) &
		((low ^ ones*'&') + lo7) &
		((low ^ ones*']') + lo7)
	return (w | ^t) & highs
}

// maxGrowth is the most output one input byte of character data can
// become: CR is written as "&#13;".
const maxGrowth = 5

// textChunk is how much input AppendTextSafe escapes per reservation of
// output space, so that a long text never reserves much more than it
// needs.
const textChunk = 16 << 10

// textSlack is the output room kept beyond maxGrowth times the input of a
// chunk: a block or word that starts before the end of a chunk, and the
// character that ends it, may take a few bytes past it, and writes are
// stores of eight or sixteen bytes.
const textSlack = 128

// AppendTextSafe appends s as XML character data, escaped as by
// [AppendText], if s is [Safe]. Otherwise it returns dst unchanged (its
// spare capacity may have been written) and false. It reads s once, in
// blocks of sixteen bytes (with SSE2 on amd64) and words of eight, and is
// the fast path of the XML writers.
// Unlike AppendText it leaves '>' as it is except in "]]>", which XML
// forbids in character data.
func AppendTextSafe(dst, s []byte) ([]byte, bool) {
	if n := len(s); n > 0 && n <= 8 {
		// A short text with nothing to escape (a number, an id, a
		// flag): most of the texts of a tag-dense message. Its word is
		// read whole when the slice's capacity allows (a text cut from
		// a message mostly has bytes after it), the bytes past the text
		// masked off.
		var m uint64
		if cap(s) >= 8 {
			m = special8(binary.LittleEndian.Uint64(s[:8])) & (^uint64(0) >> (64 - 8*n))
		} else {
			m = special8(loadTail(s))
		}
		if m == 0 {
			return append(dst, s...), true
		}
	}
	orig := len(dst)
	i := 0
	for i < len(s) {
		end := min(len(s), i+textChunk)
		dst = slices.Grow(dst, maxGrowth*(end-i)+textSlack)
		var ok bool
		if dst, i, ok = escapeChunk(dst, s, i, end); !ok {
			return dst[:orig], false
		}
	}
	return dst, true
}

// escapeChunk appends the escaped form of s from i up to at least end
// (a character or escape that starts before end may take a few bytes past
// it) to dst, which has room for maxGrowth*(end-i)+textSlack more bytes,
// and returns the offset in s where it stopped. It returns false for
// bytes that XML cannot carry.
//
// escapeBlocks takes blocks of 16 bytes for as long as it can. Between
// its runs, one step at a time, escapeChunk loads a word of eight bytes at
// i, copies it whole to the output and looks for the first byte that
// needs more than that: '<', '&', a control (CR, but also tab and LF,
// which pass), ']' and bytes ≥ 0x80 other than a two-byte UTF-8 sequence
// complete in the word (always a character XML allows). Escapes come from
// a table; the rest (']', other UTF-8, bytes XML cannot carry) takes a
// switch. Then it goes on from the next byte.
func escapeChunk(dst, s []byte, i, end int) ([]byte, int, bool) {
	buf := dst[:cap(dst)]
	o := len(dst)
	n := len(s)
	for i < end {
		if i+16 <= n {
			// Blocks of 16 bytes, up to a byte that needs more.
			if i, o = escapeBlocks(buf, o, s, i, end); i >= end {
				break
			}
		}
		var w uint64
		if i+8 <= n {
			w = binary.LittleEndian.Uint64(s[i:])
		} else {
			w = loadTail(s[i:])
		}
		binary.LittleEndian.PutUint64(buf[o:], w)
		m := special8(w)
		if m != 0 && m&^w == 0 {
			// Only bytes ≥ 0x80: two-byte sequences pass.
			m &^= pairs2(w)
		}
		if m == 0 {
			k := min(8, n-i)
			i += k
			o += k
			continue
		}
		k := bits.TrailingZeros64(m) >> 3
		i += k
		o += k
		c := s[i]
		if e := escapes[c]; e>>56 != 0 {
			binary.LittleEndian.PutUint64(buf[o:], e)
			o += int(e >> 56)
			i++
			if i < n {
				// CR's escape is followed by LF in the table: take the
				// LF that most often follows CR in the same step.
				lf := b2i(s[i] == '\n') & int(e>>48)
				o += lf
				i += lf
			}
			continue
		}
		switch {
		case c == ']':
			if i+2 < n && s[i+1] == ']' && s[i+2] == '>' {
				binary.LittleEndian.PutUint64(buf[o:], cdataEndLE)
				o += 6
				i += 3
			} else {
				o++
				i++
			}
		case c < 0x80:
			return buf[:o], i, false // a control XML cannot carry
		default:
			// A run of UTF-8 sequences, copied as they are checked.
			for {
				l := charLen(s, i)
				if l == 0 {
					return buf[:o], i, false
				}
				copy(buf[o:o+4], s[i:i+l])
				i += l
				o += l
				if i >= end || s[i] < 0x80 {
					break
				}
			}
		}
	}
	return buf[:o], i, true
}

// pairs2 returns a mask with the high bit set in the bytes of w that form
// two-byte UTF-8 sequences, a lead byte C2–DF followed by a continuation
// byte 80–BF, both in w. Every such sequence is a character XML allows.
func pairs2(w uint64) uint64 {
	pair := lead2(w) & (cont8(w) >> 8)
	return pair | pair<<8
}

// nonzero returns the high bit set in each byte of w that is not zero,
// and other bits besides.
func nonzero(w uint64) uint64 {
	return ((w & lo7) + lo7) | w
}

// b2i is 1 for true and 0 for false.
func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// escapes holds, for every byte, what it becomes in character data (in
// the low bytes) and that length (in the top byte): the escape of '<',
// '&' and CR, the byte itself for tab, LF and the other ASCII characters
// but ']'. The rest (']', other controls, bytes ≥ 0x80) have length 0:
// they need a closer look.
var escapes = func() (t [256]uint64) {
	for c := range t {
		if c >= 0x20 && c < 0x80 && c != ']' || c == '\t' || c == '\n' {
			t[c] = 1<<56 | uint64(c)
		}
	}
	for _, e := range []struct {
		c   byte
		esc string
	}{{'<', "&lt;"}, {'&', "&amp;"}, {'\r', "&#13;"}} {
		var b [8]byte
		copy(b[:], e.esc)
		t[e.c] = uint64(len(e.esc))<<56 | binary.LittleEndian.Uint64(b[:])
	}
	// After CR's escape, LF and a flag (bit 48) that says so.
	t['\r'] |= '\n'<<40 | 1<<48
	return t
}()

// cdataEndLE is "]]&gt;" as a little-endian word, for one store.
var cdataEndLE = binary.LittleEndian.Uint64([]byte("]]&gt;\x00\x00"))

// loadTail loads the last one to seven bytes of a text as a little-endian
// word, padded with spaces, which are never flagged.
func loadTail(s []byte) uint64 {
	var b [8]byte
	copy(b[:], "        ")
	copy(b[:], s)
	return binary.LittleEndian.Uint64(b[:])
}

// charLen returns the length of the UTF-8 sequence at s[i] (a byte ≥ 0x80)
// when it encodes a character XML allows, or 0.
func charLen(s []byte, i int) int {
	c := s[i]
	switch {
	case c >= 0xC2 && c <= 0xDF:
		if i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			return 2 // U+0080–U+07FF: always a Char
		}
		return 0
	case c >= 0xE0 && c <= 0xEF:
		if i+2 >= len(s) || s[i+1]&0xC0 != 0x80 || s[i+2]&0xC0 != 0x80 {
			return 0
		}
		c1 := s[i+1]
		switch c {
		case 0xE0:
			if c1 < 0xA0 {
				return 0 // overlong
			}
		case 0xED:
			if c1 >= 0xA0 {
				return 0 // a surrogate
			}
		case 0xEF:
			if c1 == 0xBF && s[i+2] >= 0xBE {
				return 0 // U+FFFE, U+FFFF
			}
		}
		return 3
	}
	r, l := utf8.DecodeRune(s[i:])
	if (r == utf8.RuneError && l == 1) || !isChar(r) {
		return 0
	}
	return l
}
