package eas_test

import (
	"bytes"
	"fmt"
	"log"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/eas"
)

// FolderSyncRequest is the FolderSync request as a Go struct: the field
// names are the element names, on the page of the root.
type FolderSyncRequest struct {
	XMLName eas.Name `eas:"FolderHierarchy:FolderSync"`
	SyncKey string
}

// FolderSyncResponse is the part of a FolderSync response a client reads.
type FolderSyncResponse struct {
	XMLName eas.Name `eas:"FolderHierarchy:FolderSync"`
	Status  int
	SyncKey string
	Changes struct {
		Count int
		Add   []struct {
			ServerId    string
			ParentId    string
			DisplayName string
			Type        int
		}
	}
}

// Writing a request from a struct.
func ExampleMarshal() {
	msg, err := eas.Marshal(&FolderSyncRequest{SyncKey: "0"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("% x\n", msg)
	// Output:
	// 03 01 6a 00 00 07 56 52 03 30 00 01 01
}

// Reading a response into a struct; the elements the struct does not name
// are skipped.
func ExampleUnmarshal() {
	var b eas.Builder // a server's response, written by hand
	b.Start(codepages.FolderHierarchyFolderSync)
	b.Int(codepages.FolderHierarchyStatus, 1)
	b.Text(codepages.FolderHierarchySyncKey, "1")
	b.Start(codepages.FolderHierarchyChanges)
	b.Int(codepages.FolderHierarchyCount, 2)
	for _, f := range [][3]string{{"4", "Drafts", "3"}, {"5", "Inbox", "2"}} {
		b.Start(codepages.FolderHierarchyAdd)
		b.Text(codepages.FolderHierarchyServerId, f[0])
		b.Text(codepages.FolderHierarchyParentId, "0")
		b.Text(codepages.FolderHierarchyDisplayName, f[1])
		b.Text(codepages.FolderHierarchyType, f[2])
		b.End()
	}
	body, _ := b.Finish()

	var resp FolderSyncResponse
	if err := eas.Unmarshal(body, &resp); err != nil {
		log.Fatal(err)
	}
	for _, f := range resp.Changes.Add {
		fmt.Println(f.ServerId, f.DisplayName, f.Type)
	}
	// Output:
	// 4 Drafts 3
	// 5 Inbox 2
}

// Errors say where: the byte offset and the element path.
func ExampleUnmarshal_error() {
	var b eas.Builder
	b.Start(codepages.FolderHierarchyFolderSync)
	b.Text(codepages.FolderHierarchyStatus, "OK")
	body, _ := b.Finish()
	var resp FolderSyncResponse
	fmt.Println(eas.Unmarshal(body, &resp))
	// Output:
	// eas: offset 7: FolderSync/Status: "OK" is not an integer
}

// An Encoder writes messages to a stream and a Decoder reads them back.
func ExampleNewDecoder() {
	var stream bytes.Buffer
	enc := eas.NewEncoder(&stream)
	for _, key := range []string{"0", "1"} {
		if err := enc.Encode(&FolderSyncRequest{SyncKey: key}); err != nil {
			log.Fatal(err)
		}
	}
	dec := eas.NewDecoder(&stream)
	for {
		var req FolderSyncRequest
		if err := dec.Decode(&req); err != nil {
			break // io.EOF after the last one
		}
		fmt.Println("SyncKey", req.SyncKey)
	}
	// Output:
	// SyncKey 0
	// SyncKey 1
}
