package cli

import (
	"errors"
	"flag"
	"strings"
	"testing"

	"github.com/easkit/easkit/version"
	"github.com/google/go-cmp/cmp"
)

// testFlags are flags like the commands': one-letter ones as libwbxml has
// them and longer ones.
type testFlags struct {
	o, l, input string
	i           int
	k, n, a     bool
	strict      bool
}

func newTestFlags() (*flag.FlagSet, *testFlags) {
	v := new(testFlags)
	fs := NewFlagSet("test")
	fs.StringVar(&v.o, "o", "", "")
	fs.StringVar(&v.l, "l", "", "")
	fs.StringVar(&v.input, "input", "", "")
	fs.IntVar(&v.i, "i", 2, "")
	fs.BoolVar(&v.k, "k", false, "")
	fs.BoolVar(&v.n, "n", false, "")
	fs.BoolVar(&v.a, "a", false, "")
	fs.BoolVar(&v.strict, "strict", false, "")
	return fs, v
}

func TestParse(t *testing.T) {
	tests := []struct {
		name  string
		args  []string
		pos   []string
		flags testFlags
	}{
		{"nothing", nil, nil, testFlags{i: 2}},
		{"Go style", []string{"-o", "out", "-i=4", "--strict", "in"}, []string{"in"}, testFlags{o: "out", i: 4, strict: true}},
		{"flags after the input", []string{"in", "-o", "out", "-k"}, []string{"in"}, testFlags{o: "out", i: 2, k: true}},
		{"flags around inputs", []string{"-k", "a", "-n", "b", "-a"}, []string{"a", "b"}, testFlags{i: 2, k: true, n: true, a: true}},
		{"attached value", []string{"-i4", "-oout", "-lACTIVESYNC"}, nil, testFlags{o: "out", l: "ACTIVESYNC", i: 4}},
		{"cluster of booleans", []string{"-kna"}, nil, testFlags{i: 2, k: true, n: true, a: true}},
		{"cluster ending in a value flag", []string{"-ko", "out", "in"}, []string{"in"}, testFlags{o: "out", i: 2, k: true}},
		{"cluster with attached value", []string{"-ki3"}, nil, testFlags{i: 3, k: true}},
		{"value that looks like a cluster", []string{"-o", "-kn", "in"}, []string{"in"}, testFlags{o: "-kn", i: 2}},
		{"value that looks like a flag", []string{"-l", "-input"}, nil, testFlags{l: "-input", i: 2}},
		{"negative value", []string{"-i", "-1"}, nil, testFlags{i: -1}},
		{"dash is an input", []string{"-", "-k"}, []string{"-"}, testFlags{i: 2, k: true}},
		{"double dash ends flags", []string{"-k", "--", "-n", "-o"}, []string{"-n", "-o"}, testFlags{i: 2, k: true}},
		{"double dash after an input", []string{"in", "--", "-n"}, []string{"in", "-n"}, testFlags{i: 2}},
		{"long flag not split", []string{"-input", "hex"}, nil, testFlags{input: "hex", i: 2}},
		{"long flag with value", []string{"--input=hex"}, nil, testFlags{input: "hex", i: 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs, v := newTestFlags()
			pos, err := Parse(fs, tt.args)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.pos, pos); diff != "" {
				t.Errorf("positional arguments (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.flags, *v, cmp.AllowUnexported(testFlags{})); diff != "" {
				t.Errorf("flags (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		msg  string
	}{
		{"unknown", []string{"-x"}, "flag provided but not defined: -x"},
		{"unknown in a cluster", []string{"-kx"}, "flag provided but not defined: -kx"},
		{"unknown after an input", []string{"in", "-x"}, "flag provided but not defined: -x"},
		{"missing value", []string{"-o"}, "flag needs an argument: -o"},
		{"bad number", []string{"-i", "x"}, `invalid value "x" for flag -i: parse error`},
		{"bad attached number", []string{"-ix"}, `invalid value "x" for flag -i: parse error`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs, _ := newTestFlags()
			_, err := Parse(fs, tt.args)
			var ue *UsageError
			if !errors.As(err, &ue) {
				t.Fatalf("error %v (%T), want a *UsageError", err, err)
			}
			if err.Error() != tt.msg {
				t.Errorf("error %q, want %q", err, tt.msg)
			}
		})
	}
	for _, h := range []string{"-h", "--help", "-help"} {
		fs, _ := newTestFlags()
		if _, err := Parse(fs, []string{"in", h}); !errors.Is(err, flag.ErrHelp) {
			t.Errorf("%s: error %v, want flag.ErrHelp", h, err)
		}
	}
}

func TestSet(t *testing.T) {
	fs, _ := newTestFlags()
	if _, err := Parse(fs, []string{"-k=false", "-i", "2"}); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]bool{"k": true, "i": true, "n": false, "o": false} {
		if got := Set(fs, name); got != want {
			t.Errorf("Set(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestCheckLang(t *testing.T) {
	for _, ok := range []string{"ACTIVESYNC", "AIRSYNC", "activesync", "AirSync"} {
		if err := CheckLang(ok); err != nil {
			t.Errorf("CheckLang(%q): %v", ok, err)
		}
	}
	for _, bad := range []string{"", "WML13", "SYNCML12", "ACTIVESYNC2"} {
		if err := CheckLang(bad); err == nil || !strings.Contains(err.Error(), "ActiveSync only") {
			t.Errorf("CheckLang(%q) = %v, want an error", bad, err)
		}
	}
}

func TestParseProtocol(t *testing.T) {
	for s, want := range map[string]version.Version{"2.5": version.V2_5, "12.1": version.V12_1, "14.1": version.V14_1, "16.1": version.V16_1} {
		if v, err := ParseProtocol(s); err != nil || v != want {
			t.Errorf("ParseProtocol(%q) = %v, %v; want %v", s, v, err, want)
		}
	}
	for _, bad := range []string{"", "14", "14.10", "x", "17.0", "3.0"} {
		if v, err := ParseProtocol(bad); err == nil {
			t.Errorf("ParseProtocol(%q) = %v, want an error", bad, v)
		}
	}
}
