package commands_test

import (
	"fmt"
	"time"

	"github.com/easkit/easkit/eas"
	"github.com/easkit/easkit/eas/commands"
)

// A calendar event read from the ApplicationData of a Sync response Add:
// the command type keeps the item's elements as trees, Item reads them
// into a CalendarItem.
func ExampleItem() {
	start := time.Date(2026, 12, 8, 9, 0, 0, 0, time.UTC)
	children, err := commands.SetItem(&commands.CalendarItem{
		Subject:   "Design review",
		StartTime: commands.CompactTime(start),
		EndTime:   commands.CompactTime(start.Add(time.Hour)),
		Attendees: &commands.CalendarItemAttendees{Attendee: []commands.CalendarItemAttendee{
			{Email: "ana@example.com", Name: "Ana", AttendeeType: commands.Ptr[uint8](1)},
		}},
	})
	if err != nil {
		panic(err)
	}
	msg, err := eas.Marshal(&commands.SyncResponse{Collections: &commands.SyncResponseCollections{
		Collection: []commands.SyncResponseCollection{{
			SyncKey: "2", CollectionId: "5", Status: commands.Ptr(eas.StatusSyncSuccess),
			Commands: &commands.SyncResponseCommands{Add: []commands.SyncResponseCommandsAdd{{
				ServerId:        "5:1",
				ApplicationData: &commands.SyncResponseAddApplicationData{Any: children},
			}}},
		}},
	}})
	if err != nil {
		panic(err)
	}

	// A client reads the response, then the event.
	var resp commands.SyncResponse
	if err := eas.Unmarshal(msg, &resp); err != nil {
		panic(err)
	}
	add := resp.Collections.Collection[0].Commands.Add[0]
	ev, err := commands.Item[commands.CalendarItem](add.ApplicationData.Any)
	if err != nil {
		panic(err)
	}
	fmt.Println(add.ServerId, ev.Subject, time.Time(ev.StartTime).Format(time.RFC3339))
	for _, a := range ev.Attendees.Attendee {
		fmt.Println(a.Name, a.Email, *a.AttendeeType)
	}
	fmt.Println(eas.Validate(msg, eas.AsResponse()))
	// Output:
	// 5:1 Design review 2026-12-08T09:00:00Z
	// Ana ana@example.com 1
	// <nil>
}

// A Sync request that adds a contact: SetItem writes the ContactItem as
// the children of the Add's ApplicationData.
func ExampleSetItem() {
	children, err := commands.SetItem(&commands.ContactItem{
		FirstName:     "Ana",
		LastName:      "Lima",
		Email1Address: "ana@example.com",
		Body:          &commands.Body{Type: commands.BodyTypePlainText, Data: "met at the conference"},
	})
	if err != nil {
		panic(err)
	}
	msg, err := eas.Marshal(&commands.SyncRequest{Collections: &commands.SyncRequestCollections{
		Collection: []commands.SyncRequestCollection{{
			SyncKey: "3", CollectionId: "7",
			Commands: &commands.SyncRequestCommands{Add: []commands.SyncRequestAdd{{
				ClientId:        "c1",
				ApplicationData: commands.SyncRequestAddApplicationData{Any: children},
			}}},
		}},
	}})
	if err != nil {
		panic(err)
	}
	for _, c := range children {
		fmt.Println(c.Tag())
	}
	fmt.Println(eas.Validate(msg, eas.AsRequest()))
	// Output:
	// Contacts:Email1Address
	// Contacts:FirstName
	// Contacts:LastName
	// AirSyncBase:Body
	// <nil>
}
