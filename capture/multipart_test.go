package capture

import (
	"encoding/binary"
	"errors"
	"runtime"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/easkit/easkit/internal/testenv"
)

func le32(vs ...int32) []byte {
	var b []byte
	for _, v := range vs {
		b = binary.LittleEndian.AppendUint32(b, uint32(v))
	}
	return b
}

func TestParseMultipart(t *testing.T) {
	wb := []byte{0x03, 0x01, 0x6a, 0x00, 0x45, 0x01}
	body := AppendMultipart(nil, wb, []byte("attachment"), nil)
	parts, err := ParseMultipart(body)
	if err != nil {
		t.Fatal(err)
	}
	want := []Part{{Offset: 28, Data: wb}, {Offset: 34, Data: []byte("attachment")}, {Offset: 44, Data: []byte{}}}
	if diff := cmp.Diff(want, parts); diff != "" {
		t.Errorf("parts (-want +got):\n%s", diff)
	}
	// Parts may overlap and come in any order.
	odd := append(le32(2, 20, 2, 20, 1), 'x', 'y')
	if parts, err := ParseMultipart(odd); err != nil || len(parts) != 2 || string(parts[0].Data) != "xy" || string(parts[1].Data) != "x" {
		t.Errorf("overlapping parts: %v, %v", parts, err)
	}
	if parts, err := ParseMultipart(le32(0)); err != nil || len(parts) != 0 {
		t.Errorf("zero parts: %v, %v", parts, err)
	}
}

func TestParseMultipartErrors(t *testing.T) {
	tests := []struct {
		name   string
		in     []byte
		is     error
		offset int
		text   string
	}{
		{"too short", []byte{1, 0}, ErrTruncated, 2, "capture: multipart: offset 2: body too short for the part count (2 bytes)"},
		{"negative count", le32(-1), ErrSyntax, 0, "capture: multipart: offset 0: negative part count -1"},
		{"count beyond the body", le32(0x7fffffff, 12, 0), ErrTruncated, 0, "capture: multipart: offset 0: part count 2147483647 needs 17179869180 bytes of metadata, body has 12"},
		{"negative offset", le32(1, -5, 0), ErrSyntax, 4, "capture: multipart: offset 4: part 0: negative offset -5"},
		{"negative length", le32(1, 12, -1), ErrSyntax, 8, "capture: multipart: offset 8: part 0: negative length -1"},
		{"past the end", le32(1, 12, 1), ErrTruncated, 4, "capture: multipart: offset 4: part 0: bytes 12+1 run past the end of the body (12 bytes)"},
		{"second part past the end", append(le32(2, 20, 1, 20, 0x7fffffff), 'a'), ErrTruncated, 12, "capture: multipart: offset 12: part 1: bytes 20+2147483647 run past the end of the body (21 bytes)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseMultipart(tt.in)
			if !errors.Is(err, tt.is) {
				t.Fatalf("error = %v, want %v", err, tt.is)
			}
			var e *MultipartError
			if !errors.As(err, &e) || e.Offset != tt.offset {
				t.Fatalf("error %v: want a *MultipartError at offset %d", err, tt.offset)
			}
			if err.Error() != tt.text {
				t.Errorf("text\n got %q\nwant %q", err.Error(), tt.text)
			}
		})
	}
}

// A huge part count in a small body fails before anything is allocated
// for it.
func TestParseMultipartNoAllocation(t *testing.T) {
	testenv.SkipIfAllocsUnreliable(t)
	body := le32(0x7fffffff, 12, 0)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for range 100 {
		if _, err := ParseMultipart(body); err == nil {
			t.Fatal("no error")
		}
	}
	runtime.ReadMemStats(&after)
	if per := (after.TotalAlloc - before.TotalAlloc) / 100; per > 1024 {
		t.Errorf("%d bytes allocated per rejected count, want under 1 KiB", per)
	}
}
