//go:build linux

package hostile

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// BenchmarkLinear converts inputs of two sizes, 1 and 8 MiB, with each
// filter: with b.SetBytes the throughputs (MB/s) of the two sizes can be
// compared, and should be about the same if time is linear in the size.
func BenchmarkLinear(b *testing.B) {
	for _, bb := range []struct {
		name, bin string
		gen       func(int) io.Reader
		stdout    bool // the XML streamed to a pipe, not -o /dev/null
	}{
		{"wbxml2xml", "wbxml2xml", flatWBXML, false},
		{"wbxml2xml-stdout", "wbxml2xml", flatWBXML, true},
		{"wbxml2xml-hex-documents", "wbxml2xml", hexDocuments, true},
		{"wbxml2xml-http", "wbxml2xml", httpMessages, false},
		{"xml2wbxml", "xml2wbxml", flatXML, false},
		{"easquery-decode", "easquery", queries, false},
	} {
		for _, n := range []int{1 << 20, 8 << 20} {
			b.Run(bb.name+"/"+mib(n), func(b *testing.B) {
				in := filepath.Join(b.TempDir(), "in")
				f, err := os.Create(in)
				if err != nil {
					b.Fatal(err)
				}
				size, err := io.Copy(f, bb.gen(n))
				f.Close()
				if err != nil {
					b.Fatal(err)
				}
				args := []string{"-o", os.DevNull, in}
				if bb.stdout {
					args = []string{in}
				}
				if bb.bin == "easquery" {
					args = []string{"decode", "-"}
				}
				bin := binaries(b)[bb.bin]
				b.SetBytes(size)
				for b.Loop() {
					cmd := exec.Command(bin, args...)
					stdin, err := os.Open(in) // read by easquery only
					if err != nil {
						b.Fatal(err)
					}
					cmd.Stdin = stdin
					var out bytes.Buffer
					cmd.Stdout, cmd.Stderr = io.Discard, &out
					err = cmd.Run()
					stdin.Close()
					if err != nil {
						b.Fatalf("%s: %v: %s", bb.bin, err, firstLines(out.String(), 2))
					}
				}
			})
		}
	}
}
