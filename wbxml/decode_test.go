package wbxml

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/easkit/easkit/internal/testenv"
)

var equateEmpty = cmpopts.EquateEmpty()

func TestDecodeW3CExamples(t *testing.T) {
	tests := []struct {
		name    string
		in      []byte
		header  Header
		want    []Token
		wantStr []string // the XML-ish rendering, as a readable cross-check
	}{
		{
			name:   "8.1 simple",
			in:     w3cSimple,
			header: Header{Version: Version11, PublicID: PublicIDUnknown, Charset: CharsetASCII},
			want:   w3cSimpleTokens,
		},
		{
			name:   "8.2 expanded",
			in:     w3cExpanded,
			header: Header{Version: Version11, PublicID: PublicIDUnknown, Charset: CharsetUTF8, StringTable: w3cExpandedTable},
			want:   w3cExpandedTokens,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := NewDecoder(tt.in)
			h, err := d.Header()
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.header, h, equateEmpty); diff != "" {
				t.Errorf("header (-want +got):\n%s", diff)
			}
			got, err := collect(d)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got, equateEmpty); diff != "" {
				t.Errorf("tokens (-want +got):\n%s", diff)
			}
			if d.InputOffset() != int64(len(tt.in)) {
				t.Errorf("InputOffset = %d, want %d", d.InputOffset(), len(tt.in))
			}
		})
	}
}

// seg is a piece of a test document: its bytes and the token it decodes
// to (nil for SWITCH_PAGE and the header). The token's Offset is the
// segment's position plus skip.
type seg struct {
	b    []byte
	tok  *Token
	skip int64
}

// layout concatenates segments and returns the input and the tokens with
// their offsets.
func layout(segs []seg) ([]byte, []Token) {
	var in []byte
	var toks []Token
	for _, s := range segs {
		if s.tok != nil {
			t := *s.tok
			t.Offset = int64(len(in)) + s.skip
			toks = append(toks, t)
		}
		in = append(in, s.b...)
	}
	return in, toks
}

// fullTable is the string table of fullDocument.
var fullTable = []byte("-//EASKIT//TEST//EN\x00item\x00lang\x00N\x00xml-stylesheet\x00")

// fullDocument uses every token of WBXML 1.3: a public id in the string
// table, PIs before, inside and after the root, LITERAL, LITERAL_A,
// LITERAL_C and LITERAL_AC tags, literal attribute names, attribute code
// page switches, ATTRVALUE, ENTITY, OPAQUE and EXT_T in an attribute value,
// EXT_I, EXT_T and EXT in content, STR_T, and an empty STR_I.
func fullDocument() ([]byte, []Token) {
	b := func(x ...byte) []byte { return x }
	str := func(s string) []byte { return append(append([]byte{0x03}, s...), 0) }
	return layout([]seg{
		{b: append(b(0x03, 0x00, 0x00, 0x6A, byte(len(fullTable))), fullTable...)},
		{b: b(0x43), tok: &Token{Kind: KindPI}},
		{b: b(0x04, 32), tok: &Token{Kind: KindAttrStart, Literal: true, Value: 32, Data: []byte("xml-stylesheet")}},
		{b: str("a"), tok: &Token{Kind: KindString, Data: []byte("a")}},
		{b: b(0x01), tok: &Token{Kind: KindEndPI}},
		{b: b(0xC4, 20), tok: &Token{Kind: KindStartTag, Literal: true, Value: 20, Data: []byte("item"), Attrs: true, Content: true}},
		{b: b(0x04, 25), tok: &Token{Kind: KindAttrStart, Literal: true, Value: 25, Data: []byte("lang")}},
		{b: str("en"), tok: &Token{Kind: KindString, Data: []byte("en")}},
		{b: b(0x00, 0x01)},
		{b: b(0x05), tok: &Token{Kind: KindAttrStart, Page: 1, Code: 0x05}},
		{b: b(0x86), tok: &Token{Kind: KindAttrValue, Page: 1, Code: 0x86}},
		{b: b(0x02, 0x81, 0x20), tok: &Token{Kind: KindEntity, Value: 0xA0}},
		{b: b(0xC3, 0x02, 0xAB, 0x00), tok: &Token{Kind: KindOpaque, Data: []byte{0xAB, 0x00}}},
		{b: b(0x80, 30), tok: &Token{Kind: KindExt, Code: 0, Form: FormTable, Value: 30, Data: []byte("N")}},
		{b: b(0x01), tok: &Token{Kind: KindEndAttrs}},
		{b: b(0x00, 0x02)},
		{b: b(0x47), tok: &Token{Kind: KindStartTag, Page: 2, Code: 0x07, Content: true}},
		{b: b(0x40, 'x', 0x00), tok: &Token{Kind: KindExt, Code: 0, Form: FormInline, Data: []byte("x")}},
		{b: b(0x81, 0x05), tok: &Token{Kind: KindExt, Code: 1, Form: FormTable, Value: 5, Data: []byte("SKIT//TEST//EN")}},
		{b: b(0x82, 0x7F), tok: &Token{Kind: KindExt, Code: 2, Form: FormTable, Value: 0x7F}},
		{b: b(0xC2), tok: &Token{Kind: KindExt, Code: 2, Form: FormSingle}},
		{b: b(0x03, 0x00), tok: &Token{Kind: KindString, Data: []byte{}}},
		{b: b(0x01), tok: &Token{Kind: KindEndTag, Page: 2, Code: 0x07, Content: true}},
		{b: b(0x44, 30), tok: &Token{Kind: KindStartTag, Literal: true, Value: 30, Data: []byte("N"), Content: true}},
		{b: b(0x83, 20), tok: &Token{Kind: KindString, Form: FormTable, Value: 20, Data: []byte("item")}},
		{b: b(0x01), tok: &Token{Kind: KindEndTag, Literal: true, Value: 30, Data: []byte("N"), Content: true}},
		{b: b(0x04, 25), tok: &Token{Kind: KindStartTag, Literal: true, Value: 25, Data: []byte("lang")}},
		{tok: &Token{Kind: KindEndTag, Literal: true, Value: 25, Data: []byte("lang")}},
		{b: b(0x84, 20), tok: &Token{Kind: KindStartTag, Literal: true, Value: 20, Data: []byte("item"), Attrs: true}},
		{b: b(0x00, 0x00)},
		{b: b(0x06), tok: &Token{Kind: KindAttrStart, Code: 0x06}},
		{b: b(0x01), tok: &Token{Kind: KindEndAttrs}},
		{tok: &Token{Kind: KindEndTag, Literal: true, Value: 20, Data: []byte("item"), Attrs: true}},
		{b: b(0x43), tok: &Token{Kind: KindPI}},
		{b: b(0x45), tok: &Token{Kind: KindAttrStart, Code: 0x45}},
		{b: b(0x01), tok: &Token{Kind: KindEndPI}},
		{b: b(0x01), tok: &Token{Kind: KindEndTag, Literal: true, Value: 20, Data: []byte("item"), Attrs: true, Content: true}},
		{b: b(0x43), tok: &Token{Kind: KindPI}},
		{b: b(0x00, 0x03)},
		{b: b(0x08), tok: &Token{Kind: KindAttrStart, Page: 3, Code: 0x08}},
		{b: b(0xC5), tok: &Token{Kind: KindAttrValue, Page: 3, Code: 0xC5}},
		{b: b(0x01), tok: &Token{Kind: KindEndPI}},
	})
}

func TestDecodeFullTokenSet(t *testing.T) {
	in, want := fullDocument()
	d := NewDecoder(in)
	h, err := d.Header()
	if err != nil {
		t.Fatal(err)
	}
	if h.PublicID != PublicIDInTable || h.PublicIDIndex != 0 || string(h.PublicIDString()) != "-//EASKIT//TEST//EN" {
		t.Errorf("public id %d, index %d, string %q", h.PublicID, h.PublicIDIndex, h.PublicIDString())
	}
	got, err := collect(d)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got, equateEmpty); diff != "" {
		t.Errorf("tokens (-want +got):\n%s", diff)
	}
	// The empty STR_I is an empty, non-nil slice: present, unlike no string.
	for _, tok := range got {
		if tok.Kind == KindString && len(tok.Data) == 0 && tok.Data == nil {
			t.Error("empty STR_I has nil Data")
		}
	}
}

// TestDecodeHeaders covers the header forms.
func TestDecodeHeaders(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want Header
		pid  string
	}{
		{"activesync", []byte{0x03, 0x01, 0x6A, 0x00, 0x05}, Header{Version: 3, PublicID: 1, Charset: 106}, ""},
		{"wbxml 1.0 has no charset", []byte{0x00, 0x04, 0x00, 0x05}, Header{Version: 0, PublicID: 4}, ""},
		{"wbxml 1.2", []byte{0x02, 0x0B, 0x04, 0x00, 0x05}, Header{Version: 2, PublicID: 0x0B, Charset: 4}, ""},
		{"multi-byte public id and charset", []byte{0x03, 0x81, 0x00, 0x87, 0x6F, 0x00, 0x05}, Header{Version: 3, PublicID: 0x80, Charset: 1007}, ""},
		{"public id in string table", []byte{0x03, 0x00, 0x02, 0x6A, 0x05, 'x', 0, 'a', 'b', 0, 0x05},
			Header{Version: 3, PublicID: 0, PublicIDIndex: 2, Charset: 106, StringTable: []byte("x\x00ab\x00")}, "ab"},
		{"unterminated unreferenced table", []byte{0x03, 0x01, 0x6A, 0x03, 'a', 'b', 'c', 0x05},
			Header{Version: 3, PublicID: 1, Charset: 106, StringTable: []byte("abc")}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := NewDecoder(tt.in)
			h, err := d.Header()
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, h, equateEmpty); diff != "" {
				t.Errorf("header (-want +got):\n%s", diff)
			}
			if got := string(h.PublicIDString()); got != tt.pid {
				t.Errorf("PublicIDString = %q, want %q", got, tt.pid)
			}
			toks, err := collect(d)
			if err != nil || len(toks) != 2 {
				t.Errorf("body: %d tokens, error %v; want 2, nil", len(toks), err)
			}
		})
	}
}

// errCase is an input that must fail with sentinel err at offset.
type errCase struct {
	name   string
	in     []byte
	opts   []Option
	err    error
	offset int64
	also   error // a second sentinel the error matches, if any
}

// hdr prefixes the canonical ActiveSync header.
func hdr(body ...byte) []byte { return append([]byte{0x03, 0x01, 0x6A, 0x00}, body...) }

var errCases = []errCase{
	{name: "empty input", in: nil, err: ErrTruncated, offset: 0},
	{name: "version 2.0", in: []byte{0x10, 0x01, 0x6A, 0x00, 0x05}, err: ErrVersion, offset: 0},
	{name: "header truncated after version", in: []byte{0x03}, err: ErrTruncated, offset: 0},
	{name: "header truncated in charset", in: []byte{0x03, 0x01, 0x81}, err: ErrTruncated, offset: 0},
	{name: "public id too long", in: []byte{0x03, 0x80, 0x80, 0x80, 0x80, 0x80}, err: ErrMbUint32, offset: 1},
	{name: "public id overflow", in: []byte{0x03, 0x9F, 0xFF, 0xFF, 0xFF, 0x7F, 0x6A, 0x00, 0x05}, err: ErrMbUint32, offset: 1},
	{name: "string table overrun", in: []byte{0x03, 0x01, 0x6A, 0x05, 0x61, 0x62}, err: ErrStringTable, offset: 3, also: ErrTruncated},
	{name: "string table huge length", in: []byte{0x03, 0x01, 0x6A, 0x8F, 0xFF, 0xFF, 0xFF, 0x7F, 0x61}, err: ErrStringTable, offset: 3, also: ErrTruncated},
	{name: "public id index outside table", in: []byte{0x03, 0x00, 0x00, 0x6A, 0x00, 0x45, 0x01}, err: ErrStringTable, offset: 2},
	{name: "public id index unterminated", in: []byte{0x03, 0x00, 0x00, 0x6A, 0x01, 'a', 0x45, 0x01}, err: ErrStringTable, offset: 2},
	{name: "no root element", in: hdr(), err: ErrTruncated, offset: 4},
	{name: "END with no open element", in: hdr(0x01), err: ErrNesting, offset: 4},
	{name: "open elements at end", in: hdr(0x45, 0x46), err: ErrTruncated, offset: 6},
	{name: "STR_I without terminator", in: hdr(0x45, 0x03, 'a', 'b'), err: ErrTruncated, offset: 5},
	{name: "OPAQUE longer than input", in: hdr(0x45, 0xC3, 0x05, 'a', 'b', 0x01), err: ErrTruncated, offset: 5},
	{name: "OPAQUE length 2^32-1", in: hdr(0x45, 0xC3, 0x8F, 0xFF, 0xFF, 0xFF, 0x7F, 0x01), err: ErrTruncated, offset: 5},
	{name: "OPAQUE length too long", in: hdr(0x45, 0xC3, 0x85, 0x80, 0x80, 0x80, 0x80, 0x01), err: ErrMbUint32, offset: 6},
	{name: "OPAQUE length truncated", in: hdr(0x45, 0xC3, 0x85), err: ErrTruncated, offset: 5},
	{name: "ENTITY too long", in: hdr(0x45, 0x02, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01), err: ErrMbUint32, offset: 6},
	{name: "STR_T outside empty table", in: hdr(0x45, 0x83, 0x00, 0x01), err: ErrStringTable, offset: 6},
	{name: "STR_T past the table", in: []byte{0x03, 0x01, 0x6A, 0x02, 'a', 0, 0x45, 0x83, 0x02, 0x01}, err: ErrStringTable, offset: 8},
	{name: "STR_T unterminated", in: []byte{0x03, 0x01, 0x6A, 0x02, 'a', 'b', 0x45, 0x83, 0x00, 0x01}, err: ErrStringTable, offset: 8},
	{name: "LITERAL outside table", in: hdr(0x04, 0x00), err: ErrStringTable, offset: 5},
	{name: "attribute LITERAL outside table", in: hdr(0x85, 0x04, 0x03, 0x01), err: ErrStringTable, offset: 6},
	{name: "string before the root", in: hdr(0x03, 'a', 0x00, 0x05), err: ErrInvalidToken, offset: 4},
	{name: "OPAQUE before the root", in: hdr(0xC3, 0x00, 0x05), err: ErrInvalidToken, offset: 4},
	{name: "attribute list without attribute", in: hdr(0xC5, 0x01, 0x01), err: ErrInvalidToken, offset: 5},
	{name: "attribute value before attribute start", in: hdr(0x85, 0x85, 0x01), err: ErrInvalidToken, offset: 5},
	{name: "string before attribute start", in: hdr(0x85, 0x03, 'a', 0x00, 0x01), err: ErrInvalidToken, offset: 5},
	{name: "LITERAL_C in attribute list", in: hdr(0x85, 0x05, 0x44, 0x00), err: ErrInvalidToken, offset: 6},
	{name: "LITERAL_AC in attribute list", in: hdr(0x85, 0x05, 0xC4, 0x00), err: ErrInvalidToken, offset: 6},
	{name: "LITERAL_A in attribute list", in: hdr(0x85, 0x05, 0x84, 0x00), err: ErrInvalidToken, offset: 6},
	{name: "PI in attribute list", in: hdr(0x85, 0x05, 0x43, 0x05, 0x01, 0x01), err: ErrInvalidToken, offset: 6},
	{name: "PI without target", in: hdr(0x43, 0x01, 0x05), err: ErrInvalidToken, offset: 5},
	{name: "PI with two targets", in: hdr(0x43, 0x05, 0x06, 0x01, 0x05), err: ErrInvalidToken, offset: 6},
	{name: "PI truncated", in: hdr(0x43, 0x05), err: ErrTruncated, offset: 6},
	{name: "attribute list truncated", in: hdr(0x85, 0x05), err: ErrTruncated, offset: 6},
	{name: "SWITCH_PAGE truncated", in: hdr(0x45, 0x00), err: ErrTruncated, offset: 5},
	{name: "attribute SWITCH_PAGE truncated", in: hdr(0x85, 0x00), err: ErrTruncated, offset: 5},
	{name: "trailing data in strict mode", in: hdr(0x05, 0x05), opts: []Option{WithStrict(true)}, err: ErrTrailingData, offset: 5},
	{name: "trailing SWITCH_PAGE in strict mode", in: hdr(0x05, 0x00, 0x00), opts: []Option{WithStrict(true)}, err: ErrTrailingData, offset: 5},
	{name: "trailing PI truncated", in: hdr(0x05, 0x43), err: ErrTruncated, offset: 6},
	{name: "unknown tag in strict mode", in: hdr(0x45, 0x00, 0x07, 0x7F, 0x01, 0x01), opts: []Option{WithVocabulary(testVocab{}), WithStrict(true)}, err: ErrUnknownTag, offset: 7},
	{name: "US-ASCII high byte in strict mode", in: []byte{0x03, 0x01, 0x03, 0x00, 0x45, 0x03, 'A', 0xE9, 0x00, 0x01}, opts: []Option{WithStrict(true)}, err: ErrCharset, offset: 7},
	{name: "depth limit", in: hdr(0x45, 0x45, 0x45, 0x01, 0x01, 0x01), opts: []Option{WithMaxDepth(2)}, err: ErrDepth, offset: 6},
	{name: "depth limit literal", in: []byte{0x03, 0x01, 0x6A, 0x02, 'a', 0, 0x45, 0x44, 0x00, 0x01, 0x01}, opts: []Option{WithMaxDepth(1)}, err: ErrDepth, offset: 7},
	{name: "size limit", in: hdr(0x45, 0x03, 'a', 'b', 0x00, 0x01), opts: []Option{WithMaxSize(7)}, err: ErrTooLarge, offset: 7},
	{name: "size limit in header", in: hdr(0x05), opts: []Option{WithMaxSize(2)}, err: ErrTooLarge, offset: 2},
}

func TestDecodeErrors(t *testing.T) {
	for _, tt := range errCases {
		t.Run(tt.name, func(t *testing.T) {
			_, err := decodeAll(tt.in, tt.opts...)
			checkErr(t, err, tt)
		})
	}
}

func checkErr(t *testing.T, err error, tt errCase) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error, want %v", tt.err)
	}
	if !errors.Is(err, tt.err) {
		t.Errorf("error %v is not %v", err, tt.err)
	}
	if tt.also != nil && !errors.Is(err, tt.also) {
		t.Errorf("error %v is not also %v", err, tt.also)
	}
	se := syntaxErr(t, err)
	if se.Offset != tt.offset {
		t.Errorf("offset %d, want %d (%v)", se.Offset, tt.offset, err)
	}
	if se.Offset < 0 || se.Offset > int64(len(tt.in)) {
		t.Errorf("offset %d outside the input [0, %d]", se.Offset, len(tt.in))
	}
}

func TestSyntaxErrorMessage(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		opts []Option
		want string
	}{
		{"no path", hdr(0x01), nil, "wbxml: offset 4: END with no open element"},
		{"path without vocabulary", hdr(0x00, 0x07, 0x56, 0x4C), nil,
			"wbxml: offset 8: input ends with open elements (in /p7:0x16/p7:0x0C)"},
		{"path with vocabulary", hdr(0x45, 0x5C, 0x4F, 0x00, 0x11, 0x4A, 0x00, 0x07, 0x7F),
			[]Option{WithVocabulary(testVocab{}), WithStrict(true)},
			"wbxml: offset 12: tag not in the vocabulary (in /AirSync:Sync/Collections/Collection/AirSyncBase:Body)"},
		{"unknown elements in path", hdr(0x45, 0x7E, 0x03), []Option{WithVocabulary(testVocab{})},
			"wbxml: offset 6: input ends inside STR_I (no terminator) (in /AirSync:Sync/p0:0x3E)"},
		{"literal in path", []byte{0x03, 0x01, 0x6A, 0x04, 'f', 'o', 'o', 0, 0x44, 0x00, 0x45},
			nil, "wbxml: offset 11: input ends with open elements (in /foo/p0:0x05)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := decodeAll(tt.in, tt.opts...)
			if err == nil {
				t.Fatal("no error")
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("Error() =\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestDecodeErrorIsSticky(t *testing.T) {
	d := NewDecoder(hdr(0x45, 0x01, 0x01))
	var first error
	for range 10 {
		if _, err := d.ReadToken(); err != nil {
			first = err
			break
		}
	}
	if first == nil {
		t.Fatal("no error")
	}
	for range 3 {
		if _, err := d.ReadToken(); err != first {
			t.Fatalf("later call returned %v, want the first error %v", err, first)
		}
	}
	// io.EOF too.
	d.Reset(hdr(0x05))
	if _, err := collect(d); err != nil {
		t.Fatal(err)
	}
	if _, err := d.ReadToken(); err != io.EOF {
		t.Fatalf("after the end: %v, want io.EOF", err)
	}
}

func TestDecodeUnknownTags(t *testing.T) {
	in := hdr(0x45, 0x7E, 0x03, 'x', 0x00, 0x01, 0x00, 0x07, 0x16, 0x01)
	tests := []struct {
		name    string
		opts    []Option
		unknown []bool // per StartTag
		err     error
	}{
		{"no vocabulary: nothing is unknown", nil, []bool{false, false, false}, nil},
		{"no vocabulary, strict: nothing is unknown", []Option{WithStrict(true)}, []bool{false, false, false}, nil},
		{"lenient placeholder", []Option{WithVocabulary(testVocab{})}, []bool{false, true, false}, nil},
		{"strict", []Option{WithVocabulary(testVocab{}), WithStrict(true)}, nil, ErrUnknownTag},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks, err := decodeAll(in, tt.opts...)
			if !errors.Is(err, tt.err) {
				t.Fatalf("error %v, want %v", err, tt.err)
			}
			if err != nil {
				if se := syntaxErr(t, err); se.Offset != 5 {
					t.Errorf("offset %d, want 5", se.Offset)
				}
				return
			}
			var got []bool
			for _, tok := range toks {
				if tok.Kind == KindStartTag {
					got = append(got, tok.Unknown)
				}
				if tok.Kind == KindStartTag && tok.Unknown && (tok.Page != 0 || tok.Code != 0x3E) {
					t.Errorf("placeholder page %d token %#x, want 0, 0x3E", tok.Page, tok.Code)
				}
			}
			if diff := cmp.Diff(tt.unknown, got); diff != "" {
				t.Errorf("Unknown flags (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDecodeTrailingData(t *testing.T) {
	in := hdr(0x45, 0x01, 0x43, 0x05, 0x01, 0x99, 0x98)
	toks, err := decodeAll(in)
	if err != nil {
		t.Fatal(err)
	}
	if len(toks) != 5 || toks[4].Kind != KindEndPI {
		t.Fatalf("tokens %v, want start, end, PI, AttrStart, EndPI", toks)
	}
	d := NewDecoder(in)
	if _, err := collect(d); err != nil {
		t.Fatal(err)
	}
	if got := d.InputOffset(); got != 9 {
		t.Errorf("InputOffset after the end = %d, want 9 (start of the trailing bytes)", got)
	}
}

func TestDecodeCharsets(t *testing.T) {
	body := func(cs byte, s ...byte) []byte {
		return append(append([]byte{0x03, 0x01, cs, 0x00, 0x45, 0x03}, s...), 0x00, 0x01)
	}
	tests := []struct {
		name string
		in   []byte
		opts []Option
		data string
		raw  bool
	}{
		{"UTF-8 passed through", body(0x6A, 0xC3, 0xA9), nil, "é", false},
		{"UTF-8 not validated", body(0x6A, 0xFF, 'a'), nil, "\xFFa", false},
		{"ISO-8859-1 converted", body(0x04, 'c', 'a', 'f', 0xE9), nil, "café", false},
		{"ISO-8859-1 ASCII kept", body(0x04, 'a', 'b'), nil, "ab", false},
		{"US-ASCII", body(0x03, 'a', 'b'), nil, "ab", false},
		{"US-ASCII high byte read as Latin-1 when lenient", body(0x03, 0xE9), nil, "é", false},
		{"unknown charset 0 as UTF-8", body(0x00, 0xC3, 0xA9), nil, "é", false},
		{"Shift_JIS raw", body(0x11, 0x82, 0xA0), nil, "\x82\xA0", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks, err := decodeAll(tt.in, tt.opts...)
			if err != nil {
				t.Fatal(err)
			}
			s := toks[1]
			if s.Kind != KindString || string(s.Data) != tt.data || s.Raw != tt.raw {
				t.Errorf("got %v %q raw=%v, want String %q raw=%v", s.Kind, s.Data, s.Raw, tt.data, tt.raw)
			}
		})
	}
}

// TestDecodeWideCharsets checks that UTF-16 and UCS-4 documents use
// terminators of two and four zero bytes, aligned on the code unit.
func TestDecodeWideCharsets(t *testing.T) {
	// UTF-16BE (1013 = 0x87 0x75): "A" then U+0100 (01 00: a zero byte that
	// is not a terminator), terminator 00 00.
	u16 := []byte{0x03, 0x01, 0x87, 0x75, 0x04, 0x00, 'B', 0x00, 0x00,
		0x45, 0x03, 0x00, 'A', 0x01, 0x00, 0x00, 0x00, 0x83, 0x00, 0x01}
	toks, err := decodeAll(u16)
	if err != nil {
		t.Fatal(err)
	}
	want := []Token{
		{Kind: KindStartTag, Code: 5, Content: true, Offset: 9},
		{Kind: KindString, Data: []byte{0x00, 'A', 0x01, 0x00}, Raw: true, Offset: 10},
		{Kind: KindString, Form: FormTable, Data: []byte{0x00, 'B'}, Raw: true, Offset: 17},
		{Kind: KindEndTag, Code: 5, Content: true, Offset: 19},
	}
	if diff := cmp.Diff(want, toks, equateEmpty); diff != "" {
		t.Errorf("UTF-16BE tokens (-want +got):\n%s", diff)
	}
	// UTF-32LE (1019 = 0x87 0x7B): 'A' 00 00 00, terminator 00 00 00 00.
	u32 := []byte{0x03, 0x01, 0x87, 0x7B, 0x00, 0x45, 0x03, 'A', 0, 0, 0, 0, 0, 0, 0, 0x01}
	toks, err = decodeAll(u32)
	if err != nil {
		t.Fatal(err)
	}
	if got := toks[1].Data; !bytes.Equal(got, []byte{'A', 0, 0, 0}) {
		t.Errorf("UTF-32LE string % X, want 41 00 00 00", got)
	}
	// A UTF-16 string whose terminator is not aligned runs on.
	_, err = decodeAll([]byte{0x03, 0x01, 0x87, 0x75, 0x00, 0x45, 0x03, 'A', 0x00, 0x00, 0x01})
	if !errors.Is(err, ErrTruncated) {
		t.Errorf("misaligned UTF-16 terminator: %v, want ErrTruncated", err)
	}
}

func TestSkipElement(t *testing.T) {
	in, _ := fullDocument()
	d := NewDecoder(in)
	if err := d.SkipElement(); !errors.Is(err, ErrNesting) {
		t.Fatalf("SkipElement before the root: %v, want ErrNesting", err)
	}
	d.Reset(in)
	var kinds []Kind
	for {
		tok, err := d.ReadToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		kinds = append(kinds, tok.Kind)
		// Skip the content of the page-2 element, and the literal "N".
		if tok.Kind == KindStartTag && (tok.Page == 2 || string(tok.Data) == "N") {
			depth := d.StackDepth()
			if err := d.SkipElement(); err != nil {
				t.Fatal(err)
			}
			if d.StackDepth() != depth-1 {
				t.Errorf("depth after SkipElement %d, want %d", d.StackDepth(), depth-1)
			}
		}
	}
	want := []Kind{
		KindPI, KindAttrStart, KindString, KindEndPI,
		KindStartTag, KindAttrStart, KindString, KindAttrStart, KindAttrValue, KindEntity, KindOpaque, KindExt, KindEndAttrs,
		KindStartTag,             // page 2, skipped
		KindStartTag,             // N, skipped
		KindStartTag, KindEndTag, // lang
		KindStartTag, KindAttrStart, KindEndAttrs, KindEndTag, // item
		KindPI, KindAttrStart, KindEndPI,
		KindEndTag,
		KindPI, KindAttrStart, KindAttrValue, KindEndPI,
	}
	if diff := cmp.Diff(want, kinds); diff != "" {
		t.Errorf("kinds (-want +got):\n%s", diff)
	}
}

func TestStackDepthAndInputOffset(t *testing.T) {
	// <Sync><Status/>x</Sync>: 45 0E 03 'x' 00 01
	d := NewDecoder(hdr(0x45, 0x0E, 0x03, 'x', 0x00, 0x01))
	type step struct {
		kind   Kind
		depth  int
		offset int64
	}
	want := []step{
		{KindStartTag, 1, 5}, {KindStartTag, 2, 6}, {KindEndTag, 1, 6},
		{KindString, 1, 9}, {KindEndTag, 0, 10},
	}
	var got []step
	for {
		tok, err := d.ReadToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, step{tok.Kind, d.StackDepth(), d.InputOffset()})
	}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(step{})); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestDecodeResetReuse checks that Reset forgets the previous document and
// keeps or replaces options as documented.
func TestDecodeResetReuse(t *testing.T) {
	d := NewDecoder(hdr(0x45, 0x45, 0x01, 0x01), WithMaxDepth(1))
	if _, err := collect(d); !errors.Is(err, ErrDepth) {
		t.Fatalf("depth 2 with limit 1: %v, want ErrDepth", err)
	}
	d.Reset(hdr(0x45, 0x45, 0x01, 0x01)) // keeps the depth limit 1
	if _, err := collect(d); !errors.Is(err, ErrDepth) {
		t.Errorf("Reset without options dropped WithMaxDepth: %v", err)
	}
	d.Reset(w3cSimple, WithStrict(false)) // new options: the default depth limit
	got, err := collect(d)
	if err != nil {
		t.Fatalf("Reset with options kept the old depth limit: %v", err)
	}
	if diff := cmp.Diff(w3cSimpleTokens, got, equateEmpty); diff != "" {
		t.Errorf("after Reset (-want +got):\n%s", diff)
	}
}

// TestDecodeDefaultDepth checks the default limit of 256.
func TestDecodeDefaultDepth(t *testing.T) {
	nest := func(n int) []byte {
		b := hdr(bytes.Repeat([]byte{0x45}, n)...)
		return append(b, bytes.Repeat([]byte{0x01}, n)...)
	}
	if _, err := decodeAll(nest(DefaultMaxDepth)); err != nil {
		t.Errorf("depth %d: %v", DefaultMaxDepth, err)
	}
	_, err := decodeAll(nest(DefaultMaxDepth + 1))
	checkErr(t, err, errCase{in: nest(DefaultMaxDepth + 1), err: ErrDepth, offset: 4 + DefaultMaxDepth})
}

func TestDecodeSamples(t *testing.T) {
	for _, s := range samples(t) {
		if s.bad {
			continue
		}
		t.Run(s.name, func(t *testing.T) {
			toks, err := decodeAll(s.data)
			if err != nil {
				t.Fatal(err)
			}
			if len(toks) == 0 || toks[0].Kind != KindStartTag {
				t.Fatalf("first token %v, want a start tag", toks)
			}
		})
	}
}

// badSamples says how each file in bad/ must fail.
var badSamples = map[string]errCase{
	"bad-truncated-open-elements": {err: ErrTruncated, offset: 8},
	"bad-attribute-flag":          {err: ErrTruncated, offset: 7},
	"bad-unexpected-end":          {err: ErrNesting, offset: 4},
	"bad-mbuint32-too-long":       {err: ErrMbUint32, offset: 1},
	"bad-strtbl-length-overrun":   {err: ErrStringTable, offset: 3, also: ErrTruncated},
}

func TestDecodeBadSamples(t *testing.T) {
	seen := 0
	for _, s := range samples(t) {
		if !s.bad {
			continue
		}
		t.Run(s.name, func(t *testing.T) {
			tt, ok := badSamples[s.name]
			if !ok {
				_, err := decodeAll(s.data)
				if err == nil {
					t.Fatal("bad sample decodes without error")
				}
				t.Skipf("no expectation for this new bad sample; it fails with %v", err)
			}
			seen++
			tt.in = s.data
			_, err := decodeAll(s.data)
			checkErr(t, err, tt)
		})
	}
	if seen != len(badSamples) {
		t.Errorf("%d of %d expected bad samples found", seen, len(badSamples))
	}
}

// TestDecodeLimitsBeforeAllocation checks that a huge declared length
// allocates nothing in the []byte form.
func TestDecodeLimitsBeforeAllocation(t *testing.T) {
	testenv.SkipIfAllocsUnreliable(t)
	inputs := [][]byte{
		hdr(0x45, 0xC3, 0x8F, 0xFF, 0xFF, 0xFF, 0x7F),
		{0x03, 0x01, 0x6A, 0x8F, 0xFF, 0xFF, 0xFF, 0x7F},
	}
	d := NewDecoder(nil)
	for _, in := range inputs {
		allocs := testing.AllocsPerRun(20, func() {
			d.Reset(in)
			for {
				if _, err := d.ReadToken(); err != nil {
					break
				}
			}
		})
		// The error itself is allocated (a *SyntaxError and its message parts).
		if allocs > 4 {
			t.Errorf("% X: %v allocations", in, allocs)
		}
	}
}

func TestKindAndFormStrings(t *testing.T) {
	var names []string
	for k := KindInvalid; k <= KindLeaf+1; k++ {
		names = append(names, k.String())
	}
	for f := FormInline; f <= FormSingle+1; f++ {
		names = append(names, f.String())
	}
	want := "Invalid StartTag EndTag String Opaque Entity Ext PI EndPI AttrStart AttrValue EndAttrs Leaf Kind(13) Inline Table Single Form(3)"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func TestTokenTag(t *testing.T) {
	tests := []struct {
		tok  Token
		want uint16
	}{
		{Token{Kind: KindStartTag, Page: 0x11, Code: 0x0B}, 0x110B},
		{Token{Kind: KindEndTag, Page: 2, Code: 0x14}, 0x0214},
		{Token{Kind: KindStartTag, Literal: true, Value: 3}, 0},
		{Token{Kind: KindAttrStart, Page: 1, Code: 5}, 0},
	}
	for _, tt := range tests {
		if got := tt.tok.Tag(); got != tt.want {
			t.Errorf("%+v.Tag() = %#x, want %#x", tt.tok, got, tt.want)
		}
	}
}

// TestErrorPathBounded checks that an error deep inside elements with long
// literal names does not copy each name in full.
func TestErrorPathBounded(t *testing.T) {
	name := bytes.Repeat([]byte("n"), 10000)
	tbl := append(name, 0)
	in := append([]byte{0x03, 0x01, 0x6A}, AppendMbUint32(nil, uint32(len(tbl)))...)
	in = append(in, tbl...)
	for range 200 {
		in = append(in, 0x44, 0x00) // LITERAL_C "nnnn…"
	}
	_, err := decodeAll(in)
	se := syntaxErr(t, err)
	if len(se.Path) != 200 {
		t.Fatalf("path of %d elements, want 200", len(se.Path))
	}
	for _, e := range se.Path {
		if len(e.Name) > maxPathName {
			t.Fatalf("path name of %d bytes", len(e.Name))
		}
	}
	if n := len(err.Error()); n > 200*(maxPathName+1)+200 {
		t.Errorf("message of %d bytes", n)
	}
}

func TestCharsetConverted(t *testing.T) {
	for cs, want := range map[uint32]bool{
		CharsetUnknown: true, CharsetASCII: true, CharsetLatin1: true, CharsetUTF8: true,
		CharsetUTF16: false, CharsetUCS4: false, 17: false, 2026: false,
	} {
		if got := CharsetConverted(cs); got != want {
			t.Errorf("CharsetConverted(%d) = %v, want %v", cs, got, want)
		}
	}
}

// TestLatin1LongStrings converts strings longer than the 8-byte fast path,
// with the first high byte at every position.
func TestLatin1LongStrings(t *testing.T) {
	for i := range 20 {
		s := bytes.Repeat([]byte{'a'}, 20)
		s[i] = 0xE9
		in := append(append([]byte{0x03, 0x01, 0x04, 0x00, 0x45, 0x03}, s...), 0x00, 0x01)
		toks, err := decodeAll(in)
		if err != nil {
			t.Fatal(err)
		}
		want := strings.Repeat("a", i) + "é" + strings.Repeat("a", 19-i)
		if got := string(toks[1].Data); got != want {
			t.Errorf("high byte at %d: %q, want %q", i, got, want)
		}
	}
}
