package codegen

import (
	"fmt"
	"path"
)

// Select returns the files of the given package directories (relative to
// the repository root, slash-separated, such as "b64uri"), so that each
// package's go:generate directive regenerates only its own tables. With no
// directories it returns files unchanged. A directory that holds no
// generated file is an error.
func Select(files map[string][]byte, dirs ...string) (map[string][]byte, error) {
	if len(dirs) == 0 {
		return files, nil
	}
	out := make(map[string][]byte, len(dirs))
	for _, d := range dirs {
		d = path.Clean(d)
		found := false
		for p, src := range files {
			if path.Dir(p) == d {
				out[p] = src
				found = true
			}
		}
		if !found {
			return nil, fmt.Errorf("no generated file in package directory %q (have %v)", d, sortedKeys(files))
		}
	}
	return out, nil
}
