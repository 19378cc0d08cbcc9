package xmlscan

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"math/rand/v2"
	"os"
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// fuzzSeeds are small documents that reach every construct; the interop
// samples are added too, and the committed corpora in testdata/fuzz hold
// more.
var fuzzSeeds = []string{
	`<a/>`,
	`<a></a>`,
	"\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n<a>x</a>",
	`<!DOCTYPE a PUBLIC "-//x//y" "z" [<!ELEMENT a ANY><!ENTITY e "]>"><!--c--><?p x?>%pe;]><a/>`,
	`<a x="1" y='&lt;&#9;' z="a	b"/>`,
	"<a>t&amp;&#x41;&#66;\r\n<![CDATA[<c>]]><!--c--><?p d?>u</a>",
	`<p:a xmlns:p="u" xmlns="d"><b p:x="1" xmlns:p="v"><p:c/></b><d xmlns=""/></p:a>`,
	`<a xml:lang="en" xmlns:xml="http://www.w3.org/XML/1998/namespace"/>`,
	`<a><b></c></a>`,
	`<a x="1" x="2"/>`,
	`<p:a/>`,
	`<a>]]></a>`,
	`<a>&#0;</a>`,
	"<a>\xff</a>",
	`<a/><b/>`,
	`<a:b:c/>`,
	`<a xmlns:p="u" xmlns:q="u" p:x="" q:x=""/>`,
	"<a>é✓😀</a>",
	"<ü xmlns:ü='urn:ü'><ü:ö/></ü>",
	`<a><![CDATA[]]]]><![CDATA[>]]></a>`,
}

func addSeeds(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	for _, doc := range interopSamplesF(f) {
		f.Add(doc)
	}
	g := &docGen{r: rand.New(rand.NewPCG(7, 8))}
	for range 30 {
		f.Add([]byte(g.document()))
	}
}

// interopSamplesF returns the interop samples.
func interopSamplesF(f *testing.F) [][]byte {
	files := interopFiles(f)
	var out [][]byte
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		out = append(out, b)
	}
	return out
}

// FuzzScan checks the Scanner's invariants on any input: it never panics
// or loops; errors are *SyntaxError with a sentinel and a position inside
// the input, and are sticky; the tokens are balanced, offsets increase,
// text is never empty, and all returned text is valid UTF-8 made of XML
// characters; a reused Scanner gives the same result.
func FuzzScan(f *testing.F) {
	addSeeds(f)
	sentinels := []error{ErrUnexpectedEOF, ErrInvalidUTF8, ErrInvalidChar, ErrInvalidName, ErrInvalidReference,
		ErrMarkup, ErrMismatchedTag, ErrDuplicateAttr, ErrUndeclaredPrefix, ErrNamespace, ErrStructure,
		ErrUnsupportedEncoding, ErrEncoding, ErrDepth, ErrAttrLimit, ErrNameLimit, ErrTooLarge}
	s := NewScanner(nil, WithMaxDepth(64), WithMaxAttrs(32))
	f.Fuzz(func(t *testing.T, doc []byte) {
		s.Reset(doc)
		var stack []Name
		var got []string
		prev := int64(-1)
		var endErr error
		for {
			tp, err := s.ReadToken()
			if err == io.EOF {
				if len(stack) != 0 {
					t.Fatalf("io.EOF with %d open elements", len(stack))
				}
				break
			}
			if err != nil {
				endErr = err
				var se *SyntaxError
				if !errors.As(err, &se) {
					t.Fatalf("error %v is %T, not *SyntaxError", err, err)
				}
				if se.Offset < 0 || se.Offset > int64(len(doc)) {
					t.Fatalf("error offset %d outside input of %d bytes: %v", se.Offset, len(doc), err)
				}
				if line, col := Position(doc, se.Offset); line != se.Line || col != se.Column {
					t.Fatalf("error at %d:%d, Position says %d:%d", se.Line, se.Column, line, col)
				}
				known := false
				for _, e := range sentinels {
					known = known || errors.Is(err, e)
				}
				if !known || se.Msg == "" {
					t.Fatalf("error %v wraps no sentinel or has no message", err)
				}
				if _, err2 := s.ReadToken(); err2 != err {
					t.Fatalf("error not sticky: %v then %v", err, err2)
				}
				break
			}
			tok := *tp // a copy: the next call overwrites *tp
			got = append(got, render(tok))
			if tok.Offset <= prev && !(tok.Kind == EndElement && tok.SelfClosing) || tok.Offset >= int64(len(doc)) {
				t.Fatalf("token %s at offset %d after %d (input %d bytes)", render(tok), tok.Offset, prev, len(doc))
			}
			prev = tok.Offset
			switch tok.Kind {
			case StartElement:
				checkName(t, tok.Name)
				for i, a := range tok.Attrs {
					checkName(t, a.Name)
					checkChars(t, a.Value)
					if len(a.Name.Prefix) == 0 && string(a.Name.Local) == "xmlns" || string(a.Name.Prefix) == "xmlns" {
						t.Fatalf("namespace declaration reported as attribute: %s", render(tok))
					}
					for _, o := range tok.Attrs[:i] {
						if bytes.Equal(o.Name.Space, a.Name.Space) && bytes.Equal(o.Name.Local, a.Name.Local) {
							t.Fatalf("duplicate attribute reported: %s", render(tok))
						}
					}
				}
				stack = append(stack, tok.Name)
				if s.StackDepth() != len(stack) {
					t.Fatalf("StackDepth %d, want %d", s.StackDepth(), len(stack))
				}
				if tok.SelfClosing {
					end, err := s.ReadToken()
					if err != nil {
						t.Fatalf("self-closing %s followed by %v", render(tok), err)
					}
					if end.Kind != EndElement || !end.SelfClosing || !sameName(end.Name, tok.Name) {
						t.Fatalf("self-closing %s followed by %s", render(tok), render(*end))
					}
					got = append(got, render(*end))
					stack = stack[:len(stack)-1]
				}
			case EndElement:
				if len(stack) == 0 || !sameName(stack[len(stack)-1], tok.Name) || tok.SelfClosing {
					t.Fatalf("unbalanced %s", render(tok))
				}
				stack = stack[:len(stack)-1]
			case Text:
				if len(tok.Text) == 0 || len(stack) == 0 {
					t.Fatalf("empty text or text outside the root: %s", render(tok))
				}
				if tok.Whitespace != isAllSpace(tok.Text) {
					t.Fatalf("Whitespace flag wrong: %s", render(tok))
				}
				checkChars(t, tok.Text)
			default:
				t.Fatalf("token of kind %v", tok.Kind)
			}
		}
		// A fresh Scanner gives the same result.
		again, err := scanAll(doc, WithMaxDepth(64), WithMaxAttrs(32))
		if !slices.Equal(got, again) {
			t.Fatalf("rescan differs (-first +second):\n%s", cmp.Diff(got, again))
		}
		if (err == nil) != (endErr == nil) || err != nil && err.Error() != endErr.Error() {
			t.Fatalf("rescan error %v, first %v", err, endErr)
		}
	})
}

func sameName(a, b Name) bool {
	return bytes.Equal(a.Space, b.Space) && bytes.Equal(a.Prefix, b.Prefix) && bytes.Equal(a.Local, b.Local)
}

func checkName(t *testing.T, n Name) {
	t.Helper()
	if len(n.Local) == 0 || bytes.IndexByte(n.Local, ':') >= 0 || bytes.IndexByte(n.Prefix, ':') >= 0 || !utf8.Valid(n.Local) {
		t.Fatalf("bad name %q:%q", n.Prefix, n.Local)
	}
	if len(n.Prefix) > 0 && len(n.Space) == 0 {
		t.Fatalf("prefixed name %q:%q without namespace", n.Prefix, n.Local)
	}
}

func checkChars(t *testing.T, b []byte) {
	t.Helper()
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size == 1 || !isChar(r) {
			t.Fatalf("returned text holds %U (% x)", r, b[:size])
		}
		b = b[size:]
	}
}

// FuzzScanVsEncodingXML holds the Scanner against encoding/xml (strict, no
// AutoClose, its own namespace handling) on the documents encoding/xml
// accepts: ours must accept them too, with the same elements (namespace and
// local name), attributes and merged text, unless the input is one of the
// places where encoding/xml is laxer than XML 1.0 and Namespaces in XML,
// each listed in encodingXMLLaxity. Two more differences are absorbed by the
// comparison itself: encoding/xml does not normalize attribute values
// (namespace names included), so white space is folded on both sides, and
// it never puts an unprefixed element named xmlns in the default namespace.
func FuzzScanVsEncodingXML(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, doc []byte) {
		toks, err := oracleScan(doc)
		if err != nil {
			return // not well-formed for encoding/xml either
		}
		got, err := ourEvents(doc)
		if err != nil {
			if reason := encodingXMLLaxity(doc, toks, err); reason != "" {
				t.Skip(reason)
			}
			t.Fatalf("encoding/xml accepts, xmlscan rejects: %v", err)
		}
		if want := oracleEvents(toks); !slices.EqualFunc(want, got, sameEvent) {
			for _, ot := range toks {
				if directiveWithPI(doc, ot) {
					// Laxity 6 below: encoding/xml's DOCTYPE may end
					// later than ours, taking elements with it.
					t.Skip("encoding/xml does not know processing instructions inside a DOCTYPE")
				}
			}
			t.Fatalf("events differ (-encoding/xml +xmlscan):\n%s", cmp.Diff(want, got))
		}
	})
}

// encodingXMLLaxity explains why a document that encoding/xml accepted and
// we rejected with err is not well-formed after all, or returns "" when it
// finds no documented reason (a bug to fix). These are the places where
// encoding/xml (Go 1.26, Strict) is laxer than XML 1.0 and Namespaces in XML:
func encodingXMLLaxity(doc []byte, toks []oracleToken, err error) string {
	var se *SyntaxError
	if !errors.As(err, &se) {
		return ""
	}
	off := se.Offset
	switch {
	case errors.Is(err, ErrUndeclaredPrefix):
		// 1. An undeclared prefix is kept as the namespace name.
		return "encoding/xml accepts undeclared prefixes"
	case errors.Is(err, ErrNamespace):
		// 2. The rules for the prefixes xml and xmlns and for empty
		// bindings (xmlns:p="") are not enforced.
		return "encoding/xml does not enforce the reserved prefixes"
	case errors.Is(err, ErrDuplicateAttr):
		// 3. Attributes are not checked for uniqueness.
		return "encoding/xml accepts duplicate attributes"
	case errors.Is(err, ErrStructure):
		// 4. It tokenizes fragments: no root, several roots, text outside
		// the root, an XML declaration or DOCTYPE anywhere.
		return "encoding/xml does not check the document structure"
	case errors.Is(err, ErrDepth), errors.Is(err, ErrAttrLimit), errors.Is(err, ErrNameLimit):
		// Not a laxity: our limits.
		return "a limit of the scanner"
	}
	// 5. Comments, PIs and directives (DOCTYPE) are not checked for
	// characters or UTF-8, PIs not for the white space after the target, the
	// reserved target names or a colon in the target, the XML declaration
	// only loosely, and directives not for any grammar beyond quotes and
	// nested brackets.
	for _, ot := range toks {
		if off >= ot.start && directiveWithPI(doc, ot) {
			// 6. Inside a directive, the '>' of a processing instruction
			// closes a bracket, so the DOCTYPE ends early or late.
			return "encoding/xml does not know processing instructions inside a DOCTYPE"
		}
		if off < ot.start || off >= ot.end {
			continue
		}
		switch ot.tok.(type) {
		case xml.Directive:
			return "encoding/xml does not check the grammar or characters of directives"
		case xml.Comment:
			if badCharAt(doc, off) {
				return "encoding/xml does not check characters in comments"
			}
		case xml.ProcInst:
			if badCharAt(doc, off) || errors.Is(err, ErrMarkup) || errors.Is(err, ErrInvalidName) || errors.Is(err, ErrUnsupportedEncoding) || errors.Is(err, ErrEncoding) {
				return "encoding/xml does not check the grammar or characters of processing instructions"
			}
		}
	}
	switch {
	case errors.Is(err, ErrInvalidName) && bytes.IndexByte(nameAround(doc, int(off)), ':') >= 0:
		// 7. Names are checked against the Name production as a whole,
		// so that ":a", "a:" and "a:1" pass as element and attribute names.
		return "encoding/xml does not check qualified names"
	case errors.Is(err, ErrInvalidChar) && isSurrogateRef(doc, int(off)):
		// 8. A character reference to a surrogate becomes U+FFFD.
		return "encoding/xml accepts references to surrogates"
	case errors.Is(err, ErrMarkup) && off > 0 && (doc[off-1] == '"' || doc[off-1] == '\''):
		// 9. No white space is required between attributes.
		return "encoding/xml does not require white space between attributes"
	}
	return ""
}

// directiveWithPI reports whether ot is a directive that holds "<?".
func directiveWithPI(doc []byte, ot oracleToken) bool {
	_, ok := ot.tok.(xml.Directive)
	return ok && bytes.Contains(doc[ot.start:ot.end], []byte("<?"))
}

// badCharAt reports whether doc holds invalid UTF-8 or a character the Char
// production forbids at off.
func badCharAt(doc []byte, off int64) bool {
	if off >= int64(len(doc)) {
		return false
	}
	r, size := utf8.DecodeRune(doc[off:])
	return r == utf8.RuneError && size == 1 || !isChar(r)
}

// nameAround returns the run of name bytes (ASCII name characters, colons
// and non-ASCII bytes) around off.
func nameAround(doc []byte, off int) []byte {
	isNameByte := func(c byte) bool { return nameASCII[c] || c == ':' || c >= utf8.RuneSelf }
	i, j := off, off
	for i > 0 && isNameByte(doc[i-1]) {
		i--
	}
	for j < len(doc) && isNameByte(doc[j]) {
		j++
	}
	return doc[i:j]
}

// isSurrogateRef reports whether a character reference to a surrogate
// (U+D800–U+DFFF) starts at off.
func isSurrogateRef(doc []byte, off int) bool {
	if off+2 >= len(doc) || doc[off] != '&' || doc[off+1] != '#' {
		return false
	}
	j := off + 2
	base := 10
	if doc[j] == 'x' {
		base = 16
		j++
	}
	v := 0
	for ; j < len(doc) && int(digitVal[doc[j]]) < base; j++ {
		if v <= utf8.MaxRune {
			v = v*base + int(digitVal[doc[j]])
		}
	}
	return 0xD800 <= v && v <= 0xDFFF
}

func sameEvent(a, b event) bool {
	return a.Kind == b.Kind && a.Space == b.Space && a.Local == b.Local && a.Text == b.Text && slices.Equal(a.Attrs, b.Attrs)
}
