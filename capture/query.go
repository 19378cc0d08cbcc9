package capture

import (
	"net/url"
	"strings"

	"github.com/easkit/easkit/b64uri"
)

// Query is the query of a request target, decoded. ActiveSync clients send
// either the plain form (Cmd=Sync&User=…&DeviceId=…) or the base64 form of
// [MS-ASHTTP] 2.2.1.1.1.1, which [b64uri] decodes.
//
// The zero Query is the query of a target without one: Raw is "" and
// Command returns "".
type Query struct {
	// Raw is the query as written, after the '?' and before any '#',
	// not percent-decoded.
	Raw string

	// Plain is set for the plain form; Params then holds its parameters.
	Plain bool

	// Params are the parameters of a plain query in input order, names
	// and values percent-decoded (kept as written when they are not valid
	// percent-encoding). Empty parameters ("a&&b") are left out.
	Params []Field

	// Base64 is a base64 query decoded: strictly, or leniently (see
	// [b64uri.Decoder]) when the strict decoding failed. It is meaningful
	// when Decoded is set.
	Base64 b64uri.Query

	// Decoded is set when a base64 query decoded, strictly or leniently.
	Decoded bool

	// Err is why a base64 query does not decode strictly (it may still
	// have decoded leniently: see Decoded); nil otherwise.
	Err error
}

// Command returns the ActiveSync command the query names: the Cmd
// parameter of the plain form, the command of the base64 form; "" when
// there is none or the query does not decode.
func (q *Query) Command() string {
	if q.Plain {
		for _, f := range q.Params {
			if f.Name == "Cmd" {
				return f.Value
			}
		}
		return ""
	}
	if !q.Decoded {
		return ""
	}
	return q.Base64.Command.String()
}

// ParseQuery decodes a raw query (the part of a request target after '?').
func ParseQuery(raw string) Query {
	q := Query{Raw: raw}
	if raw == "" {
		return q
	}
	if b64uri.IsPlain([]byte(raw)) {
		q.Plain = true
		for _, kv := range strings.Split(raw, "&") {
			if kv == "" {
				continue
			}
			k, v, _ := strings.Cut(kv, "=")
			q.Params = append(q.Params, Field{Name: unescape(k), Value: unescape(v)})
		}
		return q
	}
	if q.Err = q.Base64.Decode([]byte(raw)); q.Err == nil {
		q.Decoded = true
		return q
	}
	q.Decoded = lenientQueries.Decode(&q.Base64, []byte(raw)) == nil
	return q
}

// lenientQueries decodes the base64 queries that do not decode strictly:
// captures hold what clients really sent, mistakes included.
var lenientQueries = b64uri.NewDecoder(b64uri.WithStrictness(b64uri.Lenient))

// unescape percent-decodes a query component for display, or returns it as
// written when it is not valid percent-encoding.
func unescape(s string) string {
	if u, err := url.QueryUnescape(s); err == nil {
		return u
	}
	return s
}
