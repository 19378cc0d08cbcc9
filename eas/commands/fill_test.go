package commands_test

import (
	"fmt"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/eas"
	"github.com/easkit/easkit/eas/commands"
	"github.com/easkit/easkit/internal/codegen"
	"github.com/easkit/easkit/version"
)

// The filler sets the fields of a generated type from the schema table
// (read again through internal/codegen): each field gets a value of its
// row's kind, within its enumeration or range, only where the protocol
// version has the element, and choices get one member (or one branch).

var (
	modelOnce sync.Once
	model     *codegen.CommandModel
	modelErr  error
)

func loadModel(t testing.TB) *codegen.CommandModel {
	t.Helper()
	modelOnce.Do(func() {
		tables, err := codegen.Load(filepath.Join("..", ".."))
		if err != nil {
			modelErr = err
			return
		}
		model, modelErr = tables.CommandTypes()
	})
	if modelErr != nil {
		t.Fatal(modelErr)
	}
	return model
}

// roots returns the message types of the model.
func roots(m *codegen.CommandModel) []*codegen.CommandType {
	var out []*codegen.CommandType
	for _, ct := range m.Types {
		if ct.Message != nil && ct.Node == ct.Message.Root { // item types have no message
			out = append(out, ct)
		}
	}
	return out
}

// A chooser makes the filler's choices: from fuzz bytes, or "full" (every
// optional field set, repeated ones twice, the first member of a choice).
type chooser struct {
	data []byte
	full bool
	seq  int // varies the text of the full filler
}

// intn returns a choice in [0, n).
func (c *chooser) intn(n int) int {
	if n <= 1 {
		return 0
	}
	if c.full {
		c.seq++
		return c.seq % n
	}
	if len(c.data) == 0 {
		return 0
	}
	v := int(c.data[0])
	c.data = c.data[1:]
	return v % n
}

// take reports whether to set an optional field.
func (c *chooser) take() bool { return c.full || c.intn(2) == 1 }

// versionsOf returns the protocol versions (2.5 and later) in since..until.
func versionsOf(since, until version.Version) []version.Version {
	var out []version.Version
	for _, v := range version.Known {
		if v >= version.V2_5 && (since == 0 || v >= since) && (until == 0 || v <= until) {
			out = append(out, v)
		}
	}
	return out
}

func nodeIn(n *codegen.SchemaNode, v version.Version) bool {
	if (n.Since != 0 && v < n.Since) || (n.Until != 0 && v > n.Until) {
		return false
	}
	tag, ok := codepages.LookupInPage(n.Page.Number, n.Tag.Name)
	return ok && tag.ValidIn(v)
}

// fieldIn reports whether some row of f is in version v.
func fieldIn(f *codegen.CommandField, v version.Version) bool {
	for _, n := range f.Nodes {
		if nodeIn(n, v) {
			return true
		}
	}
	return false
}

type filler struct {
	c   *chooser
	ver version.Version
}

// fill sets the fields of v, a struct of type ct.
func (fl *filler) fill(ct *codegen.CommandType, v reflect.Value) {
	if ct.Message != nil && ct.Node == ct.Message.Root { // item types have no message
		tag, _ := codepages.LookupInPage(ct.Node.Page.Number, ct.Node.Tag.Name)
		v.FieldByName("XMLName").Set(reflect.ValueOf(eas.Name{Tag: tag}))
	}
	groups := map[int][]*codegen.CommandField{}
	var order []int
	for _, f := range ct.Fields {
		g := f.Node().Group
		if g == 0 {
			if !fieldIn(f, fl.ver) {
				continue
			}
			if f.Required || needed(f, fl.ver) || fl.c.take() {
				fl.field(f, v.FieldByName(f.Name))
			}
			continue
		}
		if groups[g] == nil {
			order = append(order, g)
		}
		groups[g] = append(groups[g], f)
	}
	for _, g := range order {
		members := groups[g]
		var in []*codegen.CommandField
		for _, f := range members {
			if fieldIn(f, fl.ver) {
				in = append(in, f)
			}
		}
		if len(in) == 0 {
			continue
		}
		switch {
		case hasBranches(members):
			// A choice of sequences: the branch whose rows are in the
			// version, then its rows.
			branches := map[int]bool{}
			for _, f := range in {
				for _, n := range f.Nodes {
					if nodeIn(n, fl.ver) {
						branches[n.Branch] = true
					}
				}
			}
			var bs []int
			for b := range branches {
				bs = append(bs, b)
			}
			sortInts(bs)
			b := bs[fl.c.intn(len(bs))]
			for _, f := range in {
				for _, n := range f.Nodes {
					if n.Branch == b && nodeIn(n, fl.ver) && (n.Min >= 1 || fl.c.take()) {
						fl.field(f, v.FieldByName(f.Name))
						break
					}
				}
			}
		case members[0].Node().Repeated:
			for _, f := range in {
				if fl.c.take() {
					fl.field(f, v.FieldByName(f.Name))
				}
			}
		default:
			f := in[fl.c.intn(len(in))]
			fl.field(f, v.FieldByName(f.Name))
		}
	}
	if ct.Node.Content == "any" && fl.c.take() {
		v.FieldByName("Any").Set(reflect.ValueOf([]*eas.Element{eas.NewText(codepages.EmailSubject, "kept")}))
	}
	if ct.Names && fl.c.take() {
		// Properties of Contacts and Calendar, which every propnames row
		// allows, in every version.
		v.FieldByName("Names").Set(reflect.ValueOf([]codepages.Tag{codepages.ContactsFileAs, codepages.CalendarTimezone}))
	}
	if ct.Text && fl.c.take() {
		// A mixed element's text form, with its elements when they are
		// set too, so that both are carried.
		v.FieldByName("Text").SetString(fmt.Sprintf("text-%d", fl.c.intn(1000)))
	}
}

// needed reports whether f is required in version v (a field required
// only in some versions of its parent is a pointer, not Required).
func needed(f *codegen.CommandField, v version.Version) bool {
	for _, n := range f.Nodes {
		if n.Min >= 1 && nodeIn(n, v) {
			return true
		}
	}
	return false
}

func hasBranches(fs []*codegen.CommandField) bool {
	for _, f := range fs {
		for _, n := range f.Nodes {
			if n.Branch != 0 {
				return true
			}
		}
	}
	return false
}

func sortInts(a []int) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

// field sets field f (fv) to one value, or to a few for a slice.
func (fl *filler) field(f *codegen.CommandField, fv reflect.Value) {
	switch {
	case f.Repeated:
		lo, hi := f.Node().Min, f.Node().Max
		if hi < 0 {
			hi = 3
		}
		n := max(lo, 1)
		if fl.c.full {
			n = max(n, min(hi, 2))
		} else {
			n = max(n, 1+fl.c.intn(min(hi, 3)))
		}
		s := reflect.MakeSlice(fv.Type(), n, n)
		for i := range n {
			fl.value(f, s.Index(i))
		}
		fv.Set(s)
	case f.Pointer:
		p := reflect.New(fv.Type().Elem())
		fl.value(f, p.Elem())
		fv.Set(p)
	default:
		fl.value(f, fv)
	}
}

var (
	timeType    = reflect.TypeFor[time.Time]()
	compactType = reflect.TypeFor[commands.CompactTime]()
	emptyOrUint = reflect.TypeFor[commands.EmptyOrUint]()
)

// value sets ev to one value of f's kind.
func (fl *filler) value(f *codegen.CommandField, ev reflect.Value) {
	n := f.Node()
	c := fl.c
	if f.Type != nil {
		fl.fill(f.Type, ev)
		return
	}
	switch {
	case ev.Type() == timeType:
		ev.Set(reflect.ValueOf(time.Date(2000+c.intn(30), time.Month(1+c.intn(12)), 1+c.intn(28), c.intn(24), c.intn(60), c.intn(60), c.intn(1000)*1e6, time.UTC)))
		return
	case ev.Type() == compactType:
		ev.Set(reflect.ValueOf(commands.CompactTime(time.Date(2000+c.intn(30), time.Month(1+c.intn(12)), 1+c.intn(28), c.intn(24), c.intn(60), c.intn(60), 0, time.UTC))))
		return
	case ev.Type() == emptyOrUint:
		hi := int64(1<<32 - 1) // int64: int is 32 bits on 386
		if f.Kind == "unsignedByteOrEmpty" {
			hi = 255
		}
		if c.intn(3) == 0 {
			ev.Set(reflect.ValueOf(commands.EmptyOrUint{Empty: true}))
		} else {
			ev.Set(reflect.ValueOf(commands.EmptyOrUint{N: uint32(int64(c.intn(1000)) % (hi + 1))}))
		}
		return
	}
	switch ev.Kind() {
	case reflect.Bool:
		ev.SetBool(f.Kind == "empty" || c.intn(2) == 1)
	case reflect.String:
		if len(n.Values) > 0 {
			ev.SetString(n.Values[c.intn(len(n.Values))])
		} else {
			ev.SetString(fmt.Sprintf("%s-%d", strings.ToLower(f.Name), c.intn(1000)))
		}
	case reflect.Slice: // []byte
		b := make([]byte, 1+c.intn(6))
		for i := range b {
			b[i] = byte(c.intn(256))
		}
		ev.SetBytes(b)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		var x int64
		switch {
		case len(n.Values) > 0:
			x, _ = strconv.ParseInt(n.Values[c.intn(len(n.Values))], 10, 64)
		case n.HasRange:
			x = n.Lo + int64(c.intn(int(min(n.Hi-n.Lo+1, 1<<20))))
		default:
			x = int64(c.intn(256))
			if f.Kind == "integer" && f.Node().Tag.Name != "Status" && c.intn(4) == 0 {
				x = -x
			}
		}
		if ev.CanInt() {
			ev.SetInt(x)
		} else {
			ev.SetUint(uint64(x))
		}
	default:
		panic("filler: no value for " + ev.Type().String())
	}
}

// newFilled returns a pointer to a value of message type ct filled for
// version v.
func newFilled(ct *codegen.CommandType, v version.Version, c *chooser) any {
	tag, _ := codepages.LookupInPage(ct.Node.Page.Number, ct.Node.Tag.Name)
	p := commands.New(tag, ct.Message.Response)
	(&filler{c: c, ver: v}).fill(ct, reflect.ValueOf(p).Elem())
	return p
}

// cmpOpts compares generated values: trees by tag and text.
var cmpOpts = cmp.Options{
	cmp.Comparer(func(a, b *eas.Element) bool {
		if a == nil || b == nil {
			return a == b
		}
		return a.Tag() == b.Tag() && a.Text() == b.Text() && len(a.Children()) == len(b.Children())
	}),
	cmpopts.EquateEmpty(),
}

func direction(response bool) eas.Option {
	if response {
		return eas.AsResponse()
	}
	return eas.AsRequest()
}
