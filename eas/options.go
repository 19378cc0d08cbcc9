package eas

import (
	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/version"
	"github.com/easkit/easkit/wbxml"
)

// An Option configures Parse, a Parser, a Builder, Marshal and Unmarshal.
// Options are values; each says what it affects, and an option that does
// not apply is ignored. The zero Option changes nothing.
type Option struct {
	kind optionKind
	n    int64
	b    bool
	v    version.Version
}

type optionKind uint8

const (
	optNone optionKind = iota
	optVersion
	optStrict
	optMaxDepth
	optMaxSize
)

// WithVersion sets the protocol version that messages are checked against
// (Tag.ValidIn): a Builder and Marshal refuse a tag the version does not
// have, and Parse and Unmarshal report one as an error. The zero Version,
// the default, checks nothing.
func WithVersion(v version.Version) Option { return Option{kind: optVersion, v: v} }

// WithStrict selects strict reading: tags the code pages do not define
// are errors in Parse (instead of elements with an unknown Tag), and
// Unmarshal reports elements that the destination struct has no field for
// (instead of skipping them). The default is lenient.
func WithStrict(strict bool) Option { return Option{kind: optStrict, b: strict} }

// WithMaxDepth limits element nesting (default wbxml.DefaultMaxDepth, 256)
// when reading and writing.
func WithMaxDepth(n int) Option { return Option{kind: optMaxDepth, n: int64(n)} }

// WithMaxSize limits the size of a document read from an io.Reader or a
// []byte (default wbxml.DefaultMaxSize, 256 MiB); n ≤ 0 removes the limit.
func WithMaxSize(n int64) Option { return Option{kind: optMaxSize, n: n} }

// config is the resolved set of options.
type config struct {
	version  version.Version
	strict   bool
	maxDepth int
	maxSize  int64
}

func defaultConfig() config {
	return config{maxDepth: wbxml.DefaultMaxDepth, maxSize: wbxml.DefaultMaxSize}
}

// apply resolves opts over the defaults.
func (c *config) apply(opts []Option) {
	*c = defaultConfig()
	for _, o := range opts {
		switch o.kind {
		case optVersion:
			c.version = o.v
		case optStrict:
			c.strict = o.b
		case optMaxDepth:
			c.maxDepth = max(int(o.n), 1)
		case optMaxSize:
			c.maxSize = o.n
		}
	}
}

// decoderOptions returns the wbxml options of a Decoder reading under c.
// Version checks are made by this package, with its own errors.
func (c *config) decoderOptions(dst []wbxml.Option) []wbxml.Option {
	return append(dst,
		wbxml.WithVocabulary(codepages.ActiveSync),
		wbxml.WithStrict(c.strict),
		wbxml.WithMaxDepth(c.maxDepth),
		wbxml.WithMaxSize(c.maxSize))
}
