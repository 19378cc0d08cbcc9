package main

import (
	"bytes"
	"regexp"
	"strings"
)

// The differences between the layout of libwbxml 0.11's wbxml2xml and
// ours, as the README's libwbxml section lists them. asLibwbxml applies
// them to what we write, so that a test can compare the rest byte for
// byte; each rule is one documented difference.

// emptyString matches an element holding an empty string, <X a="b"
// xmlns:easkit="…" easkit:wire="str"></X>, its attributes before the
// marker in group 2.
var emptyString = regexp.MustCompile(`<([A-Za-z_][\w.-]*)([^<>]*?)(?: xmlns:easkit="[^"]*")? easkit:wire="str"></([A-Za-z_][\w.-]*)>`)

// asLibwbxml rewrites our XML, written with -names libwbxml
// -decl=libwbxml and the same -m and -i, into what libwbxml -k writes:
//
//   - compact and canonical (-m 0, -m 2): no line break after the
//     declaration and the DOCTYPE, and none at the end;
//   - text escapes ' " > as &apos; &quot; &gt;;
//   - CR is written raw (&#13; in canonical mode, where TAB and LF are
//     &#9; and &#10; as well);
//   - an empty string, <X easkit:wire="str"></X>, is <X/>, as an element
//     without content.
func asLibwbxml(x []byte, mode int) []byte {
	s := string(x)
	if mode != modeIndent {
		s = strings.TrimSuffix(s, "\n")
		for _, prolog := range []string{`<?xml version="1.0"?>`, "<!DOCTYPE "} {
			if i := strings.Index(s, prolog); i >= 0 {
				if j := strings.IndexByte(s[i:], '>'); j >= 0 && strings.HasPrefix(s[i+j+1:], "\n") {
					s = s[:i+j+1] + s[i+j+2:]
				}
			}
		}
	}
	text := strings.NewReplacer("'", "&apos;", `"`, "&quot;", ">", "&gt;", "&#13;", "\r")
	if mode == modeCanonical {
		text = strings.NewReplacer("'", "&apos;", `"`, "&quot;", ">", "&gt;", "\t", "&#9;", "\n", "&#10;")
	}
	var b strings.Builder
	for s != "" {
		if s[0] == '<' {
			end := strings.IndexByte(s, '>') + 1
			b.WriteString(s[:end])
			s = s[end:]
			continue
		}
		end := strings.IndexByte(s, '<')
		if end < 0 {
			end = len(s)
		}
		b.WriteString(text.Replace(s[:end]))
		s = s[end:]
	}
	return []byte(emptyString.ReplaceAllStringFunc(b.String(), func(m string) string {
		sub := emptyString.FindStringSubmatch(m)
		if sub[1] != sub[3] {
			return m
		}
		return "<" + sub[1] + sub[2] + "/>"
	}))
}

// noIndent removes the indentation of indented XML, keeping its line
// breaks: libwbxml's -i 0, and its default, which its help calls 1.
func noIndent(x []byte) []byte {
	return regexp.MustCompile(`(?m)>\n +<`).ReplaceAllFunc(x, func(m []byte) []byte {
		return []byte(">\n<")
	})
}

// leafText matches a start tag and the text up to the element's end tag.
var leafText = regexp.MustCompile(`(<[A-Za-z_][^<>]*[^/<>]>)([^<]*)</`)

// trimText trims the white space around the text of every leaf element:
// what libwbxml does without -k.
func trimText(x []byte) []byte {
	return leafText.ReplaceAllFunc(x, func(m []byte) []byte {
		sub := leafText.FindSubmatch(m)
		return append(append(append([]byte(nil), sub[1]...), bytes.TrimSpace(sub[2])...), "</"...)
	})
}
