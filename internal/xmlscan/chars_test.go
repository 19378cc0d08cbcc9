package xmlscan

import (
	"encoding/binary"
	"encoding/xml"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// textStopByte is the byte-wise definition textFlags must match: the bytes
// that stop a run of plain text.
func textStopByte(c byte) bool {
	return c < 0x20 && c != '\t' && c != '\n' || c >= 0x80 || c == '<' || c == '&' || c == ']'
}

// checkFlags compares textFlags on the word w with textStopByte.
func checkFlags(t *testing.T, w []byte) {
	t.Helper()
	flags := textFlags(binary.LittleEndian.Uint64(w))
	for i := range w {
		if got := flags>>(8*i+7)&1 == 1; got != textStopByte(w[i]) {
			t.Fatalf("word % x byte %d: flag %v, want %v", w, i, got, !got)
		}
	}
	if flags&^hi8 != 0 {
		t.Fatalf("word % x: flags %x outside the high bits", w, flags)
	}
}

func TestTextFlags(t *testing.T) {
	// Every byte value at every position among harmless bytes, and next
	// to every other byte value.
	for p := range 8 {
		for v := range 256 {
			w := []byte("aaaaaaaa")
			w[p] = byte(v)
			checkFlags(t, w)
			for u := range 256 {
				w[(p+1)%8] = byte(u)
				checkFlags(t, w)
			}
		}
	}
	// Random words, biased towards the edges of the classes.
	edges := []byte{0, 8, 9, 10, 11, 12, 13, 0x1F, 0x20, 0x21, '<', '=', '&', '\'', ']', '^', 0x7F, 0x80, 0x89, 0x8A, 0x8D, 0x9F, 0xA0, 0xBC, 0xBF, 0xC0, 0xFF, 'a', '\n', '\t'}
	r := rand.New(rand.NewPCG(1, 2))
	for range 200000 {
		var w [8]byte
		for i := range w {
			if r.IntN(2) == 0 {
				w[i] = edges[r.IntN(len(edges))]
			} else {
				w[i] = byte(r.IntN(256))
			}
		}
		checkFlags(t, w[:])
	}
}

func TestFastRune(t *testing.T) {
	// fastRune accepts exactly the sequences that utf8 accepts as Chars,
	// with the same length.
	conts := []int{0x00, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBD, 0xBE, 0xBF, 0xC0}
	for c0 := 0x80; c0 < 0x100; c0++ {
		for c1 := 0; c1 < 0x100; c1++ {
			for _, c2 := range conts {
				for _, c3 := range conts {
					b := []byte{byte(c0), byte(c1), byte(c2), byte(c3)}
					size := fastRune(b, 0)
					r, n := utf8.DecodeRune(b)
					valid := !(r == utf8.RuneError && n == 1) && isChar(r)
					if valid && size != n || !valid && size != 0 {
						t.Fatalf("fastRune(% x) = %d; DecodeRune = %U, %d", b, size, r, n)
					}
					// Truncated: never accepted beyond the input.
					for cut := 1; cut < 4; cut++ {
						if size := fastRune(b[:cut], 0); size > cut {
							t.Fatalf("fastRune(% x) = %d, past the end", b[:cut], size)
						}
					}
				}
			}
		}
	}
}

func TestIsChar(t *testing.T) {
	tests := []struct {
		r    rune
		want bool
	}{
		{0, false}, {8, false}, {9, true}, {0xA, true}, {0xB, false}, {0xC, false}, {0xD, true}, {0x1F, false},
		{0x20, true}, {0x7F, true}, {0x85, true}, {0xD7FF, true}, {0xD800, false}, {0xDFFF, false},
		{0xE000, true}, {0xFFFD, true}, {0xFFFE, false}, {0xFFFF, false}, {0x10000, true},
		{0x10FFFF, true}, {0x110000, false}, {-1, false},
	}
	for _, tt := range tests {
		if got := isChar(tt.r); got != tt.want {
			t.Errorf("isChar(%U) = %v, want %v", tt.r, got, tt.want)
		}
	}
}

// TestNameCharsCoverEncodingXML checks, over the whole BMP, that every
// character encoding/xml accepts in a name (its tables come from the XML 1.0
// fourth edition's Appendix B) is accepted by ours (fifth edition), at the
// start of a name and inside it. Otherwise the scanner would reject
// documents the oracle accepts.
func TestNameCharsCoverEncodingXML(t *testing.T) {
	if testing.Short() {
		t.Skip("scans the BMP")
	}
	oracleAccepts := func(doc string) bool {
		d := xml.NewDecoder(strings.NewReader(doc))
		for {
			if _, err := d.Token(); err != nil {
				return err == io.EOF
			}
		}
	}
	for r := rune(0x80); r <= 0xFFFD; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		c := string(r)
		if !isNameRune(r) && oracleAccepts("<a"+c+"/>") {
			t.Errorf("encoding/xml accepts %U inside a name, we do not", r)
		}
		if !isNameStartRune(r) && oracleAccepts("<"+c+"/>") {
			t.Errorf("encoding/xml accepts %U at the start of a name, we do not", r)
		}
	}
}

func TestNameRunes(t *testing.T) {
	start := []rune{'a', 'Z', '_', 0xC0, 0xD6, 0xD8, 0xF6, 0xF8, 0x2FF, 0x370, 0x37D, 0x37F, 0x1FFF, 0x200C, 0x200D,
		0x2070, 0x218F, 0x2C00, 0x2FEF, 0x3001, 0xD7FF, 0xF900, 0xFDCF, 0xFDF0, 0xFFFD, 0x10000, 0xEFFFF}
	notStart := []rune{'-', '.', '0', '9', 0xB7, 0xD7, 0xF7, 0x300, 0x36F, 0x37E, 0x2000, 0x200B, 0x200E,
		0x203F, 0x2040, 0x2190, 0x2BFF, 0x2FF0, 0x3000, 0xD800, 0xF8FF, 0xFDD0, 0xFDEF, 0xFFFE, 0xF0000, ':', ' ', 0xBF}
	nameOnly := []rune{'-', '.', '0', '9', 0xB7, 0x300, 0x36F, 0x203F, 0x2040}
	for _, r := range start {
		if !isNameStartRune(r) || !isNameRune(r) {
			t.Errorf("%U should be a NameStartChar", r)
		}
	}
	for _, r := range notStart {
		if isNameStartRune(r) {
			t.Errorf("%U should not be a NameStartChar", r)
		}
	}
	for _, r := range nameOnly {
		if !isNameRune(r) {
			t.Errorf("%U should be a NameChar", r)
		}
	}
	for _, r := range []rune{0xD7, 0xF7, 0x37E, 0x2041, ':', ' ', 0xFFFE} {
		if isNameRune(r) {
			t.Errorf("%U should not be a NameChar", r)
		}
	}
}

// TestEqualName compares equalName with bytes.Equal on names of every
// length up to 40 that differ in one byte, or not at all.
func TestEqualName(t *testing.T) {
	for n := range 41 {
		a := []byte(strings.Repeat("abcdefghij", 5)[:n])
		if !equalName(a, append([]byte(nil), a...)) {
			t.Fatalf("equalName(%q, copy) = false", a)
		}
		for p := range n {
			b := append([]byte(nil), a...)
			b[p] ^= 1
			if equalName(a, b) {
				t.Fatalf("equalName(%q, %q) = true", a, b)
			}
		}
		if n > 0 && equalName(a, a[:n-1]) {
			t.Fatalf("equalName(%q, %q) = true", a, a[:n-1])
		}
	}
}
