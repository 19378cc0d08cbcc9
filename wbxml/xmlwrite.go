package wbxml

import (
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/easkit/easkit/internal/xmltext"
)

// An XMLWriter converts WBXML documents to XML text. It keeps its buffers
// between documents, so that converting into a reused destination slice
// allocates nothing once it has warmed up.
//
// The vocabulary (WithVocabulary) names elements and namespaces; without
// one every element is an <easkit:unknown> placeholder. Content is
// written as the vocabulary says it is carried (see [ContentKind]), and
// where the wire differs an easkit:wire marker attribute records it, so
// that [XMLReader] turns the XML back into the same tokens (see
// [MarkerNamespace]).
//
// The zero XMLWriter is ready to use and converts as NewXMLWriter() does:
// with the default options and no Vocabulary.
//
// An XMLWriter is not safe for concurrent use: one conversion at a time,
// so use one XMLWriter per goroutine (or keep them in a sync.Pool; one
// holds its buffers for the next conversion). With [WithConcurrency] a
// conversion starts goroutines of its own, and has them all finished
// before it returns; the input must not change while a conversion runs.
// The output and the warnings of [XMLWriter.Warnings] are the caller's
// until the next conversion on the same XMLWriter.
type XMLWriter struct {
	ready    bool // made by NewXMLWriter (or init)
	dec      Decoder
	cfg      xmlConfig
	vocab    Vocabulary
	valid    TagValidator
	strict   bool
	prefixes []string // prefix mode: lower-case page names, by page
	tags     [256]*tagPage
	slow     bool // tests: every token through Token values, no fast path
	limit    int  // the fast path stops at this input offset (see body)

	out   []byte
	w     io.Writer
	werr  error
	stack []xframe
	open  bool // the innermost start tag still lacks its '>'
	runs  []contentRun
	data  []byte // the bytes of runs
	ref   []byte // the bytes of a single run still in the input, instead of data

	warns Warnings
	par   *partState // conversions in parts (WithConcurrency)

	// Pacing the output (xmlwrite_limit.go).
	written int64 // bytes written to w in this conversion (for a part: produced before it)
	checkAt int64 // the output size at which pace runs next
	budget  int   // a part's buffer limit while it converts ahead; 0 for none
}

// xframe is an open element of the XML output.
type xframe struct {
	ti         *tagInfo // the vocabulary's facts, nil for <easkit:unknown>
	page, code uint8
	unknown    bool  // written as <easkit:unknown>
	prefixed   bool  // prefix mode: the name carries its page's prefix
	nsPage     int16 // the page whose namespace is the default in scope, -1 for none
	easkit     bool  // the easkit prefix is declared in scope
	children   bool  // a child element has been written
	mixed      bool  // text has been written between children: no more indentation
}

// NewXMLWriter returns an XMLWriter with the given options: those of the
// Decoder (WithVocabulary, WithStrict, WithMaxDepth, WithMaxSize) and the
// XML output options (WithIndent, WithXMLDeclaration, WithDocType,
// WithNamespaceForm, WithPrefixes).
func NewXMLWriter(opts ...Option) *XMLWriter {
	x := &XMLWriter{ready: true, cfg: defaultXMLConfig()}
	x.cfg.apply(opts)
	x.dec.Reset(nil, opts...)
	x.vocab = x.dec.vocabulary()
	x.strict = x.dec.isStrict()
	if v, ok := x.vocab.(TagValidator); ok {
		x.valid = v
	}
	if x.cfg.prefixes && x.vocab != nil {
		x.prefixes = make([]string, 256)
		for p := range 256 {
			x.prefixes[p] = strings.ToLower(x.vocab.PageName(uint8(p)))
		}
	}
	return x
}

// AppendXML converts the WBXML document src and appends its XML text to
// dst. On error it returns dst as far as it got, and the error: a
// *SyntaxError for bad input. Warnings (unknown tags in lenient mode, tags
// outside the protocol version being checked) are available from
// [XMLWriter.Warnings] until the next conversion.
func (x *XMLWriter) AppendXML(dst, src []byte) ([]byte, error) {
	x.init()
	if x.cfg.workers > 1 {
		if out, ok, err := x.convertParts(dst, nil, src); ok {
			return out, err
		}
	}
	x.dec.Reset(src)
	x.w = nil
	x.out = dst
	x.written = -int64(len(dst)) // dst's bytes are not this conversion's
	err := x.run(-1)
	dst = x.out
	x.out = nil
	return dst, err
}

// WriteXML converts the WBXML document read from r and writes its XML
// text to w. Memory stays bounded by the largest single token and the
// content of one element, not by the document.
func (x *XMLWriter) WriteXML(w io.Writer, r io.Reader) error {
	x.init()
	x.dec.ResetReader(r)
	x.w, x.werr = w, nil
	x.out = x.out[:0]
	x.written = 0
	err := x.run(-1)
	if ferr := x.flush(); err == nil {
		err = ferr
	}
	x.w = nil
	return err
}

// WriteXMLBytes converts the WBXML document src and writes its XML text
// to w as it goes, in pieces of about 32 KiB, instead of building it
// whole in memory: the output is that of AppendXML. With
// [WithConcurrency], a large document converts in parts: the first is
// written as it goes, each later one when its turn comes. On error, the
// XML before it may have been written.
func (x *XMLWriter) WriteXMLBytes(w io.Writer, src []byte) error {
	x.init()
	if x.cfg.workers > 1 {
		if _, ok, err := x.convertParts(nil, w, src); ok {
			return err
		}
	}
	x.dec.Reset(src)
	x.w, x.werr = w, nil
	x.out = x.out[:0]
	x.written = 0
	err := x.run(-1)
	if ferr := x.flush(); err == nil {
		err = ferr
	}
	x.w = nil
	return err
}

// Warnings returns what the last conversion noted without failing. The
// slice is reused by the next conversion.
func (x *XMLWriter) Warnings() *Warnings { return &x.warns }

// init makes a zero XMLWriter the one NewXMLWriter() returns.
func (x *XMLWriter) init() {
	if !x.ready {
		*x = *NewXMLWriter()
	}
}

// AppendXML converts the WBXML document src to XML text appended to dst,
// with a new XMLWriter for the options. Use an XMLWriter to convert many
// documents without allocating.
func AppendXML(dst, src []byte, opts ...Option) ([]byte, error) {
	return NewXMLWriter(opts...).AppendXML(dst, src)
}

const flushSize = 32 << 10

func (x *XMLWriter) flush() error {
	if x.w == nil || len(x.out) == 0 || x.werr != nil {
		return x.werr
	}
	_, x.werr = x.w.Write(x.out)
	x.written += int64(len(x.out))
	x.out = x.out[:0]
	return x.werr
}

// run converts the document: all of it, or up to input offset stop when
// stop ≥ 0 (see body).
func (x *XMLWriter) run(stop int64) error {
	x.stack = x.stack[:0]
	x.open = false
	x.clearRuns()
	x.warns.reset()
	// Read the header first, so that input that is not WBXML at all leaves
	// no XML prolog behind.
	if _, err := x.dec.Header(); err != nil {
		return err
	}
	if x.cfg.decl {
		x.out = append(x.out, x.cfg.declaration()...)
	}
	if x.cfg.doctype {
		if dt, ok := x.vocab.(DocTyper); ok {
			x.out = append(x.out, x.cfg.docType(dt)...)
			x.out = append(x.out, '\n')
		}
	}
	return x.body(stop)
}

// body converts the tokens of the document after its header: to its end,
// or, when stop ≥ 0, until the decoder reaches input offset stop, which
// must be a token boundary.
func (x *XMLWriter) body(stop int64) error {
	// The []byte form converts most tokens without Token values.
	fast := !x.slow && x.vocab != nil && x.dec.plainInput()
	in := x.dec.bytesInput()
	x.limit = len(in)
	if stop >= 0 && stop < int64(x.limit) {
		x.limit = int(stop)
	}
	x.setCheckAt()
	for {
		if stop >= 0 && x.dec.InputOffset() >= stop {
			return nil
		}
		t, err := x.dec.ReadToken()
		if err == io.EOF {
			x.out = append(x.out, '\n')
			if in != nil && x.dec.InputOffset() < int64(len(in)) {
				// Lenient mode stops at bytes that follow the root element.
				x.warns.add(Warning{Offset: x.dec.InputOffset(), Err: ErrTrailingData})
			}
			return nil
		}
		if err != nil {
			return err
		}
		switch t.Kind {
		case KindStartTag:
			err = x.start(&t)
		case KindEndTag:
			x.end()
		case KindString:
			if t.Raw {
				return &SyntaxError{Offset: t.Offset, Path: x.dec.path(), Err: ErrCharset,
					msg: "text in charset " + strconv.FormatUint(uint64(x.dec.charset()), 10) + " cannot be written as XML"}
			}
			x.addRun(false, t.Data)
		case KindOpaque:
			x.addRun(true, t.Data)
		case KindEntity:
			r := rune(t.Value)
			if t.Value > utf8.MaxRune || r == 0 || (r >= 0xD800 && r <= 0xDFFF) {
				return &SyntaxError{Offset: t.Offset, Path: x.dec.path(), Err: ErrInvalidToken,
					msg: "ENTITY " + strconv.FormatUint(uint64(t.Value), 10) + " is not a character XML can hold"}
			}
			var b [utf8.UTFMax]byte
			x.addRun(false, utf8.AppendRune(b[:0], r))
		default:
			return &SyntaxError{Offset: t.Offset, Path: x.dec.path(), Err: ErrNoXML,
				msg: t.Kind.String() + " tokens have no XML form in easkit"}
		}
		if err != nil {
			return err
		}
		if fast && x.dec.inContent() {
			x.fast()
		}
		if x.produced() >= x.checkAt {
			if err := x.pace(); err != nil {
				return err
			}
		}
	}
}

// addRun adds content bytes to the innermost element; adjacent strings
// (STR_I, STR_T, ENTITY) merge into one run, OPAQUE blocks stay apart.
func (x *XMLWriter) addRun(opaque bool, b []byte) {
	if len(x.runs) == 0 && x.inInput(b) {
		// The common case, one run straight from a []byte input: no copy.
		x.runs = append(x.runs, contentRun{opaque: opaque, n: len(b)})
		x.ref = b
		return
	}
	if x.ref != nil {
		x.data = append(x.data[:0], x.ref...)
		x.ref = nil
	}
	if !opaque && len(x.runs) > 0 && !x.runs[len(x.runs)-1].opaque {
		x.runs[len(x.runs)-1].n += len(b)
	} else {
		x.runs = append(x.runs, contentRun{opaque: opaque, n: len(b)})
	}
	x.data = append(x.data, b...)
}

// content returns the bytes of the pending runs.
func (x *XMLWriter) content() []byte {
	if x.ref != nil {
		return x.ref
	}
	return x.data
}

// clearRuns forgets the pending runs.
func (x *XMLWriter) clearRuns() {
	x.runs, x.data, x.ref = x.runs[:0], x.data[:0], nil
}

// inInput reports whether b lies in the decoder's []byte input, where it
// stays valid while the decoder moves on.
func (x *XMLWriter) inInput(b []byte) bool {
	in := x.dec.bytesInput()
	if len(b) == 0 || len(in) == 0 {
		return false
	}
	p := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	d := uintptr(unsafe.Pointer(unsafe.SliceData(in)))
	return p >= d && p+uintptr(len(b)) <= d+uintptr(len(in))
}

func (x *XMLWriter) newline(depth int) {
	if x.cfg.indent == 0 {
		return
	}
	x.out = x.appendNewline(x.out, depth)
}

// appendNewline appends a line break and the indentation of depth.
func (x *XMLWriter) appendNewline(out []byte, depth int) []byte {
	n := 1 + depth*x.cfg.indent
	if n <= len(newlineSpaces) {
		return append(out, newlineSpaces[:n]...)
	}
	out = append(out, newlineSpaces...)
	for n -= len(newlineSpaces); n > 0; {
		k := min(n, len(newlineSpaces)-1)
		out = append(out, newlineSpaces[1:1+k]...)
		n -= k
	}
	return out
}

// newlineSpaces is a line break and the indentation of most elements.
const newlineSpaces = "\n" + "                                                                " +
	"                                                                "

func (x *XMLWriter) start(t *Token) error {
	if t.Literal {
		x.openParent()
		return &SyntaxError{Offset: t.Offset, Path: x.dec.path(), Err: ErrNoXML, msg: "LITERAL tags have no XML form in easkit"}
	}
	if t.Attrs {
		x.openParent()
		return &SyntaxError{Offset: t.Offset, Path: x.dec.path(), Err: ErrNoXML, msg: "attributes have no XML form in easkit"}
	}
	if x.vocab == nil {
		x.startUnknown(t)
		return nil
	}
	ti := x.tagInfo(t.Page, t.Code)
	if ti.name == "" {
		x.startUnknown(t)
		return nil
	}
	x.startKnown(t.Page, t.Code, ti)
	if !ti.valid {
		if x.strict {
			return &SyntaxError{Offset: t.Offset, Path: x.dec.path(), Err: ErrNotInVersion,
				msg: x.vocab.PageName(t.Page) + ":" + ti.name + " is not in the protocol version being checked"}
		}
		x.warns.add(Warning{Offset: t.Offset, Page: t.Page, Code: t.Code, Err: ErrNotInVersion})
	}
	return nil
}

// openParent prepares the innermost open element for a child: it closes
// its start tag, writes its pending content and the child's indentation.
// It returns the new element's frame, inheriting the namespace state.
func (x *XMLWriter) openParent() xframe {
	f := xframe{nsPage: -1}
	depth := len(x.stack)
	if depth > 0 {
		p := &x.stack[depth-1]
		if x.open {
			x.out = append(x.out, '>')
			x.open = false
		}
		if len(x.runs) > 0 {
			x.flushMixed(p, depth)
		}
		p.children = true
		f.nsPage, f.easkit = p.nsPage, p.easkit
		if !p.mixed {
			x.newline(depth)
		}
	}
	return f
}

// startUnknown writes the start of an <easkit:unknown> placeholder.
func (x *XMLWriter) startUnknown(t *Token) {
	depth := len(x.stack)
	f := x.openParent()
	f.page, f.code = t.Page, t.Code
	f.unknown = true
	x.out = append(x.out, "<"+markerPrefix+":"+markerUnknown...)
	x.declareEasKit(&f)
	x.out = append(x.out, ` page="`...)
	x.out = strconv.AppendUint(x.out, uint64(t.Page), 10)
	x.out = append(x.out, `" token="0x`...)
	x.out = append(x.out, hexDigits[t.Code>>4], hexDigits[t.Code&15], '"')
	if depth == 0 && x.prefixes != nil {
		x.declareRoot(t.Page, &f)
	}
	if x.vocab != nil && !x.strict {
		x.warns.add(Warning{Offset: t.Offset, Page: t.Page, Code: t.Code, Err: ErrUnknownTag})
	}
	x.stack = append(x.stack, f)
	x.open = true
}

// startKnown writes the start tag of a tag the vocabulary names, up to
// its attributes: the '>' comes with its content.
func (x *XMLWriter) startKnown(page, code uint8, ti *tagInfo) {
	depth := len(x.stack)
	f := x.openParent()
	f.page, f.code = page, code
	f.ti = ti
	x.out = append(x.out, '<')
	switch {
	case !x.cfg.prefixes:
		x.out = append(x.out, ti.name...)
		if int16(page) != f.nsPage {
			x.declareDefault(page)
			f.nsPage = int16(page)
		}
	case depth == 0:
		x.out = append(x.out, ti.name...)
		x.declareRoot(page, &f)
	default:
		f.prefixed = int16(page) != f.nsPage && x.prefixes[page] != ""
		x.appendQName(&f)
	}
	x.stack = append(x.stack, f)
	x.open = true
}

const hexDigits = "0123456789ABCDEF"

// appendQName writes an element name with its prefix in prefix mode.
func (x *XMLWriter) appendQName(f *xframe) {
	if f.prefixed {
		x.out = append(x.out, x.prefixes[f.page]...)
		x.out = append(x.out, ':')
	}
	x.out = append(x.out, f.ti.name...)
}

// declareRoot writes the namespace declarations of prefix mode on the root
// element: its page as the default namespace, every other page of the
// vocabulary with its prefix.
func (x *XMLWriter) declareRoot(page uint8, f *xframe) {
	if x.namespace(page) != "" {
		x.declareDefault(page)
		f.nsPage = int16(page)
	}
	for p := range 256 {
		if p == int(f.nsPage) || x.prefixes[p] == "" {
			continue
		}
		x.out = append(x.out, " xmlns:"...)
		x.out = append(x.out, x.prefixes[p]...)
		x.out = append(x.out, `="`...)
		x.out = xmltext.AppendAttr(x.out, x.namespace(uint8(p)))
		x.out = append(x.out, '"')
	}
}

func (x *XMLWriter) declareDefault(page uint8) {
	x.out = append(x.out, x.tagPage(page).xmlns...)
}

func (x *XMLWriter) declareEasKit(f *xframe) {
	if f.easkit {
		return
	}
	x.out = append(x.out, ` xmlns:`+markerPrefix+`="`+MarkerNamespace+`"`...)
	f.easkit = true
}

// closeStart writes the '>' of a start tag that is followed by content.
func (x *XMLWriter) closeStart() {
	if x.open {
		x.out = append(x.out, '>')
		x.open = false
	}
}

// endName writes the name in the end tag of f.
func (x *XMLWriter) endName(f *xframe) {
	if f.unknown {
		x.out = append(x.out, markerPrefix+":"+markerUnknown...)
		return
	}
	x.appendQName(f)
}

// end writes the end of the innermost element.
func (x *XMLWriter) end() {
	depth := len(x.stack) - 1
	f := &x.stack[depth]
	switch {
	case f.children:
		x.flushMixed(f, depth+1)
		if !f.mixed {
			x.newline(depth)
		}
		x.out = append(x.out, "</"...)
		x.endName(f)
		x.out = append(x.out, '>')
	case len(x.runs) == 0:
		x.out = append(x.out, "/>"...)
		x.open = false
	default:
		x.leaf(f)
		x.out = append(x.out, "</"...)
		x.endName(f)
		x.out = append(x.out, '>')
	}
	x.stack = x.stack[:depth]
}

// leaf writes the content of an element without children: its runs as
// the vocabulary's default form, or with a wire marker. Empty content is
// always marked (<X easkit:wire="str"></X>, <X easkit:wire="opaque"></X>):
// unmarked, <X></X> is the same XML as <X/>, an element without content.
func (x *XMLWriter) leaf(f *xframe) {
	kind := ContentText // for unknown tags
	if f.ti != nil {
		kind = f.ti.kind
	}
	data := x.content()
	r0 := x.runs[0]
	if len(x.runs) == 1 {
		// The default forms, in one pass over the content.
		switch {
		case kind == ContentBinary && r0.opaque && r0.n > 0:
			x.out = append(x.out, '>')
			x.out = xmltext.AppendBase64(x.out, data)
			x.open = false
			x.clearRuns()
			return
		case r0.n > 0 && ((kind == ContentOpaqueText && r0.opaque) || (kind == ContentText && !r0.opaque)):
			mark := len(x.out)
			x.out = append(x.out, '>')
			var ok bool
			if x.out, ok = xmltext.AppendTextSafe(x.out, data); ok {
				x.open = false
				x.clearRuns()
				return
			}
			x.out = x.out[:mark]
		}
	}
	allOpaque := true
	for _, r := range x.runs {
		allOpaque = allOpaque && r.opaque
	}
	b64 := !xmltext.Safe(data) || (kind == ContentBinary && allOpaque)
	x.declareEasKit(f)
	x.out = append(x.out, ` `+markerPrefix+`:`+markerWire+`="`...)
	x.out = appendWire(x.out, b64, x.runs)
	x.out = append(x.out, `">`...)
	x.open = false
	if b64 {
		x.out = xmltext.AppendBase64(x.out, data)
	} else {
		x.out = xmltext.AppendText(x.out, data)
	}
	x.clearRuns()
}

// flushMixed writes the runs pending in f, an element that has (or is
// about to have) child elements: plain text as text, anything else as
// <easkit:opaque> or <easkit:str> elements holding base64.
func (x *XMLWriter) flushMixed(f *xframe, depth int) {
	if len(x.runs) == 0 {
		return
	}
	x.closeStart()
	data := x.content()
	for _, r := range x.runs {
		b := data[:r.n]
		data = data[r.n:]
		if !r.opaque && len(b) > 0 && xmltext.Safe(b) {
			if xmltext.Whitespace(b) {
				// Literal white space between elements is dropped on the
				// way back; character references are not.
				for _, c := range b {
					x.out = append(x.out, "&#"...)
					x.out = strconv.AppendInt(x.out, int64(c), 10)
					x.out = append(x.out, ';')
				}
			} else {
				x.out = xmltext.AppendText(x.out, b)
			}
			f.mixed = true
			continue
		}
		if !f.mixed {
			x.newline(depth)
		}
		name := markerPrefix + ":" + markerStr
		if r.opaque {
			name = markerPrefix + ":" + markerOpaque
		}
		x.out = append(x.out, '<')
		x.out = append(x.out, name...)
		if !f.easkit {
			x.out = append(x.out, ` xmlns:`+markerPrefix+`="`+MarkerNamespace+`"`...)
		}
		x.out = append(x.out, '>')
		x.out = xmltext.AppendBase64(x.out, b)
		x.out = append(x.out, "</"...)
		x.out = append(x.out, name...)
		x.out = append(x.out, '>')
	}
	x.clearRuns()
}
