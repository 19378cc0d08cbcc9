package main

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/internal/cli/clitest"
	"github.com/google/go-cmp/cmp"
)

const interopDir = "../../testdata/interop/wbxml"

// nonCanonical lists the interop samples that are valid but not canonical
// ActiveSync WBXML, so that WBXML → XML → WBXML gives other (canonical)
// bytes (see testdata/interop/wbxml/MANIFEST.tsv).
var nonCanonical = []string{
	"eas-getitemestimate-req",               // a copy of the body after the root element
	"gotest-strtbl-bare-root",               // an unreferenced string table
	"libwbxml-provision-resp-pubid-strtbl",  // public id in the string table
	"libwbxml-search-resp-strtbl-refs",      // STR_T references
	"libwbxml-sendmail-unreferenced-strtbl", // an unreferenced string table
}

func interopSamples(t *testing.T) []string {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(interopDir, "*.xml"))
	if err != nil || len(names) < 30 {
		t.Fatalf("interop samples in %s: %d (%v)", interopDir, len(names), err)
	}
	return names
}

// TestInteropXMLRoundTrip converts every interop sample's expected XML with
// xml2wbxml and the WBXML back with wbxml2xml, and compares the result with
// the sample's XML as namespace-aware trees: the same elements, in the same
// code pages, with the same text. The samples' XML was written by libwbxml
// and others, in spellings that are not easkit's.
func TestInteropXMLRoundTrip(t *testing.T) {
	for _, file := range interopSamples(t) {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".xml"), func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			w := clitest.MustRun(t, bin, nil, file)
			if w.Exit != 0 || len(w.Stderr) != 0 {
				t.Fatalf("xml2wbxml: exit %d: %s", w.Exit, w.Stderr)
			}
			x := clitest.MustRun(t, wbxml2xml, w.Stdout)
			if x.Exit != 0 || len(x.Stderr) != 0 {
				t.Fatalf("wbxml2xml: exit %d: %s", x.Exit, x.Stderr)
			}
			want, err := parseTree(src)
			if err != nil {
				t.Fatalf("sample XML: %v", err)
			}
			got, err := parseTree(x.Stdout)
			if err != nil {
				t.Fatalf("wbxml2xml wrote XML that is not well-formed: %v\n%s", err, x.Stdout)
			}
			if diff := cmp.Diff(want.String(), got.String()); diff != "" {
				t.Errorf("XML after the round trip differs (-want +got):\n%s", diff)
			}
		})
	}
}

// TestInteropWBXMLRoundTrip converts every interop sample's WBXML to XML and
// back: wbxml2xml → xml2wbxml gives the same bytes for canonical samples,
// and for every sample the XML of the result is byte for byte the XML of
// the sample, in each of wbxml2xml's output styles.
func TestInteropWBXMLRoundTrip(t *testing.T) {
	styles := [][]string{
		nil,
		{"-m", "0"},
		{"-m", "2"},
		{"-ns", "schema", "-prefixes"},
		{"-i", "4", "-decl=false"},
	}
	for _, file := range interopSamples(t) {
		name := strings.TrimSuffix(filepath.Base(file), ".xml")
		raw, err := os.ReadFile(filepath.Join(interopDir, name+".wbxml"))
		if err != nil {
			t.Fatal(err)
		}
		for _, style := range styles {
			t.Run(name+"/"+strings.Join(style, " "), func(t *testing.T) {
				x1 := clitest.MustRun(t, wbxml2xml, raw, style...)
				if x1.Exit != 0 {
					t.Fatalf("wbxml2xml: exit %d: %s", x1.Exit, x1.Stderr)
				}
				w := clitest.MustRun(t, bin, x1.Stdout)
				if w.Exit != 0 || len(w.Stderr) != 0 {
					t.Fatalf("xml2wbxml: exit %d: %s\n%s", w.Exit, w.Stderr, x1.Stdout)
				}
				if !slices.Contains(nonCanonical, name) && !bytes.Equal(w.Stdout, raw) {
					t.Errorf("WBXML → XML → WBXML changed the bytes:\n got % x\nwant % x", w.Stdout, raw)
				}
				x2 := clitest.MustRun(t, wbxml2xml, w.Stdout, style...)
				if diff := cmp.Diff(string(x1.Stdout), string(x2.Stdout)); x2.Exit != 0 || diff != "" {
					t.Errorf("XML → WBXML → XML changed the XML (exit %d) (-want +got):\n%s", x2.Exit, diff)
				}
			})
		}
	}
}

// node is an element as a namespace-aware tree.
type node struct {
	name     string // "Page:Name" from codepages, or "{space}local"
	text     string // character data, surrounding white space trimmed, CR removed
	children []*node
}

func (n *node) String() string {
	var b strings.Builder
	n.write(&b, 0)
	return b.String()
}

func (n *node) write(b *strings.Builder, depth int) {
	fmt.Fprintf(b, "%s%s", strings.Repeat("  ", depth), n.name)
	if n.text != "" {
		fmt.Fprintf(b, " %q", n.text)
	}
	b.WriteByte('\n')
	for _, c := range n.children {
		c.write(b, depth+1)
	}
}

// parseTree reads doc with encoding/xml, naming elements by their
// ActiveSync tag so that namespace spellings and aliases compare equal.
// CR is removed from text: libwbxml writes CR raw, which XML line-end
// handling turns into LF, where easkit writes &#13;.
func parseTree(doc []byte) (*node, error) {
	d := xml.NewDecoder(bytes.NewReader(doc))
	var stack []*node
	var texts []*strings.Builder
	var root *node
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return root, nil
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			n := &node{name: "{" + t.Name.Space + "}" + t.Name.Local}
			if tag, ok := codepages.Lookup(t.Name.Space, t.Name.Local); ok {
				n.name = tag.String()
			}
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				p.children = append(p.children, n)
			} else {
				root = n
			}
			stack = append(stack, n)
			texts = append(texts, new(strings.Builder))
		case xml.EndElement:
			n := stack[len(stack)-1]
			n.text = strings.TrimSpace(strings.ReplaceAll(texts[len(texts)-1].String(), "\r", ""))
			stack, texts = stack[:len(stack)-1], texts[:len(texts)-1]
		case xml.CharData:
			if len(texts) > 0 {
				texts[len(texts)-1].Write(t)
			}
		}
	}
}
