package xmlscan

import (
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// scanTrace returns every token as rendered text with its offset, and the
// final error, as one list.
func scanTrace(doc []byte, opts ...Option) []string {
	s := NewScanner(doc, opts...)
	var out []string
	for {
		tok, err := s.ReadToken()
		if err == io.EOF {
			return append(out, "EOF")
		}
		if err != nil {
			return append(out, "error "+err.Error())
		}
		out = append(out, fmt.Sprintf("%d %s", tok.Offset, render(*tok)))
	}
}

// layoutTrace is scanTrace without WithSkipLayout, leaving out the Text
// tokens that WithSkipLayout drops: literal space, tab and LF, exactly
// the bytes from the previous tag to the next, after an end tag or before
// a start tag.
func layoutTrace(doc []byte, opts ...Option) []string {
	type seen struct {
		kind   Kind
		offset int64
		text   string
		line   string
		end    int64 // InputOffset after the token
	}
	s := NewScanner(doc, opts...)
	var toks []seen
	var errLine string
	for {
		tok, err := s.ReadToken()
		if err == io.EOF {
			errLine = "EOF"
			break
		}
		if err != nil {
			errLine = "error " + err.Error()
			break
		}
		toks = append(toks, seen{tok.Kind, tok.Offset, string(tok.Text), fmt.Sprintf("%d %s", tok.Offset, render(*tok)), s.InputOffset()})
	}
	var out []string
	for k, t := range toks {
		if t.kind == Text && k > 0 {
			// The bytes after the text: a tag, start or end, which the
			// scanner goes on to read even if it then fails.
			p := int(t.offset) + len(t.text)
			literal := t.offset == toks[k-1].end && p+1 < len(doc) && string(doc[t.offset:p]) == t.text && doc[p] == '<' && doc[p+1] != '!' && doc[p+1] != '?'
			for _, c := range []byte(t.text) {
				literal = literal && (c == ' ' || c == '\t' || c == '\n')
			}
			if literal && (toks[k-1].kind == EndElement || doc[p+1] != '/') {
				continue
			}
		}
		out = append(out, t.line)
	}
	return append(out, errLine)
}

func checkSkipLayout(t *testing.T, doc []byte) {
	t.Helper()
	want := layoutTrace(doc)
	got := scanTrace(doc, WithSkipLayout(true))
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("WithSkipLayout on %q (-want +got):\n%s", doc, diff)
	}
	if diff := cmp.Diff(scanTrace(doc), scanTrace(doc, WithSkipLayout(false))); diff != "" {
		t.Fatalf("WithSkipLayout(false) on %q changed the tokens (-want +got):\n%s", doc, diff)
	}
}

func TestSkipLayout(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want []string
	}{
		{"between elements", "<a>\n  <b>x</b>\n  <c/>\n</a>", []string{
			"0 start {}a", "6 start {}b", "9 text \"x\"", "10 end {}b", "17 start {}c /", "19 end {}c /", "22 end {}a", "EOF"}},
		{"leaf white space kept", "<a>\n  <b> </b>\n</a>", []string{
			"0 start {}a", "6 start {}b", "9 text \" \" ws", "10 end {}b", "15 end {}a", "EOF"}},
		{"only white space in the root", "<a> \t\n</a>", []string{"0 start {}a", "3 text \" \\t\\n\" ws", "6 end {}a", "EOF"}},
		{"CR is not layout", "<a>\r\n<b/></a>", []string{"0 start {}a", "3 text \"\\n\" ws", "5 start {}b /", "7 end {}b /", "9 end {}a", "EOF"}},
		{"reference is not layout", "<a>&#32;<b/></a>", []string{"0 start {}a", "3 text \" \" ws", "8 start {}b /", "10 end {}b /", "12 end {}a", "EOF"}},
		{"comment is not layout", "<a><b/> <!--c--> </a>", []string{"0 start {}a", "3 start {}b /", "5 end {}b /", "7 text \"  \" ws", "17 end {}a", "EOF"}},
		{"text after white space", "<a><b/> x <c/></a>", []string{
			"0 start {}a", "3 start {}b /", "5 end {}b /", "7 text \" x \"", "10 start {}c /", "12 end {}c /", "14 end {}a", "EOF"}},
		{"error after layout", "<a>\n  <b>\n  </c>", []string{"0 start {}a", "6 start {}b", "9 text \"\\n  \" ws",
			"error xml: line 3, column 3 (offset 12): element <b> closed by </c>"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := scanTrace([]byte(tt.doc), WithSkipLayout(true))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			checkSkipLayout(t, []byte(tt.doc))
		})
	}
}

// TestSkipLayoutProperty checks WithSkipLayout against its definition on
// the interop samples, random documents and their truncations.
func TestSkipLayoutProperty(t *testing.T) {
	var docs [][]byte
	for _, name := range interopFiles(t) {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, b)
	}
	g := &docGen{r: rand.New(rand.NewPCG(9, 10))}
	for range 2000 {
		docs = append(docs, []byte(g.document()))
	}
	r := rand.New(rand.NewPCG(11, 12))
	for _, doc := range docs {
		checkSkipLayout(t, doc)
		checkSkipLayout(t, doc[:r.IntN(len(doc)+1)])
	}
}
