package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/easkit/easkit/internal/cli/clitest"
)

// TestDocumentsRoundTrip checks that wbxml2xml -concat output (a comment
// and a document per message) converts back with -concat to the same
// WBXML as the capture document of the same input does.
func TestDocumentsRoundTrip(t *testing.T) {
	checked := 0
	for _, file := range captureFiles(t) {
		doc := clitest.MustRun(t, wbxml2xml, nil, file)
		concat := clitest.MustRun(t, wbxml2xml, nil, "-concat", file)
		if doc.Exit != 0 || concat.Exit != 0 || !bytes.Contains(doc.Stdout, []byte("<easkit:capture")) {
			continue
		}
		want := clitest.MustRun(t, bin, doc.Stdout, "-concat")
		got := clitest.MustRun(t, bin, concat.Stdout, "-concat")
		if want.Exit != 0 || got.Exit != 0 || !bytes.Equal(got.Stdout, want.Stdout) {
			t.Errorf("%s: from -concat: exit %d, %d bytes, %s; from the capture document: exit %d, %d bytes, %s",
				file, got.Exit, len(got.Stdout), got.Stderr, want.Exit, len(want.Stdout), want.Stderr)
		}
		checked++
	}
	if checked < 5 {
		t.Errorf("only %d captures checked", checked)
	}
}

// TestDocuments checks input that is not one XML document but plainly
// meant as XML: white space or comments before the declaration are a
// note; several documents need -split or -concat; an error in one names
// the document and its place in the whole input; input with other faults
// keeps its own error.
func TestDocuments(t *testing.T) {
	const decl = `<?xml version="1.0" encoding="UTF-8"?>` + "\n"
	const ping = `<Ping xmlns="Ping:"><Status>1</Status></Ping>` + "\n"
	want := clitest.MustRun(t, bin, []byte(decl+ping)).Stdout
	for _, tc := range []struct {
		name, in string
		args     []string
		exit     int
		stdout   []byte
		stderr   string
	}{
		{"blank lines first", "\n\n" + decl + ping, nil, 0, want,
			"xml2wbxml: note: line 3, column 1: white space or comments before the XML declaration ignored\n"},
		{"BOM and spaces first", "\ufeff  " + decl + ping, nil, 0, want,
			"xml2wbxml: note: line 1, column 3: white space or comments before the XML declaration ignored\n"},
		{"a comment first", "<!-- HTTP message 3 -->\n" + decl + ping, nil, 0, want,
			"xml2wbxml: note: line 2, column 1: white space or comments before the XML declaration ignored\n"},
		{"two documents", decl + ping + decl + ping, nil, 1, nil,
			"xml2wbxml: the input holds 2 XML documents one after another (as wbxml2xml -concat writes them): -split DIR writes a file for each, -concat writes them one after another\n"},
		{"two documents, -concat", decl + ping + "<!-- next -->\n" + decl + ping, []string{"-concat"}, 0, append(append([]byte{}, want...), want...), ""},
		{"an error in the second", decl + ping + decl + "<Ping xmlns=\"Ping:\"><Bad/></Ping>\n", []string{"-concat"}, 1, nil,
			`xml2wbxml: document 2: xml: line 4, column 21 (offset 144): unknown element "Bad" in namespace "Ping:"` + "\n"},
		{"a second root, no declaration", ping + ping, nil, 1, nil,
			"xml2wbxml: xml: line 2, column 1 (offset 46): second root element\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := clitest.MustRun(t, bin, []byte(tc.in), tc.args...)
			if r.Exit != tc.exit || !bytes.Equal(r.Stdout, tc.stdout) || string(r.Stderr) != tc.stderr {
				t.Errorf("exit %d, stdout % x, stderr %q;\nwant %d, % x, %q", r.Exit, r.Stdout, r.Stderr, tc.exit, tc.stdout, tc.stderr)
			}
		})
	}
	if strings.Count(string(want), "\x03\x01\x6a\x00") != 1 {
		t.Fatalf("one document gave % x", want)
	}
}
