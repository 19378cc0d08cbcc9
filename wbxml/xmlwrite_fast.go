package wbxml

import "bytes"

// fast converts the tokens that make up nearly all of a document straight
// from a []byte input, without going through Token values: SWITCH_PAGE,
// start tags without attributes of tags the vocabulary names (and
// accepts), END, STR_I and OPAQUE. It keeps the Decoder's state (position,
// code page, open elements) exactly as ReadToken would, and returns at the
// first byte that is anything else (another token, a tag it does not know,
// the end of the root element, input that is cut short or wrong), where
// the Decoder carries on and reports whatever there is to report.
//
// It is called only in the content of an element (dsContent) of a []byte
// input whose strings are UTF-8 with a one-byte terminator.
func (x *XMLWriter) fast() {
	d := &x.dec
	buf := d.buf
	pos := d.pos
	for pos < len(buf) {
		b := buf[pos]
		if b&0x3F >= 5 { // a tag
			if b&0x80 != 0 || len(d.stack) >= d.cfg.maxDepth {
				break // attributes, or too deep: the Decoder reports it
			}
			page, code := d.tagPage, b&0x3F
			ti := x.tagInfo(page, code)
			if ti.name == "" || !ti.valid {
				break // placeholders and warnings: the slow path
			}
			x.startKnown(page, code, ti)
			pos++
			if b&0x40 == 0 {
				x.end() // no content: the element ends here
				continue
			}
			d.stack = append(d.stack, frame{page: page, code: code, flags: fContent})
			continue
		}
		switch b {
		case 0x00: // SWITCH_PAGE
			if pos+1 >= len(buf) {
				d.pos = pos
				return
			}
			d.tagPage = buf[pos+1]
			pos += 2
		case 0x01: // END
			x.end()
			pos++
			d.stack = d.stack[:len(d.stack)-1]
			if len(d.stack) == 0 {
				d.state = dsEpilog
				d.pos = pos
				return
			}
		case 0x03: // STR_I
			n := bytes.IndexByte(buf[pos+1:], 0)
			if n < 0 {
				d.pos = pos
				return
			}
			x.addRun(false, buf[pos+1:pos+1+n])
			pos += n + 2
		case 0xC3: // OPAQUE
			n, k := ConsumeMbUint32(buf[pos+1:])
			if k <= 0 || uint64(n) > uint64(len(buf)-pos-1-k) {
				d.pos = pos
				return
			}
			start := pos + 1 + k
			x.addRun(true, buf[start:start+int(n)])
			pos = start + int(n)
		default:
			d.pos = pos
			return
		}
	}
	d.pos = pos
}
