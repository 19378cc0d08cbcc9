package main

// Differential test against libwbxml's xml2wbxml (Debian package
// libwbxml2-utils), run when it is installed at /usr/bin (CI installs it).

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/easkit/easkit/internal/cli/clitest"
)

// TestLibwbxmlFlags converts the XML that libwbxml's wbxml2xml writes for
// every interop sample with libwbxml's xml2wbxml and with ours, with
// libwbxml's flags: -k -n -a and each -v. The WBXML must be the same.
// (Without -a libwbxml writes the public id in a string table and without
// -k it trims text; wbxml/libwbxml_divergence_test.go pins both.)
func TestLibwbxmlFlags(t *testing.T) {
	lib2xml := clitest.Libwbxml(t, "wbxml2xml")
	lib2wbxml := clitest.Libwbxml(t, "xml2wbxml")
	paths, err := filepath.Glob("../../testdata/interop/wbxml/*.wbxml")
	if err != nil || len(paths) < 30 {
		t.Fatalf("interop samples: %d, %v", len(paths), err)
	}
	compared := 0
	for _, path := range paths {
		name := strings.TrimSuffix(filepath.Base(path), ".wbxml")
		t.Run(name, func(t *testing.T) {
			if name == "gotest-strtbl-bare-root" {
				t.Skip("the root is not an ActiveSync command: libwbxml needs a known root for -l ACTIVESYNC")
			}
			xmlFile := filepath.Join(t.TempDir(), name+".xml")
			if err := os.WriteFile(xmlFile, clitest.RunLibwbxml(t, lib2xml, path, "-l", "ACTIVESYNC", "-k"), 0o644); err != nil {
				t.Fatal(err)
			}
			for _, args := range [][]string{
				{"-k", "-n", "-a"},
				{"-kna"},
				{"-k", "-n", "-a", "-v", "1.3"},
				{"-k", "-n", "-a", "-v", "1.2"},
				{"-k", "-n", "-a", "-v", "1.1"},
			} {
				want := clitest.RunLibwbxml(t, lib2wbxml, xmlFile, args...)
				r := clitest.MustRun(t, bin, nil, append(args, xmlFile)...)
				if r.Exit != 0 || !bytes.Equal(r.Stdout, want) {
					t.Errorf("xml2wbxml %q: exit %d, %s\n got % X\nwant % X", args, r.Exit, r.Stderr, r.Stdout, want)
				}
			}
			compared++
		})
	}
	t.Logf("%d samples compared with libwbxml", compared)
}
