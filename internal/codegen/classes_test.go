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
	classes, schema, notes := read(codegen.ClassFile), read(codegen.SchemaFile), read(codegen.SchemaNotesFile)
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
