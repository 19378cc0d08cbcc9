package wbxml

import (
	"bytes"
	"math"
	"testing"
)

func TestAppendMbUint32(t *testing.T) {
	tests := []struct {
		name string
		v    uint32
		want []byte
	}{
		{"zero", 0, []byte{0x00}},
		{"one byte max", 0x7F, []byte{0x7F}},
		{"note example 0xA0", 0xA0, []byte{0x81, 0x20}},
		{"two bytes min", 0x80, []byte{0x81, 0x00}},
		{"two bytes max", 1<<14 - 1, []byte{0xFF, 0x7F}},
		{"three bytes min", 1 << 14, []byte{0x81, 0x80, 0x00}},
		{"four bytes min", 1 << 21, []byte{0x81, 0x80, 0x80, 0x00}},
		{"five bytes min", 1 << 28, []byte{0x81, 0x80, 0x80, 0x80, 0x00}},
		{"max", math.MaxUint32, []byte{0x8F, 0xFF, 0xFF, 0xFF, 0x7F}},
		{"policy key", 3230124716, AppendMbUint32(nil, 3230124716)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := AppendMbUint32([]byte{0xEE}, tt.v)
			if !bytes.Equal(got[1:], tt.want) || got[0] != 0xEE {
				t.Errorf("AppendMbUint32(%#x) = % X, want EE % X", tt.v, got, tt.want)
			}
			if n := MbUint32Len(tt.v); n != len(tt.want) {
				t.Errorf("MbUint32Len(%#x) = %d, want %d", tt.v, n, len(tt.want))
			}
			v, n := ConsumeMbUint32(append(tt.want, 0x55))
			if v != tt.v || n != len(tt.want) {
				t.Errorf("ConsumeMbUint32(% X) = %#x, %d, want %#x, %d", tt.want, v, n, tt.v, len(tt.want))
			}
		})
	}
}

func TestConsumeMbUint32Errors(t *testing.T) {
	tests := []struct {
		name  string
		in    []byte
		wantV uint32
		wantN int
	}{
		{"empty", nil, 0, 0},
		{"truncated", []byte{0x81}, 0, 0},
		{"truncated four", []byte{0x81, 0x80, 0x80, 0x80}, 0, 0},
		{"six bytes", []byte{0x80, 0x80, 0x80, 0x80, 0x80, 0x01}, 0, -5},
		{"five continuation bytes and end", []byte{0x80, 0x80, 0x80, 0x80, 0x80}, 0, -5},
		{"overflow", []byte{0x90, 0x80, 0x80, 0x80, 0x00}, 0, -5},
		{"leading zero groups allowed", []byte{0x80, 0x80, 0x80, 0x81, 0x00}, 0x80, 5},
		{"leading zero group", []byte{0x80, 0x05}, 5, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, n := ConsumeMbUint32(tt.in)
			if v != tt.wantV || n != tt.wantN {
				t.Errorf("ConsumeMbUint32(% X) = %#x, %d, want %#x, %d", tt.in, v, n, tt.wantV, tt.wantN)
			}
		})
	}
}

// TestMbUint32RoundTrip checks values around every group boundary.
func TestMbUint32RoundTrip(t *testing.T) {
	for shift := 0; shift < 32; shift++ {
		for _, d := range []int64{-1, 0, 1} {
			x := int64(1)<<shift + d
			if x < 0 || x > math.MaxUint32 {
				continue
			}
			v := uint32(x)
			b := AppendMbUint32(nil, v)
			if len(b) > MaxMbUint32Len {
				t.Fatalf("%#x encodes to %d bytes", v, len(b))
			}
			got, n := ConsumeMbUint32(b)
			if got != v || n != len(b) {
				t.Fatalf("%#x: % X decodes to %#x, %d", v, b, got, n)
			}
		}
	}
}
