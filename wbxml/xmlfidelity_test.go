package wbxml_test

import (
	"bytes"
	"encoding/hex"
	"errors"
	"strings"
	"testing"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/version"
	"github.com/easkit/easkit/wbxml"
	"github.com/google/go-cmp/cmp"
)

// hx builds bytes from hex with spaces and 'quoted' ASCII: hx(`45 4B 03 'hi' 00 01 01`).
func hx(s string) []byte {
	var out []byte
	for len(s) > 0 {
		s = strings.TrimLeft(s, " \n\t")
		if s == "" {
			break
		}
		if s[0] == '\'' {
			end := strings.IndexByte(s[1:], '\'') + 1
			out = append(out, s[1:end]...)
			s = s[end+1:]
			continue
		}
		b, err := hex.DecodeString(s[:2])
		if err != nil {
			panic(err)
		}
		out = append(out, b...)
		s = s[2:]
	}
	return out
}

const eas = "03 01 6A 00 "

// TestWireForms checks that every wire form of element content survives
// WBXML → XML → WBXML, with the markup the design promises.
func TestWireForms(t *testing.T) {
	tests := []struct {
		name      string
		wbxml     string
		xml       []string // substrings of the compact XML
		canonical bool     // the bytes come back identical
	}{
		// <X></X> is the same XML as <X/>: an element without content.
		// An empty string needs the marker.
		{"empty string vs no content", eas + `45 4B 03 00 01 0B 01`,
			[]string{`<SyncKey xmlns:easkit="` + wbxml.MarkerNamespace + `" easkit:wire="str"></SyncKey><SyncKey/>`}, true},
		{"empty string table reference", "03 01 6A 01 00 45 4B 83 00 01 01",
			[]string{`<SyncKey xmlns:easkit="` + wbxml.MarkerNamespace + `" easkit:wire="str"></SyncKey>`}, false},
		{"empty string in a byte-array tag", eas + `45 00 16 49 03 00 01 01`,
			[]string{`<ConversationId xmlns="Email2:" xmlns:easkit="` + wbxml.MarkerNamespace + `" easkit:wire="str"></ConversationId>`}, true},
		{"empty opaque in a text tag", eas + `45 4B C3 00 01 01`,
			[]string{`<SyncKey xmlns:easkit="` + wbxml.MarkerNamespace + `" easkit:wire="opaque"></SyncKey>`}, true},
		{"empty opaque in a byte-array tag", eas + `45 00 16 49 C3 00 01 01`,
			[]string{`<ConversationId xmlns="Email2:" xmlns:easkit="` + wbxml.MarkerNamespace + `" easkit:wire="base64 opaque"></ConversationId>`}, true},
		{"empty opaque in a text-as-opaque tag", eas + `45 00 15 50 C3 00 01 01`,
			[]string{`<Mime xmlns="ComposeMail:" xmlns:easkit="` + wbxml.MarkerNamespace + `" easkit:wire="opaque"></Mime>`}, true},
		{"empty strings between runs", eas + `45 4B C3 01 'a' 03 00 C3 01 'b' 01 01`,
			[]string{`easkit:wire="opaque:1 str:0 opaque:1">ab</SyncKey>`}, true},
		{"empty string between children", eas + `45 56 0B 03 00 0B 01 01`,
			[]string{`<easkit:str xmlns:easkit="` + wbxml.MarkerNamespace + `"></easkit:str>`}, true},
		// The one lossy case: the content bit with no content at all
		// has no XML form of its own; it comes back without the bit.
		{"content bit without content", eas + `45 4B 01 01`,
			[]string{`<SyncKey/>`}, false},
		{"opaque in a text tag", eas + `45 4B C3 02 'hi' 01 01`,
			[]string{`<SyncKey xmlns:easkit="` + wbxml.MarkerNamespace + `" easkit:wire="opaque">hi</SyncKey>`}, true},
		{"string in a byte-array tag", eas + `45 00 16 49 03 'ab' 00 01 01`,
			[]string{`<ConversationId xmlns="Email2:" xmlns:easkit="` + wbxml.MarkerNamespace + `" easkit:wire="str">ab</ConversationId>`}, true},
		{"byte array as base64", eas + `45 00 16 49 C3 03 00 FF 10 01 01`,
			[]string{`<ConversationId xmlns="Email2:">AP8Q</ConversationId>`}, true},
		{"bytes XML cannot carry in a string", eas + `45 4B 03 01 02 FF 00 01 01`,
			[]string{`easkit:wire="base64 str">AQL/</SyncKey>`}, true},
		{"empty opaque in a byte-array tag", eas + `45 00 16 49 C3 00 01 01`,
			[]string{`easkit:wire="base64 opaque"></ConversationId>`}, true},
		{"several runs", eas + `45 4B 03 'a' 00 C3 01 'b' 03 'c' 00 01 01`,
			[]string{`easkit:wire="str:1 opaque:1 str:1">abc</SyncKey>`}, true},
		{"two opaque blocks in a byte-array tag", eas + `45 00 16 49 C3 01 01 C3 01 02 01 01`,
			[]string{`easkit:wire="base64 opaque:1 opaque:1">AQI=</ConversationId>`}, true},
		{"Mime is text sent as opaque", eas + `00 15 45 50 C3 09 'From: x' 0D 0A 01 01`,
			[]string{`<Mime>From: x&#13;` + "\n" + `</Mime>`}, true},
		{"Mime with 8-bit bytes", eas + `00 15 45 50 C3 03 'a' E9 'b' 01 01`,
			[]string{`easkit:wire="base64 opaque">Yeli</Mime>`}, true},
		{"Mime sent as a string", eas + `00 15 45 50 03 'x' 00 01 01`,
			[]string{`easkit:wire="str">x</Mime>`}, true},
		{"text between child elements", eas + `45 03 'x' 00 4B 03 '1' 00 01 03 ' ' 0A 00 01`,
			[]string{`<Sync xmlns="AirSync:">x<SyncKey>1</SyncKey>&#32;&#10;</Sync>`}, true},
		{"opaque between child elements", eas + `45 C3 02 00 01 4B 03 '1' 00 01 01`,
			[]string{`<easkit:opaque xmlns:easkit="` + wbxml.MarkerNamespace + `">AAE=</easkit:opaque>`}, true},
		{"unknown tag without content", eas + `45 3F 01`,
			[]string{`<easkit:unknown xmlns:easkit="` + wbxml.MarkerNamespace + `" page="0" token="0x3F"/>`}, true},
		{"unknown tag with content", eas + `45 00 03 7E 03 'a' 00 01 01`,
			[]string{`page="3" token="0x3E">a</easkit:unknown>`}, true},
		{"CR LF kept", eas + `45 4B 03 'a' 0D 0A 'b' 0D 00 01 01`,
			[]string{`<SyncKey>a&#13;` + "\n" + `b&#13;</SyncKey>`}, true},
		{"white space in a leaf kept", eas + `45 4B 03 '  x  ' 00 01 4B 03 '  ' 00 01 01`,
			[]string{`<SyncKey>  x  </SyncKey><SyncKey>  </SyncKey>`}, true},
		{"escaping", eas + `45 4B 03 '<a & b>]]>' 00 01 01`,
			[]string{`<SyncKey>&lt;a &amp; b>]]&gt;</SyncKey>`}, true},
		{"control character", eas + `45 4B 03 'a' 07 00 01 01`,
			[]string{`easkit:wire="base64 str">YQc=</SyncKey>`}, true},
		{"content bit without content", eas + `45 4B 01 01`,
			[]string{`<SyncKey/>`}, false},
		{"redundant page switches", eas + `00 00 45 00 00 4B 03 '1' 00 01 01`,
			[]string{`<SyncKey>1</SyncKey>`}, false},
		{"entity", eas + `45 4B 03 'caf' 00 02 81 69 01 01`,
			[]string{`<SyncKey>café</SyncKey>`}, false},
		{"string table reference", "03 01 6A 04 'abc' 00 45 4B 83 00 03 'd' 00 01 01",
			[]string{`<SyncKey>abcd</SyncKey>`}, false},
		{"ISO-8859-1 document", "03 01 04 00 45 4B 03 'caf' E9 00 01 01",
			[]string{`<SyncKey>café</SyncKey>`}, false},
		{"pages apart", eas + `45 00 02 54 03 'Hi' 00 01 00 11 4A 03 '1' 00 01 01`,
			[]string{`<Subject xmlns="Email:">Hi</Subject><Body xmlns="AirSyncBase:">1</Body>`}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := hx(tt.wbxml)
			opts := activeSync(wbxml.WithIndent(0), wbxml.WithXMLDeclaration(false), wbxml.WithDocType(false))
			x1, err := wbxml.AppendXML(nil, src, opts...)
			if err != nil {
				t.Fatalf("AppendXML: %v", err)
			}
			for _, want := range tt.xml {
				if !strings.Contains(string(x1), want) {
					t.Errorf("XML lacks %s\ngot %s", want, x1)
				}
			}
			w2, err := wbxml.AppendWBXML(nil, x1, opts...)
			if err != nil {
				t.Fatalf("AppendWBXML(%s): %v", x1, err)
			}
			x2, err := wbxml.AppendXML(nil, w2, opts...)
			if err != nil {
				t.Fatalf("AppendXML of re-encoded: %v", err)
			}
			if diff := cmp.Diff(string(x1), string(x2)); diff != "" {
				t.Errorf("XML changed through WBXML (-first +second):\n%s", diff)
			}
			if tt.canonical && !bytes.Equal(src, w2) {
				t.Errorf("bytes changed:\n got % X\nwant % X", w2, src)
			}
			// The indented form reads back to the same WBXML.
			x3, err := wbxml.AppendXML(nil, src, activeSync(wbxml.WithIndent(3))...)
			if err != nil {
				t.Fatal(err)
			}
			w3, err := wbxml.AppendWBXML(nil, x3, opts...)
			if err != nil || !bytes.Equal(w3, w2) {
				t.Errorf("indented XML reads back as % X, %v; compact as % X\n%s", w3, err, w2, x3)
			}
		})
	}
}

func TestXMLInput(t *testing.T) {
	tests := []struct {
		name string
		xml  string
		want string // WBXML hex
	}{
		{"default namespaces", `<Sync xmlns="AirSync:"><Collections><Collection><SyncKey>1</SyncKey></Collection></Collections></Sync>`,
			eas + `45 5C 4F 4B 03 '1' 00 01 01 01 01`},
		{"prefixes and schema form", `<?xml version="1.0"?><!-- c --><a:Sync xmlns:a="AirSync" xmlns:e="Email"><a:Commands><e:Subject>x</e:Subject></a:Commands></a:Sync>`,
			eas + `45 56 00 02 54 03 'x' 00 01 01 01`},
		{"historic namespace and alias", `<Sync xmlns="AirSync:"><Commands xmlns:c="POOMCAL:"><c:TimeZone>tz</c:TimeZone></Commands></Sync>`,
			eas + `45 56 00 04 45 03 'tz' 00 01 01 01`},
		{"CDATA, references and CR", `<Sync xmlns="AirSync:"><SyncKey><![CDATA[<a>]]>&amp;&#13;&#x41;</SyncKey></Sync>`,
			eas + `45 4B 03 '<a>&' 0D 'A' 00 01 01`},
		{"CRLF in text becomes LF", "<Sync xmlns=\"AirSync:\"><SyncKey>a\r\nb</SyncKey></Sync>",
			eas + `45 4B 03 'a' 0A 'b' 00 01 01`},
		{"layout white space dropped", "<Sync xmlns=\"AirSync:\">\n  <SyncKey/>\n  <Status>1</Status>\n</Sync>\n",
			eas + `45 0B 4E 03 '1' 00 01 01`},
		{"byte array from base64 with line breaks", `<Sync xmlns="AirSync:"><ConversationId xmlns="Email2:">AP8Q
  AAE=</ConversationId></Sync>`,
			eas + `45 00 16 49 C3 05 00 FF 10 00 01 01 01`},
		{"Mime spelled MIME holds base64, as libwbxml writes it", `<SendMail xmlns="ComposeMail:"><MIME>U3ViamVjdDogaGkNCng=</MIME></SendMail>`,
			eas + `00 15 45 50 C3 0E 'Subject: hi' 0D 0A 'x' 01 01`},
		{"Mime spelled MIME holding MIME text is kept as text", `<SendMail xmlns="ComposeMail:"><MIME><![CDATA[Subject: hi]]></MIME></SendMail>`,
			eas + `00 15 45 50 C3 0B 'Subject: hi' 01 01`},
		{"Mime spelled Mime is text even when it looks like base64", `<SendMail xmlns="ComposeMail:"><Mime>dGVzdA==</Mime></SendMail>`,
			eas + `00 15 45 50 C3 08 'dGVzdA==' 01 01`},
		{"redeclared default namespace", `<Sync xmlns="AirSync:"><Subject xmlns="Email:"><x:Status xmlns:x="AirSync:"/></Subject></Sync>`,
			eas + `45 00 02 54 00 00 0E 01 01`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := wbxml.AppendWBXML(nil, []byte(tt.xml), activeSync()...)
			if err != nil {
				t.Fatal(err)
			}
			if want := hx(tt.want); !bytes.Equal(got, want) {
				t.Errorf("got  % X\nwant % X", got, want)
			}
		})
	}
}

// TestXMLInputCharsets checks that XML text, which is UTF-8, is written in
// the charset of the header asked for (WithHeader) or refused: never
// written as UTF-8 under a header that says otherwise.
func TestXMLInputCharsets(t *testing.T) {
	tests := []struct {
		name    string
		charset uint32
		xml     string
		want    string // WBXML hex after the header, or "" for ErrCharset
	}{
		{"ISO-8859-1 converted", wbxml.CharsetLatin1, `<Sync xmlns="AirSync:"><SyncKey>café</SyncKey></Sync>`, `45 4B 03 'caf' E9 00 01 01`},
		{"a character ISO-8859-1 lacks", wbxml.CharsetLatin1, `<Sync xmlns="AirSync:"><SyncKey>€</SyncKey></Sync>`, ""},
		{"unspecified charset is UTF-8", wbxml.CharsetUnknown, `<Sync xmlns="AirSync:"><SyncKey>é</SyncKey></Sync>`, `45 4B 03 C3 A9 00 01 01`},
		{"Shift_JIS text is not converted", 17, `<Sync xmlns="AirSync:"><SyncKey>é</SyncKey></Sync>`, ""},
		{"Shift_JIS ASCII text is not converted either", 17, `<Sync xmlns="AirSync:"><SyncKey>a</SyncKey></Sync>`, ""},
		{"UTF-16 text is not converted", wbxml.CharsetUTF16, `<Sync xmlns="AirSync:"><SyncKey>ab</SyncKey></Sync>`, ""},
		{"UTF-16 document without text", wbxml.CharsetUTF16, `<Sync xmlns="AirSync:"><SyncKey/></Sync>`, `45 0B 01`},
		{"UTF-16 document with opaque data", wbxml.CharsetUTF16, `<Sync xmlns="AirSync:"><ConversationId xmlns="Email2:">AAE=</ConversationId></Sync>`, `45 00 16 49 C3 02 00 01 01 01`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := wbxml.Header{Version: wbxml.Version13, PublicID: wbxml.PublicIDUnknown, Charset: tt.charset}
			got, err := wbxml.AppendWBXML(nil, []byte(tt.xml), activeSync(wbxml.WithHeader(h))...)
			if tt.want == "" {
				var xe *wbxml.XMLError
				if !errors.Is(err, wbxml.ErrCharset) || !errors.As(err, &xe) || xe.Line != 1 {
					t.Errorf("got % X, %v; want an *XMLError wrapping ErrCharset", got, err)
				}
				return
			}
			want := wbxml.AppendHeader(nil, &h)
			want = append(want, hx(tt.want)...)
			if err != nil || !bytes.Equal(got, want) {
				t.Errorf("got % X, %v; want % X", got, err, want)
			}
		})
	}
}

func TestKeepSpace(t *testing.T) {
	doc := []byte("<Sync xmlns=\"AirSync:\">\n <SyncKey>1</SyncKey>\n</Sync>")
	got, err := wbxml.AppendWBXML(nil, doc, activeSync(wbxml.WithKeepSpace(true))...)
	if want := hx(eas + `45 03 0A ' ' 00 4B 03 '1' 00 01 03 0A 00 01`); err != nil || !bytes.Equal(got, want) {
		t.Errorf("got % X, %v; want % X", got, err, want)
	}
}

func TestXMLInputErrors(t *testing.T) {
	tests := []struct {
		name       string
		xml        string
		err        error
		line, col  int
		msg        string
		strictOnly bool
	}{
		{"unknown element", "<Sync xmlns=\"AirSync:\">\n  <Subjekt/>\n</Sync>", wbxml.ErrUnknownTag, 2, 3, `unknown element "Subjekt"`, false},
		{"element in the wrong namespace", `<Sync xmlns="Email:"/>`, wbxml.ErrUnknownTag, 1, 1, `namespace "Email:"`, false},
		{"no namespace", `<Sync/>`, wbxml.ErrUnknownTag, 1, 1, `namespace ""`, false},
		{"bad base64", "<Sync xmlns=\"AirSync:\"><ConversationId xmlns=\"Email2:\">AP8-</ConversationId></Sync>", wbxml.ErrMarker, 1, 59, "invalid character '-'", false},
		{"malformed XML", "<Sync xmlns=\"AirSync:\">\n<SyncKey>1</Synckey></Sync>", wbxml.ErrXMLSyntax, 2, 11, "closed by </Synckey>", false},
		{"bad wire marker", `<Sync xmlns="AirSync:" xmlns:k="` + wbxml.MarkerNamespace + `"><SyncKey k:wire="pickle">1</SyncKey></Sync>`, wbxml.ErrMarker, 1, 82, "unknown run kind", false},
		{"runs that do not add up", `<Sync xmlns="AirSync:" xmlns:k="` + wbxml.MarkerNamespace + `"><SyncKey k:wire="str:1 opaque:5">ab</SyncKey></Sync>`, wbxml.ErrMarker, 1, 82, "add up to 6 bytes, the content has 2", false},
		{"marker on an element with children", `<Sync xmlns="AirSync:" xmlns:k="` + wbxml.MarkerNamespace + `" k:wire="str"><SyncKey/></Sync>`, wbxml.ErrMarker, 1, 73, "child elements", false},
		{"NUL in a string run", `<Sync xmlns="AirSync:" xmlns:k="` + wbxml.MarkerNamespace + `"><SyncKey k:wire="base64 str">AA==</SyncKey></Sync>`, wbxml.ErrMarker, 1, 82, "NUL", false},
		{"UTF-16 document with a byte order mark", "\xFF\xFE<\x00S\x00y\x00n\x00c\x00/\x00>\x00", wbxml.ErrUnknownTag, 1, 1, `namespace ""`, false},
		{"UTF-16BE document without a byte order mark", "\x00<\x00S\x00y\x00n\x00c\x00/\x00>", wbxml.ErrUnknownTag, 1, 1, `namespace ""`, false},
		{"UTF-32 document with a byte order mark", "\xFF\xFE\x00\x00<\x00\x00\x00", wbxml.ErrXMLSyntax, 1, 2, "unexpected end of input", false},
		{"foreign attribute in strict mode", `<Sync xmlns="AirSync:" id="1"/>`, wbxml.ErrNoXML, 1, 24, `attribute "id"`, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := activeSync(wbxml.WithStrict(tt.strictOnly))
			_, err := wbxml.AppendWBXML(nil, []byte(tt.xml), opts...)
			var xe *wbxml.XMLError
			if !errors.As(err, &xe) {
				t.Fatalf("error %v (%T), want an *XMLError", err, err)
			}
			if !errors.Is(err, tt.err) || xe.Line != tt.line || xe.Column != tt.col || !strings.Contains(xe.Msg, tt.msg) {
				t.Errorf("got %v (line %d col %d), want %v at %d:%d with %q", err, xe.Line, xe.Column, tt.err, tt.line, tt.col, tt.msg)
			}
			if xe.Offset < 0 || xe.Offset > int64(len(tt.xml)) {
				t.Errorf("offset %d outside the input", xe.Offset)
			}
			if tt.strictOnly {
				if _, err := wbxml.AppendWBXML(nil, []byte(tt.xml), activeSync()...); err != nil {
					t.Errorf("lenient mode: %v", err)
				}
			}
		})
	}
}

func TestUnknownTags(t *testing.T) {
	src := hx(eas + `45 7E 03 'a' 00 01 01`)
	x := wbxml.NewXMLWriter(activeSync()...)
	out, err := x.AppendXML(nil, src)
	if err != nil {
		t.Fatal(err)
	}
	if w := x.Warnings(); w.Count != 1 || !errors.Is(w.List[0].Err, wbxml.ErrUnknownTag) || w.List[0].Offset != 5 || w.List[0].Code != 0x3E {
		t.Errorf("warnings %+v, want one unknown tag at offset 5", w)
	}
	if !strings.Contains(string(out), `token="0x3E"`) {
		t.Errorf("no placeholder in %s", out)
	}
	_, err = wbxml.AppendXML(nil, src, activeSync(wbxml.WithStrict(true))...)
	if !errors.Is(err, wbxml.ErrUnknownTag) {
		t.Errorf("strict: %v, want ErrUnknownTag", err)
	}
	// Placeholders read back only in lenient mode.
	if _, err := wbxml.AppendWBXML(nil, out, activeSync(wbxml.WithStrict(true))...); !errors.Is(err, wbxml.ErrUnknownTag) {
		t.Errorf("strict XML input: %v, want ErrUnknownTag", err)
	}
}

func TestBadHeaderWritesNothing(t *testing.T) {
	for _, src := range [][]byte{nil, hx("03"), hx("07 01 6A 00 45 01"), hx("03 80 80 80 80 80")} {
		out, err := wbxml.AppendXML([]byte("pre"), src, activeSync()...)
		if err == nil || string(out) != "pre" {
			t.Errorf("% X: got %q, %v; want nothing appended and an error", src, out, err)
		}
	}
}

func TestProtocolVersionCheck(t *testing.T) {
	// AirSyncBase Location is 16.0 and later.
	src := hx(eas + `45 00 11 60 03 'x' 00 01 01`)
	v141 := wbxml.WithVocabulary(codepages.ActiveSync.In(version.V14_1))
	x := wbxml.NewXMLWriter(v141)
	doc, err := x.AppendXML(nil, src)
	if err != nil {
		t.Fatal(err)
	}
	if w := x.Warnings(); w.Count != 1 || !errors.Is(w.List[0].Err, wbxml.ErrNotInVersion) {
		t.Errorf("warnings %+v, want one ErrNotInVersion", w)
	}
	if _, err := wbxml.AppendXML(nil, src, v141, wbxml.WithStrict(true)); !errors.Is(err, wbxml.ErrNotInVersion) {
		t.Errorf("strict WBXML → XML: %v", err)
	}
	if _, err := wbxml.AppendWBXML(nil, doc, v141, wbxml.WithStrict(true)); !errors.Is(err, wbxml.ErrNotInVersion) {
		t.Errorf("strict XML → WBXML: %v", err)
	}
	r := wbxml.NewXMLReader(v141)
	if _, err := r.AppendWBXML(nil, doc); err != nil || r.Warnings().Count != 1 || r.Warnings().List[0].Line == 0 {
		t.Errorf("lenient XML → WBXML: %v, %+v", err, r.Warnings())
	}
	if _, err := wbxml.AppendXML(nil, src, wbxml.WithVocabulary(codepages.ActiveSync.In(version.V16_1)), wbxml.WithStrict(true)); err != nil {
		t.Errorf("16.1: %v", err)
	}
}

func TestXMLOutputOptions(t *testing.T) {
	src := hx(eas + `45 00 02 54 03 'Hi' 00 01 00 11 4A 46 03 '1' 00 01 01 01`)
	tests := []struct {
		name string
		opts []wbxml.Option
		want string
	}{
		{"default", nil, `<?xml version="1.0" encoding="UTF-8"?>
` + codepages.DocType + `
<Sync xmlns="AirSync:">
  <Subject xmlns="Email:">Hi</Subject>
  <Body xmlns="AirSyncBase:">
    <Type>1</Type>
  </Body>
</Sync>
`},
		{"compact, schema form, bare", []wbxml.Option{wbxml.WithIndent(0), wbxml.WithNamespaceForm(1), wbxml.WithXMLDeclaration(false), wbxml.WithDocType(false)},
			`<Sync xmlns="AirSync"><Subject xmlns="Email">Hi</Subject><Body xmlns="AirSyncBase"><Type>1</Type></Body></Sync>
`},
		{"prefixes", []wbxml.Option{wbxml.WithPrefixes(true), wbxml.WithIndent(1), wbxml.WithDocType(false), wbxml.WithXMLDeclaration(false)}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := wbxml.AppendXML(nil, src, activeSync(tt.opts...)...)
			if err != nil {
				t.Fatal(err)
			}
			if tt.want != "" {
				if diff := cmp.Diff(tt.want, string(got)); diff != "" {
					t.Errorf("(-want +got):\n%s", diff)
				}
			} else {
				for _, want := range []string{`<Sync xmlns="AirSync:" xmlns:contacts="Contacts:"`, ` xmlns:gal="Gal:"`, "\n <email:Subject>Hi</email:Subject>\n <airsyncbase:Body>\n  <airsyncbase:Type>1</airsyncbase:Type>\n </airsyncbase:Body>\n</Sync>"} {
					if !strings.Contains(string(got), want) {
						t.Errorf("lacks %q:\n%s", want, got)
					}
				}
			}
			back, err := wbxml.AppendWBXML(nil, got, activeSync()...)
			if err != nil || !bytes.Equal(back, src) {
				t.Errorf("reads back as % X, %v", back, err)
			}
		})
	}
}
