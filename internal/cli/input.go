package cli

import (
	"io"
	"os"
)

// IsStdio reports whether a file argument means standard input or output:
// no name, or "-".
func IsStdio(name string) bool { return name == "" || name == "-" }

// ReadInput reads the whole input: the file called name, or stdin when name
// is "" or "-". A regular file, standard input included when it is
// redirected from one, is mapped into memory read-only where the system
// allows it (the bytes must not be modified; the mapping lasts until the
// process exits), else read with one read into a buffer of its size.
func ReadInput(name string, stdin io.Reader) ([]byte, error) {
	if !IsStdio(name) {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		return readFile(f)
	}
	if f, ok := stdin.(*os.File); ok {
		return readFile(f)
	}
	return readAll(stdin, 0)
}

// readFile reads f from its current offset to its end.
func readFile(f *os.File) ([]byte, error) {
	if b, ok := mapFile(f); ok {
		return b, nil
	}
	hint := 0
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
		// What is left from the current position; the buffer has one
		// spare byte so that reading the end needs no growth.
		if off, err := f.Seek(0, io.SeekCurrent); err == nil && fi.Size() >= off {
			hint = int(fi.Size()-off) + 1
		}
	}
	return readAll(f, hint)
}

// readAll reads r to its end into a buffer of capacity hint (at least 64 KiB
// when the size is unknown), growing it by doubling.
func readAll(r io.Reader, hint int) ([]byte, error) {
	if hint <= 0 {
		hint = 64 << 10
	}
	b := make([]byte, 0, hint)
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return b, err
		}
	}
}

// StdinIsTerminal reports whether stdin is a terminal: a command run with no
// input argument at a prompt would otherwise wait for typed WBXML. Any
// character device is taken for one, except the null device (os.DevNull),
// which is empty input.
func StdinIsTerminal(stdin io.Reader) bool {
	f, ok := stdin.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	if err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		return false
	}
	null, err := os.Stat(os.DevNull)
	return err != nil || !os.SameFile(fi, null)
}
