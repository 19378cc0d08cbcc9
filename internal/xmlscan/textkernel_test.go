package xmlscan

import (
	"bytes"
	"math/rand/v2"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// kernelAlphabet holds the bytes and sequences the text kernels treat
// differently, and some plain ones.
var kernelAlphabet = []string{
	"a", "z", " ", "\t", "\n", "\r", "\r\n", "&lt;", "&gt;", "&amp;", "&#13;", "&#10;", "&#9;", "&quot;", "&lt", "&", "\x00", "\x01", "\x1F", "\x7F", "<", "&", "]", "]]>", "]]", ">",
	"é", "\xC2\x80", "\xDF\xBF", "\xC2", "\xC1\xBF", "€", "\xE1\x80\x80", "\xEC\xBF\xBF", "\xEE\x80\x80",
	"\xE0\xA0\x80", "\xED\x9F\xBF", "\xED\xA0\x80", "\xEF\xBF\xBD", "\xEF\xBF\xBE", "\xE2\x82", "😀",
	"\xF4\x90\x80\x80", "\x80", "\xBF", "\xFF",
	"日本語", "한국어", "ไทย", "\xF0\x90\x80\x80", "\xF4\x8F\xBF\xBF", "\xF0\x8F\xBF\xBF", "\xE0\x9F\xBF", "\xEF\xBF\xBF", "\xF5\x80\x80\x80",
}

// latinAlphabet holds two-byte sequences, the ASCII bytes the kernels
// stop at, and bytes that break a two-byte sequence, so that sixteen-byte
// blocks made only of two-byte sequences and ASCII are common.
var latinAlphabet = []string{"é", "ü", "\xC2\x80", "\xDF\xBF", "ß", "&lt;", "<", "]", "\r", "\n", "\xC3", "\xA9", "€"}

// randomText builds a text of about n bytes from kernelAlphabet, with
// plain runs of random length.
func randomText(r *rand.Rand, n int) []byte { return randomFrom(r, n, kernelAlphabet) }

// randomFrom builds a text of about n bytes from alphabet, with plain runs
// of random length.
func randomFrom(r *rand.Rand, n int, alphabet []string) []byte {
	var b []byte
	for len(b) < n {
		if r.IntN(3) == 0 {
			b = append(b, alphabet[r.IntN(len(alphabet))]...)
		} else {
			b = append(b, bytes.Repeat([]byte{byte('a' + r.IntN(26))}, r.IntN(24))...)
		}
	}
	return b[:n]
}

// checkKernels compares the assembly kernels (where they exist) with the
// Go forms on b from every start j, into destinations of every size
// around the room limit.
func checkKernels(t *testing.T, b []byte) {
	t.Helper()
	d1buf := make([]byte, len(b)+64)
	d2buf := make([]byte, len(b)+64)
	for j := 0; j <= len(b); j++ {
		if got, want := textStop16(b, j), textStopGo(b, j); got != want {
			t.Fatalf("textStop16(%q, %d) = %d, textStopGo = %d", b, j, got, want)
		}
		for _, room := range []int{0, 31, 32, 33, 40, 64, len(b) + 40} {
			d1 := d1buf[:room]
			d2 := d2buf[:room]
			k1, o1 := textCopy16(d1, b, j)
			k2, o2 := textCopyGo(d2, b, j)
			if k1 != k2 || o1 != o2 {
				t.Fatalf("textCopy16(%q, %d) room %d = %d, %d; textCopyGo = %d, %d", b, j, room, k1, o1, k2, o2)
			}
			if !bytes.Equal(d1[:o1], d2[:o2]) {
				t.Fatalf("textCopy16(%q, %d) room %d wrote (-Go +asm):\n%s", b, j, room, cmp.Diff(d2[:o2], d1[:o1]))
			}
			// What was written is the text with CRs and the common
			// references decoded.
			if want := decodeForKernel(b[j:k2]); !bytes.Equal(d2[:o2], want) {
				t.Fatalf("textCopyGo(%q, %d) room %d wrote (-want +got):\n%s", b, j, room, cmp.Diff(want, d2[:o2]))
			}
		}
	}
}

// decodeForKernel decodes what the copying kernel decodes, byte by byte.
func decodeForKernel(b []byte) []byte {
	var out []byte
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case c == '\r':
			out = append(out, '\n')
			if i+1 < len(b) && b[i+1] == '\n' {
				i++
			}
			continue
		case c != '&':
			out = append(out, c)
			continue
		}
		decoded := false
		for _, r := range []struct{ ref, c string }{{"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}, {"&#13;", "\r"}, {"&#10;", "\n"}} {
			if bytes.HasPrefix(b[i:], []byte(r.ref)) {
				out = append(out, r.c...)
				i += len(r.ref) - 1
				decoded = true
				break
			}
		}
		if !decoded {
			out = append(out, c)
		}
	}
	return out
}

// TestTextKernels checks the kernels against each other at every
// alignment, on texts of every length from 0 to 100.
func TestTextKernels(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	buf := make([]byte, 128)
	for n := 0; n <= 100; n++ {
		for rep := range 6 {
			text := randomText(r, n)
			if rep%2 == 1 {
				text = randomFrom(r, n, latinAlphabet)
			}
			for align := range 16 {
				b := buf[align : align+n]
				copy(b, text)
				checkKernels(t, b)
			}
		}
	}
}

// TestTextKernelContract checks the Go kernel's results against the
// contract, byte by byte: it passes only unflagged bytes, lone ']'s and
// the sequences of characters XML allows, and where it stops with sixteen
// bytes left there is a byte it must not pass.
func TestTextKernelContract(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for range 2000 {
		b := randomText(r, r.IntN(100))
		for j := 0; j <= len(b); j++ {
			k := textStopGo(b, j)
			for p := j; p < k; {
				size := passable(b, p)
				if size == 0 {
					t.Fatalf("textStopGo(%q, %d) = %d passed %q at %d", b, j, k, b[p], p)
				}
				p += size
			}
			if k+16 <= len(b) && passable(b, k) > 0 {
				t.Fatalf("textStopGo(%q, %d) = %d stopped at a byte it may pass", b, j, k)
			}
		}
	}
}

// passable returns the length of what the kernels may pass at b[p]: an
// unflagged byte, a lone ']', or the UTF-8 sequence of a character XML
// allows; 0 when they must stop there.
func passable(b []byte, p int) int {
	c := b[p]
	switch {
	case c == ']':
		if bytes.HasPrefix(b[p:], []byte("]]>")) {
			return 0
		}
		return 1
	case c >= utf8.RuneSelf:
		r, size := utf8.DecodeRune(b[p:])
		if r == utf8.RuneError && size == 1 || !isChar(r) {
			return 0
		}
		return size
	case textFlags(uint64(c))&0x80 != 0:
		return 0
	}
	return 1
}

// FuzzTextKernels checks that the assembly kernels and the Go forms agree
// on any input, at every start.
func FuzzTextKernels(f *testing.F) {
	r := rand.New(rand.NewPCG(7, 8))
	for n := range 10 {
		f.Add(randomText(r, n*11))
		f.Add(randomFrom(r, n*11, latinAlphabet))
	}
	f.Add([]byte("0123456789abcdef]]>0123456789abcdef\xC3\xA90123456789abcde\xC3"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) > 200 {
			b = b[:200]
		}
		checkKernels(t, b)
	})
}
