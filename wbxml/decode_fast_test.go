package wbxml_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/internal/corpus"
	"github.com/easkit/easkit/wbxml"
	"github.com/google/go-cmp/cmp"
)

// The ways tokenTrace reads: each of the four methods, and the four in
// turn, token by token.
const (
	viaReadToken = iota
	viaNext
	viaStep
	viaLeaf
	viaTurns
	viaCount
)

// A traced is a token as tokenTrace records it, with the decoder's state
// after it.
type traced struct {
	tok                 wbxml.Token
	offset, depth, page int
}

// tracer reads tokens one at a time, as a way says; a NextLeaf leaf is
// given out as the tokens the other ways read for it, each with the
// decoder state those ways leave after it.
type tracer struct {
	d       *wbxml.Decoder
	pending []traced
}

// read returns the next token and the decoder state after it.
func (r *tracer) read(how, i int) (traced, error) {
	if len(r.pending) > 0 {
		t := r.pending[0]
		r.pending = r.pending[1:]
		return t, nil
	}
	if how == viaTurns {
		how = i % viaTurns
	}
	if how == viaLeaf {
		tok, err := r.d.NextLeaf()
		if err != nil {
			return traced{}, err
		}
		if tok.Kind != wbxml.KindLeaf {
			return traced{*tok, int(r.d.InputOffset()), r.d.StackDepth(), int(r.d.TagPage())}, nil
		}
		page, depth, at := int(r.d.TagPage()), r.d.StackDepth(), int(tok.Offset)
		start := wbxml.Token{Kind: wbxml.KindStartTag, Page: tok.Page, Code: tok.Code, Content: tok.Content, Unknown: tok.Unknown, Offset: tok.Offset}
		end := start
		end.Kind = wbxml.KindEndTag
		if !tok.Content {
			if tok.Data != nil {
				return traced{}, fmt.Errorf("leaf without content has data %q", tok.Data)
			}
			end.Offset = int64(at + 1)
			r.pending = append(r.pending, traced{end, at + 1, depth, page})
			return traced{start, at + 1, depth + 1, page}, nil
		}
		n := len(tok.Data)
		str := wbxml.Token{Kind: wbxml.KindString, Offset: int64(at + 1), Data: tok.Data}
		end.Offset = int64(at + 3 + n)
		if int(r.d.InputOffset()) != at+4+n {
			return traced{}, fmt.Errorf("leaf at %d of %d bytes of text left the decoder at %d", at, n, r.d.InputOffset())
		}
		r.pending = append(r.pending, traced{str, at + 3 + n, depth + 1, page}, traced{end, at + 4 + n, depth, page})
		return traced{start, at + 1, depth + 1, page}, nil
	}
	tok, err := readVia(r.d, how)
	return traced{tok, int(r.d.InputOffset()), r.d.StackDepth(), int(r.d.TagPage())}, err
}

// readVia reads the next token of d with the method how says.
// A Step token is checked against its accessors.
func readVia(d *wbxml.Decoder, how int) (wbxml.Token, error) {
	switch how {
	case viaNext:
		tok, err := d.Next()
		if err != nil {
			return wbxml.Token{}, err
		}
		return *tok, nil
	case viaStep:
		kind, err := d.Step()
		if err != nil {
			return wbxml.Token{}, err
		}
		page, code := d.StepTag()
		data, off, content := d.StepData(), d.StepOffset(), d.StepContent()
		tok := *d.StepToken()
		if tok.Kind != kind || tok.Page != page || tok.Code != code || tok.Offset != off ||
			tok.Content != content || string(tok.Data) != string(data) || (tok.Data == nil) != (data == nil) {
			return tok, fmt.Errorf("Step accessors (%v %d %d %d %v %q) disagree with StepToken %+v", kind, page, code, off, content, data, tok)
		}
		return tok, nil
	}
	return d.ReadToken()
}

// tokenTrace decodes in and returns every token (Data as a string), the
// final error and offsets, with the fast path on or off, reading the
// tokens as how says.
func tokenTrace(in []byte, fast bool, how int, opts ...wbxml.Option) []string {
	defer wbxml.SetFastDecode(fast)()
	d := wbxml.NewDecoder(in, opts...)
	r := &tracer{d: d}
	var out []string
	for i := range 4*len(in) + 8 {
		t, err := r.read(how, i)
		if err != nil {
			// After an error (or io.EOF) every call returns it again,
			// through every method.
			_, again := d.ReadToken()
			_, next := d.Next()
			_, step := d.Step()
			return append(out, fmt.Sprintf("err %v at %d depth %d page %d; again %v; next %v; step %v", err, d.InputOffset(), d.StackDepth(), d.TagPage(), again, next, step))
		}
		out = append(out, fmt.Sprintf("%+v %q @%d/%d/%d", t.tok, t.tok.Data, t.offset, t.depth, t.page))
	}
	return append(out, "no end")
}

// sameTrace reports how the fast path, read each way, differs from the
// general decoder read with ReadToken; "" when it does not.
func sameTrace(in []byte, opts ...wbxml.Option) string {
	want := tokenTrace(in, false, viaReadToken, opts...)
	for how := range viaCount {
		for _, fast := range []bool{false, true} {
			if diff := cmp.Diff(want, tokenTrace(in, fast, how, opts...)); diff != "" {
				return fmt.Sprintf("reading way %d, fast path %v (-general ReadToken +this):\n%s", how, fast, diff)
			}
		}
	}
	return ""
}

var decodeFastOptions = [][]wbxml.Option{
	nil,
	{wbxml.WithVocabulary(codepages.ActiveSync)},
	{wbxml.WithVocabulary(codepages.ActiveSync), wbxml.WithStrict(true), wbxml.WithMaxDepth(6)},
	{wbxml.WithVocabulary(testVocabulary{}), wbxml.WithMaxSize(300)},
}

// testVocabulary is a Vocabulary that is not a TagSetter: the fast path
// leaves its tags to next.
type testVocabulary struct{}

func (testVocabulary) TagName(page, token uint8) string {
	if token%2 == 0 {
		return "even"
	}
	return ""
}
func (testVocabulary) LookupTag(ns, local []byte) (uint8, uint8, bool) { return 0, 0, false }
func (testVocabulary) Namespace(uint8, wbxml.NamespaceForm) string     { return "" }
func (testVocabulary) PageName(uint8) string                           { return "" }
func (testVocabulary) Content(page, token uint8) wbxml.ContentKind     { return wbxml.ContentText }

// TestFastDecodeSameTokens: the fast path yields the tokens, offsets and
// errors of the general one, through ReadToken, Next, Step and NextLeaf
// (and the four in turn), on every corpus message and interop sample, whole and
// cut short.
func TestFastDecodeSameTokens(t *testing.T) {
	var inputs [][]byte
	for _, m := range corpus.Standard() {
		if m.Name != "SyncEmail10MB" {
			inputs = append(inputs, m.Build())
		}
	}
	files, _ := filepath.Glob("../testdata/interop/wbxml/*.wbxml")
	bad, _ := filepath.Glob("../testdata/interop/wbxml/bad/*.wbxml")
	for _, f := range append(files, bad...) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, b, b[:len(b)*2/3])
	}
	if len(inputs) < 20 {
		t.Fatalf("only %d inputs", len(inputs))
	}
	for i, in := range inputs {
		for j, opts := range decodeFastOptions {
			if diff := sameTrace(in, opts...); diff != "" {
				t.Fatalf("input %d, options %d: %s", i, j, diff)
			}
		}
	}
}

// FuzzDecodeFast compares the fast path with the general one on random
// input.
func FuzzDecodeFast(f *testing.F) {
	f.Add([]byte{0x03, 0x01, 0x6A, 0x00, 0x45, 0x00, 0x11, 0x4A, 0x03, 'x', 0x00, 0xC3, 0x02, 1, 2, 0x01, 0x0B, 0x01})
	f.Add([]byte{0x03, 0x01, 0x6A, 0x00, 0x45, 0x5C, 0xC3, 0x81, 0x00, 0x01})
	f.Add([]byte{0x03, 0x01, 0x04, 0x00, 0x45, 0x4B, 0x03, 0xE9, 0x00, 0x01, 0x01})
	f.Fuzz(func(t *testing.T, in []byte) {
		for j, opts := range decodeFastOptions {
			if diff := sameTrace(in, opts...); diff != "" {
				t.Fatalf("options %d: %s", j, diff)
			}
		}
	})
}
