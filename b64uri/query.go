package b64uri

import (
	"strings"

	"github.com/easkit/easkit/version"
)

// Query is a decoded base64 request query ([MS-ASHTTP] 2.2.1.1.1.1): the
// fixed fields and the command parameters, in wire order.
//
// A Query is meant to be reused: [Query.Decode], [Query.Unpack] and
// [Query.ParsePlain] overwrite every field and keep the capacity of Params
// and of an internal buffer, so that in steady state they allocate nothing.
// The byte slices they set (DeviceID, DeviceType, Param values) point into
// that internal buffer (Decode, ParsePlain) or into the caller's bytes
// (Unpack); they stay valid until the next Decode, Unpack or ParsePlain on
// the same Query, or until the caller changes its bytes. Copy them (or use
// [Query.Clone]) to keep them longer. Treat them as read-only: some point
// into memory shared by all Queries.
//
// To build a query, set the fields directly and add parameters with
// [Query.SetParam] and [Query.SetOptions].
//
// The zero Query is ready to decode into and to build on; it needs no
// constructor. As a query it is empty: no version, the command [CmdSync],
// no device id, no parameters. It does not encode as it is: a device id
// is required, so [Query.AppendEncode] and [Query.AppendPack] fail with
// [ErrDeviceIDLength] until DeviceID is set.
type Query struct {
	// Version is the protocol version from the first byte. Any value
	// decodes; [AllowedVersion] tells whether the base64 form may carry it.
	Version version.Version

	// Command is the command code; only assigned codes decode.
	Command Command

	// Locale is the LCID of the response language, little-endian on the
	// wire (0x0409 is en-US).
	Locale uint16

	// DeviceID is the device id, 1 to 255 bytes: ASCII text, or a binary
	// GUID (usually 16 bytes).
	DeviceID []byte

	// PolicyKey is the policy key ([MS-ASPROV] 2.2.2.42), little-endian
	// unsigned on the wire; meaningful only when HasPolicyKey is set.
	PolicyKey    uint32
	HasPolicyKey bool

	// DeviceType is the device type ("SmartPhone", "WindowsMail"), 0 to
	// 255 bytes.
	DeviceType []byte

	// Params are the command parameters in wire order, including
	// parameters whose tag no revision defines (see [ParamTag.Known]).
	Params []Param

	buf []byte // backing store for Decode and ParsePlain
}

// Param is one command parameter: a tag and its value (0 to 255 bytes).
// The zero Param is a valid parameter: [ParamAttachmentName] with an empty
// value, packed as the two bytes 00 00.
type Param struct {
	Tag   ParamTag
	Value []byte
}

// Flags are the bits of the Options parameter. The zero Flags has no bit
// set; its String is "0", and as an Options value its plain form is
// SaveInSent=F.
type Flags uint8

// The Options bits ([MS-ASHTTP] 2.2.1.1.1.1.3).
const (
	// SaveInSent asks the server to keep a copy of the message in Sent
	// Items (SendMail, SmartForward, SmartReply). Plain form: SaveInSent=T.
	SaveInSent Flags = 0x01
	// AcceptMultiPart asks for the item in multipart form (ItemOperations).
	// Plain form: the MS-ASAcceptMultiPart: T header.
	AcceptMultiPart Flags = 0x02
)

// String lists the set bits: "SaveInSent|AcceptMultiPart", "0" for none,
// and unknown bits in hex ("SaveInSent|0x80").
func (f Flags) String() string {
	if f == 0 {
		return "0"
	}
	var b strings.Builder
	add := func(s string) {
		if b.Len() > 0 {
			b.WriteByte('|')
		}
		b.WriteString(s)
	}
	if f&SaveInSent != 0 {
		add("SaveInSent")
	}
	if f&AcceptMultiPart != 0 {
		add("AcceptMultiPart")
	}
	if rest := f &^ (SaveInSent | AcceptMultiPart); rest != 0 {
		add(string(appendHexByte(nil, byte(rest))))
	}
	return b.String()
}

// allowedVersions are the versions the base64 form is defined for.
var allowedVersions = [...]version.Version{version.V12_1, version.V14_0, version.V14_1, version.V16_0, version.V16_1}

// AllowedVersion reports whether the base64 form may carry v: 12.1, 14.0,
// 14.1, 16.0 or 16.1. Clients that speak 2.5 or 12.0 MUST use the plain
// form. Decoding accepts any version byte; this is for callers who want to
// flag the others.
func AllowedVersion(v version.Version) bool {
	for _, a := range allowedVersions {
		if a == v {
			return true
		}
	}
	return false
}

// byteValues backs the one-byte Options values that SetOptions and
// ParsePlain store, so that they need no allocation.
var byteValues = func() (t [256]byte) {
	for i := range t {
		t[i] = byte(i)
	}
	return t
}()

// Reset clears q for reuse, keeping its buffers.
func (q *Query) Reset() {
	*q = Query{Params: q.Params[:0], buf: q.buf[:0]}
}

// Param returns the value of the first parameter with tag t.
func (q *Query) Param(t ParamTag) ([]byte, bool) {
	for _, p := range q.Params {
		if p.Tag == t {
			return p.Value, true
		}
	}
	return nil, false
}

// SetParam sets the value of the first parameter with tag t, or appends
// one. q keeps value itself, not a copy.
func (q *Query) SetParam(t ParamTag, value []byte) {
	for i := range q.Params {
		if q.Params[i].Tag == t {
			q.Params[i].Value = value
			return
		}
	}
	q.Params = append(q.Params, Param{Tag: t, Value: value})
}

// DeleteParam removes every parameter with tag t.
func (q *Query) DeleteParam(t ParamTag) {
	out := q.Params[:0]
	for _, p := range q.Params {
		if p.Tag != t {
			out = append(out, p)
		}
	}
	clear(q.Params[len(out):])
	q.Params = out
}

// Options returns the flags of the first Options parameter, and whether
// there is one. An Options value that is not one byte long (accepted only
// in lenient mode) counts its first byte, or 0 when empty.
func (q *Query) Options() (Flags, bool) {
	v, ok := q.Param(ParamOptions)
	return flagsOf(v), ok
}

// SetOptions sets the Options parameter to f (adding it if needed).
func (q *Query) SetOptions(f Flags) {
	q.SetParam(ParamOptions, byteValues[f:f+1])
}

// HasUnknownParams reports whether any parameter has a tag that no
// revision of [MS-ASHTTP] defines. Such parameters are kept, re-encoded by
// [Query.AppendPack], and left out of the plain form.
func (q *Query) HasUnknownParams() bool {
	for _, p := range q.Params {
		if !p.Tag.Known() {
			return true
		}
	}
	return false
}

// Clone returns a deep copy of q whose slices share nothing with q.
func (q *Query) Clone() *Query {
	c := &Query{
		Version: q.Version, Command: q.Command, Locale: q.Locale,
		PolicyKey: q.PolicyKey, HasPolicyKey: q.HasPolicyKey,
	}
	n := len(q.DeviceID) + len(q.DeviceType)
	for _, p := range q.Params {
		n += len(p.Value)
	}
	c.buf = make([]byte, 0, n)
	keep := func(b []byte) []byte {
		if b == nil {
			return nil
		}
		start := len(c.buf)
		c.buf = append(c.buf, b...)
		return c.buf[start:len(c.buf):len(c.buf)]
	}
	c.DeviceID = keep(q.DeviceID)
	c.DeviceType = keep(q.DeviceType)
	if q.Params != nil {
		c.Params = make([]Param, len(q.Params))
		for i, p := range q.Params {
			c.Params[i] = Param{Tag: p.Tag, Value: keep(p.Value)}
		}
	}
	return c
}

// isPrintable reports whether every byte of b is printable ASCII
// (0x20–0x7E): such a device id is shown as text, any other in hex.
func isPrintable(b []byte) bool {
	for _, c := range b {
		if c < 0x20 || c > 0x7e {
			return false
		}
	}
	return true
}
