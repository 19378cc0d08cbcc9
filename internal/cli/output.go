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
// "" or "-", in one write.
//
// A file is written atomically: data go to a new temporary file in the same
// directory, which is then renamed over name, so that name either keeps its
// old content or has all of the new one, and a failed write leaves nothing
// behind. The file is not synced to disk: the rename protects readers
// and failed runs, not against a system crash. A new file gets mode 0666
// less the umask; an existing one keeps its mode. A symbolic link is
// followed and its target replaced. Names that are not regular files
// (/dev/null, a named pipe, a terminal) are written to directly.
func WriteOutput(name string, stdout io.Writer, data []byte) error {
	if IsStdio(name) {
		_, err := stdout.Write(data)
		return err
	}
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
					return err
				}
				fi = nil // a dangling link: replaced by the file
			}
		}
		if fi != nil {
			switch {
			case fi.IsDir():
				return fmt.Errorf("output %s is a directory", name)
			case !fi.Mode().IsRegular():
				return writeDirect(target, data)
			}
			mode = fi.Mode().Perm()
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return writeAtomic(target, data, mode)
}

// writeAtomic writes data to a temporary file next to name and renames it
// to name.
func writeAtomic(name string, data []byte, mode fs.FileMode) (err error) {
	dir, base := filepath.Split(name)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if _, err = f.Write(data); err != nil {
		return err
	}
	if err = f.Chmod(mode); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, name)
}

// writeDirect writes data to a file that is not a regular file, such as a
// device or a named pipe.
func writeDirect(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
