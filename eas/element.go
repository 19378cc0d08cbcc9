package eas

import (
	"strconv"
	"strings"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/wbxml"
)

// An Element is one ActiveSync element of a message tree: its tag, its
// child elements and its content (text or bytes).
//
// A tree read by Parse keeps the wire form of every element: as long as an
// element and everything under it are unchanged, AppendWBXML writes their
// bytes exactly as they came (string tables, redundant page switches and
// all). Changing an element (SetText, SetBytes, Append, Remove, …)
// drops the wire form of it and of the elements around it, which are then
// written the canonical way, while unchanged subtrees keep theirs.
//
// An Element read by Parse refers to the input, which must not be modified
// while the tree is used. The methods that read values accept a nil
// *Element, which is what Find returns when nothing matches: Text is "",
// Bool is false, and Int, Time and Bytes report ErrMissing.
//
// The zero Element has no tag; make elements with NewElement.
type Element struct {
	tag      codepages.Tag
	kind     contentKind
	endPage  uint8 // the tag code page in effect after raw
	children []*Element
	value    []byte // the content: text (UTF-8) or OPAQUE bytes, runs joined
	raw      []byte // the element's wire bytes while unchanged, else nil
	parent   *Element
	offset   int64     // input offset of the start tag, -1 for built elements
	src      *document // the document a parsed element was read from, else nil
}

// contentKind says what an element's content was on the wire, or is to
// be written as.
type contentKind uint8

const (
	contentNone   contentKind = iota // no content: an empty element
	contentText                      // inline or table strings, entities
	contentOpaque                    // OPAQUE data
)

// document is what the elements of a parsed tree keep of the input they
// were read from: its header, whose string table their wire bytes may refer
// to, and the whole document while nothing in it has changed.
type document struct {
	header wbxml.Header
	raw    []byte // the document from its first byte to the end of the root and the PIs after it; nil once changed
}

// NewElement returns an element for tag with no content and no children.
func NewElement(tag codepages.Tag) *Element { return &Element{tag: tag, offset: -1} }

// NewText returns an element for tag holding the text s.
func NewText(tag codepages.Tag, s string) *Element {
	return NewElement(tag).SetText(s)
}

// Tag returns the element's tag. The tags of elements that the code pages
// do not define (read in lenient mode) are not codepages.Tag.Known.
func (e *Element) Tag() codepages.Tag {
	if e == nil {
		return 0
	}
	return e.tag
}

// Name returns the element's name ("SyncKey"), or "" for a nil element;
// tags the code pages do not define have their Tag.String.
func (e *Element) Name() string {
	if e == nil {
		return ""
	}
	if n := e.tag.Name(); n != "" {
		return n
	}
	return e.tag.String()
}

// Children returns the child elements in order. The slice belongs to e:
// change the children with Append, Insert and Remove, not through it.
func (e *Element) Children() []*Element {
	if e == nil {
		return nil
	}
	return e.children
}

// Parent returns the element e is a child of, or nil for a root.
func (e *Element) Parent() *Element {
	if e == nil {
		return nil
	}
	return e.parent
}

// Offset returns the byte offset of e's start tag in the WBXML it was read
// from, or -1 for an element made by NewElement.
func (e *Element) Offset() int64 {
	if e == nil {
		return -1
	}
	return e.offset
}

// HasContent reports whether e has text or bytes (possibly empty ones: an
// element holding an empty string has content, an empty element has not).
func (e *Element) HasContent() bool { return e != nil && e.kind != contentNone }

// IsOpaque reports whether e's content is (or is to be written as) OPAQUE
// data rather than a string.
func (e *Element) IsOpaque() bool { return e != nil && e.kind == contentOpaque }

// Value returns e's content as it is: the text's bytes, or the OPAQUE bytes,
// without decoding. The slice must not be modified.
func (e *Element) Value() []byte {
	if e == nil {
		return nil
	}
	return e.value
}

// SetText makes s the content of e and returns e. It is carried as the
// content was (a string, or OPAQUE data), and in an element without
// content as the tag's default: OPAQUE for ComposeMail Mime and the
// byte-array tags (Tag.Content), a string for the others.
func (e *Element) SetText(s string) *Element {
	k := e.kind
	if k == contentNone {
		k = contentText
		if e.tag.Content() != wbxml.ContentText {
			k = contentOpaque
		}
	}
	e.setValue([]byte(s), k)
	return e
}

// SetBytes makes p the content of e and returns e: as OPAQUE data for tags
// whose content is OPAQUE (Tag.Content), as its base64 text for the
// others (Contacts Picture), the way ActiveSync carries bytes in each.
// e keeps p; it must not be modified afterwards.
func (e *Element) SetBytes(p []byte) *Element {
	if e.tag.Content() != wbxml.ContentText {
		e.setValue(p, contentOpaque)
	} else {
		e.setValue(appendBase64(nil, p), contentText)
	}
	return e
}

// SetOpaque makes p the content of e as OPAQUE data, whatever the tag's
// default, and returns e. e keeps p.
func (e *Element) SetOpaque(p []byte) *Element {
	e.setValue(p, contentOpaque)
	return e
}

// SetEmpty removes e's content, making it an empty element (an ActiveSync
// flag such as MoreAvailable), and returns e.
func (e *Element) SetEmpty() *Element {
	e.setValue(nil, contentNone)
	return e
}

func (e *Element) setValue(p []byte, k contentKind) {
	if p == nil && k != contentNone {
		p = []byte{}
	}
	e.value, e.kind = p, k
	e.changed()
}

// Append adds children at the end of e's children and returns e. A child
// that has a parent is first removed from it.
func (e *Element) Append(children ...*Element) *Element {
	return e.Insert(len(e.children), children...)
}

// Insert adds children before the i-th child of e (at the end when i is
// len(e.Children())) and returns e. A child that has a parent is first
// removed from it. It panics if i is out of range, as slices.Insert does.
func (e *Element) Insert(i int, children ...*Element) *Element {
	if i < 0 || i > len(e.children) {
		panic("eas: Insert index " + strconv.Itoa(i) + " out of range")
	}
	for _, c := range children {
		for x := e; x != nil; x = x.parent {
			if x == c {
				panic("eas: Insert would make an element a child of itself or of its descendant")
			}
		}
		if c.parent != nil {
			if c.parent == e {
				if j := e.index(c); j < i {
					i--
				}
			}
			c.parent.Remove(c)
		}
	}
	// A parsed element's children slice is capped at its length, so this
	// never writes into another element's children.
	cs := make([]*Element, 0, len(e.children)+len(children))
	cs = append(append(append(cs, e.children[:i]...), children...), e.children[i:]...)
	for _, c := range children {
		c.parent = e
	}
	e.children = cs
	e.changed()
	return e
}

// Remove removes child from e's children and reports whether it was one.
func (e *Element) Remove(child *Element) bool {
	i := e.index(child)
	if i < 0 {
		return false
	}
	cs := make([]*Element, 0, len(e.children)-1)
	e.children = append(append(cs, e.children[:i]...), e.children[i+1:]...)
	child.parent = nil
	e.changed()
	return true
}

func (e *Element) index(c *Element) int {
	for i, x := range e.children {
		if x == c {
			return i
		}
	}
	return -1
}

// changed drops the wire form of e and of every element above it, and
// that of the whole document they were read from. The elements above one
// without a wire form have none either, so the walk stops there.
func (e *Element) changed() {
	for x := e; x != nil && x.raw != nil; x = x.parent {
		x.raw = nil
		if x.src != nil {
			x.src.raw = nil
		}
	}
}

// Path returns e's path from the root of its tree, as Error.Path spells it.
func (e *Element) Path() string {
	return e.pathWith(func(parent *Element) []*Element { return parent.children })
}

// pathWith builds e's path; siblings returns a list holding the children
// of an element (and possibly other elements) in document order.
func (e *Element) pathWith(siblings func(parent *Element) []*Element) string {
	if e == nil {
		return ""
	}
	var elems []*Element
	for x := e; x != nil; x = x.parent {
		elems = append(elems, x)
	}
	var b strings.Builder
	for i := len(elems) - 1; i >= 0; i-- {
		x := elems[i]
		if b.Len() > 0 {
			b.WriteByte('/')
		}
		var parent codepages.Tag
		if x.parent != nil {
			parent = x.parent.tag
		}
		writePathName(&b, x.tag, parent)
		if x.parent == nil {
			continue
		}
		n := 0
		for _, s := range siblings(x.parent) {
			if s.parent == x.parent && s.tag == x.tag {
				n++
			}
			if s == x {
				break
			}
		}
		if n > 1 {
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(n))
			b.WriteByte(']')
		}
	}
	return b.String()
}

// writePathName writes the name of tag in a path, with its page name when
// the page differs from that of parent (0 for the root).
func writePathName(b *strings.Builder, tag, parent codepages.Tag) {
	name := tag.Name()
	if name == "" {
		b.WriteString(tag.String())
		return
	}
	if parent != 0 && parent.Page() != tag.Page() {
		b.WriteString(codepages.PageName(tag.Page()))
		b.WriteByte(':')
	}
	b.WriteString(name)
}
