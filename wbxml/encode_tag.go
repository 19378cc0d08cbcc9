package wbxml

// StartTag starts element code (0x05–0x3F) on code page page. With attrs
// the element gets an attribute list: AttrStart or AttrLiteral must follow,
// then values, then EndAttrs.
func (e *Encoder) StartTag(page, code uint8, attrs bool) error {
	if err := e.checkStart(); err != nil {
		return err
	}
	if code < TagMinCode || code > TagCodeMask {
		return e.errorf(ErrInvalidToken, "tag token outside 0x05–0x3F")
	}
	if v := e.cfg.vocab; v != nil && e.cfg.strict && v.TagName(page, code) == "" {
		return e.errorf(ErrUnknownTag, "tag not in the vocabulary")
	}
	if len(e.stack) >= e.cfg.maxDepth {
		return e.errorf(ErrDepth, "elements nested deeper than the limit")
	}
	if page != e.tagPage {
		e.buf = append(e.buf, TokSwitchPage, page)
		e.tagPage = page
	}
	f := frame{page: page, code: code, flags: fContent}
	b := code | TagContent
	if attrs {
		b |= TagAttrs
		f.flags |= fAttrs
	}
	e.openTag(b, f)
	return e.done()
}

// StartLiteral starts an element named by the string-table string at
// offset off (LITERAL_C, or LITERAL_AC with attrs).
func (e *Encoder) StartLiteral(off uint32, attrs bool) error {
	if err := e.checkStart(); err != nil {
		return err
	}
	if _, ok := tableString(e.cfg.hdr.StringTable, off, e.width); !ok {
		return e.errorf(ErrStringTable, "LITERAL offset outside the string table")
	}
	if len(e.stack) >= e.cfg.maxDepth {
		return e.errorf(ErrDepth, "elements nested deeper than the limit")
	}
	f := frame{flags: fContent | fLiteral, off: off}
	b := TokLiteralC
	if attrs {
		b |= TagAttrs
		f.flags |= fAttrs
	}
	e.openTag(b, f)
	e.buf = AppendMbUint32(e.buf, off)
	return e.done()
}

func (e *Encoder) checkStart() error {
	e.init()
	if e.err != nil {
		return e.err
	}
	switch e.state {
	case esProlog, esContent:
		return nil
	case esEpilog:
		return e.errorf(ErrNesting, "second root element")
	}
	return e.errorf(ErrNesting, "start tag inside an attribute list or processing instruction")
}

func (e *Encoder) openTag(b byte, f frame) {
	e.content()
	e.hold = len(e.buf)
	e.buf = append(e.buf, b)
	e.stack = append(e.stack, f)
	if f.flags&fAttrs != 0 {
		e.state = esAttrFirst
	} else {
		e.state = esContent
	}
}

// EndTag ends the innermost open element: it clears the start tag's
// content bit when nothing was written since (attributes aside), else it
// writes END.
func (e *Encoder) EndTag() error {
	if e.err != nil {
		return e.err
	}
	if e.state != esContent {
		if e.state == esProlog || e.state == esEpilog {
			return e.errorf(ErrNesting, "end tag with no open element")
		}
		return e.errorf(ErrNesting, "end tag inside an attribute list or processing instruction")
	}
	if e.hold >= 0 {
		e.buf[e.hold] &^= TagContent
		e.hold = -1
	} else {
		e.buf = append(e.buf, TokEnd)
	}
	e.stack = e.stack[:len(e.stack)-1]
	if len(e.stack) == 0 {
		e.state = esEpilog
	}
	return e.done()
}

// PI starts a processing instruction: AttrStart or AttrLiteral (its
// target), values, and EndPI follow. It is allowed before, inside and after
// the root element.
func (e *Encoder) PI() error {
	e.init()
	if e.err != nil {
		return e.err
	}
	switch e.state {
	case esProlog, esContent, esEpilog:
	default:
		return e.errorf(ErrNesting, "PI inside an attribute list or processing instruction")
	}
	e.valueStarts()
	e.buf = append(e.buf, TokPI)
	e.piRet, e.state = e.state, esPIFirst
	return e.done()
}

// EndPI ends a processing instruction.
func (e *Encoder) EndPI() error {
	if e.err != nil {
		return e.err
	}
	if e.state != esPI {
		return e.errorf(ErrNesting, "EndPI outside a processing instruction or before its target")
	}
	e.buf = append(e.buf, TokEnd)
	e.state = e.piRet
	return e.done()
}

func (e *Encoder) checkAttrStart() error {
	if e.err != nil {
		return e.err
	}
	switch e.state {
	case esAttrFirst, esAttr, esPIFirst:
		return nil
	case esPI:
		return e.errorf(ErrNesting, "second attribute start in a processing instruction")
	}
	return e.errorf(ErrNesting, "attribute start outside an attribute list")
}

func (e *Encoder) attrStarted() {
	if e.state == esPIFirst {
		e.state = esPI
	} else {
		e.state = esAttr
	}
}

// AttrStart starts an attribute with token code (0x05–0x3F or 0x45–0x7F)
// on attribute code page page.
func (e *Encoder) AttrStart(page, code uint8) error {
	if err := e.checkAttrStart(); err != nil {
		return err
	}
	if code >= TagAttrs || code&TagCodeMask < TagMinCode {
		return e.errorf(ErrInvalidToken, "attribute start token outside 0x05–0x3F, 0x45–0x7F")
	}
	if page != e.attrPage {
		e.buf = append(e.buf, TokSwitchPage, page)
		e.attrPage = page
	}
	e.buf = append(e.buf, code)
	e.attrStarted()
	return e.done()
}

// AttrLiteral starts an attribute named by the string-table string at
// offset off (LITERAL).
func (e *Encoder) AttrLiteral(off uint32) error {
	if err := e.checkAttrStart(); err != nil {
		return err
	}
	if _, ok := tableString(e.cfg.hdr.StringTable, off, e.width); !ok {
		return e.errorf(ErrStringTable, "LITERAL offset outside the string table")
	}
	e.buf = append(e.buf, TokLiteral)
	e.buf = AppendMbUint32(e.buf, off)
	e.attrStarted()
	return e.done()
}

// AttrValue writes an attribute value token code (0x85–0xBF or 0xC5–0xFF)
// on attribute code page page.
func (e *Encoder) AttrValue(page, code uint8) error {
	if e.err != nil {
		return e.err
	}
	if e.state != esAttr && e.state != esPI {
		return e.errorf(ErrNesting, "attribute value outside an attribute")
	}
	if code < TagAttrs || code&TagCodeMask < TagMinCode {
		return e.errorf(ErrInvalidToken, "attribute value token outside 0x85–0xBF, 0xC5–0xFF")
	}
	if page != e.attrPage {
		e.buf = append(e.buf, TokSwitchPage, page)
		e.attrPage = page
	}
	e.buf = append(e.buf, code)
	return e.done()
}

// EndAttrs ends the attribute list of the innermost start tag.
func (e *Encoder) EndAttrs() error {
	if e.err != nil {
		return e.err
	}
	if e.state != esAttr {
		return e.errorf(ErrNesting, "EndAttrs outside an attribute list or before its first attribute")
	}
	e.buf = append(e.buf, TokEnd)
	e.state = esContent
	return e.done()
}
