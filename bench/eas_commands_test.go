package bench_test

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/easkit/easkit/eas"
	"github.com/easkit/easkit/eas/commands"
	"github.com/easkit/easkit/internal/corpus"
)

// The generated command types of eas/commands carry generated fast paths
// (eas.FastMarshaler, eas.FastUnmarshaler) that Marshal and Unmarshal use
// in place of the reflective walk. These benchmarks measure both on the
// corpus SyncEmail64KB and FolderSync responses read into
// commands.SyncResponse and commands.FolderSyncResponse; the reflective
// path is reached through a pointer to the same value as an unnamed struct
// type with the same fields, which has no methods.

// reflectivePtr returns p as a pointer to an unnamed struct type with the
// fields of *p, which does not have p's methods.
func reflectivePtr(p any) any {
	v := reflect.ValueOf(p)
	t := v.Type().Elem()
	fs := make([]reflect.StructField, t.NumField())
	for i := range fs {
		fs[i] = t.Field(i)
	}
	return v.Convert(reflect.PointerTo(reflect.StructOf(fs))).Interface()
}

type commandCase struct {
	name string
	data []byte
	v    any // a pointer to a generated message type, read from data
}

func commandCases(tb testing.TB) []commandCase {
	cs := []commandCase{
		{"SyncEmail64KB", corpus.SyncEmail(64 << 10), new(commands.SyncResponse)},
		{"FolderSync", corpus.FolderSync(), new(commands.FolderSyncResponse)},
	}
	for _, c := range cs {
		if err := eas.Unmarshal(c.data, c.v); err != nil {
			tb.Fatalf("%s: %v", c.name, err)
		}
	}
	return cs
}

// TestCommandsBenchmarkMessages checks that both paths give the same
// bytes for the benchmark messages.
func TestCommandsBenchmarkMessages(t *testing.T) {
	for _, c := range commandCases(t) {
		fast, err := eas.Marshal(c.v)
		if err != nil {
			t.Fatal(err)
		}
		slow, err := eas.Marshal(reflectivePtr(c.v))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(fast, slow) {
			t.Errorf("%s: the fast and reflective paths write different bytes", c.name)
		}
	}
}

func BenchmarkEASCommandsMarshal(b *testing.B) {
	for _, c := range commandCases(b) {
		for _, path := range []string{"fast", "reflective"} {
			v := c.v
			if path == "reflective" {
				v = reflectivePtr(v)
			}
			b.Run(c.name+"/"+path, func(b *testing.B) {
				buf, err := eas.MarshalAppend(nil, v)
				if err != nil {
					b.Fatal(err)
				}
				b.ReportAllocs()
				b.SetBytes(int64(len(buf)))
				for b.Loop() {
					if buf, err = eas.MarshalAppend(buf[:0], v); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

func BenchmarkEASCommandsUnmarshal(b *testing.B) {
	for _, c := range commandCases(b) {
		for _, path := range []string{"fast", "reflective"} {
			v := reflect.New(reflect.TypeOf(c.v).Elem()).Interface()
			if path == "reflective" {
				v = reflectivePtr(v)
			}
			b.Run(c.name+"/"+path, func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(int64(len(c.data)))
				for b.Loop() {
					if err := eas.Unmarshal(c.data, v); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
