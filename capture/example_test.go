package capture_test

import (
	"fmt"
	"log"

	"github.com/easkit/easkit/capture"
)

// A pasted xxd dump of a FolderSync request.
func Example() {
	dump := []byte("00000000: 0301 6a00 0007 5652 0330 0001 01         ..j...VR.0...\n")
	r := capture.NewReader(dump)
	for m, err := range r.All() {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%v: %v, % x\n", r.Form(), m.BodyKind(), m.Body)
	}
	// Output:
	// hex: wbxml, 03 01 6a 00 00 07 56 52 03 30 00 01 01
}

// An HTTP session as a proxy saves it: the request's base64 query is kept
// as written, for the b64uri package to decode.
func ExampleReader_Next() {
	session := []byte("POST /Microsoft-Server-ActiveSync?jAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l HTTP/1.1\r\n" +
		"Content-Type: application/vnd.ms-sync.wbxml\r\n" +
		"Content-Length: 13\r\n" +
		"\r\n" +
		"\x03\x01\x6a\x00\x00\x07\x56\x52\x03\x30\x00\x01\x01" +
		"HTTP/1.1 200 OK\r\n" +
		"Content-Type: application/vnd.ms-sync.wbxml\r\n" +
		"Transfer-Encoding: chunked\r\n" +
		"\r\n" +
		"f\r\n\x03\x01\x6a\x00\x00\x07\x56\x4c\x03\x31\x34\x32\x00\x01\x01\r\n" +
		"0\r\n\r\n")
	r := capture.NewReader(session)
	for {
		m, err := r.Next()
		if err != nil {
			fmt.Println(err)
			break
		}
		fmt.Printf("%s: %s | query %q | %v, %d bytes\n", m.Where(), m.StartLine(), m.RawQuery(), m.BodyKind(), len(m.Body))
	}
	// Output:
	// HTTP message 1: POST /Microsoft-Server-ActiveSync?jAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l HTTP/1.1 | query "jAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l" | wbxml, 13 bytes
	// HTTP message 2: HTTP/1.1 200 OK | query "jAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l" | wbxml, 15 bytes
	// EOF
}

// Errors name where the problem is.
func ExampleError() {
	_, err := capture.ReadAll([]byte("00000000: 0301 6a0g 0007  ..j...\n"), capture.WithForm(capture.FormHex))
	fmt.Println(err)
	// Output:
	// capture: hex: line 1:16: invalid hex byte "6a0g"
}

func ExampleParseMultipart() {
	body := capture.AppendMultipart(nil, []byte{0x03, 0x01, 0x6a, 0x00, 0x00, 0x14, 0x05}, []byte("attachment bytes"))
	parts, err := capture.ParseMultipart(body)
	if err != nil {
		log.Fatal(err)
	}
	for i, p := range parts {
		fmt.Printf("part %d at %d: %d bytes\n", i, p.Offset, len(p.Data))
	}
	// Output:
	// part 0 at 20: 7 bytes
	// part 1 at 27: 16 bytes
}

// What a capture says about an HTTP request whose query is in base64, as
// wbxml2xml writes it in the comment before the request's XML.
func ExampleMessage_Describe() {
	session := []byte("POST /Microsoft-Server-ActiveSync?jAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l HTTP/1.1\r\n" +
		"Content-Type: application/vnd.ms-sync.wbxml\r\n" +
		"Content-Length: 13\r\n\r\n" +
		"\x03\x01\x6a\x00\x00\x07\x56\x52\x03\x30\x00\x01\x01")
	ms, err := capture.ReadAll(session)
	if err != nil {
		log.Fatal(err)
	}
	text, _ := ms[0].Describe()
	fmt.Print(text)
	// Output:
	// HTTP message 1, line 1: request (Sync)
	// POST /Microsoft-Server-ActiveSync?jAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l HTTP/1.1
	// Content-Type: application/vnd.ms-sync.wbxml
	// Content-Length: 13
	//
	// Query (base64):
	//   Version: 14.0
	//   Command: Sync
	//   Locale: 0x0409
	//   DeviceId: v140Device
	//   DeviceType: SmartPhone
	// Plain form:
	//   Cmd=Sync&DeviceId=v140Device&DeviceType=SmartPhone
	//   MS-ASProtocolVersion: 14.0
	//
	// Body: 13 bytes of WBXML
}
