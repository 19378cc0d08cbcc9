package b64uri

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

// check reports what would make q's binary form invalid: an unknown
// command, a device id that is empty or longer than 255 bytes, a device
// type or parameter value longer than 255 bytes. Every Query that [Decoder]
// accepts passes, including unknown parameters and (lenient) odd Options
// lengths.
func (q *Query) check() error {
	if !q.Command.Known() {
		return &Error{Err: ErrUnknownCommand, Field: FieldCommand, Offset: -1, Value: int(q.Command), Remaining: -1}
	}
	if n := len(q.DeviceID); n == 0 || n > 255 {
		return &Error{Err: ErrDeviceIDLength, Field: FieldDeviceID, Offset: -1, Value: n, Remaining: -1}
	}
	if n := len(q.DeviceType); n > 255 {
		return &Error{Err: ErrDeviceTypeLength, Field: FieldDeviceType, Offset: -1, Value: n, Remaining: -1}
	}
	for _, p := range q.Params {
		if n := len(p.Value); n > 255 {
			return &Error{Err: ErrParamLength, Field: FieldParamValue, Offset: -1, Value: n, Remaining: -1, Tag: p.Tag}
		}
	}
	return nil
}

// AppendPack appends q's binary form to dst and returns the extended slice.
// It allocates only when dst lacks room. Parameters are written in the
// order of q.Params, unknown tags included, so that Unpack then AppendPack
// reproduces the input. The error, for a Query no decoder would produce
// (see [Error] with Offset -1), leaves dst unchanged.
func (q *Query) AppendPack(dst []byte) ([]byte, error) {
	if err := q.check(); err != nil {
		return dst, err
	}
	n := q.PackedLen()
	dst, out := grow(dst, n)
	q.put(out)
	return dst, nil
}

// AppendEncode appends q's base64 form (standard alphabet, padded) to dst
// and returns the extended slice. It allocates only when dst lacks room:
// the binary form is written at the end of the new space and encoded in
// place.
func (q *Query) AppendEncode(dst []byte) ([]byte, error) {
	if err := q.check(); err != nil {
		return dst, err
	}
	n := q.PackedLen()
	dst, out := grow(dst, encodedLen(n))
	q.put(out[len(out)-n:])
	encodeInPlace(out, n)
	return dst, nil
}

// grow extends dst by n bytes and returns it and the new part.
func grow(dst []byte, n int) ([]byte, []byte) {
	l := len(dst)
	if cap(dst)-l < n {
		bigger := make([]byte, l, 2*cap(dst)+n)
		copy(bigger, dst)
		dst = bigger
	}
	dst = dst[:l+n]
	return dst, dst[l:]
}

// put writes q's binary form into b, which is exactly PackedLen long.
func (q *Query) put(b []byte) {
	b[0] = q.Version.URIByte()
	b[1] = byte(q.Command)
	b[2] = byte(q.Locale)
	b[3] = byte(q.Locale >> 8)
	b[4] = byte(len(q.DeviceID))
	p := 5 + copy(b[5:], q.DeviceID)
	if q.HasPolicyKey {
		b[p] = 4
		b[p+1] = byte(q.PolicyKey)
		b[p+2] = byte(q.PolicyKey >> 8)
		b[p+3] = byte(q.PolicyKey >> 16)
		b[p+4] = byte(q.PolicyKey >> 24)
		p += 5
	} else {
		b[p] = 0
		p++
	}
	b[p] = byte(len(q.DeviceType))
	p += 1 + copy(b[p+1:], q.DeviceType)
	for _, prm := range q.Params {
		b[p] = byte(prm.Tag)
		b[p+1] = byte(len(prm.Value))
		p += 2 + copy(b[p+2:], prm.Value)
	}
}
