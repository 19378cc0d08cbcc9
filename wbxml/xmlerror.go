package wbxml

import (
	"errors"

	"github.com/easkit/easkit/internal/xmlscan"
)

// ErrXMLSyntax: XML input that is not well-formed XML 1.0 with namespaces.
var ErrXMLSyntax = errors.New("wbxml: malformed XML")

// An XMLError reports a problem in XML input, with its position. The
// package always sets Err; a zero XMLError matches no sentinel.
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
	return xmlscan.FormatError(e.Line, e.Column, e.Offset, e.Msg)
}

// Unwrap returns Err.
func (e *XMLError) Unwrap() error { return e.Err }
