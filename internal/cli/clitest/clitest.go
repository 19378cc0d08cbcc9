// Package clitest runs easkit's commands end to end for their tests: it
// builds the binaries once, runs them with arguments and standard input,
// and checks what they print and their exit status against golden txtar
// archives.
//
// # Golden archives
//
// Each archive (golang.org/x/tools/txtar) describes one run. Its comment
// says what the case is about. Its files:
//
//	args        the arguments, one a line (empty lines are skipped)
//	stdin       optional: text fed to standard input
//	stdin-file  optional: the path of a file fed to standard input
//	exit        the expected exit status
//	stdout      the expected standard output, as text; or
//	stdout-hex  the expected standard output, in hex, 32 bytes a line
//	stdout-noeol  present when the text of stdout has no final newline
//	stderr      the expected standard error
//
// Paths are relative to the test's directory, the package being tested.
// Golden rewrites exit, stdout and stderr from what the command does when
// update is set (the -update flag of the tests).
package clitest

import (
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"
)

// Build builds the main packages pkgs (paths as the go command takes them,
// such as "." or "../xml2wbxml") into dir and returns the path of each
// binary by its base name ("wbxml2xml").
func Build(dir string, pkgs ...string) (map[string]string, error) {
	// go test puts the go command that runs it first in PATH, so "go" is
	// the toolchain under test.
	gocmd := "go"
	bins := make(map[string]string)
	for _, p := range pkgs {
		abs, err := filepath.Abs(p)
		if err != nil {
			return nil, err
		}
		name := filepath.Base(abs)
		exe := filepath.Join(dir, name)
		if runtime.GOOS == "windows" {
			exe += ".exe"
		}
		cmd := exec.Command(gocmd, "build", "-o", exe, ".")
		cmd.Dir = abs
		if out, err := cmd.CombinedOutput(); err != nil {
			return nil, fmt.Errorf("go build %s: %v\n%s", p, err, out)
		}
		bins[name] = exe
	}
	return bins, nil
}

// Result is what a run printed and its exit status.
type Result struct {
	Stdout, Stderr []byte
	Exit           int
}

// Run runs bin with args and stdin (nil: no input, as from /dev/null) in
// the current directory.
func Run(bin string, stdin []byte, args ...string) (Result, error) {
	cmd := exec.Command(bin, args...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if stdin != nil {
		cmd.Stdin = bytes.NewReader(stdin)
	}
	err := cmd.Run()
	r := Result{Stdout: out.Bytes(), Stderr: errb.Bytes()}
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		r.Exit = ee.ExitCode()
	case err != nil:
		return r, err
	}
	return r, nil
}

// MustRun is Run for tests: a failure to start bin fails the test.
func MustRun(t testing.TB, bin string, stdin []byte, args ...string) Result {
	t.Helper()
	r, err := Run(bin, stdin, args...)
	if err != nil {
		t.Fatalf("running %s %q: %v", filepath.Base(bin), args, err)
	}
	return r
}

// Golden runs bin for every archive matching pattern (such as
// "testdata/golden/*.txtar"), one subtest each, and compares what it does
// with the archive; with update it rewrites the archive instead.
func Golden(t *testing.T, bin, pattern string, update bool) {
	t.Helper()
	files, err := filepath.Glob(pattern)
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden archives match %s (%v)", pattern, err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			golden(t, bin, file, update)
		})
	}
}

func golden(t *testing.T, bin, file string, update bool) {
	a, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	files := make(map[string][]byte)
	for _, f := range a.Files {
		files[f.Name] = f.Data
	}
	var args []string
	for _, line := range strings.Split(string(files["args"]), "\n") {
		if line != "" {
			args = append(args, line)
		}
	}
	var stdin []byte
	if s, ok := files["stdin"]; ok {
		stdin = s
	}
	if p, ok := files["stdin-file"]; ok {
		if stdin, err = os.ReadFile(strings.TrimSpace(string(p))); err != nil {
			t.Fatal(err)
		}
	}
	r := MustRun(t, bin, stdin, args...)

	_, wantHex := files["stdout-hex"]
	got := map[string][]byte{
		"exit":   []byte(strconv.Itoa(r.Exit) + "\n"),
		"stderr": r.Stderr,
	}
	if wantHex {
		got["stdout-hex"] = HexLines(r.Stdout)
	} else {
		got["stdout"] = r.Stdout
		if len(r.Stdout) > 0 && r.Stdout[len(r.Stdout)-1] != '\n' {
			got["stdout"] = append(r.Stdout[:len(r.Stdout):len(r.Stdout)], '\n')
			got["stdout-noeol"] = nil
		}
	}
	if update {
		for name, data := range got {
			if bytes.Contains(append([]byte("\n"), data...), []byte("\n-- ")) {
				t.Fatalf("%s holds a line starting with \"-- \", which txtar cannot store", name)
			}
		}
		rewrite(t, file, a, got)
		return
	}
	for _, name := range []string{"exit", "stdout", "stdout-hex", "stdout-noeol", "stderr"} {
		want, inWant := files[name]
		g, inGot := got[name]
		if inWant != inGot {
			t.Errorf("%s: section %q in archive: %v, in output: %v", file, name, inWant, inGot)
			continue
		}
		if diff := cmp.Diff(string(want), string(g)); diff != "" {
			t.Errorf("%s %s differs (-want +got):\n%s", filepath.Base(bin), name, diff)
		}
	}
}

// rewrite writes the archive with the sections in got replacing the old
// output sections.
func rewrite(t *testing.T, file string, a *txtar.Archive, got map[string][]byte) {
	out := &txtar.Archive{Comment: a.Comment}
	for _, f := range a.Files {
		switch f.Name {
		case "exit", "stdout", "stdout-hex", "stdout-noeol", "stderr":
			continue
		}
		out.Files = append(out.Files, f)
	}
	for _, name := range []string{"exit", "stdout", "stdout-hex", "stdout-noeol", "stderr"} {
		if data, ok := got[name]; ok {
			out.Files = append(out.Files, txtar.File{Name: name, Data: data})
		}
	}
	if err := os.WriteFile(file, txtar.Format(out), 0o644); err != nil {
		t.Fatal(err)
	}
}

// HexLines writes b in lower-case hex, 32 bytes a line.
func HexLines(b []byte) []byte {
	var out []byte
	for len(b) > 0 {
		n := min(32, len(b))
		out = hex.AppendEncode(out, b[:n])
		out = append(out, '\n')
		b = b[n:]
	}
	return out
}

// CheckUsageError checks that r is the run of a bad command line of the
// command name: exit status 2, nothing on standard output, and on standard
// error one line that starts with prefix and ends with the hint
// "(run name -h for usage)", without the usage itself.
func CheckUsageError(t testing.TB, r Result, name, prefix string) {
	t.Helper()
	if r.Exit != 2 {
		t.Errorf("exit %d, want 2", r.Exit)
	}
	if len(r.Stdout) != 0 {
		t.Errorf("stdout not empty: %q", r.Stdout)
	}
	line, ok := strings.CutSuffix(string(r.Stderr), "\n")
	if !ok || strings.Contains(line, "\n") {
		t.Errorf("stderr is not one line:\n%s", r.Stderr)
		return
	}
	if !strings.HasPrefix(line, prefix) {
		t.Errorf("stderr:\n got %s\nwant %s…", line, prefix)
	}
	if hint := " (run " + name + " -h for usage)"; !strings.HasSuffix(line, hint) {
		t.Errorf("stderr does not end with %q:\n%s", hint, line)
	}
}
