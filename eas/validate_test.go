package eas_test

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/eas"
	"github.com/easkit/easkit/internal/corpus"
	"github.com/easkit/easkit/internal/testenv"
	"github.com/easkit/easkit/version"
	"github.com/easkit/easkit/wbxml"
)

// build writes a message with a Builder; f makes the calls.
func build(t testing.TB, f func(b *eas.Builder)) []byte {
	t.Helper()
	var b eas.Builder
	f(&b)
	msg, err := b.Finish()
	if err != nil {
		t.Fatal(err)
	}
	return msg
}

// offsetOf returns the offset of the element reached by path from the
// root of msg (the root itself for an empty path).
func pathOffset(t testing.TB, msg []byte, path ...codepages.Tag) int64 {
	t.Helper()
	root, err := eas.Parse(msg)
	if err != nil {
		t.Fatal(err)
	}
	e := root.Find(path...)
	if e == nil {
		t.Fatalf("no element at %v", path)
	}
	return e.Offset()
}

func syncRequest(b *eas.Builder, collection func(b *eas.Builder)) {
	b.Start(codepages.AirSyncSync)
	b.Start(codepages.AirSyncCollections)
	b.Start(codepages.AirSyncCollection)
	collection(b)
	b.End()
	b.End()
	b.End()
}

var collPath = []codepages.Tag{codepages.AirSyncCollections, codepages.AirSyncCollection}

// syncAdd writes a Sync request adding one item whose ApplicationData
// children data writes.
func syncAdd(b *eas.Builder, data func(b *eas.Builder)) {
	syncRequest(b, func(b *eas.Builder) {
		b.Text(codepages.AirSyncSyncKey, "1")
		b.Text(codepages.AirSyncCollectionId, "1")
		b.Start(codepages.AirSyncCommands)
		b.Start(codepages.AirSyncAdd)
		b.Text(codepages.AirSyncClientId, "c1")
		b.Start(codepages.AirSyncApplicationData)
		data(b)
		b.End()
		b.End()
		b.End()
	})
}

// appData returns the path from the root to an element under the
// ApplicationData of syncAdd.
func appData(tags ...codepages.Tag) []codepages.Tag {
	return append(append(append([]codepages.Tag(nil), collPath...), codepages.AirSyncCommands, codepages.AirSyncAdd, codepages.AirSyncApplicationData), tags...)
}

func TestValidateProblemKinds(t *testing.T) {
	type tc struct {
		name string
		msg  []byte
		opts []eas.Option
		kind eas.ProblemKind
		at   []codepages.Tag // path from the root to the element reported
		path string
		msgs string // part of Problem.Msg
		is   error
	}
	folderSync := func(f func(b *eas.Builder)) []byte {
		return build(t, func(b *eas.Builder) {
			b.Start(codepages.FolderHierarchyFolderSync)
			f(b)
			b.End()
		})
	}
	cases := []tc{
		{name: "not allowed", msg: folderSync(func(b *eas.Builder) {
			b.Text(codepages.FolderHierarchySyncKey, "0")
			b.Text(codepages.FolderHierarchyDisplayName, "x")
		}), kind: eas.ProblemNotAllowed, at: []codepages.Tag{codepages.FolderHierarchyDisplayName}, path: "FolderSync/DisplayName", msgs: "not allowed in FolderSync", is: eas.ErrUnexpected},
		{name: "missing", msg: build(t, func(b *eas.Builder) {
			syncRequest(b, func(b *eas.Builder) { b.Text(codepages.AirSyncCollectionId, "1") })
		}), opts: []eas.Option{eas.AsRequest()}, kind: eas.ProblemMissing, at: collPath, path: "Sync/Collections/Collection", msgs: "required SyncKey missing", is: eas.ErrMissing},
		{name: "too many", msg: build(t, func(b *eas.Builder) {
			syncRequest(b, func(b *eas.Builder) {
				b.Text(codepages.AirSyncSyncKey, "1")
				b.Text(codepages.AirSyncSyncKey, "2")
				b.Text(codepages.AirSyncCollectionId, "1")
			})
		}), kind: eas.ProblemTooMany, path: "Sync/Collections/Collection/SyncKey[2]", msgs: "more than once", is: eas.ErrDuplicate},
		{name: "text in an integer", msg: build(t, func(b *eas.Builder) {
			syncRequest(b, func(b *eas.Builder) {
				b.Text(codepages.AirSyncSyncKey, "1")
				b.Text(codepages.AirSyncCollectionId, "1")
				b.Text(codepages.AirSyncWindowSize, "many")
			})
		}), kind: eas.ProblemContent, at: append(collPath, codepages.AirSyncWindowSize), path: "Sync/Collections/Collection/WindowSize", msgs: `"many" is not an integer`, is: eas.ErrValue},
		{name: "content in an empty element", msg: build(t, func(b *eas.Builder) {
			b.Start(codepages.AirSyncSync)
			b.Text(codepages.AirSyncPartial, "yes")
			b.End()
		}), opts: []eas.Option{eas.AsRequest()}, kind: eas.ProblemContent, at: []codepages.Tag{codepages.AirSyncPartial}, path: "Sync/Partial", msgs: "must be empty", is: eas.ErrValue},
		// SendMail with Mime as an inline string: 03 01 6A 00, page 21,
		// SendMail, ClientId "1", Mime "x".
		{name: "text where OPAQUE is expected", msg: []byte{0x03, 0x01, 0x6A, 0x00, 0x00, 0x15, 0x45, 0x51, 0x03, '1', 0x00, 0x01, 0x50, 0x03, 'x', 0x00, 0x01, 0x01},
			kind: eas.ProblemContent, at: []codepages.Tag{codepages.ComposeMailMime}, path: "SendMail/Mime", msgs: "OPAQUE", is: eas.ErrValue},
		{name: "children in a text element", msg: folderSync(func(b *eas.Builder) {
			b.Start(codepages.FolderHierarchySyncKey)
			b.Text(codepages.FolderHierarchyServerId, "1")
			b.End()
		}), kind: eas.ProblemContent, at: []codepages.Tag{codepages.FolderHierarchySyncKey, codepages.FolderHierarchyServerId}, path: "FolderSync/SyncKey/ServerId", msgs: "child element in SyncKey", is: eas.ErrValue},
		{name: "out of range", msg: build(t, func(b *eas.Builder) {
			syncRequest(b, func(b *eas.Builder) {
				b.Text(codepages.AirSyncSyncKey, "1")
				b.Text(codepages.AirSyncCollectionId, "1")
				b.Int(codepages.AirSyncWindowSize, 513)
			})
		}), kind: eas.ProblemValue, at: append(collPath, codepages.AirSyncWindowSize), path: "Sync/Collections/Collection/WindowSize", msgs: "outside 0..512", is: eas.ErrValue},
		{name: "not in the enumeration", msg: build(t, func(b *eas.Builder) {
			b.Start(codepages.PingPing)
			b.Start(codepages.PingFolders)
			b.Start(codepages.PingFolder)
			b.Text(codepages.PingId, "1")
			b.Text(codepages.PingClass, "Mail")
			b.End()
			b.End()
			b.End()
		}), opts: []eas.Option{eas.AsRequest()}, kind: eas.ProblemValue, at: []codepages.Tag{codepages.PingFolders, codepages.PingFolder, codepages.PingClass}, path: "Ping/Folders/Folder/Class", msgs: `"Mail" is not one of Email`, is: eas.ErrValue},
		{name: "tag not in the version", msg: build(t, func(b *eas.Builder) {
			syncRequest(b, func(b *eas.Builder) {
				b.Text(codepages.AirSyncSyncKey, "1")
				b.Text(codepages.AirSyncCollectionId, "1")
				b.Start(codepages.AirSyncOptions)
				b.Text(codepages.RightsManagementRightsManagementSupport, "1")
				b.End()
			})
		}), opts: []eas.Option{eas.WithVersion(version.V14_0), eas.AsRequest()}, kind: eas.ProblemVersion, at: append(collPath, codepages.AirSyncOptions, codepages.RightsManagementRightsManagementSupport), path: "Sync/Collections/Collection/Options/RightsManagement:RightsManagementSupport", msgs: "not in protocol 14.0", is: eas.ErrNotInVersion},
		{name: "occurrence not in the version", msg: build(t, func(b *eas.Builder) {
			b.Start(codepages.AirSyncSync)
			b.Int(codepages.AirSyncWindowSize, 100)
			b.End()
		}), opts: []eas.Option{eas.WithVersion(version.V12_0), eas.AsRequest()}, kind: eas.ProblemVersion, at: []codepages.Tag{codepages.AirSyncWindowSize}, path: "Sync/WindowSize", msgs: "only from 12.1", is: eas.ErrNotInVersion},
		{name: "unknown root", msg: build(t, func(b *eas.Builder) {
			b.Text(codepages.AirSyncSyncKey, "1")
		}), kind: eas.ProblemRoot, path: "SyncKey", msgs: "not the root", is: eas.ErrUnknownRoot},
		{name: "root in the other direction", msg: build(t, func(b *eas.Builder) {
			b.Start(codepages.FolderHierarchyFolders)
			b.End()
		}), opts: []eas.Option{eas.AsRequest()}, kind: eas.ProblemRoot, path: "Folders", msgs: "root of a command request", is: eas.ErrUnknownRoot},
		{name: "order under WithStrict", msg: build(t, func(b *eas.Builder) {
			syncRequest(b, func(b *eas.Builder) {
				b.Text(codepages.AirSyncCollectionId, "1")
				b.Text(codepages.AirSyncSyncKey, "1")
			})
		}), opts: []eas.Option{eas.WithStrict(true), eas.AsRequest()}, kind: eas.ProblemOrder, at: append(collPath, codepages.AirSyncSyncKey), path: "Sync/Collections/Collection/SyncKey", msgs: "too late", is: eas.ErrOrder},
		{name: "item property out of range", msg: build(t, func(b *eas.Builder) {
			syncAdd(b, func(b *eas.Builder) {
				b.Text(codepages.EmailSubject, "hi")
				b.Int(codepages.EmailImportance, 3)
			})
		}), kind: eas.ProblemValue, at: appData(codepages.EmailImportance), path: "Sync/Collections/Collection/Commands/Add/ApplicationData/Email:Importance", msgs: "outside 0..2", is: eas.ErrValue},
		{name: "item property not in any class", msg: build(t, func(b *eas.Builder) {
			syncAdd(b, func(b *eas.Builder) {
				b.Text(codepages.EmailSubject, "hi")
				b.Text(codepages.FolderHierarchyDisplayName, "x")
			})
		}), kind: eas.ProblemNotAllowed, at: appData(codepages.FolderHierarchyDisplayName), path: "Sync/Collections/Collection/Commands/Add/ApplicationData/FolderHierarchy:DisplayName", msgs: "not allowed in ApplicationData", is: eas.ErrUnexpected},
		{name: "item property twice", msg: build(t, func(b *eas.Builder) {
			syncAdd(b, func(b *eas.Builder) {
				b.Text(codepages.CalendarSubject, "a")
				b.Text(codepages.CalendarSubject, "b")
			})
		}), kind: eas.ProblemTooMany, at: appData(), path: "Sync/Collections/Collection/Commands/Add/ApplicationData/Calendar:Subject[2]", msgs: "more than once", is: eas.ErrDuplicate},
		{name: "item property of the wrong kind", msg: build(t, func(b *eas.Builder) {
			syncAdd(b, func(b *eas.Builder) {
				b.Text(codepages.CalendarStartTime, "2024-01-01T08:00:00Z")
			})
		}), kind: eas.ProblemValue, at: appData(codepages.CalendarStartTime), path: "Sync/Collections/Collection/Commands/Add/ApplicationData/Calendar:StartTime", msgs: "not a compact date-time", is: eas.ErrValue},
		{name: "nested item property missing", msg: build(t, func(b *eas.Builder) {
			syncAdd(b, func(b *eas.Builder) {
				b.Start(codepages.CalendarAttendees)
				b.Start(codepages.CalendarAttendee)
				b.Text(codepages.CalendarEmail, "a@example.com")
				b.End()
				b.End()
			})
		}), kind: eas.ProblemMissing, at: appData(codepages.CalendarAttendees, codepages.CalendarAttendee), path: "Sync/Collections/Collection/Commands/Add/ApplicationData/Calendar:Attendees/Attendee", msgs: "required Name missing", is: eas.ErrMissing},
		{name: "choice alternatives", msg: build(t, func(b *eas.Builder) {
			b.Start(codepages.AirSyncSync)
			b.Int(codepages.AirSyncWait, 5)
			b.Int(codepages.AirSyncHeartbeatInterval, 600)
			b.End()
		}), opts: []eas.Option{eas.AsRequest()}, kind: eas.ProblemNotAllowed, at: []codepages.Tag{codepages.AirSyncHeartbeatInterval}, path: "Sync/HeartbeatInterval", msgs: "alternatives", is: eas.ErrUnexpected},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := eas.Validate(c.msg, c.opts...)
			p := oneProblem(t, err)
			var want int64
			if c.kind != eas.ProblemTooMany {
				want = pathOffset(t, c.msg, c.at...)
			} else {
				// at is the parent (collPath when nil); the second child
				// is the extra occurrence.
				parent := c.at
				if parent == nil {
					parent = collPath
				}
				root, _ := eas.Parse(c.msg)
				want = root.Find(parent...).Children()[1].Offset()
			}
			if p.Kind != c.kind || p.Offset != want || p.Path != c.path || !strings.Contains(p.Msg, c.msgs) {
				t.Errorf("problem %+v\nwant kind %v, offset %d, path %s, msg containing %q", p, c.kind, want, c.path, c.msgs)
			}
			if !errors.Is(err, c.is) {
				t.Errorf("errors.Is(err, %v) = false", c.is)
			}
			if !strings.Contains(err.Error(), p.String()) {
				t.Errorf("Error() = %q lacks %q", err, p)
			}
		})
	}
}

func TestValidateSyntaxError(t *testing.T) {
	msg := build(t, func(b *eas.Builder) {
		b.Start(codepages.FolderHierarchyFolderSync)
		b.Text(codepages.FolderHierarchySyncKey, "0")
		b.End()
	})
	cut := msg[:len(msg)-2] // inside the SyncKey text's end
	err := eas.Validate(cut)
	var ve *eas.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("Validate = %v", err)
	}
	last := ve.Problems[len(ve.Problems)-1]
	var se *wbxml.SyntaxError
	if last.Kind != eas.ProblemSyntax || !errors.As(err, &se) || last.Offset < 0 || last.Offset > int64(len(cut)) {
		t.Errorf("last problem %+v, want the syntax error within the input (at its end at most)", last)
	}
}

func TestValidateDirections(t *testing.T) {
	req := build(t, func(b *eas.Builder) {
		b.Start(codepages.FolderHierarchyFolderSync)
		b.Text(codepages.FolderHierarchySyncKey, "0")
		b.End()
	})
	if err := eas.Validate(req); err != nil {
		t.Errorf("request: %v", err)
	}
	if err := eas.Validate(req, eas.AsRequest()); err != nil {
		t.Errorf("AsRequest: %v", err)
	}
	err := eas.Validate(req, eas.AsResponse())
	var ve *eas.ValidationError
	if !errors.As(err, &ve) || ve.Message != "FolderSync response" {
		t.Fatalf("AsResponse = %v, want problems of the FolderSync response", err)
	}
	if !errors.Is(err, eas.ErrMissing) {
		t.Errorf("AsResponse: no missing Status in %v", err)
	}
}

// TestValidateBounded: a message with thousands of problems lists
// MaxProblems and counts the rest.
func TestValidateBounded(t *testing.T) {
	msg := build(t, func(b *eas.Builder) {
		b.Start(codepages.FolderHierarchyFolderSync)
		b.Text(codepages.FolderHierarchySyncKey, "0")
		for range 5000 {
			b.Text(codepages.FolderHierarchyDisplayName, "x")
		}
		b.End()
	})
	err := eas.Validate(msg)
	var ve *eas.ValidationError
	if !errors.As(err, &ve) {
		t.Fatal(err)
	}
	if len(ve.Problems) != eas.MaxProblems || ve.More != 5000-eas.MaxProblems {
		t.Errorf("%d problems and %d more, want %d and %d", len(ve.Problems), ve.More, eas.MaxProblems, 5000-eas.MaxProblems)
	}
	if !strings.HasSuffix(err.Error(), "… and 4900 more") {
		t.Errorf("Error() ends %q", err.Error()[len(err.Error())-40:])
	}
	if ve.Problems[1].Path != "FolderSync/DisplayName[2]" {
		t.Errorf("second problem path %q", ve.Problems[1].Path)
	}
}

func TestValidateAllocations(t *testing.T) {
	testenv.SkipIfAllocsUnreliable(t)
	for _, name := range []string{"FolderSync", "SyncCalendar", "SyncEmail64KB", "ItemOperationsFetch"} {
		m, _ := corpus.Lookup(name)
		msg := m.Build()
		if err := eas.Validate(msg); err != nil {
			t.Fatal(err)
		}
		for _, opts := range [][]eas.Option{nil, {eas.WithVersion(version.V14_1), eas.WithStrict(true), eas.AsResponse()}} {
			if n := testing.AllocsPerRun(20, func() { _ = eas.Validate(msg, opts...) }); n != 0 {
				t.Errorf("%s %v: %v allocations, want 0", name, opts, n)
			}
		}
	}
}

func TestStatusText(t *testing.T) {
	for _, c := range []struct {
		cmd  string
		code eas.Status
		name string
	}{
		{"Sync", eas.StatusSyncInvalidSyncKey, "InvalidSyncKey"},
		{"FolderSync", eas.StatusFolderSyncInvalidSyncKey, "InvalidSyncKey"},
		{"Ping", eas.StatusPingChangesFound, "ChangesFound"},
		{"Sync", eas.StatusDeviceNotProvisioned, "DeviceNotProvisioned"},
		{"Find", eas.StatusMaximumDevicesReached, "MaximumDevicesReached"},
		{"Sync", 99, ""},
	} {
		if got := eas.StatusName(c.cmd, c.code); got != c.name {
			t.Errorf("StatusName(%s, %d) = %q, want %q", c.cmd, c.code, got, c.name)
		}
		if (eas.StatusText(c.cmd, c.code) == "") != (c.name == "") {
			t.Errorf("StatusText(%s, %d) = %q", c.cmd, c.code, eas.StatusText(c.cmd, c.code))
		}
	}
	if eas.StatusSyncInvalidSyncKey != 3 || eas.StatusFolderSyncInvalidSyncKey != 9 || !eas.StatusDeviceNotProvisioned.IsGlobal() {
		t.Error("wrong constant values")
	}
}

// FuzzValidate: Validate never panics, every problem offset lies inside
// the input (a syntax error at its end at most), and the list is bounded.
func FuzzValidate(f *testing.F) {
	for _, s := range samples(f) {
		if len(s.data) <= 16<<10 {
			f.Add(s.data)
		}
	}
	for _, m := range closedSeeds(f) {
		f.Add(m)
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		for _, opts := range [][]eas.Option{nil, {eas.WithStrict(true), eas.WithVersion(version.V12_1)}, {eas.AsResponse(), eas.WithMaxDepth(8)}} {
			err := eas.Validate(in, opts...)
			if err == nil {
				continue
			}
			var ve *eas.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("Validate returned %T %v", err, err)
			}
			if len(ve.Problems) == 0 || len(ve.Problems) > eas.MaxProblems || ve.More < 0 {
				t.Fatalf("%d problems, %d more", len(ve.Problems), ve.More)
			}
			for _, p := range ve.Problems {
				// A syntax error may be at the end of the input (a
				// truncated or empty document); others are at an element.
				if p.Offset < 0 || p.Offset > int64(len(in)) || (p.Offset == int64(len(in)) && p.Kind != eas.ProblemSyntax) {
					t.Fatalf("problem offset %d outside the %d-byte input: %v", p.Offset, len(in), p)
				}
			}
		}
		if (eas.Validate(bytes.Clone(in)) == nil) != (eas.Validate(in) == nil) {
			t.Fatal("Validate is not deterministic")
		}
		if diff := leavesDiff(in); diff != "" {
			t.Fatal(diff)
		}
	})
}

// leavesOptions are the option sets leavesDiff validates with.
var leavesOptions = [][]eas.Option{nil, {eas.WithStrict(true), eas.WithVersion(version.V12_1)}, {eas.AsRequest()}, {eas.AsResponse(), eas.WithMaxDepth(8)}}

// leavesDiff reports how Validate's result on in differs when it reads
// leaf elements as one token and when it reads every token; "" when not.
func leavesDiff(in []byte) string {
	for i, opts := range leavesOptions {
		restore := eas.SetLeaves(false)
		want := fmt.Sprint(eas.Validate(in, opts...))
		restore()
		if got := fmt.Sprint(eas.Validate(in, opts...)); got != want {
			return fmt.Sprintf("options %d: Validate reading leaves as one token:\n%s\nreading every token:\n%s", i, got, want)
		}
	}
	return ""
}

// TestValidateLeavesSame: reading leaf elements as one token changes
// nothing in Validate's results, on every sample (valid) and on the
// closed-table seeds (most of them invalid), whole and cut short.
func TestValidateLeavesSame(t *testing.T) {
	var inputs [][]byte
	for _, s := range samples(t) {
		inputs = append(inputs, s.data)
	}
	inputs = append(inputs, closedSeeds(t)...)
	invalid := 0
	for i, in := range inputs {
		for _, b := range [][]byte{in, in[:len(in)*2/3]} {
			if eas.Validate(b) != nil {
				invalid++
			}
			if diff := leavesDiff(b); diff != "" {
				t.Fatalf("input %d (%d bytes): %s", i, len(b), diff)
			}
		}
	}
	if len(inputs) < 50 || invalid < 20 {
		t.Fatalf("%d inputs, %d of them invalid: too few", len(inputs), invalid)
	}
}

// oneProblem returns the only problem of err, a *ValidationError; the
// test fails when err is anything else or lists more than one.
func oneProblem(t *testing.T, err error) eas.Problem {
	t.Helper()
	var ve *eas.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("Validate = %v, want a *ValidationError", err)
	}
	if len(ve.Problems) != 1 || ve.More != 0 {
		t.Fatalf("%d problems and %d more, want 1:\n%v", len(ve.Problems), ve.More, err)
	}
	return ve.Problems[0]
}
