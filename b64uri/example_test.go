package b64uri_test

import (
	"errors"
	"fmt"
	"os"

	"github.com/easkit/easkit/b64uri"
	"github.com/easkit/easkit/version"
)

func ExampleQuery_Decode() {
	var q b64uri.Query
	if err := q.Decode([]byte("jAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l")); err != nil {
		panic(err)
	}
	fmt.Println(q.Version, q.Command, fmt.Sprintf("%#04x", q.Locale), string(q.DeviceID), string(q.DeviceType))
	os.Stdout.Write(q.AppendPlain(nil))
	// Output:
	// 14.0 Sync 0x0409 v140Device SmartPhone
	// Cmd=Sync&DeviceId=v140Device&DeviceType=SmartPhone
	// MS-ASProtocolVersion: 14.0
}

func ExampleQuery_Decode_error() {
	var q b64uri.Query
	err := q.Decode([]byte("jAAJBap2MTQwRGV2aWNlAApTbWFydFBob251"))
	fmt.Println(err)
	var e *b64uri.Error
	if errors.As(err, &e) {
		fmt.Println(errors.Is(err, b64uri.ErrDeviceIDLength), e.Field, e.Offset, e.Value, e.Remaining)
	}
	// Output:
	// b64uri: byte 4: device id length 170 exceeds remaining 22 bytes
	// true device id length 4 170 22
}

func ExampleQuery_AppendEncode() {
	q := b64uri.Query{
		Version:    version.V14_1,
		Command:    b64uri.CmdGetAttachment,
		Locale:     0x0409,
		DeviceID:   []byte("v140Device"),
		DeviceType: []byte("SmartPhone"),
	}
	q.SetParam(b64uri.ParamAttachmentName, []byte("5%3a1%3a0%3a0"))
	url, err := q.AppendEncode([]byte("/Microsoft-Server-ActiveSync?"))
	fmt.Println(string(url), err)
	// Output: /Microsoft-Server-ActiveSync?jQQJBAp2MTQwRGV2aWNlAApTbWFydFBob25lAA01JTNhMSUzYTAlM2Ew <nil>
}

func ExampleQuery_ParsePlain() {
	var q b64uri.Query
	err := q.ParsePlain([]byte("Cmd=SmartForward&DeviceId=AE4ECD19F592BA5657706FF74CF09BAC&DeviceType=PPC&SaveInSent=T&ItemId=119281&CollectionId=INBOX"),
		b64uri.Headers{ProtocolVersion: "12.1", PolicyKey: "2216451701"})
	if err != nil {
		panic(err)
	}
	q.Locale = 0x0409 // the plain form has no locale
	text, _ := q.AppendEncode(nil)
	fmt.Println(string(text))
	// Output: eQIJBBCuTs0Z9ZK6Vldwb/dM8JusBHVeHIQDUFBDBwEBAwYxMTkyODEBBUlOQk9Y
}

func ExampleQuery_Fields() {
	var q b64uri.Query
	_ = q.Decode([]byte("jQMJCBBgMOo4NRIhymNelU6Z7jHTBDzZUJwLV2luZG93c01haWwHAQE="))
	for name, value := range q.Fields() {
		fmt.Printf("%-10s %s\n", name, value)
	}
	// Output:
	// Version    14.1
	// Command    SmartReply
	// Locale     0x0809
	// DeviceId   6030EA38351221CA635E954E99EE31D3
	// PolicyKey  2622544188
	// DeviceType WindowsMail
	// Options    SaveInSent
}
