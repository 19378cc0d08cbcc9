package cli

import (
	"bytes"
	"errors"
	"testing"
)

func TestReport(t *testing.T) {
	var b bytes.Buffer
	if code := Report(&b, "tool", errors.New("line one\nline two")); code != ExitData {
		t.Errorf("data error: exit %d, want %d", code, ExitData)
	}
	if got := b.String(); got != "tool: line one; line two\n" {
		t.Errorf("data error printed %q", got)
	}
	b.Reset()
	if code := Report(&b, "tool", Usagef("bad %s", "flag")); code != ExitUsage {
		t.Errorf("usage error: exit %d, want %d", code, ExitUsage)
	}
	if got := b.String(); got != "tool: bad flag (run tool -h for usage)\n" {
		t.Errorf("usage error printed %q", got)
	}
}

func TestRecover(t *testing.T) {
	var b bytes.Buffer
	run := func() (code int) {
		defer Recover(&b, "tool", &code)
		var m map[string]int
		//lint:ignore SA5000 the test needs a runtime panic, and this is the one it names
		m["x"] = 1 // panics
		return ExitOK
	}
	if code := run(); code != ExitData {
		t.Errorf("exit %d after a panic, want %d", code, ExitData)
	}
	if got := b.String(); got != "tool: internal error: assignment to entry in nil map\n" {
		t.Errorf("printed %q", got)
	}
	b.Reset()
	fault := func() (code int) {
		defer Recover(&b, "tool", &code)
		panic(faultError{})
	}
	if code := fault(); code != ExitData {
		t.Errorf("exit %d after a fault, want %d", code, ExitData)
	}
	if got := b.String(); got != "tool: the input file changed while it was read (unexpected fault address 0x1234)\n" {
		t.Errorf("printed %q", got)
	}
	b.Reset()
	ok := func() (code int) {
		defer Recover(&b, "tool", &code)
		return ExitUsage
	}
	if code := ok(); code != ExitUsage || b.Len() != 0 {
		t.Errorf("without a panic: exit %d, printed %q", code, b.String())
	}
}

func TestOneLine(t *testing.T) {
	for in, want := range map[string]string{
		"":                   "",
		"one":                "one",
		"a\nb":               "a; b",
		"a\r\nb\n\nc\n":      "a; b; c",
		"trailing newline\n": "trailing newline",
	} {
		if got := OneLine(in); got != want {
			t.Errorf("OneLine(%q) = %q, want %q", in, got, want)
		}
	}
}

// faultError is what the runtime panics with on a memory fault.
type faultError struct{}

func (faultError) Error() string { return "unexpected fault address 0x1234" }
func (faultError) RuntimeError() {}
func (faultError) Addr() uintptr { return 0x1234 }
