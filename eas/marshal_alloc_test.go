package eas_test

import (
	"github.com/easkit/easkit/internal/corpus"
	"reflect"
	"strings"
	"testing"

	"github.com/easkit/easkit/eas"
	"github.com/easkit/easkit/internal/testenv"
)

// TestMarshalAllocs: MarshalAppend into a reused buffer, and Encode,
// allocate nothing once warm.
func TestMarshalAllocs(t *testing.T) {
	vs := values()
	for _, name := range []string{"SyncResponse", "FolderSyncResponse", "ProvisionResponse"} {
		v := vs[name]
		buf, err := eas.MarshalAppend(nil, v)
		if err != nil {
			t.Fatal(err)
		}
		testenv.SkipIfAllocsUnreliable(t)
		if n := testing.AllocsPerRun(100, func() {
			buf, err = eas.MarshalAppend(buf[:0], v)
			if err != nil {
				t.Fatal(err)
			}
		}); n != 0 {
			t.Errorf("%s: MarshalAppend: %v allocs/op, want 0", name, n)
		}
		enc := eas.NewEncoder(discard{})
		if n := testing.AllocsPerRun(100, func() {
			if err := enc.Encode(v); err != nil {
				t.Fatal(err)
			}
		}); n != 0 {
			t.Errorf("%s: Encode: %v allocs/op, want 0", name, n)
		}
	}
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

// TestUnmarshalAllocs: Unmarshal into a reused struct allocates only for
// the strings it sets (16 of two bytes or more in the SyncResponse value,
// 2 in the FolderSyncResponse, 3 in the ProvisionResponse, none in the
// PingResponse): at most one each, and fewer, since short strings are cut
// from shared 4 KiB blocks. Slices, []byte and pointers are reused.
func TestUnmarshalAllocs(t *testing.T) {
	vs := values()
	for _, c := range []struct {
		name    string
		strings int
	}{
		{"SyncResponse", 16},
		{"FolderSyncResponse", 2},
		{"ProvisionResponse", 3},
		{"PingResponse", 0},
	} {
		if n := countStrings(reflect.ValueOf(vs[c.name])); n != c.strings {
			t.Fatalf("%s has %d strings of two bytes or more, not %d", c.name, n, c.strings)
		}
		b, err := eas.Marshal(vs[c.name])
		if err != nil {
			t.Fatal(err)
		}
		v := newLike(vs[c.name])
		if err := eas.Unmarshal(b, v); err != nil {
			t.Fatal(err)
		}
		testenv.SkipIfAllocsUnreliable(t)
		if n := testing.AllocsPerRun(100, func() {
			if err := eas.Unmarshal(b, v); err != nil {
				t.Fatal(err)
			}
		}); n > float64(c.strings) {
			t.Errorf("%s: Unmarshal into a reused struct: %v allocs/op, want at most %d (one per string)", c.name, n, c.strings)
		}
	}
}

// TestUnmarshalStringBlocks: the strings of the corpus FolderSync response
// (three for each of 293 folders) take a few blocks, not an allocation
// each, and strings already returned never change.
func TestUnmarshalStringBlocks(t *testing.T) {
	type folderSync struct {
		XMLName eas.Name `eas:"FolderHierarchy:FolderSync"`
		Status  int
		SyncKey string
		Changes struct {
			Count int
			Add   []struct {
				ServerId, ParentId, DisplayName string
				Type                            int
			}
		}
	}
	msg := corpus.FolderSync()
	var v folderSync
	if err := eas.Unmarshal(msg, &v); err != nil {
		t.Fatal(err)
	}
	if len(v.Changes.Add) != 293 || v.Changes.Add[292].DisplayName == "" {
		t.Fatalf("%d folders", len(v.Changes.Add))
	}
	before := make([]string, len(v.Changes.Add))
	kept := make([]string, len(v.Changes.Add))
	for i, a := range v.Changes.Add {
		before[i] = strings.Clone(a.DisplayName)
		kept[i] = a.DisplayName
	}
	var other folderSync
	for range 20 { // fill and replace the blocks several times
		if err := eas.Unmarshal(msg, &other); err != nil {
			t.Fatal(err)
		}
	}
	for i := range kept {
		if kept[i] != before[i] {
			t.Fatalf("string %d changed from %q to %q", i, before[i], kept[i])
		}
	}
	testenv.SkipIfAllocsUnreliable(t)
	n := testing.AllocsPerRun(50, func() {
		if err := eas.Unmarshal(msg, &v); err != nil {
			t.Fatal(err)
		}
	})
	if n > 10 {
		t.Errorf("%v allocations for 879 strings, want at most 10", n)
	}
	t.Logf("%v allocations per Unmarshal of the corpus FolderSync", n)
}

// countStrings counts the strings of two bytes or more in v.
func countStrings(v reflect.Value) int {
	switch v.Kind() {
	case reflect.String:
		if v.Len() > 1 {
			return 1
		}
	case reflect.Pointer:
		if !v.IsNil() {
			return countStrings(v.Elem())
		}
	case reflect.Slice:
		n := 0
		for i := range v.Len() {
			n += countStrings(v.Index(i))
		}
		return n
	case reflect.Struct:
		n := 0
		for i := range v.NumField() {
			n += countStrings(v.Field(i))
		}
		return n
	}
	return 0
}
