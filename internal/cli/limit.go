package cli

import (
	"flag"
	"fmt"
	"io"
)

// DefaultMaxInput is the default limit on the size of a command's input:
// 256 MiB, the size of the largest WBXML document that package wbxml
// decodes by default (wbxml.DefaultMaxSize).
const DefaultMaxInput Size = 256 << 20

// MaxInputFlag is the name of the flag that sets the input limit.
const MaxInputFlag = "max-input"

// AddMaxInput defines the -max-input flag on fs, setting *limit (which
// starts as [DefaultMaxInput]). 0 means no limit.
func AddMaxInput(fs *flag.FlagSet, limit *Size) {
	*limit = DefaultMaxInput
	fs.Var(limit, MaxInputFlag, "")
}

// A TooLargeError reports an input larger than the limit: reading stopped
// one byte past it.
type TooLargeError struct {
	Limit Size
}

// Error names the limit and the flag that raises it.
func (e *TooLargeError) Error() string {
	return fmt.Sprintf("input larger than %v (the -%s limit; -%s 0 for none)", e.Limit, MaxInputFlag, MaxInputFlag)
}

// LimitInput returns a reader that reads r but fails with a
// *[TooLargeError] once it would return more than limit bytes in all; a
// limit of 0 returns r itself. It is for input read as a stream, line by
// line, rather than whole with [ReadInput].
func LimitInput(r io.Reader, limit Size) io.Reader {
	if limit <= 0 {
		return r
	}
	return &limitedReader{r: r, left: int64(limit) + 1, limit: limit}
}

// limitedReader is the reader of LimitInput: left counts down from limit+1,
// so that reaching 0 means the input went past the limit.
type limitedReader struct {
	r     io.Reader
	left  int64
	limit Size
}

func (l *limitedReader) Read(p []byte) (int, error) {
	if l.left <= 0 {
		return 0, &TooLargeError{Limit: l.limit}
	}
	if int64(len(p)) > l.left {
		p = p[:l.left]
	}
	n, err := l.r.Read(p)
	l.left -= int64(n)
	if l.left <= 0 {
		// The byte past the limit is not handed on.
		return n - 1, &TooLargeError{Limit: l.limit}
	}
	return n, err
}
