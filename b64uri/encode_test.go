package b64uri_test

import (
	"bytes"
	"encoding/base64"
	"errors"
	"strings"
	"testing"

	"github.com/easkit/easkit/b64uri"
	"github.com/easkit/easkit/version"
)

func TestBuildAndEncode(t *testing.T) {
	// The Horde SmartForward request, built field by field.
	q := b64uri.Query{
		Version:      version.V12_1,
		Command:      b64uri.CmdSmartForward,
		Locale:       0x0409,
		DeviceID:     []byte{0xae, 0x4e, 0xcd, 0x19, 0xf5, 0x92, 0xba, 0x56, 0x57, 0x70, 0x6f, 0xf7, 0x4c, 0xf0, 0x9b, 0xac},
		PolicyKey:    2216451701,
		HasPolicyKey: true,
		DeviceType:   []byte("PPC"),
	}
	q.SetOptions(b64uri.SaveInSent)
	q.SetParam(b64uri.ParamItemId, []byte("119281"))
	q.SetParam(b64uri.ParamCollectionId, []byte("INBOX"))
	const want = "eQIJBBCuTs0Z9ZK6Vldwb/dM8JusBHVeHIQDUFBDBwEBAwYxMTkyODEBBUlOQk9Y"
	got, err := q.AppendEncode([]byte("?"))
	if err != nil || string(got) != "?"+want {
		t.Fatalf("AppendEncode = %q, %v; want ?%s", got, err, want)
	}
	if q.EncodedLen() != len(want) || q.PackedLen() != base64.StdEncoding.DecodedLen(len(want)) {
		t.Errorf("EncodedLen %d PackedLen %d", q.EncodedLen(), q.PackedLen())
	}
}

// Every length mod 3, appended after existing bytes, with and without room
// in dst, against encoding/base64.
func TestAppendEncodeLengths(t *testing.T) {
	for n := 1; n <= 40; n++ {
		q := b64uri.Query{Version: version.V14_1, Command: b64uri.CmdPing, Locale: 0xfffe,
			DeviceID: bytes.Repeat([]byte{0xfb}, n), DeviceType: []byte("T")}
		raw, err := q.AppendPack(nil)
		if err != nil {
			t.Fatal(err)
		}
		want := "prefix" + base64.StdEncoding.EncodeToString(raw)
		for _, room := range []int{0, 1000} {
			dst := append(make([]byte, 0, len("prefix")+room), "prefix"...)
			got, err := q.AppendEncode(dst)
			if err != nil || string(got) != want {
				t.Fatalf("n=%d room=%d: AppendEncode = %s, want %s", n, room, got, want)
			}
		}
		var back b64uri.Query
		if err := back.Decode([]byte(want[len("prefix"):])); err != nil || !bytes.Equal(back.DeviceID, q.DeviceID) || back.Locale != 0xfffe {
			t.Fatalf("n=%d: decode back: %v", n, err)
		}
	}
}

func TestPackErrors(t *testing.T) {
	long := bytes.Repeat([]byte("x"), 256)
	base := func() b64uri.Query {
		return b64uri.Query{Version: version.V14_0, Command: b64uri.CmdSync, DeviceID: []byte("d"), DeviceType: []byte("t")}
	}
	tests := []struct {
		name   string
		modify func(q *b64uri.Query)
		err    error
		value  int
	}{
		{"unknown command", func(q *b64uri.Query) { q.Command = 7 }, b64uri.ErrUnknownCommand, 7},
		{"empty device id", func(q *b64uri.Query) { q.DeviceID = nil }, b64uri.ErrDeviceIDLength, 0},
		{"long device id", func(q *b64uri.Query) { q.DeviceID = long }, b64uri.ErrDeviceIDLength, 256},
		{"long device type", func(q *b64uri.Query) { q.DeviceType = long }, b64uri.ErrDeviceTypeLength, 256},
		{"long parameter", func(q *b64uri.Query) { q.SetParam(b64uri.ParamItemId, long) }, b64uri.ErrParamLength, 256},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := base()
			tt.modify(&q)
			for _, f := range []func([]byte) ([]byte, error){q.AppendPack, q.AppendEncode} {
				dst := []byte("keep")
				got, err := f(dst)
				var e *b64uri.Error
				if !errors.As(err, &e) || !errors.Is(err, tt.err) || e.Offset != -1 || e.Value != tt.value {
					t.Errorf("error %v, want %v with value %d and offset -1", err, tt.err, tt.value)
				}
				if string(got) != "keep" {
					t.Errorf("dst changed to %q", got)
				}
				if strings.Contains(err.Error(), "byte -1") {
					t.Errorf("message %q shows the offset", err)
				}
			}
		})
	}
	// 255 bytes is the limit, not an error.
	q := base()
	q.DeviceID, q.DeviceType = long[:255], long[:255]
	q.SetParam(b64uri.ParamLongId, long[:255])
	if _, err := q.AppendEncode(nil); err != nil {
		t.Errorf("255-byte fields: %v", err)
	}
}

func TestParamHelpers(t *testing.T) {
	var q b64uri.Query
	q.SetParam(b64uri.ParamUser, []byte("a"))
	q.SetParam(b64uri.ParamItemId, []byte("1"))
	q.Params = append(q.Params, b64uri.Param{Tag: b64uri.ParamUser, Value: []byte("b")})
	q.SetParam(b64uri.ParamUser, []byte("c"))
	if v, ok := q.Param(b64uri.ParamUser); !ok || string(v) != "c" || len(q.Params) != 3 {
		t.Errorf("SetParam replaced the wrong parameter: %v", q.Params)
	}
	q.DeleteParam(b64uri.ParamUser)
	if _, ok := q.Param(b64uri.ParamUser); ok || len(q.Params) != 1 {
		t.Errorf("DeleteParam left %v", q.Params)
	}
	if _, ok := q.Options(); ok {
		t.Error("Options present")
	}
	q.SetOptions(b64uri.AcceptMultiPart)
	q.SetOptions(b64uri.SaveInSent | b64uri.AcceptMultiPart)
	if f, ok := q.Options(); !ok || f != 3 || len(q.Params) != 2 {
		t.Errorf("Options = %v, %v; params %v", f, ok, q.Params)
	}

	// Clone shares nothing.
	q.DeviceID, q.DeviceType = []byte("id"), []byte("ty")
	c := q.Clone()
	q.DeviceID[0], q.Params[0].Value[0] = 'X', 'X'
	if string(c.DeviceID) != "id" || string(c.Params[0].Value) != "1" || string(c.DeviceType) != "ty" {
		t.Errorf("Clone shares memory: %+v", c)
	}
	q.DeviceID[0], q.Params[0].Value[0] = 'i', '1'
	a, _ := q.AppendPack(nil)
	b, _ := c.AppendPack(nil)
	if !bytes.Equal(a, b) {
		t.Errorf("clone packs %x, original %x", b, a)
	}

	q.Reset()
	if q.Params == nil || len(q.Params) != 0 || q.DeviceID != nil || q.Version != 0 {
		t.Errorf("Reset left %+v", q)
	}
}
