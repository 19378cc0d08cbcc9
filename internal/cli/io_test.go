package cli

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"testing/iotest"
)

func TestReadInput(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "in")
	data := bytes.Repeat([]byte("0123456789"), 100_000)
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := ReadInput(file, nil, 0)
	if err != nil || !bytes.Equal(got, data) {
		t.Errorf("file: %d bytes, %v", len(got), err)
	}
	for _, name := range []string{"", "-"} {
		got, err := ReadInput(name, iotest.OneByteReader(bytes.NewReader(data[:1000])), 0)
		if err != nil || !bytes.Equal(got, data[:1000]) {
			t.Errorf("%q from a one-byte reader: %d bytes, %v", name, len(got), err)
		}
	}
	// Standard input redirected from a file, from its start.
	whole, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer whole.Close()
	got, err = ReadInput("-", whole, 0)
	if err != nil || !bytes.Equal(got, data) {
		t.Errorf("redirected stdin: %d bytes, %v", len(got), err)
	}
	if off, _ := whole.Seek(0, io.SeekCurrent); off != int64(len(data)) {
		t.Errorf("redirected stdin left at offset %d, want the end", off)
	}
	// An empty file.
	empty := filepath.Join(dir, "empty")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if got, err := ReadInput(empty, nil, 0); err != nil || len(got) != 0 {
		t.Errorf("empty file: %q, %v", got, err)
	}
	// Standard input redirected from a file, part of which was read.
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.Seek(10, io.SeekStart); err != nil {
		t.Fatal(err)
	}
	got, err = ReadInput("-", f, 0)
	if err != nil || !bytes.Equal(got, data[10:]) {
		t.Errorf("redirected stdin: %d bytes, %v", len(got), err)
	}
	if cap(got) > len(got)+1 {
		t.Errorf("redirected stdin: capacity %d for %d bytes: the size was not used", cap(got), len(got))
	}
	if _, err := ReadInput(filepath.Join(dir, "missing"), nil, 0); !os.IsNotExist(err) {
		t.Errorf("missing file: %v", err)
	}
	boom := iotest.ErrReader(io.ErrUnexpectedEOF)
	if _, err := ReadInput("", boom, 0); err != io.ErrUnexpectedEOF {
		t.Errorf("read error: %v", err)
	}
	if StdinIsTerminal(strings.NewReader("")) || StdinIsTerminal(f) {
		t.Error("StdinIsTerminal is true for a reader or a file")
	}
	if null, err := os.Open(os.DevNull); err == nil {
		defer null.Close()
		if StdinIsTerminal(null) {
			t.Error("StdinIsTerminal is true for the null device (cmd < /dev/null is empty input)")
		}
	}
}

func TestWriteOutput(t *testing.T) {
	var b bytes.Buffer
	for _, name := range []string{"", "-"} {
		b.Reset()
		if err := WriteOutput(name, &b, []byte("data")); err != nil || b.String() != "data" {
			t.Errorf("%q: %q, %v", name, b.String(), err)
		}
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	if err := WriteOutput(out, nil, []byte("one")); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(out); string(got) != "one" {
		t.Errorf("new file holds %q", got)
	}
	if fi, _ := os.Stat(out); fi.Mode().Perm() != 0o666&^umask() {
		t.Errorf("new file mode %v, want %v", fi.Mode().Perm(), 0o666&^umask())
	}
	if err := os.Chmod(out, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteOutput(out, nil, []byte("two")); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(out); fi.Mode().Perm() != 0o600 {
		t.Errorf("replaced file mode %v, want 0600", fi.Mode().Perm())
	}
	if err := WriteOutput(dir, nil, []byte("x")); err == nil {
		t.Error("writing over a directory succeeded")
	}
	if err := WriteOutput(filepath.Join(dir, "missing", "out"), nil, []byte("x")); err == nil {
		t.Error("writing into a missing directory succeeded")
	}
	if runtime.GOOS != "windows" {
		dangling := filepath.Join(dir, "dangling")
		if err := os.Symlink("nowhere", dangling); err != nil {
			t.Fatal(err)
		}
		err := WriteOutput(dangling, nil, []byte("d"))
		if err == nil || !strings.Contains(err.Error(), "symbolic link to nowhere, which does not exist") {
			t.Errorf("a dangling link: %v, want it refused", err)
		}
		if fi, err := os.Lstat(dangling); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			t.Errorf("a dangling link is no longer a link: %v %v", fi.Mode(), err)
		}
		if _, err := os.Lstat(filepath.Join(dir, "nowhere")); err == nil {
			t.Error("a dangling link's target was created")
		}
	}
	es, _ := os.ReadDir(dir)
	for _, e := range es {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file %s left behind", e.Name())
		}
	}
}

func TestVersion(t *testing.T) {
	if v := Version(); v == "" {
		t.Error("Version is empty")
	}
	if l := VersionLine("tool"); !strings.HasPrefix(l, "tool github.com/easkit/easkit ") || !strings.HasSuffix(l, ")\n") {
		t.Errorf("VersionLine = %q", l)
	}
}
