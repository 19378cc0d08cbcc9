package eas_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/eas"
	"github.com/easkit/easkit/version"
	"github.com/easkit/easkit/wbxml"
)

// TestParseRoundTrip: every sample comes back byte for byte from an
// unchanged tree, and its XML from Element.WriteXML is the XMLWriter's.
func TestParseRoundTrip(t *testing.T) {
	for _, s := range samples(t) {
		t.Run(s.name, func(t *testing.T) {
			root, err := eas.Parse(s.data)
			if err != nil {
				if wbxml.Valid(s.data) {
					t.Fatalf("Parse: %v", err)
				}
				return // the interop set has some broken documents on purpose
			}
			got, err := root.AppendWBXML(nil)
			if err != nil {
				t.Fatal(err)
			}
			n := len(s.data)
			if len(got) > n || !bytes.Equal(got, s.data[:len(got)]) {
				t.Fatalf("AppendWBXML differs from the input")
			}
			var x bytes.Buffer
			if err := root.WriteXML(&x); err != nil {
				t.Fatal(err)
			}
			if want := toXML(t, got); x.String() != want {
				t.Fatalf("WriteXML differs from XMLWriter:\n%s\nwant\n%s", x.String(), want)
			}
		})
	}
}

// TestChangedTreeReencodes: a change anywhere re-encodes the tree so that
// it decodes to the same XML as the input with the one change made.
func TestChangedTreeReencodes(t *testing.T) {
	for _, s := range samples(t) {
		root, err := eas.Parse(s.data)
		if err != nil {
			continue
		}
		var leaves []*eas.Element
		for _, l := range leavesOf(root) {
			if l.HasContent() {
				leaves = append(leaves, l)
			}
		}
		if len(leaves) == 0 {
			continue
		}
		// Change the text of the last leaf: everything before it is
		// copied, what follows the change is written anew.
		leaf := leaves[len(leaves)-1]
		old := leaf.Text()
		leaf.SetText(old)
		got, err := root.AppendWBXML(nil)
		if err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		if toXML(t, got) != toXML(t, s.data) {
			t.Errorf("%s: setting a leaf to its own text changed the XML", s.name)
		}
		leaf.SetText("changed")
		got, err = root.AppendWBXML(nil)
		if err != nil {
			t.Fatal(err)
		}
		again, err := eas.Parse(got)
		if err != nil {
			t.Fatalf("%s: re-encoded tree does not parse: %v", s.name, err)
		}
		before, after := leavesOf(root), leavesOf(again)
		if len(after) != len(before) {
			t.Fatalf("%s: %d leaves, want %d", s.name, len(after), len(before))
		}
		for i := range before {
			if after[i].Tag() != before[i].Tag() || after[i].Text() != before[i].Text() || after[i].HasContent() != before[i].HasContent() {
				t.Fatalf("%s: leaf %d is %s %q, want %s %q", s.name, i, after[i].Path(), after[i].Text(), before[i].Path(), before[i].Text())
			}
		}
	}
}

func leavesOf(e *eas.Element) []*eas.Element {
	if len(e.Children()) == 0 {
		return []*eas.Element{e}
	}
	var out []*eas.Element
	for _, c := range e.Children() {
		out = append(out, leavesOf(c)...)
	}
	return out
}

// syncResponse is a Sync response with two collections, the second with
// two Adds, a flag and a date.
func syncResponse() []byte {
	var b eas.Builder
	b.Start(codepages.AirSyncSync)
	b.Start(codepages.AirSyncCollections)
	for i, key := range []string{"k1", "k2"} {
		b.Start(codepages.AirSyncCollection)
		b.Text(codepages.AirSyncSyncKey, key)
		b.Int(codepages.AirSyncCollectionId, int64(i+1))
		b.Int(codepages.AirSyncStatus, 1)
		if i == 1 {
			b.Empty(codepages.AirSyncMoreAvailable)
			b.Start(codepages.AirSyncCommands)
			for _, id := range []string{"1:1", "1:2"} {
				b.Start(codepages.AirSyncAdd)
				b.Text(codepages.AirSyncServerId, id)
				b.Start(codepages.AirSyncApplicationData)
				b.Text(codepages.EmailSubject, "hello "+id)
				b.Time(codepages.EmailDateReceived, time.Date(2026, 12, 7, 9, 30, 0, 0, time.UTC))
				b.Text(codepages.EmailRead, "0")
				b.Bytes(codepages.Email2ConversationId, []byte{0, 1, 2, 0xFF})
				b.End()
				b.End()
			}
			b.End()
		}
		b.End()
	}
	msg, err := b.Finish()
	if err != nil {
		panic(err)
	}
	return msg
}

func TestFindAndAccessors(t *testing.T) {
	root, err := eas.Parse(syncResponse())
	if err != nil {
		t.Fatal(err)
	}
	if root.Tag() != codepages.AirSyncSync || root.Name() != "Sync" {
		t.Fatalf("root %v", root.Tag())
	}
	colls := root.All(codepages.AirSyncCollections, codepages.AirSyncCollection)
	if len(colls) != 2 {
		t.Fatalf("%d collections", len(colls))
	}
	if got := root.Find(codepages.AirSyncCollections, codepages.AirSyncCollection, codepages.AirSyncSyncKey).Text(); got != "k1" {
		t.Errorf("first SyncKey %q", got)
	}
	if n, err := colls[1].Child(codepages.AirSyncCollectionId).Int(); err != nil || n != 2 {
		t.Errorf("CollectionId %d, %v", n, err)
	}
	if !colls[1].Child(codepages.AirSyncMoreAvailable).Bool() || colls[0].Child(codepages.AirSyncMoreAvailable).Bool() {
		t.Error("MoreAvailable flag")
	}
	adds := colls[1].All(codepages.AirSyncCommands, codepages.AirSyncAdd)
	if len(adds) != 2 {
		t.Fatalf("%d adds", len(adds))
	}
	data := adds[1].Child(codepages.AirSyncApplicationData)
	if got := data.Child(codepages.EmailSubject).Text(); got != "hello 1:2" {
		t.Errorf("Subject %q", got)
	}
	if tm, err := data.Child(codepages.EmailDateReceived).Time(); err != nil || !tm.Equal(time.Date(2026, 12, 7, 9, 30, 0, 0, time.UTC)) {
		t.Errorf("DateReceived %v, %v", tm, err)
	}
	if data.Child(codepages.EmailRead).Bool() {
		t.Error(`Read "0" is true`)
	}
	if p, err := data.Child(codepages.Email2ConversationId).Bytes(); err != nil || !bytes.Equal(p, []byte{0, 1, 2, 0xFF}) {
		t.Errorf("ConversationId %x, %v", p, err)
	}
	// Errors carry the offset and the path.
	_, err = data.Child(codepages.EmailSubject).Int()
	var e *eas.Error
	if !errors.As(err, &e) || !errors.Is(err, eas.ErrValue) || e.Offset <= 0 ||
		e.Path != "Sync/Collections/Collection[2]/Commands/Add[2]/ApplicationData/Email:Subject" {
		t.Errorf("Int error %v (path %q)", err, e.Path)
	}
	// Missing elements read as zero values, and as ErrMissing.
	missing := root.Find(codepages.AirSyncResponses, codepages.AirSyncAdd)
	if missing != nil || missing.Text() != "" || missing.Bool() {
		t.Error("missing element")
	}
	if _, err := missing.Int(); !errors.Is(err, eas.ErrMissing) {
		t.Errorf("missing Int: %v", err)
	}
}

func TestTimeSpellings(t *testing.T) {
	want := time.Date(2009, 11, 12, 9, 30, 0, 0, time.UTC)
	for _, s := range []string{"2009-11-12T09:30:00.000Z", "20091112T093000Z", "2009-11-12T09:30:00Z"} {
		got, err := eas.ParseTime(s)
		if err != nil || !got.Equal(want) {
			t.Errorf("ParseTime(%q) = %v, %v", s, got, err)
		}
	}
	if got := string(eas.AppendTime(nil, codepages.CalendarStartTime, want)); got != "20091112T093000Z" {
		t.Errorf("calendar time %q", got)
	}
	if got := string(eas.AppendTime(nil, codepages.EmailDateReceived, want)); got != "2009-11-12T09:30:00.000Z" {
		t.Errorf("email time %q", got)
	}
	if _, err := eas.ParseTime("yesterday"); !errors.Is(err, eas.ErrValue) {
		t.Errorf("bad time: %v", err)
	}
}

// TestEditTree: elements are added, removed and moved; the result is the
// tree written anew.
func TestEditTree(t *testing.T) {
	root, err := eas.Parse(syncResponse())
	if err != nil {
		t.Fatal(err)
	}
	colls := root.Child(codepages.AirSyncCollections)
	first := colls.Children()[0]
	if !colls.Remove(first) || first.Parent() != nil {
		t.Fatal("Remove")
	}
	colls.Append(first) // moved to the end
	first.Append(eas.NewText(codepages.AirSyncWindowSize, "5"))
	got, err := root.AppendWBXML(nil)
	if err != nil {
		t.Fatal(err)
	}
	again, err := eas.Parse(got)
	if err != nil {
		t.Fatal(err)
	}
	keys := again.All(codepages.AirSyncCollections, codepages.AirSyncCollection, codepages.AirSyncSyncKey)
	if len(keys) != 2 || keys[0].Text() != "k2" || keys[1].Text() != "k1" {
		t.Fatalf("order after move: %v", keys)
	}
	if again.Find(codepages.AirSyncCollections, codepages.AirSyncCollection).Child(codepages.AirSyncWindowSize) != nil {
		t.Error("WindowSize on the first collection")
	}
	if ws := again.All(codepages.AirSyncCollections, codepages.AirSyncCollection)[1].Child(codepages.AirSyncWindowSize); ws.Text() != "5" {
		t.Errorf("WindowSize %q", ws.Text())
	}
	defer func() {
		if recover() == nil {
			t.Error("an element made its own child without a panic")
		}
	}()
	first.Append(colls)
}

// TestKeepsWireForms: content that is not canonical (a string table, an
// empty string, a redundant page switch) survives an unchanged subtree
// and the tree around it being written anew.
func TestKeepsWireForms(t *testing.T) {
	// Sync > Collections > Collection > SyncKey "k" (STR_T 0), Class ""
	// (empty STR_I), a redundant SWITCH_PAGE 0 before Status.
	doc := []byte{0x03, 0x01, 0x6A, 0x02, 'k', 0x00,
		0x45, 0x5C, 0x4F,
		0x4B, 0x83, 0x00, 0x01,
		0x50, 0x03, 0x00, 0x01,
		0x00, 0x00, 0x4E, 0x03, '1', 0x00, 0x01,
		0x01, 0x01, 0x01}
	root, err := eas.Parse(doc)
	if err != nil {
		t.Fatal(err)
	}
	coll := root.Find(codepages.AirSyncCollections, codepages.AirSyncCollection)
	if coll.Child(codepages.AirSyncSyncKey).Text() != "k" || !coll.Child(codepages.AirSyncClass).HasContent() {
		t.Fatal("values")
	}
	got, _ := root.AppendWBXML(nil)
	if !bytes.Equal(got, doc) {
		t.Fatalf("unchanged: % x", got)
	}
	root.Append(eas.NewElement(codepages.AirSyncLimit))
	got, err = root.AppendWBXML(nil)
	if err != nil {
		t.Fatal(err)
	}
	// The header and the Collections subtree are copied; Sync's start tag
	// and the new Limit are written, and END closes Sync.
	want := append(append([]byte{}, doc[:7]...), doc[7:len(doc)-1]...)
	want = append(want, 0x25, 0x01)
	if !bytes.Equal(got, want) {
		t.Fatalf("changed:\n% x\nwant\n% x", got, want)
	}
}

func TestParseErrors(t *testing.T) {
	msg := syncResponse()
	for i := range len(msg) - 1 {
		_, err := eas.Parse(msg[:i])
		var se *wbxml.SyntaxError
		if !errors.As(err, &se) {
			t.Fatalf("truncated at %d: %v", i, err)
		}
	}
	// HeartbeatInterval on page 0 is 14.0 and later.
	var b eas.Builder
	b.Start(codepages.AirSyncSync)
	b.Int(codepages.AirSyncHeartbeatInterval, 60)
	ping, err := b.Finish()
	if err != nil {
		t.Fatal(err)
	}
	_, err = eas.Parse(ping, eas.WithVersion(version.V12_1))
	var e *eas.Error
	if !errors.As(err, &e) || !errors.Is(err, eas.ErrNotInVersion) || e.Offset != 5 || e.Path != "Sync/HeartbeatInterval" {
		t.Errorf("version error: %v", err)
	}
	if _, err := eas.Parse(ping, eas.WithVersion(version.V16_0)); err != nil {
		t.Errorf("16.0: %v", err)
	}
	// A LITERAL tag has no Tag.
	lit := []byte{0x03, 0x01, 0x6A, 0x02, 'x', 0x00, 0x04, 0x00}
	if _, err := eas.Parse(lit); !errors.Is(err, eas.ErrUnsupported) || !strings.Contains(err.Error(), "offset 6") {
		t.Errorf("literal: %v", err)
	}
}

// TestParseTimeFast: the quick reading of the two common spellings agrees
// with time.Parse, and leaves every other input to it.
func TestParseTimeFast(t *testing.T) {
	for _, s := range []string{
		"2009-11-12T09:30:00.000Z", "20091112T093000Z", "2024-02-29T23:59:59.999Z", "20240229T235959Z",
		"2023-02-29T00:00:00.000Z", "2009-13-12T09:30:00.000Z", "2009-11-31T09:30:00.000Z", "20091112T246000Z",
		"2009-11-12T09:30:00.00xZ", "2009-11-12 09:30:00.000Z", "0000-01-01T00:00:00.000Z", "2009-11-12T09:30:00Z",
	} {
		got, err := eas.ParseTime(s)
		var want time.Time
		var werr error = eas.ErrValue
		for _, l := range []string{eas.TimeLayout, eas.CompactTimeLayout, "2006-01-02T15:04:05Z"} {
			if w, e := time.Parse(l, s); e == nil {
				want, werr = w, nil
				break
			}
		}
		if (err == nil) != (werr == nil) || !got.Equal(want) {
			t.Errorf("ParseTime(%q) = %v, %v; time.Parse gives %v, %v", s, got, err, want, werr)
		}
	}
}

// FuzzParseTime compares ParseTime with time.Parse on the spellings it
// reads itself.
func FuzzParseTime(f *testing.F) {
	f.Add("2009-11-12T09:30:00.000Z")
	f.Add("20091112T093000Z")
	f.Fuzz(func(t *testing.T, s string) {
		got, err := eas.ParseTime(s)
		for _, l := range []string{eas.TimeLayout, eas.CompactTimeLayout} {
			if len(s) != len(l) {
				continue
			}
			want, werr := time.Parse(l, s)
			if werr == nil && (err != nil || !got.Equal(want)) {
				t.Fatalf("ParseTime(%q) = %v, %v; time.Parse %v", s, got, err, want)
			}
		}
	})
}
