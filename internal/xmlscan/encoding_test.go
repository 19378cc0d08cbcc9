package xmlscan

import (
	"errors"
	"io"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestDetect(t *testing.T) {
	type result struct {
		Enc Encoding
		BOM int
		Err error
	}
	tests := []struct {
		name string
		in   string
		want result
	}{
		{"empty", "", result{UTF8, 0, nil}},
		{"UTF-8 no declaration", "<a/>", result{UTF8, 0, nil}},
		{"UTF-8 BOM", "\xEF\xBB\xBF<a/>", result{UTF8, 0, nil}},
		{"UTF-8 declared", `<?xml version="1.0" encoding="UTF-8"?><a/>`, result{UTF8, 0, nil}},
		{"UTF-16LE BOM", "\xFF\xFE<\x00a\x00/\x00>\x00", result{UTF16LE, 2, nil}},
		{"UTF-16BE BOM", "\xFE\xFF\x00<\x00a\x00/\x00>", result{UTF16BE, 2, nil}},
		{"UTF-16LE BOM only", "\xFF\xFE", result{UTF16LE, 2, nil}},
		{"UTF-16LE <?xml", "<\x00?\x00x\x00m\x00l\x00", result{UTF16LE, 0, nil}},
		{"UTF-16BE <?xml", "\x00<\x00?\x00x\x00m\x00l", result{UTF16BE, 0, nil}},
		{"UTF-16LE root first", "<\x00a\x00/\x00>\x00", result{UTF16LE, 0, nil}},
		{"UTF-16LE space first", " \x00<\x00", result{UTF16LE, 0, nil}},
		{"UTF-16BE two bytes", "\x00<", result{UTF16BE, 0, nil}},
		{"UTF-32LE BOM", "\xFF\xFE\x00\x00<\x00\x00\x00", result{UTF32LE, 4, nil}},
		{"UTF-32BE BOM", "\x00\x00\xFE\xFF\x00\x00\x00<", result{UTF32BE, 4, nil}},
		{"UTF-32LE <", "<\x00\x00\x00?\x00\x00\x00", result{UTF32LE, 0, nil}},
		{"UTF-32BE <", "\x00\x00\x00<\x00\x00\x00?", result{UTF32BE, 0, nil}},
		{"UCS-4 2143", "\x00\x00<\x00", result{UTF8, 0, ErrUnsupportedEncoding}},
		{"UCS-4 3412", "\x00<\x00\x00", result{UTF8, 0, ErrUnsupportedEncoding}},
		{"UCS-4 2143 BOM", "\x00\x00\xFF\xFE", result{UTF8, 0, ErrUnsupportedEncoding}},
		{"EBCDIC", "\x4C\x6F\xA7\x94\x93", result{UTF8, 0, ErrUnsupportedEncoding}},
		{"ISO-8859-1 declared", `<?xml version="1.0" encoding="ISO-8859-1"?><a/>`, result{Latin1, 0, nil}},
		{"latin1 declared in single quotes", `<?xml version='1.0' encoding='latin1' ?><a/>`, result{Latin1, 0, nil}},
		{"l1 declared with spaces", "<?xml\n version = \"1.0\"\n encoding = \"L1\"?><a/>", result{Latin1, 0, nil}},
		{"ISO_8859-1:1987 declared", `<?xml version="1.0" encoding="ISO_8859-1:1987"?><a/>`, result{Latin1, 0, nil}},
		{"windows-1252 declared", `<?xml version="1.0" encoding="windows-1252"?><a/>`, result{Windows1252, 0, nil}},
		{"cp1252 declared", `<?xml version="1.0" encoding="CP1252"?><a/>`, result{Windows1252, 0, nil}},
		{"US-ASCII declared", `<?xml version="1.0" encoding="us-ascii"?><a/>`, result{UTF8, 0, nil}},
		{"UTF-16 declared in 8 bits", `<?xml version="1.0" encoding="UTF-16"?><a/>`, result{UTF8, 0, nil}},
		{"Latin-1 after a UTF-8 BOM", "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a/>", result{UTF8, 0, nil}},
		{"encoding before version", `<?xml encoding="ISO-8859-1" version="1.0"?><a/>`, result{UTF8, 0, nil}},
		{"unterminated declaration", `<?xml version="1.0" encoding="ISO-8859-1`, result{UTF8, 0, nil}},
		{"no space before encoding", `<?xml version="1.0"encoding="ISO-8859-1"?><a/>`, result{UTF8, 0, nil}},
		{"<?xml-stylesheet", `<?xml-stylesheet version="1.0" encoding="ISO-8859-1"?><a/>`, result{UTF8, 0, nil}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			enc, bom, err := Detect([]byte(tt.in))
			got := result{enc, bom, nil}
			if err != nil {
				var se *SyntaxError
				if !errors.As(err, &se) || se.Line != 1 || se.Column != 1 || se.Offset != 0 {
					t.Errorf("error %v: want a *SyntaxError at the start", err)
				}
				got.Err = se.Err
			}
			if diff := cmp.Diff(tt.want, got, cmp.Comparer(func(a, b error) bool { return a == b })); diff != "" {
				t.Errorf("Detect (-want +got):\n%s", diff)
			}
		})
	}
}

func TestEncodingNames(t *testing.T) {
	tests := []struct {
		name string
		want declName
	}{
		{"utf-8", declUTF8}, {"Utf8", declUTF8},
		{"US-ASCII", declASCII}, {"ascii", declASCII}, {"ANSI_X3.4-1968", declASCII}, {"us", declASCII},
		{"utf-16", declUTF16}, {"UTF-16le", declUTF16LE}, {"utf-16BE", declUTF16BE}, {"ISO-10646-UCS-2", declUTF16},
		{"utf-32", declUTF32}, {"UTF-32LE", declUTF32LE}, {"ucs-4", declUTF32},
		{"iso-8859-1", declLatin1}, {"ISO_8859-1", declLatin1}, {"LATIN1", declLatin1}, {"l1", declLatin1},
		{"IBM819", declLatin1}, {"csISOLatin1", declLatin1}, {"iso-ir-100", declLatin1},
		{"Windows-1252", declWindows1252}, {"cp1252", declWindows1252},
		{"ISO-8859-15", declUnknown}, {"latin2", declUnknown}, {"Shift_JIS", declUnknown}, {"utf-7", declUnknown},
		{"l", declUnknown}, {"", declUnknown},
		// Case folding applies to letters only.
		{"ISO\x7F8859-1", declUnknown}, {"UTF\r8", declUnknown},
	}
	for _, tt := range tests {
		if got := lookupEncoding([]byte(tt.name)); got != tt.want {
			t.Errorf("lookupEncoding(%q) = %d, want %d", tt.name, got, tt.want)
		}
	}
}

func TestEncodingString(t *testing.T) {
	want := []string{"UTF-8", "UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE", "ISO-8859-1", "windows-1252", "Encoding(7)"}
	var got []string
	for e := UTF8; e <= Windows1252+1; e++ {
		got = append(got, e.String())
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("String (-want +got):\n%s", diff)
	}
}

// TestResetFromDeclaration checks which declarations the Scanner accepts
// for each encoding a document was transcoded from.
func TestResetFromDeclaration(t *testing.T) {
	type pos struct {
		Err          error
		Offset       int64
		Line, Column int
	}
	decl := func(enc string) string { return `<?xml version="1.0" encoding="` + enc + `"?><a/>` }
	tests := []struct {
		name string
		from Encoding
		in   string
		want pos // Err nil: accepted
	}{
		{"UTF-8 as UTF-8", UTF8, decl("utf-8"), pos{}},
		{"no declaration from UTF-16", UTF16LE, "<a/>", pos{}},
		{"declaration without encoding from UTF-16", UTF16BE, `<?xml version="1.0"?><a/>`, pos{}},
		{"UTF-16 from UTF-16LE", UTF16LE, decl("UTF-16"), pos{}},
		{"UTF-16 from UTF-16BE", UTF16BE, decl("utf-16"), pos{}},
		{"UTF-16LE from UTF-16LE", UTF16LE, decl("UTF-16LE"), pos{}},
		{"UTF-16BE from UTF-16LE", UTF16LE, decl("UTF-16BE"), pos{ErrEncoding, 30, 1, 31}},
		{"UCS-2 from UTF-16BE", UTF16BE, decl("ISO-10646-UCS-2"), pos{}},
		{"UTF-32 from UTF-32LE", UTF32LE, decl("UTF-32"), pos{}},
		{"UTF-32BE from UTF-32BE", UTF32BE, decl("UTF-32BE"), pos{}},
		{"UTF-16 from UTF-32", UTF32LE, decl("UTF-16"), pos{ErrEncoding, 30, 1, 31}},
		{"UTF-8 from UTF-16", UTF16LE, decl("UTF-8"), pos{ErrEncoding, 30, 1, 31}},
		{"US-ASCII from UTF-16", UTF16LE, decl("US-ASCII"), pos{ErrEncoding, 30, 1, 31}},
		{"ISO-8859-1 from ISO-8859-1", Latin1, decl("ISO-8859-1"), pos{}},
		{"latin1 from ISO-8859-1", Latin1, decl("latin1"), pos{}},
		{"windows-1252 from ISO-8859-1", Latin1, decl("windows-1252"), pos{ErrEncoding, 30, 1, 31}},
		{"cp1252 from windows-1252", Windows1252, decl("cp1252"), pos{}},
		{"ISO-8859-1 not transcoded", UTF8, decl("ISO-8859-1"), pos{ErrUnsupportedEncoding, 30, 1, 31}},
		{"UTF-16 in an 8-bit document", UTF8, decl("UTF-16"), pos{ErrEncoding, 30, 1, 31}},
		{"unknown encoding", UTF8, decl("ISO-8859-15"), pos{ErrUnsupportedEncoding, 30, 1, 31}},
		{"unknown encoding from UTF-16", UTF16LE, decl("EUC-JP"), pos{ErrUnsupportedEncoding, 30, 1, 31}},
		{"US-ASCII", UTF8, decl("US-ASCII") + "\n", pos{}},
		{"ascii", UTF8, decl("ascii"), pos{}},
		{"US-ASCII after a BOM", UTF8, "\xEF\xBB\xBF" + decl("US-ASCII"), pos{}},
		{"US-ASCII with é", UTF8, decl("us-ascii") + "\n<!-- café -->", pos{ErrEncoding, 54, 2, 9}},
		{"US-ASCII with a byte in the declaration's line", UTF8, "<?xml version='1.0' encoding='ASCII'?><a>\x80</a>", pos{ErrEncoding, 41, 1, 42}},
		{"US-ASCII with a byte after 8-byte blocks", UTF8, decl("ASCII") + "<b>0123456789abcdef\xFF</b>", pos{ErrEncoding, 61, 1, 62}},
	}
	s := NewScanner(nil)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s.ResetFrom([]byte(tt.in), tt.from)
			var err error
			for err == nil {
				_, err = s.ReadToken()
			}
			var got pos
			if err != io.EOF {
				var se *SyntaxError
				if !errors.As(err, &se) {
					t.Fatalf("error %v (%T), want a *SyntaxError", err, err)
				}
				got = pos{se.Err, se.Offset, se.Line, se.Column}
			}
			if diff := cmp.Diff(tt.want, got, cmp.Comparer(func(a, b error) bool { return a == b })); diff != "" {
				t.Errorf("(-want +got):\n%s\nerror: %v", diff, err)
			}
		})
	}
	// Reset goes back to UTF-8.
	s.ResetFrom([]byte(decl("UTF-16")), UTF16LE)
	s.Reset([]byte(decl("UTF-16")))
	if _, err := s.ReadToken(); !errors.Is(err, ErrEncoding) {
		t.Errorf("after Reset: %v, want ErrEncoding", err)
	}
}

func TestFirstNonASCII(t *testing.T) {
	for n := range 40 {
		b := make([]byte, n)
		for i := range b {
			b[i] = 'a' + byte(i%26)
		}
		if got := FirstNonASCII(b); got != -1 {
			t.Fatalf("len %d all ASCII: %d", n, got)
		}
		if !IsASCII(b) {
			t.Fatalf("len %d: IsASCII false", n)
		}
		for i := range b {
			for _, c := range []byte{0x80, 0xC3, 0xFF} {
				b[i] = c
				if got := FirstNonASCII(b); got != i {
					t.Fatalf("len %d, 0x%02X at %d: got %d", n, c, i, got)
				}
				b[i] = 'x'
			}
		}
	}
}
