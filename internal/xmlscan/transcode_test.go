package xmlscan

import (
	"bytes"
	"encoding/binary"
	"errors"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// encodeAs encodes the UTF-8 text s in enc, with a byte order mark if bom,
// using the standard library's UTF-16 encoder, for tests. It returns false
// when enc cannot represent s.
func encodeAs(s []byte, enc Encoding, bom bool) ([]byte, bool) {
	var out []byte
	rs := []rune(string(s))
	switch enc {
	case UTF8:
		return append(out, s...), true
	case UTF16LE, UTF16BE:
		var order binary.AppendByteOrder = binary.LittleEndian
		if enc == UTF16BE {
			order = binary.BigEndian
		}
		units := utf16.Encode(rs)
		if bom {
			units = append([]uint16{0xFEFF}, units...)
		}
		for _, u := range units {
			out = order.AppendUint16(out, u)
		}
		return out, true
	case UTF32LE, UTF32BE:
		var order binary.AppendByteOrder = binary.LittleEndian
		if enc == UTF32BE {
			order = binary.BigEndian
		}
		if bom {
			rs = append([]rune{0xFEFF}, rs...)
		}
		for _, r := range rs {
			out = order.AppendUint32(out, uint32(r))
		}
		return out, true
	}
	// One-byte encodings.
	for _, r := range rs {
		c, ok := encode8bit(r, enc)
		if !ok {
			return nil, false
		}
		out = append(out, c)
	}
	return out, true
}

// encode8bit finds the byte of r in enc by trying every byte.
func encode8bit(r rune, enc Encoding) (byte, bool) {
	for c := range 256 {
		if decode8bit(byte(c), enc) == r {
			return byte(c), true
		}
	}
	return 0, false
}

func TestAppendUTF8RoundTrip(t *testing.T) {
	texts := []string{
		"",
		"<a>plain ASCII, long enough for several eight-byte blocks</a>",
		"<a x='é'>café, naïve, ÿ</a>",
		"<a>\u0100\u07FF\u0800\uD7FF\uE000\uFFFD</a>",
		"<a>日本語のテキスト、中文、한국어</a>",
		"<a>emoji 😀🎉 and U+10FFFF \U0010FFFF</a>",
		"a\r\nb\rc\nd",
	}
	for _, enc := range []Encoding{UTF16LE, UTF16BE, UTF32LE, UTF32BE, Latin1, Windows1252} {
		for _, bom := range []bool{false, true} {
			if bom && enc.unitSize() == 1 {
				continue
			}
			for _, text := range texts {
				src, ok := encodeAs([]byte(text), enc, bom)
				if !ok {
					continue
				}
				b := 0
				if bom {
					b = enc.unitSize()
				}
				got, err := AppendUTF8([]byte("prefix"), src, enc, b)
				if err != nil {
					t.Errorf("%v bom=%v %q: %v", enc, bom, text, err)
					continue
				}
				if want := "prefix" + text; string(got) != want {
					t.Errorf("%v bom=%v: got %q, want %q", enc, bom, got, want)
				}
				// Every character boundary maps back to its offset.
				u := got[len("prefix"):]
				for i := 0; i <= len(u); {
					pre, _ := encodeAs(u[:i], enc, bom)
					if off := SourceOffset(u, enc, b, int64(i)); off != int64(len(pre)) {
						t.Errorf("%v bom=%v %q: SourceOffset(%d) = %d, want %d", enc, bom, text, i, off, len(pre))
					}
					if i == len(u) {
						break
					}
					_, n := utf8.DecodeRune(u[i:])
					i += n
				}
			}
		}
	}
}

func TestAppendUTF8OneByte(t *testing.T) {
	all := make([]byte, 256)
	for i := range all {
		all[i] = byte(i)
	}
	got, err := AppendUTF8(nil, all, Latin1, 0)
	if err != nil {
		t.Fatal(err)
	}
	var want []rune
	for i := range 256 {
		want = append(want, rune(i))
	}
	if diff := cmp.Diff(want, []rune(string(got))); diff != "" {
		t.Errorf("ISO-8859-1 (-want +got):\n%s", diff)
	}
	// windows-1252: 0x80–0x9F, the five undefined bytes left out.
	var c1 []byte
	for c := byte(0x80); c < 0xA0; c++ {
		if c != 0x81 && c != 0x8D && c != 0x8F && c != 0x90 && c != 0x9D {
			c1 = append(c1, c)
		}
	}
	got, err = AppendUTF8(nil, c1, Windows1252, 0)
	if err != nil {
		t.Fatal(err)
	}
	if want := "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"; string(got) != want {
		t.Errorf("windows-1252 0x80-0x9F: got %q, want %q", got, want)
	}
	got, err = AppendUTF8(nil, all[0xA0:], Windows1252, 0)
	if err != nil || string(got) != string([]rune(string(want[0xA0:]))) {
		t.Errorf("windows-1252 0xA0-0xFF: got %q, %v", got, err)
	}
	// UTF-8 is not transcoded.
	if got, err := AppendUTF8([]byte("x"), []byte("<a/>"), UTF8, 0); string(got) != "x" || err != nil {
		t.Errorf("UTF-8: %q, %v", got, err)
	}
}

func TestAppendUTF8Errors(t *testing.T) {
	type pos struct {
		Offset       int64
		Line, Column int
	}
	tests := []struct {
		name string
		enc  Encoding
		bom  int
		in   string
		want pos
	}{
		{"UTF-16LE odd length", UTF16LE, 2, "\xFF\xFE<\x00a\x00>\x00\n\x00x", pos{10, 2, 1}},
		{"UTF-16BE odd length", UTF16BE, 0, "\x00<\x00a\x00", pos{4, 1, 3}},
		{"UTF-16 one byte", UTF16LE, 0, "<", pos{0, 1, 1}},
		{"unpaired low surrogate", UTF16LE, 0, "<\x00a\x00\x00\xDC", pos{4, 1, 3}},
		{"high surrogate then ASCII", UTF16BE, 0, "\x00<\xD8\x00\x00a", pos{2, 1, 2}},
		{"high surrogate then high surrogate", UTF16LE, 0, "\x00\xD8\x00\xD8\x00\xDC", pos{0, 1, 1}},
		{"high surrogate at the end", UTF16LE, 0, "a\x00\r\x00\n\x00b\x00\x3D\xD8", pos{8, 2, 2}},
		{"high surrogate and one byte", UTF16LE, 0, "a\x00\x3D\xD8\x00", pos{2, 1, 2}},
		{"surrogate after ASCII blocks", UTF16LE, 2, "\xFF\xFEa\x00b\x00c\x00d\x00e\x00f\x00g\x00h\x00\x00\xDC", pos{18, 1, 9}},
		{"UTF-32 length", UTF32LE, 4, "\xFF\xFE\x00\x00<\x00\x00\x00a\x00", pos{8, 1, 2}},
		{"UTF-32 above U+10FFFF", UTF32BE, 0, "\x00\x00\x00<\x00\x11\x00\x00", pos{4, 1, 2}},
		{"UTF-32 surrogate", UTF32LE, 0, "<\x00\x00\x00\x00\xD8\x00\x00", pos{4, 1, 2}},
		{"UTF-32 negative", UTF32LE, 0, "\x00\x00\x00\x80", pos{0, 1, 1}},
		{"windows-1252 0x81", Windows1252, 0, "<a>caf\xE9\n\x81</a>", pos{8, 2, 1}},
		{"windows-1252 0x8D", Windows1252, 0, "\x8D", pos{0, 1, 1}},
		{"windows-1252 0x8F", Windows1252, 0, "12345678\x80\x8F", pos{9, 1, 10}},
		{"windows-1252 0x90", Windows1252, 0, "\x90", pos{0, 1, 1}},
		{"windows-1252 0x9D", Windows1252, 0, "€\x9D", pos{3, 1, 4}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := AppendUTF8(nil, []byte(tt.in), tt.enc, tt.bom)
			var se *SyntaxError
			if !errors.As(err, &se) || !errors.Is(err, ErrEncoding) {
				t.Fatalf("error %v (%T), want a *SyntaxError wrapping ErrEncoding", err, err)
			}
			if diff := cmp.Diff(tt.want, pos{se.Offset, se.Line, se.Column}); diff != "" {
				t.Errorf("position (-want +got):\n%s\nerror: %v", diff, err)
			}
		})
	}
}

// TestSourceOffsetClamps checks offsets outside the document.
func TestSourceOffsetClamps(t *testing.T) {
	doc := []byte("aé😀")
	for _, tc := range []struct {
		enc  Encoding
		bom  int
		off  int64
		want int64
	}{
		{UTF16LE, 2, -5, 2},
		{UTF16LE, 2, 100, 2 + 2 + 2 + 4},
		{UTF32BE, 0, 100, 12},
		{Latin1, 0, 100, 3},
		{UTF8, 0, 100, int64(len(doc))},
	} {
		if got := SourceOffset(doc, tc.enc, tc.bom, tc.off); got != tc.want {
			t.Errorf("SourceOffset(%v, bom %d, %d) = %d, want %d", tc.enc, tc.bom, tc.off, got, tc.want)
		}
	}
}

// FuzzAppendUTF8 transcodes any input in each encoding: the result is
// valid UTF-8 that encodes back to the input, or an error at an offset
// inside the input, preceded by a result that encodes back to the input
// up to that offset.
func FuzzAppendUTF8(f *testing.F) {
	f.Add(byte(1), []byte("<\x00a\x00/\x00>\x00"))
	f.Add(byte(2), []byte("\x00<\xD8\x3D\xDE\x00"))
	f.Add(byte(3), []byte("<\x00\x00\x00\x00\xF6\x01\x00"))
	f.Add(byte(6), []byte("caf\xE9 \x80\x81"))
	f.Fuzz(func(t *testing.T, e byte, in []byte) {
		enc := Encoding(e % 7)
		if enc == UTF8 {
			enc = UTF16LE
		}
		out, err := AppendUTF8(nil, in, enc, 0)
		if !utf8.Valid(out) {
			t.Fatalf("%v: invalid UTF-8 % X", enc, out)
		}
		end := len(in)
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) || !errors.Is(err, ErrEncoding) || se.Offset < 0 || se.Offset >= int64(len(in)) {
				t.Fatalf("%v: error %v, want ErrEncoding inside the input", enc, err)
			}
			if line, col := Position(out, int64(len(out))); line != se.Line || col != se.Column {
				t.Fatalf("%v: error at %d:%d, the text before it ends at %d:%d", enc, se.Line, se.Column, line, col)
			}
			end = int(se.Offset)
		}
		back, ok := encodeAs(out, enc, false)
		if !ok || !bytes.Equal(back, in[:end]) {
			t.Fatalf("%v: % X became %q, which encodes back to % X", enc, in[:end], out, back)
		}
		if got := SourceOffset(out, enc, 0, int64(len(out))); got != int64(end) {
			t.Fatalf("%v: SourceOffset of the end = %d, want %d", enc, got, end)
		}
	})
}
