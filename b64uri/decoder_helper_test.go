package b64uri_test

import "github.com/easkit/easkit/b64uri"

// decoder returns the Decoder for a test case or fuzz input that says
// whether to decode leniently.
func decoder(lenient bool) b64uri.Decoder {
	s := b64uri.Strict
	if lenient {
		s = b64uri.Lenient
	}
	return b64uri.NewDecoder(b64uri.WithStrictness(s))
}
