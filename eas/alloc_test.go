package eas_test

import (
	"testing"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/eas"
	"github.com/easkit/easkit/internal/corpus"
	"github.com/easkit/easkit/internal/testenv"
)

// countElements returns the number of elements of the tree under e.
func countElements(e *eas.Element) int {
	n := 1
	for _, c := range e.Children() {
		n += countElements(c)
	}
	return n
}

// TestParseAllocations: a one-shot Parse allocates a few blocks, far
// fewer than one per element; a reused Parser allocates nothing; an
// unchanged tree writes back without allocating.
func TestParseAllocations(t *testing.T) {
	testenv.SkipIfAllocsUnreliable(t)
	for _, name := range []string{"FolderSync", "Provision", "SyncCalendar", "SyncEmail64KB"} {
		m, _ := corpus.Lookup(name)
		msg := m.Build()
		root, err := eas.Parse(msg)
		if err != nil {
			t.Fatal(err)
		}
		elems := countElements(root)
		oneShot := testing.AllocsPerRun(20, func() {
			if _, err := eas.Parse(msg); err != nil {
				t.Fatal(err)
			}
		})
		if oneShot > float64(elems)/4 {
			t.Errorf("%s: Parse made %v allocations for %d elements, want at most one per four", name, oneShot, elems)
		}
		var p eas.Parser
		if _, err := p.Parse(msg); err != nil {
			t.Fatal(err)
		}
		reused := testing.AllocsPerRun(20, func() {
			if _, err := p.Parse(msg); err != nil {
				t.Fatal(err)
			}
		})
		if reused != 0 {
			t.Errorf("%s: a reused Parser made %v allocations, want 0", name, reused)
		}
		buf := make([]byte, 0, len(msg))
		tree, _ := p.Parse(msg)
		write := testing.AllocsPerRun(20, func() {
			if _, err := tree.AppendWBXML(buf[:0]); err != nil {
				t.Fatal(err)
			}
		})
		if write != 0 {
			t.Errorf("%s: AppendWBXML of an unchanged tree made %v allocations, want 0", name, write)
		}
		t.Logf("%s: %d elements, Parse %v allocations, reused Parser %v", name, elems, oneShot, reused)
	}
}

// TestBuilderAllocations: a Builder reset with a caller's buffer writes a
// message without allocating.
func TestBuilderAllocations(t *testing.T) {
	testenv.SkipIfAllocsUnreliable(t)
	var b eas.Builder
	buf := make([]byte, 0, 4096)
	conv := []byte{1, 2, 3, 4, 5, 6, 7, 8}
	write := func() {
		b.Reset(buf[:0])
		b.Start(codepages.AirSyncSync)
		b.Start(codepages.AirSyncCollections)
		for i := range 8 {
			b.Start(codepages.AirSyncCollection)
			b.Text(codepages.AirSyncSyncKey, "1234567890")
			b.Int(codepages.AirSyncCollectionId, int64(i))
			b.Empty(codepages.AirSyncDeletesAsMoves)
			b.Bytes(codepages.Email2ConversationId, conv)
			b.Bytes(codepages.ContactsPicture, conv)
			b.End()
		}
		if _, err := b.Finish(); err != nil {
			t.Fatal(err)
		}
	}
	write()
	if n := testing.AllocsPerRun(50, write); n != 0 {
		t.Errorf("reused Builder: %v allocations, want 0", n)
	}
}
