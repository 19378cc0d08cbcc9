package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// WriteOutput writes data to the file called name, or to stdout when name is
// "" or "-", in one write: [CreateOutput], one Write and Commit.
func WriteOutput(name string, stdout io.Writer, data []byte) error {
	if IsStdio(name) {
		_, err := stdout.Write(data)
		return err
	}
	o, err := CreateOutput(name)
	if err != nil {
		return err
	}
	if _, err := o.Write(data); err != nil {
		o.Abort()
		return err
	}
	return o.Commit()
}

// An Output is an output file being written, piece by piece: Write as
// often as needed, then Commit, or Abort on failure.
//
// What happens depends on what the name is (links followed):
//
//   - a regular file, or a name that does not exist yet, is written
//     atomically: data go to a new temporary file in the same directory
//     (the link's target's, for a symbolic link, which stays a link), which
//     Commit renames over the name, so that the name either keeps its old
//     content or has all of the new one, and a failed run (Abort, a crash,
//     SIGINT, SIGTERM or SIGHUP: see below) leaves the old file as it was.
//     The file is not synced to disk: the rename protects readers and
//     failed runs, not against a system crash. A new file gets mode 0666
//     less the umask; an existing one keeps its mode;
//   - /dev/stdout, /dev/stderr, /dev/fd/N and /proc/self/fd/N are the
//     open descriptor itself (1, 2, N), written as standard output is: at
//     its offset, appending if it appends, never truncated nor replaced;
//   - anything else that is not a regular file (/dev/null, a terminal, a
//     named pipe, a socket) is opened and written directly, never replaced;
//     so is a regular file reached through another of Linux's /proc links;
//   - a directory is an error, and so is a symbolic link whose target does
//     not exist: the link is not replaced and nothing is created through it.
//
// While an Output with a temporary file is open, SIGINT, SIGTERM and
// SIGHUP remove the temporary file and end the process with status 128 plus
// the signal's number (130 for SIGINT, 143 for SIGTERM), as a shell
// reports a command killed by the signal.
type Output struct {
	f      *os.File
	tmp    string // the temporary file, "" when writing directly
	target string
	mode   fs.FileMode
}

// CreateOutput opens the output file called name (not "-": standard
// output needs no Output).
func CreateOutput(name string) (*Output, error) {
	if f, ok, err := openDescriptor(name); ok {
		if err != nil {
			return nil, err
		}
		return &Output{f: f, target: name}, nil
	}
	target := name
	mode := fs.FileMode(0o666) &^ umask()
	fi, err := os.Stat(name)
	switch {
	case err == nil && fi.IsDir():
		return nil, fmt.Errorf("output %s is a directory", name)
	case err == nil && (!fi.Mode().IsRegular() || throughProc(name)):
		return openDirect(name, fi.Mode().IsRegular())
	case err == nil:
		if target, err = filepath.EvalSymlinks(name); err != nil {
			return nil, err
		}
		mode = fi.Mode().Perm()
	case errors.Is(err, fs.ErrNotExist):
		if lfi, lerr := os.Lstat(name); lerr == nil && lfi.Mode()&fs.ModeSymlink != 0 {
			dest, _ := os.Readlink(name)
			return nil, fmt.Errorf("output %s is a symbolic link to %s, which does not exist (create the file first, or remove the link)", name, dest)
		}
	default:
		return nil, err
	}
	dir, base := filepath.Split(target)
	if dir == "" {
		dir = "."
	}
	return createTemp(dir, base, target, mode)
}

// openDirect opens name for writing in place, truncating a regular file.
func openDirect(name string, regular bool) (*Output, error) {
	flags := os.O_WRONLY
	if regular {
		flags |= os.O_TRUNC
	}
	f, err := os.OpenFile(name, flags, 0)
	if err != nil {
		return nil, err
	}
	return &Output{f: f, target: name}, nil
}

// throughProc reports whether following the links of name goes through
// /proc, whose links (/proc/self/fd/1, what /dev/stdout leads to) name open
// files rather than paths: the path they show may be gone, or not be
// where the file is.
func throughProc(name string) bool {
	p := name
	for range 40 { // as many links as Linux follows
		abs, err := filepath.Abs(p)
		if err != nil {
			return false
		}
		if dir, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
			abs = filepath.Join(dir, filepath.Base(abs))
		}
		if abs == "/proc" || strings.HasPrefix(abs, "/proc/") {
			return true
		}
		fi, err := os.Lstat(abs)
		if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			return false
		}
		dest, err := os.Readlink(abs)
		if err != nil {
			return false
		}
		if !filepath.IsAbs(dest) {
			dest = filepath.Join(filepath.Dir(abs), dest)
		}
		p = dest
	}
	return false
}

// Write writes p to the output.
func (o *Output) Write(p []byte) (int, error) { return o.f.Write(p) }

// Commit finishes the output: the temporary file gets its mode and is
// renamed over the target. On error nothing is left behind.
func (o *Output) Commit() (err error) {
	if o.tmp == "" {
		return o.f.Close()
	}
	defer func() {
		if err != nil {
			o.Abort()
		}
	}()
	if err = o.f.Chmod(o.mode); err != nil {
		return err
	}
	if err = o.f.Close(); err != nil {
		return err
	}
	return renameTemp(o)
}

// Abort gives up the output: a temporary file is removed, and the target
// keeps its old content. (A file written directly keeps what was written.)
func (o *Output) Abort() {
	o.f.Close()
	if o.tmp != "" {
		removeTemp(o)
	}
}
