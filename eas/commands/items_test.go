package commands_test

import (
	"path/filepath"
	"reflect"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/easkit/easkit/eas"
	"github.com/easkit/easkit/eas/commands"
	"github.com/easkit/easkit/internal/codegen"
	"github.com/easkit/easkit/version"
)

var (
	classOnce  sync.Once
	classModel *codegen.ClassModel
	classErr   error
)

func loadClassModel(t testing.TB) *codegen.ClassModel {
	t.Helper()
	classOnce.Do(func() {
		tables, err := codegen.Load(filepath.Join("..", ".."))
		if err != nil {
			classErr = err
			return
		}
		classModel, classErr = tables.ClassTypes()
	})
	if classErr != nil {
		t.Fatal(classErr)
	}
	return classModel
}

// itemRoundTrips checks each item type; a class the generator gains
// without a line here fails TestItemRoundTrip.
var itemRoundTrips = map[string]func(*testing.T, *codegen.CommandType, version.Version){
	"EmailItem":    roundTripItem[commands.EmailItem],
	"CalendarItem": roundTripItem[commands.CalendarItem],
	"ContactItem":  roundTripItem[commands.ContactItem],
	"TaskItem":     roundTripItem[commands.TaskItem],
	"NoteItem":     roundTripItem[commands.NoteItem],
	"DocumentItem": roundTripItem[commands.DocumentItem],
	"GALItem":      roundTripItem[commands.GALItem],
}

// TestItemRoundTrip fills every field of each item type that a protocol
// version has, for every version, writes the item with SetItem into the
// message that carries it (a Sync response; a Search response for
// documents and GAL entries), validates that message for the version,
// reads it back and the item from it with Item, and compares.
func TestItemRoundTrip(t *testing.T) {
	m := loadClassModel(t)
	if len(m.Items) != len(itemRoundTrips) {
		t.Errorf("%d item types, %d round trips", len(m.Items), len(itemRoundTrips))
	}
	n := 0
	for _, ct := range m.Items {
		check := itemRoundTrips[ct.Name]
		if check == nil {
			t.Errorf("no round trip for %s", ct.Name)
			continue
		}
		for _, v := range versionsOf(ct.Since, ct.Until) {
			check(t, ct, v)
			n++
		}
	}
	if n < 40 {
		t.Errorf("%d round trips", n)
	}
	t.Logf("%d round trips", n)
}

func roundTripItem[T any](t *testing.T, ct *codegen.CommandType, v version.Version) {
	t.Helper()
	name := ct.Name + " " + v.String()
	var want T
	(&filler{c: &chooser{full: true}, ver: v}).fill(ct, reflect.ValueOf(&want).Elem())
	if reflect.ValueOf(want).IsZero() {
		t.Fatalf("%s: the filler set nothing", name)
	}
	children, err := commands.SetItem(&want, eas.WithVersion(v))
	if err != nil {
		t.Fatalf("%s: SetItem: %v", name, err)
	}
	msg, read := carrier(t, ct, children)
	if err := eas.Validate(msg, eas.WithVersion(v), eas.AsResponse()); err != nil {
		t.Fatalf("%s: Validate: %v\n%#v", name, err, want)
	}
	got, err := commands.Item[T](read(msg), eas.WithStrict(true))
	if err != nil {
		t.Fatalf("%s: Item: %v", name, err)
	}
	if d := cmp.Diff(want, got, cmpOpts); d != "" {
		t.Fatalf("%s: round trip differs (-want +got):\n%s", name, d)
	}
}

// carrier returns a response carrying the item's children where its class
// goes, and a function reading them back from that response.
func carrier(t *testing.T, ct *codegen.CommandType, children []*eas.Element) ([]byte, func([]byte) []*eas.Element) {
	if c := loadClassModel(t).ItemClass[ct]; c == "DocumentLibrary" || c == "GAL" {
		msg := mustMarshal(t, &commands.SearchResponse{Status: commands.Ptr(eas.Status(1)), Response: &commands.SearchResponseResponse{
			Store: commands.SearchResponseStore{Status: eas.Status(1), Result: []commands.SearchResponseResult{
				{Properties: &commands.SearchResponseProperties{Any: children}},
			}},
		}})
		return msg, func(b []byte) []*eas.Element {
			var r commands.SearchResponse
			if err := eas.Unmarshal(b, &r, eas.WithStrict(true)); err != nil {
				t.Fatal(err)
			}
			return r.Response.Store.Result[0].Properties.Any
		}
	}
	msg := mustMarshal(t, syncAdd(children))
	return msg, func(b []byte) []*eas.Element {
		var r commands.SyncResponse
		if err := eas.Unmarshal(b, &r, eas.WithStrict(true)); err != nil {
			t.Fatal(err)
		}
		return r.Collections.Collection[0].Commands.Add[0].ApplicationData.Any
	}
}

// syncAdd is a Sync response adding one item.
func syncAdd(children []*eas.Element) *commands.SyncResponse {
	return &commands.SyncResponse{Collections: &commands.SyncResponseCollections{
		Collection: []commands.SyncResponseCollection{{
			SyncKey: "2", CollectionId: "1", Status: commands.Ptr(eas.StatusSyncSuccess),
			Commands: &commands.SyncResponseCommands{Add: []commands.SyncResponseCommandsAdd{{
				ServerId:        "1:1",
				ApplicationData: &commands.SyncResponseAddApplicationData{Any: children},
			}}},
		}},
	}}
}

// TestItemKeepsOtherParts reads a contact whose children hold a shared
// part the ContactItem names no field for (an AirSyncBase Location): Any
// keeps it, and SetItem writes it back.
func TestItemKeepsOtherParts(t *testing.T) {
	src, err := commands.SetItem(&commands.CalendarItem{Subject: "s", Location: &commands.Location{City: "Lisbon"}})
	if err != nil {
		t.Fatal(err)
	}
	c, err := commands.Item[commands.ContactItem](src, eas.WithStrict(true))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Any) != 2 || c.Any[1].Name() != "Location" {
		t.Fatalf("ContactItem.Any = %v, want Calendar:Subject and AirSyncBase:Location", c.Any)
	}
	back, err := commands.SetItem(&c)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := trees(back, false), trees(src, false); got != want {
		t.Errorf("written back:\n%s\nwant:\n%s", got, want)
	}
}
