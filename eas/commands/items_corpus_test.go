package commands_test

import (
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/easkit/easkit/eas"
	"github.com/easkit/easkit/eas/commands"
	"github.com/easkit/easkit/internal/corpus"
)

// corpusItems reads the Sync response name of the bench corpus, then the
// item of each Add with Item (strict: every child needs a field of T),
// writes each item back with SetItem and checks that it gives the same
// element trees as the Add's ApplicationData, up to the order of siblings
// (SetItem writes the table's order; the corpus has Exchange's). It
// returns the Adds and their items.
func corpusItems[T any](t *testing.T, name string) ([]commands.SyncResponseCommandsAdd, []T) {
	t.Helper()
	m, ok := corpus.Lookup(name)
	if !ok {
		t.Fatalf("no corpus message %s", name)
	}
	var resp commands.SyncResponse
	if err := eas.Unmarshal(m.Build(), &resp, eas.WithStrict(true)); err != nil {
		t.Fatal(err)
	}
	adds := resp.Collections.Collection[0].Commands.Add
	items := make([]T, len(adds))
	sameOrder := 0
	for i, a := range adds {
		var err error
		if items[i], err = commands.Item[T](a.ApplicationData.Any, eas.WithStrict(true)); err != nil {
			t.Fatalf("%s %s: Item: %v", name, a.ServerId, err)
		}
		back, err := commands.SetItem(&items[i])
		if err != nil {
			t.Fatalf("%s %s: SetItem: %v", name, a.ServerId, err)
		}
		want, got := trees(a.ApplicationData.Any, false), trees(back, false)
		if want == got {
			sameOrder++
		} else if w, g := trees(a.ApplicationData.Any, true), trees(back, true); w != g {
			t.Fatalf("%s %s: the item written back differs:\n%s\nwant:\n%s", name, a.ServerId, g, w)
		}
	}
	t.Logf("%s: %d items, %d written back in the same order", name, len(items), sameOrder)
	return adds, items
}

// trees renders elements as text (tag, value, children), with the
// siblings sorted when sorted is set.
func trees(es []*eas.Element, sorted bool) string {
	parts := make([]string, len(es))
	for i, e := range es {
		parts[i] = e.Tag().String() + "=" + string(e.Value()) + "{" + trees(e.Children(), sorted) + "}"
	}
	if sorted {
		sort.Strings(parts)
	}
	return strings.Join(parts, "\n")
}

// childText is the value of the child of es with tag name ("Page:Name"),
// read from the trees, not through the item.
func childText(es []*eas.Element, name string) string {
	for _, e := range es {
		if e.Tag().String() == name {
			return string(e.Value())
		}
	}
	return ""
}

func TestCorpusCalendarItems(t *testing.T) {
	adds, items := corpusItems[commands.CalendarItem](t, "SyncCalendar")
	if len(items) != 120 {
		t.Fatalf("%d events, want 120", len(items))
	}
	var attendees, recurring, exceptions int
	for i, ev := range items {
		any := adds[i].ApplicationData.Any
		if ev.Subject == "" || ev.Subject != childText(any, "Calendar:Subject") {
			t.Errorf("%s: Subject %q, tree %q", adds[i].ServerId, ev.Subject, childText(any, "Calendar:Subject"))
		}
		if len(ev.Timezone) != 172 {
			t.Errorf("%s: Timezone of %d bytes, want 172", adds[i].ServerId, len(ev.Timezone))
		}
		if ev.Body == nil || ev.Body.Type != commands.BodyTypePlainText || ev.Body.EstimatedDataSize == nil || int(*ev.Body.EstimatedDataSize) != len(ev.Body.Data) {
			t.Errorf("%s: Body %+v", adds[i].ServerId, ev.Body)
		}
		if ev.NativeBodyType == nil || *ev.NativeBodyType != 1 || ev.CalendarLocation == "" || len(ev.Any) != 0 {
			t.Errorf("%s: NativeBodyType %v, Location %q, Any %d", adds[i].ServerId, ev.NativeBodyType, ev.CalendarLocation, len(ev.Any))
		}
		if !time.Time(ev.StartTime).Before(time.Time(ev.EndTime)) {
			t.Errorf("%s: starts %v, ends %v", adds[i].ServerId, time.Time(ev.StartTime), time.Time(ev.EndTime))
		}
		if ev.Attendees != nil {
			attendees++
			for _, a := range ev.Attendees.Attendee {
				if !strings.Contains(a.Email, "@") || a.Name == "" {
					t.Errorf("%s: attendee %+v", adds[i].ServerId, a)
				}
			}
		}
		if ev.Recurrence != nil {
			recurring++
		}
		if ev.Exceptions != nil {
			exceptions++
		}
	}
	if attendees == 0 || recurring == 0 || exceptions == 0 {
		t.Errorf("%d meetings, %d recurring, %d with exceptions: the corpus has each", attendees, recurring, exceptions)
	}
	if items[0].Subject != "Training: security awareness" || adds[0].ServerId != "2:1" {
		t.Errorf("first Subject %q", items[0].Subject)
	}
}

func TestCorpusContactItems(t *testing.T) {
	adds, items := corpusItems[commands.ContactItem](t, "SyncContacts")
	if len(items) != 150 {
		t.Fatalf("%d contacts, want 150", len(items))
	}
	for i, c := range items {
		if c.FileAs != c.LastName+", "+c.FirstName || c.FirstName != childText(adds[i].ApplicationData.Any, "Contacts:FirstName") {
			t.Errorf("%s: FileAs %q, FirstName %q, LastName %q", adds[i].ServerId, c.FileAs, c.FirstName, c.LastName)
		}
		if !strings.Contains(c.Email1Address, "@") || c.MobilePhoneNumber == "" || c.Body == nil || c.Body.Type != commands.BodyTypePlainText {
			t.Errorf("%s: %q %q %+v", adds[i].ServerId, c.Email1Address, c.MobilePhoneNumber, c.Body)
		}
	}
	if items[0].FileAs != "Tanaka, Liam" || adds[0].ServerId != "3:1" {
		t.Errorf("first FileAs %q", items[0].FileAs)
	}
}

func TestCorpusEmailItems(t *testing.T) {
	adds, items := corpusItems[commands.EmailItem](t, "SyncEmail64KB")
	if len(items) == 0 {
		t.Fatal("no mail")
	}
	attached := 0
	for i, e := range items {
		if e.MessageClass != "IPM.Note" || e.InternetCPID != "65001" || e.Flag == nil || e.Subject != childText(adds[i].ApplicationData.Any, "Email:Subject") {
			t.Errorf("%s: MessageClass %q, InternetCPID %q, Flag %v, Subject %q", adds[i].ServerId, e.MessageClass, e.InternetCPID, e.Flag, e.Subject)
		}
		if e.Body == nil || (e.Body.Type != commands.BodyTypePlainText && e.Body.Type != commands.BodyTypeHTML) {
			t.Errorf("%s: Body %+v", adds[i].ServerId, e.Body)
		}
		if e.Attachments != nil {
			attached++
			for _, a := range e.Attachments.Attachment {
				if a.DisplayName == "" || a.Method == nil || *a.Method != 1 {
					t.Errorf("%s: attachment %+v", adds[i].ServerId, a)
				}
			}
		}
	}
	if attached == 0 {
		t.Error("no mail with attachments: the corpus has some")
	}
	if items[0].Subject != "Lunch on Friday?" {
		t.Errorf("first Subject %q", items[0].Subject)
	}
	t.Logf("%d mails, %d with attachments", len(items), attached)
}
