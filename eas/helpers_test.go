package eas_test

import (
	"os"
	"path/filepath"
	"strings"
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
	var ss []sample
	for _, m := range corpus.Standard() {
		if strings.Contains(m.Name, "10MB") {
			continue
		}
		ss = append(ss, sample{m.Name, m.Build()})
	}
	files, err := filepath.Glob("../testdata/interop/wbxml/*.wbxml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no interop samples: %v", err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		ss = append(ss, sample{filepath.Base(f), b})
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
