package b64uri

import "encoding/binary"

// The base64 layer: RFC 2045 (standard alphabet) with optional padding, and
// a lenient form. Written here rather than taken from encoding/base64 so that
// errors carry character offsets, the lenient forms can be recognised, and
// encoding can run in place inside the destination slice.

const encodeStd = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

// Decoding table values above 63.
const (
	invalid = 0xFF
	padding = 0xFE
)

// decodeStd maps a character to its 6-bit value, padding or invalid.
var decodeStd = func() (t [256]byte) {
	for i := range t {
		t[i] = invalid
	}
	for i := 0; i < len(encodeStd); i++ {
		t[encodeStd[i]] = byte(i)
	}
	t['='] = padding
	return t
}()

// Decoding tables for the fast path, one per position in a group of four
// characters: decodeLE[k][c] is the 6-bit value of c, as the k-th character
// of its group, already moved to where it lands in the group's three bytes
// read as a little-endian word (byte 0 in bits 0–7). OR-ing the four entries
// of a group gives its three bytes; any character outside the alphabet
// ('=' included) sets bits 24–31, so one comparison checks the whole group.
var decodeLE = func() (t [4][256]uint64) {
	for k := range t {
		for c := range t[k] {
			v := decodeStd[c]
			if v >= 64 {
				t[k][c] = invalidWord
				continue
			}
			be := uint64(v) << (18 - 6*k) // the group's bytes, big-endian
			t[k][c] = be>>16 | be&0xFF00 | (be&0xFF)<<16
		}
	}
	return t
}()

// invalidWord is the decodeLE entry of a character outside the alphabet.
const invalidWord = 1<<64 - 1

// decodedMaxLen is the most bytes text of length n can decode to, plus
// the slack the fast path's word stores need.
func decodedMaxLen(n int) int { return n/4*3 + 3 }

// encodedLen is the length of the padded base64 form of n bytes.
func encodedLen(n int) int { return (n + 2) / 3 * 4 }

// decodeBase64 decodes text into dst[:0] (which must have room for
// decodedMaxLen(len(text)) bytes) and returns the decoded bytes.
func decodeBase64(dst, text []byte, lenient bool) ([]byte, error) {
	out := dst[:cap(dst)]
	i, w := decodeFast(out, text)
	if i == len(text) {
		return out[:w], nil
	}
	return decodeSlow(out[:w], text, i, lenient)
}

// decodeTables points to decodeLE. Reading the tables through a pointer
// kept in a register lets the compiler address all four with one base.
var decodeTables = &decodeLE

// decodeFast decodes the groups of four alphabet characters at the start
// of text into out and returns how many characters it read and bytes it
// wrote; it stops before the first group that holds anything else ('='
// included) and before the last group when out lacks a byte of slack.
// Bytes of out past the ones it reports may have been overwritten.
func decodeFast(out, text []byte) (read, written int) {
	t := decodeTables
	src, dst := text, out
	// Sixteen characters (twelve bytes) per step, as two 8-byte writes six
	// bytes apart; the second one's last two bytes are slack, overwritten
	// by the next step or left past the end. Table entries are 64 bits
	// wide so that the compiler cannot tell the written words' top bytes
	// are zero, which would make it split each write in three.
	for len(src) >= 16 && len(dst) >= 14 {
		x := t[0][src[0]] | t[1][src[1]] | t[2][src[2]] | t[3][src[3]]
		y := t[0][src[4]] | t[1][src[5]] | t[2][src[6]] | t[3][src[7]]
		u := t[0][src[8]] | t[1][src[9]] | t[2][src[10]] | t[3][src[11]]
		v := t[0][src[12]] | t[1][src[13]] | t[2][src[14]] | t[3][src[15]]
		if (x|y|u|v)>>24 != 0 {
			break
		}
		binary.LittleEndian.PutUint64(dst, x|y<<24)
		binary.LittleEndian.PutUint64(dst[6:], u|v<<24)
		src, dst = src[16:], dst[12:]
	}
	// Then eight characters, then four.
	for len(src) >= 8 && len(dst) >= 8 {
		x := t[0][src[0]] | t[1][src[1]] | t[2][src[2]] | t[3][src[3]]
		y := t[0][src[4]] | t[1][src[5]] | t[2][src[6]] | t[3][src[7]]
		if (x|y)>>24 != 0 {
			break
		}
		binary.LittleEndian.PutUint64(dst, x|y<<24)
		src, dst = src[8:], dst[6:]
	}
	if len(src) >= 4 && len(dst) >= 4 {
		x := t[0][src[0]] | t[1][src[1]] | t[2][src[2]] | t[3][src[3]]
		if x>>24 == 0 {
			binary.LittleEndian.PutUint32(dst, uint32(x))
			src, dst = src[4:], dst[3:]
		}
	}
	return len(text) - len(src), len(out) - len(dst)
}

// decodeSlow decodes text[i:], character by character, handling padding,
// the end of the text, and the lenient forms.
func decodeSlow(out, text []byte, i int, lenient bool) ([]byte, error) {
	var acc uint32
	n := 0       // characters in the current group
	padAt := -1  // offset of the first '='
	groupAt := i // offset of the current group's first character
	for i < len(text) {
		at := i
		c := text[i]
		i++
		if lenient && c == '%' {
			h, ok := unhex2(text, i)
			if !ok {
				return out, textError(ErrAlphabet, at, '%')
			}
			c = h
			i += 2
		}
		v := decodeStd[c]
		if v == invalid && lenient {
			switch c {
			case '-':
				v = 62
			case '_':
				v = 63
			case ' ': // '+' after form-decoding
				v = 62
			}
		}
		switch {
		case v == padding:
			if padAt < 0 {
				padAt = at
			}
			continue
		case v == invalid:
			return out, textError(ErrAlphabet, at, int(c))
		case padAt >= 0:
			return out, textError(ErrPadding, padAt, '=')
		}
		if n == 0 {
			groupAt = at
		}
		acc = acc<<6 | uint32(v)
		n++
		if n == 4 {
			out = append(out, byte(acc>>16), byte(acc>>8), byte(acc))
			acc, n = 0, 0
		}
	}
	switch n {
	case 1:
		return out, textError(ErrPadding, groupAt, 0)
	case 2:
		out = append(out, byte(acc>>4))
	case 3:
		out = append(out, byte(acc>>10), byte(acc>>2))
	}
	if padAt >= 0 {
		// Padding is optional, but when present it completes the last
		// group exactly: one '=' after 3 characters, two after 2.
		pads := 0
		for j := padAt; j < len(text); j++ {
			if text[j] == '=' {
				pads++
			} else if lenient && text[j] == '%' {
				pads++
				j += 2
			}
		}
		if n == 0 || n+pads != 4 {
			return out, textError(ErrPadding, padAt, '=')
		}
	}
	return out, nil
}

// unhex2 decodes the two hex digits at text[i:].
func unhex2(text []byte, i int) (byte, bool) {
	if i+2 > len(text) {
		return 0, false
	}
	h, ok1 := unhex(text[i])
	l, ok2 := unhex(text[i+1])
	return h<<4 | l, ok1 && ok2
}

func unhex(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

func textError(err error, at, value int) *Error {
	return &Error{Err: err, Field: FieldText, Offset: at, InText: true, Value: value, Remaining: -1}
}

// encodePairs[v] is the two characters of the 12-bit value v, the first
// in the low byte: one lookup encodes a byte and a half.
var encodePairs = func() (t [4096]uint16) {
	for v := range t {
		t[v] = uint16(encodeStd[v>>6]) | uint16(encodeStd[v&63])<<8
	}
	return t
}()

// encodeTables points to encodePairs, for the same reason as decodeTables.
var encodeTables = &encodePairs

// encode48 returns the eight characters of the six bytes in the top 48
// bits of v as a little-endian word (the first character in the low byte).
func encode48(t *[4096]uint16, v uint64) uint64 {
	return uint64(t[v>>52]) | uint64(t[v>>40&0xFFF])<<16 |
		uint64(t[v>>28&0xFFF])<<32 | uint64(t[v>>16&0xFFF])<<48
}

// encodeInPlace base64-encodes the n bytes at buf[len(buf)-n:] into the
// whole of buf, which must be encodedLen(n) long. Encoding runs forwards and
// never overwrites a byte before reading it: the write position starts
// encodedLen(n)-n ≥ 1 bytes behind the read position and gains one byte per
// three bytes read, so a step that reads 3 bytes before writing 4 is always
// safe, one that reads 6 (or 8) before writing 8 while the gap is at least
// 2, and one that reads 12 before writing 16 while it is at least 4.
func encodeInPlace(buf []byte, n int) {
	t := encodeTables
	r, w := len(buf)-n, 0
	// r-w is the gap between writing and reading. Twelve bytes per step,
	// read as two overlapping big-endian words.
	for r+12 <= len(buf) && r-w >= 4 {
		s, d := buf[r:r+12:r+12], buf[w:w+16:w+16]
		a, b := binary.BigEndian.Uint64(s), binary.BigEndian.Uint64(s[4:])<<16
		binary.LittleEndian.PutUint64(d, encode48(t, a))
		binary.LittleEndian.PutUint64(d[8:], encode48(t, b))
		r += 12
		w += 16
	}
	// Then six while a word can be read without passing the end.
	for r+8 <= len(buf) && r-w >= 2 {
		v := binary.BigEndian.Uint64(buf[r : r+8 : r+8])
		binary.LittleEndian.PutUint64(buf[w:w+8:w+8], encode48(t, v))
		r += 6
		w += 8
	}
	src, dst := buf[r:], buf[w:]
	for len(src) >= 3 {
		v := uint32(src[0])<<16 | uint32(src[1])<<8 | uint32(src[2])
		binary.LittleEndian.PutUint32(dst[:4], uint32(t[v>>12])|uint32(t[v&0xFFF])<<16)
		src, dst = src[3:], dst[4:]
	}
	switch len(src) {
	case 1:
		v := uint32(src[0]) << 4
		binary.LittleEndian.PutUint32(dst[:4], uint32(t[v])|'='<<16|'='<<24)
	case 2:
		v := uint32(src[0])<<16 | uint32(src[1])<<8
		binary.LittleEndian.PutUint32(dst[:4], uint32(t[v>>12])|uint32(encodeStd[v>>6&63])<<16|'='<<24)
	}
}
