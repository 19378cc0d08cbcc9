//go:build !amd64 || purego

package xmlscan

// textStop16 is the text kernel (see textkernel.go); this platform uses
// the Go form.
func textStop16(b []byte, j int) int { return textStopGo(b, j) }

// textCopy16 is the copying text kernel (see textkernel.go); this
// platform uses the Go form.
func textCopy16(dst, b []byte, j int) (k, o int) { return textCopyGo(dst, b, j) }
