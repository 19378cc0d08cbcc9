package cli

import (
	"errors"
	"flag"
	"io"
	"strings"
	"testing"

	"github.com/easkit/easkit/wbxml"
)

func TestMaxDepthFlag(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want int
		err  string
	}{
		{nil, wbxml.DefaultMaxDepth, ""},
		{[]string{"-max-depth", "1"}, 1, ""},
		{[]string{"-max-depth", "100000"}, 100000, ""},
		{[]string{"-max-depth", "0"}, 0, "nesting limit must be a number from 1 to 1048576"},
		{[]string{"-max-depth", "-3"}, 0, "nesting limit must be"},
		{[]string{"-max-depth", "2000000"}, 0, "nesting limit must be"},
		{[]string{"-max-depth", "deep"}, 0, "nesting limit must be"},
	} {
		fs := flag.NewFlagSet("t", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		var depth int
		AddMaxDepth(fs, &depth)
		err := fs.Parse(tc.args)
		switch {
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("%q: error %v, want one containing %q", tc.args, err, tc.err)
		case tc.err == "" && (err != nil || depth != tc.want):
			t.Errorf("%q: depth %d, error %v; want %d", tc.args, depth, err, tc.want)
		}
	}
}

func TestExplainDepth(t *testing.T) {
	deep := make([]byte, 0, 64)
	deep = append(deep, 3, 1, 106, 0)
	for range 10 {
		deep = append(deep, 0x45) // <Sync> with content, nested
	}
	d := wbxml.NewDecoder(deep, wbxml.WithMaxDepth(4))
	var err error
	for err == nil {
		_, err = d.ReadToken()
	}
	if !errors.Is(err, wbxml.ErrDepth) {
		t.Fatalf("decoding 10 levels with a limit of 4: %v, want ErrDepth", err)
	}
	got := ExplainDepth(err, 4)
	if !errors.Is(got, wbxml.ErrDepth) || !strings.Contains(got.Error(), "(the -max-depth limit, 4; raise it for deeper documents)") ||
		!strings.HasPrefix(got.Error(), err.Error()) {
		t.Errorf("ExplainDepth = %q", got)
	}
	if again := ExplainDepth(got, 4); again != got {
		t.Errorf("ExplainDepth twice = %q", again)
	}
	other := errors.New("other")
	if ExplainDepth(other, 4) != other || ExplainDepth(nil, 4) != nil {
		t.Error("ExplainDepth changed an error that is not ErrDepth")
	}
}
