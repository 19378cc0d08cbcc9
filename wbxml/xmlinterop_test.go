package wbxml_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/wbxml"
	"github.com/google/go-cmp/cmp"
)

const interopDir = "../testdata/interop/wbxml"

// nonCanonical lists the interop samples whose bytes are valid but not
// canonical ActiveSync WBXML, so that WBXML → XML → WBXML gives different
// (canonical) bytes; MANIFEST.tsv says why for each.
var nonCanonical = map[string]string{
	"eas-getitemestimate-req":               "a second copy of the body follows the root element; lenient decoding stops at the root",
	"gotest-strtbl-bare-root":               "an unreferenced 3-byte string table",
	"libwbxml-provision-resp-pubid-strtbl":  "public id as a string-table reference (03 00 00 6A 21 …)",
	"libwbxml-search-resp-strtbl-refs":      "STR_T references into a string table",
	"libwbxml-sendmail-unreferenced-strtbl": "an unreferenced string table",
}

func interopSamples(t *testing.T) []string {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(interopDir, "*.wbxml"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no interop samples in %s: %v", interopDir, err)
	}
	return names
}

func activeSync(opts ...wbxml.Option) []wbxml.Option {
	return append([]wbxml.Option{wbxml.WithVocabulary(codepages.ActiveSync)}, opts...)
}

// TestInteropToXML converts every sample to XML and compares it, as a
// namespace-aware tree, with the sample's expected XML.
func TestInteropToXML(t *testing.T) {
	for _, path := range interopSamples(t) {
		name := strings.TrimSuffix(filepath.Base(path), ".wbxml")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(strings.TrimSuffix(path, ".wbxml") + ".xml")
			if err != nil {
				t.Fatal(err)
			}
			got, err := wbxml.AppendXML(nil, src, activeSync()...)
			if err != nil {
				t.Fatalf("AppendXML: %v", err)
			}
			wantTree, err := parseTree(want)
			if err != nil {
				t.Fatalf("expected XML: %v", err)
			}
			gotTree, err := parseTree(got)
			if err != nil {
				t.Fatalf("our XML is not well-formed: %v\n%s", err, got)
			}
			// The expected XML was written by libwbxml, which writes CR
			// raw, so XML line-end normalisation has turned every CR LF
			// into LF; easkit keeps CR as &#13;. Compare without CR.
			if diff := cmp.Diff(stripCR(wantTree).String(), stripCR(gotTree).String()); diff != "" {
				t.Errorf("tree differs (-want +got):\n%s", diff)
			}
		})
	}
}

func stripCR(n *node) *node {
	n.Text = strings.ReplaceAll(n.Text, "\r", "")
	for _, c := range n.Children {
		stripCR(c)
	}
	return n
}

// TestInteropRoundTrip checks the fidelity properties on every sample:
// WBXML → XML → WBXML is byte-identical for canonical samples, and XML →
// WBXML → XML gives the same text for all of them.
func TestInteropRoundTrip(t *testing.T) {
	canonical := 0
	for _, path := range interopSamples(t) {
		name := strings.TrimSuffix(filepath.Base(path), ".wbxml")
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		x1, err := wbxml.AppendXML(nil, src, activeSync()...)
		if err != nil {
			t.Fatalf("%s: AppendXML: %v", name, err)
		}
		w2, err := wbxml.AppendWBXML(nil, x1, activeSync()...)
		if err != nil {
			t.Fatalf("%s: AppendWBXML of our XML: %v\n%s", name, err, x1)
		}
		x2, err := wbxml.AppendXML(nil, w2, activeSync()...)
		if err != nil {
			t.Fatalf("%s: AppendXML of re-encoded: %v", name, err)
		}
		if diff := cmp.Diff(string(x1), string(x2)); diff != "" {
			t.Errorf("%s: XML → WBXML → XML changed the text (-first +second):\n%s", name, diff)
		}
		if bytes.Equal(src, w2) {
			canonical++
		} else if why, ok := nonCanonical[name]; !ok {
			t.Errorf("%s: WBXML → XML → WBXML changed the bytes:\n got %x\nwant %x", name, w2, src)
		} else {
			t.Logf("%s: not canonical (%s)", name, why)
		}
	}
	t.Logf("%d samples round-trip byte for byte", canonical)
}

// TestInteropFromXML encodes every sample's expected XML (written by
// libwbxml or taken from the spec, in various namespace spellings) and
// checks that decoding it gives the same tree.
func TestInteropFromXML(t *testing.T) {
	for _, path := range interopSamples(t) {
		name := strings.TrimSuffix(filepath.Base(path), ".wbxml")
		t.Run(name, func(t *testing.T) {
			doc, err := os.ReadFile(strings.TrimSuffix(path, ".wbxml") + ".xml")
			if err != nil {
				t.Fatal(err)
			}
			w, err := wbxml.AppendWBXML(nil, doc, activeSync()...)
			if err != nil {
				t.Fatalf("AppendWBXML: %v", err)
			}
			got, err := wbxml.AppendXML(nil, w, activeSync()...)
			if err != nil {
				t.Fatalf("AppendXML: %v", err)
			}
			wantTree, _ := parseTree(doc)
			gotTree, err := parseTree(got)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(wantTree.String(), gotTree.String()); diff != "" {
				t.Errorf("tree differs (-want +got):\n%s", diff)
			}
		})
	}
}
