package wbxml

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// trailingData names samples that carry bytes after the root element,
// which the decoder leaves unread and the encoder therefore does not
// reproduce.
var trailingData = map[string]string{
	"eas-getitemestimate-req": "a second copy of the body, without header, follows the root element (libwbxml ignores it too)",
}

// TestRoundTripSamples decodes every sample, encodes the tokens with the
// sample's own header, and checks the output is byte-identical to the
// input, and that decoding it again gives the same tokens.
func TestRoundTripSamples(t *testing.T) {
	for _, s := range samples(t) {
		if s.bad {
			continue
		}
		t.Run(s.name, func(t *testing.T) {
			d := NewDecoder(s.data)
			h, err := d.Header()
			if err != nil {
				t.Fatal(err)
			}
			toks, err := collect(d)
			if err != nil {
				t.Fatal(err)
			}
			end := d.InputOffset()
			if _, ok := trailingData[s.name]; ok != (end != int64(len(s.data))) {
				t.Errorf("decoding stopped at %d of %d bytes; trailing data expected: %v", end, len(s.data), ok)
			}
			out, err := encodeAll(h, toks)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(out, s.data[:end]) {
				t.Errorf("re-encoded bytes differ:\n got % X\nwant % X", out, s.data[:end])
			}
			again, err := decodeAll(out)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(normalize(toks), normalize(again), equateEmpty); diff != "" {
				t.Errorf("decode → encode → decode (-first +second):\n%s", diff)
			}
		})
	}
}

// TestCanonicalSamples re-encodes every canonical ActiveSync sample (header
// 03 01 6A 00, nothing after the root) with a default Encoder, as a
// converter that knows nothing of the input's header does, and checks the
// output is byte-identical.
func TestCanonicalSamples(t *testing.T) {
	n := 0
	for _, s := range samples(t) {
		if s.bad || !bytes.HasPrefix(s.data, []byte{0x03, 0x01, 0x6A, 0x00}) {
			continue
		}
		if _, ok := trailingData[s.name]; ok {
			continue
		}
		n++
		t.Run(s.name, func(t *testing.T) {
			toks, err := decodeAll(s.data)
			if err != nil {
				t.Fatal(err)
			}
			e := NewAppendEncoder(nil)
			for i := range toks {
				if err := e.WriteToken(&toks[i]); err != nil {
					t.Fatalf("token %d: %v", i, err)
				}
			}
			if !bytes.Equal(e.Bytes(), s.data) {
				t.Errorf("got  % X\nwant % X", e.Bytes(), s.data)
			}
		})
	}
	if n < 30 {
		t.Errorf("only %d canonical samples", n)
	}
	// Every sample the MANIFEST calls canonical is among them.
	manifest, err := os.ReadFile(filepath.Join(interopDir, "MANIFEST.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(manifest), "\n")[1:] {
		f := strings.Split(line, "\t")
		if len(f) < 5 || strings.HasPrefix(f[0], "bad/") {
			continue
		}
		notes := strings.ToLower(f[4])
		if strings.Contains(notes, "canonical") && !strings.Contains(notes, "not canonical") && !strings.Contains(notes, "non-canonical") {
			if _, ok := trailingData[f[0]]; ok {
				t.Errorf("%s: MANIFEST says canonical, but it has trailing data", f[0])
			}
			data, err := os.ReadFile(filepath.Join(interopDir, f[0]+".wbxml"))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(data, []byte{0x03, 0x01, 0x6A, 0x00}) {
				t.Errorf("%s: MANIFEST says canonical, but the header is % X", f[0], data[:4])
			}
		}
	}
}

// TestRoundTripNonCanonical checks inputs that do not come back byte for
// byte, and that their tokens do.
func TestRoundTripNonCanonical(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want []byte
	}{
		{"redundant SWITCH_PAGE", hdr(0x00, 0x00, 0x45, 0x00, 0x00, 0x46, 0x01, 0x00, 0x00, 0x01), hdr(0x45, 0x06, 0x01)},
		{"content bit without content", hdr(0x45, 0x5C, 0x01, 0x01), hdr(0x45, 0x1C, 0x01)},
		{"attribute element with content bit and no content", hdr(0xC5, 0x06, 0x01, 0x01), hdr(0x85, 0x06, 0x01)},
		{"non-shortest mb_u_int32", hdr(0x45, 0xC3, 0x80, 0x01, 0xAA, 0x01), hdr(0x45, 0xC3, 0x01, 0xAA, 0x01)},
		{"trailing bytes", hdr(0x05, 0x05), hdr(0x05)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks, err := decodeAll(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			out, err := encodeAll(DefaultHeader(), toks)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(out, tt.want) {
				t.Errorf("got  % X\nwant % X", out, tt.want)
			}
			again, err := decodeAll(out)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(normalize(toks), normalize(again), equateEmpty); diff != "" {
				t.Errorf("tokens (-first +second):\n%s", diff)
			}
		})
	}
}
