package eas_test

import (
	"errors"
	"testing"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/eas"
)

// TestValidateClassRequiredNested: the class schemas make every top-level
// property of an item optional (ascmd-schema.md, "Item classes"), but the
// elements below them have required children, which Validate reports
// inside ApplicationData: a Calendar Recurrence without its Type, an
// AirSyncBase Body without its Type (also in a calendar Exception), a
// task Recurrence without its Start, a meeting request's Recurrence
// without its Interval, each
// as ProblemMissing at the element that lacks the child (its path and
// offset), and ErrMissing.
func TestValidateClassRequiredNested(t *testing.T) {
	const add = "Sync/Collections/Collection/Commands/Add/ApplicationData/"
	appData := []codepages.Tag{codepages.AirSyncCollections, codepages.AirSyncCollection, codepages.AirSyncCommands,
		codepages.AirSyncAdd, codepages.AirSyncApplicationData}
	at := func(tags ...codepages.Tag) []codepages.Tag {
		return append(append([]codepages.Tag(nil), appData...), tags...)
	}
	subject := tx(codepages.CalendarSubject, "Stand-up")
	for _, c := range []struct {
		name  string
		props []tnode
		at    []codepages.Tag // the element that lacks its child
		path  string
		msg   string
	}{
		{"Recurrence without Type", []tnode{subject, el(codepages.CalendarRecurrence,
			tx(codepages.CalendarInterval, "1"), tx(codepages.CalendarOccurrences, "10"))},
			at(codepages.CalendarRecurrence), add + "Calendar:Recurrence", "required Type missing"},
		{"Body without Type", []tnode{subject, el(codepages.AirSyncBaseBody,
			tx(codepages.AirSyncBaseEstimatedDataSize, "5"), tx(codepages.AirSyncBaseData, "Hello"))},
			at(codepages.AirSyncBaseBody), add + "AirSyncBase:Body", "required Type missing"},
		{"Exception Body without Type", []tnode{subject, el(codepages.CalendarExceptions,
			el(codepages.CalendarException,
				tx(codepages.CalendarExceptionStartTime, "20261208T090000Z"),
				el(codepages.AirSyncBaseBody, tx(codepages.AirSyncBaseData, "Moved"))))},
			at(codepages.CalendarExceptions, codepages.CalendarException, codepages.AirSyncBaseBody),
			add + "Calendar:Exceptions/Exception/AirSyncBase:Body", "required Type missing"},
		// [MS-ASTASK] 2.2.2.20 and [MS-ASEMAIL] 2.2.2.60 make these
		// required too.
		{"task Recurrence without Start", []tnode{el(codepages.TasksRecurrence,
			tx(codepages.TasksType, "0"), tx(codepages.TasksInterval, "1"))},
			at(codepages.TasksRecurrence), add + "Tasks:Recurrence", "required Start missing"},
		{"meeting request Recurrence without Interval", []tnode{el(codepages.EmailMeetingRequest,
			tx(codepages.EmailStartTime, "2026-12-08T09:00:00.000Z"),
			el(codepages.EmailRecurrences, el(codepages.EmailRecurrence, tx(codepages.EmailType, "1"))))},
			at(codepages.EmailMeetingRequest, codepages.EmailRecurrences, codepages.EmailRecurrence),
			add + "Email:MeetingRequest/Recurrences/Recurrence", "required Interval missing"},
	} {
		t.Run(c.name, func(t *testing.T) {
			msg := msgOf(t, syncResponseAdd(c.props...))
			err := eas.Validate(msg, eas.AsResponse())
			p := oneProblem(t, err)
			if p.Kind != eas.ProblemMissing || p.Path != c.path || p.Msg != c.msg {
				t.Errorf("problem %+v\nwant %v at %s: %q", p, eas.ProblemMissing, c.path, c.msg)
			}
			if want := pathOffset(t, msg, c.at...); p.Offset != want {
				t.Errorf("Offset = %d, want %d (the element lacking the child)", p.Offset, want)
			}
			if !errors.Is(err, eas.ErrMissing) {
				t.Errorf("errors.Is(%v, ErrMissing) = false", err)
			}
		})
	}
	// With the Type, each is valid, and so is an item with no top-level
	// property at all: none is required.
	for name, props := range map[string][]tnode{
		"Recurrence with Type": {el(codepages.CalendarRecurrence, tx(codepages.CalendarType, "1"), tx(codepages.CalendarInterval, "1"))},
		"Body with Type":       {el(codepages.AirSyncBaseBody, tx(codepages.AirSyncBaseType, "1"), tx(codepages.AirSyncBaseData, "Hello"))},
		"task Recurrence with Start": {el(codepages.TasksRecurrence,
			tx(codepages.TasksType, "0"), tx(codepages.TasksStart, "2026-12-08T00:00:00.000Z"))},
		"no properties": nil,
	} {
		if err := eas.Validate(msgOf(t, syncResponseAdd(props...)), eas.AsResponse()); err != nil {
			t.Errorf("%s: Validate = %v, want nil", name, err)
		}
	}
}
