package capture

import (
	"errors"
	"strconv"
	"strings"
)

// DetectError is the cause (the Err of an *[Error]) when automatic
// detection finds no form: it lists every form that was tried and why each
// stopped. It wraps [ErrUnknownForm] and the error of the most likely
// reading. The zero DetectError has tried nothing.
type DetectError struct {
	// Tried holds one attempt per form, the most likely first: the reading
	// that got furthest into the input (hex or base64), then the other
	// text readings, then the forms whose first bytes did not fit.
	Tried []Attempt
}

// Attempt is one form that detection tried, and why it stopped. The zero
// Attempt is FormAuto with no position and no cause.
type Attempt struct {
	// Form is the form tried.
	Form Form
	// Offset is the byte offset where the reading stopped, or -1.
	Offset int64
	// Line and Column locate Offset (1-based); 0 when Offset is -1.
	Line, Column int
	// Err says why the reading stopped.
	Err error
}

// String formats the attempt on one line: "hex at line 1:11: invalid hex
// digit 'g'".
func (a Attempt) String() string {
	var b strings.Builder
	b.WriteString(a.Form.String())
	switch {
	case a.Line > 0:
		b.WriteString(" at line " + strconv.Itoa(a.Line) + ":" + strconv.Itoa(a.Column))
	case a.Offset >= 0:
		b.WriteString(" at offset " + strconv.FormatInt(a.Offset, 10))
	}
	if a.Err != nil {
		b.WriteString(": " + a.Err.Error())
	}
	return b.String()
}

// Error names the most likely form and why it stopped, on one line: "not a
// known input form; read as hex: invalid hex digit 'g'" (the *Error around
// it gives the position). [DetectError.Explain] lists every attempt.
func (e *DetectError) Error() string {
	if len(e.Tried) == 0 {
		return ErrUnknownForm.Error()
	}
	a := e.Tried[0]
	s := "not a known input form; read as " + a.Form.String()
	if a.Err != nil {
		s += ": " + a.Err.Error()
	}
	return s
}

// Explain lists every attempt, one per line, the most likely first, after
// a first line that names it and its position: "most likely hex at line
// 1:11: invalid hex digit 'g'", then "  also tried base64 at line 1:3:
// blank inside a line of base64", and so on.
func (e *DetectError) Explain() string {
	if len(e.Tried) == 0 {
		return ErrUnknownForm.Error()
	}
	var b strings.Builder
	b.WriteString("most likely " + e.Tried[0].String())
	for _, a := range e.Tried[1:] {
		b.WriteString("\n  also tried " + a.String())
	}
	return b.String()
}

// Unwrap returns ErrUnknownForm and the error of the most likely reading.
func (e *DetectError) Unwrap() []error {
	errs := []error{ErrUnknownForm}
	if len(e.Tried) > 0 && e.Tried[0].Err != nil {
		errs = append(errs, e.Tried[0].Err)
	}
	return errs
}

// detectFailure builds the error of a failed detection of text whose first
// non-blank byte is at q, from the hex, base64 and log readings' errors.
func detectFailure(data []byte, q int, hexErr, b64Err, logErr error) error {
	var tried []Attempt
	add := func(f Form, err error) {
		a := Attempt{Form: f, Offset: -1, Err: err}
		var e *Error
		if errors.As(err, &e) {
			a.Offset, a.Line, a.Column, a.Err = e.Offset, e.Line, e.Column, e.Err
		}
		tried = append(tried, a)
	}
	first, second := hexErr, b64Err
	firstForm, secondForm := FormHex, FormBase64
	if offsetOf(b64Err) > offsetOf(hexErr) {
		first, second, firstForm, secondForm = b64Err, hexErr, FormBase64, FormHex
	}
	add(firstForm, first)
	add(secondForm, second)
	add(FormLog, logErr)
	at := func(f Form, msg string) {
		line, col := lineCol(data, q)
		tried = append(tried, Attempt{Form: f, Offset: int64(q), Line: line, Column: col, Err: detail(ErrUnknownForm, msg)})
	}
	at(FormHTTP, "the first line is not an HTTP request line or status line")
	at(FormHAR, "no JSON object ('{' and '\"') at the start")
	at(FormBurp, "no XML element <items> at the start")
	at(FormSAZ, "not a ZIP archive")
	at(FormRaw, "text: the first byte "+quoteByte(data[q])+" is no WBXML version (0x00–0x03)")
	de := &DetectError{Tried: tried}
	best := tried[0]
	return &Error{Form: FormUnknown, Offset: best.Offset, Line: best.Line, Column: best.Column, Err: de}
}
