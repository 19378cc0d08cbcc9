package eas

import "testing"

// The value parsers of the content checks, on good and bad values.
func TestValidateValueParsers(t *testing.T) {
	dates := []struct {
		s       string
		full    bool // isDateTime
		compact bool // isCompactDateTime
	}{
		{"2009-11-12T09:30:00", true, false},
		{"2009-11-12T09:30:00Z", true, false},
		{"2009-11-12T09:30:00.000Z", true, false},
		{"2009-11-12T09:30:00.5", true, false},
		{"2009-11-12T09:30:00.Z", false, false},
		{"2009-11-12T09:30:00ZZ", false, false},
		{"2009-11-12T09:30:00+01", false, false},
		{"2009-11-12 09:30:00Z", false, false},
		{"2009/11/12T09:30:00Z", false, false},
		{"2009-11-12T09-30-00Z", false, false},
		{"2009-1a-12T09:30:00Z", false, false},
		{"2009-11-12T09:3:00Z", false, false},
		{"2009-11-12T09:30:0", false, false},
		{"x009-11-12T09:30:00Z", false, false},
		{"2009-11-12T09:30:0xZ", false, false},
		{"20091112T093000Z", false, true},
		{"20091112T093000", false, true},
		{"20091112T093000z", false, false},
		{"20091112T0930000", false, false},
		{"20091112t093000Z", false, false},
		{"2009111xT093000Z", false, false},
		{"20091112T09300xZ", false, false},
		{"x0091112T093000Z", false, false},
		{"20091112T09:00:00.000Z", false, false},
		{"20091112T093000ZZ", false, false},
		{"20091112T09300Z", false, false},
		{"", false, false},
		{"Z", false, false},
	}
	for _, d := range dates {
		if got := isDateTime([]byte(d.s)); got != d.full {
			t.Errorf("isDateTime(%q) = %v", d.s, got)
		}
		if got := isCompactDateTime([]byte(d.s)); got != d.compact {
			t.Errorf("isCompactDateTime(%q) = %v", d.s, got)
		}
	}
	for _, c := range []byte("/:0123456789") {
		want := c >= '0' && c <= '9'
		s := []byte("20091112T093000Z")
		for i := range s[:15] {
			if i == 8 {
				continue
			}
			s2 := append([]byte(nil), s...)
			s2[i] = c
			if got := isCompactDateTime(s2); got != want {
				t.Errorf("isCompactDateTime(%q) = %v", s2, got)
			}
		}
	}
	ints := []struct {
		s  string
		x  int64
		ok bool
	}{
		{"0", 0, true}, {"7", 7, true}, {"-3", -3, true}, {"+3", 3, true}, {"255", 255, true},
		{"999999999999999999", 999999999999999999, true},
		{"1000000000000000000", 0, false}, {"", 0, false}, {"-", 0, false}, {"+", 0, false},
		{"1a", 0, false}, {" 1", 0, false}, {"1 ", 0, false}, {"--1", 0, false}, {"0x10", 0, false},
	}
	for _, c := range ints {
		if x, ok := parseInt([]byte(c.s)); ok != c.ok || ok && x != c.x {
			t.Errorf("parseInt(%q) = %d, %v", c.s, x, ok)
		}
	}
	for s, want := range map[string]bool{"": true, "QUJD": true, "QU JD\r\n=": true, "a-_b": true, "QUJD!": false, "QU\tJD": false, "\x80AAA": false, "AAAAAAA.": false} {
		if got := isBase64([]byte(s)); got != want {
			t.Errorf("isBase64(%q) = %v", s, got)
		}
	}
}

// TestDateParsersEveryByte: the word-at-a-time date checks agree with a
// byte-by-byte reading of the same grammar for every byte value at every
// position of both forms, with and without the Z.
func TestDateParsersEveryByte(t *testing.T) {
	digit := func(c byte) bool { return c >= '0' && c <= '9' }
	// like reports whether s matches the pattern p, where 'd' is a digit
	// and any other byte stands for itself.
	like := func(s []byte, p string) bool {
		if len(s) != len(p) {
			return false
		}
		for i := range s {
			if p[i] == 'd' && !digit(s[i]) || p[i] != 'd' && s[i] != p[i] {
				return false
			}
		}
		return true
	}
	checked := 0
	for _, base := range []string{"2009-11-12T09:30:00", "2009-11-12T09:30:00Z", "2009-11-12T09:30:00.125Z", "20091112T093000Z", "20091112T093000"} {
		for i := range len(base) {
			for c := range 256 {
				s := []byte(base)
				s[i] = byte(c)
				full := len(s) >= 19 && like(s[:19], "dddd-dd-ddTdd:dd:dd")
				if rest := s[min(19, len(s)):]; full && len(rest) > 0 {
					if rest[len(rest)-1] == 'Z' {
						rest = rest[:len(rest)-1]
					}
					if len(rest) > 0 {
						frac := rest[0] == '.' && len(rest) > 1
						for _, c := range rest[1:] {
							frac = frac && digit(c)
						}
						full = frac
					}
				}
				compact := like(s, "ddddddddTddddddZ") || like(s, "ddddddddTdddddd")
				if got := isDateTime(s); got != full {
					t.Fatalf("isDateTime(%q) = %v", s, got)
				}
				if got := isCompactDateTime(s); got != compact {
					t.Fatalf("isCompactDateTime(%q) = %v", s, got)
				}
				checked++
			}
		}
	}
	if checked != 256*(19+20+24+16+15) {
		t.Fatalf("checked %d strings", checked)
	}
}
