//go:build unix

package cli

import (
	"io/fs"
	"syscall"
)

// umask returns the process's file mode creation mask. It sets the mask to
// read it and puts it back at once; the commands call it before any other
// goroutine creates files.
func umask() fs.FileMode {
	m := syscall.Umask(0)
	syscall.Umask(m)
	return fs.FileMode(m)
}
