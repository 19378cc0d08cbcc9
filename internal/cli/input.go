package cli

import (
	"fmt"
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
//
// An input of more than limit bytes (limit > 0) fails with a
// *[TooLargeError]: a regular file before any of it is read, anything else
// (a pipe, a terminal, /dev/zero) as soon as the byte past the limit
// arrives, so that endless input costs at most limit+1 bytes of buffer.
func ReadInput(name string, stdin io.Reader, limit Size) ([]byte, error) {
	if !IsStdio(name) {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		return readFile(f, int64(limit))
	}
	if f, ok := stdin.(*os.File); ok {
		return readFile(f, int64(limit))
	}
	return readAll(stdin, 0, int64(limit))
}

// readFile reads f from its current offset to its end, at most limit bytes
// (limit > 0).
func readFile(f *os.File, limit int64) ([]byte, error) {
	hint := 0
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
		// What is left from the current position; the buffer has one
		// spare byte so that reading the end needs no growth.
		if off, err := f.Seek(0, io.SeekCurrent); err == nil && fi.Size() >= off {
			left := fi.Size() - off
			if limit > 0 && left > limit {
				return nil, &TooLargeError{Limit: Size(limit)}
			}
			if b, ok := mapFile(f); ok {
				return b, nil
			}
			hint = int(left) + 1
		}
	}
	return readAll(f, hint, limit)
}

// readAll reads r to its end into a buffer of capacity hint (at least 64 KiB
// when the size is unknown), growing it by doubling, but never past
// limit+1 bytes (limit > 0): the byte past the limit fails the read, and
// the buffer is given back.
//
// On Linux a large buffer is mapped out of the Go heap and grown in place
// ([growBuffer]), so that reading n bytes peaks near n bytes of memory, not
// at the old buffer plus the new one; it stays mapped until the process
// exits. Memory that the system refuses is an error, not a crash.
func readAll(r io.Reader, hint int, limit int64) ([]byte, error) {
	if hint <= 0 {
		hint = 64 << 10
	}
	if limit > 0 && int64(hint) > limit+1 {
		hint = int(limit + 1)
	}
	b, err := allocBuffer(hint)
	if err != nil {
		return nil, outOfMemory(0, err)
	}
	for {
		if len(b) == cap(b) {
			n := int64(2 * cap(b))
			if limit > 0 && n >= limit {
				// Straight to the byte past the limit, rather than
				// a buffer of the limit and then one of a byte more.
				n = limit + 1
			}
			nb, err := growBuffer(b, int(n))
			if err != nil {
				freeBuffer(b)
				return nil, outOfMemory(len(b), err)
			}
			b = nb
		}
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if limit > 0 && int64(len(b)) > limit {
			freeBuffer(b)
			return nil, &TooLargeError{Limit: Size(limit)}
		}
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return b, err
		}
	}
}

// outOfMemory reports that the system refused memory for the input after
// read bytes of it.
func outOfMemory(read int, err error) error {
	return fmt.Errorf("out of memory reading the input, after %v of it: %v", Size(read), err)
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
