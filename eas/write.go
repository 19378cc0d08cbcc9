package eas

import (
	"io"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/wbxml"
)

// AppendWBXML appends the WBXML document whose root is e to dst. A tree
// read by Parse and not changed since comes back byte for byte as it was
// read; a changed tree keeps the header it was read with and the wire
// bytes of its unchanged subtrees, and writes the rest the canonical way
// (a changed document in US-ASCII or ISO-8859-1 is written in UTF-8).
// A tree built with NewElement gets the canonical ActiveSync header
// (03 01 6A 00). An element of a larger tree is written as the root of a
// document of its own.
func (e *Element) AppendWBXML(dst []byte) ([]byte, error) {
	if e == nil {
		return dst, &Error{Offset: -1, Err: ErrMissing, Msg: "AppendWBXML of a nil element"}
	}
	if e.parent == nil && e.raw != nil && e.src != nil && e.src.raw != nil {
		return append(dst, e.src.raw...), nil
	}
	var b Builder
	b.cfg = defaultConfig()
	b.cfg.maxDepth = 1 << 30 // the tree's depth was checked when it was read or is the caller's
	h := wbxml.DefaultHeader()
	if e.src != nil {
		h = e.src.header
		if convertedText(h.Charset) {
			// The tree holds the text as UTF-8, which US-ASCII cannot
			// always carry back: the document becomes UTF-8, and is
			// written anew.
			h.Charset = wbxml.CharsetUTF8
		}
	}
	b.reset(dst, h)
	b.element(e)
	if b.err != nil {
		return dst, b.err
	}
	return b.enc.Bytes(), nil
}

// WriteXML writes the XML of the document whose root is e to w, exactly as
// a wbxml.XMLWriter with the ActiveSync vocabulary and opts writes the
// WBXML that AppendWBXML gives.
func (e *Element) WriteXML(w io.Writer, opts ...wbxml.Option) error {
	b, err := e.AppendWBXML(nil)
	if err != nil {
		return err
	}
	all := make([]wbxml.Option, 0, len(opts)+1)
	all = append(append(all, wbxml.WithVocabulary(codepages.ActiveSync)), opts...)
	return wbxml.NewXMLWriter(all...).WriteXMLBytes(w, b)
}
