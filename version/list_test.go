package version_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/easkit/easkit/internal/testenv"
	"github.com/easkit/easkit/version"
)

func TestParseList(t *testing.T) {
	v := func(vs ...version.Version) []version.Version { return vs }
	tests := []struct {
		name   string
		header string
		want   []version.Version
		errAt  int // -1: no error
	}{
		{"exchange 2010", "2.0,2.1,2.5,12.0,12.1,14.0", v(20, 21, 25, 120, 121, 140), -1},
		{"spaces after commas", "2.5, 12.0, 12.1,\t14.0", v(25, 120, 121, 140), -1},
		{"spaces around", "  14.1  ", v(141), -1},
		{"empty items", ",2.5,,12.0,", v(25, 120), -1},
		{"only separators", " , ,", nil, -1},
		{"empty", "", nil, -1},
		{"unknown versions kept", "14.1,17.0,3.0", v(141, 170, 30), -1},
		{"duplicates kept", "14.0,14.0", v(140, 140), -1},
		{"descending order kept", "16.1,2.5", v(161, 25), -1},
		{"garbage item", "2.5,abc,14.0", v(25, 140), 4},
		{"garbage offset counts spaces", "2.5,  14.x", v(25), 9},
		{"build string", "6.5.7638.1", nil, 3},
		{"semicolon", "14.0;14.1", nil, 4},
		{"two errors report the first", "x,12.1,y", v(121), 0},
		{"command list", "Sync,SendMail", nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := version.ParseList(tt.header)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ParseList(%q) (-want +got):\n%s", tt.header, diff)
			}
			if tt.errAt < 0 {
				if err != nil {
					t.Errorf("ParseList(%q) error: %v", tt.header, err)
				}
				return
			}
			var pe *version.ParseError
			if !errors.As(err, &pe) || !errors.Is(err, version.ErrSyntax) {
				t.Fatalf("ParseList(%q) error = %v, want a *ParseError", tt.header, err)
			}
			if pe.Offset != tt.errAt || pe.Text != tt.header {
				t.Errorf("ParseError offset %d text %q, want offset %d text %q", pe.Offset, pe.Text, tt.errAt, tt.header)
			}
		})
	}
}

func TestFormatList(t *testing.T) {
	vs := []version.Version{version.V2_5, version.V12_0, version.V16_1}
	if got := version.FormatList(vs); got != "2.5,12.0,16.1" {
		t.Errorf("FormatList = %q", got)
	}
	if got := version.FormatList(nil); got != "" {
		t.Errorf("FormatList(nil) = %q", got)
	}
	back, err := version.ParseList(version.FormatList(version.Known[:]))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(version.Known[:], back); diff != "" {
		t.Errorf("Known round trip (-want +got):\n%s", diff)
	}
}

func TestAppendListAllocatesNothing(t *testing.T) {
	testenv.SkipIfAllocsUnreliable(t)
	header := "2.0, 2.1,2.5,12.0,12.1,14.0,14.1,16.0,16.1"
	dst := make([]version.Version, 0, 16)
	text := make([]byte, 0, 64)
	n := testing.AllocsPerRun(1000, func() {
		var err error
		dst, err = version.AppendList(dst[:0], header)
		if err != nil || len(dst) != 9 {
			panic("bad parse")
		}
		text = version.AppendListText(text[:0], dst)
	})
	if n != 0 {
		t.Errorf("AppendList + AppendListText allocate %v times per run, want 0", n)
	}
}
