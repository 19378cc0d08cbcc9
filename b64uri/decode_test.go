package b64uri_test

import (
	"encoding/base64"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/easkit/easkit/b64uri"
	"github.com/easkit/easkit/version"
)

// The acceptance example of the issue: the MS-ASHTTP example string, and
// the copy with two transcription errors.
func TestSpecExample(t *testing.T) {
	var q b64uri.Query
	if err := q.Decode([]byte("jAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l")); err != nil {
		t.Fatal(err)
	}
	got := struct {
		Version    version.Version
		Command    b64uri.Command
		Locale     uint16
		DeviceID   string
		HasKey     bool
		DeviceType string
		Params     int
	}{q.Version, q.Command, q.Locale, string(q.DeviceID), q.HasPolicyKey, string(q.DeviceType), len(q.Params)}
	want := got
	want.Version, want.Command, want.Locale, want.DeviceID, want.HasKey, want.DeviceType, want.Params =
		version.V14_0, b64uri.CmdSync, 0x0409, "v140Device", false, "SmartPhone", 0
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("decoded (-want +got):\n%s", diff)
	}

	err := q.Decode([]byte("jAAJBap2MTQwRGV2aWNlAApTbWFydFBob251"))
	var e *b64uri.Error
	if !errors.As(err, &e) || !errors.Is(err, b64uri.ErrDeviceIDLength) {
		t.Fatalf("corrupted copy: %v", err)
	}
	wantErr := &b64uri.Error{Err: b64uri.ErrDeviceIDLength, Field: b64uri.FieldDeviceIDLength, Offset: 4, Value: 170, Remaining: 22}
	if diff := cmp.Diff(*wantErr, *e, cmp.Comparer(func(a, b error) bool { return a == b })); diff != "" {
		t.Errorf("error (-want +got):\n%s", diff)
	}
	if got, want := err.Error(), "b64uri: byte 4: device id length 170 exceeds remaining 22 bytes"; got != want {
		t.Errorf("message %q, want %q", got, want)
	}
}

func TestBase64Layer(t *testing.T) {
	// Each text decodes (or fails) the same way; the bytes are compared with
	// encoding/base64 on the padded standard form.
	const body = "jAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l" // 27 bytes, no padding needed
	tests := []struct {
		name    string
		text    string
		lenient bool
		std     string // the equivalent padded standard text; "" when an error is expected
		err     error
		at      int
		value   int
	}{
		{name: "one pad", text: "jAkHBBCoHzHhi8b5YrNnTZh4inyaBAAAAAACV1A=", std: "jAkHBBCoHzHhi8b5YrNnTZh4inyaBAAAAAACV1A="},
		{name: "one pad left out", text: "jAkHBBCoHzHhi8b5YrNnTZh4inyaBAAAAAACV1A", std: "jAkHBBCoHzHhi8b5YrNnTZh4inyaBAAAAAACV1A="},
		{name: "two pads", text: body + "Bw==", err: b64uri.ErrTruncated, at: -1},
		{name: "two pads left out", text: body + "CAdybWpvbmVz", std: body + "CAdybWpvbmVz"},
		{name: "too many pads", text: "jAkHBBCoHzHhi8b5YrNnTZh4inyaBAAAAAACV1A==", err: b64uri.ErrPadding, at: 39, value: '='},
		{name: "pad without group", text: body + "=", err: b64uri.ErrPadding, at: 36, value: '='},
		{name: "data after pad", text: "jAAJ=AAA", err: b64uri.ErrPadding, at: 4, value: '='},
		{name: "one char in last group", text: body + "B", err: b64uri.ErrPadding, at: 36, value: 0},
		{name: "space", text: "jAAJ BAp2", err: b64uri.ErrAlphabet, at: 4, value: ' '},
		{name: "newline", text: body + "\n", err: b64uri.ErrAlphabet, at: 36, value: '\n'},
		{name: "url-safe strict", text: "jAkHBBC32YBsEj5p-IUKLTDTcJoYBAAAAAALV2luZG93c01haWw=", err: b64uri.ErrAlphabet, at: 16, value: '-'},
		{name: "non-ASCII", text: "jAAJ\xc3\xa9", err: b64uri.ErrAlphabet, at: 4, value: 0xc3},
		{name: "url-safe lenient", lenient: true, text: "jAkHBBC32YBsEj5p-IUKLTDTcJoYBAAAAAALV2luZG93c01haWw", std: "jAkHBBC32YBsEj5p+IUKLTDTcJoYBAAAAAALV2luZG93c01haWw="},
		{name: "underscore lenient", lenient: true, text: "eQIJBBCuTs0Z9ZK6Vldwb_dM8JusBHVeHIQDUFBDBwEBAwYxMTkyODEBBUlOQk9Y", std: "eQIJBBCuTs0Z9ZK6Vldwb/dM8JusBHVeHIQDUFBDBwEBAwYxMTkyODEBBUlOQk9Y"},
		{name: "percent lenient", lenient: true, text: "jAkHBBC32YBsEj5p%2bIUKLTDTcJoYBAAAAAALV2luZG93c01haWw%3D", std: "jAkHBBC32YBsEj5p+IUKLTDTcJoYBAAAAAALV2luZG93c01haWw="},
		{name: "space for plus lenient", lenient: true, text: "jAkHBBC32YBsEj5p IUKLTDTcJoYBAAAAAALV2luZG93c01haWw=", std: "jAkHBBC32YBsEj5p+IUKLTDTcJoYBAAAAAALV2luZG93c01haWw="},
		{name: "escaped letter lenient", lenient: true, text: "%6AAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l", std: body},
		{name: "bad escape lenient", lenient: true, text: "jAAJ%zzAp2", err: b64uri.ErrAlphabet, at: 4, value: '%'},
		{name: "cut escape lenient", lenient: true, text: "jAAJBAp2%2", err: b64uri.ErrAlphabet, at: 8, value: '%'},
		{name: "escape of a non-alphabet byte lenient", lenient: true, text: "jAAJ%26Ap2", err: b64uri.ErrAlphabet, at: 4, value: '&'},
		{name: "percent strict", text: "jAkHBBC32YBsEj5p%2BIUKLTDTcJoYBAAAAAALV2luZG93c01haWw=", err: b64uri.ErrAlphabet, at: 16, value: '%'},
		{name: "empty", text: "", err: b64uri.ErrTruncated, at: -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var q b64uri.Query
			err := decoder(tt.lenient).Decode(&q, []byte(tt.text))
			if tt.err == nil {
				if err != nil {
					t.Fatalf("Decode(%q): %v", tt.text, err)
				}
				want, _ := base64.StdEncoding.DecodeString(tt.std)
				got, _ := q.AppendPack(nil)
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("bytes (-want +got):\n%s", diff)
				}
				return
			}
			var e *b64uri.Error
			if !errors.As(err, &e) || !errors.Is(err, tt.err) {
				t.Fatalf("Decode(%q) = %v, want %v", tt.text, err, tt.err)
			}
			if tt.at >= 0 && (!e.InText || e.Offset != tt.at || e.Value != tt.value || e.Field != b64uri.FieldText) {
				t.Errorf("error %+v, want text offset %d value %d", *e, tt.at, tt.value)
			}
		})
	}
}

// packed builds query bytes: the fixed fields, then raw tail bytes.
func packed(id string, tail ...byte) []byte {
	b := []byte{141, 9, 0x09, 0x04, byte(len(id))}
	b = append(b, id...)
	return append(b, tail...)
}

func TestUnpackFields(t *testing.T) {
	tests := []struct {
		name    string
		in      []byte
		lenient bool
		err     error
		field   b64uri.Field
		offset  int
		want    func(q *b64uri.Query) bool
	}{
		{name: "minimal", in: packed("d", 0, 0), want: func(q *b64uri.Query) bool {
			return string(q.DeviceID) == "d" && len(q.DeviceType) == 0 && !q.HasPolicyKey && len(q.Params) == 0
		}},
		{name: "any version byte decodes", in: []byte{0, 0, 0, 0, 1, 'd', 0, 0}, want: func(q *b64uri.Query) bool {
			return q.Version == 0 && !b64uri.AllowedVersion(q.Version)
		}},
		{name: "version 2.5 decodes, flagged", in: []byte{25, 0, 0, 0, 1, 'd', 0, 0}, want: func(q *b64uri.Query) bool {
			return q.Version == version.V2_5 && !b64uri.AllowedVersion(q.Version)
		}},
		{name: "policy key is little-endian unsigned", in: packed("d", 4, 0x75, 0x5e, 0x1c, 0x84, 0), want: func(q *b64uri.Query) bool {
			return q.HasPolicyKey && q.PolicyKey == 2216451701
		}},
		{name: "255-byte device id", in: packed(string(make([]byte, 255)), 0, 0), want: func(q *b64uri.Query) bool { return len(q.DeviceID) == 255 }},
		{name: "empty parameter value", in: packed("d", 0, 0, 1, 0), want: func(q *b64uri.Query) bool {
			v, ok := q.Param(b64uri.ParamCollectionId)
			return ok && len(v) == 0
		}},
		{name: "unknown tag skipped by length", in: packed("d", 0, 0, 0xff, 3, 8, 1, 'x', 8, 1, 'u'), want: func(q *b64uri.Query) bool {
			u, _ := q.Param(b64uri.ParamUser)
			return q.HasUnknownParams() && string(u) == "u" && len(q.Params) == 2
		}},
		{name: "unknown command 24", in: []byte{141, 24, 0, 0, 1, 'd', 0, 0}, err: b64uri.ErrUnknownCommand, field: b64uri.FieldCommand, offset: 1},
		{name: "unknown command 8", in: []byte{141, 8, 0, 0, 1, 'd', 0, 0}, err: b64uri.ErrUnknownCommand, field: b64uri.FieldCommand, offset: 1},
		{name: "six bytes", in: []byte{141, 0, 0, 0, 1, 'd'}, err: b64uri.ErrTruncated, field: b64uri.FieldFixed, offset: 0},
		{name: "no policy key length", in: packed("abc"), err: b64uri.ErrTruncated, field: b64uri.FieldPolicyKeyLength, offset: 8},
		{name: "policy key cut short", in: packed("d", 4, 1, 2), err: b64uri.ErrPolicyKeyLength, field: b64uri.FieldPolicyKeyLength, offset: 6},
		{name: "policy key length 1", in: packed("d", 1, 9, 0), err: b64uri.ErrPolicyKeyLength, field: b64uri.FieldPolicyKeyLength, offset: 6},
		{name: "policy key length 1 lenient", in: packed("d", 1, 9, 0), lenient: true, want: func(q *b64uri.Query) bool { return !q.HasPolicyKey && len(q.DeviceType) == 0 }},
		{name: "policy key length 9 lenient overrun", in: packed("d", 9, 1, 2, 0), lenient: true, err: b64uri.ErrPolicyKeyLength, field: b64uri.FieldPolicyKeyLength, offset: 6},
		{name: "device type overrun", in: packed("d", 0, 5, 'S', 'P'), err: b64uri.ErrDeviceTypeLength, field: b64uri.FieldDeviceTypeLength, offset: 7},
		{name: "Options empty", in: packed("d", 0, 0, 7, 0), err: b64uri.ErrOptionsLength, field: b64uri.FieldParamLength, offset: 9},
		{name: "Options two bytes", in: packed("d", 0, 0, 7, 2, 1, 2), err: b64uri.ErrOptionsLength, field: b64uri.FieldParamLength, offset: 9},
		{name: "Options empty lenient", in: packed("d", 0, 0, 7, 0), lenient: true, want: func(q *b64uri.Query) bool {
			f, ok := q.Options()
			return ok && f == 0
		}},
		{name: "Options two bytes lenient", in: packed("d", 0, 0, 7, 2, 3, 9), lenient: true, want: func(q *b64uri.Query) bool {
			f, ok := q.Options()
			return ok && f == b64uri.SaveInSent|b64uri.AcceptMultiPart
		}},
		{name: "tag without length", in: packed("d", 0, 0, 8, 1, 'u', 3), err: b64uri.ErrTruncated, field: b64uri.FieldParamLength, offset: 11},
		{name: "value overrun", in: packed("d", 0, 0, 8, 200, 'u'), err: b64uri.ErrParamLength, field: b64uri.FieldParamLength, offset: 9},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var q b64uri.Query
			err := decoder(tt.lenient).Unpack(&q, tt.in)
			if tt.err == nil {
				if err != nil {
					t.Fatalf("Unpack(%x): %v", tt.in, err)
				}
				if !tt.want(&q) {
					t.Errorf("Unpack(%x) = %+v", tt.in, q)
				}
				return
			}
			var e *b64uri.Error
			if !errors.As(err, &e) || !errors.Is(err, tt.err) {
				t.Fatalf("Unpack(%x) = %v, want %v", tt.in, err, tt.err)
			}
			if e.Field != tt.field || e.Offset != tt.offset || e.InText {
				t.Errorf("error %v: field %s offset %d, want %s %d", err, e.Field, e.Offset, tt.field, tt.offset)
			}
			if e.Offset > len(tt.in) {
				t.Errorf("offset %d beyond the %d input bytes", e.Offset, len(tt.in))
			}
		})
	}
}

// Decoding into a used Query forgets everything of the previous query.
func TestDecodeReuse(t *testing.T) {
	var q b64uri.Query
	if err := q.Decode([]byte("eQIJBBCuTs0Z9ZK6Vldwb/dM8JusBHVeHIQDUFBDBwEBAwYxMTkyODEBBUlOQk9Y")); err != nil {
		t.Fatal(err)
	}
	if err := q.Decode([]byte("jAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l")); err != nil {
		t.Fatal(err)
	}
	var fresh b64uri.Query
	_ = fresh.Decode([]byte("jAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l"))
	if q.HasPolicyKey || q.PolicyKey != 0 || len(q.Params) != 0 || string(q.DeviceType) != "SmartPhone" {
		t.Errorf("reused query keeps old fields: %+v", q)
	}
	a, _ := q.AppendPack(nil)
	b, _ := fresh.AppendPack(nil)
	if string(a) != string(b) {
		t.Errorf("reused %x, fresh %x", a, b)
	}
}

func TestMaxParams(t *testing.T) {
	build := func(n int) []byte {
		b := packed("d", 0, 0)
		for i := 0; i < n; i++ {
			b = append(b, byte(b64uri.ParamItemId), 0)
		}
		return b
	}
	var q b64uri.Query
	if err := q.Unpack(build(b64uri.MaxParams)); err != nil || len(q.Params) != b64uri.MaxParams {
		t.Fatalf("%d parameters: %v", b64uri.MaxParams, err)
	}
	if _, err := q.AppendPack(nil); err != nil {
		t.Errorf("pack %d parameters: %v", b64uri.MaxParams, err)
	}
	in := build(b64uri.MaxParams + 1)
	err := q.Unpack(in)
	var e *b64uri.Error
	if !errors.As(err, &e) || !errors.Is(err, b64uri.ErrTooManyParams) || e.Offset != len(in)-2 || e.Field != b64uri.FieldParamTag {
		t.Errorf("%d parameters: %v", b64uri.MaxParams+1, err)
	}
	q.Params = append(q.Params, b64uri.Param{Tag: b64uri.ParamItemId})
	if _, err := q.AppendEncode(nil); !errors.Is(err, b64uri.ErrTooManyParams) {
		t.Errorf("pack %d parameters: %v", len(q.Params), err)
	}
	plain := []byte("Cmd=Sync&DeviceId=d&DeviceType=t" + strings.Repeat("&ItemId=1", b64uri.MaxParams))
	if err := q.ParsePlain(plain, b64uri.Headers{ProtocolVersion: "14.1"}); err != nil {
		t.Errorf("plain with %d parameters: %v", b64uri.MaxParams, err)
	}
	for _, extra := range []string{"&ItemId=1", "&SaveInSent=T"} {
		err := q.ParsePlain(append(plain, extra...), b64uri.Headers{ProtocolVersion: "14.1"})
		if !errors.As(err, &e) || !errors.Is(err, b64uri.ErrTooManyParams) || e.Offset != len(plain)+1 {
			t.Errorf("plain with one more (%s): %v", extra, err)
		}
	}
	if err := q.ParsePlain(plain, b64uri.Headers{ProtocolVersion: "14.1", AcceptMultiPart: "T"}); !errors.Is(err, b64uri.ErrTooManyParams) {
		t.Errorf("plain with %d parameters and AcceptMultiPart: %v", b64uri.MaxParams, err)
	}
	if got := err.Error(); !strings.Contains(got, "more than 64 parameters") {
		t.Errorf("message %q", got)
	}
}
