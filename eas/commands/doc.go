// Package commands holds a Go type for every ActiveSync command request
// and response that the schema table gen/spec/ascmd-schema.tsv knows
// ([MS-ASCMD] section 6, [MS-ASPROV] for Provision), ready for
// eas.Marshal and eas.Unmarshal:
//
//	req := commands.FolderSyncRequest{SyncKey: "0"}
//	body, err := eas.Marshal(&req)
//	…
//	var resp commands.FolderSyncResponse
//	err = eas.Unmarshal(respBody, &resp)
//	for _, add := range resp.Changes.Add { … add.DisplayName, add.Type … }
//
// The types are generated (commands_gen.go, by go generate from the
// table); they live in their own package because there are many of them
// (one per container element of each message) and they would bury the
// message API of package eas in its documentation.
//
// # Names
//
// A message is <Command>Request or <Command>Response (SyncRequest,
// PingResponse). The type of a container inside it is the message's name
// followed by the element's name (SyncResponseCollection,
// FolderSyncResponseAdd), or, where two containers of the message share a
// name, by as many of its ancestors' names as make it unique
// (SyncResponseCommandsAdd for Collection/Commands/Add and
// SyncResponseResponsesAdd for Collection/Responses/Add). A field is
// named by its element (SyncKey, CollectionId), prefixed with the code page
// where two children of one element share a name. Elements whose values
// mean something get named types with constants (FilterType3Days,
// FolderTypeInbox, ClassEmail, …); other fields say their values in their
// comments. Status fields are eas.Status: the eas.Status<Command>…
// constants apply.
//
// # Occurrences
//
// The table's bounds decide the Go type of a field:
//
//   - required (at least one, not part of a choice, in every version of
//     the enclosing element): a value, with the struct tag option
//     required, so that Unmarshal reports a missing one;
//   - optional container: a pointer, nil when absent;
//   - optional number, boolean or Status: a pointer too, since zero is a
//     value on the wire (FilterType 0, Status 0, AllowCamera 0) and absent
//     means something else; Ptr makes one;
//   - optional text, time or bytes: a value with omitempty, absent when
//     zero (an empty element is read as the zero value and not written
//     back);
//   - repeated: a slice;
//   - empty elements (flags such as MoreAvailable): a bool with empty.
//
// Members of a choice are optional fields; the comments say which fields
// form a choice, and Marshal does not enforce it (eas.Validate does).
// Integers are int for xs:integer, uint8, uint16 and uint32 for the
// unsigned kinds; date-times are time.Time (CompactTime for the 16-char
// form); OPAQUE and base64 content is []byte. Elements whose content the
// table leaves open (Search Query, Find Properties, …) are structs whose
// Any field keeps the children as *eas.Element trees, so that nothing read
// is lost; so are the containers it lists no children for yet, and the
// elements that hold item properties (ApplicationData, the Properties of
// ItemOperations and Search): their content is the union of the item
// classes of gen/spec/asclass-schema.tsv, which eas.Validate checks, and a
// struct with a field for each of some 170 class elements would fit no
// single class.
//
// # Items
//
// Each item class has a type of its own (classes_gen.go, generated from
// the same table): EmailItem, CalendarItem, ContactItem, TaskItem,
// NoteItem, DocumentItem and GALItem, with types for their containers
// (CalendarItemAttendee, CalendarItemException, …) and one type for each
// part the classes share (Body, BodyPart, Attachments, Attachment,
// Location, RightsManagementLicense). Item reads one from the children an
// ApplicationData or Properties keeps in Any, SetItem writes one as such
// children:
//
//	ev, err := commands.Item[commands.CalendarItem](add.ApplicationData.Any)
//
// An item type's own Any field keeps what it names no field for (a shared
// part its class spec does not list).
//
// # Versions
//
// Each type says in which protocol versions its element exists, and a
// field says so where that is narrower than its type's (from the table's
// since/until and the code page facts). Marshal writes what the value
// holds; with eas.WithVersion it refuses tags the version does not have,
// and eas.Validate with eas.WithVersion reports occurrences the version
// does not allow.
//
// Fields are in the table's order, so Marshal writes sequences in the
// schema's order. Where an element has two forms with the same children
// in different orders (GetItemEstimate Collection, 12.1 and 14.0 forms),
// the fields follow the newer form; Validate checks sibling order only
// under eas.WithStrict(true).
package commands

//go:generate go run ../../gen -root ../.. eas/commands
