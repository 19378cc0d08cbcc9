package cli

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// AppendComment appends text to dst as an XML comment and a newline: on one
// line ("<!-- text -->") when text is one line, else with "<!--" and "-->"
// on lines of their own. The text is made safe for a comment first (see
// CommentSafe).
func AppendComment(dst []byte, text string) []byte {
	text = strings.TrimRight(text, "\n")
	if !strings.Contains(text, "\n") {
		dst = append(dst, "<!-- "...)
		dst = append(dst, CommentSafe(text)...)
		return append(dst, " -->\n"...)
	}
	dst = append(dst, "<!--\n"...)
	dst = append(dst, CommentSafe(text)...)
	return append(dst, "\n-->\n"...)
}

// CommentSafe returns s in a form that an XML comment can hold and a terminal
// shows: "--", which may not appear in a comment, becomes "- -"; bytes that
// are not UTF-8, control characters other than tab and newline, and the
// non-characters U+FFFE and U+FFFF are written as Go escapes (\x1b, \u0085,
// \uFFFE). A trailing '-' gets a space after it.
func CommentSafe(s string) string {
	if commentClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	last := byte(0)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
			last = 'x'
		case r == '\t' || r == '\n':
			b.WriteRune(r)
			last = byte(r)
		case r < 0x20:
			fmt.Fprintf(&b, `\x%02x`, r)
			last = 'x'
		case r == 0x7F || (r >= 0x80 && r <= 0x9F) || r == 0xFFFE || r == 0xFFFF:
			fmt.Fprintf(&b, `\u%04X`, r)
			last = 'X'
		case r == '-' && last == '-':
			b.WriteString(" -")
			last = '-'
		default:
			b.WriteString(s[i : i+size])
			last = s[i+size-1]
		}
		i += size
	}
	if last == '-' {
		b.WriteByte(' ')
	}
	return b.String()
}

// commentClean reports whether s needs no change to be a comment's text.
func commentClean(s string) bool {
	if strings.Contains(s, "--") || strings.HasSuffix(s, "-") {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return false // checked rune by rune
		}
		if (c < 0x20 && c != '\t' && c != '\n') || c == 0x7F {
			return false
		}
	}
	return true
}
