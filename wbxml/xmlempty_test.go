package wbxml_test

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/easkit/easkit/wbxml"
)

// Empty elements: <X/> and <X></X> are the same XML (the XML Infoset does
// not tell them apart, and encoding/xml writes <X></X> for every empty
// element), so the XMLReader writes both as an element without content,
// as libwbxml's xml2wbxml does (TestLibwbxmlEmptyElements). An element
// holding an empty string is <X easkit:wire="str"></X>.

const markerDecl = ` xmlns:easkit="` + wbxml.MarkerNamespace + `"`

// emptyReaders are the ways an XMLReader converts a whole document.
var emptyReaders = map[string]func(opts []wbxml.Option, doc []byte) ([]byte, error){
	"AppendWBXML": func(opts []wbxml.Option, doc []byte) ([]byte, error) {
		return wbxml.NewXMLReader(opts...).AppendWBXML(nil, doc)
	},
	"WriteWBXML": func(opts []wbxml.Option, doc []byte) ([]byte, error) {
		var b bytes.Buffer
		err := wbxml.NewXMLReader(opts...).WriteWBXML(&b, doc)
		return b.Bytes(), err
	},
}

// TestReadEmptyElements: every spelling of an empty element is the tag
// without its content bit, in every way of converting and with white
// space kept or not; the marker asks for an empty string or OPAQUE,
// self-closing or not.
func TestReadEmptyElements(t *testing.T) {
	tests := []struct {
		leaf, want string
	}{
		{`<SyncKey/>`, `0B`},
		{`<SyncKey />`, `0B`},
		{`<SyncKey></SyncKey>`, `0B`},
		{`<SyncKey><![CDATA[]]></SyncKey>`, `0B`},
		{`<SyncKey><![CDATA[]]><![CDATA[]]></SyncKey>`, `0B`},
		{`<SyncKey><!-- nothing --></SyncKey>`, `0B`},
		{`<ConversationId xmlns="Email2:"></ConversationId>`, `00 16 09 00 00`},
		{`<ConversationId xmlns="Email2:"/>`, `00 16 09 00 00`},
		{`<Mime xmlns="ComposeMail:"></Mime>`, `00 15 10 00 00`},
		{`<MIME xmlns="ComposeMail:"></MIME>`, `00 15 10 00 00`},
		// An empty CDATA section between children is no text either.
		{`<Commands><SyncKey/><![CDATA[]]><SyncKey/></Commands>`, `56 0B 0B 01`},
		{`<SyncKey k:wire="str"></SyncKey>`, `4B 03 00 01`},
		{`<SyncKey k:wire="str"/>`, `4B 03 00 01`},
		{`<SyncKey k:wire="opaque"/>`, `4B C3 00 01`},
		{`<SyncKey k:wire="opaque"></SyncKey>`, `4B C3 00 01`},
		{`<SyncKey k:wire="base64 str"/>`, `4B 03 00 01`},
		{`<SyncKey k:wire="str:0 opaque:0"/>`, `4B 03 00 C3 00 01`},
		{`<ConversationId xmlns="Email2:" k:wire="base64 opaque"></ConversationId>`, `00 16 49 C3 00 01 00 00`},
		{`<ConversationId xmlns="Email2:" k:wire="str"/>`, `00 16 49 03 00 01 00 00`},
		{`<Mime xmlns="ComposeMail:" k:wire="opaque"></Mime>`, `00 15 50 C3 00 01 00 00`},
	}
	for _, tt := range tests {
		doc := []byte(`<Sync xmlns="AirSync:" xmlns:k="` + wbxml.MarkerNamespace + `">` + tt.leaf + `<Status>1</Status></Sync>`)
		// The element (and the switch back to page 0) is followed by
		// Status.
		want := hx(eas + `45 ` + tt.want + ` 4E 03 '1' 00 01 01`)
		for name, read := range emptyReaders {
			for _, keep := range []bool{false, true} {
				got, err := read(activeSync(wbxml.WithKeepSpace(keep)), doc)
				if err != nil || !bytes.Equal(got, want) {
					t.Errorf("%s %s (keep space %v):\n got % X, %v\nwant % X", name, tt.leaf, keep, got, err, want)
				}
			}
		}
	}
}

// TestReadEmptyMarkerErrors: a marker on an element without text still
// has to add up.
func TestReadEmptyMarkerErrors(t *testing.T) {
	for _, leaf := range []string{`<SyncKey k:wire="str:1 opaque:0"/>`, `<SyncKey k:wire="str:1 opaque:0"></SyncKey>`} {
		doc := []byte(`<Sync xmlns="AirSync:" xmlns:k="` + wbxml.MarkerNamespace + `">` + leaf + `</Sync>`)
		_, err := wbxml.AppendWBXML(nil, doc, activeSync()...)
		var xe *wbxml.XMLError
		if !errors.As(err, &xe) || !errors.Is(err, wbxml.ErrMarker) || xe.Offset != 81 || !strings.Contains(err.Error(), "content has 0") {
			t.Errorf("%s: %v, want a marker error at offset 81", leaf, err)
		}
	}
}

// emptyWriters are the ways an XMLWriter converts a whole document.
var emptyWriters = map[string]func(opts []wbxml.Option, src []byte) ([]byte, error){
	"AppendXML": func(opts []wbxml.Option, src []byte) ([]byte, error) {
		return wbxml.NewXMLWriter(opts...).AppendXML(nil, src)
	},
	"AppendXML slow": func(opts []wbxml.Option, src []byte) ([]byte, error) {
		x := wbxml.NewXMLWriter(opts...)
		wbxml.SetXMLWriterSlow(x, true)
		return x.AppendXML(nil, src)
	},
	"WriteXMLBytes": func(opts []wbxml.Option, src []byte) ([]byte, error) {
		var b bytes.Buffer
		err := wbxml.NewXMLWriter(opts...).WriteXMLBytes(&b, src)
		return b.Bytes(), err
	},
	"WriteXML from an io.Reader": func(opts []wbxml.Option, src []byte) ([]byte, error) {
		var b bytes.Buffer
		err := wbxml.NewXMLWriter(opts...).WriteXML(&b, iotest.OneByteReader(bytes.NewReader(src)))
		return b.Bytes(), err
	},
}

// TestWriteEmptyString: an element holding an empty string (STR_I "", or
// an STR_T of no bytes) is written with the marker in every way of
// converting and every layout, and reads back to the same bytes (the
// STR_T as STR_I); an element with the content bit and no content is
// <X/>, the one lossy case.
func TestWriteEmptyString(t *testing.T) {
	tests := []struct {
		name, wbxml, xml, back string
	}{
		{"STR_I", eas + `45 4B 03 00 01 01`, `<SyncKey` + markerDecl + ` easkit:wire="str"></SyncKey>`, ""},
		{"STR_I in a byte-array tag", eas + `45 00 16 49 03 00 01 01`, `<ConversationId xmlns="Email2:"` + markerDecl + ` easkit:wire="str"></ConversationId>`, ""},
		{"STR_I in a text-as-opaque tag", eas + `45 00 15 50 03 00 01 01`, `<Mime xmlns="ComposeMail:"` + markerDecl + ` easkit:wire="str"></Mime>`, ""},
		{"STR_I beside a child", eas + `45 56 03 00 0B 01 01`, `<easkit:str` + markerDecl + `></easkit:str>`, ""},
		{"STR_T", "03 01 6A 01 00 45 4B 83 00 01 01", `<SyncKey` + markerDecl + ` easkit:wire="str"></SyncKey>`, eas + `45 4B 03 00 01 01`},
		{"OPAQUE", eas + `45 4B C3 00 01 01`, `<SyncKey` + markerDecl + ` easkit:wire="opaque"></SyncKey>`, ""},
		{"content bit without content", eas + `45 4B 01 01`, `<SyncKey/>`, eas + `45 0B 01`},
	}
	layouts := map[string][]wbxml.Option{
		"compact":  activeSync(wbxml.WithIndent(0), wbxml.WithXMLDeclaration(false), wbxml.WithDocType(false)),
		"indented": activeSync(),
		"prefixes": activeSync(wbxml.WithPrefixes(true)),
	}
	for _, tt := range tests {
		src := hx(tt.wbxml)
		back := src
		if tt.back != "" {
			back = hx(tt.back)
		}
		for lname, opts := range layouts {
			for wname, write := range emptyWriters {
				x, err := write(opts, src)
				if err != nil {
					t.Fatalf("%s %s %s: %v", tt.name, lname, wname, err)
				}
				want := tt.xml
				if lname == "prefixes" {
					want = strings.ReplaceAll(want, ` xmlns="Email2:"`, ``)
					want = strings.ReplaceAll(want, ` xmlns="ComposeMail:"`, ``)
					want = strings.ReplaceAll(want, `<ConversationId`, `<email2:ConversationId`)
					want = strings.ReplaceAll(want, `<Mime`, `<composemail:Mime`)
					want = strings.ReplaceAll(want, `</ConversationId`, `</email2:ConversationId`)
					want = strings.ReplaceAll(want, `</Mime`, `</composemail:Mime`)
				}
				if !bytes.Contains(x, []byte(want)) {
					t.Errorf("%s %s %s: XML lacks %s\n%s", tt.name, lname, wname, want, x)
				}
				for rname, read := range emptyReaders {
					w, err := read(activeSync(), x)
					if err != nil || !bytes.Equal(w, back) {
						t.Errorf("%s %s %s, %s: % X, %v; want % X\n%s", tt.name, lname, wname, rname, w, err, back, x)
					}
				}
			}
		}
	}
}

// emptyFolders is a FolderSync response of n folders, each with the empty
// elements and strings of a real one: an empty ParentId string, an
// element without content, and an empty OPAQUE.
func emptyFolders(t testing.TB, n int) []byte {
	t.Helper()
	var doc strings.Builder
	doc.WriteString(`<FolderSync xmlns="FolderHierarchy:" xmlns:easkit="` + wbxml.MarkerNamespace + `"><Status>1</Status><SyncKey>1</SyncKey><Changes><Count>0</Count>`)
	for i := range n {
		fmt.Fprintf(&doc, "\n<Add><ServerId>%d</ServerId><ParentId easkit:wire=\"str\"></ParentId><DisplayName></DisplayName><Type/><Count easkit:wire=\"opaque\"/></Add>", i)
	}
	doc.WriteString("\n</Changes></FolderSync>")
	return []byte(doc.String())
}

// TestEmptyElementsInParts: a document of 256 KiB and more, converted in
// parts (WithConcurrency) both ways, gives the bytes of one goroutine:
// <X></X> without the content bit, the marked empty strings as STR_I "",
// and back the same XML.
func TestEmptyElementsInParts(t *testing.T) {
	const folders = 14000 // the WBXML too is over 256 KiB
	doc := emptyFolders(t, folders)
	one, err := wbxml.AppendWBXML(nil, doc, activeSync()...)
	if err != nil {
		t.Fatal(err)
	}
	if len(one) < 256<<10 {
		t.Fatalf("the document is only %d bytes of WBXML", len(one))
	}
	// Per folder: Add, ServerId, ParentId "" (49 03 00 01), DisplayName
	// and Type without content (07 0A), Count with an empty OPAQUE.
	if n := bytes.Count(one, hx(`49 03 00 01 07 0A 57 C3 00 01 01`)); n != folders {
		t.Fatalf("%d folders with the empty forms, want %d:\n% X", n, folders, one[:200])
	}
	for _, workers := range []int{2, 4, 8} {
		r := wbxml.NewXMLReader(activeSync(wbxml.WithConcurrency(workers))...)
		many, err := r.AppendWBXML(nil, doc)
		if err != nil || !bytes.Equal(many, one) {
			t.Fatalf("%d workers: %v, output differs from one goroutine's", workers, err)
		}
		if wbxml.ReadPartsUsed(r) < 2 {
			t.Errorf("%d workers: the document was not cut (%d parts)", workers, wbxml.ReadPartsUsed(r))
		}
		var b bytes.Buffer
		if err := r.WriteWBXML(&b, doc); err != nil || !bytes.Equal(b.Bytes(), one) {
			t.Errorf("%d workers, WriteWBXML: %v, output differs from one goroutine's", workers, err)
		}
	}
	compact := activeSync(wbxml.WithIndent(0))
	x1, err := wbxml.AppendXML(nil, one, compact...)
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(x1, []byte(`<ParentId`+markerDecl+` easkit:wire="str"></ParentId><DisplayName/><Type/><Count`+markerDecl+` easkit:wire="opaque"></Count>`)); n != folders {
		t.Errorf("%d folders written with the marked forms, want %d", n, folders)
	}
	for _, workers := range []int{2, 4, 8} {
		w := wbxml.NewXMLWriter(append(compact, wbxml.WithConcurrency(workers))...)
		xn, err := w.AppendXML(nil, one)
		if err != nil || !bytes.Equal(xn, x1) {
			t.Fatalf("%d workers: %v, XML differs from one goroutine's", workers, err)
		}
		if wbxml.PartsUsed(w) < 2 {
			t.Errorf("%d workers: the WBXML was not cut (%d parts)", workers, wbxml.PartsUsed(w))
		}
	}
	back, err := wbxml.AppendWBXML(nil, x1, activeSync(wbxml.WithConcurrency(4))...)
	if err != nil || !bytes.Equal(back, one) {
		t.Errorf("WBXML → XML → WBXML: %v, bytes differ", err)
	}
}
