package xmlscan

import (
	"encoding/binary"
	"math/bits"
)

// The text kernels find where a run of plain character data ends. They
// have one contract, implemented in assembly where available
// (textStop16, textCopy16) and in Go (textStopGo, textCopyGo, also the
// reference the assembly is tested against):
//
// Starting at j, they look at the sixteen bytes b[j:j+16] and find the
// first byte that textFlags flags. They step over it, and go on from just
// after it, when it starts a lone ']' (not "]]>") or a well-formed UTF-8
// sequence whose lead byte is C2–DF, E1–EC or EE (sequences that are
// always allowed characters); at any other flagged byte they return its
// offset. With no flagged byte they go on at j+16. They return j as soon
// as j+16 > len(b): the caller handles the last bytes. The copying form
// also copies each byte it steps over, b[j0:k] to dst[:k-j0] where j0 is
// the start and k the result, may write up to 32 bytes beyond, and
// returns as soon as dst has fewer than 32 bytes of room at k-j0.

// flaggedIn16 returns the offset in b[j:j+16] of the first byte that
// textFlags flags, or 16. The caller ensures j+16 <= len(b).
func flaggedIn16(b []byte, j int) int {
	if m := textFlags(binary.LittleEndian.Uint64(b[j:])); m != 0 {
		return bits.TrailingZeros64(m) >> 3
	}
	if m := textFlags(binary.LittleEndian.Uint64(b[j+8:])); m != 0 {
		return 8 + bits.TrailingZeros64(m)>>3
	}
	return 16
}

// kernelStep returns the length of the flagged sequence at b[j] that the
// kernels step over, or 0 when they stop there.
func kernelStep(b []byte, j int) int {
	n := len(b)
	switch c := b[j]; {
	case c == ']':
		if j+2 < n && b[j+1] == ']' && b[j+2] == '>' {
			return 0
		}
		return 1
	case 0xC2 <= c && c < 0xE0:
		if j+1 < n && b[j+1]&0xC0 == 0x80 {
			return 2
		}
	case 0xE1 <= c && c < 0xEF && c != 0xED:
		if j+2 < n && b[j+1]&0xC0 == 0x80 && b[j+2]&0xC0 == 0x80 {
			return 3
		}
	}
	return 0
}

// textStopGo is the Go form of the text kernel.
func textStopGo(b []byte, j int) int {
	for j+16 <= len(b) {
		k := flaggedIn16(b, j)
		j += k
		if k == 16 {
			continue
		}
		size := kernelStep(b, j)
		if size == 0 {
			return j
		}
		j += size
	}
	return j
}

// textCopyGo is the Go form of the copying text kernel.
func textCopyGo(dst, b []byte, j int) int {
	j0 := j
	for j+16 <= len(b) && j-j0+32 <= len(dst) {
		o := j - j0
		copy(dst[o:o+16], b[j:j+16])
		k := flaggedIn16(b, j)
		j += k
		if k == 16 {
			continue
		}
		size := kernelStep(b, j)
		if size == 0 {
			return j
		}
		copy(dst[j-j0:], b[j:j+size])
		j += size
	}
	return j
}
