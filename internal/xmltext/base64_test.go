package xmltext

import (
	"encoding/base64"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestAppendBase64Lengths compares AppendBase64 with encoding/base64 for
// every length from 0 to 100, at every offset in a byte pattern.
func TestAppendBase64Lengths(t *testing.T) {
	raw := make([]byte, 128)
	for i := range raw {
		raw[i] = byte(i*151 + 7)
	}
	for n := 0; n <= 100; n++ {
		for off := range 8 {
			src := raw[off : off+n]
			want := "pre" + base64.StdEncoding.EncodeToString(src)
			if diff := cmp.Diff(want, string(AppendBase64([]byte("pre"), src))); diff != "" {
				t.Fatalf("length %d offset %d (-want +got):\n%s", n, off, diff)
			}
		}
	}
}

func FuzzAppendBase64(f *testing.F) {
	f.Add([]byte(""))
	f.Add([]byte("\x00\xff\x10 some bytes to encode"))
	f.Fuzz(func(t *testing.T, src []byte) {
		want := "pre" + base64.StdEncoding.EncodeToString(src)
		if got := string(AppendBase64([]byte("pre"), src)); got != want {
			t.Fatalf("AppendBase64(% X) = %q, want %q", src, got, want)
		}
	})
}
