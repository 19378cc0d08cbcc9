package codegen_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/easkit/easkit/internal/codegen"
)

// TestClassTypes checks the item types' names, the sharing of the
// AirSyncBase parts, and a few fields' names and Go types.
func TestClassTypes(t *testing.T) {
	tables, err := codegen.Load(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	m, err := tables.ClassTypes()
	if err != nil {
		t.Fatal(err)
	}
	types := map[string]*codegen.CommandType{}
	for _, list := range [][]*codegen.CommandType{m.Items, m.Nested, m.Shared} {
		for _, ct := range list {
			if types[ct.Name] != nil {
				t.Errorf("type %s twice", ct.Name)
			}
			types[ct.Name] = ct
		}
	}
	for _, name := range []string{"EmailItem", "CalendarItem", "ContactItem", "TaskItem", "NoteItem", "DocumentItem", "GALItem",
		"CalendarItemAttendee", "CalendarItemRecurrence", "CalendarItemException", "CalendarItemExceptionAttendee",
		"EmailItemFlag", "EmailItemMeetingRequestRecurrence", "Body", "BodyPart", "Attachments", "Attachment", "Location", "RightsManagementLicense"} {
		if types[name] == nil {
			t.Errorf("no type %s", name)
		}
	}
	field := func(typ, name string) *codegen.CommandField {
		t.Helper()
		if ct := types[typ]; ct != nil {
			for _, f := range ct.Fields {
				if f.Name == name {
					return f
				}
			}
		}
		t.Errorf("no field %s.%s", typ, name)
		return &codegen.CommandField{}
	}
	for _, c := range []struct{ typ, name, tag, goType string }{
		{"CalendarItem", "StartTime", "Calendar:StartTime", "CompactTime"},
		{"CalendarItem", "Body", "AirSyncBase:Body", "*Body"},               // the shared part keeps the plain name
		{"CalendarItem", "CalendarBody", "Calendar:Body", "string"},         // the 2.5 body is prefixed
		{"CalendarItem", "CalendarLocation", "Calendar:Location", "string"}, // until 14.1
		{"CalendarItem", "Location", "AirSyncBase:Location", "*Location"},   // from 16.0
		{"CalendarItemException", "Body", "AirSyncBase:Body", "*Body"},      // a copy of the shared row, the shared type
		{"EmailItemMeetingRequest", "Location", "AirSyncBase:Location", "*Location"},
		{"EmailItem", "Attachments", "AirSyncBase:Attachments", "*Attachments"},
		{"EmailItem", "EmailAttachments", "Email:Attachments", "*EmailItemAttachments"},
		{"EmailItemFlag", "Status", "Email:Status", "*uint8"}, // a flag's state, not a command status
		{"BodyPart", "Status", "AirSyncBase:Status", "uint8"},
		{"CalendarItemAttendee", "Email", "Calendar:Email", "string"}, // required
		{"CalendarItemAttendees", "Attendee", "Calendar:Attendee", "[]CalendarItemAttendee"},
		{"Body", "Type", "AirSyncBase:Type", "BodyType"}, // the command enum
	} {
		if f := field(c.typ, c.name); f.Tag != c.tag || f.GoType != c.goType {
			t.Errorf("%s.%s: %s %s, want %s %s", c.typ, c.name, f.Tag, f.GoType, c.tag, c.goType)
		}
	}
	if !field("CalendarItemAttendee", "Email").Required || field("CalendarItem", "Subject").Required {
		t.Error("Attendee Email should be required, Subject not")
	}
	if contact := types["ContactItem"]; contact == nil || !contact.Any {
		t.Error("ContactItem should keep the shared parts it does not name in Any")
	}
	if n := len(m.Shared); n != 8 {
		t.Errorf("%d shared types, want 8 (one per AirSyncBase or RightsManagement container)", n)
	}
}

// TestClassRowErrors: an error about a row of the class table, found
// while the item types are built, names asclass-schema.tsv and the row's
// line, not the command schema.
func TestClassRowErrors(t *testing.T) {
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join("..", "..", name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	classes, items, schema, notes := read(codegen.ClassFile), read(codegen.ItemsFile), read(codegen.SchemaFile), read(codegen.SchemaNotesFile)
	line := bytes.Count(classes, []byte("\n")) + 1 // the row appended
	for _, c := range []struct{ name, row, want string }{
		{"repeated unsignedByte", "Email\tAirSync:WindowSize\tunsignedByte\t0\t*\t-\t-\t-\t-\n", "a repeated unsignedByte"},
		{"content against the enum", "Email\tAirSync:Class\tinteger\t0\t1\t-\t-\t-\t-\n", "has content integer, enum Class is string"},
	} {
		t.Run(c.name, func(t *testing.T) {
			tb := loadCodePages(t)
			if err := tb.ParseClasses(append(bytes.Clone(classes), c.row...)); err != nil {
				t.Fatal(err)
			}
			if err := tb.ParseItems(items); err != nil {
				t.Fatal(err)
			}
			if err := tb.ParseSchema(schema, notes); err != nil {
				t.Fatal(err)
			}
			_, err := tb.ClassTypes()
			at := fmt.Sprintf("%s:%d: ", codegen.ClassFile, line)
			if err == nil || !strings.HasPrefix(err.Error(), at) || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("ClassTypes = %v, want an error at %s saying %q", err, at, c.want)
			}
		})
	}
}

const itemsHeader = "# a comment line, as in the other tables\nclass\ttype\tspec\twhat\tshared\n"

// TestItemTableErrors: a bad row of asclass-items.tsv is an error that
// names the file and the row's line (3: after the comment and the header),
// and a good table gives the item types in its order.
func TestItemTableErrors(t *testing.T) {
	classes, err := os.ReadFile(filepath.Join("..", "..", codegen.ClassFile))
	if err != nil {
		t.Fatal(err)
	}
	const note = "Notes\tNoteItem\t[MS-ASNOTE]\ta note\tAirSyncBase:Body\n"
	for _, c := range []struct{ name, rows, want string }{
		{"no such class", "Memo\tMemoItem\t[X]\ta memo\t-\n", ":3: no class \"Memo\" in gen/spec/asclass-schema.tsv"},
		{"a shared class", "AirSyncBase\tBodyItem\t[MS-ASAIRS]\ta body\t-\n", ":3: AirSyncBase is a class of shared parts"},
		{"class twice", note + "Notes\tOtherItem\t[MS-ASNOTE]\ta note\t-\n", ":4: class Notes again (line 3)"},
		{"type twice", note + "Tasks\tNoteItem\t[MS-ASTASK]\ta task\t-\n", ":4: type NoteItem again (line 3)"},
		{"not a Go name", "Notes\tnote item\t[MS-ASNOTE]\ta note\t-\n", ":3: type \"note item\" is not an exported Go name"},
		{"not a shared part", "Notes\tNoteItem\t[MS-ASNOTE]\ta note\tAirSyncBase:Type\n", ":3: AirSyncBase:Type is no top-level row of the shared classes"},
		{"a part twice", "Notes\tNoteItem\t[MS-ASNOTE]\ta note\tAirSyncBase:Body,AirSyncBase:Body\n", ":3: AirSyncBase:Body twice"},
		{"no spec", "Notes\tNoteItem\t-\ta note\t-\n", ":3: the spec and what columns need text"},
		{"fields", "Notes\tNoteItem\t[MS-ASNOTE]\n", ":3: 3 fields, want 5"},
		{"no rows", "", ": no item class"},
	} {
		t.Run(c.name, func(t *testing.T) {
			tb := loadCodePages(t)
			if err := tb.ParseClasses(classes); err != nil {
				t.Fatal(err)
			}
			err := tb.ParseItems([]byte(itemsHeader + c.rows))
			if want := codegen.ItemsFile + c.want; err == nil || !strings.HasPrefix(err.Error(), want) {
				t.Fatalf("ParseItems = %v, want an error starting %q", err, want)
			}
		})
	}
}

// TestItemTableOrder: the item types follow the rows of asclass-items.tsv,
// each with the shared parts its row names as fields.
func TestItemTableOrder(t *testing.T) {
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join("..", "..", name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	tb := loadCodePages(t)
	if err := tb.ParseClasses(read(codegen.ClassFile)); err != nil {
		t.Fatal(err)
	}
	if err := tb.ParseItems([]byte(itemsHeader + "Notes\tMemo\t[MS-ASNOTE]\ta note\tAirSyncBase:NativeBodyType\nTasks\tChore\t[MS-ASTASK]\ta task\t-\n")); err != nil {
		t.Fatal(err)
	}
	if err := tb.ParseSchema(read(codegen.SchemaFile), read(codegen.SchemaNotesFile)); err != nil {
		t.Fatal(err)
	}
	m, err := tb.ClassTypes()
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Items) != 2 || m.Items[0].Name != "Memo" || m.Items[1].Name != "Chore" {
		t.Fatalf("items %v, want Memo and Chore", m.Items)
	}
	has := func(ct *codegen.CommandType, name string) bool {
		for _, f := range ct.Fields {
			if f.Name == name {
				return true
			}
		}
		return false
	}
	if !has(m.Items[0], "NativeBodyType") || has(m.Items[1], "NativeBodyType") || m.Spec[m.Items[0]] != "[MS-ASNOTE]" {
		t.Errorf("Memo has NativeBodyType %v, Chore %v, Memo's spec %q: want the parts and spec of each row", has(m.Items[0], "NativeBodyType"), has(m.Items[1], "NativeBodyType"), m.Spec[m.Items[0]])
	}
}
