package wbxml_test

import (
	"fmt"
	"os"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/wbxml"
)

// A FolderSync response as an Exchange server sends it.
var folderSyncResponse = []byte{
	0x03, 0x01, 0x6A, 0x00, // WBXML 1.3, public id 1, UTF-8, no string table
	0x00, 0x07, // SWITCH_PAGE FolderHierarchy
	0x56,                        // <FolderSync>
	0x4C, 0x03, '1', 0x00, 0x01, //   <Status>1</Status>
	0x52, 0x03, '1', 0x00, 0x01, //   <SyncKey>1</SyncKey>
	0x01, // </FolderSync>
}

func ExampleXMLWriter() {
	w := wbxml.NewXMLWriter(
		wbxml.WithVocabulary(codepages.ActiveSync),
		wbxml.WithXMLDeclaration(false),
		wbxml.WithDocType(false),
	)
	var buf []byte // reused across messages
	buf, err := w.AppendXML(buf[:0], folderSyncResponse)
	if err != nil {
		fmt.Println(err)
		return
	}
	os.Stdout.Write(buf)
	// Output:
	// <FolderSync xmlns="FolderHierarchy:">
	//   <Status>1</Status>
	//   <SyncKey>1</SyncKey>
	// </FolderSync>
}

func ExampleXMLReader() {
	r := wbxml.NewXMLReader(wbxml.WithVocabulary(codepages.ActiveSync))
	// Namespaces may be spelled in any form ActiveSync tools use.
	doc := []byte(`<?xml version="1.0"?>
<a:Sync xmlns:a="AirSync" xmlns:base="AirSyncBase:">
  <a:Collections>
    <a:Collection>
      <a:SyncKey>0</a:SyncKey>
      <a:CollectionId>1</a:CollectionId>
      <a:Options><base:BodyPreference><base:Type>2</base:Type></base:BodyPreference></a:Options>
    </a:Collection>
  </a:Collections>
</a:Sync>`)
	out, err := r.AppendWBXML(nil, doc)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("% X\n", out)
	// Output:
	// 03 01 6A 00 45 5C 4F 4B 03 30 00 01 52 03 31 00 01 57 00 11 45 46 03 32 00 01 01 01 01 01 01
}

func ExampleXMLReader_errors() {
	doc := []byte("<Sync xmlns=\"AirSync:\">\n  <Subjekt>x</Subjekt>\n</Sync>")
	_, err := wbxml.AppendWBXML(nil, doc, wbxml.WithVocabulary(codepages.ActiveSync))
	fmt.Println(err)
	// Output:
	// xml: line 2, column 3 (offset 26): unknown element "Subjekt" in namespace "AirSync:"
}

// OPAQUE data survives: byte arrays are base64, and where the wire differs
// from what the tables say, an easkit:wire marker records it.
func ExampleAppendXML_opaque() {
	src := []byte{
		0x03, 0x01, 0x6A, 0x00,
		0x45,                                           // <Sync>
		0x00, 0x16, 0x49, 0xC3, 0x02, 0xCA, 0xFE, 0x01, // Email2 ConversationId, OPAQUE CA FE
		0x00, 0x02, 0x54, 0xC3, 0x02, 'h', 'i', 0x01, //   Email Subject sent as OPAQUE
		0x01,
	}
	out, _ := wbxml.AppendXML(nil, src,
		wbxml.WithVocabulary(codepages.ActiveSync), wbxml.WithIndent(1),
		wbxml.WithXMLDeclaration(false), wbxml.WithDocType(false))
	os.Stdout.Write(out)
	// Output:
	// <Sync xmlns="AirSync:">
	//  <ConversationId xmlns="Email2:">yv4=</ConversationId>
	//  <Subject xmlns="Email:" xmlns:easkit="https://github.com/easkit/easkit/wbxml" easkit:wire="opaque">hi</Subject>
	// </Sync>
}
