// Command fastpathgen writes wbxml/decode_fast_gen.go from nextFast in
// wbxml/decode_fast.go; run it with go generate in package wbxml.
package main

import (
	"fmt"
	"os"

	"github.com/easkit/easkit/internal/fastpathgen"
)

func main() {
	src, err := os.ReadFile("decode_fast.go")
	if err == nil {
		var out []byte
		if out, err = fastpathgen.Generate(src); err == nil {
			err = os.WriteFile("decode_fast_gen.go", out, 0o644)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
