package commands_test

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/eas"
	"github.com/easkit/easkit/eas/commands"
	"github.com/easkit/easkit/version"
)

// The generated fast paths (AppendEAS, ReadEAS) must do exactly what the
// reflective Marshal and Unmarshal do. The reflective path is reached
// through plain, a pointer to the same memory as an unnamed struct type
// with the same fields, which has no methods.

var plainTypes = map[reflect.Type]reflect.Type{}

// plain returns p (a pointer to a message type) as a pointer to an
// unnamed struct type with the same fields and tags.
func plain(p any) any {
	v := reflect.ValueOf(p)
	t := v.Type().Elem()
	st, ok := plainTypes[t]
	if !ok {
		fs := make([]reflect.StructField, t.NumField())
		for i := range fs {
			fs[i] = t.Field(i)
		}
		st = reflect.StructOf(fs)
		plainTypes[t] = st
	}
	q := v.Convert(reflect.PointerTo(st)).Interface()
	if _, ok := q.(eas.FastMarshaler); ok {
		panic("plain has the fast methods")
	}
	return q
}

// strictOpts compares generated values read by the two paths: trees by
// tag, text, offset and number of children; nil and empty slices differ.
var strictOpts = cmp.Options{
	cmp.Comparer(func(a, b *eas.Element) bool {
		if a == nil || b == nil {
			return a == b
		}
		return a.Tag() == b.Tag() && a.Text() == b.Text() && a.Offset() == b.Offset() && len(a.Children()) == len(b.Children())
	}),
}

func errText(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}

// vary changes the values of v (a filled message) by turn: 1 puts a NUL
// in every string, makes every []byte empty but not nil and every time
// the zero instant outside UTC; 2 zeroes every plain value.
func vary(v reflect.Value, turn int) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() && v.Type() != reflect.TypeFor[*eas.Element]() {
			vary(v.Elem(), turn)
		}
	case reflect.Slice:
		if v.Type() == reflect.TypeFor[[]codepages.Tag]() {
			return // property names, not values
		}
		if v.Type().Elem().Kind() == reflect.Uint8 {
			switch turn {
			case 1:
				v.SetBytes([]byte{})
			case 2:
				v.SetBytes(nil)
			}
			return
		}
		for i := range v.Len() {
			vary(v.Index(i), turn)
		}
	case reflect.Struct:
		switch v.Type() {
		case reflect.TypeFor[time.Time](), reflect.TypeFor[commands.CompactTime]():
			if turn == 1 {
				v.Set(reflect.ValueOf(time.Time{}.In(time.FixedZone("X", 3600))).Convert(v.Type()))
			} else if turn == 2 {
				v.SetZero()
			}
			return
		case reflect.TypeFor[eas.Name](), reflect.TypeFor[commands.EmptyOrUint]():
			return
		}
		for i := range v.NumField() {
			vary(v.Field(i), turn)
		}
	case reflect.String:
		if turn == 1 {
			v.SetString(v.String() + "\x00z")
		} else if turn == 2 {
			v.SetString("")
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if turn == 2 {
			v.SetInt(0)
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if turn == 2 {
			v.SetUint(0)
		}
	case reflect.Bool:
		if turn == 2 {
			v.SetBool(false)
		}
	}
}

// messages returns filled values of every message type in every version,
// each with its version.
func fastCases(t testing.TB) (out []fastCase) {
	m := loadModel(t)
	for _, ct := range roots(m) {
		for _, v := range versionsOf(ct.Since, ct.Until) {
			for turn := range 3 {
				for variant := range 3 {
					p := newFilled(ct, v, &chooser{full: true, seq: turn})
					vary(reflect.ValueOf(p), variant)
					out = append(out, fastCase{fmt.Sprintf("%s %s turn %d variant %d", ct.Message.Name, v, turn, variant), ct.Name, p, v})
				}
			}
		}
	}
	return out
}

type fastCase struct {
	name, typ string
	v         any
	ver       version.Version
}

// TestFastMarshal: for every message type, AppendEAS writes the bytes of
// the reflective Marshal, or fails with its error, with and without
// WithVersion (the message's version and 2.5).
func TestFastMarshal(t *testing.T) {
	n, fails := 0, 0
	for _, c := range fastCases(t) {
		for _, opts := range [][]eas.Option{nil, {eas.WithVersion(c.ver)}, {eas.WithVersion(version.V2_5)}} {
			fast, ferr := eas.Marshal(c.v, opts...)
			slow, serr := eas.Marshal(plain(c.v), opts...)
			if errText(ferr) != errText(serr) {
				t.Fatalf("%s: fast error %v, reflective %v", c.name, ferr, serr)
			}
			if !bytes.Equal(fast, slow) {
				t.Fatalf("%s: fast and reflective bytes differ:\n% x\n% x", c.name, fast, slow)
			}
			if ferr != nil {
				fails++
			}
			n++
		}
	}
	t.Logf("%d comparisons (%d errors)", n, fails)
}

// readBoth unmarshals data into a new value of p's type by both paths,
// each after filling it with reuse (as a reused value), and compares the
// errors and, without error, the values.
func readBoth(t *testing.T, name string, p, reuse any, data []byte, opts ...eas.Option) error {
	t.Helper()
	typ := reflect.TypeOf(p).Elem()
	fast := reflect.New(typ)
	slow := reflect.New(typ)
	if reuse != nil {
		// Each its own copy: a shallow one would share the pointed-to
		// structs, and the second read would hide what the first did.
		deepCopy(fast.Elem(), reflect.ValueOf(reuse).Elem())
		deepCopy(slow.Elem(), reflect.ValueOf(reuse).Elem())
	}
	ferr := eas.Unmarshal(data, fast.Interface(), opts...)
	ps := plain(slow.Interface())
	serr := eas.Unmarshal(data, ps, opts...)
	// The reflective path names the root's type in ErrUnexpected errors.
	stext := strings.Replace(errText(serr), reflect.TypeOf(ps).Elem().String(), typ.String(), 1)
	if errText(ferr) != stext {
		t.Fatalf("%s: fast error %v, reflective %v", name, ferr, serr)
	}
	if ferr == nil {
		if d := cmp.Diff(slow.Interface(), fast.Interface(), strictOpts); d != "" {
			t.Fatalf("%s: fast and reflective reads differ (-reflective +fast):\n%s", name, d)
		}
	}
	return ferr
}

// deepCopy sets dst to a copy of src that shares no pointed-to struct or
// slice array with it (trees, *eas.Element, are shared: reading does not
// change them).
func deepCopy(dst, src reflect.Value) {
	switch src.Kind() {
	case reflect.Pointer:
		if src.IsNil() || src.Type() == reflect.TypeFor[*eas.Element]() {
			dst.Set(src)
			return
		}
		p := reflect.New(src.Type().Elem())
		deepCopy(p.Elem(), src.Elem())
		dst.Set(p)
	case reflect.Slice:
		if src.IsNil() {
			dst.Set(src)
			return
		}
		s := reflect.MakeSlice(src.Type(), src.Len(), src.Cap())
		for i := range src.Len() {
			deepCopy(s.Index(i), src.Index(i))
		}
		dst.Set(s)
	case reflect.Struct:
		if src.Type() == reflect.TypeFor[time.Time]() || src.Type() == reflect.TypeFor[commands.CompactTime]() {
			dst.Set(src)
			return
		}
		for i := range src.NumField() {
			deepCopy(dst.Field(i), src.Field(i))
		}
	default:
		dst.Set(src)
	}
}

// mutations returns variants of the message data: each element in turn
// repeated (a copy of a leaf, an empty copy of a container), removed,
// given bad text, and given an unknown child.
func mutations(t testing.TB, data []byte) [][]byte {
	root, err := eas.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	count := 0
	var walk func(e *eas.Element)
	walk = func(e *eas.Element) {
		count++
		for _, c := range e.Children() {
			walk(c)
		}
	}
	walk(root)
	var out [][]byte
	for i := range count {
		for kind := range 4 {
			r, _ := eas.Parse(data)
			var nth *eas.Element
			k := 0
			var find func(e *eas.Element)
			find = func(e *eas.Element) {
				if k == i {
					nth = e
				}
				k++
				for _, c := range e.Children() {
					find(c)
				}
			}
			find(r)
			parent := nth.Parent()
			switch kind {
			case 0:
				if parent == nil {
					continue
				}
				dup := eas.NewElement(nth.Tag())
				if len(nth.Children()) == 0 {
					dup.SetText(nth.Text())
				}
				parent.Append(dup)
			case 1:
				if parent == nil {
					continue
				}
				parent.Remove(nth)
			case 2:
				if len(nth.Children()) > 0 {
					continue
				}
				nth.SetText("x!")
			case 3:
				if nth.HasContent() {
					continue
				}
				nth.Append(eas.NewText(codepages.EmailSubject, "unknown"))
			}
			b, err := r.AppendWBXML(nil)
			if err != nil {
				continue
			}
			out = append(out, b)
		}
	}
	return out
}

// TestFastUnmarshal: for every message type, ReadEAS reads what the
// reflective Unmarshal reads from its marshalled form, into a new value and
// into a reused one, and from every mutation of it (repeated, missing and
// unknown elements, bad values) fails with the same error, with and
// without WithStrict and WithVersion.
func TestFastUnmarshal(t *testing.T) {
	n, fails := 0, 0
	sentinels := []error{eas.ErrDuplicate, eas.ErrValue, eas.ErrMissing, eas.ErrUnexpected, eas.ErrNotInVersion}
	kinds := map[error]int{}
	cases := fastCases(t)
	for i, c := range cases {
		data, err := eas.Marshal(c.v)
		if err != nil {
			t.Fatal(err)
		}
		reuse := cases[(i+1)%len(cases)].v
		if reflect.TypeOf(reuse) != reflect.TypeOf(c.v) {
			reuse = nil
		}
		variants := [][]byte{data}
		if i%9 == 0 { // the mutations of the first variant of each version
			variants = append(variants, mutations(t, data)...)
		}
		for j, d := range variants {
			for _, opts := range [][]eas.Option{nil, {eas.WithStrict(true)}, {eas.WithVersion(version.V2_5)}} {
				if err := readBoth(t, fmt.Sprintf("%s mutation %d", c.name, j), c.v, reuse, d, opts...); err != nil {
					fails++
					for _, s := range sentinels {
						if errors.Is(err, s) {
							kinds[s]++
						}
					}
				}
				n++
			}
		}
	}
	for _, s := range sentinels {
		if kinds[s] == 0 {
			t.Errorf("no %v case", s)
		}
		t.Logf("%v: %d", s, kinds[s])
	}
	t.Logf("%d comparisons (%d errors)", n, fails)
}

// TestFastWrongRoot: a message of another type, and a nil pointer, fail
// as they do reflectively.
func TestFastWrongRoot(t *testing.T) {
	data, err := eas.Marshal(&commands.FolderSyncRequest{SyncKey: "0"})
	if err != nil {
		t.Fatal(err)
	}
	readBoth(t, "wrong root", new(commands.SyncResponse), nil, data)
	var nilp *commands.SyncResponse
	if _, err := eas.Marshal(nilp); err == nil {
		t.Error("Marshal of a nil pointer: no error")
	}
	if err := eas.Unmarshal(data, nilp); err == nil {
		t.Error("Unmarshal into a nil pointer: no error")
	}
}

// FuzzFastRead compares the two readers on random input, seeded with
// FolderSync and Sync responses.
func FuzzFastRead(f *testing.F) {
	// The types fuzzed, by the second argument: the hierarchy, the item
	// sync, and the Search request, whose Query holds text or elements.
	types := []string{"FolderSyncResponse", "SyncResponse", "SearchRequest"}
	for _, c := range fastCases(f) {
		if i := slices.Index(types, c.typ); i >= 0 {
			if data, err := eas.Marshal(c.v); err == nil {
				f.Add(data, uint8(i), false)
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte, which uint8, strict bool) {
		var p any
		switch which % 3 {
		case 0:
			p = new(commands.FolderSyncResponse)
		case 1:
			p = new(commands.SyncResponse)
		default:
			p = new(commands.SearchRequest)
		}
		readBoth(t, "fuzz", p, nil, data, eas.WithStrict(strict))
	})
}
