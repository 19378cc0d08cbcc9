//go:build !unix

package cli

import "os"

// openDescriptor reports that name is no descriptor name: the system has
// no /dev/fd.
func openDescriptor(name string) (f *os.File, ok bool, err error) { return nil, false, nil }
