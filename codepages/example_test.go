package codepages_test

import (
	"fmt"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/version"
)

func ExampleLookup() {
	// Any spelling of the namespace resolves, and so do older tag names.
	for _, q := range [][2]string{
		{"AirSync:", "Sync"},
		{"Calendar", "TimeZone"},    // libwbxml's spelling of Timezone
		{"POOMMAIL:", "Subject"},    // EAS 2.x namespace name
		{"Email:", "Subject"},       // same tag
		{"Calendar:", "Subject"},    // a different page, a different tag
		{"AirSync:", "NoSuchThing"}, // a miss
	} {
		if tag, ok := codepages.Lookup(q[0], q[1]); ok {
			fmt.Printf("%-10s %-12s -> %v\n", q[0], q[1], tag)
		} else {
			fmt.Printf("%-10s %-12s -> not found\n", q[0], q[1])
		}
	}
	// Output:
	// AirSync:   Sync         -> AirSync:Sync
	// Calendar   TimeZone     -> Calendar:Timezone
	// POOMMAIL:  Subject      -> Email:Subject
	// Email:     Subject      -> Email:Subject
	// Calendar:  Subject      -> Calendar:Subject
	// AirSync:   NoSuchThing  -> not found
}

func ExampleTag() {
	tag := codepages.AirSyncBaseLocation
	fmt.Printf("page %d token %#02x %s\n", tag.Page(), tag.Token(), tag.Name())
	fmt.Println("namespaces:", tag.Namespace(codepages.ColonForm), tag.Namespace(codepages.SchemaForm))
	fmt.Println("since", tag.Since(), "valid in 14.1:", tag.ValidIn(version.V14_1), "valid in 16.1:", tag.ValidIn(version.V16_1))
	// Output:
	// page 17 token 0x20 Location
	// namespaces: AirSyncBase: AirSyncBase
	// since 16.0 valid in 14.1: false valid in 16.1: true
}

func ExampleTags() {
	for _, tag := range codepages.Tags(5) {
		fmt.Printf("%#02x %s\n", tag.Token(), tag.Name())
	}
	// Output:
	// 0x05 MoveItems
	// 0x06 Move
	// 0x07 SrcMsgId
	// 0x08 SrcFldId
	// 0x09 DstFldId
	// 0x0a Response
	// 0x0b Status
	// 0x0c DstMsgId
}
