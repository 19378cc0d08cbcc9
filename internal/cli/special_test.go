//go:build unix

package cli

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
)

// TestOutputDevNull writes to a character device: directly, which stays
// one.
func TestOutputDevNull(t *testing.T) {
	if err := WriteOutput(os.DevNull, nil, []byte("x")); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(os.DevNull); err != nil || fi.Mode()&fs.ModeCharDevice == 0 {
		t.Errorf("%s is now %v (%v)", os.DevNull, fi.Mode(), err)
	}
}

// TestOutputFIFO writes to a named pipe: directly, read at the other end.
func TestOutputFIFO(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	got := make(chan string)
	go func() {
		b, _ := os.ReadFile(fifo)
		got <- string(b)
	}()
	if err := WriteOutput(fifo, nil, []byte("through the pipe")); err != nil {
		t.Fatal(err)
	}
	if s := <-got; s != "through the pipe" {
		t.Errorf("read %q from the pipe", s)
	}
	if fi, err := os.Lstat(fifo); err != nil || fi.Mode()&fs.ModeNamedPipe == 0 {
		t.Errorf("the pipe is now %v (%v)", fi.Mode(), err)
	}
}

// TestOutputDescriptor writes to /dev/fd/N and /proc/self/fd/N: to the
// open descriptor, a pipe's or a file's opened for appending.
func TestOutputDescriptor(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("/proc/self/fd is Linux's")
	}
	for _, dir := range []string{"/dev/fd/", "/proc/self/fd/"} {
		r, w, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := WriteOutput(fmt.Sprint(dir, w.Fd()), nil, []byte("piped")); err != nil {
			t.Fatal(err)
		}
		w.Close()
		if b, _ := io.ReadAll(r); string(b) != "piped" {
			t.Errorf("%sN, a pipe: read %q", dir, b)
		}
		r.Close()

		file := filepath.Join(t.TempDir(), "log")
		if err := os.WriteFile(file, []byte("old\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		before, _ := os.Stat(file)
		f, err := os.OpenFile(file, os.O_WRONLY|os.O_APPEND, 0)
		if err != nil {
			t.Fatal(err)
		}
		if err := WriteOutput(fmt.Sprint(dir, f.Fd()), nil, []byte("new\n")); err != nil {
			t.Fatal(err)
		}
		f.Close()
		after, _ := os.Stat(file)
		if b, _ := os.ReadFile(file); string(b) != "old\nnew\n" || !os.SameFile(before, after) {
			t.Errorf("%sN, a file opened to append: %q, same file %v; want it appended to in place", dir, b, os.SameFile(before, after))
		}
	}
	_, err := CreateOutput("/dev/fd/987654")
	if err == nil || strings.Contains(err.Error(), "\n") {
		t.Errorf("a closed descriptor: %v, want an error on one line", err)
	}
}

// TestOutputDevStdout writes -o /dev/stdout in a process of its own whose
// standard output is a pipe: the text comes through the pipe and
// /dev/stdout is still what it was (run as root, it used to be replaced
// by a regular file).
func TestOutputDevStdout(t *testing.T) {
	before, err := os.Lstat("/dev/stdout")
	if err != nil {
		t.Skipf("no /dev/stdout: %v", err)
	}
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), helperEnv+"=write", helperEnv+"_OUT=/dev/stdout")
	out, err := cmd.Output()
	if err != nil || string(out) != "hello" {
		t.Errorf("-o /dev/stdout: %q, %v", out, err)
	}
	after, err := os.Lstat("/dev/stdout")
	if err != nil || after.Mode() != before.Mode() || !os.SameFile(before, after) {
		t.Errorf("/dev/stdout was %v, is now %v (%v)", before.Mode(), after.Mode(), err)
	}
}

// TestOutputLinks writes through a symbolic link to a regular file (the
// target is replaced, the link stays) and one to /dev/stdout's target.
func TestOutputLinks(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	link := filepath.Join(dir, "link")
	if err := os.WriteFile(file, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("file", link); err != nil {
		t.Fatal(err)
	}
	if err := WriteOutput(link, nil, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(file); string(b) != "new" {
		t.Errorf("the link's target holds %q", b)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("the link is now %v (%v)", fi.Mode(), err)
	}
	if fi, _ := os.Stat(file); fi.Mode().Perm() != 0o600 {
		t.Errorf("the target's mode is now %v", fi.Mode().Perm())
	}
	if runtime.GOOS == "linux" {
		// A link to a descriptor's file goes through /proc: written in place.
		f, err := os.OpenFile(file, os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		viaProc := filepath.Join(dir, "viaproc")
		if err := os.Symlink(fmt.Sprint("/proc/self/fd/", f.Fd()), viaProc); err != nil {
			t.Fatal(err)
		}
		before, _ := os.Stat(file)
		if err := WriteOutput(viaProc, nil, []byte("in place")); err != nil {
			t.Fatal(err)
		}
		after, _ := os.Stat(file)
		if b, _ := os.ReadFile(file); string(b) != "in place" || !os.SameFile(before, after) {
			t.Errorf("through /proc: %q, same file %v", b, os.SameFile(before, after))
		}
	}
}

// TestOutputDevice writes to a character device made in a temporary
// directory (the null device's numbers), which must stay a device. Making
// one needs root.
func TestOutputDevice(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("making a device node needs root")
	}
	dev := filepath.Join(t.TempDir(), "null")
	var null syscall.Stat_t
	if err := syscall.Stat(os.DevNull, &null); err != nil {
		t.Skip(err)
	}
	if err := syscall.Mknod(dev, syscall.S_IFCHR|0o666, int(null.Rdev)); err != nil {
		t.Skipf("mknod: %v", err)
	}
	if err := WriteOutput(dev, nil, []byte("x")); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(dev); err != nil || fi.Mode()&fs.ModeCharDevice == 0 {
		t.Errorf("the device is now %v (%v)", fi.Mode(), err)
	}
	es, _ := os.ReadDir(filepath.Dir(dev))
	if len(es) != 1 {
		t.Errorf("the directory holds %d files, want the device only", len(es))
	}
}
