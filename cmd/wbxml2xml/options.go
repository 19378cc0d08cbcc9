package main

import (
	"flag"
	"fmt"
	"runtime"
	"strconv"
	"strings"

	"github.com/easkit/easkit/capture"
	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/internal/cli"
	"github.com/easkit/easkit/version"
	"github.com/easkit/easkit/wbxml"
)

// maxIndent bounds -i.
const maxIndent = 64

// Output modes of -m, as libwbxml numbers them.
const (
	modeCompact   = 0 // no white space between elements
	modeIndent    = 1 // indented by -i spaces a level (the default)
	modeCanonical = 2 // compact, without XML declaration and DOCTYPE
)

// options are the settings from the command line.
type options struct {
	input, output string
	form          capture.Form
	mode, indent  int
	keepSpace     bool // -k: accepted; text is always written exactly
	nsForm        codepages.NamespaceForm
	synce         bool // -l AIRSYNC: libwbxml's SynCE namespaces and DOCTYPE
	prefixes      bool
	strict        bool
	validate      bool // -validate: check bodies against the command schemas
	proto         version.Version
	decl, doctype bool
	declShort     bool // -decl=libwbxml: <?xml version="1.0"?>
	names         wbxml.TagNames
	charset       string // -c: accepted and checked; the header's charset is used
	layout        layout // -concat, -split; else decided by the input
	concat        bool   // -concat
	split         string // -split DIR
	maxAmp        int    // -max-amplification
	maxDepth      int    // -max-depth
	secrets       bool   // -show-secrets
	verbose       bool   // -v: every form tried when none fits
	version       bool
	maxInput      cli.Size // -max-input
}

// parseArgs parses the command line.
func parseArgs(args []string) (*options, error) {
	o := &options{mode: modeIndent, indent: wbxml.DefaultIndent, decl: true, maxAmp: wbxml.DefaultMaxAmplification}
	fs := flags(o)
	pos, err := cli.Parse(fs, args)
	if err != nil {
		return nil, err
	}
	if o.version {
		return o, nil
	}
	if o.indent < 0 || o.indent > maxIndent {
		return nil, cli.Usagef("-i: indent must be between 0 and %d", maxIndent)
	}
	switch len(pos) {
	case 0:
	case 1:
		o.input = pos[0]
	default:
		return nil, cli.Usagef("one input at most, got %d: %q", len(pos), pos)
	}
	if o.maxAmp < 0 {
		return nil, cli.Usagef("-max-amplification: must be 0 (no limit) or more, got %d", o.maxAmp)
	}
	if err := o.setLayout(fs); err != nil {
		return nil, err
	}
	if o.synce {
		if cli.Set(fs, "ns") {
			return nil, cli.Usagef("-l AIRSYNC writes the SynCE namespaces: it cannot be used with -ns")
		}
		o.nsForm = codepages.SynCEForm
	}
	if o.mode != modeIndent {
		o.indent = 0
	}
	if o.mode == modeCanonical {
		if !cli.Set(fs, "decl") {
			o.decl = false
		}
		if !cli.Set(fs, "doctype") {
			o.doctype = false
		}
	}
	return o, nil
}

// flags defines the flags, setting o. Their help is the usage text.
func flags(o *options) *flag.FlagSet {
	fs := cli.NewFlagSet(name)
	fs.StringVar(&o.output, "o", "", "")
	fs.IntVar(&o.indent, "i", wbxml.DefaultIndent, "")
	fs.Func("m", "", func(s string) error {
		m, err := strconv.Atoi(s)
		if err != nil || m < modeCompact || m > modeCanonical {
			return fmt.Errorf("mode must be 0 (compact), 1 (indented) or 2 (canonical)")
		}
		o.mode = m
		return nil
	})
	fs.BoolVar(&o.keepSpace, "k", false, "")
	fs.Func("l", "", func(s string) error {
		o.synce = strings.EqualFold(s, "AIRSYNC")
		return cli.CheckLang(s)
	})
	fs.Func("input", "", func(s string) error {
		f, err := capture.ParseForm(s)
		if err != nil {
			return fmt.Errorf("input form must be %s", capture.FormNames())
		}
		o.form = f
		return nil
	})
	fs.Func("ns", "", func(s string) error {
		switch s {
		case "colon":
			o.nsForm = codepages.ColonForm
		case "schema":
			o.nsForm = codepages.SchemaForm
		case "synce":
			o.nsForm = codepages.SynCEForm
		default:
			return fmt.Errorf("namespace form must be colon (AirSync:), schema (AirSync) or synce (http://synce.org/formats/airsync_wm5/airsync)")
		}
		return nil
	})
	fs.BoolVar(&o.prefixes, "prefixes", false, "")
	fs.BoolVar(&o.strict, "strict", false, "")
	fs.BoolVar(&o.validate, "validate", false, "")
	fs.Func("protocol", "", func(s string) error {
		v, err := cli.ParseProtocol(s)
		o.proto = v
		return err
	})
	fs.Var(&declFlag{o}, "decl", "")
	fs.Func("names", "", func(s string) error {
		n, err := wbxml.ParseTagNames(s)
		if err != nil {
			return fmt.Errorf("element names must be spec or libwbxml")
		}
		o.names = n
		return nil
	})
	fs.Func("c", "", func(s string) error {
		o.charset = s
		return cli.CheckCharset(s)
	})
	fs.BoolVar(&o.doctype, "doctype", true, "")
	fs.BoolVar(&o.concat, "concat", false, "")
	fs.StringVar(&o.split, "split", "", "")
	fs.IntVar(&o.maxAmp, "max-amplification", wbxml.DefaultMaxAmplification, "")
	fs.BoolVar(&o.secrets, "show-secrets", false, "")
	fs.BoolVar(&o.verbose, "v", false, "")
	fs.BoolVar(&o.version, "version", false, "")
	cli.AddMaxInput(fs, &o.maxInput)
	cli.AddMaxDepth(fs, &o.maxDepth)
	return fs
}

// wbxmlOptions returns the options of the conversion.
func (o *options) wbxmlOptions() []wbxml.Option {
	var voc wbxml.Vocabulary = codepages.ActiveSync
	if o.proto != 0 {
		voc = codepages.ActiveSync.In(o.proto)
	}
	return []wbxml.Option{
		wbxml.WithVocabulary(voc),
		wbxml.WithStrict(o.strict),
		wbxml.WithIndent(o.indent),
		wbxml.WithXMLDeclaration(o.decl),
		wbxml.WithDeclarationEncoding(!o.declShort),
		wbxml.WithTagNames(o.names),
		wbxml.WithDocType(o.doctype),
		wbxml.WithNamespaceForm(o.nsForm),
		wbxml.WithPrefixes(o.prefixes),
		wbxml.WithMaxAmplification(o.maxAmp),
		wbxml.WithMaxDepth(o.maxDepth),
		// Large bodies convert in parts on every core.
		wbxml.WithConcurrency(runtime.GOMAXPROCS(0)),
	}
}

// setLayout sets o.layout from -concat and -split, which exclude each
// other and -o.
func (o *options) setLayout(fs *flag.FlagSet) error {
	concat, split := o.concat, cli.Set(fs, "split")
	switch {
	case concat && split:
		return cli.Usagef("-concat and -split exclude each other")
	case split && o.split == "":
		return cli.Usagef("-split: name a directory")
	case split && !cli.IsStdio(o.output):
		return cli.Usagef("-split writes a file per message: it cannot be used with -o")
	case concat:
		o.layout = layoutDocs
	case split:
		o.layout = layoutSplit
	}
	return nil
}
