package utf8block

import (
	"encoding/binary"
	"math/rand/v2"
	"testing"
	"unicode/utf8"
)

// reference is Covered written from its definition, a byte at a time:
// walking the block, each well-formed sequence of two to four bytes that
// ends inside the block and whose rune XML allows is covered.
func reference(blk []byte) uint32 {
	var m uint32
	for j := 0; j < 16; {
		if blk[j] < 0x80 {
			j++
			continue
		}
		r, n := utf8.DecodeRune(blk[j:16])
		if n < 2 || (r == utf8.RuneError && n == 1) || (0xD800 <= r && r <= 0xDFFF) || r == 0xFFFE || r == 0xFFFF {
			j++
			continue
		}
		m |= (1<<n - 1) << j
		j += n
	}
	return m
}

func covered(blk []byte) uint32 {
	return Covered(binary.LittleEndian.Uint64(blk), binary.LittleEndian.Uint64(blk[8:]))
}

func check(t *testing.T, blk []byte) {
	t.Helper()
	if got, want := covered(blk), reference(blk); got != want {
		t.Fatalf("Covered(% x) = %016b; want %016b", blk, got, want)
	}
}

// interesting holds the bytes where the rules change: ASCII, the edges of
// the continuation ranges, and every kind of lead byte.
var interesting = []byte{
	'a', 0x00, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBE, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF,
	0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xF7, 0xF8, 0xFF,
}

// TestEverySequence places every lead byte followed by every combination
// of up to three bytes from interesting, at every position of the block.
func TestEverySequence(t *testing.T) {
	blk := make([]byte, 16)
	for pos := range 16 {
		for _, a := range interesting {
			for _, b := range interesting {
				for _, c := range interesting {
					for _, d := range []byte{'a', 0x80, 0xBF, 0xC0} {
						for j := range blk {
							blk[j] = 'x'
						}
						for k, v := range []byte{a, b, c, d} {
							if pos+k < 16 {
								blk[pos+k] = v
							}
						}
						check(t, blk)
					}
				}
			}
		}
	}
}

// TestEveryCharacter encodes every code point from U+0080 at every
// position of the block, after ASCII, after the same character and after
// a cut sequence.
func TestEveryCharacter(t *testing.T) {
	blk := make([]byte, 16)
	for r := rune(0x80); r <= utf8.MaxRune; r += step(r) {
		var enc [4]byte
		n := utf8.EncodeRune(enc[:], r)
		if r >= 0xD800 && r <= 0xDFFF {
			enc = [4]byte{0xED, byte(0x80 | (r>>6)&0x3F), byte(0x80 | r&0x3F)}
			n = 3
		}
		for pos := range 16 {
			for j := range blk {
				blk[j] = "plain text bytes"[j]
			}
			copy(blk[pos:], enc[:n])
			check(t, blk)
			for j := 0; j+n <= 16; j += n {
				copy(blk[j:], enc[:n])
			}
			check(t, blk)
		}
	}
}

// step walks every code point near the edges of the rules and samples
// the rest.
func step(r rune) rune {
	switch {
	case r < 0x1000, r >= 0xD700 && r < 0xE100, r >= 0xFF00 && r < 0x10100, r >= 0x10FF00:
		return 1
	}
	return 97
}

// TestRandomBlocks compares with the reference on random blocks drawn
// from interesting bytes and real text.
func TestRandomBlocks(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	alphabet := append([]byte("日本語 한국어 ไทย 😀 é"), interesting...)
	blk := make([]byte, 16)
	for range 200000 {
		for j := range blk {
			blk[j] = alphabet[rng.IntN(len(alphabet))]
		}
		check(t, blk)
	}
}

func FuzzCovered(f *testing.F) {
	f.Add([]byte("会議の資料を添付します。"))
	f.Add([]byte("Thanks 👍 see 🎉 \xef\xbf\xbe\xed\xa0\x80"))
	f.Fuzz(func(t *testing.T, s []byte) {
		var blk [16]byte
		copy(blk[:], s)
		check(t, blk[:])
	})
}

func BenchmarkCovered(b *testing.B) {
	blk := []byte("会議の資料を添付します。")[:16]
	w0, w1 := binary.LittleEndian.Uint64(blk), binary.LittleEndian.Uint64(blk[8:])
	b.SetBytes(16)
	var sink uint32
	for b.Loop() {
		sink += Covered(w0, w1)
	}
	_ = sink
}

// TestCannotStart checks CannotStart against Covered: when it reports true
// for a lead byte at k, Covered never starts a sequence there.
func TestCannotStart(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	alphabet := append([]byte("日本語 한국어 ไทย 😀 é"), interesting...)
	blk := make([]byte, 16)
	for range 200000 {
		for j := range blk {
			blk[j] = alphabet[rng.IntN(len(alphabet))]
		}
		m := covered(blk)
		for k := range 16 {
			if CannotStart(blk[k], k) && m&(1<<k) != 0 && blk[k] >= 0xC0 {
				t.Fatalf("CannotStart(%#x, %d) but Covered(% x) = %016b starts a sequence there", blk[k], k, blk, m)
			}
		}
	}
	for _, c := range []struct {
		c    byte
		k    int
		want bool
	}{{'a', 0, true}, {0x80, 3, true}, {0xC1, 0, true}, {0xC2, 14, false}, {0xC2, 15, true},
		{0xE4, 13, false}, {0xE4, 14, true}, {0xF0, 12, false}, {0xF0, 13, true}, {0xF5, 0, true}} {
		if got := CannotStart(c.c, c.k); got != c.want {
			t.Errorf("CannotStart(%#x, %d) = %v, want %v", c.c, c.k, got, c.want)
		}
	}
}
