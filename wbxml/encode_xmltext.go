package wbxml

import "strconv"

// xmlString writes s as an inline string (STR_I), like String, for text
// that an XML scanner returned: valid UTF-8 that holds no NUL, since XML
// 1.0 has no such character. In the common case (appending, UTF-8
// document, no pending error, inside an element) it skips the checks that
// cannot fail for such text; otherwise it is String. Text is refused
// (ErrCharset) in a document whose charset String does not convert to:
// written unchanged it would be UTF-8 under a header saying otherwise.
func (e *Encoder) xmlString(s []byte) error {
	if e.w != nil || e.err != nil || e.state != esContent || e.width != 1 || e.tmode != textUTF8 {
		if e.tmode == textRaw && len(s) > 0 && e.err == nil {
			return e.errorf(ErrCharset, "STR_I: XML text cannot be written in charset "+
				strconv.FormatUint(uint64(e.cfg.hdr.Charset), 10)+" (only UTF-8, US-ASCII and ISO-8859-1 are)")
		}
		return e.String(s)
	}
	e.hold = -1
	b := append(e.buf, 0x03)
	b = append(b, s...)
	e.buf = append(b, 0)
	return nil
}

// xmlLeaf writes, in one step, an element on page with token code that
// holds the XML text s (not empty; valid UTF-8 without NUL, as XML text
// is): what StartTag, xmlString and EndTag write for it. It reports false,
// having written nothing, where those would take another way or fail (an
// io.Writer destination, an error, the root, another charset, a code out
// of range, strict checking against a vocabulary, the depth limit): the
// caller then makes the three calls.
func (e *Encoder) xmlLeaf(page, code uint8, s []byte) bool {
	if e.w != nil || e.err != nil || e.state != esContent || e.width != 1 || e.tmode != textUTF8 ||
		code < TagMinCode || code > TagCodeMask || e.cfg.strict && e.cfg.vocab != nil ||
		len(e.stack) >= e.cfg.maxDepth || len(s) == 0 {
		return false
	}
	e.content()
	b := e.buf
	if page != e.tagPage {
		b = append(b, TokSwitchPage, page)
		e.tagPage = page
	}
	b = append(b, code|TagContent, TokStrI)
	b = append(b, s...)
	e.buf = append(b, 0, TokEnd)
	return true
}
