package main

import (
	"flag"
	"fmt"
	"os"
	"testing"

	"github.com/easkit/easkit/internal/cli/clitest"
)

var update = flag.Bool("update", false, "rewrite the golden archives in testdata/golden from the command's output")

// bin and wbxml2xml are the binaries that TestMain builds: this command and
// the other direction, for round trips.
var bin, wbxml2xml string

func TestMain(m *testing.M) {
	flag.Parse()
	dir, err := os.MkdirTemp("", "xml2wbxml-test")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	bins, err := clitest.Build(dir, ".", "../wbxml2xml")
	if err != nil {
		os.RemoveAll(dir)
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	bin, wbxml2xml = bins["xml2wbxml"], bins["wbxml2xml"]
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// TestGolden runs the command over XML in the spellings seen in the wild,
// with libwbxml's flags and its own, and over bad input, and compares
// standard output (in hex), standard error and the exit status with
// testdata/golden/*.txtar (go test -update rewrites them).
func TestGolden(t *testing.T) {
	clitest.Golden(t, bin, "testdata/golden/*.txtar", *update)
}
