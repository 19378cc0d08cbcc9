package b64uri

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
	out := dst[:0]
	i := 0
	// Fast path: whole groups of four alphabet characters.
	for ; i+4 <= len(text); i += 4 {
		a, b, c, d := decodeStd[text[i]], decodeStd[text[i+1]], decodeStd[text[i+2]], decodeStd[text[i+3]]
		if a|b|c|d >= 64 {
			break
		}
		v := uint32(a)<<18 | uint32(b)<<12 | uint32(c)<<6 | uint32(d)
		out = append(out, byte(v>>16), byte(v>>8), byte(v))
	}
	if i == len(text) {
		return out, nil
	}
	return decodeSlow(out, text, i, lenient)
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
// group of three.
func encodeInPlace(buf []byte, n int) {
	r := len(buf) - n
	w := 0
	for end := len(buf); end-r >= 3; r += 3 {
		v := uint32(buf[r])<<16 | uint32(buf[r+1])<<8 | uint32(buf[r+2])
		buf[w] = encodeStd[v>>18&63]
		buf[w+1] = encodeStd[v>>12&63]
		buf[w+2] = encodeStd[v>>6&63]
		buf[w+3] = encodeStd[v&63]
		w += 4
	}
	switch len(buf) - r {
	case 1:
		v := uint32(buf[r]) << 16
		buf[w] = encodeStd[v>>18&63]
		buf[w+1] = encodeStd[v>>12&63]
		buf[w+2] = '='
		buf[w+3] = '='
	case 2:
		v := uint32(buf[r])<<16 | uint32(buf[r+1])<<8
		buf[w] = encodeStd[v>>18&63]
		buf[w+1] = encodeStd[v>>12&63]
		buf[w+2] = encodeStd[v>>6&63]
		buf[w+3] = '='
	}
}
