package eas_test

import (
	"fmt"
	"log"
	"os"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/eas"
)

// A FolderSync request with SyncKey 0, the first request a client sends.
func ExampleBuilder_folderSync() {
	var b eas.Builder
	b.Start(codepages.FolderHierarchyFolderSync)
	b.Text(codepages.FolderHierarchySyncKey, "0")
	msg, err := b.Finish() // closes FolderSync
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("% x\n", msg)
	// Output:
	// 03 01 6a 00 00 07 56 52 03 30 00 01 01
}

// A Provision acknowledgement: the second phase, which returns the
// temporary policy key with the status the client applied the policy with.
func ExampleBuilder_provisionAcknowledgement() {
	var b eas.Builder
	b.Start(codepages.ProvisionProvision)
	b.Start(codepages.ProvisionPolicies)
	b.Start(codepages.ProvisionPolicy)
	b.Text(codepages.ProvisionPolicyType, "MS-EAS-Provisioning-WBXML")
	b.Text(codepages.ProvisionPolicyKey, "1307199584")
	b.Int(codepages.ProvisionStatus, 1)
	msg, err := b.Finish()
	if err != nil {
		log.Fatal(err)
	}
	root, _ := eas.Parse(msg)
	if err := root.WriteXML(os.Stdout); err != nil {
		log.Fatal(err)
	}
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <!DOCTYPE ActiveSync PUBLIC "-//MICROSOFT//DTD ActiveSync//EN" "http://www.microsoft.com/">
	// <Provision xmlns="Provision:">
	//   <Policies>
	//     <Policy>
	//       <PolicyType>MS-EAS-Provisioning-WBXML</PolicyType>
	//       <PolicyKey>1307199584</PolicyKey>
	//       <Status>1</Status>
	//     </Policy>
	//   </Policies>
	// </Provision>
}

// A Ping that watches two folders for 8 minutes.
func ExampleBuilder_ping() {
	var b eas.Builder
	b.Start(codepages.PingPing)
	b.Int(codepages.PingHeartbeatInterval, 480)
	b.Start(codepages.PingFolders)
	for _, id := range []string{"5", "6"} {
		b.Start(codepages.PingFolder)
		b.Text(codepages.PingId, id)
		b.Text(codepages.PingClass, "Email")
		b.End()
	}
	msg, err := b.Finish()
	if err != nil {
		log.Fatal(err)
	}
	root, _ := eas.Parse(msg)
	for _, f := range root.All(codepages.PingFolders, codepages.PingFolder) {
		fmt.Println(f.Child(codepages.PingId).Text(), f.Child(codepages.PingClass).Text())
	}
	heartbeat, _ := root.Child(codepages.PingHeartbeatInterval).Int()
	fmt.Println("heartbeat", heartbeat, "s,", len(msg), "bytes")
	// Output:
	// 5 Email
	// 6 Email
	// heartbeat 480 s, 49 bytes
}

// Reading the Adds of a Sync response: the new items of each collection.
func ExampleElement_All() {
	root, err := eas.Parse(syncResponse())
	if err != nil {
		log.Fatal(err)
	}
	for _, coll := range root.All(codepages.AirSyncCollections, codepages.AirSyncCollection) {
		fmt.Println("collection", coll.Child(codepages.AirSyncCollectionId).Text(),
			"more:", coll.Child(codepages.AirSyncMoreAvailable).Bool())
		for _, add := range coll.All(codepages.AirSyncCommands, codepages.AirSyncAdd) {
			data := add.Child(codepages.AirSyncApplicationData)
			received, _ := data.Child(codepages.EmailDateReceived).Time()
			fmt.Println(" ", add.Child(codepages.AirSyncServerId).Text(),
				data.Child(codepages.EmailSubject).Text(), received.Format("2006-01-02 15:04"))
		}
	}
	// Output:
	// collection 1 more: false
	// collection 2 more: true
	//   1:1 hello 1:1 2026-12-07 09:30
	//   1:2 hello 1:2 2026-12-07 09:30
}

// A proxy changes one element of a message and keeps the rest as it came.
func ExampleElement_SetText() {
	msg := syncResponse()
	root, err := eas.Parse(msg)
	if err != nil {
		log.Fatal(err)
	}
	key := root.Find(codepages.AirSyncCollections, codepages.AirSyncCollection, codepages.AirSyncSyncKey)
	key.SetText("k1-rewritten")
	out, err := root.AppendWBXML(nil)
	if err != nil {
		log.Fatal(err)
	}
	again, _ := eas.Parse(out)
	fmt.Println(again.Find(codepages.AirSyncCollections, codepages.AirSyncCollection, codepages.AirSyncSyncKey).Text())
	fmt.Println(len(out)-len(msg), "bytes longer")
	// Output:
	// k1-rewritten
	// 10 bytes longer
}
