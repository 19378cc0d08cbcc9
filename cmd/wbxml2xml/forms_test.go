package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/easkit/easkit/internal/cli/clitest"
	"github.com/google/go-cmp/cmp"
)

const captureDir = "../../capture/testdata"

// TestCaptureFormsAgree runs the command over every hex and base64 capture
// of capture/testdata, each a dump of one sample of capture/testdata/wbxml,
// detected and forced with -input, and checks that it prints what the raw
// sample gives: the XML of a lone body does not depend on its form.
func TestCaptureFormsAgree(t *testing.T) {
	var files []string
	for _, form := range []string{"hex", "base64"} {
		fs, err := filepath.Glob(filepath.Join(captureDir, form, "*"))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, fs...)
	}
	tested := 0
	for _, file := range files {
		base := filepath.Base(file)
		sample := strings.SplitN(base, ".", 2)[0]
		raw := filepath.Join(captureDir, "wbxml", sample+".wbxml")
		if sample == "multipart-fetch" {
			raw = filepath.Join(captureDir, "wbxml", "multipart-fetch.bin")
		}
		if _, err := os.Stat(raw); err != nil {
			continue // several bodies in one file (ping-pair.xxd): see the golden archives
		}
		form := filepath.Base(filepath.Dir(file))
		want := clitest.MustRun(t, bin, nil, raw)
		if want.Exit != 0 {
			t.Fatalf("%s: exit %d: %s", raw, want.Exit, want.Stderr)
		}
		wantErr := strings.ReplaceAll(string(want.Stderr), "note: ", "note: body decoded from "+form+": ")
		for _, args := range [][]string{{file}, {"-input", form, file}, {"--input=" + form, "-"}} {
			var stdin []byte
			if args[len(args)-1] == "-" {
				var err error
				if stdin, err = os.ReadFile(file); err != nil {
					t.Fatal(err)
				}
			}
			t.Run(base+"/"+strings.Join(args[:len(args)-1], " "), func(t *testing.T) {
				got := clitest.MustRun(t, bin, stdin, args...)
				if got.Exit != 0 {
					t.Fatalf("exit %d: %s", got.Exit, got.Stderr)
				}
				if diff := cmp.Diff(string(want.Stdout), string(got.Stdout)); diff != "" {
					t.Errorf("stdout differs from the raw sample's (-want +got):\n%s", diff)
				}
				if diff := cmp.Diff(wantErr, string(got.Stderr)); diff != "" {
					t.Errorf("stderr differs (-want +got):\n%s", diff)
				}
			})
		}
		tested++
	}
	if tested < 15 {
		t.Errorf("only %d captures compared with their samples; expected the hex and base64 captures of capture/testdata", tested)
	}
}
