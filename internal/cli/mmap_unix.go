//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package cli

import (
	"io"
	"os"
	"syscall"
)

// mapFile maps what is left of f, from its current offset, into memory
// read-only, when f is a regular file, non-empty, and the offset is 0. ok
// is false when it cannot, and the caller reads the file instead.
//
// Mapping spares the copy from the page cache and most page faults of a
// buffer the size of the file. The mapping lasts until the process exits.
// A file truncated while mapped makes reading fault: commands run with
// debug.SetPanicOnFault so that Recover reports that as an error.
func mapFile(f *os.File) (data []byte, ok bool) {
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() || fi.Size() <= 0 || fi.Size() != int64(int(fi.Size())) {
		return nil, false
	}
	if off, err := f.Seek(0, io.SeekCurrent); err != nil || off != 0 {
		return nil, false
	}
	b, err := syscall.Mmap(int(f.Fd()), 0, int(fi.Size()), syscall.PROT_READ, syscall.MAP_PRIVATE)
	if err != nil {
		return nil, false
	}
	// Leave the offset at the end, as reading would.
	f.Seek(0, io.SeekEnd)
	return b, true
}
