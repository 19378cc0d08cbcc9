package cli

import (
	"errors"
	"flag"
	"fmt"
	"strconv"

	"github.com/easkit/easkit/wbxml"
)

// MaxDepthFlag is the name of the flag that sets the nesting limit.
const MaxDepthFlag = "max-depth"

// MostDepth is the largest nesting limit -max-depth takes: a million
// levels, a few tens of MiB of element stack.
const MostDepth = 1 << 20

// depthValue is the flag.Value of -max-depth.
type depthValue struct{ n *int }

func (d depthValue) String() string {
	if d.n == nil {
		return ""
	}
	return strconv.Itoa(*d.n)
}

func (d depthValue) Set(s string) error {
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > MostDepth {
		return fmt.Errorf("nesting limit must be a number from 1 to %d", MostDepth)
	}
	*d.n = n
	return nil
}

// AddMaxDepth defines the -max-depth flag on fs, setting *depth (which
// starts as wbxml.DefaultMaxDepth): how deep elements may nest.
func AddMaxDepth(fs *flag.FlagSet, depth *int) {
	*depth = wbxml.DefaultMaxDepth
	fs.Var(depthValue{depth}, MaxDepthFlag, "")
}

// depthError is a nesting error that names the flag raising the limit.
type depthError struct {
	err   error
	depth int
}

func (e *depthError) Error() string {
	return fmt.Sprintf("%v (the -%s limit, %d; raise it for deeper documents)", e.err, MaxDepthFlag, e.depth)
}

func (e *depthError) Unwrap() error { return e.err }

// ExplainDepth returns err naming the -max-depth flag and its value when
// err is wbxml.ErrDepth, and err itself otherwise.
func ExplainDepth(err error, depth int) error {
	var de *depthError
	if !errors.Is(err, wbxml.ErrDepth) || errors.As(err, &de) {
		return err
	}
	return &depthError{err, depth}
}
