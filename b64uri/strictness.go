package b64uri

import "strconv"

// Strictness says how much a [Decoder] accepts beyond the spec; pass it to
// [WithStrictness]. Its only values are Strict and Lenient. The zero
// Strictness is Strict.
type Strictness uint8

const (
	// Strict accepts what the spec allows and nothing else: the RFC 2045
	// alphabet (padding optional), a device id of 1–255 bytes, a policy
	// key length of 0 or 4, an assigned command code, an Options parameter
	// of one byte, and every length within the input. It is the default.
	Strict Strictness = iota

	// Lenient also accepts what real clients and servers get wrong, and
	// nothing that would change the meaning of a valid query:
	//   - the URL-safe alphabet ('-' for '+', '_' for '/');
	//   - percent-escapes (%2B, %2F, %3D, or any %XX naming an alphabet
	//     character), for a query copied from a URL;
	//   - a space for '+' (what a form-decoding server makes of '+');
	//   - a policy key length other than 0 or 4: the declared bytes are
	//     skipped and the query has no policy key;
	//   - an Options parameter that is not one byte long.
	Lenient

	numStrictness // the number of valid values
)

// Valid reports whether s is Strict or Lenient.
func (s Strictness) Valid() bool { return s < numStrictness }

// String returns "Strict" or "Lenient", and "Strictness(N)" for any other
// value.
func (s Strictness) String() string {
	switch s {
	case Strict:
		return "Strict"
	case Lenient:
		return "Lenient"
	}
	return "Strictness(" + strconv.Itoa(int(s)) + ")"
}
