package wbxml_test

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"unicode/utf16"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/wbxml"
)

// XML saved as UTF-16 (Windows Notepad's "Unicode", .NET writers) or in
// ISO-8859-1 converts to the same WBXML as the UTF-8 document.
func ExampleXMLReader_encodings() {
	r := wbxml.NewXMLReader(wbxml.WithVocabulary(codepages.ActiveSync))
	text := `<Sync xmlns="AirSync:"><SyncKey>café</SyncKey></Sync>`

	// UTF-16 little-endian with a byte order mark.
	utf16le := binary.LittleEndian.AppendUint16(nil, 0xFEFF)
	for _, u := range utf16.Encode([]rune(`<?xml version="1.0" encoding="utf-16"?>` + text)) {
		utf16le = binary.LittleEndian.AppendUint16(utf16le, u)
	}
	// ISO-8859-1: é is the byte 0xE9.
	latin1 := []byte("<?xml version='1.0' encoding='ISO-8859-1'?>" +
		"<Sync xmlns=\"AirSync:\"><SyncKey>caf\xE9</SyncKey></Sync>")

	want, _ := r.AppendWBXML(nil, []byte(text))
	for _, doc := range [][]byte{utf16le, latin1} {
		out, err := r.AppendWBXML(nil, doc)
		fmt.Println(bytes.Equal(out, want), err)
	}
	fmt.Printf("% X\n", want)

	// A byte windows-1252 leaves undefined.
	_, err := r.AppendWBXML(nil, []byte("<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n<Sync xmlns=\"AirSync:\">\x81</Sync>"))
	fmt.Println(err)
	// Output:
	// true <nil>
	// true <nil>
	// 03 01 6A 00 45 4B 03 63 61 66 C3 A9 00 01 01
	// xml: line 2, column 24 (offset 69): byte 0x81 is not a character in windows-1252
}
