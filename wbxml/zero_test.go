package wbxml_test

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/wbxml"
)

// pingDoc is a Ping request: <Ping><HeartbeatInterval>470</…></Ping>.
var pingDoc = []byte("\x03\x01\x6a\x00\x00\x0d\x45\x48\x03\x34\x37\x30\x00\x01\x01")

// TestZeroDecoder checks that a zero Decoder has no input, and that Reset
// makes it one with the default options.
func TestZeroDecoder(t *testing.T) {
	var d wbxml.Decoder
	if _, err := d.ReadToken(); !errors.Is(err, wbxml.ErrTruncated) {
		t.Errorf("zero Decoder: ReadToken error %v, want ErrTruncated", err)
	}
	var z wbxml.Decoder
	z.Reset(pingDoc)
	want := tokenKinds(t, wbxml.NewDecoder(pingDoc))
	if got := tokenKinds(t, &z); got != want {
		t.Errorf("zero Decoder after Reset: %s, want %s", got, want)
	}
}

func tokenKinds(t *testing.T, d *wbxml.Decoder) string {
	t.Helper()
	var b strings.Builder
	for {
		tok, err := d.ReadToken()
		if err != nil {
			if !errors.Is(err, io.EOF) {
				t.Fatal(err)
			}
			return b.String()
		}
		b.WriteString(tok.Kind.String() + " ")
	}
}

// TestZeroEncoder checks that a zero Encoder writes what
// NewAppendEncoder(nil) writes, header included.
func TestZeroEncoder(t *testing.T) {
	write := func(e *wbxml.Encoder) []byte {
		t.Helper()
		steps := []error{
			e.StartTag(0x0D, 0x05, false), e.StartTag(0x0D, 0x08, false),
			e.String([]byte("470")), e.EndTag(), e.EndTag(),
		}
		for _, err := range steps {
			if err != nil {
				t.Fatal(err)
			}
		}
		return e.Bytes()
	}
	var z wbxml.Encoder
	if got, want := write(&z), write(wbxml.NewAppendEncoder(nil)); !bytes.Equal(got, want) || !bytes.Equal(got, pingDoc) {
		t.Errorf("zero Encoder wrote % x, NewAppendEncoder(nil) % x, want % x", got, want, pingDoc)
	}
	// Before the document starts, a token out of place is an error, and
	// the Encoder is still usable.
	var e wbxml.Encoder
	if err := e.String([]byte("x")); !errors.Is(err, wbxml.ErrNesting) {
		t.Errorf("zero Encoder: String before the root: %v, want ErrNesting", err)
	}
	if got := write(&e); !bytes.Equal(got, pingDoc) {
		t.Errorf("after the rejected call: % x", got)
	}
	var f wbxml.Encoder
	if err := f.Flush(); err != nil || f.Bytes() != nil {
		t.Errorf("zero Encoder: Flush %v, Bytes %q", err, f.Bytes())
	}
}

// TestZeroXMLWriter checks that a zero XMLWriter converts as
// NewXMLWriter() does, in each of its three forms.
func TestZeroXMLWriter(t *testing.T) {
	want, err := wbxml.NewXMLWriter().AppendXML(nil, pingDoc)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(want, []byte("<?xml")) {
		t.Fatalf("NewXMLWriter output lacks the declaration: %s", want)
	}
	var a wbxml.XMLWriter
	if got, err := a.AppendXML(nil, pingDoc); err != nil || !bytes.Equal(got, want) {
		t.Errorf("zero XMLWriter AppendXML: %q, %v; want %q", got, err, want)
	}
	var w wbxml.XMLWriter
	var buf bytes.Buffer
	if err := w.WriteXML(&buf, bytes.NewReader(pingDoc)); err != nil || !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("zero XMLWriter WriteXML: %q, %v", buf.Bytes(), err)
	}
	var wb wbxml.XMLWriter
	buf.Reset()
	if err := wb.WriteXMLBytes(&buf, pingDoc); err != nil || !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("zero XMLWriter WriteXMLBytes: %q, %v", buf.Bytes(), err)
	}
}

// TestZeroXMLReader checks that a zero XMLReader fails as NewXMLReader()
// does: without a vocabulary, nothing converts.
func TestZeroXMLReader(t *testing.T) {
	src := []byte(`<Ping xmlns="Ping:"/>`)
	_, want := wbxml.NewXMLReader().AppendWBXML(nil, src)
	if want == nil {
		t.Fatal("NewXMLReader() without a vocabulary converted")
	}
	var x wbxml.XMLReader
	if out, err := x.AppendWBXML(nil, src); err == nil || err.Error() != want.Error() || out != nil {
		t.Errorf("zero XMLReader: %q, %v; want the error %v", out, err, want)
	}
	var y wbxml.XMLReader
	if err := y.WriteWBXML(&bytes.Buffer{}, src); err == nil || err.Error() != want.Error() {
		t.Errorf("zero XMLReader WriteWBXML: %v, want %v", err, want)
	}
}

// TestZeroValues checks the documented zero values of the plain types.
func TestZeroValues(t *testing.T) {
	var tok wbxml.Token
	if tok.Kind != wbxml.KindInvalid || tok.Tag() != 0 || tok.Kind.String() != "Invalid" {
		t.Errorf("zero Token: %+v", tok)
	}
	var h wbxml.Header
	if got := wbxml.AppendHeader(nil, &h); !bytes.Equal(got, []byte{0, 0, 0, 0}) {
		// WBXML 1.0 (no charset), public id 0: in the table, at index 0.
		t.Errorf("zero Header encodes as % x", got)
	}
	if err := wbxml.NewAppendEncoder(nil, wbxml.WithHeader(h)).StartTag(0, 5, false); !errors.Is(err, wbxml.ErrStringTable) {
		t.Errorf("an Encoder with the zero Header: %v, want ErrStringTable", err)
	}
	var o wbxml.Option
	plain, _ := wbxml.NewXMLWriter().AppendXML(nil, pingDoc)
	if got, _ := wbxml.NewXMLWriter(o).AppendXML(nil, pingDoc); !bytes.Equal(got, plain) {
		t.Errorf("the zero Option changed the output: %q", got)
	}
	var ws wbxml.Warnings
	if ws.Count != 0 || len(ws.List) != 0 {
		t.Errorf("zero Warnings: %+v", ws)
	}
	var w wbxml.Warning
	if got := w.String(); got != "wbxml: offset 0: warning" || w.Error() != got || w.Unwrap() != nil {
		t.Errorf("zero Warning: %q", got)
	}
	var se wbxml.SyntaxError
	if se.Error() != "wbxml: offset 0: " || errors.Is(&se, wbxml.ErrTruncated) {
		t.Errorf("zero SyntaxError: %q", se.Error())
	}
	var xe wbxml.XMLError
	if errors.Is(&xe, wbxml.ErrXMLSyntax) {
		t.Error("zero XMLError matches ErrXMLSyntax")
	}
	var p wbxml.Path
	if p.String() != "" {
		t.Errorf("nil Path: %q", p.String())
	}
	var form wbxml.Form
	if form != wbxml.FormInline {
		t.Error("the zero Form is not FormInline")
	}
	var f wbxml.NamespaceForm
	if f != codepages.ColonForm {
		t.Error("the zero NamespaceForm is not the ActiveSync default, ColonForm")
	}
}

func TestWarningString(t *testing.T) {
	tests := []struct {
		w    wbxml.Warning
		want string
	}{
		{wbxml.Warning{Offset: 12, Page: 7, Code: 0x3F, Err: wbxml.ErrUnknownTag}, "wbxml: offset 12: unknown tag (page 7, token 0x3F)"},
		{wbxml.Warning{Offset: 40, Line: 3, Column: 5, Code: 0x05, Err: wbxml.ErrNotInVersion}, "wbxml: line 3, column 5 (offset 40): tag not in this protocol version (page 0, token 0x05)"},
		{wbxml.Warning{Offset: 9, Err: wbxml.ErrTrailingData}, "wbxml: offset 9: data after the root element"},
	}
	for _, tt := range tests {
		if got := tt.w.String(); got != tt.want {
			t.Errorf("String() = %q, want %q", got, tt.want)
		}
		var err error = tt.w
		if !errors.Is(err, tt.w.Err) {
			t.Errorf("%q does not unwrap to its Err", tt.want)
		}
	}
}

// TestNamespaceFormFallback checks that a form the vocabulary does not
// spell falls back to its default form.
func TestNamespaceFormFallback(t *testing.T) {
	conv := func(form wbxml.NamespaceForm) string {
		out, err := wbxml.NewXMLWriter(wbxml.WithVocabulary(codepages.ActiveSync), wbxml.WithNamespaceForm(form),
			wbxml.WithXMLDeclaration(false), wbxml.WithDocType(false), wbxml.WithIndent(0)).AppendXML(nil, pingDoc)
		if err != nil {
			t.Fatal(err)
		}
		return string(out)
	}
	colon, schema, other := conv(codepages.ColonForm), conv(codepages.SchemaForm), conv(200)
	if !strings.Contains(colon, `xmlns="Ping:"`) || !strings.Contains(schema, `xmlns="Ping"`) {
		t.Errorf("colon form %q, schema form %q", colon, schema)
	}
	if other != colon {
		t.Errorf("form 200: %q, want the default form's %q", other, colon)
	}
}
