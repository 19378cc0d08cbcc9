package wbxml

import "errors"

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
// the total in Count.
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
