package b64uri_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/easkit/easkit/b64uri"
)

// urlSafe is benchText in the URL-safe alphabet ('_' for '/'): only a
// lenient Decoder accepts it.
const urlSafe = "eQIJBBCuTs0Z9ZK6Vldwb_dM8JusBHVeHIQDUFBDBwEBAwYxMTkyODEBBUlOQk9Y"

// TestNewDecoderOptions checks what each combination of options makes of
// a text only Lenient accepts.
func TestNewDecoderOptions(t *testing.T) {
	for _, tt := range []struct {
		name    string
		opts    []b64uri.Option
		lenient bool
	}{
		{"no options", nil, false},
		{"Strict", []b64uri.Option{b64uri.WithStrictness(b64uri.Strict)}, false},
		{"Lenient", []b64uri.Option{b64uri.WithStrictness(b64uri.Lenient)}, true},
		{"later wins: Lenient", []b64uri.Option{b64uri.WithStrictness(b64uri.Strict), b64uri.WithStrictness(b64uri.Lenient)}, true},
		{"later wins: Strict", []b64uri.Option{b64uri.WithStrictness(b64uri.Lenient), b64uri.WithStrictness(b64uri.Strict)}, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := b64uri.NewDecoder(tt.opts...)
			want := b64uri.Strict
			if tt.lenient {
				want = b64uri.Lenient
			}
			if got := d.Strictness(); got != want {
				t.Errorf("Strictness() = %v, want %v", got, want)
			}
			var q b64uri.Query
			err := d.Decode(&q, []byte(urlSafe))
			if tt.lenient && err != nil {
				t.Errorf("Decode of the URL-safe text: %v, want success", err)
			}
			if !tt.lenient && !errors.Is(err, b64uri.ErrAlphabet) {
				t.Errorf("Decode of the URL-safe text: %v, want ErrAlphabet", err)
			}
		})
	}
}

// TestWithStrictnessPanicsOnInvalid: a Strictness other than the two
// constants never reaches a Decoder.
func TestWithStrictnessPanicsOnInvalid(t *testing.T) {
	for _, s := range []b64uri.Strictness{2, 7, 255} {
		func() {
			defer func() {
				r := recover()
				if msg := fmt.Sprint(r); r == nil || !strings.Contains(msg, "Strictness("+fmt.Sprint(uint8(s))+")") {
					t.Errorf("WithStrictness(%d): recovered %v, want a panic naming the value", uint8(s), r)
				}
			}()
			b64uri.WithStrictness(s)
		}()
	}
}

// TestStrictness checks Valid and String on the constants and beyond.
func TestStrictness(t *testing.T) {
	for _, tt := range []struct {
		s     b64uri.Strictness
		valid bool
		str   string
	}{
		{b64uri.Strict, true, "Strict"},
		{b64uri.Lenient, true, "Lenient"},
		{2, false, "Strictness(2)"},
		{255, false, "Strictness(255)"},
	} {
		if got := tt.s.Valid(); got != tt.valid {
			t.Errorf("%s.Valid() = %v, want %v", tt.str, got, tt.valid)
		}
		if got := tt.s.String(); got != tt.str {
			t.Errorf("String() = %q, want %q", got, tt.str)
		}
	}
}
