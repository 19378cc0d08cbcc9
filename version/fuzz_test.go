package version_test

import (
	"errors"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/easkit/easkit/version"
)

// FuzzParseVersions checks AppendList against a plain reference (split on
// commas, trim, Parse each item) and the round trip through FormatList.
func FuzzParseVersions(f *testing.F) {
	data, err := os.ReadFile("testdata/versions.tsv")
	if err != nil {
		f.Fatal(err)
	}
	for _, line := range strings.Split(string(data), "\n")[1:] {
		if fields := strings.Split(line, "\t"); len(fields) > 2 {
			f.Add(fields[2])
		}
	}
	for _, s := range []string{"", ",", " 14.1 ,, 2.5", "14.10", "25.5,25.6", "0.0", "\t16.1\t", "1.0,x,2.0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, header string) {
		got, err := version.AppendList(nil, header)

		var want []version.Version
		wantErrAt := -1
		pos := 0
		for _, item := range strings.Split(header, ",") {
			trimmed := strings.TrimLeft(item, " \t")
			lead := len(item) - len(trimmed)
			trimmed = strings.TrimRight(trimmed, " \t")
			if trimmed != "" {
				v, perr := version.Parse(trimmed)
				if perr == nil {
					want = append(want, v)
				} else if wantErrAt < 0 {
					wantErrAt = pos + lead + perr.(*version.ParseError).Offset
				}
			}
			pos += len(item) + 1
		}
		if !slices.Equal(got, want) {
			t.Fatalf("AppendList(%q) = %v, reference %v", header, got, want)
		}
		if wantErrAt < 0 {
			if err != nil {
				t.Fatalf("AppendList(%q) error %v, reference none", header, err)
			}
		} else {
			var pe *version.ParseError
			if !errors.As(err, &pe) || pe.Offset != wantErrAt || pe.Text != header {
				t.Fatalf("AppendList(%q) error %v, reference offset %d", header, err, wantErrAt)
			}
			if pe.Offset < 0 || pe.Offset > len(header) {
				t.Fatalf("offset %d outside the input", pe.Offset)
			}
		}
		back, err := version.ParseList(version.FormatList(got))
		if err != nil || !slices.Equal(back, got) {
			t.Fatalf("FormatList round trip: %v, %v; want %v", back, err, got)
		}
	})
}
