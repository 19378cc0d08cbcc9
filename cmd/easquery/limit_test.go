package main

import (
	"strings"
	"testing"
)

// TestNoResult checks that a run that produced nothing from its input says
// so on one line and fails.
func TestNoResult(t *testing.T) {
	for _, stdin := range []string{"", " \n\t\n", "\uFEFF\n", "# a comment\n"} {
		for _, cmd := range []string{"decode", "encode"} {
			res := call(t, stdin, cmd, "-")
			if cmd == "decode" && stdin == "# a comment\n" {
				continue // a line that is not blank: decode reports what is wrong with it
			}
			if res.code != 1 || res.stdout != "" || strings.Count(res.stderr, "\n") != 1 || !strings.Contains(res.stderr, "no query to "+cmd) {
				t.Errorf("%s of %q: %+v, want status 1 and one line", cmd, stdin, res)
			}
		}
	}
}

// TestMaxInput checks -max-input on standard input: the limit is named on
// one line, and queries within it are read as they come.
func TestMaxInput(t *testing.T) {
	const q = "jAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l\n"
	for _, cmd := range []string{"decode", "encode"} {
		res := call(t, strings.Repeat("\n", 2000), cmd, "-max-input", "1K", "-")
		want := "easquery: input larger than 1 KiB (the -max-input limit; -max-input 0 for none)\n"
		if res.code != 1 || res.stderr != want {
			t.Errorf("%s: %+v, want status 1 and %q", cmd, res, want)
		}
		if res := call(t, "", cmd, "-max-input", "1X", "-"); res.code != 2 {
			t.Errorf("%s -max-input 1X: %+v, want status 2", cmd, res)
		}
	}
	res := call(t, strings.Repeat(q, 3), "decode", "-max-input", "0", "-")
	if res.code != 0 || strings.Count(res.stdout, "Cmd=Sync") != 3 {
		t.Errorf("decode -max-input 0: %+v", res)
	}
	res = call(t, strings.Repeat(q, 100), "decode", "-max-input", "1K", "-")
	if res.code != 1 || !strings.Contains(res.stderr, "1 KiB") || strings.Count(res.stdout, "Cmd=Sync") == 0 {
		t.Errorf("decode past the limit: %+v, want the queries before it and the error", res)
	}
}
