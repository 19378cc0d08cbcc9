package main

import (
	"flag"
	"fmt"
	"os"
	"testing"

	"github.com/easkit/easkit/internal/cli/clitest"
)

var update = flag.Bool("update", false, "rewrite the golden archives in testdata/golden from the command's output")

// bin is the wbxml2xml binary that TestMain builds.
var bin string

func TestMain(m *testing.M) {
	flag.Parse()
	dir, err := os.MkdirTemp("", "wbxml2xml-test")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	bins, err := clitest.Build(dir, ".")
	if err != nil {
		os.RemoveAll(dir)
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	bin = bins["wbxml2xml"]
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// TestGolden runs the command over the captures of every form, good and
// bad, and compares standard output, standard error and the exit status
// with testdata/golden/*.txtar (go test -update rewrites them).
func TestGolden(t *testing.T) {
	clitest.Golden(t, bin, "testdata/golden/*.txtar", *update)
}
