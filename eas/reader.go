package eas

import (
	"encoding"
	"encoding/base64"
	"errors"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/wbxml"
)

// A Reader is the cursor a FastUnmarshaler reads a message with: the
// token stream of Unmarshal, with its path of open elements, its options
// (WithStrict, WithVersion) and its errors, which carry the byte offset and
// the path exactly as those of the reflective Unmarshal do. Only Unmarshal
// and Decoder.Decode make Readers; one is valid during the ReadEAS call.
//
// Code reading an element with children loops on Next; for each child it
// opens it (Once, or Child for a repeated element), reads it (a value
// method such as String or Int, or its own children), then calls Close.
// A child it has no field for goes to Unknown, Keep, or Name (for a
// `names` field). At the end
// (Next returns false) it reports the required children that were absent
// with Missing.
type Reader struct {
	u   *unmarshalState
	tok wbxml.Token // the last start tag
}

// Offset returns the byte offset of the start tag of the element last
// opened (at the start of a ReadEAS, the root's).
func (r *Reader) Offset() int64 { return r.tok.Offset }

// Root checks that the root element is tag: it returns the ErrUnexpected
// error of Unmarshal otherwise.
func (r *Reader) Root(tag codepages.Tag) error {
	if got := codepages.NewTag(r.tok.Page, r.tok.Code); got != tag {
		return r.u.errAt(r.tok.Offset, ErrUnexpected, "the root element is "+got.String()+", not "+tag.String())
	}
	return nil
}

// Next reads up to the next child of the current element and returns its
// tag and true, or false at the end of the current element. Text between
// the children is skipped (an ErrValue error under WithStrict).
func (r *Reader) Next() (codepages.Tag, bool, error) { return r.next(false) }

// TextMark starts keeping the text of the current element, one that holds
// text or elements (a type with a chardata field): NextText keeps the
// text between its children, and Chardata(mark) returns it at its end.
func (r *Reader) TextMark() int { return len(r.u.chars) }

// NextText is Next for an element whose text is kept (TextMark): the text
// between the children, STR_I, STR_T, OPAQUE and ENTITY pieces, is
// appended to it, not skipped.
func (r *Reader) NextText() (codepages.Tag, bool, error) { return r.next(true) }

// Chardata returns the text NextText kept since mark (TextMark), as a new
// string, "" for none, and stops keeping it.
func (r *Reader) Chardata(mark int) string {
	u := r.u
	s := u.str(u.chars[mark:])
	u.chars = u.chars[:mark]
	return s
}

// next is Next, keeping the text between the children when keep is set.
func (r *Reader) next(keep bool) (codepages.Tag, bool, error) {
	u := r.u
	for {
		next, err := u.child()
		if err != nil {
			return 0, false, err
		}
		switch next.Kind {
		case wbxml.KindEndTag:
			return 0, false, nil
		case wbxml.KindStartTag, wbxml.KindLeaf:
			r.tok = *next
			if next.Kind == wbxml.KindLeaf {
				u.leafOpened(&r.tok)
			}
			return codepages.NewTag(next.Page, next.Code), true, nil
		case wbxml.KindString, wbxml.KindOpaque, wbxml.KindEntity:
			if keep {
				u.chars = appendPiece(u.chars, next)
			} else if u.cfg.strict {
				return 0, false, u.errAt(next.Offset, ErrValue, "content in an element that holds elements")
			}
		case wbxml.KindPI:
			return 0, false, u.errAt(next.Offset, ErrUnsupported, "processing instructions inside elements are not part of ActiveSync")
		default:
			return 0, false, u.errAt(next.Offset, ErrUnsupported, "extension tokens are not part of ActiveSync")
		}
	}
}

// Child opens the child Next returned as the n-th of its tag (from 1),
// for a repeated element, checking its tag against the protocol version.
func (r *Reader) Child(n int) error {
	u := r.u
	tag := codepages.NewTag(r.tok.Page, r.tok.Code)
	u.path = append(u.path, pathStep{tag: tag, n: n})
	return u.checkStart(&r.tok, tag)
}

// Once opens the child Next returned, for an element that may occur once:
// seen says whether it occurred before, which is an ErrDuplicate error.
func (r *Reader) Once(seen bool) error {
	n := 1
	if seen {
		n = 2
	}
	if err := r.Child(n); err != nil {
		return err
	}
	if seen {
		tag := codepages.NewTag(r.tok.Page, r.tok.Code)
		return r.u.errAt(r.tok.Offset, ErrDuplicate, tag.Name()+" occurs more than once")
	}
	return nil
}

// Close closes the child opened by Child or Once, once it has been read.
func (r *Reader) Close() { r.u.path = r.u.path[:len(r.u.path)-1] }

// Unknown skips the child Next returned, which owner (the Go type name,
// for the message) has no field for; under WithStrict it is an
// ErrUnexpected error.
func (r *Reader) Unknown(owner string) error {
	u := r.u
	tag := codepages.NewTag(r.tok.Page, r.tok.Code)
	u.path = append(u.path, pathStep{tag: tag, n: 1})
	if err := u.checkStart(&r.tok, tag); err != nil {
		return err
	}
	if u.cfg.strict {
		return u.errAt(r.tok.Offset, ErrUnexpected, owner+" has no field for "+tag.String())
	}
	u.path = u.path[:len(u.path)-1]
	return u.skip()
}

// Keep reads the child Next returned, which no field names, as a tree and
// appends it to list (an `any` field); the caller truncates list at the
// first such child.
func (r *Reader) Keep(list *[]*Element) error {
	u := r.u
	tag := codepages.NewTag(r.tok.Page, r.tok.Code)
	u.path = append(u.path, pathStep{tag: tag, n: 1, kept: *list})
	if err := u.checkStart(&r.tok, tag); err != nil {
		return err
	}
	e, err := u.tree(&r.tok)
	if err != nil {
		return err
	}
	*list = append(*list, e)
	u.path = u.path[:len(u.path)-1]
	return nil
}

// Missing returns the ErrMissing error of the required child tag absent
// from the element whose start tag is at offset (Offset at its start).
func (r *Reader) Missing(tag codepages.Tag, offset int64) error {
	return r.u.errAt(offset, ErrMissing, tag.Name()+" is required")
}

// String reads the content of the element opened as a string (text or
// OPAQUE data, as it is).
func (r *Reader) String() (string, error) {
	p, _, err := r.u.content(&r.tok)
	if err != nil {
		return "", err
	}
	return r.u.str(p), nil
}

// Bytes reads the content of the element opened into dst[:0]: OPAQUE
// data as it is, text as base64 unless opaque is set. An element with no
// content gives nil when dst is nil, empty content a non-nil empty slice.
func (r *Reader) Bytes(dst []byte, opaque bool) ([]byte, error) {
	u := r.u
	p, kind, err := u.content(&r.tok)
	if err != nil {
		return nil, err
	}
	dst = dst[:0]
	if kind == contentText && !opaque {
		d, err := base64.StdEncoding.AppendDecode(dst, p)
		if err != nil {
			return nil, u.valueError(&r.tok, p, "not base64")
		}
		dst = d
	} else {
		dst = append(dst, p...)
	}
	if dst == nil && kind != contentNone {
		dst = []byte{}
	}
	return dst, nil
}

// Int reads the content of the element opened as a decimal integer of
// bits bits (0: int).
func (r *Reader) Int(bits int) (int64, error) {
	p, _, err := r.u.content(&r.tok)
	if err != nil {
		return 0, err
	}
	if bits == 0 {
		bits = strconv.IntSize
	}
	n, err := strconv.ParseInt(bytesView(p), 10, bits)
	if err != nil {
		return 0, r.u.valueError(&r.tok, p, numberProblem(err, "int", bits))
	}
	return n, nil
}

// Uint reads the content of the element opened as a decimal unsigned
// integer of bits bits (0: uint).
func (r *Reader) Uint(bits int) (uint64, error) {
	p, _, err := r.u.content(&r.tok)
	if err != nil {
		return 0, err
	}
	if bits == 0 {
		bits = strconv.IntSize
	}
	n, err := strconv.ParseUint(bytesView(p), 10, bits)
	if err != nil {
		return 0, r.u.valueError(&r.tok, p, numberProblem(err, "uint", bits))
	}
	return n, nil
}

// Bool reads the content of the element opened as a boolean: "1" or
// "0" ("true", "false"), and no content at all is true.
func (r *Reader) Bool() (bool, error) {
	p, kind, err := r.u.content(&r.tok)
	if err != nil {
		return false, err
	}
	switch bytesView(p) {
	case "1", "true":
		return true, nil
	case "0", "false":
		return false, nil
	case "":
		return kind == contentNone, nil
	}
	return false, r.u.valueError(&r.tok, p, "not a boolean (1 or 0)")
}

// Empty reads the element opened, which must have no content.
func (r *Reader) Empty() error {
	p, _, err := r.u.content(&r.tok)
	if err != nil {
		return err
	}
	if len(p) != 0 {
		return r.u.valueError(&r.tok, p, "content in an element that must be empty")
	}
	return nil
}

// Time reads the content of the element opened as a date and time
// (ParseTime).
func (r *Reader) Time() (time.Time, error) {
	p, _, err := r.u.content(&r.tok)
	if err != nil {
		return time.Time{}, err
	}
	t, err := ParseTime(bytesView(p))
	if err != nil {
		return time.Time{}, r.u.valueError(&r.tok, p, "not an ActiveSync date and time")
	}
	return t, nil
}

// Text reads the content of the element opened with v's UnmarshalText.
func (r *Reader) Text(v encoding.TextUnmarshaler) error {
	p, _, err := r.u.content(&r.tok)
	if err != nil {
		return err
	}
	if err := v.UnmarshalText(p); err != nil {
		t := reflect.TypeOf(v)
		if t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		return r.u.valueError(&r.tok, p, "not a "+t.String()+": "+err.Error())
	}
	return nil
}

// Custom reads the element opened, as a tree, with v's UnmarshalEAS.
func (r *Reader) Custom(v Unmarshaler) error {
	u := r.u
	e, err := u.tree(&r.tok)
	if err != nil {
		return err
	}
	if err := v.UnmarshalEAS(e); err != nil {
		var ee *Error
		if errors.As(err, &ee) {
			return err
		}
		return &Error{Offset: r.tok.Offset, Path: u.pathString(), Err: err}
	}
	return nil
}

// Base64 writes element tag holding p as base64 text, whatever the tag's
// default (a []byte field with the base64 option).
func (b *Builder) Base64(tag codepages.Tag, p []byte) {
	b.init()
	b.scratch = appendBase64(b.scratch[:0], p)
	b.value(tag, b.scratch, false)
}

// TextOrOpaque writes element tag holding s as Marshal writes a string
// field: as OPAQUE data for the tags whose content is OPAQUE and for text
// holding a NUL byte (which a WBXML string cannot), as text otherwise.
func (b *Builder) TextOrOpaque(tag codepages.Tag, s string) {
	b.value(tag, stringBytes(s), tag.Content() != wbxml.ContentText || strings.IndexByte(s, 0) >= 0)
}
