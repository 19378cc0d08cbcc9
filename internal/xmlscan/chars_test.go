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

// textSpecialByte is the byte-wise definition textSpecial must match.
func textSpecialByte(c byte) bool {
	return c < 0x20 || c >= 0x80 || c == '<' || c == '&' || c == ']'
}

func TestTextSpecial(t *testing.T) {
	// Every byte value at every position among harmless bytes.
	for p := range 8 {
		for v := range 256 {
			w := []byte("aaaaaaaa")
			w[p] = byte(v)
			got := textSpecial(binary.LittleEndian.Uint64(w)) != 0
			if want := textSpecialByte(byte(v)); got != want {
				t.Fatalf("byte %#x at %d: got %v, want %v", v, p, got, want)
			}
		}
	}
	// Random words, biased towards the edges of the classes.
	edges := []byte{0, 0x1F, 0x20, 0x21, '<', '=', '&', '\'', ']', '^', 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF, 'a', '\n', '\t'}
	r := rand.New(rand.NewPCG(1, 2))
	for range 200000 {
		var w [8]byte
		want := false
		for i := range w {
			if r.IntN(2) == 0 {
				w[i] = edges[r.IntN(len(edges))]
			} else {
				w[i] = byte(r.IntN(256))
			}
			want = want || textSpecialByte(w[i])
		}
		if got := textSpecial(binary.LittleEndian.Uint64(w[:])) != 0; got != want {
			t.Fatalf("word % x: got %v, want %v", w, got, want)
		}
		// textFlags flags exactly the bytes that need a look.
		flags := textFlags(binary.LittleEndian.Uint64(w[:]))
		for i := range w {
			if got := flags>>(8*i+7)&1 == 1; got != textSpecialByte(w[i]) {
				t.Fatalf("word % x byte %d: flag %v, want %v", w, i, got, !got)
			}
		}
		if flags&^hi8 != 0 {
			t.Fatalf("word % x: flags %x outside the high bits", w, flags)
		}
	}
}

func TestFastRune(t *testing.T) {
	// fastRune may only accept sequences that utf8 accepts as Chars, with
	// the same length.
	for c0 := 0x80; c0 < 0x100; c0++ {
		for c1 := 0; c1 < 0x100; c1 += 1 {
			for _, c2 := range []int{0x00, 0x7F, 0x80, 0xBD, 0xBE, 0xBF, 0xC0} {
				b := []byte{byte(c0), byte(c1), byte(c2)}
				size := fastRune(b, 0)
				if size == 0 {
					continue
				}
				r, n := utf8.DecodeRune(b)
				if r == utf8.RuneError && n == 1 || n != size || !isChar(r) {
					t.Fatalf("fastRune(% x) = %d; DecodeRune = %U, %d", b, size, r, n)
				}
			}
		}
	}
	if fastRune([]byte{0xC3}, 0) != 0 || fastRune([]byte{0xE2, 0x82}, 0) != 0 {
		t.Error("fastRune accepted a truncated sequence")
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
