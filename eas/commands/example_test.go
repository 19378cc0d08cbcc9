package commands_test

import (
	"fmt"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/eas"
	"github.com/easkit/easkit/eas/commands"
)

// A FolderSync request written from its generated type, and the response
// read back into one.
func Example() {
	body, err := eas.Marshal(&commands.FolderSyncRequest{SyncKey: "0"})
	if err != nil {
		panic(err)
	}
	fmt.Printf("% x\n", body)

	resp, err := eas.Marshal(&commands.FolderSyncResponse{
		Status:  eas.StatusFolderSyncSuccess,
		SyncKey: "1",
		Changes: &commands.FolderSyncResponseChanges{
			Count: commands.Ptr[uint32](1),
			Add: []commands.FolderSyncResponseAdd{
				{ServerId: "2", ParentId: "0", DisplayName: "Inbox", Type: commands.FolderTypeInbox},
			},
		},
	})
	if err != nil {
		panic(err)
	}
	var r commands.FolderSyncResponse
	if err := eas.Unmarshal(resp, &r); err != nil {
		panic(err)
	}
	fmt.Println(eas.StatusName("FolderSync", r.Status), r.SyncKey, *r.Changes.Count)
	for _, a := range r.Changes.Add {
		fmt.Println(a.ServerId, a.DisplayName, a.Type == commands.FolderTypeInbox)
	}
	fmt.Println(eas.Validate(resp, eas.AsResponse()))
	// Output:
	// 03 01 6a 00 00 07 56 52 03 30 00 01 01
	// Success 1 1
	// 2 Inbox true
	// <nil>
}

// A GAL Search request, whose Query is text, not criteria: the Text field
// of a type whose element holds text or elements.
func Example_searchGAL() {
	body, err := eas.Marshal(&commands.SearchRequest{Store: &commands.SearchRequestStore{
		Name:    commands.StoreGAL,
		Query:   commands.SearchRequestQuery{Text: "ann"},
		Options: &commands.SearchRequestOptions{Range: "0-9"},
	}})
	if err != nil {
		panic(err)
	}
	var r commands.SearchRequest
	if err := eas.Unmarshal(body, &r); err != nil {
		panic(err)
	}
	fmt.Printf("%s %q %s\n", r.Store.Name, r.Store.Query.Text, r.Store.Options.Range)
	fmt.Println(eas.Validate(body, eas.AsRequest()))
	// Output:
	// GAL "ann" 0-9
	// <nil>
}

// A Sync request whose Supported names the contact properties the client
// manages: Names holds their tags, each written as an empty element.
func Example_supported() {
	body, err := eas.Marshal(&commands.SyncRequest{Collections: &commands.SyncRequestCollections{
		Collection: []commands.SyncRequestCollection{{
			SyncKey: "0", CollectionId: "2",
			Supported: &commands.SyncRequestSupported{Names: []codepages.Tag{codepages.ContactsFileAs, codepages.ContactsJobTitle}},
		}},
	}})
	if err != nil {
		panic(err)
	}
	var r commands.SyncRequest
	if err := eas.Unmarshal(body, &r, eas.WithStrict(true)); err != nil {
		panic(err)
	}
	fmt.Println(r.Collections.Collection[0].Supported.Names)
	fmt.Println(eas.Validate(body, eas.AsRequest()))
	// Output:
	// [Contacts:FileAs Contacts:JobTitle]
	// <nil>
}
