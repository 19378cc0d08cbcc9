package xmlscan

import (
	"encoding/binary"
	"math/bits"

	"github.com/easkit/easkit/internal/utf8block"
)

// The text kernels find where a run of plain character data ends. They
// have one contract, implemented in assembly where available
// (textStop16, textCopy16) and in Go (textStopGo, textCopyGo, also the
// reference the assembly is tested against):
//
// Starting at j, they look at the sixteen bytes b[j:j+16] and find the
// first byte that textFlags flags, not counting the bytes of UTF-8
// sequences lying wholly inside the sixteen whose character XML allows
// (utf8block.Covered). With none they go on at j+16. At a lone ']' (not
// "]]>") they step over it and go on from the next byte. At another byte
// of 0x80 or more they go on from that byte when it is not the first of
// the sixteen (it most often starts a sequence the sixteen cut), and
// return its offset when it is. At any other flagged byte they return its
// offset. They return j as soon as j+16 > len(b): the caller handles the
// last bytes.
//
// The copying form, textCopy16, also writes the text to dst from
// dst[0], and returns the offset k where it stopped in b and the number o
// of bytes it wrote. It decodes too: a literal CR or CR LF becomes LF,
// and the references &lt; &gt; &amp; &#13; &#10; (when eight bytes of b
// are left at the '&') become their character; other references stop it.
// It may write up to 32 bytes beyond dst[o], and returns as soon as dst
// has fewer than 32 bytes of room there.

// kernelFlagged returns the offset in b[j:j+16] of the first byte the
// kernels look at, or 16: the first byte textFlags flags that is not part
// of a sequence utf8block.Covered passes. The caller ensures j+16 <=
// len(b).
func kernelFlagged(b []byte, j int) int {
	w0 := binary.LittleEndian.Uint64(b[j:])
	w1 := binary.LittleEndian.Uint64(b[j+8:])
	m := gatherHighs(textFlags(w0)) | gatherHighs(textFlags(w1))<<8
	if hi := gatherHighs(w0&highBits) | gatherHighs(w1&highBits)<<8; m&hi != 0 {
		// Covered is dear in Go: not when the first byte to stop at
		// cannot start a sequence it would pass.
		if k := bits.TrailingZeros32(m); !utf8block.CannotStart(b[j+k], k) {
			m &^= utf8block.Covered(w0, w1)
		}
	}
	if m == 0 {
		return 16
	}
	return bits.TrailingZeros32(m)
}

// gatherHighs packs the high bits of the bytes of m (a mask with no
// other bits) into its low eight bits, byte k to bit k.
func gatherHighs(m uint64) uint32 {
	return uint32((m >> 7) * 0x0102040810204080 >> 56)
}

// highBits has the high bit of every byte of a word.
const highBits = 0x8080808080808080

// kernelStep returns the length of the flagged byte or sequence at b[j],
// the k-th of its block, that the kernels step over: 1 for a lone ']',
// and for a byte of 0x80 or more that is not the block's first, 0 (they
// go on from it); otherwise -1, they stop there.
func kernelStep(b []byte, j, k int) int {
	n := len(b)
	switch c := b[j]; {
	case c == ']':
		if j+2 < n && b[j+1] == ']' && b[j+2] == '>' {
			return -1
		}
		return 1
	case c >= 0x80 && k > 0:
		return 0
	}
	return -1
}

// textStopGo is the Go form of the text kernel.
func textStopGo(b []byte, j int) int {
	for j+16 <= len(b) {
		k := kernelFlagged(b, j)
		j += k
		if k == 16 {
			continue
		}
		size := kernelStep(b, j, k)
		if size < 0 {
			return j
		}
		j += size
	}
	return j
}

// kernelRef decodes the references textCopy16 decodes, at b[j] == '&'
// with j+8 <= len(b), returning the character and the reference's
// length, or a length of 0.
func kernelRef(b []byte, j int) (byte, int) {
	w := binary.LittleEndian.Uint64(b[j:])
	switch w & (1<<32 - 1) {
	case refLt:
		return '<', 4
	case refGt:
		return '>', 4
	}
	switch w & (1<<40 - 1) {
	case refCR:
		return '\r', 5
	case refAmp:
		return '&', 5
	case refLF:
		return '\n', 5
	}
	return 0, 0
}

// textCopyGo is the Go form of the copying text kernel.
func textCopyGo(dst, b []byte, j int) (k, o int) {
	n := len(b)
	for j+16 <= n && o+32 <= len(dst) {
		copy(dst[o:o+16], b[j:j+16])
		k := kernelFlagged(b, j)
		j += k
		o += k
		if k == 16 {
			continue
		}
		switch b[j] {
		case '&':
			if j+8 > n {
				return j, o
			}
			c, size := kernelRef(b, j)
			if size == 0 {
				return j, o
			}
			dst[o] = c
			o++
			j += size
		case '\r':
			dst[o] = '\n'
			o++
			j++
			if j < n && b[j] == '\n' {
				j++
			}
		default:
			size := kernelStep(b, j, k)
			if size < 0 {
				return j, o
			}
			copy(dst[o:], b[j:j+size])
			j += size
			o += size
		}
	}
	return j, o
}
