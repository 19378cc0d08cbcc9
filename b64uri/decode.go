package b64uri

import (
	"encoding/binary"

	"github.com/easkit/easkit/version"
)

// minLen is the number of fixed bytes: version, command, locale (2), and
// the device id, policy key and device type length bytes.
const minLen = 7

// MaxParams is the most command parameters a query may carry. The spec
// defines 7 tags (9 with the legacy ones) and real queries carry at most a
// handful; the limit bounds the memory a hostile query can make a decoder
// hold.
const MaxParams = 64

// Decoder decodes request queries with the settings of its [Option]s;
// make one with [NewDecoder]. A Decoder is a small value with no state
// of its own: copy it freely and use it from any number of goroutines
// (each with its own Query). The zero Decoder is ready to use and
// [Strict], as NewDecoder() with no options is; [Query.Decode] and
// [Query.Unpack] use it.
type Decoder struct {
	lenient bool // Lenient rather than Strict
}

// NewDecoder returns a Decoder with the given options applied in order
// over the defaults ([Strict]). It allocates nothing.
func NewDecoder(opts ...Option) Decoder {
	var d Decoder
	for _, o := range opts {
		switch o.kind {
		case optStrictness:
			d.lenient = o.strictness == Lenient
		}
	}
	return d
}

// Strictness returns the Decoder's setting: [Strict] or [Lenient].
func (d Decoder) Strictness() Strictness {
	if d.lenient {
		return Lenient
	}
	return Strict
}

// Decode decodes the base64 text of a request query (the part after '?')
// into q. Padding is optional. See [Query] for how long the slices it sets
// stay valid. Errors are [*Error] values: character offsets in text for the
// base64 layer, byte offsets in the decoded bytes after it. On error, q
// holds whatever was decoded before the problem.
func (d Decoder) Decode(q *Query, text []byte) error {
	if need := decodedMaxLen(len(text)); cap(q.buf) < need {
		q.buf = make([]byte, 0, need)
	}
	b, err := decodeBase64(q.buf[:0], text, d.lenient)
	if err != nil {
		return err
	}
	q.buf = b
	return d.Unpack(q, b)
}

// Unpack decodes the bytes of a request query (after base64 decoding) into
// q. The slices it sets point into b.
func (d Decoder) Unpack(q *Query, b []byte) error {
	q.Params = q.Params[:0]
	q.DeviceID, q.DeviceType = nil, nil
	q.PolicyKey, q.HasPolicyKey = 0, false
	if len(b) < minLen {
		return bytesError(ErrTruncated, FieldFixed, 0, len(b), -1, 0)
	}
	q.Version = version.FromURIByte(b[0])
	q.Command = Command(b[1])
	if !q.Command.Known() {
		return bytesError(ErrUnknownCommand, FieldCommand, 1, int(b[1]), -1, 0)
	}
	q.Locale = uint16(b[2]) | uint16(b[3])<<8

	p := 4
	n := int(b[p])
	rest := len(b) - p - 1
	if n == 0 || n > rest {
		return bytesError(ErrDeviceIDLength, FieldDeviceIDLength, p, n, rest, 0)
	}
	q.DeviceID = b[p+1 : p+1+n : p+1+n]
	p += 1 + n

	if p >= len(b) {
		return bytesError(ErrTruncated, FieldPolicyKeyLength, p, -1, -1, 0)
	}
	n = int(b[p])
	rest = len(b) - p - 1
	switch {
	case n > rest && (n == 4 || d.lenient):
		return bytesError(ErrPolicyKeyLength, FieldPolicyKeyLength, p, n, rest, 0)
	case n == 4:
		q.PolicyKey = binary.LittleEndian.Uint32(b[p+1:])
		q.HasPolicyKey = true
	case n != 0 && !d.lenient:
		return bytesError(ErrPolicyKeyLength, FieldPolicyKeyLength, p, n, -1, 0)
	}
	p += 1 + n

	if p >= len(b) {
		return bytesError(ErrTruncated, FieldDeviceTypeLength, p, -1, -1, 0)
	}
	n = int(b[p])
	rest = len(b) - p - 1
	if n > rest {
		return bytesError(ErrDeviceTypeLength, FieldDeviceTypeLength, p, n, rest, 0)
	}
	q.DeviceType = b[p+1 : p+1+n : p+1+n]
	p += 1 + n

	// The parameters go to a local slice, stored back once (and before
	// each error, so that q keeps what was decoded).
	ps := q.Params
	for p < len(b) {
		tag := ParamTag(b[p])
		if p+1 == len(b) {
			q.Params = ps
			return bytesError(ErrTruncated, FieldParamLength, p, int(tag), -1, tag)
		}
		n = int(b[p+1])
		rest = len(b) - p - 2
		switch {
		case n > rest:
			q.Params = ps
			return bytesError(ErrParamLength, FieldParamLength, p+1, n, rest, tag)
		case len(ps) == MaxParams:
			q.Params = ps
			return bytesError(ErrTooManyParams, FieldParamTag, p, MaxParams+1, -1, tag)
		case tag == ParamOptions && n != 1 && !d.lenient:
			q.Params = ps
			return bytesError(ErrOptionsLength, FieldParamLength, p+1, n, -1, tag)
		}
		ps = append(ps, Param{Tag: tag, Value: b[p+2 : p+2+n : p+2+n]})
		p += 2 + n
	}
	q.Params = ps
	return nil
}

// bytesError returns the error for a problem at byte offset at of the
// decoded bytes. It is kept out of line so that the values it needs are
// only computed, not kept in memory, on the paths that do not fail.
//
//go:noinline
func bytesError(err error, f Field, at, value, remaining int, tag ParamTag) error {
	return &Error{Err: err, Field: f, Offset: at, Value: value, Remaining: remaining, Tag: tag}
}

// Decode decodes base64 text strictly; see [Decoder.Decode].
func (q *Query) Decode(text []byte) error { return Decoder{}.Decode(q, text) }

// Unpack decodes the bytes of a request query strictly; see
// [Decoder.Unpack].
func (q *Query) Unpack(b []byte) error { return Decoder{}.Unpack(q, b) }
