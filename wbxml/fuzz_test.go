package wbxml

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/google/go-cmp/cmp"
)

// FuzzDecode checks that decoding never panics or loops, that every error
// is a *SyntaxError whose offset lies inside the input, and that tokens
// stay within the input.
func FuzzDecode(f *testing.F) {
	f.Fuzz(func(t *testing.T, in []byte) {
		optSets := [][]Option{
			nil,
			{WithVocabulary(testVocab{}), WithStrict(true)},
			{WithMaxDepth(3), WithMaxSize(int64(len(in) / 2))},
		}
		for _, opts := range optSets {
			d := NewDecoder(in, opts...)
			if _, err := d.Header(); err != nil {
				checkFuzzErr(t, in, err)
				continue
			}
			var prev int64
			for n := 0; ; n++ {
				// Each token but an element's end consumes at least one
				// byte, and each end follows a start.
				if n > 2*len(in) {
					t.Fatalf("more than %d tokens from %d bytes", n, len(in))
				}
				tok, err := d.ReadToken()
				if err == io.EOF {
					break
				}
				if err != nil {
					checkFuzzErr(t, in, err)
					break
				}
				if tok.Offset < prev || tok.Offset >= int64(len(in)) && tok.Kind != KindEndTag || tok.Offset > int64(len(in)) {
					t.Fatalf("token %v at offset %d (previous %d, input %d bytes)", tok.Kind, tok.Offset, prev, len(in))
				}
				prev = tok.Offset
				if len(tok.Data) > 2*len(in) {
					t.Fatalf("token data of %d bytes from %d bytes of input", len(tok.Data), len(in))
				}
				if off := d.InputOffset(); off < tok.Offset || off > int64(len(in)) {
					t.Fatalf("InputOffset %d after a token at %d", off, tok.Offset)
				}
			}
		}
	})
}

func checkFuzzErr(t *testing.T, in []byte, err error) {
	t.Helper()
	var se *SyntaxError
	if !errors.As(err, &se) {
		t.Fatalf("error %v (%T) is not a *SyntaxError", err, err)
	}
	if se.Offset < 0 || se.Offset > int64(len(in)) {
		t.Fatalf("error offset %d outside [0, %d]: %v", se.Offset, len(in), err)
	}
	if se.Err == nil || se.Error() == "" {
		t.Fatalf("error without sentinel or message: %#v", se)
	}
}

// FuzzRoundTrip checks that decode → encode → decode gives the same
// tokens, and that the encoder's output is a fixed point: encoding it again
// gives the same bytes.
func FuzzRoundTrip(f *testing.F) {
	f.Fuzz(func(t *testing.T, in []byte) {
		d := NewDecoder(in)
		h, err := d.Header()
		if err != nil {
			return
		}
		toks, err := collect(d)
		if err != nil {
			return
		}
		out, err := encodeAll(h, toks)
		if err != nil {
			t.Fatalf("encoding decoded tokens: %v", err)
		}
		d2 := NewDecoder(out)
		h2, err := d2.Header()
		if err != nil {
			t.Fatalf("decoding the output: %v", err)
		}
		again, err := collect(d2)
		if err != nil {
			t.Fatalf("decoding the output: %v\n in % X\nout % X", err, in, out)
		}
		if h.Version != h2.Version || h.PublicID != h2.PublicID || h.PublicIDIndex != h2.PublicIDIndex ||
			h.Charset != h2.Charset || !bytes.Equal(h.StringTable, h2.StringTable) {
			t.Fatalf("header %+v, then %+v", h, h2)
		}
		if n1, n2 := normalize(toks), normalize(again); !tokensEqual(n1, n2) {
			t.Fatalf("decode → encode → decode (-first +second):\n%s\n in % X\nout % X", cmp.Diff(n1, n2, equateEmpty), in, out)
		}
		out2, err := encodeAll(h2, again)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(out, out2) {
			t.Fatalf("encoding is not a fixed point:\n% X\n% X", out, out2)
		}
	})
}

// FuzzReader checks that the io.Reader form yields the same tokens and
// errors as the []byte form, whatever sizes the reader delivers.
func FuzzReader(f *testing.F) {
	f.Fuzz(func(t *testing.T, in []byte, chunk uint8) {
		var opts []Option
		if chunk&0x80 != 0 {
			opts = []Option{WithMaxSize(int64(len(in)) * 3 / 4), WithMaxDepth(4)}
		}
		want, wantErr := decodeAll(in, opts...)
		readers := []io.Reader{
			&chunkReader{b: in, n: int(chunk&0x1F) + 1},
			iotest.OneByteReader(bytes.NewReader(in)),
			iotest.DataErrReader(bytes.NewReader(in)),
		}
		for _, r := range readers {
			got, gotErr := collect(NewReaderDecoder(r, opts...))
			sameResult(t, want, wantErr, got, gotErr)
		}
	})
}

var updateSeeds = flag.Bool("update-seeds", false, "rewrite the committed fuzz seed corpora in testdata/fuzz")

// fuzzSeeds returns the seed inputs: every sample (bad ones too), the W3C
// examples, the document with every token, and every error case.
func fuzzSeeds(t *testing.T) map[string][]byte {
	seeds := map[string][]byte{}
	for _, s := range samples(t) {
		seeds["sample-"+s.name] = s.data
	}
	full, _ := fullDocument()
	seeds["w3c-simple"] = w3cSimple
	seeds["w3c-expanded"] = w3cExpanded
	seeds["full-token-set"] = full
	for _, c := range errCases {
		if len(c.in) > 0 {
			seeds["error-"+seedName(c.name)] = c.in
		}
	}
	return seeds
}

// seedName turns a test name into a file name.
func seedName(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' {
			return r
		}
		return '-'
	}, s)
}

// TestFuzzSeedCorpus checks that testdata/fuzz holds a seed file for every
// seed input, and rewrites them with -update-seeds.
func TestFuzzSeedCorpus(t *testing.T) {
	seeds := fuzzSeeds(t)
	targets := map[string]func(b []byte) string{
		"FuzzDecode":    func(b []byte) string { return fmt.Sprintf("[]byte(%s)\n", strconv.Quote(string(b))) },
		"FuzzRoundTrip": func(b []byte) string { return fmt.Sprintf("[]byte(%s)\n", strconv.Quote(string(b))) },
		"FuzzReader": func(b []byte) string {
			return fmt.Sprintf("[]byte(%s)\nbyte('\\x%02x')\n", strconv.Quote(string(b)), len(b)%7)
		},
	}
	for target, format := range targets {
		dir := filepath.Join("testdata", "fuzz", target)
		if *updateSeeds {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
		}
		for name, b := range seeds {
			path := filepath.Join(dir, name)
			want := "go test fuzz v1\n" + format(b)
			if *updateSeeds {
				if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			got, err := os.ReadFile(path)
			if err != nil || string(got) != want {
				t.Errorf("%s is missing or stale: run go test -run TestFuzzSeedCorpus -update-seeds ./wbxml", path)
			}
		}
	}
}
