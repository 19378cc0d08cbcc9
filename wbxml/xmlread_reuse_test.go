package wbxml_test

import (
	"bytes"
	"testing"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/internal/corpus"
	"github.com/easkit/easkit/wbxml"
)

// TestXMLReaderReused: one XMLReader converting many documents in turn,
// in both namespace spellings (whose names the tag cache keeps from one
// document to the next), gives what a new reader gives for each.
func TestXMLReaderReused(t *testing.T) {
	// The interop samples and the smaller tag-dense corpus messages: the
	// large ones add time, not names.
	ms, err := corpus.Samples("../testdata/interop/wbxml")
	if err != nil {
		t.Fatal(err)
	}
	var docs [][]byte
	for _, m := range ms {
		if b := m.Build(); len(b) < 64<<10 {
			docs = append(docs, b)
		}
	}
	vocab := wbxml.WithVocabulary(codepages.ActiveSync)
	var xmls [][]byte
	for _, d := range docs {
		for _, form := range []codepages.NamespaceForm{codepages.ColonForm, codepages.SynCEForm, codepages.SchemaForm} {
			x, err := wbxml.AppendXML(nil, d, vocab, wbxml.WithNamespaceForm(form))
			if err != nil {
				continue // not every sample converts; those that do are enough
			}
			xmls = append(xmls, x)
		}
	}
	if len(xmls) < 20 {
		t.Fatalf("only %d documents", len(xmls))
	}
	shared := wbxml.NewXMLReader(vocab)
	for round := range 2 {
		for i, x := range xmls {
			want, werr := wbxml.NewXMLReader(vocab).AppendWBXML(nil, x)
			got, gerr := shared.AppendWBXML(nil, x)
			if !bytes.Equal(got, want) || (werr == nil) != (gerr == nil) {
				t.Fatalf("round %d, document %d: the reused reader gave % x (%v), a new one % x (%v)", round, i, got, gerr, want, werr)
			}
		}
	}
}
