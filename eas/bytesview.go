package eas

import "unsafe"

// bytesView returns b as a string without copying, for parsing and
// comparisons that do not keep the string.
func bytesView(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(unsafe.SliceData(b), len(b))
}
