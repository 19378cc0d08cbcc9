package b64uri_test

import (
	"bytes"
	"encoding/base64"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/easkit/easkit/b64uri"
)

// seedTexts are the queries of cases.tsv.
func seedTexts(f *testing.F) []string {
	var out []string
	for _, r := range readCases(f) {
		out = append(out, r.query)
	}
	return out
}

// checkOffset fails unless err is an *Error whose offset lies inside the
// input it names (n bytes, or textLen characters when InText).
func checkOffset(t *testing.T, err error, n, textLen int) {
	t.Helper()
	var e *b64uri.Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v (%T) is not an *Error", err, err)
	}
	limit := n
	if e.InText {
		limit = textLen
	}
	if e.Offset < 0 || e.Offset > limit {
		t.Fatalf("error %v: offset %d outside the input (%d)", err, e.Offset, limit)
	}
	if e.Err == nil || e.Error() == "" {
		t.Fatalf("error without sentinel or message: %#v", e)
	}
}

// FuzzUnpack: Unpack never panics, error offsets lie inside the input, and
// unpack → pack → unpack is stable (strict mode: pack gives the input back).
// The plain form of every query that unpacks survives plain → query → plain.
func FuzzUnpack(f *testing.F) {
	for _, s := range seedTexts(f) {
		if raw, err := base64.StdEncoding.DecodeString(padded(s)); err == nil {
			f.Add(raw, false)
			f.Add(raw, true)
		}
	}
	f.Add([]byte{141, 7, 0, 0, 1, 'd', 3, 1, 2, 3, 0, 7, 0}, true)
	f.Fuzz(func(t *testing.T, data []byte, lenient bool) {
		d := decoder(lenient)
		var q b64uri.Query
		if err := d.Unpack(&q, data); err != nil {
			checkOffset(t, err, len(data), 0)
			if e := err.(*b64uri.Error); e.InText {
				t.Fatalf("Unpack error in text: %v", err)
			}
			return
		}
		packed, err := q.AppendPack(nil)
		if err != nil {
			t.Fatalf("AppendPack of an unpacked query: %v", err)
		}
		if !lenient && !bytes.Equal(packed, data) {
			t.Fatalf("strict unpack → pack changed the bytes:\n in %x\nout %x", data, packed)
		}
		var q2 b64uri.Query
		if err := d.Unpack(&q2, packed); err != nil {
			t.Fatalf("unpack → pack → unpack: %v", err)
		}
		if !equalFields(&q, &q2) {
			t.Fatalf("unpack → pack → unpack changed the query:\n%+v\n%+v", q, q2)
		}
		again, _ := q2.AppendPack(nil)
		if !bytes.Equal(again, packed) {
			t.Fatalf("pack not stable:\n%x\n%x", packed, again)
		}
		text, err := q.AppendEncode(nil)
		if err != nil || base64.StdEncoding.EncodeToString(packed) != string(text) {
			t.Fatalf("AppendEncode = %s, %v", text, err)
		}
		checkPlainRoundTrip(t, &q)
	})
}

// equalFields compares the exported fields of two queries.
func equalFields(a, b *b64uri.Query) bool {
	if a.Version != b.Version || a.Command != b.Command || a.Locale != b.Locale ||
		a.PolicyKey != b.PolicyKey || a.HasPolicyKey != b.HasPolicyKey ||
		!bytes.Equal(a.DeviceID, b.DeviceID) || !bytes.Equal(a.DeviceType, b.DeviceType) || len(a.Params) != len(b.Params) {
		return false
	}
	for i := range a.Params {
		if a.Params[i].Tag != b.Params[i].Tag || !bytes.Equal(a.Params[i].Value, b.Params[i].Value) {
			return false
		}
	}
	return true
}

// checkPlainRoundTrip: the plain form of q parses back to the same plain
// view (up to the documented device id ambiguity) and the same text.
func checkPlainRoundTrip(t *testing.T, q *b64uri.Query) {
	t.Helper()
	plain := q.AppendPlainQuery(nil)
	var back b64uri.Query
	if err := back.ParsePlain(plain, q.Headers()); err != nil {
		t.Fatalf("ParsePlain(%q, %+v): %v", plain, q.Headers(), err)
	}
	want := plainView(q)
	want.DeviceID = string(plainDeviceID(q.DeviceID))
	if diff := cmp.Diff(want, plainView(&back)); diff != "" {
		t.Fatalf("query → plain → query (-want +got):\n%s", diff)
	}
	if got := back.AppendPlain(nil); !bytes.Equal(got, q.AppendPlain(nil)) {
		t.Fatalf("plain → query → plain:\n%q\n%q", q.AppendPlain(nil), got)
	}
	if plainExact(q) {
		back.Locale = q.Locale
		a, _ := q.AppendPack(nil)
		b, _ := back.AppendPack(nil)
		if !bytes.Equal(a, b) {
			t.Fatalf("query → plain → query not byte for byte:\n%x\n%x", a, b)
		}
	}
}

func isUser(p b64uri.Param) bool { return p.Tag == b64uri.ParamUser }

// plainExact reports whether q has none of the features the plain form
// loses (see the package documentation), so that query → plain → query
// must give back the same bytes once the locale is restored.
func plainExact(q *b64uri.Query) bool {
	if !bytes.Equal(plainDeviceID(q.DeviceID), q.DeviceID) {
		return false
	}
	options := 0
	for i, p := range q.Params {
		switch {
		case !p.Tag.Known():
			return false
		case p.Tag == b64uri.ParamUser && i > 0 && !slices.ContainsFunc(q.Params[:i], isUser):
			return false // the first User is not the first parameter
		case p.Tag == b64uri.ParamOptions:
			options++
			if options > 1 || len(p.Value) != 1 {
				return false
			}
			f := b64uri.Flags(p.Value[0])
			if f&^(b64uri.SaveInSent|b64uri.AcceptMultiPart) != 0 || (f&b64uri.SaveInSent == 0 && f != 0 && i != len(q.Params)-1) {
				return false
			}
		}
	}
	return true
}

// FuzzDecode: Decode never panics and agrees with encoding/base64 (the
// reference decoder) followed by Unpack, in strict mode; lenient mode
// accepts everything strict mode accepts, with the same result.
func FuzzDecode(f *testing.F) {
	for _, s := range seedTexts(f) {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Add("jAkHBBC32YBsEj5p%2bIUKLTDTcJoYBAAAAAALV2luZG93c01haWw%3D", true)
	f.Add("jAkHBBC32YBsEj5p IUKLTDTcJoYBAAAAAALV2luZG93c01haWw", true)
	f.Fuzz(func(t *testing.T, text string, lenient bool) {
		var q b64uri.Query
		err := decoder(lenient).Decode(&q, []byte(text))
		if err != nil {
			checkOffset(t, err, len(text)*3/4+3, len(text))
		}
		if lenient {
			var strict b64uri.Query
			if serr := strict.Decode([]byte(text)); serr == nil {
				if err != nil || !equalFields(&q, &strict) {
					t.Fatalf("lenient result differs from strict: %v", err)
				}
			}
			return
		}
		if strings.ContainsAny(text, "\r\n") {
			return // encoding/base64 skips newlines; the spec does not
		}
		ref := text
		if !strings.Contains(ref, "=") {
			ref = padded(ref)
		}
		raw, rerr := base64.StdEncoding.DecodeString(ref)
		if rerr != nil {
			var e *b64uri.Error
			if err == nil || !errors.As(err, &e) || !e.InText {
				t.Fatalf("encoding/base64 rejects %q (%v); Decode: %v", text, rerr, err)
			}
			return
		}
		var want b64uri.Query
		werr := want.Unpack(raw)
		if (err == nil) != (werr == nil) {
			t.Fatalf("Decode: %v; encoding/base64 + Unpack: %v", err, werr)
		}
		if err != nil {
			var a, b *b64uri.Error
			errors.As(err, &a)
			errors.As(werr, &b)
			if diff := cmp.Diff(*b, *a, cmp.Comparer(func(x, y error) bool { return x == y })); diff != "" {
				t.Fatalf("errors differ (-reference +Decode):\n%s", diff)
			}
			return
		}
		if !equalFields(&q, &want) {
			t.Fatalf("Decode differs from encoding/base64 + Unpack")
		}
	})
}

// FuzzPlain: ParsePlain never panics and reports offsets inside its
// inputs; what it accepts encodes, decodes back to the same query, and
// renders to a plain form that parses back to itself.
func FuzzPlain(f *testing.F) {
	for _, r := range readCases(f) {
		if r.plain != "" {
			cell, _, _ := strings.Cut(r.plain, " (+ ")
			f.Add(cell, r.version[:len(r.version)-1]+"."+r.version[len(r.version)-1:], r.policyKey, "")
		}
	}
	f.Add("Cmd=SendMail&User=CONTOSO%5Crm&DeviceId=d&DeviceType=t&SaveInSent=T&ItemId=5%3a1", "14.1", "0", "T")
	f.Add("Cmd=Sync&DeviceId=0123456789ABCDEF0123456789ABCDEF&DeviceType=a+b&CollectionName=%25", "0.0", "", "F")
	f.Fuzz(func(t *testing.T, query, ver, key, amp string) {
		h := b64uri.Headers{ProtocolVersion: ver, PolicyKey: key, AcceptMultiPart: amp}
		var q b64uri.Query
		if err := q.ParsePlain([]byte(query), h); err != nil {
			var e *b64uri.Error
			if !errors.As(err, &e) || !e.InText {
				t.Fatalf("error %v is not a text *Error", err)
			}
			limit := len(query)
			switch e.Field {
			case b64uri.FieldHeaderVersion:
				limit = len(ver)
			case b64uri.FieldHeaderPolicyKey:
				limit = len(key)
			case b64uri.FieldHeaderAcceptMultiPart:
				limit = len(amp)
			}
			if e.Offset < -1 || e.Offset > limit {
				t.Fatalf("error %v: offset outside its text (%d)", err, limit)
			}
			return
		}
		text, err := q.AppendEncode(nil)
		if err != nil {
			t.Fatalf("AppendEncode of a parsed plain query: %v", err)
		}
		var dec b64uri.Query
		if err := dec.Decode(text); err != nil {
			t.Fatalf("Decode(AppendEncode): %v", err)
		}
		if !equalFields(&q, &dec) {
			t.Fatalf("plain → base64 → query changed the query")
		}
		checkPlainRoundTrip(t, &q)
	})
}
