package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/easkit/easkit/internal/cli/clitest"
)

// TestBinary builds easprobe and wbxml2xml: the process's exit statuses,
// the password from standard input, and wbxml2xml reading the HAR file of
// a run back (the FolderSync response with its Inbox among the messages).
func TestBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binaries")
	}
	dir := t.TempDir()
	bins, err := clitest.Build(dir, ".", "../wbxml2xml")
	if err != nil {
		t.Fatal(err)
	}
	f := newFake(t, false, false)
	har := filepath.Join(dir, "probe.har")
	cmd := exec.Command(bins["easprobe"], "-u", testUser, "-heartbeat", "1s", "-har", har, f.url())
	cmd.Env = append(os.Environ(), "EASPROBE_PASSWORD=")
	cmd.Stdin = strings.NewReader(testPassword + "\n")
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "passed: 8 of 9 steps (1 not applicable)") {
		t.Fatalf("easprobe: %v\n%s", err, out)
	}
	if strings.Contains(string(out), testPassword) {
		t.Error("the password is in the output")
	}
	xml, err := exec.Command(bins["wbxml2xml"], har).CombinedOutput()
	if err != nil {
		t.Fatalf("wbxml2xml %s: %v\n%s", har, err, xml)
	}
	s := string(xml)
	i := strings.Index(s, "<FolderSync xmlns=\"FolderHierarchy:\">\n  <Status>1</Status>")
	if i < 0 || !strings.Contains(s[i:], "<DisplayName>Inbox</DisplayName>") || strings.Contains(s, testPassword) {
		t.Errorf("wbxml2xml did not find the FolderSync response:\n%s", s)
	}

	// Exit statuses: 1 for a failed step, 2 for bad usage.
	cmd = exec.Command(bins["easprobe"], "-u", testUser, "https://127.0.0.1:1/Microsoft-Server-ActiveSync")
	cmd.Env = append(os.Environ(), "EASPROBE_PASSWORD=x")
	if err := cmd.Run(); exitCode(err) != 1 {
		t.Errorf("a failing probe: %v", err)
	}
	if err := exec.Command(bins["easprobe"], "-nope").Run(); exitCode(err) != 2 {
		t.Errorf("bad usage: %v", err)
	}
}

// exitCode is the exit status of a finished command.
func exitCode(err error) int {
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode()
	}
	if err != nil {
		return -1
	}
	return 0
}
