package xmltext

import "unicode/utf8"

// Safe reports whether b is valid UTF-8 made only of characters that XML
// 1.0 can carry in character data (the Char production: tab, LF, CR,
// U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF). Bytes that are not
// Safe must be shown some other way (easkit uses base64).
func Safe(b []byte) bool {
	i := 0
	for i < len(b) {
		// ASCII fast path, 8 bytes at a time.
		for i+8 <= len(b) {
			c := class[b[i]] | class[b[i+1]] | class[b[i+2]] | class[b[i+3]] |
				class[b[i+4]] | class[b[i+5]] | class[b[i+6]] | class[b[i+7]]
			if c&(control|notASCII) != 0 {
				break
			}
			i += 8
		}
		if i >= len(b) {
			return true
		}
		c := b[i]
		if c < utf8.RuneSelf {
			if class[c]&control != 0 && c != '\t' && c != '\n' && c != '\r' {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return false
		}
		if !isChar(r) {
			return false
		}
		i += n
	}
	return true
}

// isChar reports whether r is in XML 1.0's Char production (for r ≥ 0x80,
// which DecodeRune already keeps out of the surrogates).
func isChar(r rune) bool {
	return r <= 0xD7FF || (r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= 0x10FFFF)
}

// IsChar reports whether the code point r may appear in an XML 1.0
// document, as a character or a character reference.
func IsChar(r rune) bool {
	switch {
	case r < 0x20:
		return r == '\t' || r == '\n' || r == '\r'
	case r >= 0xD800 && r <= 0xDFFF:
		return false
	}
	return isChar(r)
}

// Whitespace reports whether b is empty or only XML white space (space,
// tab, LF, CR).
func Whitespace(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			return false
		}
	}
	return true
}
