package main

// Differential tests of the layouts against libwbxml's wbxml2xml (Debian
// package libwbxml2-utils), run when it is installed at /usr/bin (CI
// installs it). Each difference the README's libwbxml section lists is
// one rule of asLibwbxml, noIndent or trimText; everything else must be
// byte for byte what libwbxml writes.

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/easkit/easkit/internal/cli/clitest"
	"github.com/google/go-cmp/cmp"
)

// libwbxmlSamples returns the interop samples libwbxml converts as we do
// but for the listed differences, and the crafted document of escapes.
func libwbxmlSamples(t *testing.T) []string {
	t.Helper()
	paths, err := filepath.Glob("../../testdata/interop/wbxml/*.wbxml")
	if err != nil || len(paths) < 30 {
		t.Fatalf("interop samples: %d, %v", len(paths), err)
	}
	// A SyncKey with ' TAB CR LF > " & and an empty Status string.
	esc := filepath.Join(t.TempDir(), "escapes.wbxml")
	if err := os.WriteFile(esc, []byte("\x03\x01\x6a\x00\x45\x4b\x03a'b\tc\r\nd>e\"f&g\x00\x01\x4e\x03\x00\x01\x01"), 0o644); err != nil {
		t.Fatal(err)
	}
	return append(paths, esc)
}

// libwbxmlSkips are the samples whose XML differs from libwbxml's in
// more than layout; wbxml/libwbxml_divergence_test.go pins each.
var libwbxmlSkips = map[string]string{
	"gotest-strtbl-bare-root.wbxml": "the root is not an ActiveSync command: libwbxml needs a known root for -l ACTIVESYNC",
}

// TestLibwbxmlLayouts compares every layout with libwbxml's, sample by
// sample: -m 0, -m 1 with -i 1, 2 and 4, -m 2, -l AIRSYNC, and -i 0 and
// libwbxml's default, which are indented XML without the indentation.
func TestLibwbxmlLayouts(t *testing.T) {
	lib := clitest.Libwbxml(t, "wbxml2xml")
	compared := 0
	for _, path := range libwbxmlSamples(t) {
		name := filepath.Base(path)
		t.Run(strings.TrimSuffix(name, ".wbxml"), func(t *testing.T) {
			if why, ok := libwbxmlSkips[name]; ok {
				t.Skip(why)
			}
			ours := func(args ...string) []byte {
				r := clitest.MustRun(t, bin, nil, append([]string{"-names", "libwbxml", "-decl=libwbxml", "-doctype"}, append(args, path)...)...)
				if r.Exit != 0 {
					t.Fatalf("wbxml2xml %q: exit %d: %s", args, r.Exit, r.Stderr)
				}
				return r.Stdout
			}
			theirs := func(args ...string) []byte {
				return clitest.RunLibwbxml(t, lib, path, append([]string{"-l", "ACTIVESYNC", "-k"}, args...)...)
			}
			check := func(what string, want, got []byte) {
				t.Helper()
				if !bytes.Equal(want, got) {
					t.Errorf("%s (-libwbxml +easkit):\n%s", what, cmp.Diff(string(want), string(got)))
				}
			}
			check("-m 0", theirs("-m", "0"), asLibwbxml(ours("-m", "0"), modeCompact))
			check("-m 2", theirs("-m", "2"), asLibwbxml(ours("-m", "2"), modeCanonical))
			for _, i := range []string{"1", "2", "4"} {
				check("-m 1 -i "+i, theirs("-m", "1", "-i", i), asLibwbxml(ours("-m", "1", "-i", i), modeIndent))
			}
			flat := noIndent(asLibwbxml(ours("-i", "1"), modeIndent))
			check("libwbxml -i 0", theirs("-i", "0"), flat)
			check("libwbxml's default indent", theirs(), flat)
			check("our default is -i 2", ours("-i", "2"), ours())
			check("our -i 0 is -m 0", ours("-m", "0"), ours("-i", "0"))
			check("-l AIRSYNC", clitest.RunLibwbxml(t, lib, path, "-l", "AIRSYNC", "-k", "-i", "2"), asLibwbxml(ours("-l", "AIRSYNC", "-i", "2"), modeIndent))
			// Without -k libwbxml trims the text of leaf elements.
			trimmed := clitest.RunLibwbxml(t, lib, path, "-l", "ACTIVESYNC", "-i", "2")
			check("libwbxml without -k", trimText(theirs("-i", "2")), trimmed)
			compared++
		})
	}
	if compared > 0 && compared < 30 {
		t.Errorf("only %d samples compared with libwbxml", compared)
	}
	t.Logf("%d samples compared with libwbxml in 8 layouts", compared)
}
