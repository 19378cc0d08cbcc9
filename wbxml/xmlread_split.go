package wbxml

import (
	"bytes"

	"github.com/easkit/easkit/internal/xmltext"
)

// An xmlCheckpoint is a place in an XML document where a conversion to
// WBXML can start anew: just after the end tag of an element whose next
// sibling follows after nothing but white space. It holds the offset and
// the offsets of the start tags ('<') of the elements open there,
// outermost first.
type xmlCheckpoint struct {
	pos    int
	starts []int
}

// splitXML appends to cps up to parts-1 checkpoints that divide doc into
// parts of about equal size: the first checkpoint at or after each
// multiple of len(doc) / parts.
//
// It reads only the markup: where tags, comments, CDATA sections and
// processing instructions start and end, skipping text and attribute
// values. It stops early, returning fewer checkpoints, at anything it
// leaves to the scanner: a DOCTYPE with an internal subset, markup it does
// not know, '<' in a tag, the depth limit, the end of the root element, or
// input that ends inside markup. Whatever it stops at, the conversion of
// the last part meets it with the full scanner. stk is scratch space,
// returned for reuse.
func splitXML(doc []byte, parts, maxDepth int, cps []xmlCheckpoint, stk []int) ([]xmlCheckpoint, []int) {
	stk = stk[:0]
	if parts < 2 {
		return cps, stk
	}
	step := len(doc) / parts
	want := step
	pos := 0
	cand := -1 // just after an end tag, where a sibling may follow
	root := false
	for len(cps) < parts-1 {
		i := bytes.IndexByte(doc[pos:], '<')
		if i < 0 || pos+i+1 >= len(doc) {
			return cps, stk
		}
		lt := pos + i
		switch c := doc[lt+1]; {
		case c == '/': // end tag
			gt := bytes.IndexByte(doc[lt:], '>')
			if gt < 0 || len(stk) <= 1 {
				return cps, stk // the root ends: no part starts after it
			}
			stk = stk[:len(stk)-1]
			pos = lt + gt + 1
			cand = pos
		case c == '?': // processing instruction
			end := bytes.Index(doc[lt:], []byte("?>"))
			if end < 0 {
				return cps, stk
			}
			pos = lt + end + 2
		case c == '!':
			rest := doc[lt:]
			switch {
			case bytes.HasPrefix(rest, []byte("<!--")):
				end := bytes.Index(rest[4:], []byte("-->"))
				if end < 0 {
					return cps, stk
				}
				pos = lt + 4 + end + 3
			case bytes.HasPrefix(rest, []byte("<![CDATA[")) && root:
				end := bytes.Index(rest[9:], []byte("]]>"))
				if end < 0 {
					return cps, stk
				}
				pos = lt + 9 + end + 3
				cand = -1
			case bytes.HasPrefix(rest, []byte("<!DOCTYPE")) && !root:
				gt := tagEnd(doc, lt+9)
				if gt < 0 || bytes.IndexByte(doc[lt:gt], '[') >= 0 {
					return cps, stk
				}
				pos = gt + 1
			default:
				return cps, stk
			}
		default: // start tag
			if root && len(stk) == 0 {
				return cps, stk
			}
			gt := tagEnd(doc, lt+1)
			if gt < 0 || len(stk) >= maxDepth {
				return cps, stk
			}
			if cand >= want && xmltext.Whitespace(doc[cand:lt]) {
				cps = append(cps, xmlCheckpoint{pos: cand, starts: append([]int(nil), stk...)})
				want = cand + step
			}
			root = true
			pos = gt + 1
			if doc[gt-1] == '/' { // an empty-element tag
				// No part starts after it: the reader reads its end
				// only with the next token, so a part before would stop
				// with the element still open.
				cand = -1
				continue
			}
			stk = append(stk, lt)
			cand = -1
		}
	}
	return cps, stk
}

// tagEnd returns the offset of the '>' that ends the tag whose name or
// keyword starts before i, skipping quoted values; -1 when the input ends
// first or a '<' comes first.
func tagEnd(doc []byte, i int) int {
	for i < len(doc) {
		switch doc[i] {
		case '>':
			return i
		case '<':
			return -1
		case '"', '\'':
			q := bytes.IndexByte(doc[i+1:], doc[i])
			if q < 0 {
				return -1
			}
			i += q + 2
			continue
		}
		i++
	}
	return -1
}
