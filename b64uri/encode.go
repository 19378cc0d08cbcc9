package b64uri

import "slices"

// PackedLen returns the length of q's binary form.
func (q *Query) PackedLen() int {
	n := minLen + len(q.DeviceID) + len(q.DeviceType)
	if q.HasPolicyKey {
		n += 4
	}
	for _, p := range q.Params {
		n += 2 + len(p.Value)
	}
	return n
}

// EncodedLen returns the length of q's base64 form (padded).
func (q *Query) EncodedLen() int { return encodedLen(q.PackedLen()) }

// packedLen returns the length of q's binary form, or the error for what
// would make it invalid: an unknown command, a device id that is empty or
// longer than 255 bytes, a device type or parameter value longer than 255
// bytes, more than MaxParams parameters. Every Query that [Decoder]
// accepts passes, including unknown parameters and (lenient) odd Options
// lengths.
func (q *Query) packedLen() (int, error) {
	if !q.Command.Known() {
		return 0, &Error{Err: ErrUnknownCommand, Field: FieldCommand, Offset: -1, Value: int(q.Command), Remaining: -1}
	}
	id, typ := len(q.DeviceID), len(q.DeviceType)
	if id == 0 || id > 255 {
		return 0, &Error{Err: ErrDeviceIDLength, Field: FieldDeviceID, Offset: -1, Value: id, Remaining: -1}
	}
	if typ > 255 {
		return 0, &Error{Err: ErrDeviceTypeLength, Field: FieldDeviceType, Offset: -1, Value: typ, Remaining: -1}
	}
	if len(q.Params) > MaxParams {
		return 0, &Error{Err: ErrTooManyParams, Field: FieldParamTag, Offset: -1, Value: len(q.Params), Remaining: -1}
	}
	n := minLen + id + typ
	if q.HasPolicyKey {
		n += 4
	}
	for i := range q.Params {
		p := &q.Params[i]
		v := len(p.Value)
		if v > 255 {
			return 0, &Error{Err: ErrParamLength, Field: FieldParamValue, Offset: -1, Value: v, Remaining: -1, Tag: p.Tag}
		}
		n += 2 + v
	}
	return n, nil
}

// AppendPack appends q's binary form to dst and returns the extended slice.
// It allocates only when dst lacks room. Parameters are written in the
// order of q.Params, unknown tags included, so that Unpack then AppendPack
// reproduces the input. The error, for a Query no decoder would produce
// (see [Error] with Offset -1), leaves dst unchanged.
func (q *Query) AppendPack(dst []byte) ([]byte, error) {
	n, err := q.packedLen()
	if err != nil {
		return dst, err
	}
	return q.appendPacked(slices.Grow(dst, n)), nil
}

// AppendEncode appends q's base64 form (standard alphabet, padded) to dst
// and returns the extended slice. It allocates only when dst lacks room:
// the binary form is written at the end of the new space and encoded in
// place.
func (q *Query) AppendEncode(dst []byte) ([]byte, error) {
	n, err := q.packedLen()
	if err != nil {
		return dst, err
	}
	m := encodedLen(n)
	dst = slices.Grow(dst, m)
	l := len(dst)
	dst = dst[:l+m]
	out := dst[l:]
	q.appendPacked(out[m-n : m-n])
	encodeInPlace(out, n)
	return dst, nil
}

// appendPacked appends q's binary form to dst, which has room for it.
func (q *Query) appendPacked(dst []byte) []byte {
	dst = append(dst, q.Version.URIByte(), byte(q.Command), byte(q.Locale), byte(q.Locale>>8), byte(len(q.DeviceID)))
	dst = append(dst, q.DeviceID...)
	if q.HasPolicyKey {
		k := q.PolicyKey
		dst = append(dst, 4, byte(k), byte(k>>8), byte(k>>16), byte(k>>24))
	} else {
		dst = append(dst, 0)
	}
	dst = append(dst, byte(len(q.DeviceType)))
	dst = append(dst, q.DeviceType...)
	for _, p := range q.Params {
		dst = append(dst, byte(p.Tag), byte(len(p.Value)))
		dst = append(dst, p.Value...)
	}
	return dst
}
