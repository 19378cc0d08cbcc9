package b64uri_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/easkit/easkit/b64uri"
)

// The tests of this file check what the doc comment of each exported type
// says its zero value is.

func TestZeroCommand(t *testing.T) {
	var c b64uri.Command
	if c != b64uri.CmdSync || !c.Known() || c.String() != "Sync" {
		t.Errorf("zero Command: %v (known %v), want CmdSync", c, c.Known())
	}
}

func TestZeroParamTag(t *testing.T) {
	var p b64uri.ParamTag
	if p != b64uri.ParamAttachmentName || !p.Known() || p.Legacy() || p.String() != "AttachmentName" {
		t.Errorf("zero ParamTag: %v (known %v, legacy %v), want ParamAttachmentName", p, p.Known(), p.Legacy())
	}
}

func TestZeroField(t *testing.T) {
	var f b64uri.Field
	if f.String() != "Field(0)" {
		t.Errorf("zero Field String() = %q, want Field(0)", f.String())
	}
	if f == b64uri.FieldText {
		t.Error("the zero Field is FieldText; it should name no part")
	}
}

func TestZeroError(t *testing.T) {
	var e b64uri.Error
	if e.Unwrap() != nil {
		t.Errorf("zero Error Unwrap() = %v, want nil", e.Unwrap())
	}
	if got := e.Error(); got != "b64uri: byte 0: error" {
		t.Errorf("zero Error reads %q, want %q", got, "b64uri: byte 0: error")
	}
}

func TestZeroHeaders(t *testing.T) {
	var h b64uri.Headers
	if h.ProtocolVersion != "" || h.PolicyKey != "" || h.AcceptMultiPart != "" {
		t.Fatalf("zero Headers %+v: want every header absent", h)
	}
	var q b64uri.Query
	err := q.ParsePlain([]byte("Cmd=Sync&DeviceId=d&DeviceType=PPC"), h)
	var e *b64uri.Error
	if !errors.Is(err, b64uri.ErrMissingParam) || !errors.As(err, &e) || e.Field != b64uri.FieldHeaderVersion {
		t.Errorf("ParsePlain with zero Headers: %v, want ErrMissingParam for MS-ASProtocolVersion", err)
	}
}

func TestZeroQuery(t *testing.T) {
	var q b64uri.Query
	if q.Version != 0 || q.Command != b64uri.CmdSync || q.DeviceID != nil || q.HasPolicyKey || len(q.Params) != 0 {
		t.Fatalf("zero Query %+v: want an empty query", q)
	}
	for name, f := range map[string]func() ([]byte, error){
		"AppendEncode": func() ([]byte, error) { return q.AppendEncode(nil) },
		"AppendPack":   func() ([]byte, error) { return q.AppendPack(nil) },
	} {
		if b, err := f(); !errors.Is(err, b64uri.ErrDeviceIDLength) || b != nil {
			t.Errorf("%s of the zero Query: %q, %v; want ErrDeviceIDLength", name, b, err)
		}
	}
	// Ready to build on: a device id is all it lacks.
	q.DeviceID = []byte("d")
	if b, err := q.AppendPack(nil); err != nil || !bytes.Equal(b, []byte{0, 0, 0, 0, 1, 'd', 0, 0}) {
		t.Errorf("AppendPack with a device id: % x, %v", b, err)
	}
	// Ready to decode into, with no constructor.
	var fresh b64uri.Query
	if err := fresh.Decode([]byte("jAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l")); err != nil || string(fresh.DeviceID) != "v140Device" {
		t.Errorf("Decode into the zero Query: %v, device id %q", err, fresh.DeviceID)
	}
}

func TestZeroParam(t *testing.T) {
	q := b64uri.Query{DeviceID: []byte("d"), Params: []b64uri.Param{{}}}
	b, err := q.AppendPack(nil)
	if err != nil || !bytes.HasSuffix(b, []byte{0, 0}) || len(b) != q.PackedLen() {
		t.Fatalf("AppendPack with a zero Param: % x, %v; want it to end 00 00", b, err)
	}
	var back b64uri.Query
	if err := back.Unpack(b); err != nil || len(back.Params) != 1 ||
		back.Params[0].Tag != b64uri.ParamAttachmentName || len(back.Params[0].Value) != 0 {
		t.Errorf("Unpack: %v, params %v; want one empty AttachmentName", err, back.Params)
	}
}

func TestZeroFlags(t *testing.T) {
	var f b64uri.Flags
	if f.String() != "0" || f&b64uri.SaveInSent != 0 || f&b64uri.AcceptMultiPart != 0 {
		t.Errorf("zero Flags %v: want no bit set", f)
	}
	q := b64uri.Query{Command: b64uri.CmdSendMail, DeviceID: []byte("d"), DeviceType: []byte("PPC")}
	q.SetOptions(f)
	if plain := string(q.AppendPlainQuery(nil)); !strings.Contains(plain, "SaveInSent=F") {
		t.Errorf("plain form with zero Options: %q, want SaveInSent=F", plain)
	}
}

func TestZeroDecoder(t *testing.T) {
	var d b64uri.Decoder
	if d != b64uri.NewDecoder() || d.Strictness() != b64uri.Strict {
		t.Errorf("zero Decoder: %v, want NewDecoder() (Strict)", d.Strictness())
	}
	// Strict, as Query.Decode is: the URL-safe alphabet is refused.
	var q b64uri.Query
	if err := d.Decode(&q, []byte(urlSafe)); !errors.Is(err, b64uri.ErrAlphabet) {
		t.Errorf("zero Decoder on URL-safe text: %v, want ErrAlphabet", err)
	}
	if err := d.Decode(&q, []byte(benchText)); err != nil {
		t.Errorf("zero Decoder on the standard alphabet: %v", err)
	}
}

func TestZeroOption(t *testing.T) {
	var o b64uri.Option
	if got := b64uri.NewDecoder(b64uri.WithStrictness(b64uri.Lenient), o); got.Strictness() != b64uri.Lenient {
		t.Errorf("a zero Option after Lenient gives %v, want Lenient (unchanged)", got.Strictness())
	}
	if got := b64uri.NewDecoder(o); got != (b64uri.Decoder{}) {
		t.Errorf("NewDecoder(zero Option) = %v, want the zero Decoder", got.Strictness())
	}
}

func TestZeroStrictness(t *testing.T) {
	var s b64uri.Strictness
	if s != b64uri.Strict || !s.Valid() || s.String() != "Strict" {
		t.Errorf("zero Strictness %v (valid %v), want Strict", s, s.Valid())
	}
}
