//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package cli

import "os"

// mapFile reports that files are read, not mapped, on this system.
func mapFile(f *os.File) ([]byte, bool) { return nil, false }
