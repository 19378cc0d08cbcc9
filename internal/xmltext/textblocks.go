package xmltext

import (
	"encoding/binary"
	"math/bits"

	"github.com/easkit/easkit/internal/utf8block"
)

// The block kernel of escapeChunk: escapeBlocks (assembly on amd64, see
// textblocks_amd64.s) and escapeBlocksGo, which is its definition and its
// fallback elsewhere. Both take the same steps and leave the same result.
//
// From offset i of s, while i < end and a whole block of 16 bytes
// remains in s, it copies the block to buf at o and looks for its first
// byte that needs more than that: '<', '&', ']', a byte < 0x20 or a byte
// ≥ 0x80 that is not part of a UTF-8 sequence complete in the block whose
// character XML allows (utf8block.Covered; two-byte sequences C2–DF 80–BF
// are tried first, as they are cheaper to find). With none it goes on 16
// bytes further. A byte
// with an escape in the escapes table (or that is tab or LF) is written
// as that escape, CR with the LF that follows it, and it goes on from
// the next byte. At a byte ≥ 0x80 that is not the block's first it goes on
// with the block that starts there (the byte most often starts a sequence
// that the end of the block cut). At any other byte it stops. It returns the offsets in s
// and buf where it stopped; buf[:o] holds the escaped text.
//
// It needs the room in buf that escapeChunk has, and i at the start of a
// character.

// escapeBlocksGo is escapeBlocks in Go.
func escapeBlocksGo(buf []byte, o int, s []byte, i, end int) (int, int) {
	n := len(s)
	for i < end && i+16 <= n {
		w0 := binary.LittleEndian.Uint64(s[i:])
		w1 := binary.LittleEndian.Uint64(s[i+8:])
		binary.LittleEndian.PutUint64(buf[o:], w0)
		binary.LittleEndian.PutUint64(buf[o+8:], w1)
		m := mask16(special8(w0)) | mask16(special8(w1))<<8
		if m == 0 {
			i += 16
			o += 16
			continue
		}
		if hi := mask16(w0&highs) | mask16(w1&highs)<<8; hi != 0 {
			lead := mask16(lead2(w0)) | mask16(lead2(w1))<<8
			cont := mask16(cont8(w0)) | mask16(cont8(w1))<<8
			pair := lead & (cont >> 1)
			m &^= pair | pair<<1
			// Covered is dear in Go: not when the first byte to stop at
			// cannot start a sequence it would pass.
			if k := bits.TrailingZeros32(m); m&hi != 0 && !utf8block.CannotStart(s[i+k], k) {
				m &^= utf8block.Covered(w0, w1)
			}
			if m == 0 {
				i += 16
				o += 16
				continue
			}
		}
		k := bits.TrailingZeros32(m)
		i += k
		o += k
		c := s[i]
		e := escapes[c]
		if e>>56 == 0 {
			if c < 0x80 || k == 0 {
				break
			}
			continue // a new block from the byte, which may start a sequence the block cut
		}
		binary.LittleEndian.PutUint64(buf[o:], e)
		o += int(e >> 56)
		i++
		if i < n && e&(1<<48) != 0 && s[i] == '\n' {
			o++
			i++
		}
	}
	return i, o
}

// mask16 gathers the high bits of the bytes of m (a mask of high bits)
// into the low eight bits, byte j to bit j.
func mask16(m uint64) uint32 {
	return uint32(((m & highs) >> 7) * 0x0102040810204080 >> 56)
}

// lead2 returns the high bit set in the bytes of w that are C2–DF.
func lead2(w uint64) uint64 {
	return ^nonzero((w&(ones*0xE0))^(ones*0xC0)) & nonzero(w&(ones*0x1E)) & highs
}

// cont8 returns the high bit set in the bytes of w that are 80–BF.
func cont8(w uint64) uint64 {
	return ^nonzero((w&(ones*0xC0))^(ones*0x80)) & highs
}
