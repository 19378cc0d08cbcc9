package eas

import (
	"encoding"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/wbxml"
)

// A structPlan says how a struct type is written and read as the element
// of a code page: its fields in order, each with its tag and how its value
// is carried. Plans are computed once per (type, page) and cached.
type structPlan struct {
	typ    reflect.Type
	page   uint8
	fields []fieldPlan
	tags   []codepages.Tag // fields[i].tag, for the lookup by tag
	any    int             // index in fields of the `any` field, or -1
	names  int             // index in fields of the `names` field, or -1
	text   *fieldPlan      // the `chardata` field (the element's own text), or nil
	name   []int           // index of the XMLName field, or nil
	ptrs   bool            // some field is a pointer (set to nil when absent)
	req    bool            // some field is required
	trees  bool            // reading keeps trees (any, *Element, Unmarshaler), here or below
}

// fieldKind says how a field's value is carried.
type fieldKind uint8

const (
	kString  fieldKind = iota // text (or OPAQUE) as a string
	kBytes                    // OPAQUE or base64 text as []byte
	kInt                      // decimal text, signed
	kUint                     // decimal text, unsigned
	kBool                     // "1" or "0"
	kEmpty                    // presence of an empty element
	kTime                     // ActiveSync date-time text
	kText                     // encoding.TextMarshaler / TextUnmarshaler
	kStruct                   // an element with children
	kCustom                   // Marshaler / Unmarshaler
	kElement                  // *Element: the subtree as a tree
	kAny                      // []*Element: the unknown children
	kNames                    // []codepages.Tag: the tags of the empty unknown children
)

// carry says how a string or []byte field's content goes on the wire.
type carry uint8

const (
	carryText   carry = iota // a string (text as it is)
	carryOpaque              // OPAQUE data
	carryBase64              // base64 text
)

// A fieldPlan is one field of a structPlan.
type fieldPlan struct {
	name     string // the Go field name, for messages
	tag      codepages.Tag
	index    []int        // the field's index path (longer for inline fields)
	ptrPath  bool         // index goes through a pointer (an embedded *T)
	typ      reflect.Type // the value type: the field's type without pointer or slice
	kind     fieldKind
	carry    carry
	bits     int  // integer size
	slice    bool // repeated elements
	ptr      bool // *T: nil when absent
	elemPtr  bool // []*T
	omit     bool // omitempty
	required bool
	sub      *structPlan // kStruct
	mar      bool        // kCustom/kText: implements the writing side
	unmar    bool        // kCustom/kText: implements the reading side
	appender bool        // kText: implements encoding.TextAppender
}

type planKey struct {
	t    reflect.Type
	page uint8
}

var (
	plans     sync.Map // planKey → *structPlan
	roots     sync.Map // reflect.Type → rootInfo
	planMu    sync.Mutex
	nameType  = reflect.TypeFor[Name]()
	tagsType  = reflect.TypeFor[[]codepages.Tag]()
	elemType  = reflect.TypeFor[*Element]()
	timeType  = reflect.TypeFor[time.Time]()
	marType   = reflect.TypeFor[Marshaler]()
	unmarType = reflect.TypeFor[Unmarshaler]()
	tmType    = reflect.TypeFor[encoding.TextMarshaler]()
	tuType    = reflect.TypeFor[encoding.TextUnmarshaler]()
	taType    = reflect.TypeFor[encoding.TextAppender]()
)

// rootInfo is what a struct type says about its root element.
type rootInfo struct {
	tag  codepages.Tag // the tag of the XMLName field, or 0
	name []int         // the index of the XMLName field, or nil
	err  error
}

// rootOf returns what struct type t says about its root element.
func rootOf(t reflect.Type) rootInfo {
	if r, ok := roots.Load(t); ok {
		return r.(rootInfo)
	}
	var r rootInfo
	if f, ok := t.FieldByName("XMLName"); ok && f.Type == nameType {
		r.name = f.Index
		name, _, _ := strings.Cut(f.Tag.Get("eas"), ",")
		if name != "" {
			ns, local, found := cutLast(name)
			if !found {
				r.err = planError(t, f.Name, name, "the root's name needs its namespace (\"Page:Name\")")
			} else if tag, err := resolve(t, f.Name, name, ns, local, 0); err != nil {
				r.err = err
			} else {
				r.tag = tag
			}
		}
	}
	roots.Store(t, r)
	return r
}

// planFor returns the plan of struct type t as an element of page.
func planFor(t reflect.Type, page uint8) (*structPlan, error) {
	if p, ok := plans.Load(planKey{t, page}); ok {
		return p.(*structPlan), nil
	}
	planMu.Lock()
	defer planMu.Unlock()
	if p, ok := plans.Load(planKey{t, page}); ok {
		return p.(*structPlan), nil
	}
	b := planBuilder{building: map[planKey]*structPlan{}}
	p, err := b.structPlan(t, page)
	if err != nil {
		return nil, err
	}
	for _, q := range b.order {
		q.trees = q.hasTrees(map[*structPlan]bool{})
	}
	for k, q := range b.building {
		plans.Store(k, q)
	}
	return p, nil
}

// hasTrees reports whether reading p keeps trees, in p or below.
func (p *structPlan) hasTrees(seen map[*structPlan]bool) bool {
	if seen[p] {
		return false
	}
	seen[p] = true
	for i := range p.fields {
		f := &p.fields[i]
		switch f.kind {
		case kAny, kElement, kCustom:
			return true
		case kStruct:
			if f.sub.hasTrees(seen) {
				return true
			}
		}
	}
	return false
}

// A planBuilder computes the plans of a type and those it refers to.
// Plans being built are in building, so that recursive types end.
type planBuilder struct {
	building map[planKey]*structPlan
	order    []*structPlan
}

func (b *planBuilder) structPlan(t reflect.Type, page uint8) (*structPlan, error) {
	k := planKey{t, page}
	if p, ok := b.building[k]; ok {
		return p, nil
	}
	if p, ok := plans.Load(k); ok {
		return p.(*structPlan), nil
	}
	p := &structPlan{typ: t, page: page, any: -1, names: -1}
	b.building[k] = p
	b.order = append(b.order, p)
	if err := b.fields(p, t, nil, false); err != nil {
		return nil, err
	}
	p.tags = make([]codepages.Tag, len(p.fields))
	for i := range p.fields {
		f := &p.fields[i]
		if f.kind == kAny || f.kind == kNames {
			continue
		}
		for j := range i {
			if p.tags[j] == f.tag {
				return nil, planError(t, f.name, "", "element "+f.tag.String()+" is also field "+p.fields[j].name)
			}
		}
		p.tags[i] = f.tag
	}
	return p, nil
}

// fields adds the fields of struct type t, reached by index from the
// plan's struct, to p.
func (b *planBuilder) fields(p *structPlan, t reflect.Type, index []int, viaPtr bool) error {
	for i := range t.NumField() {
		sf := t.Field(i)
		tagText := sf.Tag.Get("eas")
		if tagText == "-" {
			continue
		}
		idx := append(append([]int(nil), index...), i)
		if sf.Name == "XMLName" && sf.Type == nameType {
			if p.name == nil && !viaPtr {
				p.name = idx // promoted from an embedded struct too
			}
			continue
		}
		name, optText, _ := strings.Cut(tagText, ",")
		opts := map[string]bool{}
		for o := range strings.SplitSeq(optText, ",") {
			switch o {
			case "":
			case "omitempty", "empty", "opaque", "base64", "text", "required", "inline", "any", "chardata", "names":
				opts[o] = true
			default:
				return planError(p.typ, sf.Name, tagText, "unknown option "+strconv.Quote(o))
			}
		}
		ft := sf.Type
		inline := opts["inline"] || sf.Anonymous && name == "" && !opts["any"] && !opts["chardata"] && !opts["names"]
		if inline {
			st, ptr := ft, false
			if st.Kind() == reflect.Pointer {
				st, ptr = st.Elem(), true
			}
			if st.Kind() != reflect.Struct {
				if opts["inline"] {
					return planError(p.typ, sf.Name, tagText, "inline needs a struct field, not "+ft.String())
				}
				if !sf.IsExported() {
					continue
				}
				inline = false
			} else {
				if ptr && !sf.IsExported() {
					continue // encoding/json cannot set it either
				}
				if err := b.fields(p, st, idx, viaPtr || ptr); err != nil {
					return err
				}
				continue
			}
		}
		if !sf.IsExported() {
			continue
		}
		f := fieldPlan{name: sf.Name, index: idx, ptrPath: viaPtr,
			omit: opts["omitempty"], required: opts["required"]}
		if opts["any"] {
			if ft != reflect.TypeFor[[]*Element]() {
				return planError(p.typ, sf.Name, tagText, "any needs a []*eas.Element field, not "+ft.String())
			}
			if p.any >= 0 {
				return planError(p.typ, sf.Name, tagText, "a second any field")
			}
			f.kind, f.typ, f.slice = kAny, elemType, true
			p.any = len(p.fields)
			p.fields = append(p.fields, f)
			continue
		}
		if opts["names"] {
			if err := namesField(p, &f, ft, name, opts, tagText); err != nil {
				return err
			}
			continue
		}
		if opts["chardata"] {
			if err := chardataField(p, &f, ft, name, opts, tagText); err != nil {
				return err
			}
			continue
		}
		// The element's name.
		if name == "" {
			name = sf.Name
			if st := derefStruct(ft); st != nil && st.Kind() == reflect.Struct {
				if r := rootOf(st); r.err == nil && r.tag != 0 {
					f.tag = r.tag
				}
			}
		}
		if f.tag == 0 {
			ns, local, _ := cutLast(name)
			tag, err := resolve(p.typ, sf.Name, tagText, ns, local, p.page)
			if err != nil {
				return err
			}
			f.tag = tag
		}
		if err := b.value(p, &f, ft, opts, tagText); err != nil {
			return err
		}
		if f.ptr {
			p.ptrs = true
		}
		if f.required {
			p.req = true
		}
		p.fields = append(p.fields, f)
	}
	return nil
}

// chardataField makes f, of type ft, the chardata field of p: the
// element's own text, a string or []byte carried as text.
func chardataField(p *structPlan, f *fieldPlan, ft reflect.Type, name string, opts map[string]bool, tagText string) error {
	switch {
	case name != "" || len(opts) > 1:
		return planError(p.typ, f.name, tagText, "chardata takes no element name and no other option")
	case ft.Kind() == reflect.String:
		f.kind = kString
	case ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.Uint8 && !implementsAny(ft):
		f.kind = kBytes
	default:
		return planError(p.typ, f.name, tagText, "chardata needs a string or []byte field, not "+ft.String())
	}
	if p.text != nil {
		return planError(p.typ, f.name, tagText, "a second chardata field (the first is "+p.text.name+")")
	}
	f.typ = ft
	p.text = f
	return nil
}

// namesField makes f, of type ft, the names field of p: the tags of the
// children no other field names that are empty elements (Sync Supported,
// ItemOperations Schema: each names a property).
func namesField(p *structPlan, f *fieldPlan, ft reflect.Type, name string, opts map[string]bool, tagText string) error {
	switch {
	case name != "" || len(opts) > 1:
		return planError(p.typ, f.name, tagText, "names takes no element name and no other option")
	case ft != tagsType:
		return planError(p.typ, f.name, tagText, "names needs a []codepages.Tag field, not "+ft.String())
	case p.names >= 0:
		return planError(p.typ, f.name, tagText, "a second names field (the first is "+p.fields[p.names].name+")")
	}
	f.kind, f.typ, f.slice = kNames, tagsType.Elem(), true
	p.names = len(p.fields)
	p.fields = append(p.fields, *f)
	return nil
}

// derefStruct returns t, or what a pointer or slice t holds.
func derefStruct(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice && t.Elem().Kind() != reflect.Uint8 {
		t = t.Elem()
	}
	return t
}

// value classifies the type ft of field f.
func (b *planBuilder) value(p *structPlan, f *fieldPlan, ft reflect.Type, opts map[string]bool, tagText string) error {
	t := ft
	switch {
	case t == elemType:
		f.kind, f.typ, f.ptr = kElement, elemType, true
	case t.Kind() == reflect.Slice && t.Elem() == elemType:
		f.kind, f.typ, f.slice = kElement, elemType, true
	case t.Kind() == reflect.Slice && t.Elem().Kind() != reflect.Uint8 && !implementsAny(t):
		f.slice = true
		t = t.Elem()
		if t.Kind() == reflect.Pointer {
			f.elemPtr, t = true, t.Elem()
		}
	case t.Kind() == reflect.Pointer:
		f.ptr, t = true, t.Elem()
	}
	if f.kind == kElement {
		return nil
	}
	f.typ = t
	pt := reflect.PointerTo(t)
	switch {
	case t.Implements(marType) || pt.Implements(marType) || pt.Implements(unmarType):
		f.kind = kCustom
		f.mar = t.Implements(marType) || pt.Implements(marType)
		f.unmar = pt.Implements(unmarType)
	case t == timeType:
		f.kind = kTime
	case t.Implements(tmType) || pt.Implements(tmType) || pt.Implements(tuType):
		f.kind = kText
		f.mar = t.Implements(tmType) || pt.Implements(tmType)
		f.unmar = pt.Implements(tuType)
		f.appender = t.Implements(taType) || pt.Implements(taType)
	default:
		switch t.Kind() {
		case reflect.String:
			f.kind = kString
		case reflect.Slice:
			if t.Elem().Kind() != reflect.Uint8 {
				return planError(p.typ, f.name, tagText, "unsupported type "+ft.String()+" (slices of slices are not elements)")
			}
			f.kind = kBytes
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			f.kind, f.bits = kInt, t.Bits()
		case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
			f.kind, f.bits = kUint, t.Bits()
		case reflect.Bool:
			f.kind = kBool
		case reflect.Struct:
			f.kind = kStruct
			sub, err := b.structPlan(t, f.tag.Page())
			if err != nil {
				return err
			}
			f.sub = sub
		default:
			return planError(p.typ, f.name, tagText, "unsupported type "+ft.String())
		}
	}
	if opts["empty"] {
		if f.kind != kBool {
			return planError(p.typ, f.name, tagText, "empty needs a bool field, not "+ft.String())
		}
		f.kind = kEmpty
	}
	if n := countTrue(opts["opaque"], opts["base64"], opts["text"]); n > 1 {
		return planError(p.typ, f.name, tagText, "more than one of opaque, base64 and text")
	} else if n == 1 && f.kind != kString && f.kind != kBytes {
		return planError(p.typ, f.name, tagText, "opaque, base64 and text need a string or []byte field, not "+ft.String())
	}
	switch {
	case opts["text"]:
		f.carry = carryText
	case opts["opaque"]:
		f.carry = carryOpaque
	case opts["base64"]:
		f.carry = carryBase64
	case f.tag.Content() != wbxml.ContentText:
		f.carry = carryOpaque
	case f.kind == kBytes:
		f.carry = carryBase64
	}
	return nil
}

// implementsAny reports whether slice type t is itself a value type (it
// has marshalling methods), not a list of elements.
func implementsAny(t reflect.Type) bool {
	pt := reflect.PointerTo(t)
	return t.Implements(marType) || pt.Implements(unmarType) || t.Implements(tmType) || pt.Implements(tuType)
}

// cutLast splits name at its last colon.
func cutLast(name string) (ns, local string, found bool) {
	i := strings.LastIndexByte(name, ':')
	if i < 0 {
		return "", name, false
	}
	return name[:i], name[i+1:], true
}

// resolve returns the tag that namespace ns and name local of a struct
// tag name; with no namespace, on page.
func resolve(t reflect.Type, field, tagText, ns, local string, page uint8) (codepages.Tag, error) {
	if ns != "" {
		pg, ok := codepages.PageOf(ns)
		if !ok {
			pg, ok = codepages.PageOf(ns + ":")
		}
		if !ok {
			return 0, planError(t, field, tagText, "unknown namespace "+strconv.Quote(ns))
		}
		page = pg
	}
	tag, ok := codepages.LookupInPage(page, local)
	if !ok {
		return 0, planError(t, field, tagText, "no element "+strconv.Quote(local)+" on code page "+codepages.PageName(page))
	}
	return tag, nil
}

// planError returns the error of a struct field that cannot be planned.
func planError(t reflect.Type, field, tagText, msg string) *Error {
	where := t.String() + "." + field
	if tagText != "" {
		where += " (tag " + strconv.Quote(tagText) + ")"
	}
	return &Error{Offset: -1, Err: ErrUnsupported, Msg: where + ": " + msg}
}

// countTrue returns how many of bs are true.
func countTrue(bs ...bool) int {
	n := 0
	for _, b := range bs {
		if b {
			n++
		}
	}
	return n
}
