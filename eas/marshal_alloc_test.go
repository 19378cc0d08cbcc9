package eas_test

import (
	"reflect"
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

// TestUnmarshalAllocs: Unmarshal into a reused struct allocates only the
// strings it sets, one each, except the empty ones and those of one byte
// (which Go does not allocate): 16 for the SyncResponse value, 2 for the
// FolderSyncResponse, 3 for the ProvisionResponse and none for the
// PingResponse. Slices, []byte and pointers are reused.
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
		}); n != float64(c.strings) {
			t.Errorf("%s: Unmarshal into a reused struct: %v allocs/op, want %d (one per string)", c.name, n, c.strings)
		}
	}
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
