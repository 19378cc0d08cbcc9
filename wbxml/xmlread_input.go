package wbxml

import (
	"errors"
	"fmt"

	"github.com/easkit/easkit/internal/xmlscan"
)

// ErrXMLEncoding: XML input in an encoding the XMLReader does not read
// (anything but UTF-8, UTF-16, UTF-32, ISO-8859-1, windows-1252 and
// US-ASCII), not valid in its encoding (an unpaired UTF-16 surrogate, an
// odd length, a byte windows-1252 leaves undefined, a byte of 0x80 or more
// in a document declared US-ASCII), or whose XML declaration names another
// encoding than the one it is in. It wraps [ErrXMLSyntax]: such input is
// not well-formed XML.
var ErrXMLEncoding = fmt.Errorf("wbxml: XML in an unsupported encoding, or not in its own (%w)", ErrXMLSyntax)

// input returns the UTF-8 document to convert for src, and sets x.from
// and x.bom to what src was in: src itself when it is UTF-8, or ASCII in
// a one-byte encoding; else its transcoding in x.utf. Telling them apart
// takes a look at the first four bytes and the XML declaration only.
func (x *XMLReader) input(src []byte) ([]byte, error) {
	enc, bom, err := xmlscan.Detect(src)
	x.from, x.bom = xmlscan.UTF8, 0
	if err != nil {
		return nil, x.scanError(err)
	}
	if enc == xmlscan.UTF8 {
		return src, nil
	}
	x.from, x.bom = enc, bom
	if (enc == xmlscan.Latin1 || enc == xmlscan.Windows1252) && xmlscan.IsASCII(src) {
		return src, nil
	}
	doc, err := xmlscan.AppendUTF8(x.utf[:0], src, enc, bom)
	x.utf = doc[:0]
	if err != nil {
		// Its offset is in src already.
		x.from, x.bom = xmlscan.UTF8, 0
		return nil, x.scanError(err)
	}
	return doc, nil
}

// toSource maps the byte offsets of err, when it is an *XMLError, and of
// the warnings, from doc, the UTF-8 transcoding of the input, to the
// input. Lines and columns count characters: they are the same in both.
func (x *XMLReader) toSource(doc []byte, err error) error {
	if x.from == xmlscan.UTF8 {
		return err
	}
	var prev, prevSrc int64 // the last warning, in doc and in the input
	prevSrc = int64(x.bom)
	for i := range x.warns.List {
		w := &x.warns.List[i]
		if w.Offset < prev {
			prev, prevSrc = 0, int64(x.bom)
		}
		off := prevSrc + xmlscan.SourceOffset(doc[prev:], x.from, 0, w.Offset-prev)
		prev, prevSrc = min(max(w.Offset, 0), int64(len(doc))), off
		w.Offset = off
	}
	if err == nil {
		return nil
	}
	return x.errorToSource(doc, err)
}

// errorToSource is the part of toSource for an error (apart, so that the
// conversions that succeed do not allocate for errors.As).
func (x *XMLReader) errorToSource(doc []byte, err error) error {
	var xe *XMLError
	if !errors.As(err, &xe) {
		return err
	}
	e := *xe // errors are made per call, but copy anyway
	e.Offset = xmlscan.SourceOffset(doc, x.from, x.bom, e.Offset)
	return &e
}
