package eas

import (
	"bytes"
	"strconv"
	"strings"
	"time"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/wbxml"
)

// A Builder writes an ActiveSync message by hand, element by element,
// keyed by codepages.Tag:
//
//	var b eas.Builder
//	b.Start(codepages.FolderHierarchyFolderSync)
//	b.Text(codepages.FolderHierarchySyncKey, "0")
//	msg, err := b.Finish()
//
// It writes the WBXML header, the page switches and the ends; an element
// holding a value is one call (Text, Int, Bytes, Time, Empty). The first
// error sticks: later calls do nothing and Finish returns it, with the
// output offset and the path of open elements. A tag the code pages do not
// define is an error, and so is, with WithVersion, a tag that protocol
// version does not have.
//
// Reset with a caller's buffer makes a Builder reuse its memory: writing a
// message then allocates nothing.
//
// The zero Builder is ready to use and appends to a new buffer. A Builder
// is not safe for concurrent use.
type Builder struct {
	enc     wbxml.Encoder
	cfg     config
	ready   bool
	err     error
	hdr     wbxml.Header
	open    []codepages.Tag
	done    bool // the root element has been written
	scratch []byte
}

// NewBuilder returns a Builder that appends a message to dst.
func NewBuilder(dst []byte, opts ...Option) *Builder {
	b := new(Builder)
	b.Reset(dst, opts...)
	return b
}

// Reset makes b append a new message to dst, reusing b's memory. When
// opts are given they replace b's options; otherwise b keeps them.
func (b *Builder) Reset(dst []byte, opts ...Option) {
	if opts != nil || !b.ready {
		b.cfg.apply(opts)
	}
	b.reset(dst, wbxml.DefaultHeader())
}

// reset starts a message with header h.
func (b *Builder) reset(dst []byte, h wbxml.Header) {
	b.ready = true
	b.err, b.hdr, b.done = nil, h, false
	b.open = b.open[:0]
	b.enc.ResetAppend(dst, wbxml.WithHeader(h), wbxml.WithMaxDepth(b.cfg.maxDepth))
}

func (b *Builder) init() {
	if !b.ready {
		b.Reset(nil)
	}
}

// Err returns the first error of the message being written, or nil.
func (b *Builder) Err() error { return b.err }

// Depth returns the number of open elements.
func (b *Builder) Depth() int { return len(b.open) }

// Start opens element tag; its children and content follow, then End.
func (b *Builder) Start(tag codepages.Tag) {
	if !b.check(tag) {
		return
	}
	if err := b.enc.StartTag(tag.Page(), tag.Token(), false); err != nil {
		b.fail(err)
		return
	}
	b.open = append(b.open, tag)
}

// End closes the innermost open element.
func (b *Builder) End() {
	b.init()
	if b.err != nil {
		return
	}
	if len(b.open) == 0 {
		b.failf(ErrBuilder, "End with no open element")
		return
	}
	if err := b.enc.EndTag(); err != nil {
		b.fail(err)
		return
	}
	b.open = b.open[:len(b.open)-1]
	b.done = len(b.open) == 0
}

// Empty writes element tag with no content: an ActiveSync flag such as
// MoreAvailable, or a request for a value (Provision's empty elements).
func (b *Builder) Empty(tag codepages.Tag) {
	b.Start(tag)
	b.End()
}

// Text writes element tag holding the text s (as OPAQUE data for the tags
// whose content is sent so: ComposeMail Mime and the byte arrays).
func (b *Builder) Text(tag codepages.Tag, s string) {
	b.init()
	b.scratch = append(b.scratch[:0], s...)
	b.value(tag, b.scratch, tag.Content() != wbxml.ContentText)
}

// TextBytes is Text for text held in a byte slice.
func (b *Builder) TextBytes(tag codepages.Tag, s []byte) {
	b.value(tag, s, tag.Content() != wbxml.ContentText)
}

// Chardata writes s as the text of the innermost open element, for an
// element that holds text or elements (an XSD mixed type, such as Search
// Query): Marshal writes a chardata field so, before the children. The
// text goes as a string, or as OPAQUE data when it holds a NUL byte (as
// Marshal writes a string field); an empty s writes nothing.
func (b *Builder) Chardata(s string) { b.chardata(stringBytes(s)) }

func (b *Builder) chardata(p []byte) {
	b.init()
	if b.err != nil || len(p) == 0 {
		return
	}
	if len(b.open) == 0 {
		b.failf(ErrBuilder, "Chardata with no open element")
		return
	}
	var err error
	if bytes.IndexByte(p, 0) >= 0 {
		err = b.enc.Opaque(p)
	} else {
		err = b.enc.String(p)
	}
	if err != nil {
		b.fail(err)
	}
}

// Int writes element tag holding n in decimal.
func (b *Builder) Int(tag codepages.Tag, n int64) {
	b.init()
	b.scratch = strconv.AppendInt(b.scratch[:0], n, 10)
	b.value(tag, b.scratch, false)
}

// Uint writes element tag holding n in decimal.
func (b *Builder) Uint(tag codepages.Tag, n uint64) {
	b.init()
	b.scratch = strconv.AppendUint(b.scratch[:0], n, 10)
	b.value(tag, b.scratch, false)
}

// Bytes writes element tag holding p the way ActiveSync carries bytes in
// it: as OPAQUE data for the tags whose content is OPAQUE (Tag.Content:
// ConversationId, AirSyncBase Content, …), as base64 text for the others
// (Contacts Picture). Element.Bytes reads both back.
func (b *Builder) Bytes(tag codepages.Tag, p []byte) {
	if tag.Content() != wbxml.ContentText {
		b.value(tag, p, true)
		return
	}
	b.init()
	b.scratch = appendBase64(b.scratch[:0], p)
	b.value(tag, b.scratch, false)
}

// Opaque writes element tag holding p as OPAQUE data, whatever the tag's
// default.
func (b *Builder) Opaque(tag codepages.Tag, p []byte) { b.value(tag, p, true) }

// Time writes element tag holding t in the spelling ActiveSync uses for
// the tag (see AppendTime).
func (b *Builder) Time(tag codepages.Tag, t time.Time) {
	b.init()
	b.scratch = AppendTime(b.scratch[:0], tag, t)
	b.value(tag, b.scratch, false)
}

// value writes element tag holding p, as a string or as OPAQUE data.
func (b *Builder) value(tag codepages.Tag, p []byte, opaque bool) {
	b.Start(tag)
	if b.err != nil {
		return
	}
	var err error
	if opaque {
		err = b.enc.Opaque(p)
	} else {
		err = b.enc.String(p)
	}
	if err != nil {
		b.fail(err)
		return
	}
	b.End()
}

// Element writes the tree e, keeping the wire bytes of every unchanged
// subtree read by Parse (see Element). Elements with tags the code pages
// do not define, which Parse keeps in lenient mode, are written too,
// unless a protocol version is set (WithVersion).
func (b *Builder) Element(e *Element) {
	b.init()
	if b.err != nil {
		return
	}
	if e == nil {
		b.failf(ErrMissing, "Element(nil)")
		return
	}
	b.element(e)
}

func (b *Builder) element(e *Element) {
	if e.raw != nil && b.sameHeader(e.src) {
		if b.cfg.version != 0 && !b.checkTree(e) {
			return
		}
		if err := b.enc.CopyElement(e.raw, e.tag.Page(), e.endPage); err != nil {
			b.fail(err)
			return
		}
		b.done = len(b.open) == 0
		return
	}
	if e.tag.Known() {
		b.Start(e.tag)
	} else if b.cfg.version != 0 {
		b.checkTag(e.tag) // records the error
	} else if err := b.enc.StartTag(e.tag.Page(), e.tag.Token(), false); err != nil {
		b.fail(err)
	} else {
		b.open = append(b.open, e.tag)
	}
	if b.err != nil {
		return
	}
	var err error
	switch e.kind {
	case contentText:
		err = b.enc.String(e.value)
	case contentOpaque:
		err = b.enc.Opaque(e.value)
	}
	if err != nil {
		b.fail(err)
		return
	}
	for _, c := range e.children {
		b.element(c)
		if b.err != nil {
			return
		}
	}
	b.End()
}

// checkTree checks the tags of a subtree that is copied as it is.
func (b *Builder) checkTree(e *Element) bool {
	if !b.checkTag(e.tag) {
		return false
	}
	for _, c := range e.children {
		if !b.checkTree(c) {
			return false
		}
	}
	return true
}

// sameHeader reports whether wire bytes read from src can be copied into
// b's message: the same charset, and src's string table (which STR_T
// tokens refer to) is b's or empty.
func (b *Builder) sameHeader(src *document) bool {
	if src == nil {
		return false
	}
	h := &b.hdr
	if src.header.Charset != h.Charset {
		return false
	}
	st, bt := src.header.StringTable, h.StringTable
	return len(st) == 0 || len(st) == len(bt) && &st[0] == &bt[0]
}

// Finish closes the elements still open and returns the message, or the
// first error. The message is the buffer given to Reset with the WBXML
// appended; it is the caller's until the next Reset.
func (b *Builder) Finish() ([]byte, error) {
	b.init()
	for b.err == nil && len(b.open) > 0 {
		b.End()
	}
	if b.err == nil && !b.done {
		b.failf(ErrBuilder, "Finish with no element written")
	}
	if b.err != nil {
		return nil, b.err
	}
	return b.enc.Bytes(), nil
}

// check makes b ready and reports whether tag may be written now.
func (b *Builder) check(tag codepages.Tag) bool {
	b.init()
	return b.err == nil && b.checkTag(tag)
}

// checkTag reports whether tag may be written, recording the error if not.
func (b *Builder) checkTag(tag codepages.Tag) bool {
	if !tag.Known() {
		b.failf(ErrUnsupported, tag.String()+" is not an ActiveSync tag")
		return false
	}
	if v := b.cfg.version; v != 0 && !tag.ValidIn(v) {
		b.failf(ErrNotInVersion, tag.String()+" is not in protocol "+v.String())
		return false
	}
	return true
}

func (b *Builder) fail(err error) {
	if _, ok := err.(*wbxml.SyntaxError); ok {
		b.err = &Error{Offset: b.enc.OutputOffset(), Path: b.path(), Err: err}
		return
	}
	b.err = err
}

func (b *Builder) failf(err error, msg string) {
	b.err = &Error{Offset: b.enc.OutputOffset(), Path: b.path(), Err: err, Msg: msg}
}

// path returns the path of the open elements.
func (b *Builder) path() string {
	var s strings.Builder
	var parent codepages.Tag
	for i, t := range b.open {
		if i > 0 {
			s.WriteByte('/')
		}
		writePathName(&s, t, parent)
		parent = t
	}
	return s.String()
}
