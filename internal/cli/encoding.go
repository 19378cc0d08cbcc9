package cli

import (
	"bytes"
	"fmt"
	"unicode/utf16"
	"unicode/utf8"
)

// TextToUTF8 returns src as UTF-8 when it starts with a UTF-16 byte order
// mark, which no WBXML body does (its first byte is a version, 0 to 3): a
// hex dump, base64 text or HAR file that a Windows editor saved as
// "Unicode". Any other input is returned unchanged. The error names the
// byte offset of a truncated code unit or an unpaired surrogate.
func TextToUTF8(src []byte) ([]byte, error) {
	switch {
	case bytes.HasPrefix(src, []byte{0xFE, 0xFF}):
		return decodeUTF16(src, 2, true)
	case bytes.HasPrefix(src, []byte{0xFF, 0xFE}):
		return decodeUTF16(src, 2, false)
	}
	return src, nil
}

// decodeUTF16 converts src[start:], UTF-16 in the given byte order, to
// UTF-8.
func decodeUTF16(src []byte, start int, bigEndian bool) ([]byte, error) {
	if (len(src)-start)%2 != 0 {
		return nil, fmt.Errorf("UTF-16 input: offset %d: input ends inside a code unit", len(src)-1)
	}
	out := make([]byte, 0, len(src)-start)
	unit := func(i int) uint16 {
		if bigEndian {
			return uint16(src[i])<<8 | uint16(src[i+1])
		}
		return uint16(src[i+1])<<8 | uint16(src[i])
	}
	for i := start; i < len(src); i += 2 {
		u := unit(i)
		r := rune(u)
		switch {
		case utf16.IsSurrogate(r) && u < 0xDC00 && i+3 < len(src):
			r = utf16.DecodeRune(r, rune(unit(i+2)))
			if r == utf8.RuneError {
				return nil, fmt.Errorf("UTF-16 input: offset %d: unpaired surrogate 0x%04X", i, u)
			}
			i += 2
		case utf16.IsSurrogate(r):
			return nil, fmt.Errorf("UTF-16 input: offset %d: unpaired surrogate 0x%04X", i, u)
		}
		out = utf8.AppendRune(out, r)
	}
	return out, nil
}
