package wbxml

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// interopDir holds the interoperability WBXML samples (described in
// testdata/interop/README.md at the repository root).
const interopDir = "../testdata/interop/wbxml"

// sample is one WBXML file from interopDir.
type sample struct {
	name string
	data []byte
	bad  bool
}

// samples returns the good and bad samples.
func samples(t testing.TB) []sample {
	t.Helper()
	var out []sample
	for _, dir := range []string{interopDir, filepath.Join(interopDir, "bad")} {
		names, err := filepath.Glob(filepath.Join(dir, "*.wbxml"))
		if err != nil {
			t.Fatal(err)
		}
		sort.Strings(names)
		for _, n := range names {
			b, err := os.ReadFile(n)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, sample{
				name: strings.TrimSuffix(filepath.Base(n), ".wbxml"),
				data: b,
				bad:  strings.HasSuffix(dir, "bad"),
			})
		}
	}
	if len(out) == 0 {
		t.Fatal("no samples in " + interopDir)
	}
	return out
}

// decodeAll decodes every token of b, cloning Data so that the tokens
// outlive the decoder's buffer. It stops at the first error other than
// io.EOF and returns it.
func decodeAll(b []byte, opts ...Option) ([]Token, error) {
	return collect(NewDecoder(b, opts...))
}

// collect reads d to its end.
func collect(d *Decoder) ([]Token, error) {
	var toks []Token
	for {
		t, err := d.ReadToken()
		if err == io.EOF {
			return toks, nil
		}
		if err != nil {
			return toks, err
		}
		if t.Data != nil {
			t.Data = bytes.Clone(t.Data)
		}
		toks = append(toks, t)
	}
}

// encodeAll writes toks after header h with an append Encoder.
func encodeAll(h Header, toks []Token, opts ...Option) ([]byte, error) {
	e := NewAppendEncoder(nil, append([]Option{WithHeader(h)}, opts...)...)
	for i := range toks {
		if err := e.WriteToken(&toks[i]); err != nil {
			return e.Bytes(), err
		}
	}
	return e.Bytes(), nil
}

// normalize drops what an encode/decode round trip does not keep: offsets,
// and the content bit of elements that have no content (the encoder always
// writes them without it). It runs in linear time.
func normalize(toks []Token) []Token {
	out := make([]Token, len(toks))
	var open []bool // per open element: whether it has content
	for i, t := range toks {
		t.Offset = 0
		switch t.Kind {
		case KindStartTag:
			j := i + 1
			if t.Attrs {
				for j < len(toks) && toks[j].Kind != KindEndAttrs {
					j++
				}
				j++
			}
			t.Content = !(j < len(toks) && toks[j].Kind == KindEndTag)
			open = append(open, t.Content)
		case KindEndTag:
			if len(open) > 0 {
				t.Content = open[len(open)-1]
				open = open[:len(open)-1]
			}
		}
		out[i] = t
	}
	return out
}

// tokensEqual reports whether a and b are equal field by field, with nil
// and empty Data equal. It is a fast check for fuzz targets, which call
// cmp.Diff only to report a difference.
func tokensEqual(a, b []Token) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := &a[i], &b[i]
		if x.Kind != y.Kind || x.Page != y.Page || x.Code != y.Code || x.Form != y.Form ||
			x.Attrs != y.Attrs || x.Content != y.Content || x.Literal != y.Literal ||
			x.Unknown != y.Unknown || x.Raw != y.Raw || x.Value != y.Value || x.Offset != y.Offset ||
			!bytes.Equal(x.Data, y.Data) {
			return false
		}
	}
	return true
}

// syntaxErr returns err as a *SyntaxError, failing the test if it is not one.
func syntaxErr(t *testing.T, err error) *SyntaxError {
	t.Helper()
	var se *SyntaxError
	if !errors.As(err, &se) {
		t.Fatalf("error %v (%T) is not a *SyntaxError", err, err)
	}
	return se
}
