package xmltext

import (
	"bytes"
	"encoding/base64"
	"encoding/xml"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/easkit/easkit/internal/testenv"
)

func TestAppendText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"plain text that is long enough for the fast path", "plain text that is long enough for the fast path"},
		{"a<b>&c", "a&lt;b&gt;&amp;c"},
		{"line1\r\nline2\n\ttab", "line1&#13;\nline2\n\ttab"},
		{`quote " and apostrophe '`, `quote " and apostrophe '`},
		{"héllo wörld €", "héllo wörld €"},
		{"12345678<12345678", "12345678&lt;12345678"},
	}
	for _, tt := range tests {
		if got := string(AppendText([]byte("x"), []byte(tt.in))); got != "x"+tt.want {
			t.Errorf("AppendText(%q) = %q, want %q", tt.in, got, "x"+tt.want)
		}
	}
}

func TestAppendAttr(t *testing.T) {
	got := string(AppendAttr(nil, "a\"b\t<c>\n&\r"))
	if want := "a&quot;b&#9;&lt;c&gt;&#10;&amp;&#13;"; got != want {
		t.Errorf("AppendAttr = %q, want %q", got, want)
	}
}

// TestEscapedTextReadsBack checks with encoding/xml that escaped text
// parses back to the original bytes, CR included.
func TestEscapedTextReadsBack(t *testing.T) {
	for _, s := range []string{"a\r\nb\rc\n", "<&>\"'", "tab\there", "ünïcödé 日本", strings.Repeat("x&", 40)} {
		doc := "<r a=\"" + string(AppendAttr(nil, s)) + "\">" + string(AppendText(nil, []byte(s))) + "</r>"
		var v struct {
			A    string `xml:"a,attr"`
			Text string `xml:",chardata"`
		}
		if err := xml.Unmarshal([]byte(doc), &v); err != nil {
			t.Fatalf("%q: %v", doc, err)
		}
		if v.A != s || v.Text != s {
			t.Errorf("%q read back as attr %q, text %q", s, v.A, v.Text)
		}
	}
}

func TestSafe(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"", true},
		{"hello\tworld\r\n", true},
		{"ünïcödé 日本 😀", true},
		{"bell\x07", false},
		{"nul\x00", false},
		{"\x7f is DEL, allowed", true},
		{"bad utf8 \xff", false},
		{"truncated \xe6\x97", false},
		{"surrogate \xed\xa0\x80", false},
		{"noncharacter \xef\xbf\xbe", false}, // U+FFFE
		{"private use \xee\x80\x80", true},   // U+E000
		{"0123456789abcdef\x1f", false},
	}
	for _, tt := range tests {
		if got := Safe([]byte(tt.in)); got != tt.want {
			t.Errorf("Safe(%q) = %v, want %v", tt.in, got, tt.want)
		}
		if got := Safe([]byte(tt.in)); got != refSafe([]byte(tt.in)) {
			t.Errorf("Safe(%q) disagrees with the reference", tt.in)
		}
	}
}

func refSafe(b []byte) bool {
	if !utf8.Valid(b) {
		return false
	}
	for _, r := range string(b) {
		if !IsChar(r) {
			return false
		}
	}
	return true
}

func TestDecodeBase64(t *testing.T) {
	tests := []struct {
		in      string
		want    string
		errAt   int
		errText string
	}{
		{in: "", want: ""},
		{in: "QQ==", want: "A"},
		{in: "QUI=", want: "AB"},
		{in: "QUJD", want: "ABC"},
		{in: " QU\nJD\r\n\tRA = = ", want: "ABCD"},
		{in: "QQ", errAt: 2, errText: "missing '=' padding"},
		{in: "Q===", errAt: 1, errText: "unexpected '='"},
		{in: "QQ==QQ==", errAt: 4, errText: "data after '=' padding"},
		{in: "QR==", errAt: 1, errText: "non-zero trailing bits"},
		{in: "QUJ-", errAt: 3, errText: "invalid character '-'"},
		{in: "QU_D", errAt: 2, errText: "invalid character '_'"},
		{in: "QUJD\x00", errAt: 4, errText: "invalid character 0x00"},
		{in: "QQ===", errAt: 4, errText: "too much '=' padding"},
	}
	for _, tt := range tests {
		got, err := AppendDecodeBase64([]byte("pre"), []byte(tt.in))
		if tt.errText == "" {
			if err != nil || string(got) != "pre"+tt.want {
				t.Errorf("decode %q = %q, %v; want %q", tt.in, got, err, tt.want)
			}
			continue
		}
		var be *Base64Error
		if !errors.As(err, &be) || be.Offset != tt.errAt || !strings.Contains(be.Error(), tt.errText) {
			t.Errorf("decode %q: error %v, want %q at %d", tt.in, err, tt.errText, tt.errAt)
		}
		if string(got) != "pre" {
			t.Errorf("decode %q: dst changed to %q on error", tt.in, got)
		}
	}
}

func FuzzBase64(f *testing.F) {
	for _, s := range []string{"", "QQ==", "QUJD", " Q U I = ", "QR==", "QQ", "////", "+/+/\n+/+/"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		got, err := AppendDecodeBase64(nil, in)
		stripped := bytes.Map(func(r rune) rune {
			if r == ' ' || r == '\t' || r == '\n' || r == '\r' {
				return -1
			}
			return r
		}, in)
		want, werr := base64.StdEncoding.Strict().DecodeString(string(stripped))
		if (err == nil) != (werr == nil) {
			t.Fatalf("%q: ours %v, encoding/base64 %v", in, err, werr)
		}
		if err != nil {
			var be *Base64Error
			if !errors.As(err, &be) || be.Offset < 0 || be.Offset > len(in) {
				t.Fatalf("%q: bad error %v", in, err)
			}
			return
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("%q: got %x want %x", in, got, want)
		}
		if enc := AppendBase64(nil, got); werr == nil && !bytes.Equal(enc, stripped) {
			t.Fatalf("re-encoding %q gives %q", stripped, enc)
		}
	})
}

func FuzzSafeAndEscape(f *testing.F) {
	for _, s := range []string{"", "a<b", "\r\n", "\xff", "日本", "\x00"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		if Safe(in) != refSafe(in) {
			t.Fatalf("Safe(%q) disagrees with the reference", in)
		}
		if !Safe(in) {
			return
		}
		doc := "<r>" + string(AppendText(nil, in)) + "</r>"
		var v struct {
			Text string `xml:",chardata"`
		}
		if err := xml.Unmarshal([]byte(doc), &v); err != nil {
			t.Fatalf("%q: %v", doc, err)
		}
		if v.Text != string(in) {
			t.Fatalf("%q read back as %q", in, v.Text)
		}
	})
}

func TestAllocs(t *testing.T) {
	testenv.SkipIfAllocsUnreliable(t)
	src := []byte(strings.Repeat("Hello <world> & friends\r\n", 20))
	b64 := AppendBase64(nil, src)
	dst := make([]byte, 0, 4096)
	n := testing.AllocsPerRun(100, func() {
		dst = AppendText(dst[:0], src)
		dst = AppendAttr(dst, "a\"b")
		_ = Safe(src)
		var err error
		dst, err = AppendDecodeBase64(dst[:0], b64)
		if err != nil {
			panic(err)
		}
		dst = AppendBase64(dst[:0], src)
	})
	if n != 0 {
		t.Errorf("%v allocations per run, want 0", n)
	}
}

func FuzzAppendTextSafe(f *testing.F) {
	for _, s := range []string{"", "a<b", "\r\n", "\xff", "日本 and more text here", "\x00", "12345678&12345678<", "]]>", "abcdefg]]>xyz]]]>", "1234567]]>"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		got, ok := AppendTextSafe([]byte("pre"), in)
		if ok != Safe(in) {
			t.Fatalf("AppendTextSafe(%q) ok = %v, Safe = %v", in, ok, Safe(in))
		}
		if !ok {
			if string(got) != "pre" {
				t.Fatalf("AppendTextSafe(%q) changed dst on failure: %q", in, got)
			}
			return
		}
		// Same text as AppendText, except that '>' stays outside "]]>".
		want := strings.ReplaceAll(string(AppendText(nil, in)), "&gt;", ">")
		want = "pre" + strings.ReplaceAll(want, "]]>", "]]&gt;")
		if string(got) != want {
			t.Fatalf("AppendTextSafe(%q) = %q, want %q", in, got, want)
		}
		if strings.Contains(string(got), "]]>") {
			t.Fatalf("AppendTextSafe(%q) wrote ]]>", in)
		}
	})
}
