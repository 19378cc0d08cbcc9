package eas

import (
	"bytes"
	"encoding"
	"reflect"
	"sync"
	"time"
	"unsafe"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/wbxml"
)

// Marshal returns the WBXML of v, a struct or a pointer to one whose
// XMLName field names the root element (see the package documentation,
// "Structs", for the struct tags). It writes through a Builder, so it
// refuses tags the code pages do not define and, with WithVersion, tags
// that protocol version does not have, as *Error values with the output
// offset and the path of the open elements.
func Marshal(v any, opts ...Option) ([]byte, error) {
	return MarshalAppend(nil, v, opts...)
}

// MarshalAppend appends the WBXML of v to dst; see Marshal. With a buffer
// large enough, reused from call to call, and v a pointer, it allocates
// nothing once the type's plan is cached (the first call computes it).
func MarshalAppend(dst []byte, v any, opts ...Option) ([]byte, error) {
	m := marshalPool.Get().(*marshalState)
	out, err := m.marshal(dst, v, opts)
	marshalPool.Put(m)
	return out, err
}

var marshalPool = sync.Pool{New: func() any { return new(marshalState) }}

// marshalState writes Go values through a Builder.
type marshalState struct {
	b Builder
}

var (
	textOne  = []byte("1")
	textZero = []byte("0")
)

func (m *marshalState) marshal(dst []byte, v any, opts []Option) ([]byte, error) {
	if fm, ok := v.(FastMarshaler); ok && !nilPointer(v) {
		b := &m.b
		b.cfg.apply(opts)
		b.reset(dst, wbxml.DefaultHeader())
		if err := fm.AppendEAS(b); err != nil {
			return dst, err
		}
		out, err := b.Finish()
		if err != nil {
			return dst, err
		}
		return out, nil
	}
	return m.reflective(dst, v, opts)
}

// nilPointer reports whether v is a nil pointer, which the reflective
// paths report as an error.
func nilPointer(v any) bool {
	rv := reflect.ValueOf(v)
	return rv.Kind() == reflect.Pointer && rv.IsNil()
}

// reflective writes v by the plan of its type.
func (m *marshalState) reflective(dst []byte, v any, opts []Option) ([]byte, error) {
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Pointer && !rv.IsNil() {
		rv = rv.Elem()
	}
	if rv.Kind() != reflect.Struct {
		return dst, &Error{Offset: -1, Err: ErrUnsupported, Msg: "Marshal of " + typeName(v) + ": not a struct"}
	}
	if !rv.CanAddr() {
		c := reflect.New(rv.Type()).Elem()
		c.Set(rv)
		rv = c
	}
	t := rv.Type()
	r := rootOf(t)
	if r.err != nil {
		return dst, r.err
	}
	tag := r.tag
	if tag == 0 && r.name != nil {
		tag = codepages.Tag(rv.FieldByIndex(r.name).Field(0).Uint())
	}
	if tag == 0 {
		return dst, &Error{Offset: -1, Err: ErrUnsupported,
			Msg: "Marshal of " + t.String() + ": no XMLName field names the root element (XMLName eas.Name `eas:\"Page:Name\"`)"}
	}
	sp, err := planFor(t, tag.Page())
	if err != nil {
		return dst, err
	}
	b := &m.b
	b.cfg.apply(opts)
	b.reset(dst, wbxml.DefaultHeader())
	b.Start(tag)
	if err := m.fields(sp, rv); err != nil {
		return dst, err
	}
	out, err := b.Finish()
	if err != nil {
		return dst, err
	}
	return out, nil
}

func typeName(v any) string {
	if v == nil {
		return "nil"
	}
	return reflect.TypeOf(v).String()
}

// fields writes the fields of struct v, planned by sp, as children,
// after the element's own text (a chardata field).
func (m *marshalState) fields(sp *structPlan, v reflect.Value) error {
	b := &m.b
	if sp.text != nil {
		if tv, ok := fieldOf(v, sp.text); ok {
			if sp.text.kind == kBytes {
				b.chardata(tv.Bytes())
			} else {
				b.chardata(stringBytes(tv.String()))
			}
		}
	}
	for i := range sp.fields {
		if b.err != nil {
			return b.err
		}
		f := &sp.fields[i]
		fv, ok := fieldOf(v, f)
		if !ok {
			continue
		}
		switch {
		case f.slice:
			for j := range fv.Len() {
				ev := fv.Index(j)
				if f.elemPtr {
					if ev.IsNil() {
						continue
					}
					ev = ev.Elem()
				}
				if err := m.one(f, ev); err != nil {
					return err
				}
			}
		case f.ptr:
			if fv.IsNil() {
				continue
			}
			if f.kind != kElement {
				fv = fv.Elem()
			}
			if err := m.one(f, fv); err != nil {
				return err
			}
		default:
			if f.omit && fv.IsZero() {
				continue
			}
			if err := m.one(f, fv); err != nil {
				return err
			}
		}
	}
	return b.err
}

// one writes one element of field f holding ev.
func (m *marshalState) one(f *fieldPlan, ev reflect.Value) error {
	b := &m.b
	tag := f.tag
	switch f.kind {
	case kString:
		m.carried(f, stringBytes(ev.String()))
	case kBytes:
		if p := ev.Bytes(); p != nil {
			m.carried(f, p)
		} else {
			b.Empty(tag) // nil: an empty element; []byte{}: empty content
		}
	case kInt:
		b.Int(tag, ev.Int())
	case kUint:
		b.Uint(tag, ev.Uint())
	case kBool:
		if ev.Bool() {
			b.value(tag, textOne, false)
		} else {
			b.value(tag, textZero, false)
		}
	case kEmpty:
		if ev.Bool() {
			b.Empty(tag)
		}
	case kTime:
		b.Time(tag, *(*time.Time)(ev.Addr().UnsafePointer()))
	case kText:
		if !f.mar {
			return m.unsupported(f, "cannot be marshalled: no MarshalText")
		}
		var p []byte
		var err error
		if f.appender {
			p, err = ev.Addr().Interface().(encoding.TextAppender).AppendText(b.scratch[:0])
			b.scratch = p[:0]
		} else {
			p, err = ev.Addr().Interface().(encoding.TextMarshaler).MarshalText()
		}
		if err != nil {
			return &Error{Offset: b.enc.OutputOffset(), Path: b.path(), Err: ErrValue, Msg: f.name + ": " + err.Error()}
		}
		b.value(tag, p, f.carry == carryOpaque)
	case kStruct:
		b.Start(tag)
		if b.err != nil {
			return b.err
		}
		if err := m.fields(f.sub, ev); err != nil {
			return err
		}
		b.End()
	case kCustom:
		if !f.mar {
			return m.unsupported(f, "cannot be marshalled: no MarshalEAS")
		}
		if err := ev.Addr().Interface().(Marshaler).MarshalEAS(b, tag); err != nil {
			return err
		}
	case kNames:
		b.Empty(codepages.Tag(ev.Uint()))
	case kElement, kAny:
		if e := *(**Element)(ev.Addr().UnsafePointer()); e != nil {
			b.Element(e)
		}
	}
	return b.err
}

// carried writes a string or []byte field's element as the field says.
func (m *marshalState) carried(f *fieldPlan, p []byte) {
	b := &m.b
	switch f.carry {
	case carryOpaque:
		b.value(f.tag, p, true)
	case carryBase64:
		b.scratch = appendBase64(b.scratch[:0], p)
		b.value(f.tag, b.scratch, false)
	default:
		// A WBXML string cannot hold NUL, its terminator: such text (read
		// from OPAQUE data) goes back as OPAQUE.
		b.value(f.tag, p, bytes.IndexByte(p, 0) >= 0)
	}
}

func (m *marshalState) unsupported(f *fieldPlan, msg string) error {
	b := &m.b
	return &Error{Offset: b.enc.OutputOffset(), Path: b.path(), Err: ErrUnsupported, Msg: f.name + " (" + f.typ.String() + ") " + msg}
}

// fieldOf returns field f of struct v, and false when it lies behind a
// nil embedded pointer.
func fieldOf(v reflect.Value, f *fieldPlan) (reflect.Value, bool) {
	if len(f.index) == 1 {
		return v.Field(f.index[0]), true
	}
	for i, x := range f.index {
		if i > 0 && v.Kind() == reflect.Pointer {
			if v.IsNil() {
				return reflect.Value{}, false
			}
			v = v.Elem()
		}
		v = v.Field(x)
	}
	return v, true
}

// stringBytes returns the bytes of s without copying; they must not be
// modified.
func stringBytes(s string) []byte {
	return unsafe.Slice(unsafe.StringData(s), len(s))
}
