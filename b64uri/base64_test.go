package b64uri

// Internal tests of the base64 layer: the word-at-a-time fast paths
// against the character-by-character decoder (decodeSlow from offset 0)
// and against encoding/base64.

import (
	"bytes"
	"encoding/base64"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// decodeRef is the reference decoder: decodeSlow from the first character,
// which reads one character at a time and handles every rule itself.
func decodeRef(text []byte, lenient bool) ([]byte, error) {
	return decodeSlow(make([]byte, 0, decodedMaxLen(len(text))), text, 0, lenient)
}

// decodeNew runs decodeBase64 into a buffer of exactly the documented
// size, and fails if it grew the buffer.
func decodeNew(t *testing.T, text []byte, lenient bool) ([]byte, error) {
	t.Helper()
	dst := make([]byte, 0, decodedMaxLen(len(text)))
	got, err := decodeBase64(dst, text, lenient)
	if cap(got) != cap(dst) || (cap(got) > 0 && &got[:1][0] != &dst[:1][0]) {
		t.Fatalf("decodeBase64(%q) left its buffer", text)
	}
	return got, err
}

// sameError compares two errors of the base64 layer field by field.
func sameError(t *testing.T, text []byte, want, got error) {
	t.Helper()
	if (want == nil) != (got == nil) {
		t.Fatalf("decode %q: error %v, reference %v", text, got, want)
	}
	if want == nil {
		return
	}
	var w, g *Error
	if !errors.As(want, &w) || !errors.As(got, &g) {
		t.Fatalf("decode %q: errors %v, %v are not *Error", text, got, want)
	}
	if diff := cmp.Diff(*w, *g, cmp.Comparer(func(x, y error) bool { return x == y })); diff != "" {
		t.Fatalf("decode %q: error (-reference +got):\n%s", text, diff)
	}
}

// stdText maps a lenient text without percent-escapes onto the standard
// alphabet, character for character, so that offsets do not move.
func stdText(text []byte) []byte {
	out := bytes.Clone(text)
	for i, c := range out {
		switch c {
		case '-', ' ':
			out[i] = '+'
		case '_':
			out[i] = '/'
		}
	}
	return out
}

// checkAgainstStd compares a decoding with encoding/base64, which pads
// (StdEncoding) when the text holds '=' and does not otherwise
// (RawStdEncoding). Both must accept the same texts with the same bytes;
// when the first character outside the alphabet comes before any '=',
// both must report it, at the same offset. The offsets of padding errors
// follow this package's rules (the first '=', or the start of a group of
// one character), not encoding/base64's: see TestPaddingErrorOffsets.
func checkAgainstStd(t *testing.T, text, got []byte, err error) {
	t.Helper()
	enc := base64.RawStdEncoding
	pad := bytes.IndexByte(text, '=')
	if pad >= 0 {
		enc = base64.StdEncoding
	}
	want, werr := enc.DecodeString(string(text))
	if (err == nil) != (werr == nil) {
		t.Fatalf("decode %q: error %v; encoding/base64: %v", text, err, werr)
	}
	if err == nil {
		if !bytes.Equal(got, want) {
			t.Fatalf("decode %q:\n got %x\nwant %x (encoding/base64)", text, got, want)
		}
		return
	}
	bad := -1 // the first character outside the alphabet and not '='
	for i, c := range text {
		if decodeStd[c] == invalid {
			bad = i
			break
		}
	}
	var e *Error
	if !errors.As(err, &e) || !e.InText || e.Field != FieldText {
		t.Fatalf("decode %q: error %v is not a text *Error", text, err)
	}
	var corrupt base64.CorruptInputError
	if !errors.As(werr, &corrupt) {
		t.Fatalf("encoding/base64 error %v is not a CorruptInputError", werr)
	}
	switch {
	case bad >= 0 && (pad < 0 || bad < pad):
		if e.Err != ErrAlphabet || e.Offset != bad || int(corrupt) != bad {
			t.Fatalf("decode %q: error %v at %d, encoding/base64 at %d; want ErrAlphabet at %d", text, e.Err, e.Offset, int(corrupt), bad)
		}
	case bad < 0:
		if e.Err != ErrPadding {
			t.Fatalf("decode %q: error %v, want ErrPadding", text, err)
		}
	}
}

// checkEncode compares encodeInPlace with encoding/base64.
func checkEncode(t *testing.T, data []byte) {
	t.Helper()
	n := len(data)
	buf := make([]byte, encodedLen(n))
	copy(buf[len(buf)-n:], data)
	encodeInPlace(buf, n)
	if want := base64.StdEncoding.EncodeToString(data); string(buf) != want {
		t.Fatalf("encode %x:\n got %s\nwant %s", data, buf, want)
	}
}

// FuzzBase64 is the differential target of the base64 layer: decoding
// agrees exactly (bytes and errors) with the character-by-character
// reference in both modes, and with encoding/base64 on acceptance, bytes
// and alphabet-error offsets; encoding any bytes in place agrees with
// encoding/base64; and what decodes re-encodes to the canonical form.
func FuzzBase64(f *testing.F) {
	for _, s := range []string{
		"", "Q", "QQ", "QUI", "QUJD", "QQ==", "QUI=", "QQ=", "Q===", "QQ===", "QQ==QQ==", "=",
		"eQIJBBCuTs0Z9ZK6Vldwb/dM8JusBHVeHIQDUFBDBwEBAwYxMTkyODEBBUlOQk9Y",
		"jAEECBBv8Usp+29k8LM6azAOecgZBAAAAAALV2luZG93c01haWz/AwEMAQ==",
		"jAkHBBC32YBsEj5p%2BIUKLTDTcJoYBAAAAAALV2luZG93c01haWw",
		"jAkHBBC32YBsEj5p-IUKLTDTcJoYBAAAAAALV2luZG93c01haWw_",
		"jAkHBBC32YBsEj5p IUKLTDTcJoYBAAAAAALV2luZG93c01haWw=",
		"jAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l!", "jAAJBAp2MTQw\nRGV2aWNl", "jAAJBAp2\xc3\xa9MTQw",
		"AAAAAAAAAAAAAAAA////////////////+++++++", "AAAAAAAAAAAAAAA=AAAAAAAA",
	} {
		f.Add([]byte(s), false)
		f.Add([]byte(s), true)
	}
	f.Fuzz(func(t *testing.T, text []byte, lenient bool) {
		checkEncode(t, text)
		got, err := decodeNew(t, text, lenient)
		want, werr := decodeRef(text, lenient)
		sameError(t, text, werr, err)
		if err == nil && !bytes.Equal(got, want) {
			t.Fatalf("decode %q (lenient %v):\n got %x\nwant %x (reference)", text, lenient, got, want)
		}
		if err == nil {
			canon := make([]byte, encodedLen(len(got)))
			copy(canon[len(canon)-len(got):], got)
			encodeInPlace(canon, len(got))
			again, err := decodeNew(t, canon, false)
			if err != nil || !bytes.Equal(again, got) {
				t.Fatalf("decode(encode(%x)) = %x, %v", got, again, err)
			}
		}
		if bytes.ContainsAny(text, "\r\n") {
			return // encoding/base64 skips line breaks; the spec has none
		}
		if lenient {
			if bytes.IndexByte(text, '%') >= 0 {
				return // percent-escapes move offsets; the reference covers them
			}
			text = stdText(text)
		}
		checkAgainstStd(t, text, got, err)
	})
}

// TestBase64Edges runs the differential checks over every length up to
// three fast-path steps, with one bad or padding character at each
// position, so that each way out of the fast paths is taken.
func TestBase64Edges(t *testing.T) {
	const alphabet = encodeStd
	for n := range 3*16 + 5 {
		base := make([]byte, n)
		for i := range base {
			base[i] = alphabet[(i*37+11)%64]
		}
		texts := [][]byte{base}
		for at := range n {
			for _, c := range []byte{'=', '!', '-', '_', ' ', '%', 0x80, '\n'} {
				s := bytes.Clone(base)
				s[at] = c
				texts = append(texts, s)
			}
			texts = append(texts, append(bytes.Clone(base[:at]), "=="...))
		}
		for _, text := range texts {
			for _, lenient := range []bool{false, true} {
				got, err := decodeNew(t, text, lenient)
				want, werr := decodeRef(text, lenient)
				sameError(t, text, werr, err)
				if err == nil && !bytes.Equal(got, want) {
					t.Fatalf("decode %q (lenient %v):\n got %x\nwant %x", text, lenient, got, want)
				}
				if !lenient && !bytes.ContainsAny(text, "\r\n") {
					checkAgainstStd(t, text, got, err)
				}
			}
		}
		checkEncode(t, base)
	}
}

// TestPaddingErrorOffsets pins where padding errors point: at the start
// of the last group when it holds a single character (padded or not), else
// at the first '=' when padding is misplaced or the wrong length.
// encoding/base64 points elsewhere in some of these (at the '=' after a
// single character, after the padding, or at the end of the text).
func TestPaddingErrorOffsets(t *testing.T) {
	tests := []struct {
		name string
		text string
		at   int
	}{
		{"one character then three pads", "QUJDQ===", 4},
		{"one character then a pad", "QUJDQ=", 4},
		{"three pads", "QQ===", 2},
		{"short padding", "QQ=", 2},
		{"pad in full group", "QUJD=", 4},
		{"data after padding", "QQ==QQ==", 2},
		{"pad mid-group then data", "QUJDQQ=A", 6},
		{"single character", "QUJDQ", 4},
		{"single character after fast path", "QUJDQUJDQUJDQUJDQ", 16},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, lenient := range []bool{false, true} {
				_, err := decodeNew(t, []byte(tt.text), lenient)
				var e *Error
				if !errors.As(err, &e) || e.Err != ErrPadding || e.Offset != tt.at {
					t.Errorf("decode %q (lenient %v): %v, want ErrPadding at %d", tt.text, lenient, err, tt.at)
				}
			}
		})
	}
}
