package wbxml_test

import (
	"bytes"
	"os"
	"testing"

	"github.com/easkit/easkit/internal/fastpathgen"
)

// TestFastPathGenerated: decode_fast_gen.go is what internal/fastpathgen
// writes from the nextFast in decode_fast.go (run go generate after
// changing the template).
func TestFastPathGenerated(t *testing.T) {
	src, err := os.ReadFile("decode_fast.go")
	if err != nil {
		t.Fatal(err)
	}
	want, err := fastpathgen.Generate(src)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("decode_fast_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("decode_fast_gen.go is stale: run go generate ./wbxml")
	}
}
