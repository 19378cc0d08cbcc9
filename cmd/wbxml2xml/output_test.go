package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"

	"github.com/easkit/easkit/internal/cli/clitest"
	"github.com/google/go-cmp/cmp"
)

const badWBXML = "../../testdata/interop/wbxml/bad/bad-truncated-open-elements.wbxml"

// dirNames lists the names in dir.
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	slices.Sort(names)
	return names
}

// TestOutputFile checks -o: the file gets what standard output would, and
// a failed run leaves no file and no temporary file, and never touches an
// existing file.
func TestOutputFile(t *testing.T) {
	want := clitest.MustRun(t, bin, nil, ping).Stdout

	t.Run("new file", func(t *testing.T) {
		dir := t.TempDir()
		out := filepath.Join(dir, "out.xml")
		r := clitest.MustRun(t, bin, nil, "-o", out, ping)
		if r.Exit != 0 || len(r.Stdout) != 0 || len(r.Stderr) != 0 {
			t.Fatalf("exit %d, stdout %q, stderr %q", r.Exit, r.Stdout, r.Stderr)
		}
		got, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(string(want), string(got)); diff != "" {
			t.Errorf("file differs from stdout (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff([]string{"out.xml"}, dirNames(t, dir)); diff != "" {
			t.Errorf("directory (-want +got):\n%s", diff)
		}
		if fi, err := os.Stat(out); err == nil && fi.Mode().Perm()&0o600 != 0o600 {
			t.Errorf("mode %v: the owner cannot read and write the file", fi.Mode())
		}
	})

	t.Run("failed run leaves no file", func(t *testing.T) {
		dir := t.TempDir()
		out := filepath.Join(dir, "out.xml")
		r := clitest.MustRun(t, bin, nil, "-o", out, badWBXML)
		if r.Exit != 1 {
			t.Fatalf("exit %d, want 1", r.Exit)
		}
		if len(r.Stdout) != 0 {
			t.Errorf("stdout %q: with -o nothing goes to stdout", r.Stdout)
		}
		if names := dirNames(t, dir); len(names) != 0 {
			t.Errorf("directory holds %q after a failed run", names)
		}
	})

	t.Run("failed run keeps an existing file", func(t *testing.T) {
		dir := t.TempDir()
		out := filepath.Join(dir, "out.xml")
		if err := os.WriteFile(out, []byte("old content\n"), 0o640); err != nil {
			t.Fatal(err)
		}
		if r := clitest.MustRun(t, bin, nil, "-o", out, badWBXML); r.Exit != 1 {
			t.Fatalf("exit %d, want 1", r.Exit)
		}
		got, _ := os.ReadFile(out)
		if string(got) != "old content\n" {
			t.Errorf("existing file changed to %q", got)
		}
		if diff := cmp.Diff([]string{"out.xml"}, dirNames(t, dir)); diff != "" {
			t.Errorf("directory (-want +got):\n%s", diff)
		}
	})

	t.Run("replaces an existing file, keeping its mode", func(t *testing.T) {
		dir := t.TempDir()
		out := filepath.Join(dir, "out.xml")
		if err := os.WriteFile(out, []byte("old content\n"), 0o640); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(out, 0o640); err != nil {
			t.Fatal(err)
		}
		if r := clitest.MustRun(t, bin, nil, "-o", out, ping); r.Exit != 0 {
			t.Fatalf("exit %d: %s", r.Exit, r.Stderr)
		}
		got, _ := os.ReadFile(out)
		if string(got) != string(want) {
			t.Errorf("file not replaced: %q", got)
		}
		if fi, err := os.Stat(out); err != nil || fi.Mode().Perm() != 0o640 {
			t.Errorf("mode after replacing: %v (%v), want 0640", fi.Mode(), err)
		}
	})

	t.Run("follows a symbolic link", func(t *testing.T) {
		if runtime.GOOS == "windows" {
			t.Skip("symbolic links")
		}
		dir := t.TempDir()
		real := filepath.Join(dir, "real.xml")
		link := filepath.Join(dir, "link.xml")
		if err := os.WriteFile(real, []byte("old\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink("real.xml", link); err != nil {
			t.Fatal(err)
		}
		if r := clitest.MustRun(t, bin, nil, "-o", link, ping); r.Exit != 0 {
			t.Fatalf("exit %d: %s", r.Exit, r.Stderr)
		}
		if got, _ := os.ReadFile(real); string(got) != string(want) {
			t.Errorf("link target holds %q", got)
		}
		if fi, err := os.Lstat(link); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			t.Errorf("the link was replaced: %v %v", fi.Mode(), err)
		}
	})

	t.Run("device", func(t *testing.T) {
		if _, err := os.Stat(os.DevNull); err != nil || runtime.GOOS == "windows" {
			t.Skip("no", os.DevNull)
		}
		if r := clitest.MustRun(t, bin, nil, "-o", os.DevNull, ping); r.Exit != 0 {
			t.Fatalf("exit %d: %s", r.Exit, r.Stderr)
		}
		if fi, err := os.Stat(os.DevNull); err != nil || fi.Mode().IsRegular() {
			t.Errorf("%s is no longer a device: %v %v", os.DevNull, fi.Mode(), err)
		}
	})

	t.Run("missing directory", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "no", "such", "dir", "out.xml")
		r := clitest.MustRun(t, bin, nil, "-o", out, ping)
		if r.Exit != 1 || len(r.Stderr) == 0 {
			t.Errorf("exit %d, stderr %q", r.Exit, r.Stderr)
		}
	})

	t.Run("directory", func(t *testing.T) {
		dir := t.TempDir()
		r := clitest.MustRun(t, bin, nil, "-o", dir, ping)
		want := "wbxml2xml: output " + dir + " is a directory\n"
		if r.Exit != 1 || string(r.Stderr) != want {
			t.Errorf("exit %d, stderr %q, want %q", r.Exit, r.Stderr, want)
		}
	})

	t.Run("same file as input", func(t *testing.T) {
		dir := t.TempDir()
		f := filepath.Join(dir, "ping")
		raw, err := os.ReadFile(ping)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f, raw, 0o644); err != nil {
			t.Fatal(err)
		}
		if r := clitest.MustRun(t, bin, nil, "-o", f, f); r.Exit != 0 {
			t.Fatalf("exit %d: %s", r.Exit, r.Stderr)
		}
		if got, _ := os.ReadFile(f); string(got) != string(want) {
			t.Errorf("file holds %q", got)
		}
	})
}

// TestOutputFileEveryForm checks that -o writes what standard output gets
// for input in every form, not only raw WBXML: the file is written as the
// messages convert, and a message converted without error must not fail
// the run.
func TestOutputFileEveryForm(t *testing.T) {
	for _, tt := range []struct{ name, input string }{
		{"raw", ping},
		{"hex", captureDir + "/hex/eas-ping-req.xxd"},
		{"two hex dumps", captureDir + "/hex/ping-pair.xxd"},
		{"base64", captureDir + "/base64/eas-sync-resp-initial.b64"},
		{"http session", captureDir + "/http/session-crlf.http"},
		{"http multipart", captureDir + "/http/itemoperations-multipart.http"},
		{"har", captureDir + "/har/session.har"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			want := clitest.MustRun(t, bin, nil, tt.input)
			if want.Exit != 0 {
				t.Fatalf("to stdout: exit %d: %s", want.Exit, want.Stderr)
			}
			out := filepath.Join(t.TempDir(), "out.xml")
			r := clitest.MustRun(t, bin, nil, "-o", out, tt.input)
			if r.Exit != 0 || len(r.Stdout) != 0 {
				t.Fatalf("exit %d, stdout %q, stderr %q", r.Exit, r.Stdout, r.Stderr)
			}
			if diff := cmp.Diff(string(want.Stderr), string(r.Stderr)); diff != "" {
				t.Errorf("stderr (-want +got):\n%s", diff)
			}
			got, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(string(want.Stdout), string(got)); diff != "" {
				t.Errorf("file differs from stdout (-want +got):\n%s", diff)
			}
		})
	}
}
