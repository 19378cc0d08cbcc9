package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
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
// A regular file is written atomically: data go to a new temporary file in
// the same directory, which Commit renames over the name, so that the name
// either keeps its old content or has all of the new one, and a failed run
// (Abort, or a crash) leaves the old file as it was. The file is not synced
// to disk: the rename protects readers and failed runs, not against a
// system crash. A new file gets mode 0666 less the umask; an existing one
// keeps its mode. A symbolic link is followed and its target replaced.
// Names that are not regular files (/dev/null, a named pipe, a terminal)
// are written to directly.
type Output struct {
	f      *os.File
	tmp    string // the temporary file, "" when writing directly
	target string
	mode   fs.FileMode
}

// CreateOutput opens the output file called name (not "-": standard
// output needs no Output).
func CreateOutput(name string) (*Output, error) {
	target := name
	mode := fs.FileMode(0o666) &^ umask()
	if fi, err := os.Lstat(name); err == nil {
		if fi.Mode()&fs.ModeSymlink != 0 {
			t, err := filepath.EvalSymlinks(name)
			if err == nil {
				target = t
				fi, err = os.Stat(t)
			}
			if err != nil {
				if !errors.Is(err, fs.ErrNotExist) {
					return nil, err
				}
				fi = nil // a dangling link: replaced by the file
			}
		}
		if fi != nil {
			switch {
			case fi.IsDir():
				return nil, fmt.Errorf("output %s is a directory", name)
			case !fi.Mode().IsRegular():
				f, err := os.OpenFile(target, os.O_WRONLY|os.O_TRUNC, 0)
				if err != nil {
					return nil, err
				}
				return &Output{f: f, target: target}, nil
			}
			mode = fi.Mode().Perm()
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	dir, base := filepath.Split(target)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return nil, err
	}
	return &Output{f: f, tmp: f.Name(), target: target, mode: mode}, nil
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
	return os.Rename(o.tmp, o.target)
}

// Abort gives up the output: a temporary file is removed, and the target
// keeps its old content. (A file written directly keeps what was written.)
func (o *Output) Abort() {
	o.f.Close()
	if o.tmp != "" {
		os.Remove(o.tmp)
	}
}
