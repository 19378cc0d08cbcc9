package fuzz

import (
	"bytes"
	"errors"
	"fmt"
	"testing"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/wbxml"
)

// xmlStyle is a combination of XML output options chosen by a fuzz byte.
type xmlStyle struct {
	indent      int  // bits 0–1: 0, 1, 2 or 4 spaces
	schemaForm  bool // bit 2: namespaces in the schema form ("AirSync")
	prefixes    bool // bit 3: every namespace on the root, with prefixes
	declaration bool // bit 4 clear: the XML declaration
	docType     bool // bit 5 clear: the DOCTYPE
	strict      bool // bit 6: strict mode
}

func styleOf(sel byte) xmlStyle {
	return xmlStyle{
		indent:      []int{0, 1, 2, 4}[sel&3],
		schemaForm:  sel&4 != 0,
		prefixes:    sel&8 != 0,
		declaration: sel&16 == 0,
		docType:     sel&32 == 0,
		strict:      sel&64 != 0,
	}
}

func (s xmlStyle) String() string {
	return fmt.Sprintf("indent %d, schema form %t, prefixes %t, declaration %t, DOCTYPE %t, strict %t",
		s.indent, s.schemaForm, s.prefixes, s.declaration, s.docType, s.strict)
}

// options returns the wbxml options of the style.
func (s xmlStyle) options() []wbxml.Option {
	form := codepages.ColonForm
	if s.schemaForm {
		form = codepages.SchemaForm
	}
	return []wbxml.Option{
		wbxml.WithVocabulary(codepages.ActiveSync),
		wbxml.WithIndent(s.indent),
		wbxml.WithNamespaceForm(form),
		wbxml.WithPrefixes(s.prefixes),
		wbxml.WithXMLDeclaration(s.declaration),
		wbxml.WithDocType(s.docType),
		wbxml.WithStrict(s.strict),
	}
}

// canonical reports whether the WBXML in is canonical, as docs/design.md
// defines it: decoding it and encoding the tokens again with the canonical
// header (03 01 6A 00) gives the same bytes (so there is no string table
// and no redundant SWITCH_PAGE), no element holds two strings in a row
// (XML text is one string: they come back merged), and there is no ENTITY
// (XML has character references, which come back as text).
func canonical(in []byte) bool {
	toks, err := ourDecode(in)
	if err != nil {
		return false
	}
	e := wbxml.NewAppendEncoder(nil)
	for i := range toks {
		if toks[i].Kind == wbxml.KindEntity || i > 0 && toks[i].Kind == wbxml.KindString && toks[i-1].Kind == wbxml.KindString {
			return false
		}
		if e.WriteToken(&toks[i]) != nil {
			return false
		}
	}
	return bytes.Equal(e.Bytes(), in)
}

// FuzzWBXMLRoundTrip converts any WBXML to XML in a style chosen by the
// fuzz byte, and back, and checks that
//
//   - a failure is a *wbxml.SyntaxError inside the input;
//   - the XML reads back (in lenient mode) and writes again as the same
//     text: WBXML → XML → WBXML → XML is stable;
//   - the WBXML that comes back is a fixed point of XML → WBXML;
//   - canonical input comes back byte for byte;
//   - the style does not change the content: the XML of the round-tripped
//     WBXML in the default style equals the input's XML in that style.
func FuzzWBXMLRoundTrip(f *testing.F) {
	def := wbxml.NewXMLWriter(wbxml.WithVocabulary(codepages.ActiveSync))
	reader := wbxml.NewXMLReader(wbxml.WithVocabulary(codepages.ActiveSync))
	f.Fuzz(func(t *testing.T, in []byte, sel byte) {
		style := styleOf(sel)
		w := wbxml.NewXMLWriter(style.options()...)
		x1, err := w.AppendXML(nil, in)
		if err != nil {
			var se *wbxml.SyntaxError
			if !errors.As(err, &se) || se.Offset < 0 || se.Offset > int64(len(in)) {
				t.Fatalf("%v: error %v (%T): want a *SyntaxError inside the input", style, err, err)
			}
			return
		}
		w1, err := reader.AppendWBXML(nil, x1)
		if err != nil {
			t.Fatalf("%v: our XML does not read back: %v\n%s", style, err, x1)
		}
		x2, err := w.AppendXML(nil, w1)
		if err != nil {
			t.Fatalf("%v: the WBXML read back does not convert: %v\n% X", style, err, w1)
		}
		if !bytes.Equal(x1, x2) {
			t.Fatalf("%v: WBXML → XML → WBXML → XML changed the XML:\n%s\n---\n%s", style, x1, x2)
		}
		w2, err := reader.AppendWBXML(nil, x2)
		if err != nil || !bytes.Equal(w1, w2) {
			t.Fatalf("%v: the WBXML is not a fixed point (%v):\n% X\n% X", style, err, w1, w2)
		}
		if canonical(in) && !bytes.Equal(w1, in) {
			t.Fatalf("%v: canonical input changed:\n in % X\nout % X\n%s", style, in, w1, x1)
		}
		d1, err1 := def.AppendXML(nil, in)
		d2, err2 := def.AppendXML(nil, w1)
		if err1 != nil || err2 != nil || !bytes.Equal(d1, d2) {
			t.Fatalf("%v: the style changed the content (%v, %v):\n%s\n---\n%s", style, err1, err2, d1, d2)
		}
	})
}

// FuzzXMLRoundTrip reads any XML to WBXML (strict or lenient, keeping
// white space or not, per the fuzz byte) and checks that
//
//   - a failure is an *wbxml.XMLError (or an encoder *SyntaxError) inside
//     the input;
//   - the WBXML, written as XML in the chosen style and read again, gives
//     the same WBXML (a fixed point), and that XML is stable: writing the
//     WBXML read back gives the same text.
func FuzzXMLRoundTrip(f *testing.F) {
	f.Fuzz(func(t *testing.T, doc []byte, sel byte) {
		style := styleOf(sel)
		keepSpace := sel&128 != 0
		r := wbxml.NewXMLReader(wbxml.WithVocabulary(codepages.ActiveSync), wbxml.WithStrict(style.strict), wbxml.WithKeepSpace(keepSpace))
		w1, err := r.AppendWBXML(nil, doc)
		if err != nil {
			var xe *wbxml.XMLError
			var se *wbxml.SyntaxError
			switch {
			case errors.As(err, &xe):
				if xe.Offset < 0 || xe.Offset > int64(len(doc)) || xe.Line < 1 || xe.Column < 1 {
					t.Fatalf("error %v outside the input (%d bytes)", err, len(doc))
				}
			case errors.As(err, &se):
			default:
				t.Fatalf("error %v (%T): want an *XMLError", err, err)
			}
			return
		}
		w := wbxml.NewXMLWriter(style.options()...)
		x1, err := w.AppendXML(nil, w1)
		if err != nil {
			t.Fatalf("%v: our WBXML does not convert: %v\n% X", style, err, w1)
		}
		// Read back without keeping white space: the writer's indentation
		// is layout.
		back := wbxml.NewXMLReader(wbxml.WithVocabulary(codepages.ActiveSync))
		w2, err := back.AppendWBXML(nil, x1)
		if err != nil || !bytes.Equal(w1, w2) {
			t.Fatalf("%v: XML → WBXML → XML → WBXML changed the WBXML (%v):\n% X\n% X\n%s", style, err, w1, w2, x1)
		}
		x2, err := w.AppendXML(nil, w2)
		if err != nil || !bytes.Equal(x1, x2) {
			t.Fatalf("%v: the XML is not stable (%v):\n%s\n---\n%s", style, err, x1, x2)
		}
	})
}
