package wbxml

import (
	"errors"
	"strconv"
	"strings"
)

// ErrNoXML: a WBXML token that easkit's XML conversion cannot represent
// (LITERAL tags, attributes, processing instructions and extension tokens,
// which ActiveSync does not use). The Decoder and Encoder handle them.
var ErrNoXML = errors.New("wbxml: token has no XML form")

// A Warning is something a conversion noted without failing: a tag the
// vocabulary does not define (lenient mode, [ErrUnknownTag]), one the
// protocol version being checked does not have ([ErrNotInVersion]), an
// attribute with no WBXML form ([ErrNoXML]), or bytes after the root
// element that lenient decoding ignored ([ErrTrailingData]).
type Warning struct {
	// Offset is the byte offset in the input of the element's start.
	Offset int64
	// Line and Column locate it in XML input (1-based); 0 for WBXML input.
	Line, Column int
	// Page and Code identify the tag.
	Page, Code uint8
	// Err says what is wrong: ErrUnknownTag, ErrNotInVersion, ErrNoXML
	// or ErrTrailingData.
	Err error
}

// maxWarnings bounds the warnings kept per conversion; Count goes on.
const maxWarnings = 100

// Warnings are the warnings of one conversion: the first 100 in List and
// the total in Count. The zero Warnings is none.
type Warnings struct {
	List  []Warning
	Count int
}

func (w *Warnings) reset() { w.List, w.Count = w.List[:0], 0 }

func (w *Warnings) add(x Warning) {
	w.Count++
	if len(w.List) < maxWarnings {
		w.List = append(w.List, x)
	}
}

// merge adds the warnings of o after w's, as one conversion would have
// noted them.
func (w *Warnings) merge(o *Warnings) {
	for _, x := range o.List {
		w.add(x)
	}
	w.Count += o.Count - len(o.List)
}

// String describes the warning in one line: where it is, what is wrong,
// and the tag (when there is one), as in
// "wbxml: offset 12: unknown tag (page 7, token 0x3F)" or
// "wbxml: line 3, column 5 (offset 40): tag not in this protocol version
// (page 0, token 0x05)". The tag is given by number: the Warning does not
// know the vocabulary that names it.
func (w Warning) String() string {
	b := make([]byte, 0, 80)
	b = append(b, "wbxml: "...)
	if w.Line > 0 {
		b = append(b, "line "...)
		b = strconv.AppendInt(b, int64(w.Line), 10)
		b = append(b, ", column "...)
		b = strconv.AppendInt(b, int64(w.Column), 10)
		b = append(b, " (offset "...)
		b = strconv.AppendInt(b, w.Offset, 10)
		b = append(b, ')')
	} else {
		b = append(b, "offset "...)
		b = strconv.AppendInt(b, w.Offset, 10)
	}
	b = append(b, ": "...)
	if w.Err != nil {
		b = append(b, strings.TrimPrefix(w.Err.Error(), "wbxml: ")...)
	} else {
		b = append(b, "warning"...)
	}
	if w.Code >= TagMinCode {
		b = append(b, " (page "...)
		b = strconv.AppendUint(b, uint64(w.Page), 10)
		b = append(b, ", token 0x"...)
		b = append(b, "0123456789ABCDEF"[w.Code>>4], "0123456789ABCDEF"[w.Code&0xF])
		b = append(b, ')')
	}
	return string(b)
}

// Error returns [Warning.String], so that a Warning can be handled where
// an error is expected (collected, wrapped, or turned into a failure by a
// caller stricter than lenient mode).
func (w Warning) Error() string { return w.String() }

// Unwrap returns w.Err, for errors.Is(w, ErrUnknownTag).
func (w Warning) Unwrap() error { return w.Err }
