package corpus

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"strconv"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	cp "github.com/easkit/easkit/codepages"
	"github.com/google/go-cmp/cmp"
)

// TestFolderSyncHierarchy checks that FolderSync is a consistent initial
// hierarchy: Count matches the Adds, ServerIds are unique, every parent is
// the root or a folder listed before, the default folders are there once,
// and folders nest several levels deep.
func TestFolderSyncHierarchy(t *testing.T) {
	root := parse(t, FolderSync())
	if root.tag != cp.FolderHierarchyFolderSync {
		t.Fatalf("root %v", root.tag)
	}
	if got := root.child(cp.FolderHierarchyStatus).text; got != "1" {
		t.Errorf("Status %q", got)
	}
	changes := root.child(cp.FolderHierarchyChanges)
	adds := changes.all(cp.FolderHierarchyAdd)
	if count := changes.child(cp.FolderHierarchyCount).text; count != strconv.Itoa(len(adds)) {
		t.Errorf("Count %s, %d Adds", count, len(adds))
	}
	if len(adds) < 200 {
		t.Errorf("%d folders, want a few hundred", len(adds))
	}
	depth := map[string]int{"0": 0}
	types := map[string]int{}
	maxDepth := 0
	for _, a := range adds {
		id, parent := a.child(cp.FolderHierarchyServerId).text, a.child(cp.FolderHierarchyParentId).text
		if _, dup := depth[id]; dup {
			t.Fatalf("ServerId %s twice", id)
		}
		pd, ok := depth[parent]
		if !ok {
			t.Fatalf("folder %s has parent %s, not listed before it", id, parent)
		}
		depth[id] = pd + 1
		maxDepth = max(maxDepth, pd+1)
		if a.child(cp.FolderHierarchyDisplayName).text == "" {
			t.Errorf("folder %s has no name", id)
		}
		types[a.child(cp.FolderHierarchyType).text]++
	}
	for typ := folderInbox; typ <= folderJournal; typ++ {
		if types[strconv.Itoa(typ)] != 1 {
			t.Errorf("%d folders of default type %d, want 1", types[strconv.Itoa(typ)], typ)
		}
	}
	for _, typ := range []int{folderUserMail, folderUserCalendar, folderUserContacts, folderUserTasks, folderUserNotes} {
		if types[strconv.Itoa(typ)] == 0 {
			t.Errorf("no folder of user type %d", typ)
		}
	}
	if maxDepth < 5 {
		t.Errorf("folders nest %d levels, want at least 5", maxDepth)
	}
}

// TestSyncCalendarEvents checks the events' structure: every Add has the
// event fields and a well-formed timezone blob; recurrences, exceptions
// (deleted and moved), attendees and all-day events all occur.
func TestSyncCalendarEvents(t *testing.T) {
	root := parse(t, SyncCalendar())
	adds := root.path(cp.AirSyncCollections, cp.AirSyncCollection, cp.AirSyncCommands).all(cp.AirSyncAdd)
	if len(adds) != calendarEvents {
		t.Fatalf("%d Adds, want %d", len(adds), calendarEvents)
	}
	seen := map[string]int{}
	for _, a := range adds {
		ev := a.child(cp.AirSyncApplicationData)
		for _, tag := range []cp.Tag{cp.CalendarTimezone, cp.CalendarDtStamp, cp.CalendarStartTime, cp.CalendarEndTime,
			cp.CalendarSubject, cp.CalendarUID, cp.CalendarOrganizerEmail, cp.CalendarBusyStatus, cp.AirSyncBaseBody} {
			if len(ev.all(tag)) != 1 {
				t.Fatalf("%s: %d %v elements, want 1", a.child(cp.AirSyncServerId).text, len(ev.all(tag)), tag)
			}
		}
		checkTimezone(t, ev.child(cp.CalendarTimezone).text)
		start, end := ev.child(cp.CalendarStartTime).text, ev.child(cp.CalendarEndTime).text
		if len(start) != 16 || start[8] != 'T' || start >= end {
			t.Errorf("StartTime %s, EndTime %s", start, end)
		}
		if ev.child(cp.CalendarAllDayEvent).text == "1" {
			seen["all-day"]++
		}
		if n := len(ev.child(cp.CalendarAttendees).all(cp.CalendarAttendee)); n > 0 {
			seen["attendees"] += n
		}
		if len(ev.all(cp.CalendarRecurrence)) == 1 {
			seen["recurrence"]++
		}
		for _, x := range ev.child(cp.CalendarExceptions).all(cp.CalendarException) {
			if x.child(cp.CalendarExceptionStartTime).text == "" {
				t.Error("exception without ExceptionStartTime")
			}
			if x.child(cp.CalendarDeleted).text == "1" {
				seen["deleted exception"]++
			} else {
				seen["moved exception"]++
			}
		}
	}
	for _, what := range []string{"all-day", "attendees", "recurrence", "deleted exception", "moved exception"} {
		if seen[what] == 0 {
			t.Errorf("no %s", what)
		}
	}
}

// checkTimezone checks a Calendar Timezone value: the base64 of a 172-byte
// TIME_ZONE_INFORMATION whose names are UTF-16LE text.
func checkTimezone(t *testing.T, s string) {
	t.Helper()
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil || len(b) != 172 {
		t.Fatalf("Timezone %q: %d bytes, %v; want 172", s, len(b), err)
	}
	name := func(off int) string {
		u := make([]uint16, 32)
		for i := range u {
			u[i] = binary.LittleEndian.Uint16(b[off+2*i:])
		}
		return string(utf16.Decode(bytes16(u)))
	}
	std, dl := name(4), name(88)
	if !bytes.HasSuffix([]byte(std), []byte("Standard Time")) || !bytes.HasSuffix([]byte(dl), []byte("Daylight Time")) {
		t.Fatalf("Timezone names %q, %q", std, dl)
	}
}

// bytes16 cuts u at its first zero unit.
func bytes16(u []uint16) []uint16 {
	for i, c := range u {
		if c == 0 {
			return u[:i]
		}
	}
	return u
}

func TestTimezoneBlobLayout(t *testing.T) {
	b, _ := base64.StdEncoding.DecodeString(timezones[2].blob()) // W. Europe
	got := struct {
		Bias, StandardBias, DaylightBias int32
		StandardDate, DaylightDate       [8]uint16
	}{
		Bias:         int32(binary.LittleEndian.Uint32(b[0:])),
		StandardBias: int32(binary.LittleEndian.Uint32(b[84:])),
		DaylightBias: int32(binary.LittleEndian.Uint32(b[168:])),
	}
	for i := range 8 {
		got.StandardDate[i] = binary.LittleEndian.Uint16(b[68+2*i:])
		got.DaylightDate[i] = binary.LittleEndian.Uint16(b[152+2*i:])
	}
	want := got
	want.Bias, want.StandardBias, want.DaylightBias = -60, 0, -60
	want.StandardDate = [8]uint16{0, 10, 0, 5, 3, 0, 0, 0} // last Sunday of October, 03:00
	want.DaylightDate = [8]uint16{0, 3, 0, 5, 2, 0, 0, 0}  // last Sunday of March, 02:00
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("TIME_ZONE_INFORMATION (-want +got):\n%s", diff)
	}
}

func TestCompactTime(t *testing.T) {
	for _, c := range []struct {
		day, hour, minute int
		want              string
	}{
		{1, 9, 30, "20240101T093000Z"},
		{60, 23, 90, "20240301T003000Z"}, // Feb 29 + 90 minutes past 23:00
		{366, 0, 0, "20241231T000000Z"},
		{367, 0, 0, "20250101T000000Z"},
		{0, 12, 0, "20231231T120000Z"},
	} {
		if got := compactTime(c.day, c.hour, c.minute); got != c.want {
			t.Errorf("compactTime(%d, %d, %d) = %s, want %s", c.day, c.hour, c.minute, got, c.want)
		}
	}
}

// TestItemOperationsFetchAttachments checks that each attachment's bytes
// are one OPAQUE block of the stated size starting with its magic number.
func TestItemOperationsFetchAttachments(t *testing.T) {
	root := parse(t, ItemOperationsFetch())
	fetches := root.child(cp.ItemOperationsResponse).all(cp.ItemOperationsFetch)
	if len(fetches) != len(fetchedAttachments) {
		t.Fatalf("%d Fetch elements, want %d", len(fetches), len(fetchedAttachments))
	}
	for i, f := range fetches {
		a := fetchedAttachments[i]
		props := f.child(cp.ItemOperationsProperties)
		data := props.child(cp.ItemOperationsData)
		if f.child(cp.ItemOperationsStatus).text != "1" || f.child(cp.AirSyncBaseFileReference).text == "" ||
			props.child(cp.AirSyncBaseContentType).text != a.contentType {
			t.Errorf("Fetch %d: Status, FileReference or ContentType wrong", i)
		}
		if len(data.opaque) != a.size || data.text != "" || !bytes.HasPrefix(data.opaque, []byte(a.magic)) {
			t.Errorf("Fetch %d: Data holds %d OPAQUE bytes and %q as text, want %d bytes starting % X",
				i, len(data.opaque), data.text, a.size, a.magic)
		}
	}
}

// TestProvisionPolicy checks the policy: type, key, and every setting of
// the EASProvisionDoc, each once.
func TestProvisionPolicy(t *testing.T) {
	root := parse(t, Provision())
	if root.path(cp.SettingsDeviceInformation, cp.SettingsStatus).text != "1" || root.child(cp.ProvisionStatus).text != "1" {
		t.Error("DeviceInformation Status or Status is not 1")
	}
	policy := root.path(cp.ProvisionPolicies, cp.ProvisionPolicy)
	if policy.child(cp.ProvisionPolicyType).text != "MS-EAS-Provisioning-WBXML" || policy.child(cp.ProvisionPolicyKey).text == "" {
		t.Errorf("PolicyType %q, PolicyKey %q", policy.child(cp.ProvisionPolicyType).text, policy.child(cp.ProvisionPolicyKey).text)
	}
	doc := policy.path(cp.ProvisionData, cp.ProvisionEASProvisionDoc)
	seen := map[cp.Tag]int{}
	for _, c := range doc.children {
		seen[c.tag]++
	}
	// Every Provision tag after EASProvisionDoc is a setting or a list,
	// except the two list items and AccountOnlyRemoteWipe (a command).
	for _, tag := range cp.Tags(cp.ProvisionEASProvisionDoc.Page()) {
		switch {
		case tag <= cp.ProvisionEASProvisionDoc, tag == cp.ProvisionApplicationName, tag == cp.ProvisionHash,
			tag == cp.ProvisionAccountOnlyRemoteWipe:
			continue
		}
		if seen[tag] != 1 {
			t.Errorf("%v appears %d times, want once", tag, seen[tag])
		}
	}
	if len(doc.child(cp.ProvisionApprovedApplicationList).all(cp.ProvisionHash)) == 0 ||
		len(doc.child(cp.ProvisionUnapprovedInROMApplicationList).all(cp.ProvisionApplicationName)) == 0 {
		t.Error("empty application lists")
	}
}

// TestSyncEmailIntlScripts checks that SyncEmailIntl's bodies are mostly
// multi-byte text, with characters of three and four bytes, valid UTF-8.
func TestSyncEmailIntlScripts(t *testing.T) {
	root := parse(t, SyncEmailIntl(64<<10))
	adds := root.child(cp.AirSyncCollections).child(cp.AirSyncCollection).child(cp.AirSyncCommands).all(cp.AirSyncAdd)
	if len(adds) < 5 {
		t.Fatalf("%d Adds, want several", len(adds))
	}
	var total, high int
	sizes := map[int]int{}
	for _, a := range adds {
		body := a.child(cp.AirSyncApplicationData).child(cp.AirSyncBaseBody).child(cp.AirSyncBaseData).text
		if !utf8.ValidString(body) {
			t.Fatalf("a body is not valid UTF-8: %q", body)
		}
		for _, r := range body {
			sizes[utf8.RuneLen(r)]++
		}
		total += len(body)
		for i := range len(body) {
			if body[i] >= utf8.RuneSelf {
				high++
			}
		}
	}
	if high*2 < total || sizes[3] == 0 || sizes[4] == 0 || sizes[2] == 0 {
		t.Errorf("%d of %d body bytes are non-ASCII; characters by length %v: want most bytes non-ASCII, with 2-, 3- and 4-byte characters", high, total, sizes)
	}
}
