package clitest

import (
	"os"
	"path/filepath"
	"testing"
)

// LibwbxmlDir is where Debian's libwbxml2-utils installs libwbxml's tools.
// They are called by full path: easkit's commands have the same names and
// may come first on PATH.
const LibwbxmlDir = "/usr/bin"

// Libwbxml returns the path of libwbxml's tool name ("wbxml2xml",
// "xml2wbxml"). When it is not installed the test is skipped, or fails
// when the CI variable is set (CI installs libwbxml2-utils for the
// differential tests).
func Libwbxml(t testing.TB, name string) string {
	t.Helper()
	p := filepath.Join(LibwbxmlDir, name)
	if _, err := os.Stat(p); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("libwbxml's %s is not installed (apt-get install libwbxml2-utils): %v", name, err)
		}
		t.Skipf("libwbxml's %s is not installed at %s (apt-get install libwbxml2-utils); skipping the comparison with libwbxml", name, p)
	}
	return p
}

// RunLibwbxml runs libwbxml's tool (from [Libwbxml]) with args, then "-o",
// a temporary output file and the input file in; it returns what the tool
// wrote to the output file. libwbxml writes nothing without -o, prints
// "succeeded" on standard error and exits 0 after most errors, so a run
// counts as failed when it leaves no output; the test then fails.
func RunLibwbxml(t testing.TB, tool, in string, args ...string) []byte {
	t.Helper()
	out := filepath.Join(t.TempDir(), "out")
	r := MustRun(t, tool, nil, append(args, "-o", out, in)...)
	b, err := os.ReadFile(out)
	if err != nil || r.Exit != 0 {
		t.Fatalf("%s %q %s: exit %d, %v: %s", filepath.Base(tool), args, in, r.Exit, err, r.Stderr)
	}
	return b
}
