package capture

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Hex dumps as people paste them, damaged or cut.
func TestHexDamage(t *testing.T) {
	wb := "03 01 6a 00 00 07 56 52 03 30 00 01 01"
	tests := []struct {
		name  string
		in    string
		want  []string
		lines []int
	}{
		{"Wireshark dump whose first row starts mid-line (no offset)",
			"03 01 6a 00 00 07 56 52 03 30   ..j...VR.0\n0040  00 01 01                  ...\n",
			[]string{wb}, []int{1}},
		{"first offset not a multiple of 16",
			"0036  03 01 6a 00 00 07 56 52 03 30   ..j...VR.0\n0040  00 01 01                  ...\n",
			[]string{wb}, []int{1}},
		{"segment:offset from 0000:0000, with DOS debug's '-'",
			"0000:0000  03 01 6A 00 00 07 56 52-03 30 00 01 01 45 4E 46   ..j...VR.0...ENF\n0000:0010  47                                                G\n",
			[]string{wb + " 45 4e 46 47"}, []int{1}},
		{"segment:offset starting elsewhere",
			"0B3E:0100  03 01 6A 00 00 07 56 52-03 30 00 01 01 45 4E 46   ..j...VR.0...ENF\n0B3E:0110  47                                                G\n",
			[]string{wb + " 45 4e 46 47"}, []int{1}},
		{"offset dump starting at 0x1a0",
			"000001a0  03 01 6a 00 00 07 56 52  03 30 00 01 01           |..j...VR.0...|\n",
			[]string{wb}, []int{1}},
		{"ASCII column cut short",
			"0000  03 01 6a 00 00 07 56 52 03 30 00 01 01 45 4e 46   ..j...V\n0010  47 48                                             G\n",
			[]string{wb + " 45 4e 46 47 48"}, []int{1}},
		{"two dumps separated by a blank line, offsets not from 0",
			"0010  03 01 6a 00\n\n0040  03 01 6a 01\n",
			[]string{"03 01 6a 00", "03 01 6a 01"}, []int{1, 3}},
		{"two dumps from 0 separated by blank lines",
			"0000  03 01 6a 00   ..j.\n\n\n0000  03 01 6a 01   ..j.\n",
			[]string{"03 01 6a 00", "03 01 6a 01"}, []int{1, 4}},
		{"plain hex blocks separated by a blank line",
			"03 01 6a 00\n\n03 01 6a 01\n",
			[]string{"03 01 6a 00", "03 01 6a 01"}, []int{1, 3}},
		{"hex streams separated by a blank line",
			"03016a00\n\n03016a01\n",
			[]string{"03 01 6a 00", "03 01 6a 01"}, []int{1, 3}},
		{"a dump whose offsets run on across a blank line stays one",
			"0000  03 01 6a 00 00 07 56 52 03 30 00 01 01 45 4e 46\n\n0010  47 48\n",
			[]string{wb + " 45 4e 46 47 48"}, []int{1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if f := Detect([]byte(tt.in)); f != FormHex {
				t.Fatalf("Detect = %v, want hex", f)
			}
			ms, err := ReadAll([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			var lines []int
			for _, m := range ms {
				got = append(got, hexString(m.Body))
				lines = append(lines, m.Line)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("bodies (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.lines, lines); diff != "" {
				t.Errorf("lines (-want +got):\n%s", diff)
			}
		})
	}
}

// One negative case per way the damaged layouts above can go wrong.
func TestHexDamageErrors(t *testing.T) {
	tests := []struct {
		name, in string
		want     error
		text     string
	}{
		{"row without offset and no offset after it", "03 01 6a 00   ..j.\n6a 00 00 07   j...\n", ErrSyntax, "line 1:15: invalid hex digit '.'"},
		{"row without offset holding more bytes than the next offset", "03 01 6a 00 00 07   ..j...\n0004  00 01\n", ErrSyntax, "line 1:21: invalid hex digit '.'"},
		{"segment:offset that does not follow", "0000:0000  03 01 6a 00 00 07 56 52\n0000:0020  03\n", ErrTruncated, "line 1:1: line holds 8 bytes but the next offset is 32 bytes on"},
		{"second dump after a blank line damaged", "0010  03 01 6a 00\n\n0040  03 01 zz 01\n", ErrSyntax, "line 3:13: invalid hex byte \"zz\""},
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
