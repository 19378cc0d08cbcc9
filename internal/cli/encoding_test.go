package cli

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestTextToUTF8(t *testing.T) {
	tests := []struct {
		name, in, want string
		bad            bool
	}{
		{"UTF-16LE with BOM", "\xff\xfe0\x003\x000\x001\x00", "0301", false},
		{"UTF-16BE with BOM", "\xfe\xff\x000\x003", "03", false},
		{"WBXML unchanged", "\x03\x01\x6a\x00", "\x03\x01\x6a\x00", false},
		{"UTF-8 unchanged", "0301", "0301", false},
		{"odd length", "\xff\xfe0", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := TextToUTF8([]byte(tt.in))
			if (err != nil) != tt.bad {
				t.Fatalf("error %v, want error: %v", err, tt.bad)
			}
			if diff := cmp.Diff(tt.want, string(got)); !tt.bad && diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
