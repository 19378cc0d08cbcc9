//go:build !unix

package cli

import "io/fs"

// umask returns the usual mask where the system has none to read.
func umask() fs.FileMode { return 0o022 }
