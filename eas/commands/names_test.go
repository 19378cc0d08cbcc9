package commands_test

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/eas"
	"github.com/easkit/easkit/eas/commands"
	"github.com/easkit/easkit/wbxml"
)

// supportedXML is a first Sync of a contacts folder, as a client that
// manages five contact properties sends it (the form of the [MS-ASCMD]
// Supported examples), in XML.
const supportedXML = `<?xml version="1.0" encoding="utf-8"?>
<Sync xmlns="AirSync:" xmlns:contacts="POOMCONTACTS:" xmlns:contacts2="POOMCONTACTS2:">
  <Collections>
    <Collection>
      <SyncKey>0</SyncKey>
      <CollectionId>2</CollectionId>
      <Supported>
        <contacts:FileAs/>
        <contacts:JobTitle/>
        <contacts:Department/>
        <contacts:Birthday/>
        <contacts2:NickName/>
      </Supported>
    </Collection>
  </Collections>
</Sync>`

// fromXML returns the WBXML of an ActiveSync XML text.
func fromXML(t *testing.T, x string) []byte {
	t.Helper()
	b, err := wbxml.AppendWBXML(nil, []byte(x), wbxml.WithVocabulary(codepages.ActiveSync))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestSupportedSample: the Supported of a Sync request reads into Names,
// by the fast path and the reflective one, and writes back the same XML.
func TestSupportedSample(t *testing.T) {
	data := fromXML(t, supportedXML)
	want := []codepages.Tag{codepages.ContactsFileAs, codepages.ContactsJobTitle, codepages.ContactsDepartment,
		codepages.ContactsBirthday, codepages.Contacts2NickName}
	if err := eas.Validate(data, eas.AsRequest()); err != nil {
		t.Fatalf("Validate: %v", err)
	}
	var fast, slow commands.SyncRequest
	if err := eas.Unmarshal(data, &fast, eas.WithStrict(true)); err != nil {
		t.Fatal(err)
	}
	if err := eas.Unmarshal(data, plain(&slow), eas.WithStrict(true)); err != nil {
		t.Fatal(err)
	}
	for name, v := range map[string]*commands.SyncRequest{"fast": &fast, "reflective": &slow} {
		s := v.Collections.Collection[0].Supported
		if s == nil || !slices.Equal(s.Names, want) || len(s.Any) != 0 {
			t.Fatalf("%s: Supported = %+v, want Names %v", name, s, want)
		}
	}
	out := mustMarshal(t, &fast)
	if got, in := xmlOf(t, out), xmlOf(t, data); got != in {
		t.Errorf("XML differs:\n%s", firstDiff(in, got))
	}
}

// TestNamesBothPaths: Supported and ItemOperations Schema Names marshal to
// the same bytes by both paths, which Validate accepts, and read back the
// same by both.
func TestNamesBothPaths(t *testing.T) {
	sync := &commands.SyncRequest{Collections: &commands.SyncRequestCollections{Collection: []commands.SyncRequestCollection{{
		SyncKey: "1", CollectionId: "5",
		Supported: &commands.SyncRequestSupported{Names: []codepages.Tag{codepages.CalendarTimezone, codepages.CalendarAttendees, codepages.CalendarRecurrence}},
	}}}}
	fetch := &commands.ItemOperationsRequest{Fetch: []commands.ItemOperationsRequestFetch{{
		Store: commands.StoreMailbox, CollectionId: "1", ServerId: "1:1",
		Options: &commands.ItemOperationsRequestFetchOptions{Schema: &commands.ItemOperationsRequestSchema{
			Names: []codepages.Tag{codepages.EmailSubject, codepages.AirSyncBaseBody, codepages.ContactsFileAs},
		}},
	}}}
	for _, c := range []struct {
		name  string
		v     any
		names func(v any) []codepages.Tag
		xml   string
	}{
		{"Sync Supported", sync, func(v any) []codepages.Tag {
			return v.(*commands.SyncRequest).Collections.Collection[0].Supported.Names
		}, `<Supported><Timezone xmlns="Calendar:"/><Attendees xmlns="Calendar:"/><Recurrence xmlns="Calendar:"/></Supported>`},
		{"ItemOperations Schema", fetch, func(v any) []codepages.Tag {
			return v.(*commands.ItemOperationsRequest).Fetch[0].Options.Schema.Names
		}, `<Schema><Subject xmlns="Email:"/><Body xmlns="AirSyncBase:"/><FileAs xmlns="Contacts:"/></Schema>`},
	} {
		t.Run(c.name, func(t *testing.T) {
			fast := mustMarshal(t, c.v)
			slow := mustMarshal(t, plain(c.v))
			if !bytes.Equal(fast, slow) {
				t.Fatalf("fast Marshal % x, reflective % x", fast, slow)
			}
			// Each name is an empty element of the list, in order.
			if x := compactXML(xmlOf(t, fast)); !strings.Contains(x, c.xml) {
				t.Errorf("XML %s does not hold %s", x, c.xml)
			}
			if err := eas.Validate(fast, eas.AsRequest(), eas.WithStrict(true)); err != nil {
				t.Errorf("Validate: %v", err)
			}
			readBoth(t, c.name, c.v, nil, fast, eas.WithStrict(true))
			back := newOf(c.v)
			if err := eas.Unmarshal(fast, back); err != nil {
				t.Fatal(err)
			}
			if got, want := c.names(back), c.names(c.v); !slices.Equal(got, want) {
				t.Errorf("Names = %v, want %v", got, want)
			}
		})
	}
}

// newOf returns a new value of the type p points to.
func newOf(p any) any {
	switch p.(type) {
	case *commands.SyncRequest:
		return new(commands.SyncRequest)
	case *commands.ItemOperationsRequest:
		return new(commands.ItemOperationsRequest)
	}
	panic("newOf: no case for this type")
}

// TestNamesNotEmptyBothPaths: a Supported child with text is kept in Any
// leniently, and is the same ErrValue error (offset, path) by both paths
// under WithStrict.
func TestNamesNotEmptyBothPaths(t *testing.T) {
	data := fromXML(t, strings.Replace(supportedXML, "<contacts:JobTitle/>", "<contacts:JobTitle>Editor</contacts:JobTitle>", 1))
	var v commands.SyncRequest
	if err := eas.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	s := v.Collections.Collection[0].Supported
	if len(s.Names) != 4 || slices.Contains(s.Names, codepages.ContactsJobTitle) || len(s.Any) != 1 || s.Any[0].Text() != "Editor" {
		t.Errorf("lenient: Names %v, Any %v; want 4 names and JobTitle in Any", s.Names, s.Any)
	}
	// The reflective path and the fast one agree (readBoth compares).
	err := readBoth(t, "strict", &v, nil, data, eas.WithStrict(true))
	var e *eas.Error
	if !errors.As(err, &e) || !errors.Is(err, eas.ErrValue) {
		t.Fatalf("strict: %v, want ErrValue", err)
	}
	root, _ := eas.Parse(data)
	job := root.Find(codepages.AirSyncCollections, codepages.AirSyncCollection, codepages.AirSyncSupported, codepages.ContactsJobTitle)
	if e.Offset != job.Offset() || e.Path != "Sync/Collections/Collection/Supported/Contacts:JobTitle" {
		t.Errorf("strict: offset %d path %q, want %d and the JobTitle's path", e.Offset, e.Path, job.Offset())
	}
	if err := eas.Validate(data, eas.AsRequest()); err == nil {
		t.Error("Validate accepts a property name with text")
	}
}

// compactXML drops the indentation of XML written by wbxml.AppendXML.
func compactXML(x string) string {
	lines := strings.Split(x, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSpace(l)
	}
	return strings.Join(lines, "")
}
