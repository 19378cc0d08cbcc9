package xmltext

import (
	"encoding/base64"
	"encoding/binary"
	"slices"
)

// AppendBase64 appends the padded standard base64 encoding of src, on one
// line.
//
// It encodes six bytes at a time into eight characters, two characters
// per table lookup of twelve bits, and leaves the last few bytes to
// encoding/base64.
func AppendBase64(dst, src []byte) []byte {
	n := base64.StdEncoding.EncodedLen(len(src))
	dst = slices.Grow(dst, n)
	out := dst[len(dst) : len(dst)+n]
	i, o := 0, 0
	for ; i+14 <= len(src) && o+16 <= len(out); i, o = i+12, o+16 {
		v := binary.BigEndian.Uint64(src[i:])
		u := binary.BigEndian.Uint64(src[i+6:])
		binary.LittleEndian.PutUint64(out[o:], uint64(b64pairs[v>>52])|
			uint64(b64pairs[v>>40&0xFFF])<<16|
			uint64(b64pairs[v>>28&0xFFF])<<32|
			uint64(b64pairs[v>>16&0xFFF])<<48)
		binary.LittleEndian.PutUint64(out[o+8:], uint64(b64pairs[u>>52])|
			uint64(b64pairs[u>>40&0xFFF])<<16|
			uint64(b64pairs[u>>28&0xFFF])<<32|
			uint64(b64pairs[u>>16&0xFFF])<<48)
	}
	base64.StdEncoding.Encode(out[o:], src[i:])
	return dst[:len(dst)+n]
}

// b64pairs holds the two base64 characters of every twelve-bit value, the
// first in the low byte.
var b64pairs = func() (t [4096]uint16) {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	for v := range t {
		t[v] = uint16(alphabet[v>>6]) | uint16(alphabet[v&63])<<8
	}
	return t
}()

// Base64Error reports text that is not strict base64. Offset is the byte
// offset of the offending character in the text that was decoded.
type Base64Error struct {
	Offset int
	Reason string
}

// Error returns the reason, after "base64: ".
func (e *Base64Error) Error() string { return "base64: " + e.Reason }

var strictStd = base64.StdEncoding.Strict()

var b64val = func() (t [256]uint8) {
	for i := range t {
		t[i] = 0xFF
	}
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	for i := 0; i < len(alphabet); i++ {
		t[alphabet[i]] = uint8(i)
	}
	return t
}()

// AppendDecodeBase64 appends the bytes that the standard-alphabet base64
// text src encodes. XML white space (space, tab, LF, CR) may appear
// anywhere and is ignored; padding is required when the last group is
// short ("QQ==", not "QQ"), and nothing but white space may follow it.
// Bits left over in the last character must be zero. Anything else is a
// *Base64Error naming the offset in src; dst is then returned unchanged.
func AppendDecodeBase64(dst, src []byte) ([]byte, error) {
	// Fast path: the standard library's strict decoder, which skips CR and
	// LF. Whatever it accepts this function accepts with the same result;
	// other white space and errors (for their offsets) take the slow path.
	if out, err := strictStd.AppendDecode(dst, src); err == nil {
		return out, nil
	}
	orig := len(dst)
	var quad [4]uint8
	n := 0    // characters in quad
	pad := 0  // '=' seen
	last := 0 // offset of the last base64 digit
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch c {
		case ' ', '\t', '\n', '\r':
			continue
		case '=':
			if n < 2 {
				return dst[:orig], &Base64Error{Offset: i, Reason: "unexpected '=' padding"}
			}
			pad++
			if n+pad > 4 {
				return dst[:orig], &Base64Error{Offset: i, Reason: "too much '=' padding"}
			}
			continue
		}
		if pad > 0 {
			return dst[:orig], &Base64Error{Offset: i, Reason: "data after '=' padding"}
		}
		v := b64val[c]
		if v == 0xFF {
			return dst[:orig], &Base64Error{Offset: i, Reason: "invalid character " + quoteByte(c)}
		}
		quad[n] = v
		n++
		last = i
		if n == 4 {
			dst = append(dst, quad[0]<<2|quad[1]>>4, quad[1]<<4|quad[2]>>2, quad[2]<<6|quad[3])
			n = 0
		}
	}
	switch {
	case n == 0 && pad == 0:
		return dst, nil
	case n+pad != 4:
		return dst[:orig], &Base64Error{Offset: len(src), Reason: "missing '=' padding at the end"}
	case n == 2:
		if quad[1]&0x0F != 0 {
			return dst[:orig], &Base64Error{Offset: last, Reason: "non-zero trailing bits"}
		}
		return append(dst, quad[0]<<2|quad[1]>>4), nil
	default: // n == 3
		if quad[2]&0x03 != 0 {
			return dst[:orig], &Base64Error{Offset: last, Reason: "non-zero trailing bits"}
		}
		return append(dst, quad[0]<<2|quad[1]>>4, quad[1]<<4|quad[2]>>2), nil
	}
}

func quoteByte(c byte) string {
	if c >= 0x20 && c < 0x7F {
		return "'" + string(rune(c)) + "'"
	}
	const hex = "0123456789ABCDEF"
	return "0x" + string([]byte{hex[c>>4], hex[c&15]})
}
