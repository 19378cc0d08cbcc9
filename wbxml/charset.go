package wbxml

import (
	"bytes"
	"encoding/binary"
	"unicode/utf8"
)

// textMode says how the decoder turns string bytes into Token.Data.
type textMode uint8

const (
	textUTF8   textMode = iota // UTF-8 or unknown: bytes as they are
	textLatin1                 // ISO-8859-1: converted to UTF-8
	textASCII                  // US-ASCII: checked, or read as ISO-8859-1 when lenient
	textRaw                    // anything else: bytes as they are, Token.Raw set
)

func textModeOf(charset uint32) textMode {
	switch charset {
	case CharsetUTF8, CharsetUnknown:
		return textUTF8
	case CharsetLatin1:
		return textLatin1
	case CharsetASCII:
		return textASCII
	}
	return textRaw
}

// CharsetConverted reports whether a decoder delivers the text of a
// document in charset as UTF-8: UTF-8 (106), US-ASCII (3), ISO-8859-1 (4)
// and unspecified (0). Text in other charsets is delivered raw, with
// [Token.Raw] set.
func CharsetConverted(charset uint32) bool { return textModeOf(charset) != textRaw }

// indexNull returns the index of the first string terminator in s: a zero
// byte, or for width 2 and 4 a zero code unit aligned on width. It returns
// -1 when there is none.
func indexNull(s []byte, width int) int {
	if width == 1 {
		return bytes.IndexByte(s, 0)
	}
	for i := 0; i+width <= len(s); i += width {
		if width == 2 {
			if s[i] == 0 && s[i+1] == 0 {
				return i
			}
		} else if binary.LittleEndian.Uint32(s[i:]) == 0 {
			return i
		}
	}
	return -1
}

// appendLatin1 appends the UTF-8 encoding of the ISO-8859-1 text s to dst.
func appendLatin1(dst, s []byte) []byte {
	for _, c := range s {
		if c < utf8.RuneSelf {
			dst = append(dst, c)
		} else {
			dst = append(dst, 0xC0|c>>6, 0x80|c&0x3F)
		}
	}
	return dst
}
