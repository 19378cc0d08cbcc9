package wbxml

import (
	"bytes"
	"errors"
	"io"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// must fails the test on a non-nil error.
func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestEncodeW3CSimpleEvents(t *testing.T) {
	e := NewAppendEncoder(nil, WithHeader(Header{Version: Version11, PublicID: PublicIDUnknown, Charset: CharsetASCII}))
	must(t, e.StartTag(0, 0x07, false)) // XYZ
	must(t, e.StartTag(0, 0x06, false)) // CARD
	must(t, e.String([]byte(" X & Y")))
	must(t, e.StartTag(0, 0x05, false)) // BR
	must(t, e.EndTag())
	must(t, e.String([]byte(" X")))
	must(t, e.Entity(160))
	must(t, e.String([]byte("=")))
	must(t, e.Entity(160))
	must(t, e.String([]byte("1 ")))
	must(t, e.EndTag())
	must(t, e.EndTag())
	if got := e.Bytes(); !bytes.Equal(got, w3cSimple) {
		t.Errorf("got  % X\nwant % X", got, w3cSimple)
	}
}

func TestEncodeW3CExpandedEvents(t *testing.T) {
	e := NewAppendEncoder(nil, WithHeader(Header{Version: Version11, PublicID: PublicIDUnknown, Charset: CharsetUTF8, StringTable: w3cExpandedTable}))
	must(t, e.StartTag(0, 0x07, false)) // XYZ
	must(t, e.StartTag(0, 0x05, true))  // CARD
	must(t, e.AttrStart(0, 0x09))       // NAME=
	must(t, e.TableString(0))           // "abc"
	must(t, e.AttrStart(0, 0x05))       // STYLE="LIST"
	must(t, e.EndAttrs())
	must(t, e.StartTag(0, 0x08, true)) // DO
	must(t, e.AttrStart(0, 0x06))      // TYPE=
	must(t, e.AttrValue(0, 0x86))      // "ACCEPT"
	must(t, e.AttrStart(0, 0x08))      // URL="http://"
	must(t, e.String([]byte("xyz")))
	must(t, e.AttrValue(0, 0x85)) // ".org"
	must(t, e.String([]byte("/s")))
	must(t, e.EndAttrs())
	must(t, e.EndTag())
	must(t, e.TableString(4))          // " Enter name: "
	must(t, e.StartTag(0, 0x06, true)) // INPUT
	must(t, e.AttrStart(0, 0x07))      // TYPE="TEXT"
	must(t, e.AttrStart(0, 0x0A))      // KEY=
	must(t, e.String([]byte("N")))
	must(t, e.EndAttrs())
	must(t, e.EndTag())
	must(t, e.EndTag())
	must(t, e.EndTag())
	if got := e.Bytes(); !bytes.Equal(got, w3cExpanded) {
		t.Errorf("got  % X\nwant % X", got, w3cExpanded)
	}
}

// TestEncodeTokens writes decoded token lists back, byte for byte.
func TestEncodeTokens(t *testing.T) {
	full, fullToks := fullDocument()
	tests := []struct {
		name   string
		header Header
		toks   []Token
		want   []byte
	}{
		{"w3c simple", Header{Version: 1, PublicID: 1, Charset: 3}, w3cSimpleTokens, w3cSimple},
		{"w3c expanded", Header{Version: 1, PublicID: 1, Charset: 106, StringTable: w3cExpandedTable}, w3cExpandedTokens, w3cExpanded},
		{"full token set", Header{Version: 3, PublicID: 0, PublicIDIndex: 0, Charset: 106, StringTable: fullTable}, fullToks, full},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := encodeAll(tt.header, tt.toks)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, tt.want) {
				t.Errorf("got  % X\nwant % X", got, tt.want)
			}
		})
	}
}

func TestEncodeEvents(t *testing.T) {
	type ev func(e *Encoder) error
	start := func(page, code uint8) ev { return func(e *Encoder) error { return e.StartTag(page, code, false) } }
	startA := func(page, code uint8) ev { return func(e *Encoder) error { return e.StartTag(page, code, true) } }
	end := func(e *Encoder) error { return e.EndTag() }
	str := func(s string) ev { return func(e *Encoder) error { return e.String([]byte(s)) } }
	opq := func(b ...byte) ev { return func(e *Encoder) error { return e.Opaque(b) } }
	attr := func(page, code uint8) ev { return func(e *Encoder) error { return e.AttrStart(page, code) } }
	endAttrs := func(e *Encoder) error { return e.EndAttrs() }
	tests := []struct {
		name string
		evs  []ev
		want []byte // after the header
	}{
		{"empty root", []ev{start(7, 0x16), end}, []byte{0x00, 0x07, 0x16}},
		{"FolderSync SyncKey 0", []ev{start(7, 0x16), start(7, 0x12), str("0"), end, end},
			[]byte{0x00, 0x07, 0x56, 0x52, 0x03, '0', 0x00, 0x01, 0x01}},
		{"empty string is not an empty element", []ev{start(0, 0x05), start(0, 0x1C), str(""), end, start(0, 0x1C), end, end},
			[]byte{0x45, 0x5C, 0x03, 0x00, 0x01, 0x1C, 0x01}},
		{"empty OPAQUE", []ev{start(0, 0x05), opq(), end}, []byte{0x45, 0xC3, 0x00, 0x01}},
		{"OPAQUE with multi-byte length", []ev{start(0, 0x05), opq(make([]byte, 200)...), end},
			append(append([]byte{0x45, 0xC3, 0x81, 0x48}, make([]byte, 200)...), 0x01)},
		{"page switches only where the page changes",
			[]ev{start(0, 0x05), start(2, 0x14), end, start(2, 0x15), end, start(17, 0x0A), start(17, 0x0B), end, end, start(2, 0x16), end, start(0, 0x0E), end, end},
			[]byte{0x45, 0x00, 0x02, 0x14, 0x15, 0x00, 0x11, 0x4A, 0x0B, 0x01, 0x00, 0x02, 0x16, 0x00, 0x00, 0x0E, 0x01}},
		{"attributes without content", []ev{startA(0, 0x05), attr(0, 0x06), endAttrs, end}, []byte{0x85, 0x06, 0x01}},
		{"attributes with content", []ev{startA(0, 0x05), attr(0, 0x06), str("v"), endAttrs, str("c"), end},
			[]byte{0xC5, 0x06, 0x03, 'v', 0x00, 0x01, 0x03, 'c', 0x00, 0x01}},
		{"attribute page switch", []ev{startA(0, 0x05), attr(1, 0x06), attr(1, 0x07), endAttrs, startA(0, 0x06), attr(1, 0x05), endAttrs, end, end},
			[]byte{0xC5, 0x00, 0x01, 0x06, 0x07, 0x01, 0x86, 0x05, 0x01, 0x01}},
		{"entity and extensions", []ev{start(0, 0x05),
			func(e *Encoder) error { return e.Entity(0x10FFFF) },
			func(e *Encoder) error { return e.ExtInline(1, []byte("v")) },
			func(e *Encoder) error { return e.ExtTable(2, 300) },
			func(e *Encoder) error { return e.Ext(0) },
			end},
			[]byte{0x45, 0x02, 0xC3, 0xFF, 0x7F, 0x41, 'v', 0x00, 0x82, 0x82, 0x2C, 0xC0, 0x01}},
		{"PIs around and inside the root", []ev{
			func(e *Encoder) error { return e.PI() }, attr(0, 0x05), func(e *Encoder) error { return e.EndPI() },
			start(0, 0x05),
			func(e *Encoder) error { return e.PI() }, attr(0, 0x06), str("x"), func(e *Encoder) error { return e.EndPI() },
			end,
			func(e *Encoder) error { return e.PI() }, attr(0, 0x07), func(e *Encoder) error { return e.EndPI() }},
			[]byte{0x43, 0x05, 0x01, 0x45, 0x43, 0x06, 0x03, 'x', 0x00, 0x01, 0x01, 0x43, 0x07, 0x01}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := NewAppendEncoder([]byte("prefix"))
			for i, f := range tt.evs {
				if err := f(e); err != nil {
					t.Fatalf("event %d: %v", i, err)
				}
			}
			want := append([]byte("prefix\x03\x01\x6A\x00"), tt.want...)
			if got := e.Bytes(); !bytes.Equal(got, want) {
				t.Errorf("got  % X\nwant % X", got, want)
			}
			if e.OutputOffset() != int64(len(want)-len("prefix")) {
				t.Errorf("OutputOffset %d, want %d", e.OutputOffset(), len(want)-len("prefix"))
			}
			// The writer form writes the same bytes.
			var w bytes.Buffer
			ew := NewEncoder(&w, WithBufferSize(1))
			for _, f := range tt.evs {
				if err := f(ew); err != nil {
					t.Fatal(err)
				}
			}
			must(t, ew.Flush())
			if !bytes.Equal(w.Bytes(), want[len("prefix"):]) {
				t.Errorf("writer form: got % X\nwant % X", w.Bytes(), want[len("prefix"):])
			}
		})
	}
}

// TestEncodeRejects checks every rejected call: the error, and that the
// Encoder is unchanged: same bytes at once, and the same output when the
// document is finished as if the call had not been made.
func TestEncodeRejects(t *testing.T) {
	type step func(e *Encoder) error
	open := func(page, code uint8) step { return func(e *Encoder) error { return e.StartTag(page, code, false) } }
	openA := func(e *Encoder) error { return e.StartTag(0, 0x05, true) }
	closeTag := func(e *Encoder) error { return e.EndTag() }
	attr := func(e *Encoder) error { return e.AttrStart(0, 0x06) }
	endAttrs := func(e *Encoder) error { return e.EndAttrs() }
	pi := func(e *Encoder) error { return e.PI() }
	endPI := func(e *Encoder) error { return e.EndPI() }
	str := func(e *Encoder) error { return e.String([]byte("s")) }
	tests := []struct {
		name   string
		opts   []Option
		setup  []step
		bad    step
		err    error
		finish []step
	}{
		{"end tag before the root", nil, nil, closeTag, ErrNesting, []step{open(0, 5), closeTag}},
		{"end tag after the root", nil, []step{open(0, 5), closeTag}, closeTag, ErrNesting, nil},
		{"second root", nil, []step{open(0, 5), closeTag}, open(0, 6), ErrNesting, nil},
		{"string before the root", nil, nil, str, ErrNesting, []step{open(0, 5), closeTag}},
		{"opaque after the root", nil, []step{open(0, 5), closeTag}, func(e *Encoder) error { return e.Opaque(nil) }, ErrNesting, nil},
		{"entity before the root", nil, nil, func(e *Encoder) error { return e.Entity(1) }, ErrNesting, []step{open(0, 5), closeTag}},
		{"tag token too small", nil, []step{open(0, 5)}, open(1, 4), ErrInvalidToken, []step{closeTag}},
		{"tag token with bits", nil, []step{open(0, 5)}, open(1, 0x45), ErrInvalidToken, []step{closeTag}},
		{"page unchanged after a rejected tag", nil, []step{open(0, 5)}, open(3, 0x40), ErrInvalidToken, []step{open(0, 6), closeTag, closeTag}},
		{"end tag in attribute list", nil, []step{openA, attr}, closeTag, ErrNesting, []step{endAttrs, closeTag}},
		{"start tag in attribute list", nil, []step{openA, attr}, open(0, 6), ErrNesting, []step{endAttrs, closeTag}},
		{"EndAttrs before an attribute", nil, []step{openA}, endAttrs, ErrNesting, []step{attr, endAttrs, closeTag}},
		{"string before an attribute", nil, []step{openA}, str, ErrNesting, []step{attr, endAttrs, closeTag}},
		{"attribute value before an attribute", nil, []step{openA}, func(e *Encoder) error { return e.AttrValue(0, 0x85) }, ErrNesting, []step{attr, endAttrs, closeTag}},
		{"attribute outside a list", nil, []step{open(0, 5)}, attr, ErrNesting, []step{closeTag}},
		{"attribute start token out of range", nil, []step{openA}, func(e *Encoder) error { return e.AttrStart(0, 0x85) }, ErrInvalidToken, []step{attr, endAttrs, closeTag}},
		{"attribute start global token", nil, []step{openA}, func(e *Encoder) error { return e.AttrStart(0, 0x43) }, ErrInvalidToken, []step{attr, endAttrs, closeTag}},
		{"attribute value token out of range", nil, []step{openA, attr}, func(e *Encoder) error { return e.AttrValue(0, 0x45) }, ErrInvalidToken, []step{endAttrs, closeTag}},
		{"attribute value global token", nil, []step{openA, attr}, func(e *Encoder) error { return e.AttrValue(0, 0xC3) }, ErrInvalidToken, []step{endAttrs, closeTag}},
		{"attribute page unchanged after a rejected token", nil, []step{openA}, func(e *Encoder) error { return e.AttrStart(4, 0x03) }, ErrInvalidToken, []step{attr, endAttrs, closeTag}},
		{"EndPI outside a PI", nil, []step{open(0, 5)}, endPI, ErrNesting, []step{closeTag}},
		{"EndPI before the target", nil, []step{pi}, endPI, ErrNesting, []step{attr, endPI, open(0, 5), closeTag}},
		{"PI in a PI", nil, []step{pi, attr}, pi, ErrNesting, []step{endPI, open(0, 5), closeTag}},
		{"PI in an attribute list", nil, []step{openA, attr}, pi, ErrNesting, []step{endAttrs, closeTag}},
		{"second PI target", nil, []step{pi, attr}, attr, ErrNesting, []step{endPI, open(0, 5), closeTag}},
		{"string with NUL", nil, []step{open(0, 5)}, func(e *Encoder) error { return e.String([]byte("a\x00b")) }, ErrInvalidToken, []step{str, closeTag}},
		{"extension index 3", nil, []step{open(0, 5)}, func(e *Encoder) error { return e.Ext(3) }, ErrInvalidToken, []step{closeTag}},
		{"STR_T outside the table", nil, []step{open(0, 5)}, func(e *Encoder) error { return e.TableString(0) }, ErrStringTable, []step{closeTag}},
		{"LITERAL outside the table", nil, []step{open(0, 5)}, func(e *Encoder) error { return e.StartLiteral(1, false) }, ErrStringTable, []step{closeTag}},
		{"attribute LITERAL outside the table", nil, []step{openA}, func(e *Encoder) error { return e.AttrLiteral(0) }, ErrStringTable, []step{attr, endAttrs, closeTag}},
		{"depth limit", []Option{WithMaxDepth(2)}, []step{open(0, 5), open(0, 6)}, open(0, 7), ErrDepth, []step{closeTag, closeTag}},
		{"depth limit literal", []Option{WithMaxDepth(1), WithHeader(Header{Version: 3, PublicID: 1, Charset: 106, StringTable: []byte("a\x00")})},
			[]step{open(0, 5)}, func(e *Encoder) error { return e.StartLiteral(0, false) }, ErrDepth, []step{closeTag}},
		{"unknown tag in strict mode", []Option{WithVocabulary(testVocab{}), WithStrict(true)}, []step{open(0, 5)}, open(0, 0x3F), ErrUnknownTag, []step{closeTag}},
		{"character outside Latin-1", []Option{WithHeader(Header{Version: 3, PublicID: 1, Charset: CharsetLatin1})},
			[]step{open(0, 5)}, func(e *Encoder) error { return e.String([]byte("a€")) }, ErrCharset, []step{closeTag}},
		{"invalid UTF-8 for Latin-1", []Option{WithHeader(Header{Version: 3, PublicID: 1, Charset: CharsetLatin1})},
			[]step{open(0, 5)}, func(e *Encoder) error { return e.String([]byte("a\xFF")) }, ErrCharset, []step{closeTag}},
		{"non-ASCII in strict US-ASCII", []Option{WithStrict(true), WithHeader(Header{Version: 3, PublicID: 1, Charset: CharsetASCII})},
			[]step{open(0, 5)}, func(e *Encoder) error { return e.String([]byte("é")) }, ErrCharset, []step{closeTag}},
		{"odd length in UTF-16", []Option{WithHeader(Header{Version: 3, PublicID: 1, Charset: CharsetUTF16BE})},
			[]step{open(0, 5)}, func(e *Encoder) error { return e.String([]byte{0, 'a', 0}) }, ErrInvalidToken, []step{closeTag}},
		{"invalid kind", nil, []step{open(0, 5)}, func(e *Encoder) error { return e.WriteToken(&Token{}) }, ErrInvalidToken, []step{closeTag}},
	}
	run := func(t *testing.T, opts []Option, steps []step) *Encoder {
		t.Helper()
		e := NewAppendEncoder(nil, opts...)
		for i, s := range steps {
			if err := s(e); err != nil {
				t.Fatalf("step %d: %v", i, err)
			}
		}
		return e
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := run(t, tt.opts, tt.setup)
			before := bytes.Clone(e.Bytes())
			depth := e.StackDepth()
			err := tt.bad(e)
			if !errors.Is(err, tt.err) {
				t.Fatalf("error %v, want %v", err, tt.err)
			}
			se := syntaxErr(t, err)
			if se.Offset != int64(len(before)) {
				t.Errorf("error offset %d, want the output offset %d", se.Offset, len(before))
			}
			if !bytes.Equal(e.Bytes(), before) || e.StackDepth() != depth {
				t.Fatalf("rejected call changed the output: % X -> % X", before, e.Bytes())
			}
			for i, s := range tt.finish {
				if err := s(e); err != nil {
					t.Fatalf("finish step %d after the rejected call: %v", i, err)
				}
			}
			want := run(t, tt.opts, append(append([]step{}, tt.setup...), tt.finish...)).Bytes()
			if !bytes.Equal(e.Bytes(), want) {
				t.Errorf("output after a rejected call % X, want % X", e.Bytes(), want)
			}
		})
	}
}

func TestEncodeHeaders(t *testing.T) {
	tests := []struct {
		name string
		h    Header
		want []byte
	}{
		{"default", DefaultHeader(), []byte{0x03, 0x01, 0x6A, 0x00}},
		{"wbxml 1.0 without charset", Header{Version: 0, PublicID: 2}, []byte{0x00, 0x02, 0x00}},
		{"public id in table", Header{Version: 3, PublicID: 0, PublicIDIndex: 2, Charset: 106, StringTable: []byte("a\x00bc\x00")},
			[]byte{0x03, 0x00, 0x02, 0x6A, 0x05, 'a', 0, 'b', 'c', 0}},
		{"multi-byte fields", Header{Version: 2, PublicID: 0x1201, Charset: 2026}, []byte{0x02, 0xA4, 0x01, 0x8F, 0x6A, 0x00}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := NewAppendEncoder(nil, WithHeader(tt.h))
			if got := e.Bytes(); !bytes.Equal(got, tt.want) {
				t.Errorf("got % X, want % X", got, tt.want)
			}
			if got := AppendHeader([]byte{1}, &tt.h); !bytes.Equal(got[1:], tt.want) {
				t.Errorf("AppendHeader: got % X, want % X", got[1:], tt.want)
			}
			// And it decodes back.
			must(t, e.StartTag(0, 5, false))
			must(t, e.EndTag())
			d := NewDecoder(e.Bytes())
			h, err := d.Header()
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.h, h, equateEmpty); diff != "" {
				t.Errorf("decoded header (-want +got):\n%s", diff)
			}
		})
	}
}

func TestEncodeBadHeader(t *testing.T) {
	tests := []struct {
		name string
		h    Header
		err  error
	}{
		{"version 2.0", Header{Version: 0x10, PublicID: 1, Charset: 106}, ErrVersion},
		{"public id index outside the table", Header{Version: 3, PublicID: 0, PublicIDIndex: 3, Charset: 106, StringTable: []byte("ab\x00")}, ErrStringTable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := NewAppendEncoder(nil, WithHeader(tt.h))
			if len(e.Bytes()) != 0 {
				t.Errorf("a bad header was written: % X", e.Bytes())
			}
			for range 2 {
				if err := e.StartTag(0, 5, false); !errors.Is(err, tt.err) {
					t.Errorf("StartTag: %v, want %v", err, tt.err)
				}
			}
			if err := e.Flush(); !errors.Is(err, tt.err) {
				t.Errorf("Flush: %v, want %v", err, tt.err)
			}
		})
	}
}

func TestEncodeCharsets(t *testing.T) {
	tests := []struct {
		name    string
		charset uint32
		strict  bool
		tok     Token
		want    []byte
	}{
		{"UTF-8 as is", CharsetUTF8, false, Token{Kind: KindString, Data: []byte("é")}, []byte{0xC3, 0xA9}},
		{"Latin-1 converted", CharsetLatin1, false, Token{Kind: KindString, Data: []byte("café")}, []byte("caf\xE9")},
		{"US-ASCII lenient writes Latin-1", CharsetASCII, false, Token{Kind: KindString, Data: []byte("é")}, []byte{0xE9}},
		{"raw token as is", CharsetLatin1, false, Token{Kind: KindString, Data: []byte{0xE9}, Raw: true}, []byte{0xE9}},
		{"EXT_I converted", CharsetLatin1, false, Token{Kind: KindExt, Form: FormInline, Data: []byte("ü")}, []byte{0xFC}},
		{"unconverted charset as is", 17, false, Token{Kind: KindString, Data: []byte{0x82, 0xA0}}, []byte{0x82, 0xA0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := Header{Version: 3, PublicID: 1, Charset: tt.charset}
			e := NewAppendEncoder(nil, WithHeader(h), WithStrict(tt.strict))
			must(t, e.StartTag(0, 5, false))
			mark := len(e.Bytes())
			must(t, e.WriteToken(&tt.tok))
			got := e.Bytes()[mark+1 : len(e.Bytes())-1] // drop the token byte and terminator
			if !bytes.Equal(got, tt.want) {
				t.Errorf("got % X, want % X", got, tt.want)
			}
			must(t, e.EndTag())
			// Decoding gives the text back (as UTF-8 where converted).
			toks, err := decodeAll(e.Bytes())
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(toks[1].Data, tt.tok.Data) && !tt.tok.Raw {
				t.Errorf("decoded %q, want %q", toks[1].Data, tt.tok.Data)
			}
		})
	}
}

// TestEncodeWideCharset checks that strings in UTF-16 documents get two
// zero bytes as terminator.
func TestEncodeWideCharset(t *testing.T) {
	e := NewAppendEncoder(nil, WithHeader(Header{Version: 3, PublicID: 1, Charset: CharsetUTF16BE}))
	must(t, e.StartTag(0, 5, false))
	must(t, e.String([]byte{0x00, 'A', 0x01, 0x00}))
	must(t, e.EndTag())
	want := []byte{0x03, 0x01, 0x87, 0x75, 0x00, 0x45, 0x03, 0x00, 'A', 0x01, 0x00, 0x00, 0x00, 0x01}
	if !bytes.Equal(e.Bytes(), want) {
		t.Errorf("got % X, want % X", e.Bytes(), want)
	}
}

// recordWriter records the size of every Write.
type recordWriter struct {
	bytes.Buffer
	writes []int
}

func (w *recordWriter) Write(p []byte) (int, error) {
	w.writes = append(w.writes, len(p))
	return w.Buffer.Write(p)
}

// TestEncodeWriterBuffer checks the writer form's bounded buffer: large
// strings and OPAQUE go straight through, and the held start tag keeps
// its content bit clearable across a flush.
func TestEncodeWriterBuffer(t *testing.T) {
	big := bytes.Repeat([]byte("x"), 5000)
	var w recordWriter
	e := NewEncoder(&w, WithBufferSize(1024))
	must(t, e.StartTag(0, 5, false))
	for range 10 {
		must(t, e.StartTag(0, 6, false))
		must(t, e.String(big))
		must(t, e.EndTag())
		must(t, e.StartTag(0, 7, false))
		must(t, e.Opaque(big))
		must(t, e.EndTag())
		must(t, e.StartTag(0, 8, false)) // empty: its content bit must still be cleared
		must(t, e.EndTag())
	}
	must(t, e.EndTag())
	if e.StackDepth() != 0 {
		t.Fatal("open elements")
	}
	// The document is complete: everything is flushed without Flush.
	want := NewAppendEncoder(nil)
	must(t, want.StartTag(0, 5, false))
	for range 10 {
		must(t, want.StartTag(0, 6, false))
		must(t, want.String(big))
		must(t, want.EndTag())
		must(t, want.StartTag(0, 7, false))
		must(t, want.Opaque(big))
		must(t, want.EndTag())
		must(t, want.StartTag(0, 8, false))
		must(t, want.EndTag())
	}
	must(t, want.EndTag())
	if !bytes.Equal(w.Bytes(), want.Bytes()) {
		t.Fatalf("writer form differs from append form (%d vs %d bytes)", w.Len(), len(want.Bytes()))
	}
	for _, n := range w.writes {
		if n > 1024+16 && n != len(big) {
			t.Errorf("a write of %d bytes: neither bounded by the buffer nor a direct data write", n)
		}
	}
	if cap(e.buf) > 4096 {
		t.Errorf("buffer grew to %d bytes", cap(e.buf))
	}
}

// TestEncodeFlushKeepsContentBit checks Flush with an open start tag.
func TestEncodeFlushKeepsContentBit(t *testing.T) {
	var w bytes.Buffer
	e := NewEncoder(&w)
	must(t, e.StartTag(0, 5, false))
	must(t, e.StartTag(0, 6, false))
	must(t, e.Flush())
	must(t, e.EndTag())
	must(t, e.EndTag())
	want := []byte{0x03, 0x01, 0x6A, 0x00, 0x45, 0x46, 0x01, 0x01}
	if !bytes.Equal(w.Bytes(), want) {
		t.Errorf("got % X, want % X", w.Bytes(), want)
	}
	toks, err := decodeAll(w.Bytes())
	if err != nil || len(toks) != 4 {
		t.Errorf("decoding: %v, %v", toks, err)
	}
}

// failWriter fails every write.
type failWriter struct{ err error }

func (w failWriter) Write(p []byte) (int, error) { return 0, w.err }

// shortWriter writes one byte less than asked, without error.
type shortWriter struct{}

func (shortWriter) Write(p []byte) (int, error) { return max(len(p)-1, 0), nil }

func TestEncodeWriteErrors(t *testing.T) {
	ioErr := errors.New("disk full")
	tests := []struct {
		name string
		w    io.Writer
		err  error
	}{
		{"failing writer", failWriter{ioErr}, ioErr},
		{"short writer", shortWriter{}, io.ErrShortWrite},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := NewEncoder(tt.w)
			must(t, e.StartTag(0, 5, false))
			if err := e.EndTag(); err != tt.err { // the end of the document flushes
				t.Fatalf("EndTag: %v, want %v", err, tt.err)
			}
			if err := e.Flush(); err != tt.err {
				t.Errorf("Flush after the error: %v, want %v", err, tt.err)
			}
			if err := e.PI(); err != tt.err {
				t.Errorf("PI after the error: %v, want %v", err, tt.err)
			}
			// Reset clears the error.
			var w bytes.Buffer
			e.Reset(&w)
			must(t, e.StartTag(0, 5, false))
			must(t, e.EndTag())
			if !bytes.Equal(w.Bytes(), []byte{0x03, 0x01, 0x6A, 0x00, 0x05}) {
				t.Errorf("after Reset: % X", w.Bytes())
			}
		})
	}
}

// TestEncodeResetForms switches one Encoder between the two forms.
func TestEncodeResetForms(t *testing.T) {
	want := []byte{0x03, 0x01, 0x6A, 0x00, 0x45, 0x03, 'a', 0x00, 0x01}
	write := func(e *Encoder) {
		must(t, e.StartTag(0, 5, false))
		must(t, e.String([]byte("a")))
		must(t, e.EndTag())
	}
	var w bytes.Buffer
	e := NewEncoder(&w)
	write(e)
	e.ResetAppend(nil)
	write(e)
	if !bytes.Equal(e.Bytes(), want) || !bytes.Equal(w.Bytes(), want) {
		t.Errorf("append % X, writer % X, want % X", e.Bytes(), w.Bytes(), want)
	}
	w.Reset()
	e.Reset(&w)
	write(e)
	if !bytes.Equal(w.Bytes(), want) {
		t.Errorf("writer again % X", w.Bytes())
	}
}
