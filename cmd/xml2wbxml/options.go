package main

import (
	"flag"
	"fmt"
	"runtime"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/internal/cli"
	"github.com/easkit/easkit/version"
	"github.com/easkit/easkit/wbxml"
)

// options are the settings from the command line.
type options struct {
	input, output string
	keepSpace     bool  // -k
	noStrTable    bool  // -n: accepted; easkit never writes a string table
	anonymous     bool  // -a: accepted; the public id is always 1, "unknown"
	wbxmlVersion  uint8 // -v
	strict        bool
	validate      bool // -validate: check each message made against the command schemas
	proto         version.Version
	version       bool
	maxInput      cli.Size // -max-input
	maxDepth      int      // -max-depth
	split         string   // -split DIR: a capture document's bodies, a file each
	concat        bool     // -concat: a capture document's bodies one after another
}

// parseArgs parses the command line.
func parseArgs(args []string) (*options, error) {
	o := &options{wbxmlVersion: wbxml.Version13}
	pos, err := cli.Parse(flags(o), args)
	if err != nil {
		return nil, err
	}
	if o.version {
		return o, nil
	}
	switch len(pos) {
	case 0:
	case 1:
		o.input = pos[0]
	default:
		return nil, cli.Usagef("one input at most, got %d: %q", len(pos), pos)
	}
	switch {
	case o.split != "" && o.concat:
		return nil, cli.Usagef("-concat and -split exclude each other")
	case o.split != "" && !cli.IsStdio(o.output):
		return nil, cli.Usagef("-split writes a file per message: it cannot be used with -o")
	}
	return o, nil
}

// flags defines the flags, setting o. Their help is the usage text.
func flags(o *options) *flag.FlagSet {
	fs := cli.NewFlagSet(name)
	fs.StringVar(&o.output, "o", "", "")
	fs.BoolVar(&o.keepSpace, "k", false, "")
	fs.BoolVar(&o.noStrTable, "n", false, "")
	fs.BoolVar(&o.anonymous, "a", false, "")
	fs.Func("v", "", func(s string) error {
		switch s {
		case "1.0":
			o.wbxmlVersion = wbxml.Version10
		case "1.1":
			o.wbxmlVersion = wbxml.Version11
		case "1.2":
			o.wbxmlVersion = wbxml.Version12
		case "1.3":
			o.wbxmlVersion = wbxml.Version13
		default:
			return fmt.Errorf("WBXML version must be 1.0, 1.1, 1.2 or 1.3")
		}
		return nil
	})
	fs.Func("l", "", cli.CheckLang)
	fs.BoolVar(&o.strict, "strict", false, "")
	fs.BoolVar(&o.validate, "validate", false, "")
	fs.Func("protocol", "", func(s string) error {
		v, err := cli.ParseProtocol(s)
		o.proto = v
		return err
	})
	fs.BoolVar(&o.version, "version", false, "")
	cli.AddMaxInput(fs, &o.maxInput)
	cli.AddMaxDepth(fs, &o.maxDepth)
	fs.StringVar(&o.split, "split", "", "")
	fs.BoolVar(&o.concat, "concat", false, "")
	return fs
}

// wbxmlOptions returns the options of the conversion.
func (o *options) wbxmlOptions() []wbxml.Option {
	var voc wbxml.Vocabulary = codepages.ActiveSync
	if o.proto != 0 {
		voc = codepages.ActiveSync.In(o.proto)
	}
	h := wbxml.DefaultHeader()
	h.Version = o.wbxmlVersion
	if h.Version == wbxml.Version10 {
		h.Charset = wbxml.CharsetUnknown // WBXML 1.0 has no charset field
	}
	return []wbxml.Option{
		wbxml.WithVocabulary(voc),
		wbxml.WithStrict(o.strict),
		wbxml.WithMaxDepth(o.maxDepth),
		wbxml.WithKeepSpace(o.keepSpace),
		wbxml.WithHeader(h),
		// Large documents convert in parts on every core.
		wbxml.WithConcurrency(runtime.GOMAXPROCS(0)),
		// Output to a file goes in large writes.
		wbxml.WithBufferSize(256 << 10),
	}
}
