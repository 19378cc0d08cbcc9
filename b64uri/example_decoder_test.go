package b64uri_test

import (
	"fmt"

	"github.com/easkit/easkit/b64uri"
)

func ExampleNewDecoder() {
	// Copied from a URL: '+' percent-encoded, padding cut.
	text := []byte("jAkHBBC32YBsEj5p%2BIUKLTDTcJoYBAAAAAALV2luZG93c01haWw")
	var q b64uri.Query
	fmt.Println(q.Decode(text))
	lenient := b64uri.NewDecoder(b64uri.WithStrictness(b64uri.Lenient))
	fmt.Println(lenient.Decode(&q, text), q.DeviceIDText())
	// Output:
	// b64uri: base64 text offset 16: non-base64 character '%' (RFC 2045 alphabet expected)
	// <nil> B7D9806C123E69F8850A2D30D3709A18
}

func ExampleDecoder() {
	// The zero Decoder is strict: the URL-safe alphabet ('_' for '/') is
	// an error, as it is for Query.Decode.
	var d b64uri.Decoder
	var q b64uri.Query
	fmt.Println(d.Strictness())
	fmt.Println(d.Decode(&q, []byte("jAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l")), q.Command)
	fmt.Println(d.Decode(&q, []byte("eQIJBBCuTs0Z9ZK6Vldwb_dM8JusBHVeHIQDUFBDBwEBAwYxMTkyODEBBUlOQk9Y")))
	// Output:
	// Strict
	// <nil> Sync
	// b64uri: base64 text offset 21: non-base64 character '_' (RFC 2045 alphabet expected)
}

func ExampleDecoder_Unpack() {
	// A policy key length of 2, which the spec does not allow: strict
	// decoding refuses it, lenient decoding skips its bytes.
	raw := []byte{141, 0, 9, 4, 1, 'd', 2, 0xAA, 0xBB, 3, 'P', 'P', 'C'}
	var q b64uri.Query
	fmt.Println(b64uri.Decoder{}.Unpack(&q, raw))
	lenient := b64uri.NewDecoder(b64uri.WithStrictness(b64uri.Lenient))
	fmt.Println(lenient.Unpack(&q, raw), string(q.DeviceType), q.HasPolicyKey)
	// Output:
	// b64uri: byte 6: policy key length 2 (only 0 or 4 valid)
	// <nil> PPC false
}

func ExampleWithStrictness() {
	// The URL-safe alphabet: '_' for '/'.
	text := []byte("eQIJBBCuTs0Z9ZK6Vldwb_dM8JusBHVeHIQDUFBDBwEBAwYxMTkyODEBBUlOQk9Y")
	for _, s := range []b64uri.Strictness{b64uri.Strict, b64uri.Lenient} {
		d := b64uri.NewDecoder(b64uri.WithStrictness(s))
		var q b64uri.Query
		if err := d.Decode(&q, text); err != nil {
			fmt.Printf("%v: %v\n", d.Strictness(), err)
		} else {
			fmt.Printf("%v: %v from %s\n", d.Strictness(), q.Command, q.DeviceType)
		}
	}
	// Output:
	// Strict: b64uri: base64 text offset 21: non-base64 character '_' (RFC 2045 alphabet expected)
	// Lenient: SmartForward from PPC
}

func ExampleStrictness_Valid() {
	for _, s := range []b64uri.Strictness{b64uri.Strict, b64uri.Lenient, 7} {
		fmt.Println(s, s.Valid())
	}
	// Output:
	// Strict true
	// Lenient true
	// Strictness(7) false
}
