package cli

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestCommentSafe(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"plain text", "plain text"},
		{"a--b", "a- -b"},
		{"a---b", "a- - -b"},
		{"----", "- - - - "},
		{"ends with -", "ends with - "},
		{"tab\tand\nnewline", "tab\tand\nnewline"},
		{"cr\r\n", `cr\x0d` + "\n"},
		{"esc \x1b[31m", `esc \x1b[31m`},
		{"nul \x00", `nul \x00`},
		{"del \x7f", `del \u007F`},
		{"c1 \u0085", `c1 \u0085`},
		{"bad utf-8 \xff\xfe", `bad utf-8 \xff\xfe`},
		{"non-character \uFFFE", `non-character \uFFFE`},
		{"naïve café ¡olé! 日本", "naïve café ¡olé! 日本"},
		{"<!-- nested -->", "<!- - nested - ->"},
	}
	for _, tt := range tests {
		if got := CommentSafe(tt.in); got != tt.want {
			t.Errorf("CommentSafe(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestAppendComment(t *testing.T) {
	tests := []struct{ in, want string }{
		{"one line", "<!-- one line -->\n"},
		{"one line\n", "<!-- one line -->\n"},
		{"-dash-", "<!-- -dash-  -->\n"},
		{"two\nlines", "<!--\ntwo\nlines\n-->\n"},
		{"ends -\nwith dash -", "<!--\nends -\nwith dash - \n-->\n"},
	}
	for _, tt := range tests {
		if got := string(AppendComment(nil, tt.in)); got != tt.want {
			t.Errorf("AppendComment(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// checkComment checks that AppendComment(text) is one well-formed XML
// comment that encoding/xml reads back, and that it keeps text when text
// needs no escaping.
func checkComment(t *testing.T, text string) {
	c := AppendComment(nil, text)
	if !utf8.Valid(c) {
		t.Fatalf("comment is not UTF-8: %q", c)
	}
	d := xml.NewDecoder(bytes.NewReader(append(append([]byte("<r>"), c...), "</r>"...)))
	var got []string
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("comment for %q is not well-formed: %v\n%q", text, err, c)
		}
		if cm, ok := tok.(xml.Comment); ok {
			got = append(got, string(cm))
		}
	}
	if len(got) != 1 {
		t.Fatalf("%d comments for %q: %q", len(got), text, c)
	}
	if commentClean(text) && strings.TrimSpace(got[0]) != strings.TrimSpace(strings.TrimRight(text, "\n")) {
		t.Errorf("clean text changed: %q became %q", text, got[0])
	}
}

func FuzzAppendComment(f *testing.F) {
	for _, s := range []string{"", "a--b", "-", "---->", "x\r\ny", "\xff", "\x00\x1b", "\uFFFE", "HTTP/1.1 200 OK\nX: --\n"} {
		f.Add(s)
	}
	f.Fuzz(checkComment)
}
