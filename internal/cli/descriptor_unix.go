//go:build unix

package cli

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// openDescriptor opens the descriptor that name stands for: 1 for
// /dev/stdout, 2 for /dev/stderr, N for /dev/fd/N and /proc/self/fd/N. It
// duplicates the descriptor, so that writing it is writing standard output
// (or N): at its offset, in its mode, never truncated. ok is false when
// name is no such name.
func openDescriptor(name string) (f *os.File, ok bool, err error) {
	fd := -1
	switch p := filepath.Clean(name); p {
	case "/dev/stdout":
		fd = 1
	case "/dev/stderr":
		fd = 2
	default:
		for _, dir := range []string{"/dev/fd/", "/proc/self/fd/"} {
			if n, found := strings.CutPrefix(p, dir); found {
				if v, err := strconv.Atoi(n); err == nil && v >= 0 {
					fd = v
				}
			}
		}
	}
	if fd < 0 {
		return nil, false, nil
	}
	dup, err := syscall.Dup(fd)
	if err != nil {
		return nil, true, &os.PathError{Op: "open", Path: name, Err: err}
	}
	syscall.CloseOnExec(dup)
	return os.NewFile(uintptr(dup), name), true, nil
}
