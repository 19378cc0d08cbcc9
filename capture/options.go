package capture

// Option configures a [Reader] ([WithForm], [WithMaxDecodedSize]) or what
// [Message.Describe] and [Message.Skipped] show ([WithSecrets]); each
// ignores the options of the other. Options are applied in order. The
// zero (nil) Option changes nothing.
type Option func(*config)

type config struct {
	secrets   bool // Describe and Skipped show secrets (WithSecrets)
	form      Form
	maxDecode int64 // 0: default from the input size; < 0: no limit
}

// WithForm forces the input form instead of detecting it. FormAuto (the
// default) detects; FormUnknown is treated as FormAuto.
func WithForm(f Form) Option {
	return func(c *config) {
		if f == FormUnknown {
			f = FormAuto
		}
		c.form = f
	}
}

// Default decoded-size limits; see [WithMaxDecodedSize].
const (
	// DefaultDecodedRatio is the default limit as a multiple of the input size.
	DefaultDecodedRatio = 64
	// DefaultMinDecoded is the smallest default limit, so that small
	// captures may still hold well-compressed bodies.
	DefaultMinDecoded = 1 << 20
	// DefaultMaxDecoded is the largest default limit.
	DefaultMaxDecoded = 256 << 20
)

// WithMaxDecodedSize limits the bytes that a Reader may produce beyond a
// plain transcription of its input: the output of undoing gzip and deflate
// codings and the bytes that '*' lines of a hex dump stand for, summed over
// all messages of the input. Going past it fails with [ErrTooLarge] before
// the bytes are allocated, which stops decompression bombs.
//
// n > 0 sets the limit to n bytes; n < 0 removes it; n == 0 restores the
// default, which is DefaultDecodedRatio (64) times the input size, but at
// least DefaultMinDecoded (1 MiB) and at most DefaultMaxDecoded (256 MiB).
func WithMaxDecodedSize(n int64) Option {
	return func(c *config) { c.maxDecode = n }
}

// budget returns the decoded-size limit for an input of n bytes.
func (c *config) budget(n int) int64 {
	switch {
	case c.maxDecode > 0:
		return c.maxDecode
	case c.maxDecode < 0:
		return -1
	}
	b := int64(n) * DefaultDecodedRatio
	if b < DefaultMinDecoded {
		b = DefaultMinDecoded
	}
	if b > DefaultMaxDecoded {
		b = DefaultMaxDecoded
	}
	return b
}
