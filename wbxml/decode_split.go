package wbxml

import "bytes"

// A checkpoint is a place in a WBXML body where a conversion can start
// anew: between two sibling elements, deep in the document, where every
// open element has only elements before it as content. It holds what the
// decoder knows there: the input offset of the second sibling's first byte
// (its tag, or the SWITCH_PAGE before it), the tag code page in force, and
// the open elements.
type checkpoint struct {
	pos   int
	page  uint8
	stack []frame
}

// splitPoints appends to cps up to parts-1 checkpoints that divide the
// body of d's []byte input, from the decoder's position just after the
// header, into parts of about equal size: the first checkpoint at or after
// each multiple of the body's length / parts.
//
// It reads only the structure: tags, page switches, and the lengths of
// strings and opaque data. It stops early, returning fewer checkpoints,
// at anything it leaves to the decoder: attributes, LITERAL tags,
// processing instructions, extension tokens, a string charset whose
// terminator is not one zero byte, an unknown tag in strict mode, the depth
// limit, the end of the root element, or bad input. Whatever it stops at,
// the conversion of the last part meets it with the full decoder, and
// reports it as a conversion on one goroutine would.
//
// stk is scratch space for the open elements, returned for reuse.
func (d *Decoder) splitPoints(cps []checkpoint, parts int, stk []splitFrame) ([]checkpoint, []splitFrame) {
	buf, pos, page := d.buf, d.pos, d.tagPage
	if d.r != nil || d.width != 1 || parts < 2 || pos >= len(buf) {
		return cps, stk
	}
	step := (len(buf) - pos) / parts
	want := pos + step
	stk = stk[:0]
	dirty := 0 // open elements with content other than elements
	cand := -1 // the offset after an END, where a sibling may start
	candPage := page
	for pos < len(buf) && len(cps) < parts-1 {
		b := buf[pos]
		if isTag(b) {
			if b&TagAttrs != 0 {
				return cps, stk // attributes
			}
			if cand >= want && dirty == 0 && len(stk) > 0 {
				cp := checkpoint{pos: cand, page: candPage, stack: make([]frame, len(stk))}
				for i := range stk {
					cp.stack[i] = stk[i].frame
				}
				cps = append(cps, cp)
				want = cand + step
			}
			code := b & TagCodeMask
			flags := b >> 5 & 2 // 0x40 -> fContent
			if v := d.cfg.vocab; v != nil && v.TagName(page, code) == "" {
				if d.cfg.strict {
					return cps, stk
				}
				flags |= fUnknown
			}
			if len(stk) >= d.cfg.maxDepth {
				return cps, stk
			}
			pos++
			if flags&fContent != 0 {
				stk = append(stk, splitFrame{frame: frame{page: page, code: code, flags: flags}})
				cand = -1
			} else {
				// An empty element ends where it starts.
				if len(stk) == 0 {
					return cps, stk
				}
				cand, candPage = pos, page
			}
			continue
		}
		switch b {
		case TokSwitchPage:
			if pos+1 >= len(buf) {
				return cps, stk
			}
			page = buf[pos+1]
			pos += 2
			continue
		case TokEnd:
			n := len(stk)
			if n <= 1 {
				return cps, stk // the root ends: no part starts after it
			}
			if stk[n-1].dirty {
				dirty--
			}
			stk = stk[:n-1]
			pos++
			cand, candPage = pos, page
			continue
		case TokStrI:
			i := bytes.IndexByte(buf[pos+1:], 0)
			if i < 0 {
				return cps, stk
			}
			pos += i + 2
		case TokEntity, TokStrT:
			_, k := ConsumeMbUint32(buf[pos+1:])
			if k <= 0 {
				return cps, stk
			}
			pos += 1 + k
		case TokOpaque:
			n, k := ConsumeMbUint32(buf[pos+1:])
			if k <= 0 || uint64(n) > uint64(len(buf)-pos-1-k) {
				return cps, stk
			}
			pos += 1 + k + int(n)
		default:
			return cps, stk // LITERAL, PI, extension tokens
		}
		// Content that is not an element: no part starts inside this
		// element, whose writer state depends on the content.
		if len(stk) == 0 {
			return cps, stk
		}
		if top := &stk[len(stk)-1]; !top.dirty {
			top.dirty = true
			dirty++
		}
		cand = -1
	}
	return cps, stk
}

// splitFrame is an open element while looking for checkpoints: the
// decoder's frame, and whether it has content other than elements.
type splitFrame struct {
	frame
	dirty bool
}
