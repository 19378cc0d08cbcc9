package capture

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
)

// Sentinel errors. Every error returned by this package wraps one of them,
// usually inside an [*Error] that says where in the input it happened.
// Match them with [errors.Is], never on the error text.
var (
	// ErrEmpty: the input holds no bytes, or only white space.
	ErrEmpty = errors.New("empty input")
	// ErrUnknownForm: automatic detection found no form that fits the input.
	ErrUnknownForm = errors.New("input form not recognized")
	// ErrSyntax: the input does not follow the grammar of its form.
	ErrSyntax = errors.New("syntax error")
	// ErrTruncated: the input ends inside a message, dump line, chunk or body.
	ErrTruncated = errors.New("unexpected end of input")
	// ErrTooLarge: undoing a content coding or expanding a repeated dump
	// line would produce more bytes than the decoded-size limit allows
	// (see [WithMaxDecodedSize]).
	ErrTooLarge = errors.New("decoded size exceeds the limit")
	// ErrUnsupported: a transfer or content coding, or a HAR body encoding,
	// that this package cannot undo (for example "br").
	ErrUnsupported = errors.New("unsupported coding")
	// ErrLossy is not returned as an error: it is wrapped by
	// [Message.Warning] when a body is known (or suspected) not to be the
	// bytes that were sent, for example a binary body that a HAR tool stored
	// as text with replacement characters.
	ErrLossy = errors.New("body not recoverable byte for byte")
)

// Error reports where in the input a problem was found (the zero Error
// reads "capture: offset 0" and wraps nothing). Its Err wraps one
// of the sentinel errors (and, where there is one, the underlying error of
// the decoder that failed, such as a gzip or base64 error).
type Error struct {
	// Form is the form the input was being read as.
	Form Form
	// Index is the 1-based number of the HTTP message, HAR entry or Burp
	// item, the SAZ session number, or the number of the body within a
	// file holding several dumps; 0 when the input holds a single body.
	Index int
	// Part is "request" or "response" for an error inside a HAR entry, a
	// SAZ session or a Burp item, and "" otherwise.
	Part string
	// Offset is the byte offset in the input where the problem is, or -1
	// when no byte can be named.
	Offset int64
	// Line and Column locate Offset in text forms (1-based; Column counts
	// bytes). Both are 0 for binary input, or when Offset is -1.
	Line, Column int
	// Err says what went wrong.
	Err error
}

// Error formats the position and the cause on one line, for example
// "capture: HTTP message 2: line 14:1: chunk size \"zz\" is not hexadecimal".
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("capture")
	if w := e.where(); w != "" {
		b.WriteString(": ")
		b.WriteString(w)
	}
	switch {
	case e.Line > 0:
		b.WriteString(": line ")
		b.WriteString(strconv.Itoa(e.Line))
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(e.Column))
	case e.Offset >= 0:
		b.WriteString(": offset ")
		b.WriteString(strconv.FormatInt(e.Offset, 10))
	}
	if e.Err != nil {
		b.WriteString(": ")
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

func (e *Error) where() string {
	switch {
	case e.Form == FormHTTP && e.Index > 0:
		return "HTTP message " + strconv.Itoa(e.Index)
	case e.Form == FormHAR && e.Index > 0:
		s := "HAR entry " + strconv.Itoa(e.Index)
		if e.Part != "" {
			s += " " + e.Part
		}
		return s
	case e.Form == FormSAZ && e.Index > 0:
		return "SAZ session " + strconv.Itoa(e.Index) + partSuffix(e.Part)
	case e.Form == FormBurp && e.Index > 0:
		return "Burp item " + strconv.Itoa(e.Index) + partSuffix(e.Part)
	case e.Form == FormSAZ:
		return "SAZ"
	case e.Form == FormBurp:
		return "Burp"
	case e.Form == FormAuto || e.Form == FormUnknown:
		return ""
	case e.Form == FormHTTP && e.Index == 0:
		return "HTTP"
	case e.Form == FormHAR && e.Index == 0:
		return "HAR"
	case e.Index > 0:
		return e.Form.String() + " body " + strconv.Itoa(e.Index)
	}
	return e.Form.String()
}

func partSuffix(part string) string {
	if part == "" {
		return ""
	}
	return " " + part
}

// Unwrap returns Err, so that errors.Is and errors.As see the sentinel and
// any underlying decoder error.
func (e *Error) Unwrap() error { return e.Err }

// causeError pairs a sentinel with a human-readable detail and, optionally,
// the underlying error that caused it.
type causeError struct {
	sentinel error
	msg      string
	cause    error
	also     error // a second sentinel, not shown in the text
}

func (e *causeError) Error() string {
	if e.cause != nil {
		return e.msg + ": " + e.cause.Error()
	}
	return e.msg
}

func (e *causeError) Unwrap() []error {
	errs := []error{e.sentinel}
	if e.cause != nil {
		errs = append(errs, e.cause)
	}
	if e.also != nil {
		errs = append(errs, e.also)
	}
	return errs
}

// detail returns an error wrapping sentinel whose text is msg.
func detail(sentinel error, msg string) error {
	return &causeError{sentinel: sentinel, msg: msg}
}

// wrapCause returns an error wrapping sentinel and cause whose text is
// "msg: cause".
func wrapCause(sentinel error, msg string, cause error) error {
	return &causeError{sentinel: sentinel, msg: msg, cause: cause}
}

// lineCol returns the 1-based line and byte column of off in data. It is
// only called on error paths, so a linear scan is fine.
func lineCol(data []byte, off int) (line, col int) {
	if off < 0 {
		return 0, 0
	}
	if off > len(data) {
		off = len(data)
	}
	line = 1 + bytes.Count(data[:off], []byte{'\n'})
	start := bytes.LastIndexByte(data[:off], '\n') + 1
	return line, off - start + 1
}

// textError builds an *Error for a text form at byte offset off of data.
func textError(data []byte, form Form, index int, off int, err error) *Error {
	line, col := lineCol(data, off)
	return &Error{Form: form, Index: index, Offset: int64(off), Line: line, Column: col, Err: err}
}
