package fuzz

import (
	"testing"

	"github.com/easkit/easkit/wbxml"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// compareReaders requires that encoding/xml and easkit's scanner both
// accept doc, a well-formed document, with the same events.
func compareReaders(t *testing.T, doc []byte, what string) {
	t.Helper()
	want, err := stdEvents(doc)
	if err != nil {
		t.Fatalf("encoding/xml rejects %s: %v\n%s", what, err, doc)
	}
	got, err := scanEvents(doc)
	if err != nil {
		t.Fatalf("xmlscan rejects %s: %v\n%s", what, err, doc)
	}
	if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
		t.Fatalf("events differ on %s (-encoding/xml +xmlscan):\n%s\n%s", what, diff, doc)
	}
}

// FuzzScanWriterXML converts any WBXML that converts to XML, in a style
// chosen by the fuzz byte (indentation, namespace form, prefixes or
// default namespaces, declaration, DOCTYPE), and reads that XML with
// encoding/xml and with easkit's scanner: both must accept it (the
// writer writes well-formed XML) and report the same events. The writer's
// output has what hand-written test documents lack: namespace switches at
// every code page change, easkit markers in their own namespace, escaped
// text and long base64 runs.
func FuzzScanWriterXML(f *testing.F) {
	f.Fuzz(func(t *testing.T, in []byte, sel byte) {
		style := styleOf(sel)
		doc, err := wbxml.AppendXML(nil, in, style.options()...)
		if err != nil {
			return
		}
		compareReaders(t, doc, "the writer's XML ("+style.String()+")")
	})
}

// FuzzScanGenerated generates a well-formed, namespace-well-formed
// document from the input (see genDocument) and requires that
// encoding/xml and easkit's scanner read the same events from it.
func FuzzScanGenerated(f *testing.F) {
	f.Fuzz(func(t *testing.T, program []byte) {
		compareReaders(t, genDocument(program), "a generated document")
	})
}
