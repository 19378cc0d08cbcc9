package wbxml

import (
	"bytes"
	"errors"
	"io"
	"strconv"
	"unsafe"

	"github.com/easkit/easkit/internal/xmlscan"
	"github.com/easkit/easkit/internal/xmltext"
)

// An XMLReader converts XML text to WBXML. It keeps its buffers between
// documents, so that converting into a reused destination slice allocates
// nothing once it has warmed up.
//
// Elements are looked up by (namespace, local name) in the vocabulary
// (WithVocabulary, required), in every spelling it accepts. White space
// between elements is dropped; the text of an element without children is
// kept exactly, and becomes one string, an OPAQUE block of its base64
// (byte-array tags) or of its bytes (text-as-opaque tags; where a
// [SpellingContenter] says so for the name used, of its base64 when it is
// base64), or the runs an easkit:wire marker lists (see [MarkerNamespace]).
// <X/> and <X></X>, the same XML, are both an element without content (as
// libwbxml's xml2wbxml writes them), and so is an element whose text is
// an empty CDATA section; <X easkit:wire="str"></X> (or <X
// easkit:wire="str"/>) holds an empty string.
//
// # Encodings
//
// The XML may be in UTF-8 (with or without a byte order mark), US-ASCII,
// UTF-16 or UTF-32 (either byte order, with a byte order mark or, as XML
// 1.0 appendix F allows, told by the zero bytes around its first '<'),
// ISO-8859-1 or windows-1252 (named by the XML declaration, with the
// IANA aliases: "latin1", "ISO_8859-1", "l1", "cp1252"...). Documents in
// UTF-16, UTF-32 or, unless they are ASCII, the 8-bit encodings are
// transcoded to UTF-8 first, into a buffer the XMLReader keeps for the
// next document; the WBXML is the same as for the document saved in UTF-8
// (strings in UTF-8, charset 106). Telling the encoding takes a look at
// the first four bytes and the XML declaration only, so UTF-8 input costs
// nothing more. The XML declaration, if any, must name the encoding the
// document is in. Input in another encoding, not valid in its own, or
// declared in another fails with [ErrXMLEncoding]. Errors and warnings
// give byte offsets in the input as given, and lines and columns counted
// in characters, which are the same in every encoding.
//
// The zero XMLReader is NewXMLReader() with no options: it has no
// Vocabulary, so it converts nothing and says so (use WithVocabulary).
//
// An XMLReader is not safe for concurrent use: one conversion at a time,
// one XMLReader per goroutine (or a sync.Pool of them). With
// [WithConcurrency] a conversion starts goroutines of its own and has them
// all finished before it returns. The warnings of [XMLReader.Warnings] are
// the caller's until the next conversion on the same XMLReader.
type XMLReader struct {
	ready   bool // made by NewXMLReader (or init)
	sc      xmlscan.Scanner
	enc     Encoder
	opts    []Option
	vocab   Vocabulary
	valid   TagValidator
	spell   SpellingContenter
	strict  bool
	keepWS  bool // WithKeepSpace: white space between elements is content
	workers int  // WithConcurrency

	doc     []byte
	stack   []rframe
	text    []byte // pending character data, as the scanner returned it
	textOff int64
	hasText bool
	layout  bool // the pending text is literal white space: layout, not content
	runs    []contentRun
	bin     []byte // decoded base64

	from xmlscan.Encoding // what the document being converted was transcoded from
	bom  int              // the length of its byte order mark
	utf  []byte           // its UTF-8 transcoding, reused

	tags    tagCache
	warns   Warnings
	warnPos textPos    // where the last warning is
	par     *readParts // conversions in parts (WithConcurrency)
}

// rframe is an open element of the XML input.
type rframe struct {
	page, code uint8
	kind       ContentKind
	pseudo     uint8 // pseudoNone, or an <easkit:opaque>/<easkit:str> element
	children   bool
	wire       bool // an easkit:wire marker is in runs
	b64        bool
	wireOff    int64
}

const (
	pseudoNone uint8 = iota
	pseudoOpaque
	pseudoStr
)

// NewXMLReader returns an XMLReader with the given options: WithVocabulary
// (required), WithStrict, WithMaxDepth, and the Encoder's WithHeader.
//
// In strict mode, attributes other than namespace declarations and easkit
// markers are errors (lenient: ignored, with a warning), and a tag outside
// the vocabulary's protocol version (see [TagValidator]) is an error
// (lenient: a warning).
func NewXMLReader(opts ...Option) *XMLReader {
	x := &XMLReader{ready: true, opts: opts}
	var c xmlConfig
	c.apply(opts)
	x.keepWS = c.keep
	x.workers = c.workers
	x.enc.ResetAppend(nil, opts...)
	x.vocab = x.enc.vocabulary()
	x.strict = x.enc.isStrict()
	if v, ok := x.vocab.(TagValidator); ok {
		x.valid = v
	}
	if v, ok := x.vocab.(SpellingContenter); ok {
		x.spell = v
	}
	// White space between elements is dropped unless WithKeepSpace: the
	// scanner need not report what is certainly layout.
	x.sc = *xmlscan.NewScanner(nil, xmlscan.WithMaxDepth(x.enc.maxDepth()), xmlscan.WithSkipLayout(!x.keepWS), xmlscan.WithLeaves(true))
	// The vocabulary's answers hold for the reader's life: the tag cache
	// is kept from one document to the next.
	x.tags.reset()
	return x
}

// AppendWBXML converts the XML document src and appends its WBXML to dst.
// On error it returns dst unchanged and an *XMLError (or the Encoder's
// *SyntaxError).
func (x *XMLReader) AppendWBXML(dst, src []byte) ([]byte, error) {
	x.init()
	doc, err := x.input(src)
	if err != nil {
		return dst, err
	}
	out, err := x.appendWBXML(dst, doc)
	if err != nil {
		out = dst
	}
	return out, x.toSource(doc, err)
}

func (x *XMLReader) appendWBXML(dst, doc []byte) ([]byte, error) {
	if x.workers > 1 {
		if out, ok, err := x.convertParts(dst, nil, doc); ok {
			return out, err
		}
	}
	x.enc.ResetAppend(dst)
	if err := x.run(doc, -1); err != nil {
		return dst, err
	}
	return x.enc.Bytes(), nil
}

// WriteWBXML converts the XML document src and writes its WBXML to w. On
// error, part of the output may have been written.
func (x *XMLReader) WriteWBXML(w io.Writer, src []byte) error {
	x.init()
	doc, err := x.input(src)
	if err != nil {
		return err
	}
	return x.toSource(doc, x.writeWBXML(w, doc))
}

func (x *XMLReader) writeWBXML(w io.Writer, doc []byte) error {
	if x.workers > 1 {
		if _, ok, err := x.convertParts(nil, w, doc); ok {
			return err
		}
	}
	x.enc.Reset(w)
	if err := x.run(doc, -1); err != nil {
		return err
	}
	return x.enc.Flush()
}

// Warnings returns what the last conversion noted without failing. The
// slice is reused by the next conversion.
func (x *XMLReader) Warnings() *Warnings { return &x.warns }

// init makes a zero XMLReader the one NewXMLReader() returns.
func (x *XMLReader) init() {
	if !x.ready {
		*x = *NewXMLReader()
	}
}

// AppendWBXML converts the XML document src to WBXML appended to dst, with
// a new XMLReader for the options. Use an XMLReader to convert many
// documents without allocating.
func AppendWBXML(dst, src []byte, opts ...Option) ([]byte, error) {
	return NewXMLReader(opts...).AppendWBXML(dst, src)
}

// run converts the document src: all of it, or up to byte offset stop
// when stop ≥ 0 (see loop).
func (x *XMLReader) run(src []byte, stop int64) error {
	if x.vocab == nil {
		return &XMLError{Line: 1, Column: 1, Err: ErrUnknownTag, Msg: "no vocabulary: use WithVocabulary"}
	}
	x.begin(src)
	defer func() { x.doc = nil }()
	return x.loop(stop)
}

// begin sets x to read src from its start, with no warnings yet.
func (x *XMLReader) begin(src []byte) {
	x.doc = src
	x.sc.ResetFrom(src, x.from)
	x.stack = x.stack[:0]
	x.text, x.hasText, x.layout = nil, false, false
	x.warns.reset()
	x.warnPos = textPos{line: 1, column: 1}
}

// loop converts tokens to the end of the document or, when stop ≥ 0,
// until the scanner reaches byte offset stop, which must be a token
// boundary.
func (x *XMLReader) loop(stop int64) error {
	for {
		if stop >= 0 && x.sc.InputOffset() >= stop {
			return nil
		}
		t, err := x.sc.ReadToken()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return x.scanError(err)
		}
		switch t.Kind {
		case xmlscan.Text:
			x.addText(t)
			continue
		case xmlscan.StartElement:
			err = x.start(t)
		case xmlscan.EndElement:
			err = x.end(t.Offset, t.SelfClosing)
		case xmlscan.Leaf:
			err = x.leafElement(t)
		}
		if err != nil {
			return err
		}
	}
}

// addText keeps the character data until the next tag says whether it is
// an element's content or white space between elements. The scanner
// keeps the text valid through the next token, which is a start or end
// tag, so the text is not copied.
func (x *XMLReader) addText(t *xmlscan.Token) {
	x.hasText = true
	x.textOff = t.Offset
	x.text = t.Text
	x.layout = false
	if t.Whitespace {
		// Literal white space is layout; written as references or CDATA
		// it is content. Text that is the document's bytes from its
		// offset to the scanner's position holds neither.
		end := x.sc.InputOffset()
		raw := x.doc[t.Offset:end]
		if len(raw) == len(t.Text) && unsafe.SliceData(raw) == unsafe.SliceData(t.Text) {
			x.layout = true
		} else {
			x.layout = bytes.IndexByte(raw, '&') < 0 && !bytes.Contains(raw, []byte("<![CDATA["))
		}
	}
}

// inDoc reports whether b lies inside the document.
func (x *XMLReader) inDoc(b []byte) bool {
	if len(b) == 0 || len(x.doc) == 0 {
		return len(b) == 0
	}
	p := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	d := uintptr(unsafe.Pointer(unsafe.SliceData(x.doc)))
	return p >= d && p+uintptr(len(b)) <= d+uintptr(len(x.doc))
}

// flushBetween writes pending text that stands between child elements:
// dropped when it is layout white space, a string otherwise.
func (x *XMLReader) flushBetween() error {
	if !x.hasText {
		return nil
	}
	x.hasText = false
	if x.layout && !x.keepWS {
		return nil
	}
	if err := x.enc.xmlString(x.text); err != nil {
		return x.encError(x.textOff, err)
	}
	return nil
}

func (x *XMLReader) start(t *xmlscan.Token) error {
	var f rframe
	if err := x.enterParent(t); err != nil {
		return err
	}
	if string(t.Name.Space) == MarkerNamespace {
		return x.startMarker(t, f)
	}
	valid, err := x.tagOf(t, &f)
	if err != nil {
		return err
	}
	if len(t.Attrs) > 0 {
		if err := x.attrs(t, &f); err != nil {
			return err
		}
	}
	if !valid {
		if err := x.notInVersion(t, &f); err != nil {
			return err
		}
	}
	return x.push(t, f)
}

// enterParent checks that the parent of the element starting at t may
// have child elements, writes the text before it, and marks the parent as
// having children.
func (x *XMLReader) enterParent(t *xmlscan.Token) error {
	n := len(x.stack)
	if n == 0 {
		return nil
	}
	p := &x.stack[n-1]
	if p.pseudo != pseudoNone {
		return x.errAt(t.Offset, ErrMarker, "<easkit:"+pseudoName(p.pseudo)+"> holds base64 text, not elements")
	}
	if p.wire {
		return x.errAt(p.wireOff, ErrMarker, "easkit:wire on an element with child elements")
	}
	if err := x.flushBetween(); err != nil {
		return err
	}
	p.children = true
	return nil
}

// tagOf sets the page, code and content kind of the element starting at
// t in f, from the tag cache or the vocabulary, and reports whether the
// tag is in the protocol version being checked.
func (x *XMLReader) tagOf(t *xmlscan.Token, f *rframe) (valid bool, err error) {
	var key tagKey
	key.set(t.Name.Space, t.Name.Local)
	if e, ok := x.tags.find(&key, t.Name.Space, t.Name.Local); ok {
		f.page, f.code, f.kind, valid = e.page, e.code, e.kind, e.valid
	} else {
		page, code, ok := x.vocab.LookupTag(t.Name.Space, t.Name.Local)
		if !ok {
			return false, x.errAt(t.Offset, ErrUnknownTag, "unknown element "+strconv.Quote(string(t.Name.Local))+" in namespace "+strconv.Quote(string(t.Name.Space)))
		}
		f.page, f.code = page, code
		if x.spell != nil {
			f.kind = x.spell.SpellingContent(page, code, t.Name.Local)
		} else {
			f.kind = x.vocab.Content(page, code)
		}
		valid = x.valid == nil || x.valid.ValidTag(page, code)
		x.tags.store(e, &key, t.Name.Space, t.Name.Local, page, code, f.kind, valid)
	}
	return valid, nil
}

// notInVersion reports the element starting at t, whose tag f holds, as
// outside the protocol version being checked: an error in strict mode, a
// warning otherwise.
func (x *XMLReader) notInVersion(t *xmlscan.Token, f *rframe) error {
	if x.strict {
		return x.errAt(t.Offset, ErrNotInVersion, string(t.Name.Local)+" ("+x.vocab.PageName(f.page)+") is not in the protocol version being checked")
	}
	x.warn(t.Offset, f.page, f.code, ErrNotInVersion)
	return nil
}

func (x *XMLReader) push(t *xmlscan.Token, f rframe) error {
	if f.pseudo == pseudoNone {
		if err := x.enc.StartTag(f.page, f.code, false); err != nil {
			return x.encError(t.Offset, err)
		}
	}
	x.stack = append(x.stack, f)
	return nil
}

// startMarker handles the easkit elements: <easkit:unknown page token>,
// <easkit:opaque> and <easkit:str>.
func (x *XMLReader) startMarker(t *xmlscan.Token, f rframe) error {
	switch string(t.Name.Local) {
	case markerUnknown:
		havePage, haveToken := false, false
		for i := range t.Attrs {
			a := &t.Attrs[i]
			if len(a.Name.Space) != 0 {
				if string(a.Name.Space) == MarkerNamespace && string(a.Name.Local) == markerWire {
					if err := x.wire(a, &f); err != nil {
						return err
					}
					continue
				}
				if err := x.foreignAttr(a); err != nil {
					return err
				}
				continue
			}
			switch string(a.Name.Local) {
			case "page":
				n, err := strconv.ParseUint(string(a.Value), 0, 8)
				if err != nil {
					return x.errAt(a.Offset, ErrMarker, "page must be a number 0-255")
				}
				f.page, havePage = uint8(n), true
			case "token":
				n, err := strconv.ParseUint(string(a.Value), 0, 8)
				if err != nil || n < 0x05 || n > 0x3F {
					return x.errAt(a.Offset, ErrMarker, "token must be a number 0x05-0x3F")
				}
				f.code, haveToken = uint8(n), true
			default:
				if err := x.foreignAttr(a); err != nil {
					return err
				}
			}
		}
		if !havePage || !haveToken {
			return x.errAt(t.Offset, ErrMarker, "<easkit:unknown> needs page and token attributes")
		}
		if x.strict && x.vocab.TagName(f.page, f.code) == "" {
			return x.errAt(t.Offset, ErrUnknownTag, "tag page "+strconv.Itoa(int(f.page))+" token 0x"+string([]byte{hexDigits[f.code>>4], hexDigits[f.code&15]})+" is not in the vocabulary")
		}
		f.kind = ContentText
		if x.vocab.TagName(f.page, f.code) != "" {
			f.kind = x.vocab.Content(f.page, f.code)
		}
		return x.push(t, f)
	case markerOpaque, markerStr:
		if len(x.stack) == 0 {
			return x.errAt(t.Offset, ErrMarker, "<easkit:"+string(t.Name.Local)+"> cannot be the root element")
		}
		f.pseudo = pseudoOpaque
		if string(t.Name.Local) == markerStr {
			f.pseudo = pseudoStr
		}
		for i := range t.Attrs {
			if err := x.foreignAttr(&t.Attrs[i]); err != nil {
				return err
			}
		}
		return x.push(t, f)
	}
	return x.errAt(t.Offset, ErrMarker, "unknown easkit element "+strconv.Quote(string(t.Name.Local)))
}

func pseudoName(p uint8) string {
	if p == pseudoStr {
		return markerStr
	}
	return markerOpaque
}

// attrs reads the attributes of a vocabulary element: only easkit:wire
// means anything.
func (x *XMLReader) attrs(t *xmlscan.Token, f *rframe) error {
	for i := range t.Attrs {
		a := &t.Attrs[i]
		if string(a.Name.Space) == MarkerNamespace && string(a.Name.Local) == markerWire {
			if err := x.wire(a, f); err != nil {
				return err
			}
			continue
		}
		if err := x.foreignAttr(a); err != nil {
			return err
		}
	}
	return nil
}

func (x *XMLReader) wire(a *xmlscan.Attr, f *rframe) error {
	b64, runs, off, msg := parseWire(a.Value, x.runs)
	x.runs = runs
	if msg != "" {
		_ = off
		return x.errAt(a.Offset, ErrMarker, "easkit:wire: "+msg)
	}
	f.wire, f.b64, f.wireOff = true, b64, a.Offset
	return nil
}

// foreignAttr handles an attribute that has no WBXML form.
func (x *XMLReader) foreignAttr(a *xmlscan.Attr) error {
	if x.strict || string(a.Name.Space) == MarkerNamespace {
		return x.errAt(a.Offset, ErrNoXML, "attribute "+strconv.Quote(string(a.Name.Local))+" has no WBXML form")
	}
	x.warn(a.Offset, 0, 0, ErrNoXML)
	return nil
}

// leafElement converts a Leaf, <X>text</X> in one token, as its start
// tag, text and end tag would be.
//
// An element of the vocabulary is written straight away, without a frame
// of its own: its start tag, its content as leaf writes it, its END.
func (x *XMLReader) leafElement(t *xmlscan.Token) error {
	if string(t.Name.Space) == MarkerNamespace {
		if err := x.start(t); err != nil {
			return err
		}
		x.setLeafText(t)
		return x.end(t.EndOffset, false)
	}
	if err := x.enterParent(t); err != nil {
		return err
	}
	var f rframe
	valid, err := x.tagOf(t, &f)
	if err != nil {
		return err
	}
	if !valid {
		if err := x.notInVersion(t, &f); err != nil {
			return err
		}
	}
	if k := f.kind; k != ContentBinary && k != ContentOpaqueText && k != ContentBase64OrText && x.enc.xmlLeaf(f.page, f.code, t.Text) {
		return nil
	}
	if err := x.enc.StartTag(f.page, f.code, false); err != nil {
		return x.encError(t.Offset, err)
	}
	x.setLeafText(t)
	if err := x.leaf(&f); err != nil {
		return err
	}
	x.hasText = false
	return x.encError(t.EndOffset, x.enc.EndTag())
}

// setLeafText makes a Leaf's text the pending text.
func (x *XMLReader) setLeafText(t *xmlscan.Token) {
	if len(t.Text) > 0 {
		x.hasText, x.textOff, x.text, x.layout = true, t.TextOffset, t.Text, false
	}
}

// end converts the end tag at off (of an empty-element tag when self).
func (x *XMLReader) end(off int64, self bool) error {
	n := len(x.stack) - 1
	f := &x.stack[n]
	var err error
	switch {
	case f.pseudo != pseudoNone:
		err = x.endPseudo(f)
	case f.children:
		err = x.flushBetween()
	default:
		// <X/> and <X></X> are the same XML: text before a self-closing
		// tag was not this element's.
		if self {
			x.hasText = false
		}
		err = x.leaf(f)
	}
	if err != nil {
		return err
	}
	x.hasText = false
	x.stack = x.stack[:n]
	if f.pseudo == pseudoNone {
		if err := x.enc.EndTag(); err != nil {
			return x.encError(off, err)
		}
	}
	return nil
}

// leaf writes the content of an element without child elements. Without
// a marker, no text (<X/>, <X></X>, <X><![CDATA[]]></X>) is no content:
// the tag goes without its content bit. An empty string or OPAQUE takes
// an easkit:wire marker.
func (x *XMLReader) leaf(f *rframe) error {
	var text []byte
	if x.hasText {
		text = x.text
	}
	x.hasText = false
	off := x.textOff
	if !f.wire {
		if len(text) == 0 {
			return nil
		}
		switch f.kind {
		case ContentBinary:
			b, err := x.base64(text, off)
			if err != nil {
				return err
			}
			return x.encError(off, x.enc.Opaque(b))
		case ContentOpaqueText:
			return x.encError(off, x.enc.Opaque(text))
		case ContentBase64OrText:
			if b, err := xmltext.AppendDecodeBase64(x.bin[:0], text); err == nil {
				x.bin = b
				text = b
			}
			return x.encError(off, x.enc.Opaque(text))
		}
		return x.encError(off, x.enc.xmlString(text))
	}
	data := text
	if f.b64 {
		b, err := x.base64(text, off)
		if err != nil {
			return err
		}
		data = b
	}
	if len(x.runs) == 1 {
		x.runs[0].n = len(data)
	}
	total := 0
	for _, r := range x.runs {
		total += r.n
	}
	if total != len(data) {
		return x.errAt(f.wireOff, ErrMarker, "easkit:wire runs add up to "+strconv.Itoa(total)+" bytes, the content has "+strconv.Itoa(len(data)))
	}
	for _, r := range x.runs {
		b := data[:r.n]
		data = data[r.n:]
		var err error
		if r.opaque {
			err = x.enc.Opaque(b)
		} else {
			if bytes.IndexByte(b, 0) >= 0 {
				return x.errAt(f.wireOff, ErrMarker, "a str run holds a NUL byte, which WBXML strings cannot")
			}
			err = x.enc.String(b)
		}
		if err != nil {
			return x.encError(off, err)
		}
	}
	return nil
}

// endPseudo writes the content of <easkit:opaque> or <easkit:str> into
// the enclosing element.
func (x *XMLReader) endPseudo(f *rframe) error {
	var text []byte
	if x.hasText {
		text = x.text
	}
	off := x.textOff
	b, err := x.base64(text, off)
	if err != nil {
		return err
	}
	if f.pseudo == pseudoOpaque {
		return x.encError(off, x.enc.Opaque(b))
	}
	if bytes.IndexByte(b, 0) >= 0 {
		return x.errAt(off, ErrMarker, "<easkit:str> holds a NUL byte, which WBXML strings cannot")
	}
	return x.encError(off, x.enc.String(b))
}

// base64 decodes element text strictly into x.bin.
func (x *XMLReader) base64(text []byte, off int64) ([]byte, error) {
	b, err := xmltext.AppendDecodeBase64(x.bin[:0], text)
	if err != nil {
		var be *xmltext.Base64Error
		if errors.As(err, &be) {
			// Point at the character: text offsets map to the document
			// when the text is a piece of it.
			at := off
			if x.inDoc(text) {
				at = int64(uintptr(unsafe.Pointer(unsafe.SliceData(text)))-uintptr(unsafe.Pointer(unsafe.SliceData(x.doc)))) + int64(be.Offset)
			}
			return nil, x.errAt(at, ErrMarker, "bad base64: "+be.Reason)
		}
		return nil, err
	}
	x.bin = b
	return b, nil
}

// textPos is a byte offset of the XML input and its line and column.
type textPos struct {
	off          int64
	line, column int
}

func (x *XMLReader) warn(off int64, page, code uint8, err error) {
	if len(x.warns.List) >= maxWarnings {
		x.warns.Count++ // only counted: no need to find its line
		return
	}
	// Warnings come in document order: place each from the one before.
	p := &x.warnPos
	if off < p.off {
		*p = textPos{line: 1, column: 1}
	}
	p.line, p.column = xmlscan.PositionFrom(x.doc, p.off, p.line, p.column, off)
	p.off = off
	x.warns.add(Warning{Offset: off, Line: p.line, Column: p.column, Page: page, Code: code, Err: err})
}

func (x *XMLReader) errAt(off int64, err error, msg string) error {
	line, col := x.sc.Position(off)
	return &XMLError{Offset: off, Line: line, Column: col, Err: err, Msg: msg}
}

// encError places an Encoder error at an XML position. I/O errors pass
// through.
func (x *XMLReader) encError(off int64, err error) error {
	if err == nil {
		return nil
	}
	var se *SyntaxError
	if !errors.As(err, &se) {
		return err
	}
	msg := se.msg
	if msg == "" && se.Err != nil {
		msg = se.Err.Error()
	}
	return x.errAt(off, se.Err, msg)
}

// scanError turns a scanner error into an *XMLError.
func (x *XMLReader) scanError(err error) error {
	var se *xmlscan.SyntaxError
	if !errors.As(err, &se) {
		return err
	}
	kind := ErrXMLSyntax
	switch {
	case errors.Is(err, xmlscan.ErrDepth):
		kind = ErrDepth
	case errors.Is(err, xmlscan.ErrEncoding), errors.Is(err, xmlscan.ErrUnsupportedEncoding):
		kind = ErrXMLEncoding
	}
	return &XMLError{Offset: se.Offset, Line: se.Line, Column: se.Column, Err: kind, Msg: se.Msg}
}
