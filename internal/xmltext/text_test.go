package xmltext

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/easkit/easkit/internal/testenv"
)

// refTextSafe is the reference for AppendTextSafe: one byte at a time,
// after checking the whole text with the reference of Safe.
func refTextSafe(dst, s []byte) ([]byte, bool) {
	if !refSafe(s) {
		return dst, false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '<':
			dst = append(dst, "&lt;"...)
		case c == '&':
			dst = append(dst, "&amp;"...)
		case c == '\r':
			dst = append(dst, "&#13;"...)
		case c == ']' && i+2 < len(s) && s[i+1] == ']' && s[i+2] == '>':
			dst = append(dst, "]]&gt;"...)
			i += 2
		default:
			dst = append(dst, c)
		}
	}
	return dst, true
}

// checkTextSafe compares AppendTextSafe with the reference for s appended
// to a prefix, with no spare capacity and with plenty.
func checkTextSafe(t *testing.T, s []byte) {
	t.Helper()
	want, wantOK := refTextSafe([]byte("pre"), s)
	for _, spare := range []int{0, 7 * len(s)} {
		dst := append(make([]byte, 0, 3+spare), "pre"...)
		got, ok := AppendTextSafe(dst, s)
		if ok != wantOK {
			t.Fatalf("AppendTextSafe(%q) ok = %v, want %v", s, ok, wantOK)
		}
		if diff := cmp.Diff(string(want), string(got)); diff != "" {
			t.Fatalf("AppendTextSafe(%q) spare %d (-want +got):\n%s", s, spare, diff)
		}
	}
}

func TestAppendTextSafe(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string // "" with ok false: rejected
		ok   bool
	}{
		{name: "empty", in: "", want: "", ok: true},
		{name: "short plain", in: "abc", want: "abc", ok: true},
		{name: "word plain", in: "abcdefgh", want: "abcdefgh", ok: true},
		{name: "escapes", in: "a<b>&c", want: "a&lt;b>&amp;c", ok: true},
		{name: "CRLF", in: "one\r\ntwo\r\n", want: "one&#13;\ntwo&#13;\n", ok: true},
		{name: "lone CR at end", in: "one\r", want: "one&#13;", ok: true},
		{name: "tab and LF", in: "\tx\ny\t", want: "\tx\ny\t", ok: true},
		{name: "CDATA end", in: "a]]>b", want: "a]]&gt;b", ok: true},
		{name: "brackets", in: "]]]>]>]]", want: "]]]&gt;]>]]", ok: true},
		{name: "CDATA end across a word", in: "1234567]]>", want: "1234567]]&gt;", ok: true},
		{name: "two-byte", in: "naïve café São", want: "naïve café São", ok: true},
		{name: "three-byte", in: "日本語のテキスト", want: "日本語のテキスト", ok: true},
		{name: "four-byte", in: "emoji 😀😀 end", want: "emoji 😀😀 end", ok: true},
		{name: "DEL", in: "\x7f", want: "\x7f", ok: true},
		{name: "U+E000", in: "\xee\x80\x80", want: "\xee\x80\x80", ok: true},
		{name: "U+FFFD", in: "\xef\xbf\xbd", want: "\xef\xbf\xbd", ok: true},
		{name: "U+10FFFF", in: "\xf4\x8f\xbf\xbf", want: "\xf4\x8f\xbf\xbf", ok: true},
		{name: "NUL", in: "abc\x00"},
		{name: "bell in a word", in: "abcdefg\x07xyz"},
		{name: "invalid byte", in: "abc\xff"},
		{name: "lone continuation", in: "abc\x80def"},
		{name: "truncated two-byte", in: "abc\xc3"},
		{name: "truncated three-byte", in: "abc\xe6\x97"},
		{name: "overlong two-byte", in: "\xc1\xbf"},
		{name: "overlong three-byte", in: "\xe0\x9f\xbf"},
		{name: "surrogate", in: "\xed\xa0\x80"},
		{name: "U+FFFE", in: "\xef\xbf\xbe"},
		{name: "U+FFFF", in: "\xef\xbf\xbf"},
		{name: "above U+10FFFF", in: "\xf4\x90\x80\x80"},
		{name: "bad continuation", in: "\xe6\x41\x41"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := AppendTextSafe([]byte("pre"), []byte(tt.in))
			if ok != tt.ok {
				t.Fatalf("ok = %v, want %v", ok, tt.ok)
			}
			want := "pre" + tt.want
			if diff := cmp.Diff(want, string(got)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			checkTextSafe(t, []byte(tt.in))
		})
	}
}

// TestAppendTextSafeAlignments puts every kind of flagged byte at every
// offset of texts of every length from 0 to 100.
func TestAppendTextSafeAlignments(t *testing.T) {
	specials := []string{"<", "&", "\r", "\r\n", "\n", "\t", "]]>", "]", "é", "日", "😀", "\x00", "\xff", "\xed\xa0\x80", "\xef\xbf\xbe", "\xc3"}
	for n := 0; n <= 100; n++ {
		base := []byte(strings.Repeat("abcdefghij", 10)[:n])
		checkTextSafe(t, base)
		for _, sp := range specials {
			for at := 0; at <= n; at++ {
				s := append(append(append([]byte(nil), base[:at]...), sp...), base[at:]...)
				checkTextSafe(t, s)
			}
		}
	}
}

// TestAppendTextSafeChunks checks texts longer than one chunk, with
// sequences and escapes across the chunk boundaries.
func TestAppendTextSafeChunks(t *testing.T) {
	units := []string{"a", "é", "日", "😀", "\r\n", "]]>", "<", "&"}
	for _, u := range units {
		for shift := range 8 {
			s := []byte(strings.Repeat("x", shift) + strings.Repeat(u, 3*textChunk/len(u)+3))
			checkTextSafe(t, s)
			// A bad byte far into the text, after several chunks.
			bad := append(bytes.Clone(s), 0x01)
			checkTextSafe(t, bad)
		}
	}
	long := []byte(strings.Repeat("Ünïcödé текст 日本語 & <tags>\r\n", 4*textChunk/30))
	checkTextSafe(t, long)
}

func FuzzAppendTextSafeReference(f *testing.F) {
	for _, s := range []string{"", "a<b", "\r\n", "\xff", "日本 and more text here", "\x00", "12345678&12345678<",
		"]]>", "abcdefg]]>xyz]]]>", "1234567]]>", "naïve café\r\nSão Paulo", "\xef\xbf\xbe", "😀\xf4\x90\x80\x80"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		checkTextSafe(t, in)
		// Short texts whose bytes after them (within the slice's
		// capacity) are the rest of the input.
		for k := 1; k <= 8 && k < len(in); k++ {
			checkTextSafe(t, in[:k])
		}
	})
}

// TestAppendTextSafeShortInBuffer: a short text cut from a larger buffer
// is judged by its own bytes, not by those that follow it.
func TestAppendTextSafeShortInBuffer(t *testing.T) {
	for _, buf := range []string{"12345678<&]]>\x00\r", "ab<", "a&b", "\x01\x02\x03\x04\x05\x06\x07\x08\x09", "é<é<é<"} {
		for k := 1; k <= 8 && k <= len(buf); k++ {
			checkTextSafe(t, []byte(buf)[:k])
		}
	}
}

func TestAppendTextSafeAllocs(t *testing.T) {
	testenv.SkipIfAllocsUnreliable(t)
	dst := make([]byte, 0, 8*len(htmlBody))
	n := testing.AllocsPerRun(100, func() {
		dst, _ = AppendTextSafe(dst[:0], htmlBody)
	})
	if n != 0 {
		t.Errorf("%v allocations per run, want 0", n)
	}
}
