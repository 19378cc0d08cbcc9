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
// says which, Validate checks both readings at once and accepts the
// message when either accepts it; otherwise it reports the reading with
// fewer problems (the request on a tie), named in ValidationError.Message.
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
	v.drop = true
	d := v.run(data, opts)
	if d >= 0 && v.dropped {
		// Both readings fail: count the problems of each.
		v.reset()
		v.drop = false
		d = v.run(data, opts)
	}
	v.drop = false
	var err error
	if d >= 0 {
		// Invalid: validate again in the reading reported, this time
		// recording the problems' messages and paths.
		v.reset()
		v.record, v.only = true, d
		v.run(data, opts)
		err = v.result(d)
	}
	v.reset()
	v.record = false
	validatorPool.Put(v)
	return err
}

var validatorPool = sync.Pool{New: func() any { return new(validator) }}

// Node values of a frame besides schemaNodes indexes.
const (
	nodeNone uint16 = 0      // no schema applies (inside an element not allowed)
	nodeAny  uint16 = 0xFFFF // inside content the schema leaves open
)

// Content seen in an element.
const (
	sawText   = 1 << iota // a non-empty string or entity
	sawOpaque             // OPAQUE data
	sawChild              // a child element
	sawOther              // an extension token or attributes
)

type vframe struct {
	tag     codepages.Tag
	offset  int64
	ord     uint16 // ordinal among same-tag siblings, for paths
	saw     uint8
	text    uint32 // start of the element's text in validator.text
	node    [2]uint16
	cbase   [2]uint32 // start of the children's counts in validator.counts[d]
	last    [2]uint8  // highest sequence order seen among the children
	runTag  codepages.Tag
	runLen  uint16
	collect bool
}

type validator struct {
	dec    wbxml.Decoder
	dopts  [4]wbxml.Option
	cfg    config
	strict bool
	ver    version.Version
	msg    [2]int // schemaMessages index + 1 per direction (0: inactive)
	frames []vframe
	counts [2][]uint8
	text   []byte

	probs  []vprob
	total  [2]int
	stored [2]int
	record bool // second pass: record the problems of direction only
	only   int

	// First pass: once one reading has a problem and the other none, the
	// failing one is dropped (most messages fit one reading, and checking
	// one costs half). A message that then fails the other reading too is
	// checked again in both, to report the one with fewer problems.
	drop    bool
	dropped bool
}

type vprob struct {
	Problem
	mask uint8
}

func (v *validator) reset() {
	v.frames = v.frames[:0]
	v.counts[0] = v.counts[0][:0]
	v.counts[1] = v.counts[1][:0]
	v.text = v.text[:0]
	clear(v.probs)
	v.probs = v.probs[:0]
	v.total = [2]int{}
	v.stored = [2]int{}
	v.msg = [2]int{}
	v.dropped = false
	v.dec.Reset(nil)
}

// run makes a pass over data and returns the direction to report (0
// request, 1 response), or -1 when the message is valid.
func (v *validator) run(data []byte, opts []Option) int {
	v.cfg.apply(opts)
	v.ver = v.cfg.version
	v.strict = v.cfg.strict
	var asReq, asResp bool
	for _, o := range opts {
		switch o.kind {
		case optAsRequest:
			asReq, asResp = true, false
		case optAsResponse:
			asReq, asResp = false, true
		}
	}
	d := v.dopts[:0]
	d = append(d, wbxml.WithVocabulary(codepages.ActiveSync), wbxml.WithStrict(false),
		wbxml.WithMaxDepth(v.cfg.maxDepth), wbxml.WithMaxSize(v.cfg.maxSize))
	v.dec.Reset(data, d...)
	for {
		tok, err := v.dec.Next()
		if err != nil {
			if err == io.EOF {
				break
			}
			if v.hit(3) {
				v.add(3, ProblemSyntax, syntaxOffset(err, int64(len(data))), len(v.frames), err.Error(), err)
			}
			break
		}
		switch tok.Kind {
		case wbxml.KindStartTag:
			v.start(tok, asReq, asResp)
		case wbxml.KindEndTag:
			v.end()
		case wbxml.KindString:
			if len(v.frames) > 0 && len(tok.Data) > 0 {
				f := &v.frames[len(v.frames)-1]
				if !isSpace(tok.Data) || f.collect {
					f.saw |= sawText
				}
				if f.collect {
					v.text = append(v.text, tok.Data...)
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
					if v.hit(3) {
						v.add(3, ProblemContent, tok.Offset, len(v.frames), what+" (ActiveSync uses none)", nil)
					}
				}
			}
		}
	}
	return v.pick()
}

// syntaxOffset returns the offset of a decoder error, within the input.
func syntaxOffset(err error, size int64) int64 {
	var se *wbxml.SyntaxError
	if errors.As(err, &se) {
		return min(max(se.Offset, 0), size)
	}
	return 0
}

func (v *validator) start(tok *wbxml.Token, asReq, asResp bool) {
	tag := codepages.Tag(tok.Tag())
	depth := len(v.frames)
	if depth == cap(v.frames) {
		v.frames = append(v.frames, vframe{})
	} else {
		v.frames = v.frames[:depth+1]
	}
	f := &v.frames[depth]
	*f = vframe{tag: tag, offset: tok.Offset, ord: 1, text: uint32(len(v.text))}
	switch {
	case tok.Literal:
		if v.hit(3) {
			v.add(3, ProblemNotAllowed, tok.Offset, depth+1, "a LITERAL tag "+strconv.Quote(string(tok.Data))+" (ActiveSync uses none)", nil)
		}
	case tok.Unknown:
		if v.hit(3) {
			v.add(3, ProblemNotAllowed, tok.Offset, depth+1, tag.String()+" is not in the code pages", nil)
		}
	case v.ver != 0 && !tag.ValidIn(v.ver):
		if v.hit(3) {
			v.add(3, ProblemVersion, tok.Offset, depth+1, tag.String()+" is not in protocol "+v.ver.String(), nil)
		}
	}
	if depth == 0 {
		req, resp := schemaRoot(tag)
		if tok.Literal || tok.Unknown {
			req, resp = 0, 0
		}
		if asReq {
			resp = 0
		}
		if asResp {
			req = 0
		}
		v.msg = [2]int{int(req), int(resp)}
		if v.record && v.msg[v.only] != 0 {
			v.msg[1-v.only] = 0
		}
		if req == 0 && resp == 0 {
			what := "a command message"
			if asReq {
				what = "a command request"
			} else if asResp {
				what = "a command response"
			}
			if v.hit(3) {
				v.add(3, ProblemRoot, tok.Offset, 1, tag.String()+" is not the root of "+what, nil)
			}
		}
		for d := range 2 {
			if v.msg[d] != 0 {
				f.node[d] = schemaMessages[v.msg[d]-1].root
				v.open(f, d)
			}
		}
		return
	}
	p := &v.frames[depth-1]
	p.saw |= sawChild
	if p.runTag == tag {
		p.runLen++
	} else {
		p.runTag, p.runLen = tag, 1
	}
	f.ord = p.runLen
	for d := range 2 {
		if v.msg[d] == 0 {
			continue
		}
		v.child(p, f, d, tok)
		v.open(f, d)
	}
}

// open prepares the frame of a matched element for its children.
func (v *validator) open(f *vframe, d int) {
	if f.node[d] == nodeNone || f.node[d] == nodeAny {
		return
	}
	n := &schemaNodes[f.node[d]]
	f.cbase[d] = uint32(len(v.counts[d]))
	v.counts[d] = append(v.counts[d], make([]uint8, n.count)...) // the compiler clears in place
	switch n.kind {
	case kindContainer, kindAny, kindEmpty, kindText, kindOpaque:
		if n.nenum > 0 || n.flags&nodeRange != 0 {
			f.collect = true
		}
	default:
		f.collect = true
	}
}

// child matches the element of frame f against its parent p's node in
// direction d.
func (v *validator) child(p, f *vframe, d int, tok *wbxml.Token) {
	mask := uint8(1) << d
	depth := len(v.frames)
	switch p.node[d] {
	case nodeNone:
		return
	case nodeAny:
		f.node[d] = nodeAny
		return
	}
	pn := &schemaNodes[p.node[d]]
	switch pn.kind {
	case kindContainer, kindAny:
	case kindEmpty:
		if v.hit(mask) {
			v.add(mask, ProblemContent, tok.Offset, depth, "child element in "+pathName(p.tag)+", which must be empty", nil)
		}
		return
	default:
		if v.hit(mask) {
			v.add(mask, ProblemContent, tok.Offset, depth, "child element in "+pathName(p.tag)+", which holds "+kindNames[pn.kind], nil)
		}
		return
	}
	lo, hi := pn.children()
	slot := -1
	for i := lo; i < hi; i++ {
		c := &schemaNodes[i]
		if c.tag != f.tag {
			continue
		}
		if slot < 0 {
			slot = i
			if c.branch == 0 {
				break
			}
			continue
		}
		// A tag in several branches: prefer the branch already taken,
		// then one in the version.
		if v.branchTaken(p, d, pn, c) || (!v.branchTaken(p, d, pn, &schemaNodes[slot]) && !schemaNodes[slot].inVersion(v.ver) && c.inVersion(v.ver)) {
			slot = i
		}
	}
	if slot < 0 {
		if pn.kind == kindAny {
			f.node[d] = nodeAny
			return
		}
		if v.hit(mask) {
			v.add(mask, ProblemNotAllowed, tok.Offset, depth, pathName(f.tag)+" is not allowed in "+pathName(p.tag), nil)
		}
		return
	}
	c := &schemaNodes[slot]
	f.node[d] = uint16(slot)
	pos := p.cbase[d] + uint32(slot-lo)
	cnt := &v.counts[d][pos]
	if *cnt < 255 {
		*cnt++
	}
	if d == 0 || v.msg[0] == 0 || p.node[0] == nodeNone || p.node[0] == nodeAny {
		f.ord = uint16(*cnt)
	}
	if !c.inVersion(v.ver) && (v.ver == 0 || f.tag.ValidIn(v.ver)) {
		if v.hit(mask) {
			v.add(mask, ProblemVersion, tok.Offset, depth, pathName(f.tag)+" is in a "+schemaMessages[v.msg[d]-1].name+" "+versionSpan(c)+", not in "+v.ver.String(), nil)
		}
	}
	if c.max != unbounded && *cnt == c.max+1 {
		if v.hit(mask) {
			v.add(mask, ProblemTooMany, tok.Offset, depth, pathName(f.tag)+" occurs more than "+times(int(c.max)), nil)
		}
	}
	if c.group != 0 && c.flags&nodeRepeated == 0 && *cnt == 1 {
		for i := lo; i < hi; i++ {
			o := &schemaNodes[i]
			if i == slot || o.group != c.group || v.counts[d][p.cbase[d]+uint32(i-lo)] == 0 {
				continue
			}
			if c.branch == 0 || o.branch != c.branch {
				if v.hit(mask) {
					v.add(mask, ProblemNotAllowed, tok.Offset, depth, pathName(f.tag)+" is not allowed with "+pathName(o.tag)+" (alternatives of one choice)", nil)
				}
				break
			}
		}
	}
	if v.strict && c.order != 0 {
		if c.order < p.last[d] {
			if v.hit(mask) {
				v.add(mask, ProblemOrder, tok.Offset, depth, pathName(f.tag)+" comes too late: the sequence puts it earlier", nil)
			}
		} else {
			p.last[d] = c.order
		}
	}
}

// branchTaken reports whether a member of c's branch is among p's children.
func (v *validator) branchTaken(p *vframe, d int, pn, c *schemaNode) bool {
	lo, hi := pn.children()
	for i := lo; i < hi; i++ {
		o := &schemaNodes[i]
		if o.group == c.group && o.branch == c.branch && v.counts[d][p.cbase[d]+uint32(i-lo)] > 0 {
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
	for d := range 2 {
		if v.msg[d] == 0 || f.node[d] == nodeNone || f.node[d] == nodeAny {
			continue
		}
		n := &schemaNodes[f.node[d]]
		v.checkContent(f, n, d, depth)
		v.checkMissing(f, n, d, depth)
		v.counts[d] = v.counts[d][:f.cbase[d]]
	}
	v.text = v.text[:f.text]
	v.frames = v.frames[:depth-1]
}

func (v *validator) checkContent(f *vframe, n *schemaNode, d, depth int) {
	mask := uint8(1) << d
	bad := func(msg string) {
		if v.hit(mask) {
			if v.hit(mask) {
				v.add(mask, ProblemContent, f.offset, depth, msg, nil)
			}
		}
	}
	text := v.text[f.text:]
	switch n.kind {
	case kindAny:
		return
	case kindContainer:
		if f.saw&(sawText|sawOpaque) != 0 {
			bad("text in an element that holds elements")
		}
		return
	case kindEmpty:
		if f.saw&(sawText|sawOpaque) != 0 {
			bad("content in an element that must be empty")
		}
		return
	case kindOpaque:
		if f.saw&sawText != 0 {
			bad("text where OPAQUE data is expected")
		}
		return
	case kindText, kindBase64:
		if n.kind == kindBase64 && f.saw&sawOpaque == 0 && !isBase64(text) {
			if v.hit(mask) {
				v.add(mask, ProblemValue, f.offset, depth, "not base64 text", nil)
			}
			return
		}
	case kindBoolean01:
		if f.saw&sawOpaque != 0 {
			bad("OPAQUE data where 0 or 1 is expected")
			return
		}
		if f.saw&sawText != 0 && len(text) > 0 && !(len(text) == 1 && (text[0] == '0' || text[0] == '1')) {
			if v.hit(mask) {
				v.add(mask, ProblemValue, f.offset, depth, strconv.Quote(string(text))+" is not 0 or 1", nil)
			}
			return
		}
		return
	case kindDatetime, kindCompactdatetime:
		if f.saw&sawOpaque != 0 {
			bad("OPAQUE data where a date-time is expected")
			return
		}
		ok := isDateTime(text)
		if n.kind == kindCompactdatetime {
			ok = isCompactDateTime(text)
		}
		if !ok {
			if v.hit(mask) {
				v.add(mask, ProblemValue, f.offset, depth, strconv.Quote(string(text))+" is not "+kindNames[n.kind], nil)
			}
		}
		return
	default: // integers
		if f.saw&sawOpaque != 0 {
			if v.hit(mask) {
				v.add(mask, ProblemContent, f.offset, depth, "OPAQUE data where "+kindNames[n.kind]+" is expected", nil)
			}
			return
		}
		if len(text) == 0 && (n.kind == kindUnsignedByteOrEmpty || n.kind == kindUnsignedIntOrEmpty) {
			return
		}
		x, ok := parseInt(text)
		if !ok {
			if v.hit(mask) {
				v.add(mask, ProblemContent, f.offset, depth, strconv.Quote(string(text))+" is not "+kindNames[n.kind], nil)
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
			if v.hit(mask) {
				v.add(mask, ProblemValue, f.offset, depth, strconv.FormatInt(x, 10)+" is out of the range of "+kindNames[n.kind], nil)
			}
			return
		}
		if n.flags&nodeRange != 0 && (x < int64(n.lo) || x > int64(n.hi)) {
			if v.hit(mask) {
				v.add(mask, ProblemValue, f.offset, depth, strconv.FormatInt(x, 10)+" is outside "+strconv.Itoa(int(n.lo))+".."+strconv.Itoa(int(n.hi)), nil)
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
		if v.hit(mask) {
			v.add(mask, ProblemValue, f.offset, depth, strconv.Quote(string(text))+" is not one of "+strings.Join(schemaEnums[n.enum:n.enum+uint16(n.nenum)], ", "), nil)
		}
	}
}

func (v *validator) checkMissing(f *vframe, n *schemaNode, d, depth int) {
	if n.count == 0 {
		return
	}
	mask := uint8(1) << d
	lo, hi := n.children()
	counts := v.counts[d][f.cbase[d]:]
	var groupSeen [5]bool
	var groupBranch [5]uint8
	for i := lo; i < hi; i++ {
		c := &schemaNodes[i]
		if c.group != 0 && counts[i-lo] > 0 {
			groupSeen[c.group] = true
			groupBranch[c.group] = c.branch
		}
	}
	var groupDone [5]bool
	for i := lo; i < hi; i++ {
		c := &schemaNodes[i]
		if counts[i-lo] >= c.min || !c.inVersion(v.ver) {
			continue
		}
		switch {
		case c.group == 0:
			if v.hit(mask) {
				v.add(mask, ProblemMissing, f.offset, depth, "required "+pathName(c.tag)+" missing", nil)
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
				if v.hit(mask) {
					v.add(mask, ProblemMissing, f.offset, depth, "required "+pathName(c.tag)+" missing", nil)
				}
			}
		default:
			if groupSeen[c.group] || groupDone[c.group] {
				continue
			}
			groupDone[c.group] = true
			if v.choiceRequired(lo, hi, c.group) {
				if v.hit(mask) {
					v.add(mask, ProblemMissing, f.offset, depth, "one of "+v.choiceNames(lo, hi, c.group)+" required", nil)
				}
			}
		}
	}
}

// choiceRequired reports whether every member of the choice group must be
// taken on its own (all have min ≥ 1): then the choice is required.
func (v *validator) choiceRequired(lo, hi int, g uint8) bool {
	for i := lo; i < hi; i++ {
		if c := &schemaNodes[i]; c.group == g && c.inVersion(v.ver) && c.min == 0 {
			return false
		}
	}
	return true
}

func (v *validator) choiceNames(lo, hi int, g uint8) string {
	var names []string
	for i := lo; i < hi; i++ {
		if c := &schemaNodes[i]; c.group == g && c.inVersion(v.ver) {
			names = append(names, pathName(c.tag))
		}
	}
	return strings.Join(names, ", ")
}

// hit counts a problem for the directions in mask and reports whether
// to record it (with its message and path): only on the second pass, and
// while under MaxProblems.
func (v *validator) hit(mask uint8) bool {
	keep := false
	for d := range 2 {
		if mask&(1<<d) != 0 {
			v.total[d]++
			if v.record && d == v.only && v.stored[d] < MaxProblems {
				v.stored[d]++
				keep = true
			}
		}
	}
	if v.drop && (mask == 1 || mask == 2) {
		d := int(mask >> 1) // the direction of the problem
		if v.msg[d] != 0 && v.msg[1-d] != 0 && v.total[1-d] == 0 {
			v.msg[d], v.dropped = 0, true
		}
	}
	return keep
}

// add records a problem at the element path of the first depth frames.
func (v *validator) add(mask uint8, kind ProblemKind, offset int64, depth int, msg string, err error) {
	v.probs = append(v.probs, vprob{Problem{Offset: offset, Path: v.path(depth), Kind: kind, Msg: msg, Err: err}, mask})
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

// pick returns the reading with fewer problems (the request on a tie),
// or -1 when it has none.
func (v *validator) pick() int {
	d := 0
	switch {
	case v.msg[0] != 0 && v.msg[1] != 0:
		if v.total[1] < v.total[0] {
			d = 1
		}
	case v.msg[1] != 0:
		d = 1
	}
	if v.total[d] == 0 {
		return -1
	}
	return d
}

func (v *validator) result(d int) error {
	e := &ValidationError{}
	if v.msg[d] != 0 {
		e.Message = schemaMessages[v.msg[d]-1].name
	}
	for _, p := range v.probs {
		if p.mask&(1<<d) != 0 {
			e.Problems = append(e.Problems, p.Problem)
		}
	}
	e.More = v.total[d] - len(e.Problems)
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
