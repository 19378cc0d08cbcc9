package wbxml

// Default limits.
const (
	// DefaultMaxDepth is the default limit on element nesting.
	DefaultMaxDepth = 256

	// DefaultMaxSize is the default limit on the size of a decoded
	// document in bytes (256 MiB).
	DefaultMaxSize = 256 << 20

	// DefaultBufferSize is the size at which an Encoder writing to an
	// io.Writer flushes its buffer.
	DefaultBufferSize = 32 << 10
)

// An Option configures a [Decoder] or an [Encoder]. Options are values:
// they are passed to NewDecoder, NewEncoder and the Reset methods, and
// each says which of the two it affects. An option that does not apply is
// ignored. The zero Option is no option: it changes nothing.
type Option struct {
	kind  optionKind
	n     int64
	b     bool
	vocab Vocabulary
	hdr   Header
}

type optionKind uint8

const (
	optNone optionKind = iota
	optVocabulary
	optMaxDepth
	optMaxSize
	optStrict
	optHeader
	optBufferSize
)

// WithVocabulary sets the vocabulary used to recognize tags (strict mode,
// [Token.Unknown]) and to name elements in error paths. Without one (the
// default, or v == nil) every tag is accepted and paths show page and token
// numbers. Decoder and Encoder.
func WithVocabulary(v Vocabulary) Option { return Option{kind: optVocabulary, vocab: v} }

// WithMaxDepth limits element nesting to n levels (default 256); deeper
// input fails with [ErrDepth]. n < 1 means 1. Decoder and Encoder.
func WithMaxDepth(n int) Option { return Option{kind: optMaxDepth, n: int64(n)} }

// WithMaxSize limits the size of a decoded document to n bytes (default
// 256 MiB); larger input fails with [ErrTooLarge] when the decoder reaches
// the limit, and an io.Reader is read at most one byte past it (to tell a
// document of exactly n bytes from a longer one). n <= 0 removes the limit.
// Decoder only.
func WithMaxSize(n int64) Option { return Option{kind: optMaxSize, n: n} }

// WithStrict selects strict mode: tags that the Vocabulary does not define
// fail with [ErrUnknownTag] (decoding and encoding), and bytes 0x80–0xFF in
// a US-ASCII document fail with [ErrCharset] instead of being read as
// ISO-8859-1. The default is lenient. Decoder and Encoder.
func WithStrict(strict bool) Option { return Option{kind: optStrict, b: strict} }

// WithHeader sets the header an Encoder writes (default: version 1.3,
// public id 1, UTF-8, empty string table: 03 01 6A 00). The string table
// is used as given and must hold the strings that STR_T and LITERAL tokens
// and a public id index refer to. The header is copied, not the string
// table's bytes, which must not change while the Encoder uses them.
// Strings are converted to US-ASCII and ISO-8859-1 and written unchanged
// in other charsets; an XMLReader, whose text is UTF-8, refuses text in a
// charset other than those and UTF-8 ([ErrCharset]). Encoder and
// XMLReader.
func WithHeader(h Header) Option { return Option{kind: optHeader, hdr: h} }

// WithBufferSize sets the size at which an Encoder writing to an io.Writer
// flushes (default 32 KiB). Encoder only.
func WithBufferSize(n int) Option { return Option{kind: optBufferSize, n: int64(n)} }

// config holds the options shared by Decoder and Encoder.
type config struct {
	vocab    Vocabulary
	maxDepth int
	maxSize  int64
	strict   bool
	hdr      Header
	bufSize  int
}

func defaultConfig() config {
	return config{
		maxDepth: DefaultMaxDepth,
		maxSize:  DefaultMaxSize,
		hdr:      DefaultHeader(),
		bufSize:  DefaultBufferSize,
	}
}

func (c *config) apply(opts []Option) {
	for i := range opts {
		o := &opts[i]
		switch o.kind {
		case optVocabulary:
			c.vocab = o.vocab
		case optMaxDepth:
			c.maxDepth = max(int(o.n), 1)
		case optMaxSize:
			c.maxSize = o.n
		case optStrict:
			c.strict = o.b
		case optHeader:
			c.hdr = o.hdr
		case optBufferSize:
			c.bufSize = max(int(o.n), 64)
		}
	}
}
