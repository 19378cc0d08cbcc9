package commands_test

import (
	"testing"

	"github.com/easkit/easkit/eas"
	"github.com/easkit/easkit/eas/commands"
	"github.com/easkit/easkit/internal/corpus"
	"github.com/easkit/easkit/internal/testenv"
)

// TestFastPathAllocations: through the generated paths, MarshalAppend
// into a reused buffer allocates nothing, and Unmarshal of the corpus
// FolderSync response (293 folders, three strings each) into a reused
// value allocates only its string blocks, not a string each.
func TestFastPathAllocations(t *testing.T) {
	msg := corpus.FolderSync()
	var v commands.FolderSyncResponse
	if err := eas.Unmarshal(msg, &v); err != nil {
		t.Fatal(err)
	}
	if v.Changes == nil || len(v.Changes.Add) != 293 {
		t.Fatalf("FolderSync read into %+v", v.Changes)
	}
	buf, err := eas.MarshalAppend(nil, &v)
	if err != nil {
		t.Fatal(err)
	}
	testenv.SkipIfAllocsUnreliable(t)
	if n := testing.AllocsPerRun(50, func() {
		if _, err := eas.MarshalAppend(buf[:0], &v); err != nil {
			t.Fatal(err)
		}
	}); n != 0 {
		t.Errorf("MarshalAppend of a FolderSyncResponse: %v allocations, want 0", n)
	}
	if n := testing.AllocsPerRun(50, func() {
		if err := eas.Unmarshal(msg, &v); err != nil {
			t.Fatal(err)
		}
	}); n > 10 {
		t.Errorf("Unmarshal of a FolderSyncResponse: %v allocations for 880 strings, want at most 10", n)
	}
}

// TestKeptTreeAllocations: a SyncResponse keeps each item's
// ApplicationData as a tree; reading 64 KB of e-mails costs the trees'
// slabs and the strings, not an allocation per kept element.
func TestKeptTreeAllocations(t *testing.T) {
	msg := corpus.SyncEmail(64 << 10)
	var v commands.SyncResponse
	if err := eas.Unmarshal(msg, &v); err != nil {
		t.Fatal(err)
	}
	adds := 0
	for _, c := range v.Collections.Collection {
		if c.Commands != nil {
			adds += len(c.Commands.Add)
		}
	}
	if adds == 0 {
		t.Fatal("no Add read from the corpus Sync")
	}
	testenv.SkipIfAllocsUnreliable(t)
	if n := testing.AllocsPerRun(20, func() {
		if err := eas.Unmarshal(msg, &v); err != nil {
			t.Fatal(err)
		}
	}); n > 2*float64(adds)+10 {
		t.Errorf("Unmarshal of a SyncResponse with %d Adds: %v allocations, want at most %d", adds, n, 2*adds+10)
	}
}

// TestNamesAllocations: a Sync request whose Supported names five
// properties reads into a reused value, and writes into a reused buffer,
// without allocating: the names are tags, not trees.
func TestNamesAllocations(t *testing.T) {
	msg := fromXML(t, supportedXML)
	var v commands.SyncRequest
	if err := eas.Unmarshal(msg, &v); err != nil {
		t.Fatal(err)
	}
	if s := v.Collections.Collection[0].Supported; s == nil || len(s.Names) != 5 {
		t.Fatalf("Supported read into %+v", s)
	}
	buf, err := eas.MarshalAppend(nil, &v)
	if err != nil {
		t.Fatal(err)
	}
	testenv.SkipIfAllocsUnreliable(t)
	if n := testing.AllocsPerRun(50, func() {
		if err := eas.Unmarshal(msg, &v); err != nil {
			t.Fatal(err)
		}
	}); n != 0 {
		t.Errorf("Unmarshal of a Sync request with Supported: %v allocations, want 0", n)
	}
	if n := testing.AllocsPerRun(50, func() {
		if _, err := eas.MarshalAppend(buf[:0], &v); err != nil {
			t.Fatal(err)
		}
	}); n != 0 {
		t.Errorf("MarshalAppend of a Sync request with Supported: %v allocations, want 0", n)
	}
}
