package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/easkit/easkit/internal/cli/clitest"
)

// TestValidateStrictLeavesNoFile: -validate -strict with an invalid
// message exits 1 and leaves no output file, for one document and for a
// capture's bodies (-concat and -split); a valid message is written.
func TestValidateStrictLeavesNoFile(t *testing.T) {
	dir := t.TempDir()
	bad := "../../testdata/interop/wbxml/mscmd-meetingresponse-req.xml"
	good := "../../testdata/interop/wbxml/eas-foldersync-req-synckey0.xml"
	out := filepath.Join(dir, "out.wbxml")
	r := clitest.MustRun(t, bin, nil, "-validate", "-strict", "-o", out, bad)
	if r.Exit != 1 || !strings.Contains(string(r.Stderr), "nothing written") {
		t.Errorf("bad: exit %d, stderr %s", r.Exit, r.Stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("bad: output file left behind (%v)", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("bad: %d files left in the directory", len(entries))
	}
	r = clitest.MustRun(t, bin, nil, "-validate", "-strict", "-o", out, good)
	if r.Exit != 0 || len(r.Stderr) != 0 {
		t.Errorf("good: exit %d, stderr %s", r.Exit, r.Stderr)
	}
	if b, err := os.ReadFile(out); err != nil || len(b) == 0 {
		t.Errorf("good: no output file (%v)", err)
	}

	// A capture document holding a valid and an invalid body.
	capture := clitest.MustRun(t, wbxml2xml, nil, "-concat", "../wbxml2xml/testdata/validate-capture.http")
	if capture.Exit != 0 {
		t.Fatalf("wbxml2xml: %s", capture.Stderr)
	}
	in := filepath.Join(dir, "capture.xml")
	if err := os.WriteFile(in, capture.Stdout, 0o644); err != nil {
		t.Fatal(err)
	}
	out2 := filepath.Join(dir, "concat.wbxml")
	r = clitest.MustRun(t, bin, nil, "-validate", "-strict", "-concat", "-o", out2, in)
	if r.Exit != 1 || !strings.Contains(string(r.Stderr), "MeetingResponse request in protocol 16.1") {
		t.Errorf("concat: exit %d, stderr %s", r.Exit, r.Stderr)
	}
	if _, err := os.Stat(out2); !os.IsNotExist(err) {
		t.Errorf("concat: output file left behind (%v)", err)
	}
	// Without -strict the notes say which reading: the response body is
	// checked as a response.
	r = clitest.MustRun(t, bin, nil, "-validate", "-concat", "-o", out2, in)
	if r.Exit != 0 || !strings.Contains(string(r.Stderr), "(MeetingResponse response in 16.1)") {
		t.Errorf("concat lenient: exit %d, stderr %s", r.Exit, r.Stderr)
	}
}
