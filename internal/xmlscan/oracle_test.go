package xmlscan

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// interopDir holds the repository's interop samples (see
// testdata/interop/README.md at the repository root).
const interopDir = "../../testdata/interop/wbxml"

// interopFiles returns the paths of the XML samples, sorted; it fails the
// test when there are none.
func interopFiles(tb testing.TB) []string {
	tb.Helper()
	files, _ := filepath.Glob(filepath.Join(interopDir, "*.xml"))
	if len(files) == 0 {
		tb.Fatalf("no interop samples in %s", interopDir)
	}
	return files
}

// interopSamples returns the XML samples by file name.
func interopSamples(tb testing.TB) map[string][]byte {
	tb.Helper()
	files := interopFiles(tb)
	out := make(map[string][]byte, len(files))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		out[filepath.Base(f)] = b
	}
	return out
}

// foldSpace maps tab, LF and CR to space: encoding/xml does not apply
// attribute-value normalization (XML 1.0 section 3.3.3), so attribute
// values, and namespace names (which are attribute values), are compared
// with white space folded on both sides.
func foldSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}

// event is a token in the form both scanners can produce: names without
// prefixes (encoding/xml does not report them), no SelfClosing flag, merged
// text inside the root only, attribute values with white space folded.
type event struct {
	Kind  Kind
	Space string
	Local string
	Attrs []eventAttr
	Text  string
}

type eventAttr struct {
	Space, Local, Value string
}

func (e event) String() string {
	switch e.Kind {
	case StartElement:
		var sb strings.Builder
		fmt.Fprintf(&sb, "start {%s}%s", e.Space, e.Local)
		for _, a := range e.Attrs {
			fmt.Fprintf(&sb, " {%s}%s=%q", a.Space, a.Local, a.Value)
		}
		return sb.String()
	case EndElement:
		return fmt.Sprintf("end {%s}%s", e.Space, e.Local)
	}
	return fmt.Sprintf("text %q", e.Text)
}

// ourEvents scans doc with the Scanner.
func ourEvents(doc []byte) ([]event, error) {
	s := NewScanner(doc)
	var out []event
	for {
		tok, err := s.ReadToken()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		e := event{Kind: tok.Kind, Space: foldSpace(string(tok.Name.Space)), Local: string(tok.Name.Local), Text: string(tok.Text)}
		if tok.Kind != Text && len(tok.Name.Prefix) == 0 && string(tok.Name.Local) == "xmlns" {
			// encoding/xml never applies the default namespace to an
			// unprefixed element named xmlns.
			e.Space = ""
		}
		for _, a := range tok.Attrs {
			e.Attrs = append(e.Attrs, eventAttr{foldSpace(string(a.Name.Space)), string(a.Name.Local), foldSpace(string(a.Value))})
		}
		out = append(out, e)
	}
}

// oracleToken is one token of encoding/xml with the byte span it came from.
type oracleToken struct {
	tok        xml.Token
	start, end int64
}

// oracleScan tokenizes doc with encoding/xml in strict mode (no AutoClose,
// no extra entities, its own namespace handling). It returns the tokens and
// the error that stopped it (nil at io.EOF).
func oracleScan(doc []byte) ([]oracleToken, error) {
	d := xml.NewDecoder(bytes.NewReader(doc))
	d.Strict = true
	var out []oracleToken
	for {
		start := d.InputOffset()
		tok, err := d.Token()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, oracleToken{xml.CopyToken(tok), start, d.InputOffset()})
	}
}

// oracleEvents turns encoding/xml tokens into events: namespace declarations
// dropped from the attributes, character data merged between tags (across
// comments, PIs and directives) and dropped outside the root and when empty.
func oracleEvents(toks []oracleToken) []event {
	var out []event
	var text strings.Builder
	depth := 0
	flush := func() {
		if depth > 0 && text.Len() > 0 {
			out = append(out, event{Kind: Text, Text: text.String()})
		}
		text.Reset()
	}
	for _, ot := range toks {
		switch t := ot.tok.(type) {
		case xml.StartElement:
			flush()
			e := event{Kind: StartElement, Space: foldSpace(t.Name.Space), Local: t.Name.Local}
			for _, a := range t.Attr {
				if a.Name.Space == "xmlns" || a.Name.Space == "" && a.Name.Local == "xmlns" {
					continue
				}
				e.Attrs = append(e.Attrs, eventAttr{foldSpace(a.Name.Space), a.Name.Local, foldSpace(a.Value)})
			}
			out = append(out, e)
			depth++
		case xml.EndElement:
			flush()
			out = append(out, event{Kind: EndElement, Space: foldSpace(t.Name.Space), Local: t.Name.Local})
			depth--
		case xml.CharData:
			text.Write(t)
		}
	}
	flush()
	return out
}

func TestInteropVsEncodingXML(t *testing.T) {
	for name, doc := range interopSamples(t) {
		t.Run(name, func(t *testing.T) {
			toks, err := oracleScan(doc)
			if err != nil {
				t.Fatalf("encoding/xml: %v", err)
			}
			want := oracleEvents(toks)
			got, err := ourEvents(doc)
			if err != nil {
				t.Fatalf("xmlscan: %v", err)
			}
			if len(want) < 2 {
				t.Fatalf("only %d events", len(want))
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("events differ (-encoding/xml +xmlscan):\n%s", diff)
			}
		})
	}
}
