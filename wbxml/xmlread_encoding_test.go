package wbxml_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/easkit/easkit/internal/corpus"
	"github.com/easkit/easkit/internal/testenv"
	"github.com/easkit/easkit/wbxml"
	"github.com/google/go-cmp/cmp"
)

// cp1252High spells the characters of windows-1252 bytes 0x80–0x9F; 0
// marks the undefined ones.
var cp1252High = []rune("€\x00‚ƒ„…†‡ˆ‰Š‹Œ\x00Ž\x00\x00‘’“”•–—˜™š›œ\x00žŸ")

// encodeText encodes UTF-8 text in enc ("UTF-16LE", "UTF-16BE",
// "UTF-32LE", "UTF-32BE", "ISO-8859-1", "windows-1252", "US-ASCII"), with a
// byte order mark if bom. It returns false when enc cannot represent it.
func encodeText(text []byte, enc string, bom bool) ([]byte, bool) {
	rs := []rune(string(text))
	var out []byte
	switch enc {
	case "UTF-16LE", "UTF-16BE":
		var order binary.AppendByteOrder = binary.LittleEndian
		if enc == "UTF-16BE" {
			order = binary.BigEndian
		}
		if bom {
			out = order.AppendUint16(out, 0xFEFF)
		}
		for _, u := range utf16.Encode(rs) {
			out = order.AppendUint16(out, u)
		}
		return out, true
	case "UTF-32LE", "UTF-32BE":
		var order binary.AppendByteOrder = binary.LittleEndian
		if enc == "UTF-32BE" {
			order = binary.BigEndian
		}
		if bom {
			out = order.AppendUint32(out, 0xFEFF)
		}
		for _, r := range rs {
			out = order.AppendUint32(out, uint32(r))
		}
		return out, true
	}
	for _, r := range rs {
		switch {
		case r < 0x80:
			out = append(out, byte(r))
		case enc == "US-ASCII":
			return nil, false
		case enc == "ISO-8859-1" && r < 0x100, enc == "windows-1252" && r >= 0xA0 && r < 0x100:
			out = append(out, byte(r))
		case enc == "windows-1252" && r != 0 && indexRune(cp1252High, r) >= 0:
			out = append(out, byte(0x80+indexRune(cp1252High, r)))
		default:
			return nil, false
		}
	}
	return out, true
}

func indexRune(rs []rune, r rune) int {
	for i, x := range rs {
		if x == r {
			return i
		}
	}
	return -1
}

// redeclare returns doc with an XML declaration that names encoding name:
// its own, changed or completed, or a new one.
func redeclare(doc []byte, name string) []byte {
	if !bytes.HasPrefix(doc, []byte("<?xml")) {
		return append([]byte(`<?xml version="1.0" encoding="`+name+`"?>`), doc...)
	}
	end := bytes.Index(doc, []byte("?>"))
	decl := doc[:end]
	join := func(a []byte, mid string, b []byte) []byte {
		return append(append(append([]byte(nil), a...), mid...), b...)
	}
	if i := bytes.Index(decl, []byte("encoding")); i >= 0 {
		q := bytes.IndexAny(decl[i:], `"'`) + i
		e := bytes.IndexByte(decl[q+1:], decl[q]) + q + 1
		return join(doc[:q+1], name, doc[e:])
	}
	v := bytes.Index(decl, []byte("version"))
	q := bytes.IndexAny(decl[v:], `"'`) + v
	e := bytes.IndexByte(decl[q+1:], decl[q]) + q + 2
	return join(doc[:e], ` encoding="`+name+`"`, doc[e:])
}

// encodingVariant is one way to save a UTF-8 XML document.
type encodingVariant struct {
	name string
	enc  string
	bom  bool
	decl string // the encoding name the declaration is changed to; "" to keep it
}

var encodingVariants = []encodingVariant{
	{"UTF-16LE BOM", "UTF-16LE", true, "UTF-16"},
	{"UTF-16BE BOM", "UTF-16BE", true, "utf-16"},
	{"UTF-16LE", "UTF-16LE", false, "UTF-16"},
	{"UTF-16BE", "UTF-16BE", false, "UTF-16"},
	{"UTF-16LE BOM declared UTF-16LE", "UTF-16LE", true, "UTF-16LE"},
	{"UTF-32LE BOM", "UTF-32LE", true, "UTF-32"},
	{"UTF-32BE", "UTF-32BE", false, "UTF-32"},
	{"ISO-8859-1", "ISO-8859-1", false, "ISO-8859-1"},
	{"latin1", "ISO-8859-1", false, "latin1"},
	{"windows-1252", "windows-1252", false, "windows-1252"},
	{"cp1252", "windows-1252", false, "cp1252"},
	{"US-ASCII", "US-ASCII", false, "US-ASCII"},
}

// encodeVariant saves the UTF-8 document doc as v says, or returns false
// when v's encoding cannot represent it.
func encodeVariant(doc []byte, v encodingVariant) ([]byte, bool) {
	doc = bytes.TrimPrefix(doc, []byte("\xEF\xBB\xBF"))
	if v.decl != "" {
		doc = redeclare(doc, v.decl)
	}
	return encodeText(doc, v.enc, v.bom)
}

// xmlSamples returns the XML documents the encoding tests convert: every
// interop sample's XML, and the XML of every corpus message (but the
// 10 MB one) as XMLWriter writes it.
func xmlSamples(t *testing.T) map[string][]byte {
	t.Helper()
	docs := map[string][]byte{}
	names, err := filepath.Glob(filepath.Join(interopDir, "*.xml"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no interop XML: %v", err)
	}
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		docs["interop/"+filepath.Base(n)] = b
	}
	for _, m := range corpus.Standard() {
		if m.Name == "SyncEmail10MB" {
			continue
		}
		x, err := wbxml.AppendXML(nil, m.Build(), activeSync()...)
		if err != nil {
			t.Fatal(err)
		}
		docs["corpus/"+m.Name] = x
	}
	return docs
}

// TestXMLReaderEncodingsSameWBXML: every XML sample saved in UTF-16 (both
// byte orders, with and without a byte order mark), UTF-32 and, where it
// can be, ISO-8859-1, windows-1252 and US-ASCII, with its declaration
// changed to say so, gives the WBXML of the UTF-8 document, byte for
// byte, through AppendWBXML and WriteWBXML.
func TestXMLReaderEncodingsSameWBXML(t *testing.T) {
	r := wbxml.NewXMLReader(activeSync()...)
	counts := map[string]int{}
	for name, doc := range xmlSamples(t) {
		want, err := r.AppendWBXML(nil, doc)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var wantErr error
		for _, v := range encodingVariants {
			src, ok := encodeVariant(doc, v)
			if !ok {
				continue
			}
			counts[v.name]++
			got, err := r.AppendWBXML(nil, src)
			if !sameErrKind(wantErr, err) {
				t.Errorf("%s as %s: error %v, want %v", name, v.name, err, wantErr)
				continue
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s as %s: WBXML differs from the UTF-8 document's:\n got % X\nwant % X", name, v.name, head(got), head(want))
			}
			var buf bytes.Buffer
			err = r.WriteWBXML(&buf, src)
			if !sameErrKind(wantErr, err) || wantErr == nil && !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("%s as %s: WriteWBXML differs (%v)", name, v.name, err)
			}
		}
	}
	// Latin-1, windows-1252 and US-ASCII cover some documents only; every
	// variant must have been tried on many.
	for _, v := range encodingVariants {
		if counts[v.name] < 20 {
			t.Errorf("%s: only %d documents converted", v.name, counts[v.name])
		}
	}
}

// sameErrKind reports whether two conversion results failed alike: both
// not at all, or with the same error class at the same line and column.
func sameErrKind(want, got error) bool {
	if want == nil || got == nil {
		return want == nil && got == nil
	}
	var we, ge *wbxml.XMLError
	if !errors.As(want, &we) || !errors.As(got, &ge) {
		return false
	}
	return we.Err == ge.Err && we.Line == ge.Line && we.Column == ge.Column
}

func head(b []byte) []byte { return b[:min(len(b), 64)] }

func TestXMLReaderEncodingErrors(t *testing.T) {
	u16 := func(enc string, bom bool, s string) []byte { b, _ := encodeText([]byte(s), enc, bom); return b }
	cat := func(bs ...[]byte) []byte { return bytes.Join(bs, nil) }
	tests := []struct {
		name      string
		in        []byte
		err       error
		line, col int
		off       int64
		msg       string
	}{
		{"UTF-16LE unknown element on line 2", u16("UTF-16LE", true, "<Sync xmlns=\"AirSync:\">\n  <Subjekt/>\n</Sync>"),
			wbxml.ErrUnknownTag, 2, 3, 2 + 2*26, `"Subjekt"`},
		{"UTF-16BE control character", u16("UTF-16BE", false, "<Sync xmlns=\"AirSync:\"><SyncKey>é\x01</SyncKey></Sync>"),
			wbxml.ErrXMLSyntax, 1, 34, 2 * 33, "character"},
		{"UTF-16LE mismatched tag after an emoji", u16("UTF-16LE", true, "<Sync xmlns=\"AirSync:\"><SyncKey>😀</Synckey></Sync>"),
			wbxml.ErrXMLSyntax, 1, 34, 2 + 2*34, "</Synckey>"},
		{"UTF-16 of odd length", cat(u16("UTF-16LE", true, "<Sync/>"), []byte{0}),
			wbxml.ErrXMLEncoding, 1, 8, 16, "odd"},
		{"unpaired surrogate", cat(u16("UTF-16LE", true, "<Sync xmlns=\"AirSync:\">\r\n<SyncKey>"), []byte{0x00, 0xD8}, u16("UTF-16LE", false, "a</SyncKey></Sync>")),
			wbxml.ErrXMLEncoding, 2, 10, 2 + 2*34, "surrogate"},
		{"UTF-16 declared UTF-8", u16("UTF-16LE", true, `<?xml version="1.0" encoding="UTF-8"?><Sync/>`),
			wbxml.ErrXMLEncoding, 1, 31, 2 + 2*30, `"UTF-8"`},
		{"UTF-16 declared in an 8-bit document", []byte(`<?xml version="1.0" encoding="UTF-16"?><Sync/>`),
			wbxml.ErrXMLEncoding, 1, 31, 30, "UTF-16"},
		{"windows-1252 undefined byte", []byte("<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n<Sync xmlns=\"AirSync:\"><SyncKey>caf\xE9\x81</SyncKey></Sync>"),
			wbxml.ErrXMLEncoding, 2, 37, 82, "0x81"},
		{"ISO-8859-1 unknown element after Latin-1 text", []byte("<?xml version='1.0' encoding='ISO-8859-1'?>\n<Sync xmlns=\"AirSync:\"><SyncKey>\xE9\xE9</SyncKey><Subjekt/></Sync>"),
			wbxml.ErrUnknownTag, 2, 45, 88, `"Subjekt"`},
		{"US-ASCII with UTF-8 é", []byte(`<?xml version="1.0" encoding="us-ascii"?><Sync xmlns="AirSync:"><SyncKey>é</SyncKey></Sync>`),
			wbxml.ErrXMLEncoding, 1, 74, 73, "US-ASCII"},
		{"unsupported encoding", []byte(`<?xml version="1.0" encoding="ISO-8859-15"?><Sync/>`),
			wbxml.ErrXMLEncoding, 1, 31, 30, "ISO-8859-15"},
		{"EBCDIC", []byte("\x4C\x6F\xA7\x94\x93\x40"),
			wbxml.ErrXMLEncoding, 1, 1, 0, "EBCDIC"},
		{"UTF-32BE unknown element", u16("UTF-32BE", true, "<Sync xmlns=\"AirSync:\"><X/></Sync>"),
			wbxml.ErrUnknownTag, 1, 24, 4 + 4*23, `"X"`},
		{"UTF-32 above U+10FFFF", cat(u16("UTF-32LE", true, "<a>"), []byte{0, 0, 0x11, 0}),
			wbxml.ErrXMLEncoding, 1, 4, 16, "Unicode"},
	}
	r := wbxml.NewXMLReader(activeSync()...)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dst := []byte("kept")
			out, err := r.AppendWBXML(dst, tt.in)
			var xe *wbxml.XMLError
			if !errors.As(err, &xe) {
				t.Fatalf("error %v (%T), want an *XMLError", err, err)
			}
			if string(out) != "kept" {
				t.Errorf("output % X, want dst unchanged", out)
			}
			type pos struct {
				Line, Column int
				Offset       int64
			}
			if diff := cmp.Diff(pos{tt.line, tt.col, tt.off}, pos{xe.Line, xe.Column, xe.Offset}); diff != "" {
				t.Errorf("position (-want +got):\n%s\nerror: %v", diff, err)
			}
			if !errors.Is(err, tt.err) || !strings.Contains(xe.Msg, tt.msg) {
				t.Errorf("got %v, want %v with %q", err, tt.err, tt.msg)
			}
			if errors.Is(err, wbxml.ErrXMLEncoding) && !errors.Is(err, wbxml.ErrXMLSyntax) {
				t.Errorf("%v: ErrXMLEncoding does not match ErrXMLSyntax", err)
			}
			err2 := r.WriteWBXML(&bytes.Buffer{}, tt.in)
			if err2 == nil || err2.Error() != err.Error() {
				t.Errorf("WriteWBXML: %v, want %v", err2, err)
			}
		})
	}
}

// TestXMLReaderEncodingWarnings: warnings about a transcoded document
// carry the byte offsets of the input, and the same lines and columns as
// for the UTF-8 document.
func TestXMLReaderEncodingWarnings(t *testing.T) {
	// The warnings are after the first line, which the declaration added
	// for each encoding changes.
	doc := []byte("<Sync xmlns=\"AirSync:\">\n<SyncKey id=\"1\">😀é</SyncKey><Status x=\"2\">1</Status>\n<Class y=\"3\">Email</Class></Sync>")
	r := wbxml.NewXMLReader(activeSync()...)
	if _, err := r.AppendWBXML(nil, doc); err != nil {
		t.Fatal(err)
	}
	utf8Warnings := append([]wbxml.Warning(nil), r.Warnings().List...)
	if len(utf8Warnings) != 3 {
		t.Fatalf("%d warnings for the UTF-8 document, want 3", len(utf8Warnings))
	}
	for _, v := range encodingVariants {
		src, ok := encodeVariant(doc, v)
		if !ok {
			continue
		}
		want := append([]wbxml.Warning(nil), utf8Warnings...)
		for i := range want {
			pre, _ := encodeVariant(doc[:want[i].Offset], v)
			want[i].Offset = int64(len(pre))
		}
		if _, err := r.AppendWBXML(nil, src); err != nil {
			t.Fatalf("%s: %v", v.name, err)
		}
		if diff := cmp.Diff(want, r.Warnings().List, cmp.Comparer(func(a, b error) bool { return a == b })); diff != "" {
			t.Errorf("%s: warnings (-want +got):\n%s", v.name, diff)
		}
	}
}

// TestXMLReaderEncodingAllocs: a reused XMLReader converts a transcoded
// document into a reused buffer without allocating, once its transcoding
// buffer has grown.
func TestXMLReaderEncodingAllocs(t *testing.T) {
	testenv.SkipIfAllocsUnreliable(t)
	x, err := wbxml.AppendXML(nil, corpus.SyncEmail(256<<10), activeSync()...)
	if err != nil {
		t.Fatal(err)
	}
	r := wbxml.NewXMLReader(activeSync()...)
	want, err := r.AppendWBXML(nil, x)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range encodingVariants {
		src, ok := encodeVariant(x, v)
		if !ok {
			continue
		}
		buf := make([]byte, 0, len(want))
		var got []byte
		allocs := testing.AllocsPerRun(5, func() {
			got, err = r.AppendWBXML(buf[:0], src)
		})
		if err != nil || !bytes.Equal(got, want) {
			t.Fatalf("%s: %v, or WBXML differs", v.name, err)
		}
		if allocs != 0 {
			t.Errorf("%s: %v allocations per conversion, want 0", v.name, allocs)
		}
	}
}

// TestXMLReaderEncodingConcurrency: a transcoded document converts in
// parts (its UTF-8 transcoding is cut) with the result of one goroutine,
// errors and warnings included.
func TestXMLReaderEncodingConcurrency(t *testing.T) {
	defer wbxml.SetMinPart(64)()
	x, err := wbxml.AppendXML(nil, corpus.SyncEmail(64<<10), activeSync()...)
	if err != nil {
		t.Fatal(err)
	}
	broken := bytes.Replace(x, []byte("</Subject>"), []byte("</Subjekt>"), 1)
	for _, v := range encodingVariants {
		for _, doc := range [][]byte{x, broken} {
			src, ok := encodeVariant(doc, v)
			if !ok {
				continue
			}
			if n := checkReadParts(t, src, activeSync()); n < 2 && bytes.Equal(doc, x) {
				t.Errorf("%s: %d parts used, want the document cut", v.name, n)
			}
		}
	}
}
