package main

import (
	"strconv"
	"unicode/utf8"
)

// appendAttr appends ` name="value"` to dst, value escaped for an XML
// attribute: markup characters and line ends as references, and what XML
// cannot hold at all (control characters, bytes that are not UTF-8, the
// non-characters U+FFFE and U+FFFF) as Go escapes (\x1b), as comments show
// them.
func appendAttr(dst []byte, name, value string) []byte {
	dst = append(dst, ' ')
	dst = append(dst, name...)
	dst = append(dst, `="`...)
	for i := 0; i < len(value); {
		r, size := utf8.DecodeRuneInString(value[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			dst = append(dst, `\x`...)
			dst = appendHex2(dst, value[i])
		case r == '&':
			dst = append(dst, "&amp;"...)
		case r == '<':
			dst = append(dst, "&lt;"...)
		case r == '>':
			dst = append(dst, "&gt;"...)
		case r == '"':
			dst = append(dst, "&quot;"...)
		case r == '\t':
			dst = append(dst, "&#9;"...)
		case r == '\n':
			dst = append(dst, "&#10;"...)
		case r == '\r':
			dst = append(dst, "&#13;"...)
		case r < 0x20:
			dst = append(dst, `\x`...)
			dst = appendHex2(dst, byte(r))
		case r == 0xFFFE:
			dst = append(dst, `\uFFFE`...)
		case r == 0xFFFF:
			dst = append(dst, `\uFFFF`...)
		default:
			dst = append(dst, value[i:i+size]...)
		}
		i += size
	}
	return append(dst, '"')
}

// appendIntAttr appends ` name="n"`.
func appendIntAttr(dst []byte, name string, n int64) []byte {
	dst = append(dst, ' ')
	dst = append(dst, name...)
	dst = append(dst, `="`...)
	dst = strconv.AppendInt(dst, n, 10)
	return append(dst, '"')
}

// appendHex2 appends b as two hex digits.
func appendHex2(dst []byte, b byte) []byte {
	const digits = "0123456789abcdef"
	return append(dst, digits[b>>4], digits[b&15])
}
