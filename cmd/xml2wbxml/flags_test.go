package main

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/easkit/easkit/internal/cli/clitest"
)

const pingXML = "../../testdata/interop/wbxml/eas-ping-req.xml"

// TestUsageErrors checks that a bad command line exits with status 2, one
// line naming the problem and ending with a hint to run -h (not the whole
// usage), and no output.
func TestUsageErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		line string
	}{
		{"unknown flag", []string{"-x", pingXML}, "xml2wbxml: flag provided but not defined: -x"},
		{"wbxml2xml's flag", []string{"-m", "2", pingXML}, "xml2wbxml: flag provided but not defined: -m"},
		{"WBXML version", []string{"-v", "2.0", pingXML}, `xml2wbxml: invalid value "2.0" for flag -v: WBXML version must be 1.0, 1.1, 1.2 or 1.3`},
		{"other language", []string{"-l", "SYNCML12", pingXML}, `xml2wbxml: invalid value "SYNCML12" for flag -l: language "SYNCML12" is not supported: easkit converts ActiveSync only (ACTIVESYNC or AIRSYNC)`},
		{"protocol", []string{"-protocol", "14", pingXML}, `xml2wbxml: invalid value "14" for flag -protocol: `},
		{"two inputs", []string{pingXML, pingXML}, `xml2wbxml: one input at most, got 2`},
		{"missing value", []string{pingXML, "-v"}, "xml2wbxml: flag needs an argument: -v"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clitest.CheckUsageError(t, clitest.MustRun(t, bin, nil, tt.args...), name, tt.line)
		})
	}
}

// TestHelp checks -h and the usage text, and --version.
func TestHelp(t *testing.T) {
	for _, arg := range []string{"-h", "--help"} {
		r := clitest.MustRun(t, bin, nil, arg)
		if r.Exit != 0 || string(r.Stdout) != usage || len(r.Stderr) != 0 {
			t.Errorf("%s: exit %d, stdout %d bytes, stderr %q", arg, r.Exit, len(r.Stdout), r.Stderr)
		}
	}
	flags(new(options)).VisitAll(func(f *flag.Flag) {
		if !regexp.MustCompile(`(?m)^  -+` + regexp.QuoteMeta(f.Name) + `\b`).MatchString(usage) {
			t.Errorf("usage does not document -%s", f.Name)
		}
	})
	r := clitest.MustRun(t, bin, nil, "--version")
	if re := regexp.MustCompile(`^xml2wbxml github\.com/easkit/easkit \S+ \(go[^)]+\)\n$`); r.Exit != 0 || !re.Match(r.Stdout) {
		t.Errorf("--version: exit %d, stdout %q", r.Exit, r.Stdout)
	}
}

// TestOutputFile checks -o: the file gets the WBXML, and a failed run
// leaves an existing file as it was and no temporary file.
func TestOutputFile(t *testing.T) {
	want := clitest.MustRun(t, bin, nil, pingXML).Stdout
	dir := t.TempDir()
	out := filepath.Join(dir, "out.wbxml")
	if r := clitest.MustRun(t, bin, nil, "-o", out, pingXML); r.Exit != 0 || len(r.Stdout) != 0 {
		t.Fatalf("exit %d, stdout %q, stderr %s", r.Exit, r.Stdout, r.Stderr)
	}
	if got, _ := os.ReadFile(out); string(got) != string(want) {
		t.Errorf("file holds % x, want % x", got, want)
	}
	r := clitest.MustRun(t, bin, []byte("<Ping xmlns=\"Ping:\"><Bogus/></Ping>"), "-o", out)
	if r.Exit != 1 || len(r.Stdout) != 0 {
		t.Errorf("bad input: exit %d, stdout %q", r.Exit, r.Stdout)
	}
	if got, _ := os.ReadFile(out); string(got) != string(want) {
		t.Errorf("a failed run changed the file to % x", got)
	}
	if es, _ := os.ReadDir(dir); len(es) != 1 {
		t.Errorf("directory holds %d entries, want 1", len(es))
	}
}
