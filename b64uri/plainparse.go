package b64uri

import (
	"bytes"
	"strings"
	"unicode"

	"github.com/easkit/easkit/version"
)

// ParsePlain fills q from a plain query string (without the '?') and the
// values of its request headers, so that [Query.AppendEncode] can produce
// the base64 form. It is the inverse of [Query.AppendPlainQuery] and
// [Query.Headers]:
//   - Cmd names a command that has a base64 code (the legacy plain-only
//     commands such as GetHierarchy have none); Cmd, DeviceId and
//     DeviceType are required and may appear once.
//   - Names are matched without regard to case. Items may come in any
//     order; empty items are ignored. User and the command parameters
//     (AttachmentName, CollectionId, CollectionName, ItemId, LongId,
//     ParentId, Occurrence) become parameters in query order, with the
//     first User moved to the front; SaveInSent (T or F) and the
//     MS-ASAcceptMultiPart header (T or F) become one Options parameter,
//     where SaveInSent stands, or last when only the header sets it.
//   - User, DeviceId and DeviceType are percent-decoded ('+' is a space).
//     Command parameter values keep an escape of a character that needs no
//     escaping as written ("5%3a1%3a0" stays so) and decode the others.
//   - A DeviceId of exactly 32 upper-case hex digits, or of more than 255
//     (too long for text), whose bytes are not all printable ASCII is a
//     binary id (the form AppendPlainQuery gives binary GUIDs); any other
//     DeviceId is text. Two kinds of id do not survive Query → plain →
//     Query: a 32-character text id made of upper-case hex digits that
//     spell unprintable bytes comes back as those 16 bytes, and a binary id
//     of 1 to 127 bytes other than 16 comes back as the text of its hex
//     digits. Exchange names a device by the hex of a binary id, so it
//     treats both results as the same device.
//   - h.ProtocolVersion is required ("0.0" stands for the zero byte);
//     h.PolicyKey, when not empty, is an unsigned 32-bit decimal.
//
// Values longer than 255 bytes are an error, as is anything that does not
// parse; errors are [*Error] values with the character offset in query (or
// in the header value, see Field). The slices q gets point into its own
// buffer; the locale is left 0.
func (q *Query) ParsePlain(query []byte, h Headers) error {
	q.Reset()
	if cap(q.buf) < len(query) {
		q.buf = make([]byte, 0, len(query))
	}
	// Every decoded value is at most as long as its text, so appends to
	// q.buf never reallocate and earlier values stay in place.
	var haveCmd, haveID, haveType, haveSave bool
	var flags Flags
	users, optionsAt := 0, 0
	for i := 0; i <= len(query); {
		end := i
		for end < len(query) && query[end] != '&' {
			end++
		}
		item := query[i:end]
		at := i
		i = end + 1
		if len(item) == 0 {
			continue
		}
		eq := bytes.IndexByte(item, '=')
		if eq < 0 {
			return &Error{Err: ErrPlainSyntax, Field: FieldPlainQuery, Offset: at, InText: true, Value: -1, Remaining: -1, Name: string(item)}
		}
		name, raw := item[:eq], item[eq+1:]
		vat := at + eq + 1
		switch {
		case equalFold(name, "Cmd"):
			if haveCmd {
				return dupError(at, "Cmd")
			}
			haveCmd = true
			c, ok := commandByFold(raw)
			if !ok {
				return &Error{Err: ErrUnknownCommand, Field: FieldPlainQuery, Offset: vat, InText: true, Value: -1, Remaining: -1, Name: string(raw)}
			}
			q.Command = c
		case equalFold(name, "DeviceId"):
			if haveID {
				return dupError(at, "DeviceId")
			}
			haveID = true
			v, err := q.decodeValue(raw, vat, false)
			if err != nil {
				return err
			}
			v = binaryDeviceID(v)
			if len(v) == 0 || len(v) > 255 {
				return &Error{Err: ErrDeviceIDLength, Field: FieldPlainQuery, Offset: vat, InText: true, Value: len(v), Remaining: -1}
			}
			q.DeviceID = v
		case equalFold(name, "DeviceType"):
			if haveType {
				return dupError(at, "DeviceType")
			}
			haveType = true
			v, err := q.decodeValue(raw, vat, false)
			if err != nil {
				return err
			}
			if len(v) > 255 {
				return &Error{Err: ErrDeviceTypeLength, Field: FieldPlainQuery, Offset: vat, InText: true, Value: len(v), Remaining: -1}
			}
			q.DeviceType = v
		case equalFold(name, "SaveInSent"):
			if haveSave {
				return dupError(at, "SaveInSent")
			}
			haveSave = true
			switch {
			case equalFold(raw, "T"):
				flags |= SaveInSent
			case equalFold(raw, "F"):
			default:
				return &Error{Err: ErrHeaderValue, Field: FieldPlainQuery, Offset: vat, InText: true, Value: -1, Remaining: -1, Name: "SaveInSent"}
			}
			// The Options parameter takes SaveInSent's place; its value
			// is set once the headers are read.
			if len(q.Params) == MaxParams {
				return &Error{Err: ErrTooManyParams, Field: FieldPlainQuery, Offset: at, InText: true, Value: MaxParams + 1, Remaining: -1, Tag: ParamOptions}
			}
			optionsAt = len(q.Params)
			q.Params = append(q.Params, Param{Tag: ParamOptions})
		default:
			tag, ok := paramByFold(name)
			if !ok || tag == ParamOptions {
				return &Error{Err: ErrUnknownParam, Field: FieldPlainQuery, Offset: at, InText: true, Value: -1, Remaining: -1, Name: string(name)}
			}
			v, err := q.decodeValue(raw, vat, tag != ParamUser)
			if err != nil {
				return err
			}
			if len(v) > 255 {
				return &Error{Err: ErrParamLength, Field: FieldPlainQuery, Offset: vat, InText: true, Value: len(v), Remaining: -1, Tag: tag}
			}
			if len(q.Params) == MaxParams {
				return &Error{Err: ErrTooManyParams, Field: FieldPlainQuery, Offset: at, InText: true, Value: MaxParams + 1, Remaining: -1, Tag: tag}
			}
			q.Params = append(q.Params, Param{Tag: tag, Value: v})
			if tag == ParamUser {
				if users == 0 && len(q.Params) > 1 {
					last := len(q.Params) - 1
					copy(q.Params[1:], q.Params[:last])
					q.Params[0] = Param{Tag: ParamUser, Value: v}
				}
				users++
			}
		}
	}
	switch {
	case !haveCmd:
		return missingError("Cmd")
	case !haveID:
		return missingError("DeviceId")
	case !haveType:
		return missingError("DeviceType")
	}
	amp, lead := trimHeader(h.AcceptMultiPart)
	switch {
	case strings.EqualFold(amp, "T"):
		flags |= AcceptMultiPart
	case amp == "" || strings.EqualFold(amp, "F"):
	default:
		return &Error{Err: ErrHeaderValue, Field: FieldHeaderAcceptMultiPart, Offset: lead, InText: true, Value: -1, Remaining: -1, Name: HeaderAcceptMultiPart}
	}
	switch {
	case haveSave:
		q.Params[optionsAt].Value = byteValues[flags : flags+1]
	case flags != 0:
		if len(q.Params) == MaxParams {
			return &Error{Err: ErrTooManyParams, Field: FieldHeaderAcceptMultiPart, Offset: 0, InText: true, Value: MaxParams + 1, Remaining: -1, Tag: ParamOptions}
		}
		q.Params = append(q.Params, Param{Tag: ParamOptions, Value: byteValues[flags : flags+1]})
	}
	if err := q.parseVersionHeader(h.ProtocolVersion); err != nil {
		return err
	}
	return q.parsePolicyKeyHeader(h.PolicyKey)
}

// trimHeader returns a header value without the spaces around it, and
// how many bytes it dropped in front: error offsets count in the value as
// given.
func trimHeader(s string) (string, int) {
	t := strings.TrimSpace(s)
	return t, len(s) - len(strings.TrimLeftFunc(s, unicode.IsSpace))
}

func (q *Query) parseVersionHeader(s string) error {
	s, lead := trimHeader(s)
	switch s {
	case "":
		return &Error{Err: ErrMissingParam, Field: FieldHeaderVersion, Offset: 0, InText: true, Value: -1, Remaining: -1, Name: HeaderProtocolVersion + " header"}
	case "0.0":
		q.Version = 0
		return nil
	}
	v, err := version.Parse(s)
	if err != nil {
		off := lead
		if pe, ok := err.(*version.ParseError); ok {
			off += pe.Offset
		}
		return &Error{Err: ErrHeaderValue, Field: FieldHeaderVersion, Offset: off, InText: true, Value: -1, Remaining: -1, Name: HeaderProtocolVersion}
	}
	q.Version = v
	return nil
}

func (q *Query) parsePolicyKeyHeader(s string) error {
	s, lead := trimHeader(s)
	if s == "" {
		return nil
	}
	var k uint64
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return &Error{Err: ErrHeaderValue, Field: FieldHeaderPolicyKey, Offset: lead + i, InText: true, Value: int(c), Remaining: -1, Name: HeaderPolicyKey}
		}
		k = k*10 + uint64(c-'0')
		if k > 1<<32-1 {
			return &Error{Err: ErrHeaderValue, Field: FieldHeaderPolicyKey, Offset: lead + i, InText: true, Value: int(c), Remaining: -1, Name: HeaderPolicyKey}
		}
	}
	q.PolicyKey, q.HasPolicyKey = uint32(k), true
	return nil
}

// decodeValue percent-decodes raw (which starts at offset at in the query)
// onto q.buf and returns the decoded bytes. '+' is a space. With verbatim
// set, an escape naming a literal byte is kept as written.
func (q *Query) decodeValue(raw []byte, at int, verbatim bool) ([]byte, error) {
	start := len(q.buf)
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch c {
		case '+':
			c = ' '
		case '%':
			d, ok := unhex2(raw, i+1)
			if !ok {
				return nil, &Error{Err: ErrPlainSyntax, Field: FieldPlainQuery, Offset: at + i, InText: true, Value: '%', Remaining: -1}
			}
			if verbatim && literal[d] {
				q.buf = append(q.buf, raw[i:i+3]...)
				i += 2
				continue
			}
			c = d
			i += 2
		}
		q.buf = append(q.buf, c)
	}
	return q.buf[start:len(q.buf):len(q.buf)], nil
}

// binaryDeviceID turns a DeviceId of upper-case hex digits back into the
// binary id AppendPlainQuery wrote it for, in place: when it has 32 digits
// (a 16-byte GUID) or more than 255 (too long for a text id), and its bytes
// are not all printable ASCII (a printable id would have been written as
// text).
func binaryDeviceID(v []byte) []byte {
	if len(v) != 32 && (len(v) <= 255 || len(v) > 2*255 || len(v)%2 != 0) {
		return v
	}
	printable := true
	for i := 0; i < len(v); i += 2 {
		if !isUpperHex(v[i]) || !isUpperHex(v[i+1]) {
			return v
		}
		hi, _ := unhex(v[i])
		lo, _ := unhex(v[i+1])
		if c := hi<<4 | lo; c < 0x20 || c > 0x7e {
			printable = false
		}
	}
	if printable {
		return v
	}
	n := len(v) / 2
	for i := 0; i < n; i++ { // byte i is written after digits 2i and 2i+1 are read
		hi, _ := unhex(v[2*i])
		lo, _ := unhex(v[2*i+1])
		v[i] = hi<<4 | lo
	}
	return v[:n:n]
}

func isUpperHex(c byte) bool { return c >= '0' && c <= '9' || c >= 'A' && c <= 'F' }

func dupError(at int, name string) error {
	return &Error{Err: ErrDuplicateParam, Field: FieldPlainQuery, Offset: at, InText: true, Value: -1, Remaining: -1, Name: name}
}

func missingError(name string) error {
	return &Error{Err: ErrMissingParam, Field: FieldPlainQuery, Offset: -1, InText: true, Value: -1, Remaining: -1, Name: name}
}

// commandByFold finds a command by name, ignoring ASCII case.
func commandByFold(name []byte) (Command, bool) {
	if c, ok := commandByName(string(name)); ok { // no allocation: the conversion does not escape
		return c, true
	}
	for i, n := range commandNames {
		if n != "" && equalFold(name, n) {
			return Command(i), true
		}
	}
	return 0, false
}

// paramByFold finds a parameter tag by name, ignoring ASCII case.
func paramByFold(name []byte) (ParamTag, bool) {
	for i, n := range paramNames {
		if equalFold(name, n) {
			return ParamTag(i), true
		}
	}
	return 0, false
}

// equalFold reports whether b equals s, ignoring ASCII case.
func equalFold(b []byte, s string) bool {
	if len(b) != len(s) {
		return false
	}
	for i := 0; i < len(b); i++ {
		x, y := b[i], s[i]
		if x|0x20 != y|0x20 || (x|0x20) < 'a' || (x|0x20) > 'z' {
			if x != y {
				return false
			}
		}
	}
	return true
}
