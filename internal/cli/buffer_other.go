//go:build !(linux && (amd64 || arm64 || riscv64 || ppc64le || ppc64 || s390x || loong64 || mips64 || mips64le))

package cli

import "runtime"

// allocBuffer returns an empty heap buffer of capacity n for reading input.
func allocBuffer(n int) ([]byte, error) { return make([]byte, 0, n), nil }

// MappedInput says whether large input buffers are mapped out of the Go
// heap (64-bit Linux) or, as here, allocated on it: reading n bytes from a
// pipe then peaks near 1.5 n (the last buffer and the one before it).
const MappedInput = false

// growBuffer returns a copy of b with capacity n. The buffers before it
// are garbage by then, and free to collect at once: byte slices hold no
// pointers, so a collection costs next to nothing.
func growBuffer(b []byte, n int) ([]byte, error) {
	if n >= 32<<20 {
		runtime.GC()
	}
	nb := make([]byte, len(b), n)
	copy(nb, b)
	return nb, nil
}

// freeBuffer leaves b to the collector.
func freeBuffer(b []byte) {}
