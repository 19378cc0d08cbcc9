package capture

import (
	"bytes"
	"strconv"
	"unicode/utf8"
)

// Burp's base64="false" items hold the HTTP message as XML text, usually in
// a CDATA section. encoding/xml turns every CR LF of text into LF, as XML
// says a parser must; for a message that is a silent change of its bytes
// (a body holding 0D 0A), so its text is read again from the item's own
// bytes: CDATA sections as they are, references replaced, line ends kept.

// rawChild returns the content of item's first child element name (the
// bytes between its start and end tags) with references replaced and
// CDATA sections unwrapped, line ends as they are; ok is false when it is
// not found or not well-formed, and the caller keeps what encoding/xml
// read.
func rawChild(item []byte, name string) (text []byte, ok bool) {
	open := []byte("<" + name)
	for i := 0; i < len(item); {
		j := bytes.IndexByte(item[i:], '<')
		if j < 0 {
			return nil, false
		}
		i += j
		switch {
		case bytes.HasPrefix(item[i:], []byte("<![CDATA[")):
			k := bytes.Index(item[i:], []byte("]]>"))
			if k < 0 {
				return nil, false
			}
			i += k + 3
		case bytes.HasPrefix(item[i:], []byte("<!--")):
			k := bytes.Index(item[i:], []byte("-->"))
			if k < 0 {
				return nil, false
			}
			i += k + 3
		case bytes.HasPrefix(item[i:], open) && i+len(open) < len(item) && bytes.IndexByte([]byte(" \t\r\n/>"), item[i+len(open)]) >= 0:
			end, empty := startTagEnd(item, i+len(open))
			if end < 0 {
				return nil, false
			}
			if empty {
				return nil, true
			}
			return rawContent(item[end:], name)
		default:
			i++
		}
	}
	return nil, false
}

// startTagEnd returns the offset after the '>' of the start tag whose
// attributes begin at i, and whether it was an empty-element tag; -1 when
// it does not end.
func startTagEnd(b []byte, i int) (int, bool) {
	var quote byte
	for ; i < len(b); i++ {
		c := b[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return i + 1, i > 0 && b[i-1] == '/'
		}
	}
	return -1, false
}

// rawContent reads b, an element's content, up to its end tag </name>.
func rawContent(b []byte, name string) ([]byte, bool) {
	end := []byte("</" + name)
	var out []byte
	for i := 0; i < len(b); {
		switch {
		case bytes.HasPrefix(b[i:], []byte("<![CDATA[")):
			k := bytes.Index(b[i+9:], []byte("]]>"))
			if k < 0 {
				return nil, false
			}
			out = append(out, b[i+9:i+9+k]...)
			i += 9 + k + 3
		case bytes.HasPrefix(b[i:], end):
			return out, true
		case b[i] == '<':
			return nil, false // markup inside: not Burp's text
		case b[i] == '&':
			k := bytes.IndexByte(b[i:], ';')
			if k < 0 {
				return nil, false
			}
			r, ok := entity(b[i+1 : i+k])
			if !ok {
				return nil, false
			}
			out = utf8.AppendRune(out, r)
			i += k + 1
		default:
			k := bytes.IndexAny(b[i:], "<&")
			if k < 0 {
				k = len(b) - i
			}
			out = append(out, b[i:i+k]...)
			i += k
		}
	}
	return nil, false
}

// entity returns the character of a reference's name: the five XML entities
// and numeric references.
func entity(name []byte) (rune, bool) {
	switch string(name) {
	case "lt":
		return '<', true
	case "gt":
		return '>', true
	case "amp":
		return '&', true
	case "quot":
		return '"', true
	case "apos":
		return '\'', true
	}
	if len(name) < 2 || name[0] != '#' {
		return 0, false
	}
	base, digits := 10, name[1:]
	if digits[0] == 'x' {
		base, digits = 16, digits[1:]
	}
	n, err := strconv.ParseUint(string(digits), base, 32)
	if err != nil || n > utf8.MaxRune {
		return 0, false
	}
	return rune(n), true
}
