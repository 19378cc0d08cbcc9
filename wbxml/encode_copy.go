package wbxml

// CopyElement writes raw, the bytes of one complete element exactly as a
// Decoder read them — from its start tag token to the end of its content,
// SWITCH_PAGE tokens inside included — where a start tag may come. page is
// the code page of its start tag and endPage the tag code page in effect
// after its last byte (Decoder.TagPage after its KindEndTag). The Encoder
// writes a SWITCH_PAGE first when its page differs from page, and then
// continues on endPage, so that a program that forwards subtrees it does
// not change (a proxy, eas.Element) keeps their bytes as they came.
//
// The bytes are copied as they are and are not checked beyond their first
// byte, which must be a tag token: they must be a whole element written
// under the Encoder's header (the same charset and string table), or the
// document will not decode.
func (e *Encoder) CopyElement(raw []byte, page, endPage uint8) error {
	if err := e.checkStart(); err != nil {
		return err
	}
	if len(raw) == 0 || raw[0]&TagCodeMask < TagMinCode && raw[0]&^(TagAttrs|TagContent) != TokLiteral {
		return e.errorf(ErrInvalidToken, "copied element does not start with a tag token")
	}
	e.content()
	if raw[0]&^(TagAttrs|TagContent) != TokLiteral && page != e.tagPage {
		e.buf = append(e.buf, TokSwitchPage, page)
	}
	e.buf = append(e.buf, raw...)
	e.tagPage = endPage
	if len(e.stack) == 0 {
		e.state = esEpilog
	} else {
		e.state = esContent
	}
	return e.done()
}
