package fuzz

import (
	"bytes"
	"errors"
	"io"
	"testing"
	"testing/iotest"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/wbxml"
	"github.com/google/go-cmp/cmp"
)

// decoderOptions turns a fuzz byte into decoder settings: bit 0 the
// ActiveSync vocabulary, bit 1 strict mode, bits 2–4 a small depth limit
// (0: the default). (Bits 5 and 6 choose the input form: see ourDecode.)
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
	return collectTokens(wbxml.NewDecoder(in, opts...))
}

// readerForm returns the io.Reader form of the decoder that sel (bits 5
// and 6) picks, or nil for the []byte form: a reader that returns half of
// what is asked, one byte at a time, or data with io.EOF.
func readerForm(in []byte, sel byte) io.Reader {
	switch sel >> 5 & 3 {
	case 1:
		return iotest.HalfReader(bytes.NewReader(in))
	case 2:
		return iotest.OneByteReader(bytes.NewReader(in))
	case 3:
		return iotest.DataErrReader(bytes.NewReader(in))
	}
	return nil
}

// collectTokens reads every token of d, copying each token's data.
func collectTokens(d *wbxml.Decoder) ([]wbxml.Token, error) {
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
// reference decoder of refdecode_test.go, under settings and an input form
// ([]byte or one of three io.Readers) chosen by the fuzz byte, and requires
// the same header, the same tokens (every field, offsets included) and the
// same outcome: both reach the end, or both fail with the same sentinel at
// the same offset.
func FuzzDecodeReference(f *testing.F) {
	f.Fuzz(func(t *testing.T, in []byte, sel byte) {
		ro, opts := decoderOptions(sel)
		wantHeader, want, werr := refDecode(in, ro)
		d := wbxml.NewDecoder(in, opts...)
		if r := readerForm(in, sel); r != nil {
			d = wbxml.NewReaderDecoder(r, opts...)
		}
		if h, err := d.Header(); err == nil {
			h.StringTable = bytes.Clone(h.StringTable)
			if diff := cmp.Diff(wantHeader, h, equateData); diff != "" {
				t.Fatalf("headers differ (-reference +wbxml):\n%s\ninput % X", diff, in)
			}
		}
		got, err := collectTokens(d)
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
