package fuzz

import (
	"bytes"
	"errors"
	"io"
	"testing"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/wbxml"
	"github.com/google/go-cmp/cmp"
)

// decoderOptions turns a fuzz byte into decoder settings: bit 0 the
// ActiveSync vocabulary, bit 1 strict mode, bits 2–4 a small depth limit
// (0: the default).
func decoderOptions(sel byte) (refOptions, []wbxml.Option) {
	var ro refOptions
	var opts []wbxml.Option
	if sel&1 != 0 {
		ro.vocab = codepages.ActiveSync
		opts = append(opts, wbxml.WithVocabulary(codepages.ActiveSync))
	}
	if sel&2 != 0 {
		ro.strict = true
		opts = append(opts, wbxml.WithStrict(true))
	}
	if d := int(sel >> 2 & 7); d != 0 {
		ro.maxDepth = d
		opts = append(opts, wbxml.WithMaxDepth(d))
	}
	return ro, opts
}

// ourDecode decodes in with package wbxml, copying each token's data.
func ourDecode(in []byte, opts ...wbxml.Option) ([]wbxml.Token, error) {
	d := wbxml.NewDecoder(in, opts...)
	var toks []wbxml.Token
	for {
		tok, err := d.ReadToken()
		if errors.Is(err, io.EOF) {
			return toks, nil
		}
		if err != nil {
			return toks, err
		}
		if tok.Data != nil {
			tok.Data = bytes.Clone(tok.Data)
		}
		toks = append(toks, tok)
	}
}

// equateData compares token data as bytes, nil and empty alike.
var equateData = cmp.Comparer(func(a, b []byte) bool { return bytes.Equal(a, b) })

// FuzzDecodeReference decodes any input with wbxml.Decoder and with the
// reference decoder of refdecode_test.go, under settings chosen by the
// input's last byte, and requires the same tokens (every field, offsets
// included) and the same outcome: both reach the end, or both fail with
// the same sentinel at the same offset.
func FuzzDecodeReference(f *testing.F) {
	f.Fuzz(func(t *testing.T, in []byte, sel byte) {
		ro, opts := decoderOptions(sel)
		want, werr := refDecode(in, ro)
		got, err := ourDecode(in, opts...)
		if diff := cmp.Diff(want, got, equateData); diff != "" {
			t.Fatalf("tokens differ (-reference +wbxml):\n%s\ninput % X\nreference error %v, wbxml error %v", diff, in, werr, err)
		}
		switch {
		case werr == nil && err == nil:
		case werr == nil:
			t.Fatalf("the reference accepts, wbxml fails: %v\ninput % X", err, in)
		case err == nil:
			t.Fatalf("wbxml accepts, the reference fails at %d with %v\ninput % X", werr.offset, werr.err, in)
		default:
			var se *wbxml.SyntaxError
			if !errors.As(err, &se) || !errors.Is(err, werr.err) || se.Offset != int64(werr.offset) {
				t.Fatalf("wbxml fails with %v; the reference at offset %d with %v\ninput % X", err, werr.offset, werr.err, in)
			}
		}
	})
}
