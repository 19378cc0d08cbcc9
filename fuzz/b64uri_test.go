package fuzz

import (
	"bytes"
	"encoding/base64"
	"errors"
	"testing"

	"github.com/easkit/easkit/b64uri"
	"github.com/easkit/easkit/version"
)

// FuzzB64URI treats the input as a base64 request query (sel bit 0
// clear), its packed bytes (bit 0 set) or a plain query (bit 2 set),
// decoded strictly or leniently (bit 1), and checks the round trips a
// proxy relies on:
//
//   - a failure is a *b64uri.Error;
//   - query → base64 text → query gives the same query, and the text is a
//     fixed point; strict input comes back as it was, padded (bits
//     left over in its last character aside);
//   - query → packed bytes → query gives the same query;
//   - the plain form parses back to a query whose plain form and base64
//     text are the same, and IsPlain tells the two forms apart;
//   - the MS-ASProtocolVersion header of the plain form parses (package
//     version) to the query's version.
func FuzzB64URI(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte, sel byte) {
		s := b64uri.Strict
		if sel&2 != 0 {
			s = b64uri.Lenient
		}
		d := b64uri.NewDecoder(b64uri.WithStrictness(s))
		var q b64uri.Query
		var err error
		switch {
		case sel&4 != 0:
			h := b64uri.Headers{ProtocolVersion: []string{"14.1", "16.1", "12.1", "2.5"}[sel>>3&3], AcceptMultiPart: "T"}
			err = q.ParsePlain(data, h)
		case sel&1 != 0:
			err = d.Unpack(&q, data)
		default:
			err = d.Decode(&q, data)
		}
		if err != nil {
			var e *b64uri.Error
			if !errors.As(err, &e) || e.Err == nil {
				t.Fatalf("error %v (%T) is not an *Error with a sentinel", err, err)
			}
			return
		}
		text, err := q.AppendEncode(nil)
		if err != nil {
			t.Fatalf("AppendEncode of a decoded query: %v", err)
		}
		if b64uri.IsPlain(text) {
			t.Fatalf("IsPlain(%q) is true for base64 text", text)
		}
		// Lenient decoding keeps what strict decoding rejects (an Options
		// value that is not one byte), and AppendEncode writes it back: the
		// same decoder reads it.
		var q2 b64uri.Query
		if err := d.Decode(&q2, text); err != nil {
			t.Fatalf("Decode of AppendEncode's %q: %v", text, err)
		}
		if !sameQuery(&q, &q2) {
			t.Fatalf("query → text → query changed the query:\n%+v\n%+v", q, q2)
		}
		if again, _ := q2.AppendEncode(nil); !bytes.Equal(again, text) {
			t.Fatalf("base64 text is not a fixed point: %q, then %q", text, again)
		}
		if sel&7 == 0 {
			// Strict text is the RFC 2045 alphabet, padding optional: it
			// comes back padded, except that bits left over in its last
			// character (which strict decoding ignores, as encoding/base64
			// does) come back zero.
			want, err := base64.StdEncoding.DecodeString(string(padded(data)))
			got, _ := base64.StdEncoding.DecodeString(string(text))
			if err != nil || !bytes.Equal(got, want) || len(text) != len(padded(data)) {
				t.Fatalf("strict text %q came back as %q", data, text)
			}
		}
		packed, err := q.AppendPack(nil)
		if err != nil {
			t.Fatalf("AppendPack: %v", err)
		}
		var q3 b64uri.Query
		if err := d.Unpack(&q3, packed); err != nil || !sameQuery(&q, &q3) {
			t.Fatalf("query → bytes → query: %v\n%+v\n%+v", err, q, q3)
		}
		checkPlain(t, &q)
	})
}

// checkPlain checks the plain form of q.
func checkPlain(t *testing.T, q *b64uri.Query) {
	t.Helper()
	plain := q.AppendPlainQuery(nil)
	if !b64uri.IsPlain(plain) {
		t.Fatalf("IsPlain(%q) is false for a plain query", plain)
	}
	h := q.Headers()
	if v, err := version.Parse(h.ProtocolVersion); err == nil && v != q.Version {
		t.Fatalf("MS-ASProtocolVersion %q parses to %v, the query has %v", h.ProtocolVersion, v, q.Version)
	}
	var back b64uri.Query
	if err := back.ParsePlain(plain, h); err != nil {
		t.Fatalf("ParsePlain(%q, %+v): %v", plain, h, err)
	}
	if got, want := back.AppendPlain(nil), q.AppendPlain(nil); !bytes.Equal(got, want) {
		t.Fatalf("query → plain → query → plain:\n%q\n%q", want, got)
	}
	text, err := back.AppendEncode(nil)
	if err != nil {
		t.Fatalf("AppendEncode of a parsed plain query: %v", err)
	}
	var again b64uri.Query
	if err := again.Decode(text); err != nil || !bytes.Equal(again.AppendPlain(nil), q.AppendPlain(nil)) {
		t.Fatalf("plain → base64 → plain: %v\n%q\n%q", err, q.AppendPlain(nil), again.AppendPlain(nil))
	}
}

// sameQuery compares the fields of two queries.
func sameQuery(a, b *b64uri.Query) bool {
	if a.Version != b.Version || a.Command != b.Command || a.Locale != b.Locale || a.PolicyKey != b.PolicyKey ||
		a.HasPolicyKey != b.HasPolicyKey || !bytes.Equal(a.DeviceID, b.DeviceID) ||
		!bytes.Equal(a.DeviceType, b.DeviceType) || len(a.Params) != len(b.Params) {
		return false
	}
	for i := range a.Params {
		if a.Params[i].Tag != b.Params[i].Tag || !bytes.Equal(a.Params[i].Value, b.Params[i].Value) {
			return false
		}
	}
	return true
}

// padded adds base64 padding to text.
func padded(text []byte) []byte {
	out := bytes.Clone(text)
	for len(out)%4 != 0 {
		out = append(out, '=')
	}
	return out
}
