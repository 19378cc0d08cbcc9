package eas

import "encoding/binary"

// Value parsers of the content checks, on the bytes of an element's text.

func isSpace(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\r' && c != '\n' {
			return false
		}
	}
	return true
}

func appendRune(dst []byte, r rune) []byte {
	var buf [4]byte
	n := copy(buf[:], string(r))
	return append(dst, buf[:n]...)
}

// parseInt reads an optionally signed decimal integer of at most 18
// digits.
func parseInt(b []byte) (int64, bool) {
	neg := false
	if len(b) > 0 && (b[0] == '-' || b[0] == '+') {
		neg = b[0] == '-'
		b = b[1:]
	}
	if len(b) == 0 || len(b) > 18 {
		return 0, false
	}
	var x int64
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		x = x*10 + int64(c-'0')
	}
	if neg {
		x = -x
	}
	return x, true
}

// isDateTime accepts 2009-11-12T09:30:00, with optional fractional
// seconds and an optional Z.
func isDateTime(b []byte) bool {
	// 2009-11- and 12T09:30 as two words, their separators swapped for
	// digits once checked.
	const sep1 = 0xFF<<32 | 0xFF<<56 // bytes 4 and 7
	const sep2 = 0xFF<<16 | 0xFF<<40 // bytes 10 and 13
	if len(b) < 19 || b[16] != ':' || !isDigit(b[17]) || !isDigit(b[18]) {
		return false
	}
	w1, w2 := binary.LittleEndian.Uint64(b), binary.LittleEndian.Uint64(b[8:])
	if w1&sep1 != '-'<<32|'-'<<56 || w2&sep2 != 'T'<<16|':'<<40 ||
		!allDigits(w1&^sep1|zeros&sep1) || !allDigits(w2&^sep2|zeros&sep2) {
		return false
	}
	rest := b[19:]
	if len(rest) > 0 && rest[0] == '.' {
		i := 1
		for i < len(rest) && isDigit(rest[i]) {
			i++
		}
		if i == 1 {
			return false
		}
		rest = rest[i:]
	}
	return len(rest) == 0 || (len(rest) == 1 && rest[0] == 'Z')
}

// isCompactDateTime accepts 20091112T093000Z (the Z optional).
func isCompactDateTime(b []byte) bool {
	if len(b) == 16 && b[15] == 'Z' {
		b = b[:15]
	}
	if len(b) != 15 || b[8] != 'T' {
		return false
	}
	// 20091112, and 2T093000 with its T (byte 1) swapped for a digit.
	const t = 0xFF << 8
	return allDigits(binary.LittleEndian.Uint64(b)) && allDigits(binary.LittleEndian.Uint64(b[7:])&^t|zeros&t)
}

// zeros is eight '0' bytes.
const zeros = 0x3030303030303030

// allDigits reports whether the eight bytes of w are all '0' to '9': each
// has the high nibble 3, and keeps it when 6 is added (a low nibble of 10
// or more carries into it; no byte carries into the next).
func allDigits(w uint64) bool {
	const hi = 0xF0F0F0F0F0F0F0F0
	return w&hi == zeros && (w+0x0606060606060606)&hi == zeros
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isBase64(b []byte) bool {
	// No early exit: one load and an OR a byte, four at a time.
	var bad byte
	for len(b) >= 4 {
		bad |= notBase64[b[0]] | notBase64[b[1]] | notBase64[b[2]] | notBase64[b[3]]
		b = b[4:]
	}
	for _, c := range b {
		bad |= notBase64[c]
	}
	return bad == 0
}

// notBase64 is 1 for the bytes base64 text may not have (it may have both
// alphabets, the padding, and line breaks and spaces).
var notBase64 = func() (t [256]byte) {
	for i := range t {
		t[i] = 1
	}
	for _, c := range []byte("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_\r\n ") {
		t[c] = 0
	}
	return t
}()
