package capture

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestLiteralFiles reads each byte literal of testdata/literal and checks
// that it gives its sample's bytes.
func TestLiteralFiles(t *testing.T) {
	originals := samples(t)
	for _, file := range []string{
		"eas-ping-resp-status3.go-fmt",
		"eas-ping-resp-status3.scala",
		"eas-provision-ack-resp.go-literal",
		"eas-provision-ack-resp.java-hexstring",
		"eas-provision-ack-resp.python-bytearray",
		"eas-foldersync-resp-folders-utf8.java-signed",
		"eas-settings-resp.java-hex",
		"eas-settings-resp.python-repr",
	} {
		t.Run(file, func(t *testing.T) {
			data := readTestdata(t, "literal/"+file)
			if f := Detect(data); f != FormHex {
				t.Fatalf("Detect = %v, want hex", f)
			}
			ms, err := ReadAll(data)
			if err != nil {
				t.Fatal(err)
			}
			want := originals[file[:strings.LastIndexByte(file, '.')]+".wbxml"]
			if len(ms) != 1 || len(want) == 0 {
				t.Fatalf("%d messages, sample of %d bytes", len(ms), len(want))
			}
			if diff := cmp.Diff(want, ms[0].Body); diff != "" {
				t.Errorf("body (-want +got):\n%s", diff)
			}
			if ms[0].Line != 1 || ms[0].BodyKind() != BodyWBXML {
				t.Errorf("line %d, body kind %v", ms[0].Line, ms[0].BodyKind())
			}
		})
	}
}

func TestLiterals(t *testing.T) {
	wb := "03 01 6a 00 00 07 56 52 03 30 00 01 01"
	tests := []struct {
		name, in string
		want     []string
	}{
		{"Go fmt", "[3 1 106 0 0 7 86 82 3 48 0 1 1]\n", []string{wb}},
		{"Go fmt, two slices", "[3 1 106 0 0 7 86 82 3 48 0 1 1]\n[3 1 106 0 0 7 86 82 3 48 0 1 1]\n", []string{wb, wb}},
		{"Python list", "[3, 1, 106, 0, 0, 7, 86, 82, 3, 48, 0, 1, 1]", []string{wb}},
		{"Python bytes call", "bytes([3, 1, 106, 0, 0, 7, 86, 82, 3, 48, 0, 1, 1])", []string{wb}},
		{"Kotlin", "val b = byteArrayOf(3, 1, 106, 0, 0, 7, 86, 82, 3, 48, 0, 1, 1)", []string{wb}},
		{"C# with 0x", "var b = new byte[] { 0x03, 0x01, 0x6a, 0x00, 0x00, 0x07, 0x56, 0x52, 0x03, 0x30, 0x00, 0x01, 0x01 };", []string{wb}},
		{"C with 0x and decimal", "{0x03, 1, 106, 0, 0, 7, 86, 82, 3, 48, 0, 1, 1}", []string{wb}},
		{"hex letters make the whole list hex", "[3 1 6a 0 0 7 56 52 3 30 0 1 1]", []string{wb}},
		{"leading zeros make it hex", "[03 01 10 00]", []string{"03 01 10 00"}},
		{"Java signed bytes", "new byte[] {3, 1, 106, 0, -61, -87}", []string{"03 01 6a 00 c3 a9"}},
		{"both readings equal", "[3 1 1 0 1]", []string{"03 01 01 00 01"}},
		{"valid WBXML only as decimal", "[3 1 106 0 0 7 86 82 3 48 0 1 1]", []string{wb}},
		{"bytearray repr", `bytearray(b'\x03\x01j\x00\x00\x07VR\x030\x00\x01\x01')`, []string{wb}},
		{"quoted hex, concatenated", "\"03016a0000\" +\n  \"0756520330\" +\n  \"000101\"", []string{wb}},
		{"quoted hex after a declaration", `String s = "03016a00000756520330000101";`, []string{wb}},
		{"quoted hex with blanks", `"03 01 6a 00 00 07 56 52 03 30 00 01 01"`, []string{wb}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms, err := ReadAll([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, m := range ms {
				if m.Form != FormHex {
					t.Errorf("form %v", m.Form)
				}
				got = append(got, strings.TrimSpace(hexString(m.Body)))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("bodies (-want +got):\n%s", diff)
			}
		})
	}
}

// One negative case per way a literal can be damaged.
func TestLiteralErrors(t *testing.T) {
	tests := []struct {
		name, in string
		want     error
		text     string
	}{
		{"ambiguous", "[3 1 10 0 1]", ErrSyntax, "byte list is ambiguous: read as decimal it is 03 01 0a 00 01, read as hex 03 01 10 00 01"},
		{"decimal and hex mixed", "[3 1 106 6a]", ErrSyntax, `line 1:10: byte list mixes "106" (decimal only) and "6a" (hex only)`},
		{"out of range", "[3 1 300]", ErrSyntax, "line 1:6: number out of the range of a byte"},
		{"not a number", "[3 1 106 x]", ErrSyntax, "line 1:10: expected a byte such as 106 or 0x6a"},
		{"unclosed", "[3 1 106 0", ErrTruncated, "line 1:1: byte list with no closing ']'"},
		{"quoted hex one digit short", `"03016a0"`, ErrTruncated, "odd number of hex digits in the quoted hex string"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadAll([]byte(tt.in), WithForm(FormHex))
			if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.text) {
				t.Fatalf("error %v, want %v containing %q", err, tt.want, tt.text)
			}
			checkError(t, []byte(tt.in), err)
		})
	}
}

// readTestdata reads a file of testdata/.
func readTestdata(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// hexString formats b as space-separated hex, as hexBytes reads it.
func hexString(b []byte) string {
	var sb strings.Builder
	for i, c := range b {
		if i > 0 {
			sb.WriteByte(' ')
		}
		fmt.Fprintf(&sb, "%02x", c)
	}
	return sb.String()
}
