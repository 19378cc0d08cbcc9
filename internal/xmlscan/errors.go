package xmlscan

import (
	"errors"
	"strconv"
	"unicode/utf8"
)

// Sentinel errors. Every error the Scanner returns, other than [io.EOF] at
// the end of the document, is a [*SyntaxError] that wraps exactly one of
// these; match them with [errors.Is].
var (
	// ErrUnexpectedEOF: the input ends inside a tag, reference, comment,
	// CDATA section, declaration or open element.
	ErrUnexpectedEOF = errors.New("unexpected end of input")
	// ErrInvalidUTF8: the input is not valid UTF-8.
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	// ErrInvalidChar: a character that the Char production of XML 1.0
	// forbids (a control character, U+FFFE, U+FFFF), written literally or
	// as a character reference.
	ErrInvalidChar = errors.New("invalid character")
	// ErrInvalidName: a malformed element, attribute or processing
	// instruction name, including qualified names that break Namespaces in
	// XML (two colons, an empty prefix or local part) and reserved PI
	// targets.
	ErrInvalidName = errors.New("invalid name")
	// ErrInvalidReference: a malformed character reference, a reference to
	// an entity other than the five predefined ones, or a bare '&'.
	ErrInvalidReference = errors.New("invalid reference")
	// ErrMarkup: malformed markup, such as a missing '>' or '=', an
	// unquoted attribute value, '<' in an attribute value, "]]>" in
	// character data, "--" in a comment or a malformed declaration.
	ErrMarkup = errors.New("malformed markup")
	// ErrMismatchedTag: an end tag that does not match the open element.
	ErrMismatchedTag = errors.New("mismatched end tag")
	// ErrDuplicateAttr: an attribute given twice on one element, by name or
	// by (namespace, local name).
	ErrDuplicateAttr = errors.New("duplicate attribute")
	// ErrUndeclaredPrefix: a namespace prefix with no declaration in scope.
	ErrUndeclaredPrefix = errors.New("undeclared namespace prefix")
	// ErrNamespace: a declaration or name that breaks a rule of Namespaces
	// in XML 1.0 about the reserved prefixes xml and xmlns, or binds a
	// prefix to the empty namespace name.
	ErrNamespace = errors.New("namespace constraint violated")
	// ErrStructure: the document is not a single element with only
	// comments, processing instructions and white space around it (no root
	// element, a second root, text outside the root), or an XML
	// declaration or DOCTYPE stands where it is not allowed.
	ErrStructure = errors.New("invalid document structure")
	// ErrUnsupportedEncoding: the XML declaration names an encoding
	// easkit does not read, or one the Scanner was not told the document
	// was transcoded from (see [Scanner.ResetFrom]); or [Detect] found an
	// encoding easkit does not read (EBCDIC, UCS-4 in an unusual byte
	// order).
	ErrUnsupportedEncoding = errors.New("unsupported encoding")
	// ErrEncoding: the document is not in the encoding it declares or was
	// found in: a byte of 0x80 or more in a document declared US-ASCII, a
	// declaration naming another encoding than the one the document is in
	// (UTF-16 declared in an 8-bit document, say), or bytes that are not
	// valid in its encoding ([AppendUTF8]: an unpaired UTF-16 surrogate,
	// an odd length, a byte windows-1252 leaves undefined).
	ErrEncoding = errors.New("input not in its encoding")
	// ErrDepth: elements nest deeper than the limit (see [WithMaxDepth]).
	ErrDepth = errors.New("nesting too deep")
	// ErrAttrLimit: an element has more attributes than the limit (see
	// [WithMaxAttrs]).
	ErrAttrLimit = errors.New("too many attributes")
	// ErrNameLimit: a name is longer than the limit (see [WithMaxNameLen]).
	ErrNameLimit = errors.New("name too long")
	// ErrTooLarge: the document is 2 GiB or larger.
	ErrTooLarge = errors.New("document too large")
)

// SyntaxError reports malformed input at a position of the document.
type SyntaxError struct {
	// Offset is the byte offset in the document given to the Scanner.
	Offset int64
	// Line and Column are 1-based. Lines end at LF, CR LF or a lone CR;
	// Column counts characters (UTF-8 sequences, each invalid byte counting
	// as one), not bytes. A byte order mark at the start is not counted.
	Line, Column int
	// Msg says what was wrong, without the position.
	Msg string
	// Err is one of the sentinel errors of this package.
	Err error
}

// Error formats the error as
// "xml: line 3, column 17 (offset 52): expected '>' after attribute".
func (e *SyntaxError) Error() string { return FormatError(e.Line, e.Column, e.Offset, e.Msg) }

// FormatError formats a positioned XML error as SyntaxError does, for the
// converters' own errors.
func FormatError(line, column int, offset int64, msg string) string {
	b := make([]byte, 0, 48+len(msg))
	b = append(b, "xml: line "...)
	b = strconv.AppendInt(b, int64(line), 10)
	b = append(b, ", column "...)
	b = strconv.AppendInt(b, int64(column), 10)
	b = append(b, " (offset "...)
	b = strconv.AppendInt(b, offset, 10)
	b = append(b, "): "...)
	b = append(b, msg...)
	return string(b)
}

// Unwrap returns the sentinel error.
func (e *SyntaxError) Unwrap() error { return e.Err }

// Position returns the 1-based line and column of byte offset off in doc,
// counted as in [SyntaxError]. An offset outside doc is clamped to it.
func Position(doc []byte, off int64) (line, column int) {
	return PositionFrom(doc, 0, 1, 1, off)
}

// PositionFrom is [Position] counted on from a known place: byte offset
// from, which is at line and column, no further than off, and not inside
// a CR LF pair. Callers that place many offsets in increasing order (a
// list of warnings, say) read the document once instead of once each.
func PositionFrom(doc []byte, from int64, line, column int, off int64) (int, int) {
	if off < 0 {
		off = 0
	}
	if off > int64(len(doc)) {
		off = int64(len(doc))
	}
	if from < 0 || from > off {
		from, line, column = 0, 1, 1
	}
	end := int(off)
	lineStart := int(from)
	for i := lineStart; i < end; i++ {
		switch doc[i] {
		case '\n':
			line++
			lineStart = i + 1
			column = 1
		case '\r':
			if i+1 < len(doc) && doc[i+1] == '\n' {
				continue // the LF ends the line
			}
			line++
			lineStart = i + 1
			column = 1
		}
	}
	column += utf8.RuneCount(doc[lineStart:end])
	if lineStart == 0 && end >= len(bom) && string(doc[:len(bom)]) == bom {
		column--
	}
	return line, column
}

const bom = "\xEF\xBB\xBF"

// truncName shortens a name or snippet quoted in an error message.
func truncName(b []byte) string {
	const max = 64
	if len(b) <= max {
		return string(b)
	}
	b = b[:max]
	if i := lastRuneStart(b); !utf8.FullRune(b[i:]) {
		b = b[:i]
	}
	return string(b) + "…"
}

// lastRuneStart returns the index where the last (possibly incomplete)
// UTF-8 sequence of b starts.
func lastRuneStart(b []byte) int {
	i := len(b) - 1
	for i > 0 && i > len(b)-utf8.UTFMax && !utf8.RuneStart(b[i]) {
		i--
	}
	return i
}
