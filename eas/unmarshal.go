package eas

import (
	"encoding"
	"encoding/base64"
	"errors"
	"io"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
	"unsafe"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/wbxml"
)

// Unmarshal reads the WBXML document data into v, a non-nil pointer to a
// struct (see the package documentation, "Structs"). It reads the tokens
// as they come, without building a tree, except for the fields that keep
// one (`any`, *Element, Unmarshaler): their trees refer to data, which
// must not be modified while they are used.
//
// Every field the struct's plan knows is set: an element that is absent
// leaves its field zero (nil pointers; slices and []byte of length 0,
// keeping their capacity), so that a struct reused from message to
// message holds only the last one, and reuses its slices.
//
// Strings are the only values it allocates: a string of more than 256
// bytes has its own memory, shorter ones are cut from shared blocks of
// 4 KiB (so the strings of a FolderSync of 293 folders cost one
// allocation, not 880; a string the program keeps keeps at most its block
// alive).
//
// Errors in the WBXML are *wbxml.SyntaxError values; problems with the
// content are *Error values with the element's byte offset and path.
// Elements the struct has no field for are skipped (or kept by an `any`
// field); WithStrict(true) makes them ErrUnexpected errors.
func Unmarshal(data []byte, v any, opts ...Option) error {
	u := unmarshalPool.Get().(*unmarshalState)
	err := u.unmarshal(data, v, opts)
	u.release()
	unmarshalPool.Put(u)
	return err
}

var unmarshalPool = sync.Pool{New: func() any { return new(unmarshalState) }}

// unmarshalState reads one document into a Go value.
type unmarshalState struct {
	d        wbxml.Decoder
	cfg      config
	wopts    []wbxml.Option
	data     []byte
	hdr      wbxml.Header
	copyText bool

	p   *Parser   // for the trees of this document; new for each one that has some
	doc *document // the header the trees refer to

	path    []pathStep
	seen    []uint64
	scratch []byte
	b64     []byte
	strs    []byte // the block the short strings are cut from
	chars   []byte // the text of the open elements with chardata fields, a stack

	rd Reader // for a FastUnmarshaler

	// The element last opened came whole from NextLeaf: its string (when
	// leafText) and its end are still to be read, from here.
	leaf     bool
	leafText bool
	leafData []byte
	leafAt   int64 // its start tag's offset
	leafTok  wbxml.Token
}

// Short strings are cut from blocks of strBlock bytes, one allocation for
// many strings; a string longer than strShort has its own. A block is only
// ever appended to, so the strings cut from it never change, and a string
// kept by the caller keeps at most one block alive.
const (
	strBlock = 4096
	strShort = 256
)

// str returns p as a new string.
func (u *unmarshalState) str(p []byte) string {
	switch {
	case len(p) == 0:
		return ""
	case len(p) == 1:
		return string(p) // Go's one-byte strings are static
	case len(p) > strShort:
		return string(p)
	}
	if len(u.strs)+len(p) > cap(u.strs) {
		u.strs = make([]byte, 0, strBlock)
	}
	start := len(u.strs)
	u.strs = append(u.strs, p...)
	return unsafe.String(&u.strs[start], len(p))
}

// A pathStep is an open element: its tag and its index among the
// siblings of its tag.
type pathStep struct {
	tag codepages.Tag
	n   int
	// A child kept in an `any` or `names` field has for n 1 + the number
	// of its tag among the children kept before it, counted only when a
	// path is spelled out: counting at every child would cost time
	// quadratic in their number.
	kept  []*Element
	names []codepages.Tag
}

// index returns the step's position among same-tag siblings, from 1.
func (s *pathStep) index() int {
	n := s.n
	for _, e := range s.kept {
		if e.tag == s.tag {
			n++
		}
	}
	for _, t := range s.names {
		if t == s.tag {
			n++
		}
	}
	return n
}

func (u *unmarshalState) release() {
	u.data, u.p, u.doc, u.hdr = nil, nil, nil, wbxml.Header{}
	u.rd = Reader{}
	u.leaf, u.leafText, u.leafData = false, false, nil
	clear(u.path[:cap(u.path)]) // the kept lists the steps point at are the caller's
	u.d.Reset(nil)
}

func (u *unmarshalState) unmarshal(data []byte, v any, opts []Option) error {
	fu, fast := v.(FastUnmarshaler)
	fast = fast && !nilPointer(v)
	var rv reflect.Value
	var t reflect.Type
	var r rootInfo
	if !fast {
		rv = reflect.ValueOf(v)
		if rv.Kind() != reflect.Pointer || rv.IsNil() || rv.Elem().Kind() != reflect.Struct {
			return &Error{Offset: -1, Err: ErrUnsupported, Msg: "Unmarshal needs a non-nil pointer to a struct, not " + typeName(v)}
		}
		rv = rv.Elem()
		t = rv.Type()
		r = rootOf(t)
		if r.err != nil {
			return r.err
		}
		if r.tag != 0 { // a type that cannot be planned fails before any input is read
			if _, err := planFor(t, r.tag.Page()); err != nil {
				return err
			}
		}
	}
	u.cfg.apply(opts)
	u.wopts = u.cfg.decoderOptions(u.wopts[:0])
	u.d.Reset(data, u.wopts...)
	u.data, u.p, u.doc = data, nil, nil
	u.path, u.seen, u.chars = u.path[:0], u.seen[:0], u.chars[:0]
	u.leaf, u.leafText, u.leafData = false, false, nil

	h, err := u.d.Header()
	if err != nil {
		return err
	}
	u.hdr = h
	cs := h.Charset
	u.copyText = wbxml.CharsetConverted(cs) && cs != wbxml.CharsetUTF8 && cs != wbxml.CharsetUnknown

	var root wbxml.Token
	for root.Kind != wbxml.KindStartTag {
		if root, err = u.d.ReadToken(); err != nil {
			return err
		}
		switch root.Kind {
		case wbxml.KindStartTag:
		case wbxml.KindPI:
			if err := u.skipPI(); err != nil {
				return err
			}
		default:
			return u.errAt(root.Offset, ErrUnsupported, "tokens outside the root element are not part of ActiveSync")
		}
	}
	tag := codepages.NewTag(root.Page, root.Code)
	u.path = append(u.path, pathStep{tag: tag, n: 1})
	if err := u.checkStart(&root, tag); err != nil {
		return err
	}
	if fast {
		u.rd = Reader{u: u, tok: root}
		if err := fu.ReadEAS(&u.rd); err != nil {
			return err
		}
	} else {
		if r.tag != 0 && tag != r.tag {
			return u.errAt(root.Offset, ErrUnexpected, "the root element is "+tag.String()+", not "+r.tag.String())
		}
		sp, err := planFor(t, tag.Page())
		if err != nil {
			return err
		}
		if err := u.structure(sp, rv, root.Offset, tag); err != nil {
			return err
		}
	}
	for {
		tok, err := u.d.ReadToken()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if tok.Kind == wbxml.KindPI {
			if err := u.skipPI(); err != nil {
				return err
			}
		}
	}
}

// child reads the next token inside the element just opened: a child
// element comes as a KindStartTag or, when it is one inline string or
// none, as a KindLeaf (see leafOpened). When the element itself came as a
// leaf, its string and end are given here, as the Decoder would.
func (u *unmarshalState) child() (*wbxml.Token, error) {
	if u.leaf {
		t := &u.leafTok
		if u.leafText {
			u.leafText = false
			*t = wbxml.Token{Kind: wbxml.KindString, Offset: u.leafAt + 1, Data: u.leafData}
			return t, nil
		}
		u.leaf = false
		*t = wbxml.Token{Kind: wbxml.KindEndTag, Offset: u.leafAt}
		return t, nil
	}
	if readLeaves {
		return u.d.NextLeaf()
	}
	return u.d.Next()
}

// leafOpened makes t, a copy of a KindLeaf token from child, the start
// tag of its element, and notes the leaf's string and end as still to be
// read.
func (u *unmarshalState) leafOpened(t *wbxml.Token) {
	u.leaf, u.leafText, u.leafData, u.leafAt = true, t.Content, t.Data, t.Offset
	t.Kind = wbxml.KindStartTag
}

// checkStart checks a start tag that is the last step of u.path.
func (u *unmarshalState) checkStart(tok *wbxml.Token, tag codepages.Tag) error {
	if tok.Literal || tok.Attrs {
		return u.errAt(tok.Offset, ErrUnsupported, "LITERAL tags and attributes are not part of ActiveSync")
	}
	if v := u.cfg.version; v != 0 && !tag.ValidIn(v) {
		return u.errAt(tok.Offset, ErrNotInVersion, tag.String()+" is not in protocol "+v.String())
	}
	return nil
}

// structure reads the children of the element (startTag at startOffset)
// just opened into struct v, up to the element's end.
func (u *unmarshalState) structure(sp *structPlan, v reflect.Value, startOffset int64, startTag codepages.Tag) error {
	if sp.name != nil {
		v.FieldByIndex(sp.name).Field(0).SetUint(uint64(startTag))
	}
	base := len(u.seen)
	for range (len(sp.fields) + 63) / 64 {
		u.seen = append(u.seen, 0)
	}
	hint := 0
	mark := len(u.chars)
	for {
		next, err := u.child()
		if err != nil {
			return err
		}
		switch next.Kind {
		case wbxml.KindEndTag:
			if sp.text != nil {
				u.setChardata(sp.text, v, mark)
			}
			if err := u.finish(sp, v, u.seen[base:], startOffset); err != nil {
				return err
			}
			u.seen = u.seen[:base]
			return nil
		case wbxml.KindStartTag, wbxml.KindLeaf:
			tok := *next // the Decoder's token changes with the reads of the field
			if tok.Kind == wbxml.KindLeaf {
				u.leafOpened(&tok)
			}
			tag := codepages.NewTag(tok.Page, tok.Code)
			i := sp.find(tag, hint)
			if i < 0 {
				if err := u.unknown(sp, v, &tok, tag, base); err != nil {
					return err
				}
				continue
			}
			hint = i
			f := &sp.fields[i]
			first := u.seen[base+i/64]&(1<<(i%64)) == 0
			fv := fieldFor(v, f)
			n := 1
			if f.slice {
				if first {
					fv.SetLen(0)
				}
				n = fv.Len() + 1
			} else if !first {
				n = 2
			}
			u.path = append(u.path, pathStep{tag: tag, n: n})
			if err := u.checkStart(&tok, tag); err != nil {
				return err
			}
			if !first && !f.slice {
				return u.errAt(tok.Offset, ErrDuplicate, tag.Name()+" occurs more than once")
			}
			u.seen[base+i/64] |= 1 << (i % 64)
			if err := u.field(f, fv, &tok); err != nil {
				return err
			}
			u.path = u.path[:len(u.path)-1]
		case wbxml.KindString, wbxml.KindOpaque, wbxml.KindEntity:
			if sp.text != nil {
				u.chars = appendPiece(u.chars, next)
			} else if u.cfg.strict {
				return u.errAt(next.Offset, ErrValue, "content in an element that holds elements")
			}
		case wbxml.KindPI:
			return u.errAt(next.Offset, ErrUnsupported, "processing instructions inside elements are not part of ActiveSync")
		default:
			return u.errAt(next.Offset, ErrUnsupported, "extension tokens are not part of ActiveSync")
		}
	}
}

// setChardata stores the text kept since mark in u.chars in chardata
// field f of struct v, and drops it from u.chars.
func (u *unmarshalState) setChardata(f *fieldPlan, v reflect.Value, mark int) {
	p := u.chars[mark:]
	if len(p) == 0 {
		if fv, ok := fieldOf(v, f); ok {
			zeroField(f, fv)
		}
		return
	}
	fv := fieldFor(v, f)
	if f.kind == kBytes {
		fv.SetBytes(append(fv.Bytes()[:0], p...))
	} else {
		fv.SetString(u.str(p))
	}
	u.chars = u.chars[:mark]
}

// appendPiece appends the text of a STR_I, STR_T, OPAQUE or ENTITY token
// (the character it names: U+FFFD for one that is not a character) to
// dst.
func appendPiece(dst []byte, tok *wbxml.Token) []byte {
	if tok.Kind == wbxml.KindEntity {
		return utf8.AppendRune(dst, entityRune(tok.Value))
	}
	return append(dst, tok.Data...)
}

// entityRune returns the character an ENTITY token names, or U+FFFD for
// a value that is not one.
func entityRune(v uint32) rune {
	r := rune(v)
	if !utf8.ValidRune(r) {
		return utf8.RuneError
	}
	return r
}

// find returns the index of the field for tag, or -1; the search starts
// at hint, the last field found, as elements mostly come in field order.
func (sp *structPlan) find(tag codepages.Tag, hint int) int {
	tags := sp.tags
	for i := hint; i < len(tags); i++ {
		if tags[i] == tag {
			return i
		}
	}
	for i := 0; i < hint && i < len(tags); i++ {
		if tags[i] == tag {
			return i
		}
	}
	return -1
}

// unknown handles a child that sp has no field for.
func (u *unmarshalState) unknown(sp *structPlan, v reflect.Value, tok *wbxml.Token, tag codepages.Tag, base int) error {
	if sp.names >= 0 {
		return u.unknownName(sp, v, tok, tag, base)
	}
	if sp.any < 0 {
		u.path = append(u.path, pathStep{tag: tag, n: 1})
		if err := u.checkStart(tok, tag); err != nil {
			return err
		}
		if u.cfg.strict {
			return u.errAt(tok.Offset, ErrUnexpected, sp.typ.String()+" has no field for "+tag.String())
		}
		u.path = u.path[:len(u.path)-1]
		return u.skip()
	}
	list := u.anyList(sp, v, base)
	u.path = append(u.path, pathStep{tag: tag, n: 1, kept: *list})
	if err := u.checkStart(tok, tag); err != nil {
		return err
	}
	e, err := u.tree(tok)
	if err != nil {
		return err
	}
	*list = append(*list, e)
	u.path = u.path[:len(u.path)-1]
	return nil
}

// anyList returns the `any` field of struct v (planned by sp, its seen
// bits from base): the first unknown child truncates the slice, later
// ones append.
func (u *unmarshalState) anyList(sp *structPlan, v reflect.Value, base int) *[]*Element {
	list := (*[]*Element)(fieldFor(v, &sp.fields[sp.any]).Addr().UnsafePointer())
	if w := &u.seen[base+sp.any/64]; *w&(1<<(sp.any%64)) == 0 {
		*w |= 1 << (sp.any % 64)
		*list = (*list)[:0]
	}
	return list
}

// finish checks the required fields of a struct whose element has ended
// and clears the fields whose elements were absent.
func (u *unmarshalState) finish(sp *structPlan, v reflect.Value, seen []uint64, offset int64) error {
	for i := range sp.fields {
		if seen[i/64]&(1<<(i%64)) != 0 {
			continue
		}
		f := &sp.fields[i]
		if f.required {
			return u.errAt(offset, ErrMissing, f.tag.Name()+" is required")
		}
		fv, ok := fieldOf(v, f)
		if !ok {
			continue
		}
		zeroField(f, fv)
	}
	return nil
}

// zeroField makes field f (fv) what an absent element leaves.
func zeroField(f *fieldPlan, fv reflect.Value) {
	switch {
	case f.slice:
		fv.SetLen(0)
	case f.ptr:
		fv.SetZero()
	case f.kind == kBytes:
		fv.SetLen(0)
	case f.kind == kStruct:
		zeroStruct(f.sub, fv)
	default:
		fv.SetZero()
	}
}

func zeroStruct(sp *structPlan, v reflect.Value) {
	for i := range sp.fields {
		f := &sp.fields[i]
		if fv, ok := fieldOf(v, f); ok {
			zeroField(f, fv)
		}
	}
	if sp.text != nil {
		if fv, ok := fieldOf(v, sp.text); ok {
			zeroField(sp.text, fv)
		}
	}
	if sp.name != nil {
		v.FieldByIndex(sp.name).SetZero()
	}
}

// fieldFor returns field f of struct v for setting, allocating the
// embedded structs that it lies behind.
func fieldFor(v reflect.Value, f *fieldPlan) reflect.Value {
	if len(f.index) == 1 {
		return v.Field(f.index[0])
	}
	for i, x := range f.index {
		if i > 0 && v.Kind() == reflect.Pointer {
			if v.IsNil() {
				v.Set(reflect.New(v.Type().Elem()))
			}
			v = v.Elem()
		}
		v = v.Field(x)
	}
	return v
}

// field reads the element that tok opened into field f (fv).
func (u *unmarshalState) field(f *fieldPlan, fv reflect.Value, tok *wbxml.Token) error {
	switch {
	case f.slice:
		n := fv.Len()
		if n == fv.Cap() {
			fv.Grow(1)
		}
		fv.SetLen(n + 1)
		ev := fv.Index(n)
		if f.elemPtr {
			if ev.IsNil() {
				ev.Set(reflect.New(f.typ))
			}
			ev = ev.Elem()
		}
		return u.one(f, ev, tok)
	case f.ptr && f.kind != kElement:
		if fv.IsNil() {
			fv.Set(reflect.New(f.typ))
		}
		return u.one(f, fv.Elem(), tok)
	}
	return u.one(f, fv, tok)
}

// one reads the element that tok opened into ev, a value of field f.
func (u *unmarshalState) one(f *fieldPlan, ev reflect.Value, tok *wbxml.Token) error {
	switch f.kind {
	case kStruct:
		return u.structure(f.sub, ev, tok.Offset, f.tag)
	case kElement:
		e, err := u.tree(tok)
		if err != nil {
			return err
		}
		*(**Element)(ev.Addr().UnsafePointer()) = e
		return nil
	case kCustom:
		if !f.unmar {
			return u.errAt(tok.Offset, ErrUnsupported, f.name+" ("+f.typ.String()+") cannot be unmarshalled: no UnmarshalEAS")
		}
		e, err := u.tree(tok)
		if err != nil {
			return err
		}
		if err := ev.Addr().Interface().(Unmarshaler).UnmarshalEAS(e); err != nil {
			var ee *Error
			if errors.As(err, &ee) {
				return err
			}
			return &Error{Offset: tok.Offset, Path: u.pathString(), Err: err}
		}
		return nil
	}
	p, kind, err := u.content(tok)
	if err != nil {
		return err
	}
	return u.set(f, ev, p, kind, tok)
}

// content reads the content of a value element up to its end. The bytes
// are valid until the next read.
func (u *unmarshalState) content(start *wbxml.Token) ([]byte, contentKind, error) {
	if u.leaf {
		u.leaf = false
		switch {
		case !u.leafText:
			return nil, contentNone, nil
		case u.copyText:
			u.scratch = append(u.scratch[:0], u.leafData...)
			return u.scratch, contentText, nil
		}
		return u.leafData, contentText, nil
	}
	var out []byte
	kind := contentNone
	inScratch := false
	for {
		tok, err := u.d.Next()
		if err != nil {
			return nil, 0, err
		}
		var b []byte
		k := contentText
		mustCopy := false
		switch tok.Kind {
		case wbxml.KindEndTag:
			return out, kind, nil
		case wbxml.KindString:
			b, mustCopy = tok.Data, u.copyText
		case wbxml.KindOpaque:
			b, k = tok.Data, contentOpaque
		case wbxml.KindEntity:
			var rb [utf8.UTFMax]byte
			b, mustCopy = utf8.AppendRune(rb[:0], entityRune(tok.Value)), true
		case wbxml.KindStartTag:
			u.path = append(u.path, pathStep{tag: codepages.NewTag(tok.Page, tok.Code), n: 1})
			return nil, 0, u.errAt(tok.Offset, ErrValue, "an element inside "+codepages.NewTag(start.Page, start.Code).Name()+", which holds a value")
		case wbxml.KindPI:
			return nil, 0, u.errAt(tok.Offset, ErrUnsupported, "processing instructions inside elements are not part of ActiveSync")
		default:
			return nil, 0, u.errAt(tok.Offset, ErrUnsupported, "extension tokens are not part of ActiveSync")
		}
		switch {
		case kind == contentNone && !mustCopy:
			out, kind = b, k
		case kind == contentNone:
			u.scratch = append(u.scratch[:0], b...)
			out, kind, inScratch = u.scratch, k, true
		default:
			if !inScratch {
				u.scratch = append(u.scratch[:0], out...)
				inScratch = true
			}
			u.scratch = append(u.scratch, b...)
			out = u.scratch
		}
	}
}

// set stores content p, carried as kind, in ev, a value of field f.
func (u *unmarshalState) set(f *fieldPlan, ev reflect.Value, p []byte, kind contentKind, tok *wbxml.Token) error {
	switch f.kind {
	case kString:
		if f.carry == carryBase64 && kind == contentText {
			d, err := base64.StdEncoding.AppendDecode(u.b64[:0], p)
			if err != nil {
				return u.valueError(tok, p, "not base64")
			}
			u.b64, p = d, d
		}
		ev.SetString(u.str(p))
	case kBytes:
		dst := ev.Bytes()[:0]
		if kind == contentText && f.carry == carryBase64 {
			d, err := base64.StdEncoding.AppendDecode(dst, p)
			if err != nil {
				return u.valueError(tok, p, "not base64")
			}
			dst = d
		} else {
			dst = append(dst, p...)
		}
		if dst == nil && kind != contentNone {
			dst = []byte{} // empty content, not an empty element
		}
		ev.SetBytes(dst)
	case kInt:
		n, err := strconv.ParseInt(bytesView(p), 10, f.bits)
		if err != nil {
			return u.valueError(tok, p, numberProblem(err, "int", f.bits))
		}
		ev.SetInt(n)
	case kUint:
		n, err := strconv.ParseUint(bytesView(p), 10, f.bits)
		if err != nil {
			return u.valueError(tok, p, numberProblem(err, "uint", f.bits))
		}
		ev.SetUint(n)
	case kBool:
		switch bytesView(p) {
		case "1", "true":
			ev.SetBool(true)
		case "0", "false":
			ev.SetBool(false)
		case "":
			ev.SetBool(kind == contentNone) // an empty element is a flag that is set
		default:
			return u.valueError(tok, p, "not a boolean (1 or 0)")
		}
	case kEmpty:
		if len(p) != 0 {
			return u.valueError(tok, p, "content in an element that must be empty")
		}
		ev.SetBool(true)
	case kTime:
		t, err := ParseTime(bytesView(p))
		if err != nil {
			return u.valueError(tok, p, "not an ActiveSync date and time")
		}
		*(*time.Time)(ev.Addr().UnsafePointer()) = t
	case kText:
		if !f.unmar {
			return u.errAt(tok.Offset, ErrUnsupported, f.name+" ("+f.typ.String()+") cannot be unmarshalled: no UnmarshalText")
		}
		if err := ev.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText(p); err != nil {
			return u.valueError(tok, p, "not a "+f.typ.String()+": "+err.Error())
		}
	}
	return nil
}

// numberProblem says why text did not read as an integer of the bits and
// the kind what ("int" or "uint").
func numberProblem(err error, what string, bits int) string {
	if errors.Is(err, strconv.ErrRange) {
		return "out of range for " + what + strconv.Itoa(bits)
	}
	if what == "uint" {
		return "not an unsigned integer"
	}
	return "not an integer"
}

// tree reads the element that tok opened as a tree.
func (u *unmarshalState) tree(tok *wbxml.Token) (*Element, error) {
	if u.p == nil {
		u.p = new(Parser)
		u.p.cfg = u.cfg
		u.doc = &document{header: u.hdr}
	}
	start := tok
	if u.leaf {
		u.leaf = false
		lt := *tok
		lt.Kind, lt.Content, lt.Data = wbxml.KindLeaf, u.leafText, u.leafData
		start = &lt
	}
	e, err := u.p.subtree(&u.d, u.data, u.doc, start)
	if err != nil {
		var ee *Error
		if errors.As(err, &ee) {
			// The path is only spelled out for an error: it costs an
			// allocation per kept element otherwise.
			// The tree's path starts at the element itself, named
			// without its context: the path of the open elements names it
			// fully (page prefix, index among its kept siblings).
			if len(u.path) > 0 {
				rest := ""
				if i := strings.IndexByte(ee.Path, '/'); i >= 0 {
					rest = ee.Path[i:]
				}
				ee.Path = u.pathString() + rest
			}
		}
		return nil, err
	}
	return e, nil
}

// skip skips the element just opened, checking its tags against the
// protocol version.
func (u *unmarshalState) skip() error {
	if u.leaf {
		u.leaf = false // nothing inside but a string
		return nil
	}
	if u.cfg.version == 0 {
		return u.d.SkipElement()
	}
	for depth := 1; depth > 0; {
		tok, err := u.d.ReadToken()
		if err != nil {
			return err
		}
		switch tok.Kind {
		case wbxml.KindStartTag:
			depth++
			if tag := codepages.NewTag(tok.Page, tok.Code); !tok.Literal && !tag.ValidIn(u.cfg.version) {
				u.path = append(u.path, pathStep{tag: tag, n: 1})
				return u.errAt(tok.Offset, ErrNotInVersion, tag.String()+" is not in protocol "+u.cfg.version.String())
			}
		case wbxml.KindEndTag:
			depth--
		}
	}
	return nil
}

// skipPI reads the rest of a processing instruction.
func (u *unmarshalState) skipPI() error {
	for {
		tok, err := u.d.ReadToken()
		if err != nil {
			return err
		}
		if tok.Kind == wbxml.KindEndPI {
			return nil
		}
	}
}

func (u *unmarshalState) errAt(off int64, err error, msg string) error {
	return &Error{Offset: off, Path: u.pathString(), Err: err, Msg: msg}
}

func (u *unmarshalState) valueError(tok *wbxml.Token, p []byte, msg string) error {
	return u.errAt(tok.Offset, ErrValue, strconv.Quote(truncate(bytesView(p), 40))+" is "+msg)
}

// pathString returns the path of the open elements, as Error.Path spells
// it.
func (u *unmarshalState) pathString() string {
	var b strings.Builder
	var parent codepages.Tag
	for i, s := range u.path {
		if i > 0 {
			b.WriteByte('/')
		}
		writePathName(&b, s.tag, parent)
		if n := s.index(); n > 1 {
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(n))
			b.WriteByte(']')
		}
		parent = s.tag
	}
	return b.String()
}
