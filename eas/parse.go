package eas

import (
	"errors"
	"io"
	"unicode/utf8"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/wbxml"
)

// Parse reads the WBXML document data into a tree and returns its root.
// The tree refers to data, which must not be modified while it is used.
//
// Errors in the WBXML are *wbxml.SyntaxError values (with the byte offset
// and the path of open elements); a tag outside the protocol version of
// WithVersion, and constructs ActiveSync does not use (LITERAL tags,
// attributes, extension tokens, processing instructions inside elements),
// are *Error values. In lenient mode (the default) tags the code pages do
// not define become elements whose Tag is not Known; WithStrict rejects
// them.
//
// Parse allocates the tree in a few blocks, not element by element; a
// Parser reuses them from one document to the next.
func Parse(data []byte, opts ...Option) (*Element, error) {
	var p Parser
	return p.Parse(data, opts...)
}

// A Parser reads documents into trees, reusing its memory: the tree that
// Parse returns (its elements, children lists and copied text) is valid
// until the next call to Parse on the same Parser, which overwrites it.
// A server that handles one request at a time per Parser allocates
// nothing once the Parser has seen a message as large as the request.
//
// The zero Parser is ready to use. A Parser is not safe for concurrent use.
type Parser struct {
	d     wbxml.Decoder
	cfg   config
	wopts []wbxml.Option

	elems slab[Element]
	kids  slab[*Element]
	texts slab[byte]
	doc   document

	open    []*Element // the open elements, root first
	pending []*Element // the children of the open elements read so far
	starts  []int      // where each open element's children start in pending
}

// Parse reads the WBXML document data into a tree; see the function Parse.
// When opts are given they replace the Parser's options; otherwise it keeps
// those of its last call.
func (p *Parser) Parse(data []byte, opts ...Option) (*Element, error) {
	if opts != nil || p.wopts == nil {
		p.cfg.apply(opts)
		p.wopts = p.cfg.decoderOptions(p.wopts[:0])
	}
	p.elems.reset()
	p.kids.reset()
	p.texts.reset()
	// A tag-dense message has an element for every 6 to 10 bytes.
	p.elems.hint, p.kids.hint = len(data)/6, len(data)/6

	d := &p.d
	d.Reset(data, p.wopts...)
	h, err := d.Header()
	if err != nil {
		return nil, err
	}
	doc := &p.doc
	*doc = document{header: h}
	var root *Element
	for {
		tok, err := d.ReadToken()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		switch tok.Kind {
		case wbxml.KindStartTag:
			if root, err = p.subtree(d, data, doc, &tok); err != nil {
				return nil, err
			}
		case wbxml.KindPI:
			if err := p.skipPI(); err != nil {
				return nil, err
			}
		default: // the Decoder allows nothing else outside the root
			return nil, p.unsupported(tok.Offset, "tokens outside the root element")
		}
	}
	doc.raw = data[:d.InputOffset():d.InputOffset()]
	return root, nil
}

// subtree reads the element that start (a KindStartTag just read from d)
// opens, up to its end, and returns it as a tree whose elements refer to
// data, the []byte d reads, and to doc, which holds d's header. The tree
// is allocated from p's memory. start may also be a KindLeaf, a whole
// element; the elements inside are read with NextLeaf (readLeaves), a
// leaf in one step.
func (p *Parser) subtree(d *wbxml.Decoder, data []byte, doc *document, start *wbxml.Token) (*Element, error) {
	if cap(p.open) == 0 {
		p.open, p.starts, p.pending = make([]*Element, 0, 32), make([]int, 0, 32), make([]*Element, 0, 128)
	}
	p.open, p.pending, p.starts = p.open[:0], p.pending[:0], p.starts[:0]
	// Text converted from ISO-8859-1 or US-ASCII lives in a buffer the
	// decoder reuses; other text and OPAQUE data are slices of data.
	copyText := convertedText(doc.header.Charset)
	var root *Element
	tok := start
	for {
		switch tok.Kind {
		case wbxml.KindLeaf:
			e := p.element(tok, doc, &root)
			if p.cfg.version != 0 && !e.tag.ValidIn(p.cfg.version) {
				return nil, p.notInVersion(e)
			}
			if tok.Content {
				p.addContent(e, contentText, tok.Data, copyText)
			}
			p.ended(e, d, data)
			if len(p.open) == 0 {
				return root, nil
			}
		case wbxml.KindStartTag:
			if tok.Literal || tok.Attrs {
				return nil, p.unsupported(tok.Offset, "LITERAL tags and attributes")
			}
			e := p.element(tok, doc, &root)
			if p.cfg.version != 0 && !e.tag.ValidIn(p.cfg.version) {
				return nil, p.notInVersion(e)
			}
			p.open = append(p.open, e)
			p.starts = append(p.starts, len(p.pending))
		case wbxml.KindEndTag:
			n := len(p.open) - 1
			e, first := p.open[n], p.starts[n]
			p.open, p.starts = p.open[:n], p.starts[:n]
			if k := len(p.pending) - first; k > 0 {
				e.children = p.kids.alloc(k)
				copy(e.children, p.pending[first:])
				p.pending = p.pending[:first]
			}
			p.ended(e, d, data)
			if n == 0 {
				return root, nil
			}
		case wbxml.KindString:
			p.addContent(p.open[len(p.open)-1], contentText, tok.Data, copyText)
		case wbxml.KindOpaque:
			p.addContent(p.open[len(p.open)-1], contentOpaque, tok.Data, false)
		case wbxml.KindEntity:
			var b [utf8.UTFMax]byte
			r := rune(tok.Value)
			if r == 0 || !utf8.ValidRune(r) { // a NUL would end a string
				r = utf8.RuneError
			}
			p.addContent(p.open[len(p.open)-1], contentText, utf8.AppendRune(b[:0], r), true)
		case wbxml.KindPI:
			return nil, p.unsupported(tok.Offset, "processing instructions inside elements")
		default:
			return nil, p.unsupported(tok.Offset, "extension tokens")
		}
		var err error
		if readLeaves {
			tok, err = d.NextLeaf()
		} else {
			tok, err = d.Next()
		}
		if err != nil {
			return nil, err
		}
	}
}

// readLeaves makes Parse, Unmarshal and Validate read an element of one
// inline string or none in one step (wbxml.Decoder.NextLeaf); tests turn
// it off to compare the two ways.
var readLeaves = true

// element adds the element that tok (a start tag or a leaf) begins: a
// child of the innermost open element, or the root.
func (p *Parser) element(tok *wbxml.Token, doc *document, root **Element) *Element {
	e := &p.elems.alloc(1)[0]
	e.tag = codepages.NewTag(tok.Page, tok.Code)
	e.offset = tok.Offset
	e.src = doc
	if n := len(p.open); n > 0 {
		e.parent = p.open[n-1]
		p.pending = append(p.pending, e)
	} else {
		*root = e
	}
	return e
}

// notInVersion is the error of element e, whose tag the protocol version
// of p does not have.
func (p *Parser) notInVersion(e *Element) error {
	return p.errorAt(e.offset, e, ErrNotInVersion, e.tag.String()+" is not in protocol "+p.cfg.version.String())
}

// ended records the wire bytes of e, which d has just read to its end,
// and the code page in effect after them.
func (p *Parser) ended(e *Element, d *wbxml.Decoder, data []byte) {
	end := d.InputOffset()
	e.raw = data[e.offset:end:end]
	e.endPage = d.TagPage()
}

// convertedText reports whether the decoder converts the text of charset
// to UTF-8 in a buffer of its own (US-ASCII, ISO-8859-1), rather than
// handing out the input's bytes.
func convertedText(charset uint32) bool {
	return wbxml.CharsetConverted(charset) && charset != wbxml.CharsetUTF8 && charset != wbxml.CharsetUnknown
}

// addContent adds a run of content to e: the first run is kept as it is
// (copied when it is in the decoder's buffer), later ones are joined to it.
// The wire form of the runs is in e.raw until e changes.
func (p *Parser) addContent(e *Element, k contentKind, b []byte, mustCopy bool) {
	if e.kind == contentNone {
		e.kind = k
		if !mustCopy {
			e.value = b
			return
		}
		e.value = p.texts.alloc(len(b))
		copy(e.value, b)
		return
	}
	v := p.texts.alloc(len(e.value) + len(b))
	copy(v[copy(v, e.value):], b)
	e.value = v
	if k != e.kind {
		// Strings and OPAQUE data in one element: only OPAQUE can carry
		// the whole (it may hold a NUL).
		e.kind = contentOpaque
	}
}

// skipPI reads the rest of a processing instruction outside the root.
func (p *Parser) skipPI() error {
	for {
		tok, err := p.d.ReadToken()
		if err != nil {
			return err
		}
		if tok.Kind == wbxml.KindEndPI {
			return nil
		}
	}
}

func (p *Parser) unsupported(off int64, what string) error {
	var e *Element
	if n := len(p.open); n > 0 {
		e = p.open[n-1]
	}
	return p.errorAt(off, e, ErrUnsupported, what+" are not part of ActiveSync")
}

// errorAt returns an *Error at offset off, in element e (nil at the
// document level) of the tree being read.
func (p *Parser) errorAt(off int64, e *Element, err error, msg string) error {
	return &Error{Offset: off, Path: e.pathWhileOpen(p.pending), Err: err, Msg: msg}
}

// pathWhileOpen returns e's path while the tree is being read: the
// children of open elements are still in pending, not yet in their
// parents.
func (e *Element) pathWhileOpen(pending []*Element) string {
	return e.pathWith(func(*Element) []*Element { return pending })
}
