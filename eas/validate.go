package eas

import (
	"errors"
	"io"
	"strconv"
	"strings"
	"sync"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/version"
	"github.com/easkit/easkit/wbxml"
)

// MaxProblems is the number of problems a ValidationError lists; the
// problems found beyond it are only counted (ValidationError.More).
const MaxProblems = 100

// Further sentinels of Validate (see ProblemKind).
var (
	// ErrUnknownRoot: the root element starts no command message the
	// schema tables know (in the direction asked for).
	ErrUnknownRoot = errors.New("eas: not the root of a command message")

	// ErrOrder: under WithStrict, an element out of its xs:sequence order.
	ErrOrder = errors.New("eas: element out of order")
)

// A ProblemKind classifies a validation problem.
type ProblemKind uint8

// The kinds of problem Validate reports. Each matches a sentinel with
// errors.Is on the ValidationError (in parentheses).
const (
	ProblemNotAllowed ProblemKind = iota + 1 // element not allowed here (ErrUnexpected)
	ProblemMissing                           // required element missing (ErrMissing)
	ProblemTooMany                           // more occurrences than allowed (ErrDuplicate)
	ProblemContent                           // content of the wrong kind (ErrValue)
	ProblemValue                             // value outside the enumeration or range (ErrValue)
	ProblemVersion                           // not in the protocol version of WithVersion (ErrNotInVersion)
	ProblemRoot                              // unknown root element (ErrUnknownRoot)
	ProblemOrder                             // out of sequence order, WithStrict only (ErrOrder)
	ProblemSyntax                            // invalid WBXML; Err is the *wbxml.SyntaxError
)

var problemKindNames = [...]string{"", "not allowed", "missing", "too many", "wrong content", "bad value", "not in version", "unknown root", "out of order", "syntax"}

var problemSentinels = [...]error{nil, ErrUnexpected, ErrMissing, ErrDuplicate, ErrValue, ErrValue, ErrNotInVersion, ErrUnknownRoot, ErrOrder, nil}

// String returns the kind's name ("not allowed").
func (k ProblemKind) String() string {
	if int(k) < len(problemKindNames) && k != 0 {
		return problemKindNames[k]
	}
	return "ProblemKind(" + strconv.Itoa(int(k)) + ")"
}

// A Problem is one way a message breaks its command schema.
type Problem struct {
	// Offset is the byte offset in the WBXML of the element concerned
	// (its start tag); for a missing element, of its parent.
	Offset int64
	// Path is the element's path, spelled as Error.Path; for a missing
	// element, its parent's.
	Path string
	Kind ProblemKind
	Msg  string
	// Err is the *wbxml.SyntaxError of a ProblemSyntax, else nil.
	Err error
}

// String returns "offset 17: Sync/Collections: msg".
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString("offset ")
	b.WriteString(strconv.FormatInt(p.Offset, 10))
	b.WriteString(": ")
	if p.Path != "" {
		b.WriteString(p.Path)
		b.WriteString(": ")
	}
	b.WriteString(p.Msg)
	return b.String()
}

// A ValidationError lists the problems Validate found in a message.
type ValidationError struct {
	// Message is the message the problems are reported against, such as
	// "Sync response", or "" when the root is unknown.
	Message string
	// Problems lists the first MaxProblems problems, in document order.
	Problems []Problem
	// More counts the problems found beyond Problems.
	More int
}

// Error lists the problems, one a line.
func (e *ValidationError) Error() string {
	var b strings.Builder
	b.WriteString("eas: invalid")
	if e.Message != "" {
		b.WriteString(" ")
		b.WriteString(e.Message)
	} else {
		b.WriteString(" message")
	}
	n := len(e.Problems) + e.More
	b.WriteString(": ")
	b.WriteString(strconv.Itoa(n))
	if n == 1 {
		b.WriteString(" problem")
	} else {
		b.WriteString(" problems")
	}
	for _, p := range e.Problems {
		b.WriteString("\n\t")
		b.WriteString(p.String())
	}
	if e.More > 0 {
		b.WriteString("\n\t… and ")
		b.WriteString(strconv.Itoa(e.More))
		b.WriteString(" more")
	}
	return b.String()
}

// Unwrap returns the sentinel of each kind of problem listed, and the
// *wbxml.SyntaxError if there is one, so that errors.Is(err, ErrMissing)
// and errors.As(err, &syntaxErr) work.
func (e *ValidationError) Unwrap() []error {
	var out []error
	var seen [len(problemSentinels)]bool
	for _, p := range e.Problems {
		if p.Err != nil {
			out = append(out, p.Err)
		}
		if s := problemSentinels[p.Kind]; s != nil && !seen[p.Kind] {
			seen[p.Kind] = true
			if p.Kind == ProblemValue && seen[ProblemContent] || p.Kind == ProblemContent && seen[ProblemValue] {
				continue
			}
			out = append(out, s)
		}
	}
	return out
}

// Direction options. They are Option values of kinds the other functions
// of the package ignore.
const (
	optAsRequest optionKind = 100 + iota
	optAsResponse
)

// AsRequest makes Validate check a message as a command request only.
func AsRequest() Option { return Option{kind: optAsRequest} }

// AsResponse makes Validate check a message as a command response only.
func AsResponse() Option { return Option{kind: optAsResponse} }

// Validate checks the WBXML message data against the command schemas of
// [MS-ASCMD] section 6 (gen/spec/ascmd-schema.tsv) in one streaming pass,
// without building a tree, and returns nil or a *ValidationError listing
// every problem (up to MaxProblems, then a count) with its byte offset,
// element path and ProblemKind.
//
// The root element selects the command. A WBXML message does not say
// whether it is a request or a response: unless AsRequest or AsResponse
// says which, Validate accepts the message when either reading accepts it;
// otherwise it reports the reading with fewer problems (the request on a
// tie), named in ValidationError.Message.
//
// It checks which children an element may have, how many of each, xs:choice
// alternatives, the kind of content (container, empty, text, integer,
// OPAQUE, …), enumerations and ranges, and with WithVersion the protocol
// version of every tag (codepages.Tag.ValidIn) and of every occurrence the
// schema limits to some versions. Sibling order (xs:sequence) is checked
// only under WithStrict(true), since real clients vary it. Content the
// table leaves open (ApplicationData, Search Query, Properties, …) accepts
// any elements; those it lists are checked, and every tag's version is.
// Members of a repeated choice have their maximum checked, not their
// minimum.
//
// Invalid WBXML ends the pass: the *wbxml.SyntaxError is the last problem
// (ProblemSyntax, in Problem.Err). WithMaxDepth and WithMaxSize apply.
//
// Validate allocates nothing for a valid message.
func Validate(data []byte, opts ...Option) error {
	v := validatorPool.Get().(*validator)
	err := v.validate(data, opts)
	v.reset()
	v.dec.Reset(nil)
	validatorPool.Put(v)
	return err
}

var validatorPool = sync.Pool{New: func() any { return new(validator) }}

// validate runs the passes of Validate. A pass reads the message in one
// direction (request or response). The first passes stop at the first
// problem. The first one starts as a request and turns into a response at
// the root's first child when that child is in the response's root only
// (most responses start with a Status): a valid message costs one pass,
// unless the request reading fails deeper in. Only an invalid message is
// read again, in full and recording the problems' messages and paths, in
// each reading, to report the one with fewer problems.
func (v *validator) validate(data []byte, opts []Option) error {
	v.cfg.apply(opts)
	v.ver, v.strict = v.cfg.version, v.cfg.strict
	dirs := [2]uint8{0, 1}
	n := 2
	v.forced = false
	for _, o := range opts {
		switch o.kind {
		case optAsRequest:
			dirs, n, v.forced = [2]uint8{0}, 1, true
		case optAsResponse:
			dirs, n, v.forced = [2]uint8{1}, 1, true
		}
	}
	if v.run(data, dirs[0], false) == 0 {
		return nil
	}
	if n == 2 && v.run(data, 1-v.dir, false) == 0 {
		return nil
	}
	// Invalid in every reading: record the problems of each.
	var best *ValidationError
	bestTotal, bestMsg := 0, false
	for _, d := range dirs[:n] {
		total := v.run(data, d, true)
		e := v.result()
		if best == nil || (e.Message != "" && (!bestMsg || total < bestTotal)) {
			best, bestTotal, bestMsg = e, total, e.Message != ""
		}
	}
	return best
}

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

// A vframe is an open element.
type vframe struct {
	seen    uint64 // children of node seen: bit i for schemaNodes[first+i], i < 64
	offset  int64
	text    uint32 // start of the element's text in validator.text
	cbase   uint32 // start of the children's counts in validator.counts (counted)
	wbase   uint32 // start of the seen bits of children 64 and up in validator.wide
	node    uint16
	tag     codepages.Tag
	ord     uint16 // ordinal among same-tag siblings, for paths (recording only)
	runTag  codepages.Tag
	runLen  uint16
	saw     uint8
	last    uint8      // highest sequence order seen among the children
	req     uint64     // node's req
	kind    schemaKind // node's kind
	collect bool       // keep the text: the content check needs it
	counted bool       // the children's occurrences are counted in validator.counts
	parent  bool       // node has children in the schema
	wide    bool       // node has more than 64 children (bits in validator.wide)
	slow    bool       // node's nodeMissingSlow
}

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
}

// run makes a pass over data in direction dir and returns the number of
// problems found (1 at most unless record).
func (v *validator) run(data []byte, dir uint8, record bool) int {
	v.reset()
	v.dir, v.record = dir, record
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
		tok, err := v.dec.Next()
		if err != nil {
			if err != io.EOF && v.hit() {
				v.add(ProblemSyntax, syntaxOffset(err, int64(len(data))), len(v.frames), err.Error(), err)
			}
			break
		}
		switch tok.Kind {
		case wbxml.KindStartTag:
			v.start(tok)
		case wbxml.KindEndTag:
			v.end()
		case wbxml.KindString:
			if len(v.frames) > 0 && len(tok.Data) > 0 {
				f := &v.frames[len(v.frames)-1]
				if f.collect {
					f.saw |= sawText
					v.text = append(v.text, tok.Data...)
				} else if f.saw&sawText == 0 && !isSpace(tok.Data) {
					f.saw |= sawText
				}
			}
		case wbxml.KindEntity:
			if len(v.frames) > 0 {
				f := &v.frames[len(v.frames)-1]
				f.saw |= sawText
				if f.collect {
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
		if p.runTag == tag {
			p.runLen++
		} else {
			p.runTag, p.runLen = tag, 1
		}
		f.ord = p.runLen
	}
	switch p.node {
	case nodeNone:
		return
	case nodeAny:
		f.node = nodeAny
		return
	}
	// Match the element against the parent's children.
	pn := &schemaNodes[p.node]
	if pn.kind != kindContainer && pn.kind != kindAny {
		v.childInLeaf(p, pn, tok, depth+1)
		return
	}
	first, count := int(pn.first), int(pn.count)
	slot := -1
	for i, t := range schemaTags[first : first+count] {
		if t == tag {
			slot = i
			break
		}
	}
	if slot >= 0 && pn.flags&nodeBranches != 0 {
		slot = v.pickBranch(p, schemaNodes[first:first+count], slot)
	}
	if slot < 0 {
		v.unmatched(p, f, pn, tok, depth+1)
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
	if p.counted || again || v.strict || c.flags&nodeChecked != 0 {
		v.occurrence(p, f, schemaNodes[first:first+count], slot, again, tok.Offset, depth+1)
	}
	f.collect = c.flags&nodeCollect != 0
	f.kind = c.kind
	if c.count != 0 {
		v.open(f, c)
	}
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

// open prepares the frame of an element matched to node n for its
// content.
func (v *validator) open(f *vframe, n *schemaNode) {
	f.collect = n.flags&nodeCollect != 0
	f.kind = n.kind
	if n.count == 0 {
		return
	}
	f.parent = true
	f.req = n.req
	f.slow = n.flags&nodeMissingSlow != 0
	if v.record || n.flags&nodeCounted != 0 {
		f.counted = true
		f.cbase = uint32(len(v.counts))
		v.counts = append(v.counts, make([]uint8, n.count)...) // the compiler clears in place
	}
	if n.count > 64 {
		f.wide = true
		f.wbase = uint32(len(v.wide))
		v.wide = append(v.wide, make([]uint64, (n.count-1)/64)...)
	}
}

// seenChild reports whether the parent frame p has had its child i.
func (v *validator) seenChild(p *vframe, i int) bool {
	if i < 64 {
		return p.seen>>uint(i)&1 != 0
	}
	return v.wide[int(p.wbase)+i/64-1]>>uint(i%64)&1 != 0
}

// childInLeaf reports a child element in an element that holds no
// elements (node pn).
func (v *validator) childInLeaf(p *vframe, pn *schemaNode, tok *wbxml.Token, depth int) {
	if !v.hit() {
		return
	}
	if pn.kind == kindEmpty {
		v.add(ProblemContent, tok.Offset, depth, "child element in "+pathName(p.tag)+", which must be empty", nil)
	} else {
		v.add(ProblemContent, tok.Offset, depth, "child element in "+pathName(p.tag)+", which holds "+kindNames[pn.kind], nil)
	}
}

// unmatched handles an element f that none of its parent's children
// (node pn) match: open content, the turn to the response reading at the
// root's first child, or a problem.
func (v *validator) unmatched(p, f *vframe, pn *schemaNode, tok *wbxml.Token, depth int) {
	if v.other != 0 && depth == 2 && v.total == 0 && v.turn(p) {
		v.frames = v.frames[:depth-1]
		v.start(tok)
		return
	}
	if pn.kind == kindAny {
		f.node = nodeAny
		return
	}
	if v.hit() {
		v.add(ProblemNotAllowed, tok.Offset, depth, pathName(f.tag)+" is not allowed in "+pathName(p.tag), nil)
	}
}

// occurrence checks the occurrence of the child slot of p's node in
// frame f (again: not the first) beyond its being allowed: the version,
// the maximum, choice alternatives and, under WithStrict, the order.
func (v *validator) occurrence(p, f *vframe, cs []schemaNode, slot int, again bool, offset int64, depth int) {
	c := &cs[slot]
	cnt := 1
	if again {
		cnt = 2
	}
	if p.counted {
		k := &v.counts[int(p.cbase)+slot]
		if *k < 255 {
			*k++
		}
		cnt = int(*k)
		f.ord = uint16(cnt)
	}
	if (c.since != 0 || c.until != 0) && !c.inVersion(v.ver) && (v.ver == 0 || f.tag.ValidIn(v.ver)) {
		if v.hit() {
			v.add(ProblemVersion, offset, depth, pathName(f.tag)+" is in a "+schemaMessages[v.msg-1].name+" "+versionSpan(c)+", not in "+v.ver.String(), nil)
		}
	}
	if c.max != unbounded && (c.max == 1 && again && (!p.counted || cnt == 2) || p.counted && cnt == int(c.max)+1) {
		if v.hit() {
			v.add(ProblemTooMany, offset, depth, pathName(f.tag)+" occurs more than "+times(int(c.max)), nil)
		}
	}
	if c.excl&p.seen != 0 && !again {
		if v.hit() {
			for i := range cs {
				if i < 64 && c.excl>>uint(i)&1 != 0 && p.seen>>uint(i)&1 != 0 {
					v.add(ProblemNotAllowed, offset, depth, pathName(f.tag)+" is not allowed with "+pathName(cs[i].tag)+" (alternatives of one choice)", nil)
					break
				}
			}
		}
	}
	if v.strict && c.order != 0 {
		if c.order < p.last {
			if v.hit() {
				v.add(ProblemOrder, offset, depth, pathName(f.tag)+" comes too late: the sequence puts it earlier", nil)
			}
		} else {
			p.last = c.order
		}
	}
}

// turn makes the pass a response reading, at the first child of the root
// p when the request's root does not have it: the state of the two
// readings is the same until then. It reports whether it turned: not when
// the response's root lacks the child too.
func (v *validator) turn(p *vframe) bool {
	msg := v.other
	v.other = 0
	rn := &schemaNodes[schemaMessages[msg-1].root]
	tag := v.frames[len(v.frames)-1].tag
	for _, t := range schemaTags[rn.first : int(rn.first)+int(rn.count)] {
		if t == tag {
			v.dir, v.msg = 1, msg
			p.node = schemaMessages[msg-1].root
			v.counts = v.counts[:0]
			v.wide = v.wide[:0]
			p.counted, p.parent, p.wide = false, false, false
			v.open(p, rn)
			return true
		}
	}
	return false
}

// pickBranch chooses among the children cs of a choice of sequences the
// occurrence of the tag first found at slot: a tag in several branches
// goes to the branch already taken, else to one in the version.
func (v *validator) pickBranch(p *vframe, cs []schemaNode, slot int) int {
	if cs[slot].branch == 0 {
		return slot
	}
	for i := slot + 1; i < len(cs); i++ {
		c := &cs[i]
		if c.tag != cs[slot].tag {
			continue
		}
		if v.branchTaken(p, cs, c) || (!v.branchTaken(p, cs, &cs[slot]) && !cs[slot].inVersion(v.ver) && c.inVersion(v.ver)) {
			slot = i
		}
	}
	return slot
}

// branchTaken reports whether a member of c's branch is among p's children.
func (v *validator) branchTaken(p *vframe, cs []schemaNode, c *schemaNode) bool {
	for i := range cs {
		if o := &cs[i]; o.group == c.group && o.branch == c.branch && v.seenChild(p, i) {
			return true
		}
	}
	return false
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
		if f.collect || f.saw&(sawText|sawOpaque) != 0 && f.kind != kindText && f.kind != kindAny {
			v.checkContent(f, &schemaNodes[f.node], depth)
		}
		if f.parent {
			if f.seen&f.req != f.req || f.slow {
				v.checkMissing(f, &schemaNodes[f.node], depth)
			}
			if f.counted {
				v.counts = v.counts[:f.cbase]
			}
			if f.wide {
				v.wide = v.wide[:f.wbase]
			}
		}
	}
	v.text = v.text[:f.text]
	v.frames = v.frames[:depth-1]
}

func (v *validator) checkContent(f *vframe, n *schemaNode, depth int) {
	text := v.text[f.text:]
	switch n.kind {
	case kindAny:
		return
	case kindContainer:
		if f.saw&(sawText|sawOpaque) != 0 {
			if v.hit() {
				v.add(ProblemContent, f.offset, depth, "text in an element that holds elements", nil)
			}
		}
		return
	case kindEmpty:
		if f.saw&(sawText|sawOpaque) != 0 {
			if v.hit() {
				v.add(ProblemContent, f.offset, depth, "content in an element that must be empty", nil)
			}
		}
		return
	case kindOpaque:
		if f.saw&sawText != 0 {
			if v.hit() {
				v.add(ProblemContent, f.offset, depth, "text where OPAQUE data is expected", nil)
			}
		}
		return
	case kindText, kindBase64:
		if n.kind == kindBase64 && f.saw&sawOpaque == 0 && !isBase64(text) {
			if v.hit() {
				v.add(ProblemValue, f.offset, depth, "not base64 text", nil)
			}
			return
		}
	case kindBoolean01:
		if f.saw&sawOpaque != 0 {
			if v.hit() {
				v.add(ProblemContent, f.offset, depth, "OPAQUE data where 0 or 1 is expected", nil)
			}
			return
		}
		if f.saw&sawText != 0 && len(text) > 0 && !(len(text) == 1 && (text[0] == '0' || text[0] == '1')) {
			if v.hit() {
				v.add(ProblemValue, f.offset, depth, strconv.Quote(string(text))+" is not 0 or 1", nil)
			}
			return
		}
		return
	case kindDatetime, kindCompactdatetime:
		if f.saw&sawOpaque != 0 {
			if v.hit() {
				v.add(ProblemContent, f.offset, depth, "OPAQUE data where a date-time is expected", nil)
			}
			return
		}
		ok := isDateTime(text)
		if n.kind == kindCompactdatetime {
			ok = isCompactDateTime(text)
		}
		if !ok {
			if v.hit() {
				v.add(ProblemValue, f.offset, depth, strconv.Quote(string(text))+" is not "+kindNames[n.kind], nil)
			}
		}
		return
	default: // integers
		if f.saw&sawOpaque != 0 {
			if v.hit() {
				v.add(ProblemContent, f.offset, depth, "OPAQUE data where "+kindNames[n.kind]+" is expected", nil)
			}
			return
		}
		if len(text) == 0 && (n.kind == kindUnsignedByteOrEmpty || n.kind == kindUnsignedIntOrEmpty) {
			return
		}
		x, ok := parseInt(text)
		if !ok {
			if v.hit() {
				v.add(ProblemContent, f.offset, depth, strconv.Quote(string(text))+" is not "+kindNames[n.kind], nil)
			}
			return
		}
		var lo, hi int64 = -1 << 62, 1 << 62
		switch n.kind {
		case kindUnsignedByte, kindUnsignedByteOrEmpty:
			lo, hi = 0, 255
		case kindUnsignedShort:
			lo, hi = 0, 65535
		case kindUnsignedInt, kindUnsignedIntOrEmpty:
			lo, hi = 0, 1<<32-1
		}
		if x < lo || x > hi {
			if v.hit() {
				v.add(ProblemValue, f.offset, depth, strconv.FormatInt(x, 10)+" is out of the range of "+kindNames[n.kind], nil)
			}
			return
		}
		if n.flags&nodeRange != 0 && (x < int64(n.lo) || x > int64(n.hi)) {
			if v.hit() {
				v.add(ProblemValue, f.offset, depth, strconv.FormatInt(x, 10)+" is outside "+strconv.Itoa(int(n.lo))+".."+strconv.Itoa(int(n.hi)), nil)
			}
			return
		}
	}
	if n.nenum > 0 && f.saw&sawOpaque == 0 {
		for _, e := range schemaEnums[n.enum : n.enum+uint16(n.nenum)] {
			if e == string(text) {
				return
			}
		}
		if v.hit() {
			v.add(ProblemValue, f.offset, depth, strconv.Quote(string(text))+" is not one of "+strings.Join(schemaEnums[n.enum:n.enum+uint16(n.nenum)], ", "), nil)
		}
	}
}

// occurs returns how often f has had its child i (capped at 255; 0 or 1
// where the occurrences are not counted).
func (v *validator) occurs(f *vframe, i int) int {
	if f.counted {
		return int(v.counts[int(f.cbase)+i])
	}
	if v.seenChild(f, i) {
		return 1
	}
	return 0
}

func (v *validator) checkMissing(f *vframe, n *schemaNode, depth int) {
	cs := schemaNodes[n.first : int(n.first)+int(n.count)]
	var groupSeen [5]bool
	var groupBranch [5]uint8
	for i := range cs {
		if c := &cs[i]; c.group != 0 && v.seenChild(f, i) {
			groupSeen[c.group] = true
			groupBranch[c.group] = c.branch
		}
	}
	var groupDone [5]bool
	for i := range cs {
		c := &cs[i]
		if c.min == 0 || v.occurs(f, i) >= int(c.min) || !c.inVersion(v.ver) {
			continue
		}
		switch {
		case c.group == 0:
			if v.hit() {
				v.add(ProblemMissing, f.offset, depth, "required "+pathName(c.tag)+" missing", nil)
			}
		case c.flags&nodeRepeated != 0:
		case c.branch != 0:
			b := groupBranch[c.group]
			if !groupSeen[c.group] {
				// No branch taken: report the first in the version.
				if groupDone[c.group] {
					continue
				}
				b = c.branch
				groupBranch[c.group] = b
				groupSeen[c.group] = true
			}
			if c.branch == b {
				if v.hit() {
					v.add(ProblemMissing, f.offset, depth, "required "+pathName(c.tag)+" missing", nil)
				}
			}
		default:
			if groupSeen[c.group] || groupDone[c.group] {
				continue
			}
			groupDone[c.group] = true
			if v.choiceRequired(cs, c.group) {
				if v.hit() {
					v.add(ProblemMissing, f.offset, depth, "one of "+v.choiceNames(cs, c.group)+" required", nil)
				}
			}
		}
		if v.stop {
			return
		}
	}
}

// choiceRequired reports whether every member of the choice group must be
// taken on its own (all have min ≥ 1): then the choice is required.
func (v *validator) choiceRequired(cs []schemaNode, g uint8) bool {
	for i := range cs {
		if c := &cs[i]; c.group == g && c.inVersion(v.ver) && c.min == 0 {
			return false
		}
	}
	return true
}

func (v *validator) choiceNames(cs []schemaNode, g uint8) string {
	var names []string
	for i := range cs {
		if c := &cs[i]; c.group == g && c.inVersion(v.ver) {
			names = append(names, pathName(c.tag))
		}
	}
	return strings.Join(names, ", ")
}

// hit counts a problem and reports whether to record it (with its
// message and path): only when recording, and while under MaxProblems.
// Otherwise the pass stops.
func (v *validator) hit() bool {
	v.total++
	if !v.record {
		v.stop = true
		return false
	}
	return len(v.probs) < MaxProblems
}

// add records a problem at the element path of the first depth frames.
func (v *validator) add(kind ProblemKind, offset int64, depth int, msg string, err error) {
	v.probs = append(v.probs, Problem{Offset: offset, Path: v.path(depth), Kind: kind, Msg: msg, Err: err})
}

func (v *validator) path(depth int) string {
	var b strings.Builder
	for i := range min(depth, len(v.frames)) {
		f := &v.frames[i]
		if i > 0 {
			b.WriteByte('/')
		}
		var parent codepages.Tag
		if i > 0 {
			parent = v.frames[i-1].tag
		}
		writePathName(&b, f.tag, parent)
		if f.ord > 1 {
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(int(f.ord)))
			b.WriteByte(']')
		}
	}
	return b.String()
}

// result returns the problems of the last recording pass.
func (v *validator) result() *ValidationError {
	e := &ValidationError{Problems: append([]Problem(nil), v.probs...)}
	if v.msg != 0 {
		e.Message = schemaMessages[v.msg-1].name
	}
	e.More = v.total - len(e.Problems)
	return e
}

// pathName is a tag's name in messages: "SyncKey", or "Page:Name" for
// tags the code pages do not define.
func pathName(t codepages.Tag) string {
	if n := t.Name(); n != "" {
		return n
	}
	return t.String()
}

func versionSpan(n *schemaNode) string {
	switch {
	case n.since != 0 && n.until != 0:
		return "only in " + n.since.String() + " to " + n.until.String()
	case n.since != 0:
		return "only from " + n.since.String()
	case n.until != 0:
		return "only up to " + n.until.String()
	}
	return "in every version"
}

func times(n int) string {
	switch n {
	case 1:
		return "once"
	case 2:
		return "twice"
	}
	return strconv.Itoa(n) + " times"
}

func isSpace(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\r' && c != '\n' {
			return false
		}
	}
	return true
}

func appendRune(dst []byte, r rune) []byte {
	var buf [4]byte
	n := copy(buf[:], string(r))
	return append(dst, buf[:n]...)
}

// parseInt reads an optionally signed decimal integer of at most 18
// digits.
func parseInt(b []byte) (int64, bool) {
	neg := false
	if len(b) > 0 && (b[0] == '-' || b[0] == '+') {
		neg = b[0] == '-'
		b = b[1:]
	}
	if len(b) == 0 || len(b) > 18 {
		return 0, false
	}
	var x int64
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		x = x*10 + int64(c-'0')
	}
	if neg {
		x = -x
	}
	return x, true
}

func digits(b []byte) bool {
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// isDateTime accepts 2009-11-12T09:30:00, with optional fractional
// seconds and an optional Z.
func isDateTime(b []byte) bool {
	if len(b) < 19 || !digits(b[0:4]) || b[4] != '-' || !digits(b[5:7]) || b[7] != '-' || !digits(b[8:10]) ||
		b[10] != 'T' || !digits(b[11:13]) || b[13] != ':' || !digits(b[14:16]) || b[16] != ':' || !digits(b[17:19]) {
		return false
	}
	rest := b[19:]
	if len(rest) > 0 && rest[0] == '.' {
		i := 1
		for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
			i++
		}
		if i == 1 {
			return false
		}
		rest = rest[i:]
	}
	return len(rest) == 0 || (len(rest) == 1 && rest[0] == 'Z')
}

// isCompactDateTime accepts 20091112T093000Z (the Z optional).
func isCompactDateTime(b []byte) bool {
	if len(b) == 16 && b[15] == 'Z' {
		b = b[:15]
	}
	return len(b) == 15 && digits(b[0:8]) && b[8] == 'T' && digits(b[9:15])
}

func isBase64(b []byte) bool {
	for _, c := range b {
		switch {
		case c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '+', c == '/', c == '=', c == '-', c == '_', c == '\r', c == '\n', c == ' ':
		default:
			return false
		}
	}
	return true
}
