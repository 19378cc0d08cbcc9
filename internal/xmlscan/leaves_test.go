package xmlscan

import (
	"fmt"
	"io"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// leafTrace scans doc and returns its tokens with their offsets, a Leaf
// spelled out as the StartElement, Text and EndElement it stands for, and
// the error that ended the scan.
func leafTrace(doc []byte, opts ...Option) []string {
	s := NewScanner(doc, opts...)
	var out []string
	for range 2*len(doc) + 8 {
		tok, err := s.ReadToken()
		if err == io.EOF {
			return append(out, fmt.Sprintf("EOF at %d", s.InputOffset()))
		}
		if err != nil {
			return append(out, fmt.Sprintf("error %v", err))
		}
		if tok.Kind != Leaf {
			out = append(out, fmt.Sprintf("%s @%d", render(*tok), tok.Offset))
			continue
		}
		start, end := *tok, *tok
		start.Kind, end.Kind = StartElement, EndElement
		out = append(out, fmt.Sprintf("%s @%d", render(start), tok.Offset))
		if len(tok.Text) > 0 {
			text := Token{Kind: Text, Text: tok.Text, Whitespace: tok.Whitespace}
			out = append(out, fmt.Sprintf("%s @%d", render(text), tok.TextOffset))
		}
		out = append(out, fmt.Sprintf("%s @%d", render(end), tok.EndOffset))
	}
	return append(out, "no end")
}

// sameWithLeaves reports how scanning doc with WithLeaves differs from
// scanning it without (with and without WithSkipLayout): "" when the
// tokens, offsets and errors are the same.
func sameWithLeaves(doc []byte) string {
	for _, skip := range []bool{false, true} {
		want := leafTrace(doc, WithSkipLayout(skip))
		got := leafTrace(doc, WithSkipLayout(skip), WithLeaves(true))
		if diff := cmp.Diff(want, got); diff != "" {
			return fmt.Sprintf("skip layout %v (-three tokens +leaves):\n%s", skip, diff)
		}
	}
	return ""
}

// TestLeaves: WithLeaves gives the elements it can read in one token, and
// only those, and the same document otherwise.
func TestLeaves(t *testing.T) {
	for _, c := range []struct {
		doc    string
		leaves int
	}{
		{`<a><b>1</b><c></c><d xmlns="u">x y</d><e xmlns="">z</e></a>`, 4},
		{"<a>\n  <b>1</b>\n  <c>é✓</c>\n</a>", 2},
		{`<a><b/><b x="1">t</b><p:b xmlns:p="u">t</p:b><b>a&amp;b</b><b>t</b ><b><![CDATA[x]]></b></a>`, 0},
		{"<a><b>x\r\ny</b><b>t<!--c--></b><b>]]></b><b>t</c></a>", 0},
		{`<b>root</b>`, 0}, // the root is not a leaf: nothing is open
		{`<a><b xmlns="http://www.w3.org/XML/1998/namespace">t</b></a>`, 0},
		{`<a><b> </b></a>`, 1},
	} {
		if diff := sameWithLeaves([]byte(c.doc)); diff != "" {
			t.Errorf("%s: %s", c.doc, diff)
		}
		s := NewScanner([]byte(c.doc), WithLeaves(true))
		n := 0
		for {
			tok, err := s.ReadToken()
			if err != nil {
				break
			}
			if tok.Kind == Leaf {
				n++
			}
		}
		if n != c.leaves {
			t.Errorf("%s: %d leaves, want %d", c.doc, n, c.leaves)
		}
	}
	for _, doc := range interopSamples(t) {
		if diff := sameWithLeaves(doc); diff != "" {
			t.Fatalf("interop sample: %s", diff)
		}
	}
	g := &docGen{r: rand.New(rand.NewPCG(11, 12))}
	for range 300 {
		if doc := g.document(); sameWithLeaves([]byte(doc)) != "" {
			t.Fatalf("%q: %s", doc, sameWithLeaves([]byte(doc)))
		}
	}
}

// FuzzLeaves: on any input, WithLeaves changes nothing but the number of
// tokens.
func FuzzLeaves(f *testing.F) {
	addSeeds(f)
	f.Add([]byte(`<a><b>1</b><c xmlns="u">x</c></a>`))
	f.Fuzz(func(t *testing.T, doc []byte) {
		if diff := sameWithLeaves(doc); diff != "" {
			t.Fatal(diff)
		}
	})
}
