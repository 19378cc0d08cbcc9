package cli

import (
	"bytes"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"
)

func TestParseSize(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want Size
	}{
		{"0", 0}, {"1000", 1000}, {"64K", 64 << 10}, {"64M", 64 << 20}, {"64m", 64 << 20},
		{"64MiB", 64 << 20}, {"64MB", 64 << 20}, {"1G", 1 << 30}, {"2T", 2 << 40}, {" 5 ", 5},
	} {
		if got, err := ParseSize(tt.in); err != nil || got != tt.want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
		}
	}
	for _, in := range []string{"", "M", "-1", "1.5M", "64X", "9999999999T", "0x10"} {
		if got, err := ParseSize(in); err == nil {
			t.Errorf("ParseSize(%q) = %d, want an error", in, got)
		}
	}
}

func TestSizeString(t *testing.T) {
	for _, tt := range []struct {
		in   Size
		want string
	}{
		{0, "0 bytes"}, {1, "1 byte"}, {1000, "1000 bytes"}, {1 << 10, "1 KiB"},
		{256 << 20, "256 MiB"}, {3 << 30, "3 GiB"}, {1<<20 + 1, "1048577 bytes"},
	} {
		if got := tt.in.String(); got != tt.want {
			t.Errorf("Size(%d).String() = %q, want %q", int64(tt.in), got, tt.want)
		}
	}
}

func TestAddMaxInput(t *testing.T) {
	var limit Size
	fs := NewFlagSet("x")
	AddMaxInput(fs, &limit)
	if limit != DefaultMaxInput {
		t.Errorf("default %v, want %v", limit, DefaultMaxInput)
	}
	if err := fs.Parse([]string{"-max-input", "64M"}); err != nil || limit != 64<<20 {
		t.Errorf("-max-input 64M: %v, %v", limit, err)
	}
	if err := fs.Parse([]string{"-max-input", "lots"}); err == nil {
		t.Error("-max-input lots was accepted")
	}
	var _ flag.Value = &limit
}

// endless is an input that never ends: every read fills the buffer.
type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'x'
	}
	return len(p), nil
}

func TestReadInputLimit(t *testing.T) {
	const limit = 3<<20 + 5 // past the size at which buffers are mapped
	for _, tt := range []struct {
		name string
		r    io.Reader
	}{
		{"endless", endless{}},
		{"one byte at a time", iotest.OneByteReader(io.LimitReader(endless{}, limit+1))},
		{"a byte too many", bytes.NewReader(make([]byte, limit+1))},
	} {
		_, err := ReadInput("-", tt.r, limit)
		var tl *TooLargeError
		if !errors.As(err, &tl) || tl.Limit != limit {
			t.Errorf("%s: %v, want a *TooLargeError of %d", tt.name, err, limit)
		}
	}
	// Exactly the limit, and no limit.
	data := bytes.Repeat([]byte("0123456789"), limit/10)
	for _, l := range []Size{Size(len(data)), 0} {
		got, err := ReadInput("-", bytes.NewReader(data), l)
		if err != nil || !bytes.Equal(got, data) {
			t.Errorf("limit %d: %d bytes, %v", l, len(got), err)
		}
	}
	msg := (&TooLargeError{Limit: 256 << 20}).Error()
	if want := "input larger than 256 MiB (the -max-input limit; -max-input 0 for none)"; msg != want {
		t.Errorf("message %q, want %q", msg, want)
	}
}

func TestReadInputLimitFile(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "in")
	if err := os.WriteFile(file, []byte("0123456789"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadInput(file, nil, 9); !errors.As(err, new(*TooLargeError)) {
		t.Errorf("a file of 10 bytes with a limit of 9: %v", err)
	}
	if got, err := ReadInput(file, nil, 10); err != nil || string(got) != "0123456789" {
		t.Errorf("a file of 10 bytes with a limit of 10: %q, %v", got, err)
	}
	// Redirected standard input counts what is left from its offset.
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	f.Seek(2, io.SeekStart)
	if got, err := ReadInput("-", f, 8); err != nil || string(got) != "23456789" {
		t.Errorf("8 bytes left with a limit of 8: %q, %v", got, err)
	}
}

func TestLimitInput(t *testing.T) {
	r := LimitInput(strings.NewReader("abcdef"), 0)
	if b, err := io.ReadAll(r); err != nil || string(b) != "abcdef" {
		t.Errorf("no limit: %q, %v", b, err)
	}
	b, err := io.ReadAll(LimitInput(strings.NewReader("abcdef"), 6))
	if err != nil || string(b) != "abcdef" {
		t.Errorf("exactly the limit: %q, %v", b, err)
	}
	b, err = io.ReadAll(LimitInput(endless{}, 5))
	if !errors.As(err, new(*TooLargeError)) || string(b) != "xxxxx" {
		t.Errorf("endless: %q, %v; want 5 bytes and a *TooLargeError", b, err)
	}
	b, err = io.ReadAll(LimitInput(iotest.OneByteReader(endless{}), 5))
	if !errors.As(err, new(*TooLargeError)) || len(b) != 5 {
		t.Errorf("endless, a byte at a time: %d bytes, %v", len(b), err)
	}
}
