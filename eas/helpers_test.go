package eas_test

import (
	"testing"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/internal/corpus"
	"github.com/easkit/easkit/wbxml"
)

// sample is a WBXML message of the test set.
type sample struct {
	name string
	data []byte
}

// samples returns the corpus messages (the larger e-mail Syncs left out)
// and the interop samples.
func samples(t testing.TB) []sample {
	t.Helper()
	ms, err := corpus.Samples("../testdata/interop/wbxml")
	if err != nil {
		t.Fatal(err)
	}
	ss := make([]sample, len(ms))
	for i, m := range ms {
		ss[i] = sample{m.Name, m.Build()}
	}
	return ss
}

// toXML renders WBXML as wbxml2xml does by default.
func toXML(t testing.TB, b []byte) string {
	t.Helper()
	x, err := wbxml.AppendXML(nil, b, wbxml.WithVocabulary(codepages.ActiveSync))
	if err != nil {
		t.Fatalf("AppendXML: %v", err)
	}
	return string(x)
}
