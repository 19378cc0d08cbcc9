// Package utf8block finds, in a block of sixteen bytes, the multi-byte
// UTF-8 sequences that the text kernels of internal/xmltext and
// internal/xmlscan may copy without a closer look: well-formed sequences
// lying wholly inside the block whose character XML 1.0 allows in
// character data (the Char production). Covered is the Go definition of a
// step that those packages' SSE2 kernels repeat in assembly, one
// comparison of the sixteen bytes for each eq below; their Go forms call
// it.
package utf8block

const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
	lo7   = 0x7F7F7F7F7F7F7F7F
)

// Covered returns a mask of the bytes of the block w0 (bytes 0–7, little
// endian) and w1 (bytes 8–15), byte j to bit j, that belong to UTF-8
// sequences of two to four bytes lying wholly inside the block and
// encoding a character XML allows:
//
//   - C2–DF 80–BF (U+0080–U+07FF);
//   - E0 A0–BF, E1–EC, EE, ED 80–9F or EF (but not EF BF BE–BF), each
//     with two continuation bytes (U+0800–U+FFFD, no surrogates, no
//     U+FFFE or U+FFFF);
//   - F0 90–BF, F1–F3 or F4 80–8F, with three continuation bytes
//     (U+10000–U+10FFFF).
//
// Sequences that are accepted cannot overlap: each starts with a lead
// byte, which is never a continuation byte of another. Every other byte
// of 0x80 or more, such as the start of a sequence cut by the end of the
// block, is left out of the mask for the caller to handle.
func Covered(w0, w1 uint64) uint32 {
	// Masks of the sixteen bytes, byte j at bit j; m>>k tells, at bit j,
	// what byte j+k is. Go gives & and >> the same precedence, so the
	// shifted masks are named first.
	cont := eq(w0, w1, 0xC0, 0x80)
	cont1, cont2, cont3 := cont>>1, cont>>2, cont>>3
	a0bf1 := eq(w0, w1, 0xE0, 0xA0) >> 1 // the next byte is A0–BF
	x8x1 := eq(w0, w1, 0xF0, 0x80) >> 1  // the next byte is 80–8F
	bf1 := eq(w0, w1, 0xFF, 0xBF) >> 1   // the next byte is BF
	bebf2 := eq(w0, w1, 0xFE, 0xBE) >> 2 // the byte after it is BE or BF

	lead2 := eq(w0, w1, 0xE0, 0xC0) &^ eq(w0, w1, 0xFE, 0xC0) // C2–DF
	two := lead2 & cont1

	overlong3 := eq(w0, w1, 0xFF, 0xE0) &^ a0bf1    // E0 80–9F
	surrogate := eq(w0, w1, 0xFF, 0xED) & a0bf1     // ED A0–BF
	nonchar := eq(w0, w1, 0xFF, 0xEF) & bf1 & bebf2 // U+FFFE, U+FFFF
	lead3 := eq(w0, w1, 0xF0, 0xE0) &^ (overlong3 | surrogate | nonchar)
	three := lead3 & cont1 & cont2

	overlong4 := eq(w0, w1, 0xFF, 0xF0) & x8x1   // F0 80–8F
	lead4 := eq(w0, w1, 0xFC, 0xF0)&^overlong4 | // F0–F3
		eq(w0, w1, 0xFF, 0xF4)&x8x1 // F4 80–8F: up to U+10FFFF
	four := lead4 & cont1 & cont2 & cont3

	return two | two<<1 | three | three<<1 | three<<2 | four | four<<1 | four<<2 | four<<3
}

// eq returns a mask of the bytes b of the block for which b&mask == val,
// byte j to bit j.
func eq(w0, w1 uint64, mask, val uint64) uint32 {
	return gather(zero(w0&(ones*mask)^(ones*val))) | gather(zero(w1&(ones*mask)^(ones*val)))<<8
}

// zero returns the high bit set in exactly the bytes of w that are zero.
func zero(w uint64) uint64 {
	return ^(((w & lo7) + lo7) | w) & highs
}

// gather packs the high bits of the bytes of m, which has no other bits,
// into its low eight bits, byte j to bit j.
func gather(m uint64) uint32 {
	return uint32((m >> 7) * 0x0102040810204080 >> 56)
}

// CannotStart reports whether no sequence Covered accepts can start with
// byte c at position k of a block: c is not a lead byte of a sequence of
// two to four bytes, or that sequence would run past the block's end.
// Kernels in Go ask it about the first byte they would stop at before
// calling Covered, which costs far more: when it reports true they stop
// there whatever Covered says of the bytes after it.
func CannotStart(c byte, k int) bool {
	switch {
	case c < 0xC2 || c > 0xF4:
		return true
	case c < 0xE0:
		return k+2 > 16
	case c < 0xF0:
		return k+3 > 16
	}
	return k+4 > 16
}
