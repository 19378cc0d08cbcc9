package eas_test

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/eas"
	"github.com/easkit/easkit/wbxml"
)

// mixedQuery is a Search Query, which holds text (the GAL query) or
// criteria elements, And among them with the same content.
type mixedQuery struct {
	XMLName  eas.Name `eas:"Search:Query"`
	Text     string   `eas:",chardata"`
	FreeText []string
	And      *mixedAnd
}

type mixedAnd struct {
	Text     []byte `eas:",chardata"`
	FreeText []string
}

// plainQuery is mixedQuery without a chardata field.
type plainQuery struct {
	XMLName  eas.Name `eas:"Search:Query"`
	FreeText []string
}

// rawDoc writes a document token by token, with string table tbl.
func rawDoc(t *testing.T, tbl string, f func(e *wbxml.Encoder)) []byte {
	t.Helper()
	h := wbxml.DefaultHeader()
	if tbl != "" {
		h.StringTable = []byte(tbl)
	}
	var e wbxml.Encoder
	e.ResetAppend(nil, wbxml.WithHeader(h))
	f(&e)
	return e.Bytes()
}

func start(e *wbxml.Encoder, tag codepages.Tag) { _ = e.StartTag(tag.Page(), tag.Token(), false) }
func str(e *wbxml.Encoder, s string)            { _ = e.String([]byte(s)) }

// TestChardata: a chardata field holds the element's own text, its pieces
// joined wherever they are among the children; Marshal writes it as one
// string before the children, and nothing for "".
func TestChardata(t *testing.T) {
	cases := []struct {
		name      string
		data      []byte
		want      mixedQuery
		canonical bool // Marshal(want) gives data back
	}{
		{"text only", rawDoc(t, "", func(e *wbxml.Encoder) {
			start(e, codepages.SearchQuery)
			str(e, "ann")
			_ = e.EndTag()
		}), mixedQuery{Text: "ann"}, true},
		{"children only", rawDoc(t, "", func(e *wbxml.Encoder) {
			start(e, codepages.SearchQuery)
			start(e, codepages.SearchFreeText)
			str(e, "x")
			_ = e.EndTag()
			_ = e.EndTag()
		}), mixedQuery{FreeText: []string{"x"}}, true},
		{"text and children", rawDoc(t, "", func(e *wbxml.Encoder) {
			start(e, codepages.SearchQuery)
			str(e, "a")
			start(e, codepages.SearchFreeText)
			str(e, "x")
			_ = e.EndTag()
			_ = e.EndTag()
		}), mixedQuery{Text: "a", FreeText: []string{"x"}}, true},
		{"text after children", rawDoc(t, "", func(e *wbxml.Encoder) {
			start(e, codepages.SearchQuery)
			str(e, "a")
			start(e, codepages.SearchFreeText)
			str(e, "x")
			_ = e.EndTag()
			str(e, "b")
			_ = e.EndTag()
		}), mixedQuery{Text: "ab", FreeText: []string{"x"}}, false},
		{"split text", rawDoc(t, "n\x00", func(e *wbxml.Encoder) {
			start(e, codepages.SearchQuery)
			str(e, "an")
			_ = e.TableString(0)
			_ = e.Entity('!')
			_ = e.Opaque([]byte("?"))
			_ = e.EndTag()
		}), mixedQuery{Text: "ann!?"}, false},
		{"nested", rawDoc(t, "", func(e *wbxml.Encoder) {
			start(e, codepages.SearchQuery)
			str(e, "q")
			start(e, codepages.SearchAnd)
			str(e, "in")
			start(e, codepages.SearchFreeText)
			str(e, "x")
			_ = e.EndTag()
			str(e, "ner")
			_ = e.EndTag()
			str(e, "2")
			_ = e.EndTag()
		}), mixedQuery{Text: "q2", And: &mixedAnd{Text: []byte("inner"), FreeText: []string{"x"}}}, false},
		{"empty string", rawDoc(t, "", func(e *wbxml.Encoder) {
			start(e, codepages.SearchQuery)
			_ = e.EndTag()
		}), mixedQuery{}, true},
		{"empty text piece", rawDoc(t, "", func(e *wbxml.Encoder) {
			start(e, codepages.SearchQuery)
			str(e, "")
			_ = e.EndTag()
		}), mixedQuery{}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			// A reused value: every field is set, the text too.
			got := mixedQuery{Text: "old", And: &mixedAnd{Text: []byte("old")}}
			for _, opts := range [][]eas.Option{nil, {eas.WithStrict(true)}} {
				if err := eas.Unmarshal(c.data, &got, opts...); err != nil {
					t.Fatalf("Unmarshal %v: %v", opts, err)
				}
				got.XMLName = eas.Name{}
				if !reflect.DeepEqual(got, c.want) {
					t.Fatalf("Unmarshal %v = %+v, want %+v", opts, got, c.want)
				}
			}
			out, err := eas.Marshal(&c.want)
			if err != nil {
				t.Fatal(err)
			}
			if c.canonical && !bytes.Equal(out, c.data) {
				t.Errorf("Marshal = % x, want % x", out, c.data)
			}
			var back mixedQuery
			if err := eas.Unmarshal(out, &back); err != nil {
				t.Fatal(err)
			}
			back.XMLName = eas.Name{}
			if !reflect.DeepEqual(back, c.want) {
				t.Errorf("round trip = %+v, want %+v", back, c.want)
			}
		})
	}
	// The same text in the element of a struct without a chardata field
	// is skipped, or an ErrValue error with WithStrict.
	t.Run("without a chardata field", func(t *testing.T) {
		data := rawDoc(t, "", func(e *wbxml.Encoder) {
			start(e, codepages.SearchQuery)
			str(e, "ann")
			start(e, codepages.SearchFreeText)
			str(e, "x")
			_ = e.EndTag()
			_ = e.EndTag()
		})
		var v plainQuery
		if err := eas.Unmarshal(data, &v); err != nil || len(v.FreeText) != 1 {
			t.Fatalf("Unmarshal = %v, %+v", err, v)
		}
		err := eas.Unmarshal(data, &v, eas.WithStrict(true))
		if !errors.Is(err, eas.ErrValue) || !strings.Contains(err.Error(), "content in an element that holds elements") {
			t.Fatalf("strict Unmarshal = %v, want ErrValue", err)
		}
	})
}

// TestChardataWritten: the text goes as one STR_I before the children, as
// OPAQUE data when it holds a NUL, as Builder.Chardata writes it.
func TestChardataWritten(t *testing.T) {
	for _, s := range []string{"ann", "a\x00b"} {
		out, err := eas.Marshal(&mixedQuery{Text: s, FreeText: []string{"x"}})
		if err != nil {
			t.Fatal(err)
		}
		want := msg(t, func(b *eas.Builder) {
			b.Start(codepages.SearchQuery)
			b.Chardata(s)
			b.Text(codepages.SearchFreeText, "x")
		})
		tok := byte(wbxml.TokStrI)
		if strings.IndexByte(s, 0) >= 0 {
			tok = wbxml.TokOpaque
		}
		if !bytes.Equal(out, want) || out[7] != tok { // after the header, the page switch and Query
			t.Errorf("Marshal(%q) = % x, want % x (token %#x first)", s, out, want, tok)
		}
	}
	var b eas.Builder
	b.Chardata("x")
	if _, err := b.Finish(); !errors.Is(err, eas.ErrBuilder) {
		t.Errorf("Chardata with no open element: %v, want ErrBuilder", err)
	}
}

type chardataInt struct {
	XMLName eas.Name `eas:"Search:Query"`
	Text    int      `eas:",chardata"`
}
type chardataTwice struct {
	XMLName eas.Name `eas:"Search:Query"`
	Text    string   `eas:",chardata"`
	More    string   `eas:",chardata"`
}
type chardataNamed struct {
	XMLName eas.Name `eas:"Search:Query"`
	Text    string   `eas:"FreeText,chardata"`
}
type chardataOmit struct {
	XMLName eas.Name `eas:"Search:Query"`
	Text    string   `eas:",chardata,omitempty"`
}
type chardataSlice struct {
	XMLName eas.Name `eas:"Search:Query"`
	Text    []string `eas:",chardata"`
}

// TestChardataPlanErrors: the chardata fields that cannot be planned.
func TestChardataPlanErrors(t *testing.T) {
	data := msg(t, func(b *eas.Builder) { b.Start(codepages.SearchQuery) })
	for _, c := range []struct {
		v    any
		want string
	}{
		{&chardataInt{}, `eas_test.chardataInt.Text (tag ",chardata"): chardata needs a string or []byte field, not int`},
		{&chardataSlice{}, `chardata needs a string or []byte field, not []string`},
		{&chardataTwice{}, `eas_test.chardataTwice.More (tag ",chardata"): a second chardata field (the first is Text)`},
		{&chardataNamed{}, `chardata takes no element name and no other option`},
		{&chardataOmit{}, `chardata takes no element name and no other option`},
	} {
		if _, err := eas.Marshal(c.v); !errors.Is(err, eas.ErrUnsupported) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Marshal(%T) = %v, want ErrUnsupported saying %q", c.v, err, c.want)
		}
		if err := eas.Unmarshal(data, c.v); !errors.Is(err, eas.ErrUnsupported) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Unmarshal(%T) = %v, want ErrUnsupported saying %q", c.v, err, c.want)
		}
	}
}
