//go:build linux && (amd64 || arm64 || riscv64 || ppc64le || ppc64 || s390x || loong64 || mips64 || mips64le)

// The mapped buffers need 64-bit Linux: 32-bit mmap takes its offset
// another way (mmap2), and address space is too scarce there to reserve.

package cli

import (
	"syscall"
	"unsafe"
)

// MappedInput says whether large input buffers are mapped out of the Go
// heap, as here (64-bit Linux), so that reading n bytes from a pipe peaks
// near n bytes of memory.
const MappedInput = true

// minMapped is the smallest input buffer that is mapped out of the Go heap
// rather than allocated on it.
const minMapped = 1 << 20

// mremapMayMove is MREMAP_MAYMOVE: mremap may move the mapping.
const mremapMayMove = 1

// allocBuffer returns an empty buffer of capacity n for reading input. One
// of minMapped bytes or more is anonymous memory mapped out of the Go heap,
// whose pages cost memory only once written, which [growBuffer] grows in
// place and [freeBuffer] gives back at once.
func allocBuffer(n int) ([]byte, error) {
	if n < minMapped {
		return make([]byte, 0, n), nil
	}
	p, _, errno := syscall.Syscall6(syscall.SYS_MMAP, 0, uintptr(n),
		syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_PRIVATE|syscall.MAP_ANON, ^uintptr(0), 0)
	if errno != 0 {
		return nil, errno
	}
	return unsafe.Slice((*byte)(pointer(p)), n)[:0], nil
}

// growBuffer returns b with capacity n (more than cap(b)): a mapped buffer
// is remapped, which moves its pages rather than copying them, so that
// growing never holds the old and the new buffer at once.
func growBuffer(b []byte, n int) ([]byte, error) {
	if cap(b) < minMapped {
		nb, err := allocBuffer(n)
		if err != nil {
			return nil, err
		}
		return append(nb, b...), nil
	}
	p, _, errno := syscall.Syscall6(syscall.SYS_MREMAP, uintptr(unsafe.Pointer(unsafe.SliceData(b))),
		uintptr(cap(b)), uintptr(n), mremapMayMove, 0, 0)
	if errno != 0 {
		return nil, errno
	}
	return unsafe.Slice((*byte)(pointer(p)), n)[:len(b)], nil
}

// freeBuffer gives back a buffer from allocBuffer or growBuffer, which must
// not be used again.
func freeBuffer(b []byte) {
	if cap(b) >= minMapped {
		syscall.Syscall(syscall.SYS_MUNMAP, uintptr(unsafe.Pointer(unsafe.SliceData(b))), uintptr(cap(b)), 0)
	}
}

// pointer turns the address of a mapping, which the Go heap does not hold
// and the collector never moves, into a pointer.
func pointer(p uintptr) unsafe.Pointer { return *(*unsafe.Pointer)(unsafe.Pointer(&p)) }
