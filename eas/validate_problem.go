package eas

import (
	"errors"
	"strconv"
	"strings"
)

// Problems: what Validate reports, and the error that lists them.

// MaxProblems is the number of problems a ValidationError lists; the
// problems found beyond it are only counted (ValidationError.More).
const MaxProblems = 100

// Further sentinels of Validate (see ProblemKind).
var (
	// ErrUnknownRoot: the root element starts no command message the
	// schema tables know (in the direction asked for).
	ErrUnknownRoot = errors.New("eas: not the root of a command message")

	// ErrOrder: under WithStrict, an element out of its xs:sequence order.
	ErrOrder = errors.New("eas: element out of order")
)

// A ProblemKind classifies a validation problem.
type ProblemKind uint8

// The kinds of problem Validate reports. Each matches a sentinel with
// errors.Is on the ValidationError (in parentheses).
const (
	ProblemNotAllowed ProblemKind = iota + 1 // element not allowed here (ErrUnexpected)
	ProblemMissing                           // required element missing (ErrMissing)
	ProblemTooMany                           // more occurrences than allowed (ErrDuplicate)
	ProblemContent                           // content of the wrong kind (ErrValue)
	ProblemValue                             // value outside the enumeration or range (ErrValue)
	ProblemVersion                           // not in the protocol version of WithVersion (ErrNotInVersion)
	ProblemRoot                              // unknown root element (ErrUnknownRoot)
	ProblemOrder                             // out of sequence order, WithStrict only (ErrOrder)
	ProblemSyntax                            // invalid WBXML; Err is the *wbxml.SyntaxError
)

var problemKindNames = [...]string{"", "not allowed", "missing", "too many", "wrong content", "bad value", "not in version", "unknown root", "out of order", "syntax"}

var problemSentinels = [...]error{nil, ErrUnexpected, ErrMissing, ErrDuplicate, ErrValue, ErrValue, ErrNotInVersion, ErrUnknownRoot, ErrOrder, nil}

// String returns the kind's name ("not allowed").
func (k ProblemKind) String() string {
	if int(k) < len(problemKindNames) && k != 0 {
		return problemKindNames[k]
	}
	return "ProblemKind(" + strconv.Itoa(int(k)) + ")"
}

// A Problem is one way a message breaks its command schema.
type Problem struct {
	// Offset is the byte offset in the WBXML of the element concerned
	// (its start tag); for a missing element, of its parent.
	Offset int64
	// Path is the element's path, spelled as Error.Path; for a missing
	// element, its parent's.
	Path string
	// Kind classifies the problem.
	Kind ProblemKind
	// Msg says what is wrong, in English ("required SyncKey missing").
	Msg string
	// Err is the *wbxml.SyntaxError of a ProblemSyntax, else nil.
	Err error
}

// String returns "offset 17: Sync/Collections: msg".
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString("offset ")
	b.WriteString(strconv.FormatInt(p.Offset, 10))
	b.WriteString(": ")
	if p.Path != "" {
		b.WriteString(p.Path)
		b.WriteString(": ")
	}
	b.WriteString(p.Msg)
	return b.String()
}

// A ValidationError lists the problems Validate found in a message.
type ValidationError struct {
	// Message is the message the problems are reported against, such as
	// "Sync response", or "" when the root is unknown.
	Message string
	// Problems lists the first MaxProblems problems, in document order.
	Problems []Problem
	// More counts the problems found beyond Problems.
	More int
}

// Error lists the problems, one a line.
func (e *ValidationError) Error() string {
	var b strings.Builder
	b.WriteString("eas: invalid")
	if e.Message != "" {
		b.WriteString(" ")
		b.WriteString(e.Message)
	} else {
		b.WriteString(" message")
	}
	n := len(e.Problems) + e.More
	b.WriteString(": ")
	b.WriteString(strconv.Itoa(n))
	if n == 1 {
		b.WriteString(" problem")
	} else {
		b.WriteString(" problems")
	}
	for _, p := range e.Problems {
		b.WriteString("\n\t")
		b.WriteString(p.String())
	}
	if e.More > 0 {
		b.WriteString("\n\t… and ")
		b.WriteString(strconv.Itoa(e.More))
		b.WriteString(" more")
	}
	return b.String()
}

// Unwrap returns the sentinel of each kind of problem listed, and the
// *wbxml.SyntaxError if there is one, so that errors.Is(err, ErrMissing)
// and errors.As(err, &syntaxErr) work.
func (e *ValidationError) Unwrap() []error {
	var out []error
	var seen [len(problemSentinels)]bool
	for _, p := range e.Problems {
		if p.Err != nil {
			out = append(out, p.Err)
		}
		if s := problemSentinels[p.Kind]; s != nil && !seen[p.Kind] {
			seen[p.Kind] = true
			if p.Kind == ProblemValue && seen[ProblemContent] || p.Kind == ProblemContent && seen[ProblemValue] {
				continue
			}
			out = append(out, s)
		}
	}
	return out
}
