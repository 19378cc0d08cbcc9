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

// decodedMaxLen is the most bytes text of length n can decode to.
func decodedMaxLen(n int) int { return n/4*3 + 3 }

// encodedLen is the length of the padded base64 form of n bytes.
func encodedLen(n int) int { return (n + 2) / 3 * 4 }

// decodeBase64 decodes text into dst[:0] (which must have room for
// decodedMaxLen(len(text)) bytes) and returns the decoded bytes.
func decodeBase64(dst, text []byte, lenient bool) ([]byte, error) {
	out := dst[:cap(dst)]
	i, w := 0, 0
	// Fast path: eight alphabet characters (six bytes) per branch, stored
	// with one 8-byte write; decodedMaxLen leaves the two bytes of slack.
	for i+8 <= len(text) && w+8 <= len(out) {
		t := text[i : i+8 : i+8]
		c0, c1, c2, c3 := decodeStd[t[0]], decodeStd[t[1]], decodeStd[t[2]], decodeStd[t[3]]
		c4, c5, c6, c7 := decodeStd[t[4]], decodeStd[t[5]], decodeStd[t[6]], decodeStd[t[7]]
		if c0|c1|c2|c3|c4|c5|c6|c7 >= 64 {
			break
		}
		v := uint64(c0)<<58 | uint64(c1)<<52 | uint64(c2)<<46 | uint64(c3)<<40 |
			uint64(c4)<<34 | uint64(c5)<<28 | uint64(c6)<<22 | uint64(c7)<<16
		binary.BigEndian.PutUint64(out[w:], v)
		i += 8
		w += 6
	}
	// Then groups of four.
	for i+4 <= len(text) && w+3 <= len(out) {
		t := text[i : i+4 : i+4]
		c0, c1, c2, c3 := decodeStd[t[0]], decodeStd[t[1]], decodeStd[t[2]], decodeStd[t[3]]
		if c0|c1|c2|c3 >= 64 {
			break
		}
		v := uint32(c0)<<18 | uint32(c1)<<12 | uint32(c2)<<6 | uint32(c3)
		o := out[w : w+3 : w+3]
		o[0], o[1], o[2] = byte(v>>16), byte(v>>8), byte(v)
		i += 4
		w += 3
	}
	if i == len(text) {
		return out[:w], nil
	}
	return decodeSlow(out[:w], text, i, lenient)
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

// encodeInPlace base64-encodes the n bytes at buf[len(buf)-n:] into the
// whole of buf, which must be encodedLen(n) long. Encoding runs forwards and
// never overwrites a byte before reading it: the write position starts
// encodedLen(n)-n ≥ 1 bytes behind the read position and gains one byte per
// three bytes read, so a step that reads 3 bytes before writing 4 is always
// safe, and one that reads 6 before writing 8 while the gap is at least 2.
func encodeInPlace(buf []byte, n int) {
	r := len(buf) - n
	w := 0
	// Six bytes to eight characters per step while the eight-byte write
	// stays behind the next unread byte (r+6 ≥ w+8).
	for len(buf)-r >= 6 && r-w >= 2 {
		src := buf[r : r+6 : r+6]
		v := uint64(src[0])<<40 | uint64(src[1])<<32 | uint64(src[2])<<24 |
			uint64(src[3])<<16 | uint64(src[4])<<8 | uint64(src[5])
		dst := buf[w : w+8 : w+8]
		dst[0] = encodeStd[v>>42&63]
		dst[1] = encodeStd[v>>36&63]
		dst[2] = encodeStd[v>>30&63]
		dst[3] = encodeStd[v>>24&63]
		dst[4] = encodeStd[v>>18&63]
		dst[5] = encodeStd[v>>12&63]
		dst[6] = encodeStd[v>>6&63]
		dst[7] = encodeStd[v&63]
		r += 6
		w += 8
	}
	for len(buf)-r >= 3 {
		src := buf[r : r+3 : r+3]
		v := uint32(src[0])<<16 | uint32(src[1])<<8 | uint32(src[2])
		dst := buf[w : w+4 : w+4]
		dst[0] = encodeStd[v>>18&63]
		dst[1] = encodeStd[v>>12&63]
		dst[2] = encodeStd[v>>6&63]
		dst[3] = encodeStd[v&63]
		r += 3
		w += 4
	}
	switch len(buf) - r {
	case 1:
		v := uint32(buf[r]) << 16
		dst := buf[w : w+4 : w+4]
		dst[0] = encodeStd[v>>18&63]
		dst[1] = encodeStd[v>>12&63]
		dst[2] = '='
		dst[3] = '='
	case 2:
		v := uint32(buf[r])<<16 | uint32(buf[r+1])<<8
		dst := buf[w : w+4 : w+4]
		dst[0] = encodeStd[v>>18&63]
		dst[1] = encodeStd[v>>12&63]
		dst[2] = encodeStd[v>>6&63]
		dst[3] = '='
	}
}
