package capture

// wellFormedWBXML reports whether b is a complete, structurally well-formed
// WBXML document: a header (see LooksLikeWBXML), then one root element
// whose tokens (tags, END, SWITCH_PAGE, STR_I, STR_T, OPAQUE, ENTITY,
// EXT*, LITERAL*, PI, attributes) are all complete and balanced, ending
// exactly at the end of b. It knows no vocabulary. It is used to choose
// between readings of a capture (for example a HAR body stored as
// ISO-8859-1 or as UTF-8 text), never to reject a body.
func wellFormedWBXML(b []byte) bool {
	if !LooksLikeWBXML(b) {
		return false
	}
	p := 1
	id, n := mbUint32(b[p:])
	p += n
	if id == 0 {
		_, n = mbUint32(b[p:])
		p += n
	}
	if b[0] >= 0x01 {
		_, n = mbUint32(b[p:])
		p += n
	}
	tbl, n := mbUint32(b[p:])
	p += n + int(tbl)
	w := wbxmlWalker{b: b, p: p, tbl: tbl}
	return w.document()
}

type wbxmlWalker struct {
	b   []byte
	p   int
	tbl uint32
}

func (w *wbxmlWalker) byte() (byte, bool) {
	if w.p >= len(w.b) {
		return 0, false
	}
	c := w.b[w.p]
	w.p++
	return c, true
}

func (w *wbxmlWalker) mb() (uint32, bool) {
	v, n := mbUint32(w.b[w.p:])
	if n <= 0 {
		return 0, false
	}
	w.p += n
	return v, true
}

// cstr skips a NUL-terminated string.
func (w *wbxmlWalker) cstr() bool {
	for w.p < len(w.b) {
		if w.b[w.p] == 0 {
			w.p++
			return true
		}
		w.p++
	}
	return false
}

func (w *wbxmlWalker) tableRef() bool {
	v, ok := w.mb()
	return ok && v < w.tbl
}

// document walks PIs, the root element and trailing PIs.
func (w *wbxmlWalker) document() bool {
	depth := 0
	rootDone := false
	for w.p < len(w.b) {
		t, _ := w.byte()
		switch {
		case t == 0x00: // SWITCH_PAGE
			if _, ok := w.byte(); !ok {
				return false
			}
		case t == 0x01: // END
			if depth == 0 {
				return false
			}
			depth--
			if depth == 0 {
				rootDone = true
			}
		case t == 0x43: // PI
			if !w.attributes() {
				return false
			}
		case depth == 0 && rootDone:
			return false
		case t == 0x02: // ENTITY
			if depth == 0 {
				return false
			}
			if _, ok := w.mb(); !ok {
				return false
			}
		case t == 0x03 || t >= 0x40 && t <= 0x42: // STR_I, EXT_I_n
			if depth == 0 || !w.cstr() {
				return false
			}
		case t == 0x83 || t >= 0x80 && t <= 0x82: // STR_T, EXT_T_n
			if depth == 0 || !w.tableRef() {
				return false
			}
		case t >= 0xC0 && t <= 0xC2: // EXT_n
			if depth == 0 {
				return false
			}
		case t == 0xC3: // OPAQUE
			n, ok := w.mb()
			if depth == 0 || !ok || uint64(n) > uint64(len(w.b)-w.p) {
				return false
			}
			w.p += int(n)
		default: // a tag or LITERAL*
			if t&0x3F == 0x04 && !w.tableRef() {
				return false
			}
			if t&0x80 != 0 && !w.attributes() {
				return false
			}
			if t&0x40 != 0 {
				depth++
			} else if depth == 0 {
				rootDone = true
			}
		}
	}
	return depth == 0 && rootDone
}

// attributes walks attribute starts and values up to their END.
func (w *wbxmlWalker) attributes() bool {
	for {
		t, ok := w.byte()
		if !ok {
			return false
		}
		switch {
		case t == 0x01:
			return true
		case t == 0x00:
			if _, ok := w.byte(); !ok {
				return false
			}
		case t == 0x02:
			if _, ok := w.mb(); !ok {
				return false
			}
		case t == 0x03 || t >= 0x40 && t <= 0x42:
			if !w.cstr() {
				return false
			}
		case t == 0x04 || t == 0x83 || t >= 0x80 && t <= 0x82:
			if !w.tableRef() {
				return false
			}
		case t == 0xC3:
			n, ok := w.mb()
			if !ok || uint64(n) > uint64(len(w.b)-w.p) {
				return false
			}
			w.p += int(n)
		}
		// other bytes: attribute start or value tokens, no operands
	}
}
