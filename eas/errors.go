package eas

import (
	"errors"
	"strconv"
	"strings"

	"github.com/easkit/easkit/wbxml"
)

// Sentinel errors. Errors of this package are *Error values whose Err is
// one of these (or a wbxml sentinel); match them with errors.Is.
var (
	// ErrMissing: an element that must be there is not, or a typed
	// accessor was called on a nil *Element (what Find returns when
	// nothing matches).
	ErrMissing = errors.New("eas: element missing")

	// ErrDuplicate: an element that may occur once occurs again.
	ErrDuplicate = errors.New("eas: element repeated")

	// ErrValue: content that does not read as the type asked for: text in
	// an integer, an integer out of range, a malformed date, invalid
	// base64, content in an element that must be empty.
	ErrValue = errors.New("eas: bad value")

	// ErrUnexpected: in strict mode, an element the destination has no
	// place for.
	ErrUnexpected = errors.New("eas: unexpected element")

	// ErrNotInVersion: a tag that the protocol version given by WithVersion
	// does not have. It is wbxml.ErrNotInVersion, so errors.Is matches
	// either name.
	ErrNotInVersion = wbxml.ErrNotInVersion

	// ErrUnsupported: a WBXML construct that ActiveSync does not use and an
	// Element cannot hold (LITERAL tags, attributes, extension tokens), or a
	// Go type that cannot be marshalled.
	ErrUnsupported = errors.New("eas: unsupported")

	// ErrBuilder: a Builder call out of order (End with no open element,
	// Finish with nothing written).
	ErrBuilder = errors.New("eas: builder misuse")
)

// An Error is a problem with a message: where it is (the byte offset in the
// WBXML and the path of elements) and what it is.
type Error struct {
	// Offset is the byte offset in the WBXML input (reading) or output
	// (writing) of the element concerned, or -1 when there is none.
	Offset int64

	// Path is the element path, outermost first, slash-separated, with
	// [n] after an element that is the n-th (n ≥ 2) of its name among its
	// siblings: "Sync/Collections/Collection[2]/SyncKey". Elements on a
	// different code page than their parent carry it: "AirSyncBase:Body".
	Path string

	// Err is the sentinel that classifies the problem, such as ErrMissing.
	Err error

	// Msg says what was wrong; empty means Err says it all.
	Msg string
}

// Error returns "eas: offset 17: Sync/Collections/Collection: msg".
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("eas: ")
	if e.Offset >= 0 {
		b.WriteString("offset ")
		b.WriteString(strconv.FormatInt(e.Offset, 10))
		b.WriteString(": ")
	}
	if e.Path != "" {
		b.WriteString(e.Path)
		b.WriteString(": ")
	}
	switch {
	case e.Msg != "":
		b.WriteString(e.Msg)
	case e.Err != nil:
		b.WriteString(strings.TrimPrefix(strings.TrimPrefix(e.Err.Error(), "eas: "), "wbxml: "))
	}
	return b.String()
}

// Unwrap returns Err.
func (e *Error) Unwrap() error { return e.Err }
