package cli_test

import (
	"fmt"
	"log"

	"github.com/easkit/easkit/capture"
	"github.com/easkit/easkit/internal/cli"
)

// The comment that wbxml2xml writes before the XML of an HTTP request whose
// query is in base64.
func ExampleDescribe() {
	session := []byte("POST /Microsoft-Server-ActiveSync?jAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l HTTP/1.1\r\n" +
		"Content-Type: application/vnd.ms-sync.wbxml\r\n" +
		"Content-Length: 13\r\n\r\n" +
		"\x03\x01\x6a\x00\x00\x07\x56\x52\x03\x30\x00\x01\x01")
	ms, err := capture.ReadAll(session)
	if err != nil {
		log.Fatal(err)
	}
	text, _ := cli.Describe(ms[0])
	fmt.Print(string(cli.AppendComment(nil, text)))
	// Output:
	// <!--
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
	// -->
}

func ExampleAppendComment() {
	fmt.Print(string(cli.AppendComment(nil, "X-Boundary: --abc--")))
	// Output:
	// <!-- X-Boundary: - -abc- -  -->
}
