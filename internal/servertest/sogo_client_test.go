package servertest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/eas"
	"github.com/easkit/easkit/eashttp"
	"github.com/easkit/easkit/version"
)

// TestSOGoClient runs the eashttp client against the real SOGo: version
// negotiation from OPTIONS, the two-phase Provision (SOGo has no policy:
// policy Status 2), FolderSync with SyncKey 0, and two Syncs of the inbox,
// over a server that closes its connections after every response.
func TestSOGoClient(t *testing.T) {
	s := newSOGo(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	c, err := eashttp.NewClient(s.url, eashttp.WithBasicAuth(s.user, s.password),
		eashttp.WithDevice(fmt.Sprintf("easkitc%d", time.Now().UnixNano()), "EASProbe"))
	if err != nil {
		t.Fatal(err)
	}
	d, err := c.Negotiate(ctx)
	if err != nil {
		t.Fatalf("Negotiate: %v", err)
	}
	if c.Version() != version.V14_1 {
		t.Errorf("negotiated %v (%+v), want 14.1, the highest SOGo lists", c.Version(), d)
	}
	p, err := c.Provision(ctx)
	if err != nil {
		t.Fatalf("Provision: %v", err)
	}
	if p.Status != 2 {
		t.Errorf("policy Status %d, want 2 (SOGo has no policy)", p.Status)
	}

	var b eas.Builder
	b.Start(codepages.FolderHierarchyFolderSync)
	b.Text(codepages.FolderHierarchySyncKey, "0")
	fs, _, err := c.DoMessage(ctx, "FolderSync", &b)
	if err != nil {
		t.Fatalf("FolderSync: %v", err)
	}
	if st, _ := fs.Child(codepages.FolderHierarchyStatus).Int(); st != 1 {
		t.Fatalf("FolderSync Status %d", st)
	}
	inbox := ""
	for _, f := range fs.All(codepages.FolderHierarchyChanges, codepages.FolderHierarchyAdd) {
		if f.Child(codepages.FolderHierarchyType).Text() == "2" {
			inbox = f.Child(codepages.FolderHierarchyServerId).Text()
		}
	}
	if inbox == "" {
		t.Fatal("no inbox (Type 2) in the FolderSync response")
	}

	key := "0"
	var subjects []string
	for range 2 {
		b.Reset(nil)
		b.Start(codepages.AirSyncSync)
		b.Start(codepages.AirSyncCollections)
		b.Start(codepages.AirSyncCollection)
		b.Text(codepages.AirSyncSyncKey, key)
		b.Text(codepages.AirSyncCollectionId, inbox)
		if key != "0" {
			b.Empty(codepages.AirSyncGetChanges)
			b.Int(codepages.AirSyncWindowSize, 10)
		}
		sync, _, err := c.DoMessage(ctx, "Sync", &b)
		if err != nil {
			t.Fatalf("Sync with key %q: %v", key, err)
		}
		coll := sync.Find(codepages.AirSyncCollections, codepages.AirSyncCollection)
		if st, _ := coll.Child(codepages.AirSyncStatus).Int(); st != 1 {
			t.Fatalf("Sync Status %d", st)
		}
		key = coll.Child(codepages.AirSyncSyncKey).Text()
		for _, add := range coll.All(codepages.AirSyncCommands, codepages.AirSyncAdd) {
			subjects = append(subjects, add.Find(codepages.AirSyncApplicationData, codepages.EmailSubject).Text())
		}
	}
	if len(subjects) < 3 {
		t.Errorf("inbox messages %q, want the 3 of start.sh", subjects)
	}
	t.Logf("14.1, no policy, inbox %s: %q", inbox, subjects)
}
