package xmltext

import (
	"bytes"
	"math/rand/v2"
	"testing"
)

// blockAlphabet holds the bytes the block kernel treats differently, and
// plain ones, to build texts from.
var blockAlphabet = []byte("abc <&]>\r\n\t\x00\x1f\x7f\xc2\xdf\xc3\xa9\x80\xbf\xc0\xc1\xe0\xed\xef\xf0\xf4\xff" +
	"\x8f\x90\x9f\xa0\xbe\xe4\xe9\xf1\xf5")

// checkBlocks runs the assembly and Go forms of the block kernel on s
// from i to end and fails if they stop at different places or write
// different text.
func checkBlocks(t *testing.T, s []byte, i, end int) {
	t.Helper()
	room := 3 + maxGrowth*len(s) + textSlack
	buf1 := bytes.Repeat([]byte{0xAA}, room)
	buf2 := bytes.Repeat([]byte{0xAA}, room)
	i1, o1 := escapeBlocks(buf1, 3, s, i, end)
	i2, o2 := escapeBlocksGo(buf2, 3, s, i, end)
	if i1 != i2 || o1 != o2 || !bytes.Equal(buf1[:o1], buf2[:o2]) {
		t.Fatalf("escapeBlocks(%q, %d, %d) = %d, %d, %q; Go form %d, %d, %q", s, i, end, i1, o1, buf1[:o1], i2, o2, buf2[:o2])
	}
	if i1 < i || (i1 < end && i1+16 <= len(s) && escapes[s[i1]]>>56 != 0) {
		t.Fatalf("escapeBlocks(%q, %d, %d) stopped at %d", s, i, end, i1)
	}
}

// TestEscapeBlocksAlignments compares the two forms of the block kernel
// on texts of every length from 0 to 100, at every alignment of the text
// in memory and every start offset in the first block, with each kind of
// byte at every position (at alignments 0, 5, 10 and 15) and random texts.
func TestEscapeBlocksAlignments(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	back := make([]byte, 128)
	for n := 0; n <= 100; n++ {
		for align := range 16 {
			s := back[align : align+n]
			for j := range s {
				s[j] = "plain text, mostly"[(j+n)%18]
			}
			for start := 0; start <= min(n, 16); start++ {
				checkBlocks(t, s, start, n)
				checkBlocks(t, s, start, start+(n-start)/2)
			}
			for pos := range n {
				if align%5 != 0 {
					break // every kind of byte at every position: some alignments
				}
				for _, c := range blockAlphabet {
					old := s[pos]
					s[pos] = c
					checkBlocks(t, s, 0, n)
					s[pos] = old
				}
			}
			// Random texts from the alphabet.
			for range 20 {
				for j := range s {
					s[j] = blockAlphabet[rng.IntN(len(blockAlphabet))]
				}
				checkBlocks(t, s, 0, n)
				if n > 0 {
					checkBlocks(t, s, rng.IntN(n), n)
				}
			}
		}
	}
}

// TestEscapeBlocksText checks the escaped text of realistic bodies
// through both forms of the kernel.
func TestEscapeBlocksText(t *testing.T) {
	for _, s := range [][]byte{htmlBody, plainBody, cjkBody, hangulBody, thaiBody, emojiBody} {
		for start := range 17 {
			checkBlocks(t, s, start, len(s))
		}
		checkTextSafe(t, s)
	}
}

// FuzzEscapeBlocks: the assembly and Go forms of the block kernel agree on
// any text, start and end.
func FuzzEscapeBlocks(f *testing.F) {
	f.Add([]byte("plain text that is long enough <for> a block & more\r\n"), uint8(0), uint8(255))
	f.Add([]byte("naïve café Kraków São ]]> 日本語 😀 \x01 end of text"), uint8(3), uint8(40))
	f.Add(bytes.Repeat([]byte("\xc3\xa9"), 20), uint8(1), uint8(255))
	f.Fuzz(func(t *testing.T, s []byte, start, end uint8) {
		i := min(int(start), len(s))
		e := min(int(end), len(s))
		checkBlocks(t, s, i, max(i, e))
		checkTextSafe(t, s)
	})
}
