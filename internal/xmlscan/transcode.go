package xmlscan

import (
	"encoding/binary"
	"fmt"
	"slices"
	"unicode/utf8"
)

// AppendUTF8 appends doc, an XML document in encoding enc whose byte order
// mark (if any) is bom bytes long, as [Detect] found them, to dst
// transcoded to UTF-8 without the byte order mark, and returns the
// extended buffer. The result holds the same characters, so lines and
// columns (which count characters) are the same in both; [SourceOffset]
// maps byte offsets of the result back to doc.
//
// Input that is not valid in enc is an error: a [*SyntaxError] wrapping
// [ErrEncoding] whose Offset is in doc and whose Line and Column are
// those of the bad character. That is UTF-16 of odd length or with an
// unpaired surrogate; UTF-32 of a length not a multiple of four or with a
// value that is not a Unicode scalar value; and in windows-1252, the
// undefined bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D. Characters that XML
// forbids (controls, U+FFFE, U+FFFF) are transcoded: the Scanner rejects
// them. On error the buffer returned holds what was transcoded before
// the error, so that its memory can be reused.
//
// For UTF-8 input, dst is returned unchanged. The buffer grows once, to
// at most three times the length of doc (windows-1252: one byte becomes
// up to three), one and a half for UTF-16.
func AppendUTF8(dst, doc []byte, enc Encoding, bom int) ([]byte, error) {
	bom = min(max(bom, 0), len(doc))
	start := len(dst)
	in := doc[bom:]
	switch enc {
	case UTF16LE, UTF16BE:
		dst = slices.Grow(dst, len(in)/2*3)
		out, i, msg := appendUTF16(dst, in, enc == UTF16BE)
		if msg == "" && i < len(in) {
			msg = "the UTF-16 document ends in the middle of a character (odd number of bytes)"
		}
		return out, encodingError(out[start:], bom+i, msg)
	case UTF32LE, UTF32BE:
		dst = slices.Grow(dst, len(in))
		out, i, msg := appendUTF32(dst, in, enc == UTF32BE)
		if msg == "" && i < len(in) {
			msg = "the UTF-32 document ends in the middle of a character (its length is not a multiple of four)"
		}
		return out, encodingError(out[start:], bom+i, msg)
	case Latin1, Windows1252:
		dst = slices.Grow(dst, utf8Len8bit(in, enc))
		out, i, msg := append8bit(dst, in, enc)
		return out, encodingError(out[start:], bom+i, msg)
	}
	return dst, nil
}

// encodingError returns an error at offset off of the document, whose
// characters before it are done in UTF-8, or nil when msg is empty.
func encodingError(done []byte, off int, msg string) error {
	if msg == "" {
		return nil
	}
	line, col := Position(done, int64(len(done)))
	return &SyntaxError{Offset: int64(off), Line: line, Column: col, Msg: msg, Err: ErrEncoding}
}

// appendUTF16 transcodes UTF-16 code units from in, returning the buffer,
// the offset where it stopped and, if it stopped at bad input, what was
// wrong.
func appendUTF16(out, in []byte, be bool) ([]byte, int, string) {
	// Four ASCII characters at a time: their high bytes are zero, and so
	// is the top bit of their low bytes.
	mask, shift := uint64(0xFF80FF80FF80FF80), 0
	if be {
		mask, shift = 0x80FF80FF80FF80FF, 8
	}
	n := len(in)
	i := 0
	for i+1 < n {
		for i+8 <= n {
			w := binary.LittleEndian.Uint64(in[i:])
			if w&mask != 0 {
				break
			}
			w >>= shift
			out = append(out, byte(w), byte(w>>16), byte(w>>32), byte(w>>48))
			i += 8
		}
		if i+1 >= n {
			break
		}
		u := rune(in[i]) | rune(in[i+1])<<8
		if be {
			u = rune(in[i])<<8 | rune(in[i+1])
		}
		switch {
		case u < utf8.RuneSelf:
			out = append(out, byte(u))
			i += 2
		case u < 0xD800 || u > 0xDFFF:
			out = utf8.AppendRune(out, u)
			i += 2
		case u > 0xDBFF:
			return out, i, fmt.Sprintf("unpaired low surrogate 0x%04X in UTF-16", u)
		default:
			if i+3 >= n {
				return out, i, fmt.Sprintf("unpaired high surrogate 0x%04X at the end of the UTF-16 document", u)
			}
			v := rune(in[i+2]) | rune(in[i+3])<<8
			if be {
				v = rune(in[i+2])<<8 | rune(in[i+3])
			}
			if v < 0xDC00 || v > 0xDFFF {
				return out, i, fmt.Sprintf("unpaired high surrogate 0x%04X in UTF-16 (followed by 0x%04X)", u, v)
			}
			out = utf8.AppendRune(out, 0x10000+(u-0xD800)<<10+(v-0xDC00))
			i += 4
		}
	}
	return out, i, ""
}

// appendUTF32 is appendUTF16 for UTF-32.
func appendUTF32(out, in []byte, be bool) ([]byte, int, string) {
	i := 0
	for ; i+3 < len(in); i += 4 {
		var u uint32
		if be {
			u = binary.BigEndian.Uint32(in[i:])
		} else {
			u = binary.LittleEndian.Uint32(in[i:])
		}
		switch {
		case u < utf8.RuneSelf:
			out = append(out, byte(u))
		case u > utf8.MaxRune || 0xD800 <= u && u <= 0xDFFF:
			return out, i, fmt.Sprintf("0x%08X in UTF-32 is not a Unicode character", u)
		default:
			out = utf8.AppendRune(out, rune(u))
		}
	}
	return out, i, ""
}

// cp1252 holds the characters of windows-1252 bytes 0x80–0x9F; 0 marks
// the five bytes it leaves undefined.
var cp1252 = [32]rune{
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
}

// decode8bit returns the character of byte c in enc (Latin1 or
// Windows1252), or -1 if it has none.
func decode8bit(c byte, enc Encoding) rune {
	if enc == Windows1252 && c >= 0x80 && c < 0xA0 {
		if r := cp1252[c-0x80]; r != 0 {
			return r
		}
		return -1
	}
	return rune(c)
}

// utf8Len8bit returns the length of in, in the one-byte encoding enc,
// once transcoded to UTF-8 (bytes it cannot transcode counted as one).
func utf8Len8bit(in []byte, enc Encoding) int {
	n := len(in)
	for i := FirstNonASCII(in); i >= 0 && i < len(in); i++ {
		if c := in[i]; c >= utf8.RuneSelf {
			if r := decode8bit(c, enc); r > 0 {
				n += utf8.RuneLen(r) - 1
			}
		}
	}
	return n
}

// append8bit transcodes in, in the one-byte encoding enc.
func append8bit(out, in []byte, enc Encoding) ([]byte, int, string) {
	i := 0
	for {
		j := FirstNonASCII(in[i:])
		if j < 0 {
			return append(out, in[i:]...), len(in), ""
		}
		out = append(out, in[i:i+j]...)
		i += j
		for ; i < len(in) && in[i] >= utf8.RuneSelf; i++ {
			r := decode8bit(in[i], enc)
			if r < 0 {
				return out, i, fmt.Sprintf("byte 0x%02X is not a character in windows-1252", in[i])
			}
			out = utf8.AppendRune(out, r)
		}
	}
}

// FirstNonASCII returns the index of the first byte of b that is 0x80 or
// more, or -1. It reads eight bytes at a time.
func FirstNonASCII(b []byte) int {
	i := 0
	for ; i+8 <= len(b); i += 8 {
		if binary.LittleEndian.Uint64(b[i:])&0x8080808080808080 != 0 {
			break
		}
	}
	for ; i < len(b); i++ {
		if b[i] >= utf8.RuneSelf {
			return i
		}
	}
	return -1
}

// IsASCII reports whether b holds only bytes below 0x80: a document in
// ISO-8859-1 or windows-1252 that is, is its own UTF-8 transcoding.
func IsASCII(b []byte) bool { return FirstNonASCII(b) < 0 }

// SourceOffset maps byte offset off of utf8Doc, the UTF-8 transcoding of a
// document in encoding enc with a byte order mark of bom bytes made by
// [AppendUTF8], to the byte offset of the same place in that document.
// Offsets outside utf8Doc are clamped to it. It reads utf8Doc up to off.
func SourceOffset(utf8Doc []byte, enc Encoding, bom int, off int64) int64 {
	off = min(max(off, 0), int64(len(utf8Doc)))
	if enc == UTF8 {
		return off
	}
	p := utf8Doc[:off]
	chars := int64(utf8.RuneCount(p))
	switch enc {
	case UTF16LE, UTF16BE:
		// Characters above U+FFFF, four bytes in UTF-8, take two units.
		for i := FirstNonASCII(p); i >= 0 && i < len(p); i++ {
			if p[i] >= 0xF0 {
				chars++
			}
		}
		return int64(bom) + 2*chars
	case UTF32LE, UTF32BE:
		return int64(bom) + 4*chars
	}
	return int64(bom) + chars
}
