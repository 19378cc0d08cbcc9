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
// first byte that textFlags flags (not counting the non-ASCII bytes when
// they all form two-byte sequences inside the sixteen). They step over it, and go on from just
// after it, when it starts a lone ']' (not "]]>") or a well-formed UTF-8
// sequence whose lead byte is C2–DF, E1–EC or EE (sequences that are
// always allowed characters); at any other flagged byte they return its
// offset. With no flagged byte they go on at j+16. They return j as soon
// as j+16 > len(b): the caller handles the last bytes.
//
// The copying form, textCopy16, also writes the text to dst from
// dst[0], and returns the offset k where it stopped in b and the number o
// of bytes it wrote. It decodes too: a literal CR or CR LF becomes LF,
// and the references &lt; &gt; &amp; &#13; &#10; (when eight bytes of b
// are left at the '&') become their character; other references stop it.
// It may write up to 32 bytes beyond dst[o], and returns as soon as dst
// has fewer than 32 bytes of room there.

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

// twoByteBlock reports whether every byte of blk (sixteen bytes) that is
// 0x80 or above belongs to a two-byte UTF-8 sequence C2–DF 80–BF lying
// wholly inside blk.
func twoByteBlock(blk []byte) bool {
	var hi, lead, cont uint32
	for i, c := range blk[:16] {
		if c >= 0x80 {
			hi |= 1 << i
		}
		if 0xC2 <= c && c <= 0xDF {
			lead |= 1 << i
		}
		if 0x80 <= c && c <= 0xBF {
			cont |= 1 << i
		}
	}
	return lead<<1 == cont && lead|cont == hi
}

// kernelFlagged returns the offset in b[j:j+16] of the first byte the
// kernels look at, or 16: the first byte textFlags flags, where the
// non-ASCII bytes do not count when they all form two-byte sequences
// inside the sixteen (twoByteBlock), which the kernels would step over
// anyway. The caller ensures j+16 <= len(b).
func kernelFlagged(b []byte, j int) int {
	k := flaggedIn16(b, j)
	if k == 16 || !twoByteBlock(b[j:j+16]) {
		return k
	}
	for ; k < 16; k++ {
		if c := b[j+k]; c < 0x80 && textFlags(uint64(c))&0x80 != 0 {
			return k
		}
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
		k := kernelFlagged(b, j)
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
			size := kernelStep(b, j)
			if size == 0 {
				return j, o
			}
			copy(dst[o:], b[j:j+size])
			j += size
			o += size
		}
	}
	return j, o
}
