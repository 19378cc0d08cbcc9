package commands

import (
	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/eas"
)

// An appData is an item as the root of a document of its own: the
// ApplicationData element holding the item's fields.
type appData[T any] struct {
	XMLName eas.Name `eas:"AirSync:ApplicationData"`
	Item    T        `eas:",inline"`
}

// Item reads the item-class children kept in the Any field of an
// ApplicationData or Properties type (SyncResponseAddApplicationData,
// ItemOperationsResponseFetchProperties, …) into a T, one of the item
// types (CalendarItem, EmailItem, …):
//
//	ev, err := commands.Item[commands.CalendarItem](add.ApplicationData.Any)
//
// Children T has no field for are kept in its Any field. It writes the
// children as a WBXML document and reads it with eas.Unmarshal, whose
// options opts are (eas.WithStrict, eas.WithVersion); the children are
// not changed. An error's offset is one in that document, not in the
// message the children came from: the element's path locates it, and
// each child's Offset gives its place in the message. It is a
// convenience, and allocates: a program reading many
// items can declare its own ApplicationData type with an inline item
// field.
func Item[T any](children []*eas.Element, opts ...eas.Option) (T, error) {
	var v appData[T]
	var b eas.Builder
	b.Start(codepages.AirSyncApplicationData)
	for _, c := range children {
		b.Element(c)
	}
	b.End()
	data, err := b.Finish()
	if err == nil {
		err = eas.Unmarshal(data, &v, opts...)
	}
	return v.Item, err
}

// SetItem returns the children of an ApplicationData or Properties
// element holding item, one of the item types, for the Any field of the
// command type:
//
//	add.ApplicationData.Any, err = commands.SetItem(&contact)
//
// It marshals item with eas.Marshal and options opts (with
// eas.WithVersion, an element that version does not have is an error)
// and parses the result: the elements are new, children of an
// ApplicationData element of their own.
func SetItem[T any](item *T, opts ...eas.Option) ([]*eas.Element, error) {
	data, err := eas.Marshal(&appData[T]{Item: *item}, opts...)
	if err != nil {
		return nil, err
	}
	root, err := eas.Parse(data)
	if err != nil {
		return nil, err
	}
	return root.Children(), nil
}
