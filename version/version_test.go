package version_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/easkit/easkit/internal/testenv"
	"github.com/easkit/easkit/version"
)

func TestStringAndParseEveryByte(t *testing.T) {
	for b := 1; b <= 255; b++ {
		v := version.FromURIByte(byte(b))
		s := v.String()
		got, err := version.Parse(s)
		if err != nil {
			t.Errorf("Parse(%q) (from byte %d): %v", s, b, err)
			continue
		}
		if got != v || got.URIByte() != byte(b) {
			t.Errorf("Parse(%q) = %d, want %d", s, got, b)
		}
		if v.Major()*10+v.Minor() != b {
			t.Errorf("byte %d: Major %d Minor %d", b, v.Major(), v.Minor())
		}
	}
}

func TestKnown(t *testing.T) {
	want := []string{"1.0", "2.0", "2.1", "2.5", "12.0", "12.1", "14.0", "14.1", "16.0", "16.1"}
	var got []string
	for _, v := range version.Known {
		got = append(got, v.String())
		if !v.IsKnown() {
			t.Errorf("%v.IsKnown() = false", v)
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Known (-want +got):\n%s", diff)
	}
	for i := 1; i < len(version.Known); i++ {
		if version.Known[i-1] >= version.Known[i] {
			t.Errorf("Known not ascending at %d: integer order must be version order", i)
		}
	}
	for _, v := range []version.Version{0, 11, 15, 26, 122, 142, 162, 170, 255} {
		if v.IsKnown() {
			t.Errorf("%d.IsKnown() = true", v)
		}
	}
	if version.Version(0).String() != "" {
		t.Errorf("zero Version String = %q, want empty", version.Version(0).String())
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		offset int
	}{
		{"empty", "", 0},
		{"letter", "v14.1", 0},
		{"no dot", "14", 2},
		{"comma", "14,1", 2},
		{"no minor", "14.", 3},
		{"two-digit minor", "14.10", 4},
		{"build string", "6.5.7638.1", 3},
		{"trailing space", "14.1 ", 4},
		{"leading space", " 14.1", 0},
		{"major too large", "26.0", 1},
		{"huge major", "999.0", 1},
		{"zero", "0.0", 0},
		{"overflow", "25.6", 0},
		{"high byte", "14.1\xff", 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := version.Parse(tt.in)
			var pe *version.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("Parse(%q) = %v, %v; want a *ParseError", tt.in, v, err)
			}
			if !errors.Is(err, version.ErrSyntax) {
				t.Errorf("error does not wrap ErrSyntax")
			}
			if pe.Offset != tt.offset || pe.Text != tt.in || pe.Reason == "" {
				t.Errorf("ParseError = %+v, want offset %d", *pe, tt.offset)
			}
		})
	}
}

func TestTextMarshaling(t *testing.T) {
	b, err := version.V14_1.MarshalText()
	if err != nil || string(b) != "14.1" {
		t.Fatalf("MarshalText = %q, %v", b, err)
	}
	var v version.Version
	if err := v.UnmarshalText([]byte("16.0")); err != nil || v != version.V16_0 {
		t.Fatalf("UnmarshalText = %v, %v", v, err)
	}
	if err := v.UnmarshalText([]byte("x")); err == nil || v != version.V16_0 {
		t.Fatalf("UnmarshalText(x) = %v, %v; want error and v unchanged", v, err)
	}
	dst := make([]byte, 0, 8)
	if n := testing.AllocsPerRun(100, func() {
		dst, _ = version.V12_1.AppendText(dst[:0])
		_ = version.V2_5.String()
	}); n != 0 && testenv.AllocsReliable() {
		t.Errorf("AppendText/String allocate %v times", n)
	}
}

// TestTextRoundTripEveryByte: whatever MarshalText writes, UnmarshalText
// reads back, for every URI byte including the zero Version (which
// MarshalText writes as "0.0"), so that a struct holding an unset Version
// survives encoding/json.
func TestTextRoundTripEveryByte(t *testing.T) {
	type holder struct{ V version.Version }
	for b := 0; b <= 255; b++ {
		in := holder{version.FromURIByte(byte(b))}
		data, err := json.Marshal(in)
		if err != nil {
			t.Fatalf("byte %d: Marshal: %v", b, err)
		}
		var out holder
		if err := json.Unmarshal(data, &out); err != nil || out != in {
			t.Errorf("byte %d: %s unmarshals to %v, %v", b, data, out.V, err)
		}
	}
}
