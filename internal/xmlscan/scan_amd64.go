//go:build !purego

package xmlscan

// textStop16 is the text kernel (see textkernel.go) in SSE2 assembly,
// which every amd64 processor has.
//
//go:noescape
func textStop16(b []byte, j int) int

// textCopy16 is the copying text kernel (see textkernel.go) in SSE2
// assembly.
//
//go:noescape
func textCopy16(dst, b []byte, j int) (k, o int)
