package wbxml

import (
	"errors"
	"strconv"
	"strings"
)

// Sentinel errors. Decoding and encoding errors are *[SyntaxError] values
// whose Err is one of these; match them with errors.Is. I/O errors from the
// underlying reader or writer are returned as they are, never wrapped in a
// SyntaxError.
var (
	// ErrTruncated: the input ends inside a token, before the root
	// element, or with elements still open.
	ErrTruncated = errors.New("wbxml: unexpected end of input")

	// ErrUnknownTag: strict mode met a tag that the Vocabulary does not
	// define.
	ErrUnknownTag = errors.New("wbxml: unknown tag")

	// ErrDepth: elements are nested deeper than the limit (see WithMaxDepth).
	ErrDepth = errors.New("wbxml: nesting too deep")

	// ErrTooLarge: the input is larger than the limit (see WithMaxSize).
	ErrTooLarge = errors.New("wbxml: input too large")

	// ErrMbUint32: a multi-byte integer is longer than 5 bytes or does not
	// fit in 32 bits.
	ErrMbUint32 = errors.New("wbxml: invalid mb_u_int32")

	// ErrStringTable: a string-table length or offset is out of range, or
	// the string at an offset has no terminator inside the table.
	ErrStringTable = errors.New("wbxml: bad string table reference")

	// ErrCharset: text in the document's charset cannot be interpreted
	// (an unsupported charset, or bytes invalid in it).
	ErrCharset = errors.New("wbxml: unsupported or invalid charset")

	// ErrNesting: an END with no open element, an element or attribute
	// token where the structure does not allow it, or an encoder call out
	// of sequence.
	ErrNesting = errors.New("wbxml: bad nesting")

	// ErrInvalidToken: a token byte or value that is not allowed where it
	// appears (a reserved global token, content outside the root element).
	ErrInvalidToken = errors.New("wbxml: invalid token")

	// ErrVersion: the header's version is not WBXML 1.0–1.3.
	ErrVersion = errors.New("wbxml: unsupported version")

	// ErrTrailingData: bytes other than processing instructions follow the
	// root element.
	ErrTrailingData = errors.New("wbxml: data after the root element")
)

// A SyntaxError reports invalid WBXML input (from a [Decoder]) or an
// invalid call sequence (from an [Encoder]), with the byte offset where it
// was detected and the path of open elements. The package always sets Err;
// a zero SyntaxError reads "wbxml: offset 0: " and matches no sentinel.
type SyntaxError struct {
	// Offset is the byte offset in the input (decoding) or output
	// (encoding) where the problem was found. It lies within the input.
	Offset int64

	// Path lists the elements open at that point, outermost first.
	Path Path

	// Err is the sentinel error that classifies the problem, such as
	// ErrTruncated.
	Err error

	// msg says what was wrong; empty means Err says it all.
	msg string

	// also is a second sentinel the error matches (errors.Is), such as
	// ErrTruncated for a string table that runs past the input.
	also error
}

// Error returns a one-line message such as
// "wbxml: offset 17: END with no open element".
func (e *SyntaxError) Error() string {
	var b strings.Builder
	b.WriteString("wbxml: offset ")
	b.WriteString(strconv.FormatInt(e.Offset, 10))
	b.WriteString(": ")
	if e.msg != "" {
		b.WriteString(e.msg)
	} else if e.Err != nil {
		b.WriteString(strings.TrimPrefix(e.Err.Error(), "wbxml: "))
	}
	if len(e.Path) > 0 {
		b.WriteString(" (in ")
		b.WriteString(e.Path.String())
		b.WriteString(")")
	}
	return b.String()
}

// Unwrap returns Err, so that errors.Is(err, ErrTruncated) works.
func (e *SyntaxError) Unwrap() error { return e.Err }

// Is reports whether target is a second sentinel that e also matches: a
// string table longer than the rest of the input is both ErrStringTable
// (its Err) and ErrTruncated.
func (e *SyntaxError) Is(target error) bool { return e.also != nil && target == e.also }

// A PathElem is one element in a [Path].
type PathElem struct {
	// Page and Code identify the tag (Code without attribute and content
	// bits). Both are 0 for a literal element.
	Page, Code uint8
	// Name is the element's name: the Vocabulary's tag name, or the
	// string-table name of a literal element; "" when unknown.
	Name string
	// Space is the Vocabulary's name of Page ("AirSync"), or "".
	Space string
	// Literal is set for elements named by a LITERAL token.
	Literal bool
}

// A Path lists open elements, outermost first. The zero (nil) Path is the
// document level, outside every element; its String is "".
type Path []PathElem

// String renders the path as "/Name/Name", prefixing a name with its code
// page ("AirSyncBase:Body") where the page differs from the parent's.
// Elements without a name are shown as "p<page>:0x<code>" and literal
// elements by their string-table name.
func (p Path) String() string {
	var b strings.Builder
	prev := -1
	for _, e := range p {
		b.WriteByte('/')
		switch {
		case e.Literal:
			b.WriteString(e.Name)
			continue
		case e.Name == "":
			b.WriteString("p")
			b.WriteString(strconv.Itoa(int(e.Page)))
			b.WriteString(":0x")
			if e.Code < 0x10 {
				b.WriteByte('0')
			}
			b.WriteString(strings.ToUpper(strconv.FormatUint(uint64(e.Code), 16)))
		default:
			if int(e.Page) != prev {
				if e.Space != "" {
					b.WriteString(e.Space)
				} else {
					b.WriteString("p")
					b.WriteString(strconv.Itoa(int(e.Page)))
				}
				b.WriteByte(':')
			}
			b.WriteString(e.Name)
		}
		prev = int(e.Page)
	}
	return b.String()
}
