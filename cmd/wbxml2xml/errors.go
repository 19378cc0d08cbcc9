package main

import (
	"io"

	"errors"
	"fmt"
	"github.com/easkit/easkit/capture"

	"github.com/easkit/easkit/internal/cli"
	"github.com/easkit/easkit/wbxml"
)

// whereError says which message or body an error is about.
type whereError struct {
	where string
	err   error
}

func (e *whereError) Error() string { return e.where + ": " + e.err.Error() }
func (e *whereError) Unwrap() error { return e.err }

// where wraps err with w, when w says something; a nil err stays nil.
func where(w string, err error) error {
	if w == "" || err == nil {
		return err
	}
	return &whereError{w, err}
}

// ampError is the amplification limit's error, naming the flag that sets
// it.
type ampError struct {
	se  *wbxml.SyntaxError
	amp int
}

func (e *ampError) Error() string {
	return fmt.Sprintf("wbxml: offset %d: the XML grew past %d times the size of the WBXML (-max-amplification %d; 0 removes the limit)",
		e.se.Offset, e.amp, e.amp)
}

func (e *ampError) Unwrap() error { return e.se }

// explain makes a conversion error say what the command line can do
// about it.
func (c *converter) explain(err error) error {
	var se *wbxml.SyntaxError
	if errors.Is(err, wbxml.ErrAmplification) && errors.As(err, &se) {
		return &ampError{se, c.o.maxAmp}
	}
	return cli.ExplainDepth(err, c.o.maxDepth)
}

// explainDetection writes, after the error line of a failed detection,
// one line per other form tried and why it stopped (-v).
func explainDetection(w io.Writer, err error) {
	var de *capture.DetectError
	if !errors.As(err, &de) || len(de.Tried) < 2 {
		return
	}
	for _, a := range de.Tried[1:] {
		fmt.Fprintf(w, "%s:   also tried %s\n", name, cli.OneLine(a.String()))
	}
}
