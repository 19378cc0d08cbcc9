package wbxml

import (
	"errors"
	"strconv"
)

// ErrXMLSyntax: XML input that is not well-formed XML 1.0 with namespaces.
var ErrXMLSyntax = errors.New("wbxml: malformed XML")

// An XMLError reports a problem in XML input, with its position.
type XMLError struct {
	// Offset is the byte offset in the XML input.
	Offset int64
	// Line and Column are 1-based; Column counts characters.
	Line, Column int
	// Err classifies the problem: ErrXMLSyntax, ErrUnknownTag, ErrMarker,
	// ErrNotInVersion, ErrNoXML, ErrDepth, ErrTooLarge, ErrInvalidToken…
	Err error
	// Msg says what was wrong.
	Msg string
}

// Error returns a one-line message such as
// "xml: line 3, column 17 (offset 52): unknown element Subjekt in namespace Email:".
func (e *XMLError) Error() string {
	b := make([]byte, 0, 48+len(e.Msg))
	b = append(b, "xml: line "...)
	b = strconv.AppendInt(b, int64(e.Line), 10)
	b = append(b, ", column "...)
	b = strconv.AppendInt(b, int64(e.Column), 10)
	b = append(b, " (offset "...)
	b = strconv.AppendInt(b, e.Offset, 10)
	b = append(b, "): "...)
	b = append(b, e.Msg...)
	return string(b)
}

// Unwrap returns Err.
func (e *XMLError) Unwrap() error { return e.Err }
