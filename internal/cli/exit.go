package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"
)

// Exit codes of the commands.
const (
	// ExitOK: the conversion succeeded (notes may have been printed).
	ExitOK = 0
	// ExitData: the input could not be read or converted; one line on
	// standard error says where.
	ExitData = 1
	// ExitUsage: the command line is wrong; one line on standard error
	// says what, with a hint to run the command with -h.
	ExitUsage = 2
)

// A UsageError reports a bad command line: an unknown flag, a bad flag
// value, too many arguments.
type UsageError struct {
	Err error
}

// Error returns the message of the underlying error.
func (e *UsageError) Error() string { return e.Err.Error() }

// Unwrap returns the underlying error.
func (e *UsageError) Unwrap() error { return e.Err }

// Usagef returns a *UsageError with a formatted message.
func Usagef(format string, args ...any) error {
	return &UsageError{Err: fmt.Errorf(format, args...)}
}

// Report prints err to stderr as one line prefixed with the command name and
// returns the exit code for it: ExitUsage for a *UsageError, whose line
// ends with [UsageHint] (the usage itself would bury the problem), and
// ExitData for anything else.
func Report(stderr io.Writer, name string, err error) int {
	var ue *UsageError
	if errors.As(err, &ue) {
		fmt.Fprintf(stderr, "%s: %s %s\n", name, OneLine(err.Error()), UsageHint(name))
		return ExitUsage
	}
	fmt.Fprintf(stderr, "%s: %s\n", name, OneLine(err.Error()))
	return ExitData
}

// UsageHint is what ends the line of a usage error:
// "(run wbxml2xml -h for usage)".
func UsageHint(name string) string { return "(run " + name + " -h for usage)" }

// Recover is deferred by a command's run function. If the function panics,
// it reports an internal error on one line, without a stack trace, and sets
// *code to ExitData. No input should ever get here: it is the last resort.
//
// A memory fault (with debug.SetPanicOnFault set) comes from an input file
// mapped into memory that another program truncated while it was read, and
// is reported as such.
func Recover(stderr io.Writer, name string, code *int) {
	r := recover()
	if r == nil {
		return
	}
	*code = ExitData
	if _, ok := r.(interface{ Addr() uintptr }); ok {
		fmt.Fprintf(stderr, "%s: the input file changed while it was read (%s)\n", name, OneLine(fmt.Sprint(r)))
		return
	}
	fmt.Fprintf(stderr, "%s: internal error: %s\n", name, OneLine(fmt.Sprint(r)))
}

// OneLine joins the lines of s with "; " so that a message stays on one line.
func OneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	f := strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' })
	return strings.Join(f, "; ")
}
