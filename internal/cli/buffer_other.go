//go:build !linux

package cli

// allocBuffer returns an empty heap buffer of capacity n for reading input.
func allocBuffer(n int) ([]byte, error) { return make([]byte, 0, n), nil }

// growBuffer returns a copy of b with capacity n.
func growBuffer(b []byte, n int) ([]byte, error) {
	nb := make([]byte, len(b), n)
	copy(nb, b)
	return nb, nil
}

// freeBuffer leaves b to the collector.
func freeBuffer(b []byte) {}
