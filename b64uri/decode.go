package b64uri

import "github.com/easkit/easkit/version"

// minLen is the number of fixed bytes: version, command, locale (2), and
// the device id, policy key and device type length bytes.
const minLen = 7

// MaxParams is the most command parameters a query may carry. The spec
// defines 7 tags (9 with the legacy ones) and real queries carry at most a
// handful; the limit bounds the memory a hostile query can make a decoder
// hold.
const MaxParams = 64

// Decoder holds decoding options. The zero Decoder is strict, as the spec
// is; [Query.Decode] and [Query.Unpack] use it.
type Decoder struct {
	// Lenient accepts what real clients and servers get wrong, and nothing
	// that would change the meaning of a valid query:
	//   - the URL-safe alphabet ('-' for '+', '_' for '/');
	//   - percent-escapes (%2B, %2F, %3D, or any %XX naming an alphabet
	//     character), for a query copied from a URL;
	//   - a space for '+' (what a form-decoding server makes of '+');
	//   - a policy key length other than 0 or 4: the declared bytes are
	//     skipped and the query has no policy key;
	//   - an Options parameter that is not one byte long.
	Lenient bool
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
	b, err := decodeBase64(q.buf[:0], text, d.Lenient)
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
		return &Error{Err: ErrTruncated, Field: FieldFixed, Offset: 0, Value: len(b), Remaining: -1}
	}
	q.Version = version.FromURIByte(b[0])
	q.Command = Command(b[1])
	if !q.Command.Known() {
		return &Error{Err: ErrUnknownCommand, Field: FieldCommand, Offset: 1, Value: int(b[1]), Remaining: -1}
	}
	q.Locale = uint16(b[2]) | uint16(b[3])<<8

	p := 4
	n := int(b[p])
	rest := len(b) - p - 1
	if n == 0 || n > rest {
		return &Error{Err: ErrDeviceIDLength, Field: FieldDeviceIDLength, Offset: p, Value: n, Remaining: rest}
	}
	q.DeviceID = b[p+1 : p+1+n : p+1+n]
	p += 1 + n

	if p >= len(b) {
		return &Error{Err: ErrTruncated, Field: FieldPolicyKeyLength, Offset: p, Value: -1, Remaining: -1}
	}
	n = int(b[p])
	rest = len(b) - p - 1
	switch {
	case n > rest && (n == 4 || d.Lenient):
		return &Error{Err: ErrPolicyKeyLength, Field: FieldPolicyKeyLength, Offset: p, Value: n, Remaining: rest}
	case n == 4:
		k := b[p+1:]
		q.PolicyKey = uint32(k[0]) | uint32(k[1])<<8 | uint32(k[2])<<16 | uint32(k[3])<<24
		q.HasPolicyKey = true
	case n != 0 && !d.Lenient:
		return &Error{Err: ErrPolicyKeyLength, Field: FieldPolicyKeyLength, Offset: p, Value: n, Remaining: -1}
	}
	p += 1 + n

	if p >= len(b) {
		return &Error{Err: ErrTruncated, Field: FieldDeviceTypeLength, Offset: p, Value: -1, Remaining: -1}
	}
	n = int(b[p])
	rest = len(b) - p - 1
	if n > rest {
		return &Error{Err: ErrDeviceTypeLength, Field: FieldDeviceTypeLength, Offset: p, Value: n, Remaining: rest}
	}
	q.DeviceType = b[p+1 : p+1+n : p+1+n]
	p += 1 + n

	for p < len(b) {
		tag := ParamTag(b[p])
		if p+1 == len(b) {
			return &Error{Err: ErrTruncated, Field: FieldParamLength, Offset: p, Value: int(tag), Remaining: -1, Tag: tag}
		}
		n = int(b[p+1])
		rest = len(b) - p - 2
		if n > rest {
			return &Error{Err: ErrParamLength, Field: FieldParamLength, Offset: p + 1, Value: n, Remaining: rest, Tag: tag}
		}
		if len(q.Params) == MaxParams {
			return &Error{Err: ErrTooManyParams, Field: FieldParamTag, Offset: p, Value: MaxParams + 1, Remaining: -1, Tag: tag}
		}
		if tag == ParamOptions && n != 1 && !d.Lenient {
			return &Error{Err: ErrOptionsLength, Field: FieldParamLength, Offset: p + 1, Value: n, Remaining: -1, Tag: tag}
		}
		q.Params = append(q.Params, Param{Tag: tag, Value: b[p+2 : p+2+n : p+2+n]})
		p += 2 + n
	}
	return nil
}

// Decode decodes base64 text strictly; see [Decoder.Decode].
func (q *Query) Decode(text []byte) error { return Decoder{}.Decode(q, text) }

// Unpack decodes the bytes of a request query strictly; see
// [Decoder.Unpack].
func (q *Query) Unpack(b []byte) error { return Decoder{}.Unpack(q, b) }
