package bench_test

import (
	"testing"

	"github.com/easkit/easkit/eas"
)

// treeMessages are the corpus messages the tree benchmarks run over: the
// tag-dense ones and a text-heavy one (the larger e-mail Syncs add
// nothing but copying).
var treeMessages = []string{"FolderSync", "Provision", "SyncCalendar", "SyncEmail64KB"}

// BenchmarkParse reads each message into a tree: once with a new Parser
// each time (eas.Parse, its few block allocations counted), once with a
// reused Parser (no allocation). The elements/op metric says how many
// elements each tree has, ns/element the cost per element.
func BenchmarkParse(b *testing.B) {
	for _, name := range treeMessages {
		m := lookup(b, name)
		root, err := eas.Parse(m.wbxml)
		if err != nil {
			b.Fatal(err)
		}
		elems := float64(treeSize(root))
		b.Run("New/"+name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(m.wbxml)))
			for b.Loop() {
				if _, err := eas.Parse(m.wbxml); err != nil {
					b.Fatal(err)
				}
			}
			reportPerElement(b, elems)
		})
		b.Run("Reused/"+name, func(b *testing.B) {
			var p eas.Parser
			if _, err := p.Parse(m.wbxml); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.SetBytes(int64(len(m.wbxml)))
			for b.Loop() {
				if _, err := p.Parse(m.wbxml); err != nil {
					b.Fatal(err)
				}
			}
			reportPerElement(b, elems)
		})
	}
}

// BenchmarkTreeWrite writes a parsed tree back to WBXML: unchanged (its
// bytes are copied whole) and with its root changed (every subtree below
// the root is copied, the root's start and end are written).
func BenchmarkTreeWrite(b *testing.B) {
	for _, name := range treeMessages {
		m := lookup(b, name)
		b.Run("Unchanged/"+name, func(b *testing.B) {
			root, _ := eas.Parse(m.wbxml)
			buf := make([]byte, 0, 2*len(m.wbxml))
			b.ReportAllocs()
			b.SetBytes(int64(len(m.wbxml)))
			for b.Loop() {
				if _, err := root.AppendWBXML(buf[:0]); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("RootChanged/"+name, func(b *testing.B) {
			root, _ := eas.Parse(m.wbxml)
			leaf := root.Children()[0]
			root.Remove(leaf)
			root.Insert(0, leaf)
			var bld eas.Builder
			buf := make([]byte, 0, 2*len(m.wbxml))
			b.ReportAllocs()
			b.SetBytes(int64(len(m.wbxml)))
			for b.Loop() {
				bld.Reset(buf[:0])
				bld.Element(root)
				if _, err := bld.Finish(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// lookup returns the loaded corpus message name.
func lookup(b *testing.B, name string) *message {
	for _, m := range messages {
		if m.name == name {
			return m.load(b)
		}
	}
	b.Fatalf("no corpus message %s", name)
	return nil
}

// treeSize counts the elements of a tree.
func treeSize(e *eas.Element) int {
	n := 1
	for _, c := range e.Children() {
		n += treeSize(c)
	}
	return n
}

// reportPerElement adds the ns/element metric.
func reportPerElement(b *testing.B, elems float64) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/elems, "ns/element")
	b.ReportMetric(elems, "elements/op")
}
