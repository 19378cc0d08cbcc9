package xmltext

// Escaping classes of a byte in text (char data) and attribute values.
const (
	plain    = 0
	inText   = 1 << 0 // must be escaped in char data
	inAttr   = 1 << 1 // must be escaped in a double-quoted attribute value
	notASCII = 1 << 2 // start or continuation of a multi-byte UTF-8 sequence
	control  = 1 << 3 // a C0 control that XML 1.0 cannot carry at all
)

var class = func() (c [256]uint8) {
	for b := 0; b < 0x20; b++ {
		c[b] = control
	}
	c['\t'] = inAttr
	c['\n'] = inAttr
	c['\r'] = inText | inAttr
	c['<'] = inText | inAttr
	c['>'] = inText | inAttr
	c['&'] = inText | inAttr
	c['"'] = inAttr
	for b := 0x80; b < 0x100; b++ {
		c[b] = notASCII
	}
	return c
}()

// AppendText appends s escaped as XML character data: '&', '<' and '>'
// become entity references and CR becomes "&#13;" so that it survives XML
// line-end normalisation. The caller must have checked s with [Safe]; bytes
// that XML cannot carry are written unchanged.
func AppendText(dst, s []byte) []byte {
	return appendEscaped(dst, s, inText)
}

// AppendAttr appends s escaped for a double-quoted attribute value: as
// [AppendText], plus '"', tab and LF as character references, so that
// attribute-value normalisation leaves the value as it was.
func AppendAttr(dst []byte, s string) []byte {
	start := 0
	for i := 0; i < len(s); i++ {
		if class[s[i]]&inAttr == 0 {
			continue
		}
		dst = append(dst, s[start:i]...)
		dst = append(dst, escapeOf(s[i])...)
		start = i + 1
	}
	return append(dst, s[start:]...)
}

func appendEscaped(dst, s []byte, mask uint8) []byte {
	start := 0
	i := 0
	for i < len(s) {
		// Skip 8 plain bytes at a time where possible.
		for i+8 <= len(s) &&
			class[s[i]]&mask == 0 && class[s[i+1]]&mask == 0 &&
			class[s[i+2]]&mask == 0 && class[s[i+3]]&mask == 0 &&
			class[s[i+4]]&mask == 0 && class[s[i+5]]&mask == 0 &&
			class[s[i+6]]&mask == 0 && class[s[i+7]]&mask == 0 {
			i += 8
		}
		if i >= len(s) {
			break
		}
		if class[s[i]]&mask == 0 {
			i++
			continue
		}
		dst = append(dst, s[start:i]...)
		dst = append(dst, escapeOf(s[i])...)
		i++
		start = i
	}
	return append(dst, s[start:]...)
}

func escapeOf(b byte) string {
	switch b {
	case '&':
		return "&amp;"
	case '<':
		return "&lt;"
	case '>':
		return "&gt;"
	case '"':
		return "&quot;"
	case '\t':
		return "&#9;"
	case '\n':
		return "&#10;"
	case '\r':
		return "&#13;"
	}
	return string(rune(b))
}
