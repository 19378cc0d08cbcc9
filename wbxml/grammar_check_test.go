package wbxml

import (
	"errors"
	"io"
	"testing"

	"github.com/easkit/easkit/internal/testenv"
)

func TestHasHeader(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{"ActiveSync header and root", "\x03\x01\x6a\x00\x45\x01", true},
		{"WBXML 1.0 (no charset)", "\x00\x01\x00\x45\x01", true},
		{"public id in the string table", "\x03\x00\x00\x6a\x02a\x00\x45\x01", true},
		{"PI first", "\x03\x01\x6a\x00\x43\x05\x01\x45\x01", true},
		{"LITERAL root", "\x03\x01\x6a\x02a\x00\x04\x00\x01", true},
		{"SWITCH_PAGE first", "\x03\x01\x6a\x00\x00\x07\x45\x01", true},
		{"empty", "", false},
		{"too short", "\x03\x01\x6a", false},
		{"version 4", "\x04\x01\x6a\x00\x45\x01", false},
		{"text", "<?xml", false},
		{"mb_u_int32 too long", "\x03\x81\x81\x81\x81\x81\x01\x6a\x00\x45", false},
		{"string table past the end", "\x03\x01\x6a\x7f\x45\x01", false},
		{"public id index outside the table", "\x03\x00\x05\x6a\x02ab\x45\x01", false},
		{"nothing after the string table", "\x03\x01\x6a\x02ab", false},
		{"END as the first body token", "\x03\x01\x6a\x00\x01\x01", false},
		{"STR_I as the first body token", "\x03\x01\x6a\x00\x03a\x00", false},
		{"SWITCH_PAGE at the very end", "\x03\x01\x6a\x00\x00", false},
	}
	for _, tt := range tests {
		if got := HasHeader([]byte(tt.in)); got != tt.want {
			t.Errorf("%s: HasHeader(%q) = %v, want %v", tt.name, tt.in, got, tt.want)
		}
	}
}

func TestValid(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{"empty root", "\x03\x01\x6a\x00\x05", true},
		{"content root", "\x03\x01\x6a\x00\x45\x03ab\x00\x01", true},
		{"opaque", "\x03\x01\x6a\x00\x45\xc3\x02ab\x01", true},
		{"string table reference", "\x03\x01\x6a\x02a\x00\x45\x83\x00\x01", true},
		{"attributes", "\x03\x01\x6a\x00\xc5\x05\x03v\x00\x01\x01", true},
		{"attribute value token", "\x03\x01\x6a\x00\x85\x05\x85\x01", true},
		{"PIs around the root", "\x03\x01\x6a\x00\x43\x05\x01\x05\x43\x06\x03x\x00\x01", true},
		{"entity and extensions", "\x03\x01\x6a\x00\x45\x02\x41\x40a\x00\x80\x7f\xc2\x01", true},
		{"UTF-16 terminator", "\x03\x01\x83\x75\x00\x45\x03a\x00\x00\x00\x01", true},
		{"UTF-16 string cut inside its terminator", "\x03\x01\x83\x75\x00\x45\x03a\x00\x00\x01", false},
		{"unclosed root", "\x03\x01\x6a\x00\x45\x46\x01", false},
		{"two roots", "\x03\x01\x6a\x00\x05\x05", false},
		{"SWITCH_PAGE after the root", "\x03\x01\x6a\x00\x05\x00\x01", false},
		{"text before the root", "\x03\x01\x6a\x00\x03a\x00\x05", false},
		{"END before the root", "\x03\x01\x6a\x00\x01", false},
		{"opaque past the end", "\x03\x01\x6a\x00\x45\xc3\x05ab\x01", false},
		{"string table reference past the table", "\x03\x01\x6a\x02a\x00\x45\x83\x05\x01", false},
		{"LITERAL past the table", "\x03\x01\x6a\x02a\x00\x04\x07", false},
		{"unterminated string", "\x03\x01\x6a\x00\x45\x03ab", false},
		{"trailing bytes", "\x03\x01\x6a\x00\x05\x0a", false},
		{"attribute list without a start", "\x03\x01\x6a\x00\xc5\x03v\x00\x01\x01", false},
		{"PI with two targets", "\x03\x01\x6a\x00\x43\x05\x06\x01\x05", false},
		{"LITERAL_C in an attribute list", "\x03\x01\x6a\x02a\x00\x85\x05\x44\x00\x01", false},
		{"unended attribute list", "\x03\x01\x6a\x00\x85\x05", false},
		{"header only", "\x03\x01\x6a\x00", false},
	}
	for _, tt := range tests {
		if got := Valid([]byte(tt.in)); got != tt.want {
			t.Errorf("%s: Valid(%q) = %v, want %v", tt.name, tt.in, got, tt.want)
		}
		if got := strictDecodes([]byte(tt.in)); got != tt.want {
			t.Errorf("%s: the strict Decoder says %v, the table %v", tt.name, got, tt.want)
		}
	}
}

// TestValidSamples checks Valid and HasHeader on the interoperability
// samples, and on each cut one byte short.
func TestValidSamples(t *testing.T) {
	for _, s := range samples(t) {
		if got, want := Valid(s.data), strictDecodes(s.data); got != want {
			t.Errorf("%s: Valid = %v, the strict Decoder says %v", s.name, got, want)
		}
		if !s.bad && !HasHeader(s.data) {
			t.Errorf("%s: HasHeader = false", s.name)
		}
		if len(s.data) > 0 && Valid(s.data[:len(s.data)-1]) {
			t.Errorf("%s: Valid without its last byte", s.name)
		}
	}
}

func TestValidAllocs(t *testing.T) {
	testenv.SkipIfAllocsUnreliable(t)
	b := sampleNamed(t, "eas-sync-resp-email-add-opaque")
	if n := testing.AllocsPerRun(100, func() {
		if !Valid(b) || !HasHeader(b) {
			t.Fatal("the sample is not valid")
		}
	}); n != 0 {
		t.Errorf("Valid and HasHeader: %v allocations, want 0", n)
	}
}

// FuzzValid checks that Valid agrees with a strict Decoder without a
// vocabulary, and that a document Valid accepts has a header HasHeader
// accepts.
func FuzzValid(f *testing.F) {
	for _, s := range samples(f) {
		f.Add(s.data)
	}
	f.Add([]byte("\x03\x01\x6a\x00\x43\x05\x01\x05\x43\x06\x03x\x00\x01"))
	f.Add([]byte("\x03\x01\x83\x75\x00\xc5\x05\x03a\x00\x00\x00\x01\x01"))
	f.Fuzz(func(t *testing.T, b []byte) {
		v := Valid(b)
		if d := strictDecodes(b); v != d {
			t.Fatalf("Valid = %v, the strict Decoder says %v", v, d)
		}
		if v && !HasHeader(b) {
			t.Fatal("Valid but not HasHeader")
		}
	})
}

// strictDecodes reports whether a strict Decoder without a vocabulary or
// depth limit reads b to io.EOF. US-ASCII documents are read as Latin-1,
// since only the Decoder checks their bytes.
func strictDecodes(b []byte) bool {
	d := NewDecoder(b, WithStrict(true), WithMaxDepth(1<<30))
	if h, err := d.Header(); err == nil && h.Charset == CharsetASCII {
		d.hdr.Charset, d.tmode = CharsetLatin1, textModeOf(CharsetLatin1)
	}
	for {
		_, err := d.ReadToken()
		if errors.Is(err, io.EOF) {
			return true
		}
		if err != nil {
			return false
		}
	}
}

// sampleNamed returns the interoperability sample called name.
func sampleNamed(t testing.TB, name string) []byte {
	t.Helper()
	for _, s := range samples(t) {
		if s.name == name {
			return s.data
		}
	}
	t.Fatalf("no sample %s", name)
	return nil
}
