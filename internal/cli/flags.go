package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/easkit/easkit/version"
)

// NewFlagSet returns a flag set for a command that reports errors itself:
// Parse returns them, and nothing is printed.
func NewFlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// Parse parses args with fs and returns the positional arguments. Besides
// Go's spellings (-flag, --flag, -flag=value, -flag value) it takes what
// libwbxml's getopt takes, so that scripts written for libwbxml keep
// working:
//
//   - flags after positional arguments ("in.wbxml -o out.xml");
//   - a one-letter flag with its value attached ("-i4", "-v1.1");
//   - one-letter boolean flags run together ("-kn"), the last of which may
//     take a value ("-ko out.wbxml").
//
// "--" ends the flags; a lone "-" is a positional argument (standard input
// or output). Errors are *UsageError values, except flag.ErrHelp for -h and
// -help, which is returned as it is.
func Parse(fs *flag.FlagSet, args []string) ([]string, error) {
	args = expandClusters(fs, args)
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, &UsageError{Err: err}
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if n := len(args) - len(rest); n > 0 && args[n-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// expandClusters rewrites getopt spellings of one-letter flags ("-i4",
// "-kn") into Go's ("-i", "4", "-k", "-n"). An argument is rewritten only
// when it does not name a flag of fs itself, when every letter is a flag,
// and when it is not the value of the flag before it.
func expandClusters(fs *flag.FlagSet, args []string) []string {
	var out []string
	wantValue := false // the previous argument was a flag that takes the next one as its value
	for i, a := range args {
		if wantValue {
			out = append(out, a)
			wantValue = false
			continue
		}
		if a == "--" {
			return append(out, args[i:]...)
		}
		if len(a) < 2 || a[0] != '-' || a[1] == '-' {
			out = append(out, a)
			continue
		}
		name, _, hasValue := strings.Cut(a[1:], "=")
		if f := fs.Lookup(name); f != nil {
			out = append(out, a)
			wantValue = !hasValue && !isBool(f)
			continue
		}
		exp, pending, ok := expandCluster(fs, a[1:])
		if !ok {
			out = append(out, a) // let fs.Parse report it
			continue
		}
		out = append(out, exp...)
		wantValue = pending
	}
	return out
}

// expandCluster splits "kn" into "-k", "-n" and "i4" into "-i", "4".
// pending is set when the last flag takes a value that is not attached
// ("ko": the value is the next argument).
func expandCluster(fs *flag.FlagSet, s string) (out []string, pending, ok bool) {
	for j := 0; j < len(s); j++ {
		f := fs.Lookup(s[j : j+1])
		if f == nil {
			return nil, false, false
		}
		out = append(out, "-"+s[j:j+1])
		if !isBool(f) {
			if j+1 < len(s) {
				return append(out, s[j+1:]), false, true
			}
			return out, true, true
		}
	}
	return out, false, true
}

// isBool reports whether f is a boolean flag (one that takes no value).
func isBool(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// Set reports whether the flag named name was given on the command line.
func Set(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) {
		if f.Name == name {
			set = true
		}
	})
	return set
}

// CheckLang checks the value of libwbxml's -l flag: the language of the
// document. easkit converts ActiveSync only, which libwbxml calls ACTIVESYNC
// (and, for its older tables, AIRSYNC); case does not matter.
func CheckLang(s string) error {
	switch strings.ToUpper(s) {
	case "ACTIVESYNC", "AIRSYNC":
		return nil
	}
	return fmt.Errorf("language %q is not supported: easkit converts ActiveSync only (ACTIVESYNC or AIRSYNC)", s)
}

// ParseProtocol parses the value of -protocol: a published ActiveSync
// protocol version such as "14.1".
func ParseProtocol(s string) (version.Version, error) {
	v, err := version.Parse(s)
	if err != nil {
		return 0, err
	}
	if !v.IsKnown() {
		var known []string
		for _, k := range version.Known {
			known = append(known, k.String())
		}
		return 0, fmt.Errorf("protocol version %s was never published (known: %s)", v, strings.Join(known, ", "))
	}
	return v, nil
}
