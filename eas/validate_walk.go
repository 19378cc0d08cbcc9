package eas

import (
	"errors"
	"io"
	"strconv"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/version"
	"github.com/easkit/easkit/wbxml"
)

// The streaming walk of Validate: one pass over the tokens with a stack
// of open elements (vframe), in one reading (request or response).

// Node values of a frame besides schemaNodes indexes.
const (
	nodeNone uint16 = 0      // no schema applies (inside an element not allowed)
	nodeAny  uint16 = 0xFFFF // inside content the schema leaves open
)

// Content seen in an element.
const (
	sawText   = 1 << iota // a non-empty string or entity
	sawOpaque             // OPAQUE data
	sawOther              // an extension token or attributes
)

// A vframe is an open element. Besides the state of its content, it
// holds what matching its children needs of its node (first, own, union,
// look and bits), so that a child's start reads no schemaNodes entry but
// the child's.
type vframe struct {
	seen   uint64 // children of node seen: bit i for schemaNodes[first+i], i < 64
	req    uint64 // node's req
	offset int64
	text   uint32 // start of the element's text in validator.text
	inAt   uint32 // with inLen: the element's text is data[inAt:inAt+inLen], not copied
	inLen  uint32
	cbase  uint32 // start of the children's counts in validator.counts (fCounted)
	wbase  uint32 // start of the seen bits of children 64 and up in validator.wide (fWide)
	node   uint16
	tag    codepages.Tag
	ord    uint16 // ordinal among same-tag siblings, for paths (recording only)
	runTag codepages.Tag
	runLen uint16
	first  uint16     // node's first child
	look   uint16     // node's schemaLookup row
	saw    uint8      // content seen: sawText, …
	last   uint8      // highest sequence order seen among the children
	kind   schemaKind // node's kind
	own    uint8      // node's own children (before a union's)
	union  uint8      // node's union
	bits   uint8      // fCollect, …
}

// Bits of a vframe.
const (
	fCollect  = 1 << iota // keep the text: the content check needs it
	fCounted              // the children's occurrences are counted in validator.counts
	fParent               // node has children in the schema
	fWide                 // node has more than 64 children (bits in validator.wide)
	fSlow                 // node's nodeMissingSlow
	fBranches             // node's nodeBranches
)

type validator struct {
	dec    wbxml.Decoder
	dopts  [4]wbxml.Option
	decCfg config // the options dec was last reset with
	decSet bool
	cfg    config
	strict bool
	forced bool // AsRequest or AsResponse
	ver    version.Version
	dir    uint8 // 0 request, 1 response
	msg    int   // schemaMessages index + 1 (0: none)
	other  int   // the other direction's message, while the pass may turn to it
	frames []vframe
	counts []uint8
	wide   []uint64
	text   []byte
	data   []byte // the message of the pass

	record bool // record the problems (else stop at the first)
	stop   bool
	total  int
	probs  []Problem
}

func (v *validator) reset() {
	v.frames = v.frames[:0]
	v.counts = v.counts[:0]
	v.wide = v.wide[:0]
	v.text = v.text[:0]
	clear(v.probs)
	v.probs = v.probs[:0]
	v.record, v.stop, v.total, v.msg, v.other = false, false, 0, 0, 0
	v.data = nil
}

// run makes a pass over data in direction dir and returns the number of
// problems found (1 at most unless record).
func (v *validator) run(data []byte, dir uint8, record bool) int {
	v.reset()
	v.dir, v.record, v.data = dir, record, data
	if !v.decSet || v.decCfg != v.cfg {
		d := v.dopts[:0]
		d = append(d, wbxml.WithVocabulary(codepages.ActiveSync), wbxml.WithStrict(false),
			wbxml.WithMaxDepth(v.cfg.maxDepth), wbxml.WithMaxSize(v.cfg.maxSize))
		v.dec.Reset(data, d...)
		v.decCfg, v.decSet = v.cfg, true
	} else {
		v.dec.Reset(data)
	}
	for !v.stop {
		var tok *wbxml.Token
		var err error
		if readLeaves {
			tok, err = v.dec.NextLeaf()
		} else {
			tok, err = v.dec.Next()
		}
		if err != nil {
			if err != io.EOF && v.hit() {
				v.add(ProblemSyntax, syntaxOffset(err, int64(len(data))), len(v.frames), err.Error(), err)
			}
			break
		}
		switch tok.Kind {
		case wbxml.KindLeaf:
			// A whole element of one inline string or none: its start, its
			// text pointed at in the input, and its end.
			v.start(tok)
			if v.stop {
				break
			}
			f := &v.frames[len(v.frames)-1]
			if len(tok.Data) > 0 {
				if f.bits&fCollect != 0 {
					f.saw |= sawText
					v.collectText(f, tok.Data, tok.Offset+2, true)
				} else if !isSpace(tok.Data) {
					f.saw |= sawText
				}
			}
			v.endLeaf(f)
		case wbxml.KindStartTag:
			v.start(tok)
		case wbxml.KindEndTag:
			if n := len(v.frames); n > 0 {
				v.endLeaf(&v.frames[n-1])
			}
		case wbxml.KindString:
			if len(v.frames) > 0 && len(tok.Data) > 0 {
				f := &v.frames[len(v.frames)-1]
				if f.bits&fCollect != 0 {
					f.saw |= sawText
					v.collectText(f, tok.Data, tok.Offset+1, tok.Form == wbxml.FormInline)
				} else if f.saw&sawText == 0 && !isSpace(tok.Data) {
					f.saw |= sawText
				}
			}
		case wbxml.KindEntity:
			if len(v.frames) > 0 {
				f := &v.frames[len(v.frames)-1]
				f.saw |= sawText
				if f.bits&fCollect != 0 {
					v.spill(f)
					v.text = appendRune(v.text, rune(tok.Value))
				}
			}
		case wbxml.KindOpaque:
			if len(v.frames) > 0 {
				v.frames[len(v.frames)-1].saw |= sawOpaque
			}
		case wbxml.KindExt, wbxml.KindAttrStart:
			if len(v.frames) > 0 {
				f := &v.frames[len(v.frames)-1]
				if f.saw&sawOther == 0 {
					f.saw |= sawOther
					what := "an extension token"
					if tok.Kind == wbxml.KindAttrStart {
						what = "attributes"
					}
					if v.hit() {
						v.add(ProblemContent, tok.Offset, len(v.frames), what+" (ActiveSync uses none)", nil)
					}
				}
			}
		}
	}
	return v.total
}

// endLeaf ends the innermost element f, inline where it is a text leaf
// with nothing to check (the common end).
func (v *validator) endLeaf(f *vframe) {
	if f.bits&(fCollect|fParent) == 0 && (f.kind == kindText || f.node == nodeNone || f.node == nodeAny) {
		v.text = v.text[:f.text]
		v.frames = v.frames[:len(v.frames)-1]
		return
	}
	v.end()
}

// collectText keeps text, a string's bytes, in frame f that collects
// its text. An element's text is most often one inline string (inline),
// the input's own bytes at offset at: then it is only pointed at; else
// copied.
func (v *validator) collectText(f *vframe, text []byte, at int64, inline bool) {
	if f.inLen == 0 && len(v.text) == int(f.text) && inline {
		if at > 0 && at+int64(len(text)) <= int64(len(v.data)) && &v.data[at] == &text[0] {
			f.inAt, f.inLen = uint32(at), uint32(len(text))
			return
		}
	}
	v.spill(f)
	v.text = append(v.text, text...)
}

// spill copies the text f points at in the input to validator.text, before
// more text is added.
func (v *validator) spill(f *vframe) {
	if f.inLen != 0 {
		v.text = append(v.text, v.data[f.inAt:f.inAt+f.inLen]...)
		f.inLen = 0
	}
}

// textOf returns the text collected in frame f.
func (v *validator) textOf(f *vframe) []byte {
	if f.inLen != 0 {
		return v.data[f.inAt : f.inAt+f.inLen]
	}
	return v.text[f.text:]
}

// syntaxOffset returns the offset of a decoder error, within the input.
func syntaxOffset(err error, size int64) int64 {
	var se *wbxml.SyntaxError
	if errors.As(err, &se) {
		return min(max(se.Offset, 0), size)
	}
	return 0
}

func (v *validator) start(tok *wbxml.Token) {
	var tag codepages.Tag
	if !tok.Literal {
		// Two byte loads: the compiler would make page<<8 | code one
		// 16-bit load, which the decoder's byte stores just before
		// cannot forward to (a stall of a dozen cycles per element).
		tag = codepages.Tag(tok.Page)*256 + codepages.Tag(tok.Code)
	}
	depth := len(v.frames)
	if depth == cap(v.frames) {
		v.frames = append(v.frames, vframe{})
	} else {
		v.frames = v.frames[:depth+1]
	}
	f := &v.frames[depth]
	*f = vframe{tag: tag, offset: tok.Offset, ord: 1, text: uint32(len(v.text))}
	if tok.Literal || tok.Unknown || v.ver != 0 && !tag.ValidIn(v.ver) {
		v.tagProblem(tok, tag, depth)
	}
	if depth == 0 {
		v.root(f, tok)
		return
	}
	p := &v.frames[depth-1]
	if v.record {
		runLength(p, f)
	}
	switch p.node {
	case nodeNone:
		return
	case nodeAny:
		f.node = nodeAny
		return
	}
	// Match the element against the parent's children.
	if p.kind != kindContainer && p.kind != kindAny && p.kind != kindAppdata && p.kind != kindMixed {
		v.childInLeaf(p, &schemaNodes[p.node], tok, depth+1)
		return
	}
	first := int(p.first)
	slot := -1
	if e := schemaLookup[p.look][tag&63]; e == lookupSearch {
		slot = searchTag(schemaTags[first:first+int(p.own)], tag)
	} else if e != 0 && schemaTags[first+int(e)-1] == tag {
		slot = int(e) - 1
	}
	if slot < 0 && p.union != 0 {
		slot = unionSlot(p.union, int(p.own), tag)
	}
	if slot >= 0 && p.bits&fBranches != 0 {
		slot = v.pickBranch(p, v.children(p), slot)
	}
	if slot < 0 {
		v.unmatched(p, f, &schemaNodes[p.node], tok, depth+1)
		return
	}
	v.other = 0
	c := &schemaNodes[first+slot]
	f.node = uint16(first + slot)
	// Occurrences: the seen bit, and the count where one is kept.
	var again bool
	if slot < 64 {
		bit := uint64(1) << uint(slot)
		again = p.seen&bit != 0
		p.seen |= bit
	} else {
		w := &v.wide[int(p.wbase)+slot/64-1]
		bit := uint64(1) << uint(slot%64)
		again = *w&bit != 0
		*w |= bit
	}
	if p.bits&fCounted != 0 || again || v.strict || c.flags&nodeChecked != 0 && (v.ver != 0 || c.excl&p.seen != 0) {
		v.occurrence(p, f, v.children(p), slot, again, tok.Offset, depth+1)
	}
	v.open(f, c)
}

// searchTag returns the position of tag in tags, or -1.
func searchTag(tags []codepages.Tag, tag codepages.Tag) int {
	for i, t := range tags {
		if t == tag {
			return i
		}
	}
	return -1
}

// runLength numbers f among the run of same-tag siblings under p, for
// the paths of recorded problems.
func runLength(p, f *vframe) {
	if p.runTag == f.tag {
		p.runLen++
	} else {
		p.runTag, p.runLen = f.tag, 1
	}
	f.ord = p.runLen
}

// tagProblem reports a LITERAL tag, a tag the code pages lack, or one not
// in the protocol version.
func (v *validator) tagProblem(tok *wbxml.Token, tag codepages.Tag, depth int) {
	if !v.hit() {
		return
	}
	switch {
	case tok.Literal:
		v.add(ProblemNotAllowed, tok.Offset, depth+1, "a LITERAL tag "+strconv.Quote(string(tok.Data))+" (ActiveSync uses none)", nil)
	case tok.Unknown:
		v.add(ProblemNotAllowed, tok.Offset, depth+1, tag.String()+" is not in the code pages", nil)
	default:
		v.add(ProblemVersion, tok.Offset, depth+1, tag.String()+" is not in protocol "+v.ver.String(), nil)
	}
}

// root selects the message of the root element f.
func (v *validator) root(f *vframe, tok *wbxml.Token) {
	req, resp := schemaRoot(f.tag)
	if tok.Literal || tok.Unknown {
		req, resp = 0, 0
	}
	v.msg = int(req)
	if v.dir == 1 {
		v.msg = int(resp)
	}
	if !v.forced && !v.record && v.dir == 0 && v.total == 0 {
		v.other = int(resp)
	}
	if v.msg == 0 {
		what := "a command message"
		if v.forced && v.dir == 0 {
			what = "a command request"
		} else if v.forced {
			what = "a command response"
		}
		if v.hit() {
			v.add(ProblemRoot, tok.Offset, 1, f.tag.String()+" is not the root of "+what, nil)
		}
		return
	}
	f.node = schemaMessages[v.msg-1].root
	v.open(f, &schemaNodes[f.node])
}

func (v *validator) end() {
	depth := len(v.frames)
	if depth == 0 {
		return
	}
	f := &v.frames[depth-1]
	if f.node != nodeNone && f.node != nodeAny {
		// Text and open content hold anything but for an enumeration
		// (collect); containers, empty and OPAQUE elements only fail
		// with text or OPAQUE data in them.
		if f.bits&fCollect != 0 || f.saw&(sawText|sawOpaque) != 0 && f.kind != kindText && f.kind != kindAny {
			v.checkContent(f, &schemaNodes[f.node], depth)
		}
		if f.bits&fParent != 0 {
			if f.seen&f.req != f.req || f.bits&fSlow != 0 {
				v.checkMissing(f, &schemaNodes[f.node], depth)
			}
			if f.bits&fCounted != 0 {
				v.counts = v.counts[:f.cbase]
			}
			if f.bits&fWide != 0 {
				v.wide = v.wide[:f.wbase]
			}
		}
	}
	v.text = v.text[:f.text]
	v.frames = v.frames[:depth-1]
}
