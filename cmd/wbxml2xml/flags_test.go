package main

import (
	"flag"
	"regexp"
	"strings"
	"testing"

	"github.com/easkit/easkit/internal/cli/clitest"
	"github.com/google/go-cmp/cmp"
)

const ping = "../../testdata/interop/wbxml/eas-ping-req.wbxml"

// TestUsageErrors checks that a bad command line exits with status 2, one
// line naming the problem and ending with a hint to run -h (not the whole
// usage), and no output.
func TestUsageErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		line string
	}{
		{"unknown flag", []string{"-x", ping}, "wbxml2xml: flag provided but not defined: -x"},
		{"unknown long flag", []string{"--frobnicate", ping}, "wbxml2xml: flag provided but not defined: -frobnicate"},
		{"mode out of range", []string{"-m", "3", ping}, `wbxml2xml: invalid value "3" for flag -m: mode must be 0 (compact), 1 (indented) or 2 (canonical)`},
		{"mode not a number", []string{"-mx", ping}, `wbxml2xml: invalid value "x" for flag -m: mode must be 0 (compact), 1 (indented) or 2 (canonical)`},
		{"other language", []string{"-l", "WML13", ping}, `wbxml2xml: invalid value "WML13" for flag -l: language "WML13" is not supported: easkit converts ActiveSync only (ACTIVESYNC or AIRSYNC)`},
		{"input form", []string{"-input", "pcap", ping}, `wbxml2xml: invalid value "pcap" for flag -input: input form must be auto, raw, hex, base64, http, har, saz, burp or log`},
		{"namespace form", []string{"-ns", "prefix", ping}, `wbxml2xml: invalid value "prefix" for flag -ns: namespace form must be colon (AirSync:), schema (AirSync) or synce (http://synce.org/formats/airsync_wm5/airsync)`},
		{"AIRSYNC and -ns", []string{"-l", "AIRSYNC", "-ns", "schema", ping}, `wbxml2xml: -l AIRSYNC writes the SynCE namespaces: it cannot be used with -ns`},
		{"protocol syntax", []string{"-protocol", "fourteen", ping}, `wbxml2xml: invalid value "fourteen" for flag -protocol: `},
		{"protocol unpublished", []string{"-protocol", "17.0", ping}, `wbxml2xml: invalid value "17.0" for flag -protocol: protocol version 17.0 was never published (known: 1.0, 2.0, 2.1, 2.5, 12.0, 12.1, 14.0, 14.1, 16.0, 16.1)`},
		{"negative indent", []string{"-i", "-1", ping}, "wbxml2xml: -i: indent must be between 0 and 64"},
		{"huge indent", []string{"-i", "1000", ping}, "wbxml2xml: -i: indent must be between 0 and 64"},
		{"indent not a number", []string{"-i", "two", ping}, `wbxml2xml: invalid value "two" for flag -i: parse error`},
		{"two inputs", []string{ping, ping}, `wbxml2xml: one input at most, got 2: ["` + ping + `" "` + ping + `"]`},
		{"missing value", []string{ping, "-o"}, "wbxml2xml: flag needs an argument: -o"},
		{"bool with value", []string{"-strict=maybe", ping}, `wbxml2xml: invalid boolean value "maybe" for -strict: parse error`},
		{"charset", []string{"-c", "latin1", ping}, `wbxml2xml: invalid value "latin1" for flag -c: charset "latin1" is not one libwbxml takes (ASCII, `},
		{"names", []string{"-names", "z-push", ping}, `wbxml2xml: invalid value "z-push" for flag -names: element names must be spec or libwbxml`},
		{"declaration", []string{"-decl=short", ping}, `wbxml2xml: invalid boolean value "short" for -decl: declaration must be true, false or libwbxml`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clitest.CheckUsageError(t, clitest.MustRun(t, bin, nil, tt.args...), name, tt.line)
		})
	}
}

// TestHelp checks that -h, -help and --help print the usage on standard
// output and exit 0, and that the usage documents every flag.
func TestHelp(t *testing.T) {
	for _, arg := range []string{"-h", "-help", "--help", "--h"} {
		r := clitest.MustRun(t, bin, nil, arg)
		if r.Exit != 0 || string(r.Stdout) != usage || len(r.Stderr) != 0 {
			t.Errorf("%s: exit %d, stdout %d bytes (usage %d), stderr %q", arg, r.Exit, len(r.Stdout), len(usage), r.Stderr)
		}
	}
	flags(new(options)).VisitAll(func(f *flag.Flag) {
		if !regexp.MustCompile(`(?m)^  -+` + regexp.QuoteMeta(f.Name) + `\b`).MatchString(usage) {
			t.Errorf("usage does not document -%s", f.Name)
		}
	})
}

// TestVersion checks --version: the module version, "(devel)" for a build
// from source.
func TestVersion(t *testing.T) {
	for _, arg := range []string{"--version", "-version"} {
		r := clitest.MustRun(t, bin, nil, arg, ping)
		re := regexp.MustCompile(`^wbxml2xml github\.com/easkit/easkit \S+ \(go[^)]+\)\n$`)
		if r.Exit != 0 || !re.Match(r.Stdout) || len(r.Stderr) != 0 {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", arg, r.Exit, r.Stdout, r.Stderr)
		}
	}
}

// TestLibwbxmlFlags checks that libwbxml's wbxml2xml flags do what its
// documentation says, in its spellings: -i N and -iN, -m 0|1|2, -k, -l
// ACTIVESYNC or AIRSYNC in any case, -o with "-" for standard output, and
// flags after the input file.
func TestLibwbxmlFlags(t *testing.T) {
	indented := func(n int) string {
		pad := strings.Repeat(" ", n)
		return "<Ping xmlns=\"Ping:\">\n" + pad + "<HeartbeatInterval>470</HeartbeatInterval>\n" + pad + "<Folders>\n" + pad + pad + "<Folder>\n"
	}
	const compact = `<Ping xmlns="Ping:"><HeartbeatInterval>470</HeartbeatInterval><Folders><Folder><Id>1</Id>`
	const decl = `<?xml version="1.0" encoding="UTF-8"?>` + "\n"
	const doctype = `<!DOCTYPE ActiveSync PUBLIC "-//MICROSOFT//DTD ActiveSync//EN" "http://www.microsoft.com/">` + "\n"
	const synce = `<!DOCTYPE AirSync PUBLIC "-//AIRSYNC//DTD AirSync//EN" "http://www.microsoft.com/">` + "\n" +
		`<Ping xmlns="http://synce.org/formats/airsync_wm5/ping">` + "\n"
	tests := []struct {
		name string
		args []string
		want string // prefix of stdout
	}{
		{"default", []string{ping}, decl + doctype + indented(2)},
		{"-i 4", []string{"-i", "4", ping}, decl + doctype + indented(4)},
		{"-i4", []string{"-i4", ping}, decl + doctype + indented(4)},
		{"-i=1", []string{"-i=1", ping}, decl + doctype + indented(1)},
		{"-i 0", []string{"-i", "0", ping}, decl + doctype + compact},
		{"-m 1 -i 3", []string{"-m", "1", "-i", "3", ping}, decl + doctype + indented(3)},
		{"-m 0", []string{"-m", "0", ping}, decl + doctype + compact},
		{"-m0 ignores -i", []string{"-m0", "-i", "4", ping}, decl + doctype + compact},
		{"-m 2", []string{"-m", "2", ping}, compact},
		{"-m 2 -doctype", []string{"-m", "2", "-doctype", ping}, doctype + compact},
		{"-k", []string{"-k", ping}, decl + doctype + indented(2)},
		{"-l ACTIVESYNC", []string{"-l", "ACTIVESYNC", ping}, decl + doctype + indented(2)},
		{"-l AIRSYNC", []string{"-l", "AIRSYNC", ping}, decl + synce},
		{"-ns synce", []string{"-ns", "synce", ping}, decl + synce},
		{"-decl=libwbxml", []string{"-decl=libwbxml", ping}, `<?xml version="1.0"?>` + "\n" + doctype + indented(2)},
		{"-m 2 -decl=libwbxml", []string{"-m", "2", "-decl=libwbxml", ping}, `<?xml version="1.0"?>` + "\n" + compact},
		{"-c", []string{"-c", "ISO-8859-1", ping}, decl + doctype + indented(2)},
		{"-l activesync", []string{"-lactivesync", ping}, decl + doctype + indented(2)},
		{"-o -", []string{"-o", "-", ping}, decl + doctype + indented(2)},
		{"flags after the input", []string{ping, "-m", "2", "-l", "ACTIVESYNC"}, compact},
		{"--flags", []string{"--m=2", "--l", "ACTIVESYNC", ping}, compact},
		{"-- ends flags", []string{"-m", "2", "--", ping}, compact},
		{"-km2", []string{"-km2", ping}, compact},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := clitest.MustRun(t, bin, nil, tt.args...)
			if r.Exit != 0 {
				t.Fatalf("exit %d: %s", r.Exit, r.Stderr)
			}
			if got := string(r.Stdout); !strings.HasPrefix(got, tt.want) {
				t.Errorf("stdout does not start as it should (-want +got):\n%s", cmp.Diff(tt.want, got[:min(len(got), len(tt.want)+40)]))
			}
			if len(r.Stderr) != 0 {
				t.Errorf("stderr: %s", r.Stderr)
			}
		})
	}
}
