package wbxml

import (
	"bytes"

	"github.com/easkit/easkit/internal/xmltext"
)

// fast converts the tokens that make up nearly all of a document straight
// from a []byte input, without going through Token values: SWITCH_PAGE,
// start tags without attributes of tags the vocabulary names (and
// accepts), END, STR_I and OPAQUE. An element whose whole content is one
// string or OPAQUE in its default form is written in one step. It keeps
// the Decoder's state (position, code page, open elements) exactly as
// ReadToken would, and returns at the first byte that is anything else
// (another token, a tag it does not know, the end of the root element,
// input that is cut short or wrong), where the Decoder carries on and
// reports whatever there is to report.
//
// It is called only in the content of an element (dsContent) of a []byte
// input whose strings are UTF-8 with a one-byte terminator, and writes the
// same XML as the token-by-token path (FuzzXMLWriterFast checks it).
func (x *XMLWriter) fast() {
	d := &x.dec
	buf, pos := d.cursor()
	out := x.out
	prefixes := x.cfg.prefixes
	indent := x.cfg.indent > 0
	// The caller paces the output (flushes it, checks its limits) when it
	// reaches checkAt.
	stopAt := maxInt
	if room := x.checkAt - x.written - int64(len(x.data)); room < int64(maxInt) {
		stopAt = int(max(room, 0))
	}
loop:
	for pos < x.limit {
		if len(out) >= stopAt {
			break
		}
		b := buf[pos]
		if isTag(b) {
			if b&TagAttrs != 0 || !d.canOpen() {
				break // attributes, or too deep: the Decoder reports it
			}
			page, code := d.page(), b&TagCodeMask
			tp := x.tags[page]
			if tp == nil {
				tp = x.fillTags(page)
			}
			ti := &tp.tags[code]
			if ti.name == "" || !ti.valid {
				break // placeholders and warnings: the token path
			}
			pos++
			if prefixes {
				x.out = out
				x.startKnown(page, code, ti)
				if b&TagContent == 0 {
					x.end()
				} else {
					d.openContent(page, code)
				}
				out = x.out
				continue
			}

			// The parent: the '>' of its start tag, its pending content,
			// the indentation.
			depth := len(x.stack)
			p := &x.stack[depth-1]
			if x.open {
				out = append(out, '>')
				x.open = false
			}
			if len(x.runs) > 0 {
				x.out = out
				x.flushMixed(p, depth)
				out = x.out
			}
			p.children = true
			if indent && !p.mixed {
				out = x.appendNewline(out, depth)
			}
			out = append(out, ti.open...)
			nsPage := p.nsPage
			if int16(page) != nsPage {
				out = append(out, tp.xmlns...)
				nsPage = int16(page)
			}
			if b&TagContent == 0 {
				out = append(out, "/>"...)
				continue
			}
			if pos < len(buf) {
				var n int
				if n, out = x.fastLeaf(out, buf, pos, ti); n > 0 {
					pos += n
					continue
				}
			}
			x.stack = append(x.stack, xframe{ti: ti, page: page, code: code, nsPage: nsPage, easkit: p.easkit})
			x.open = true
			d.openContent(page, code)
			continue
		}
		switch b {
		case TokSwitchPage:
			if pos+1 >= len(buf) {
				break loop
			}
			d.switchPage(buf[pos+1])
			pos += 2
		case TokEnd:
			depth := len(x.stack) - 1
			if f := &x.stack[depth]; f.children && len(x.runs) == 0 && f.ti != nil && !prefixes {
				if indent && !f.mixed {
					out = x.appendNewline(out, depth)
				}
				out = append(out, f.ti.close...)
				x.stack = x.stack[:depth]
			} else {
				x.out = out
				x.end()
				out = x.out
			}
			pos++
			if d.closeContent() {
				break loop
			}
		case TokStrI:
			n := bytes.IndexByte(buf[pos+1:], 0)
			if n < 0 {
				break loop
			}
			x.addRun(false, buf[pos+1:pos+1+n])
			pos += n + 2
		case TokOpaque:
			n, k := ConsumeMbUint32(buf[pos+1:])
			if k <= 0 || uint64(n) > uint64(len(buf)-pos-1-k) {
				break loop
			}
			start := pos + 1 + k
			x.addRun(true, buf[start:start+int(n)])
			pos = start + int(n)
		default:
			break loop
		}
	}
	x.out = out
	d.seek(pos)
}

// fastLeaf writes the rest of an element whose start tag ti has just been
// written up to its '>', when its content at buf[pos:] is one run in the
// default form for its tag followed by END: one non-empty STR_I of text,
// one non-empty OPAQUE of bytes (as base64) or of text, or nothing. It returns
// the number of bytes it took (0 when the element is not of that shape).
func (x *XMLWriter) fastLeaf(out, buf []byte, pos int, ti *tagInfo) (int, []byte) {
	var data []byte
	var opaque bool
	var next int // the offset of the END
	switch buf[pos] {
	case TokEnd: // no content
		return 1, append(out, "/>"...)
	case TokStrI:
		n := bytes.IndexByte(buf[pos+1:], 0)
		if n <= 0 || ti.kind != ContentText {
			return 0, out // an empty string takes a marker: the token path
		}
		data = buf[pos+1 : pos+1+n]
		next = pos + n + 2
	case TokOpaque:
		n, k := ConsumeMbUint32(buf[pos+1:])
		if k <= 0 || n == 0 || uint64(n) > uint64(len(buf)-pos-1-k) || ti.kind == ContentText {
			return 0, out
		}
		data = buf[pos+1+k : pos+1+k+int(n)]
		next = pos + 1 + k + int(n)
		opaque = true
	default:
		return 0, out
	}
	if next >= len(buf) || buf[next] != TokEnd {
		return 0, out
	}
	mark := len(out)
	out = append(out, '>')
	if opaque && ti.kind == ContentBinary {
		out = xmltext.AppendBase64(out, data)
	} else {
		var ok bool
		if out, ok = xmltext.AppendTextSafe(out, data); !ok {
			return 0, out[:mark]
		}
	}
	return next + 1 - pos, append(out, ti.close...)
}
