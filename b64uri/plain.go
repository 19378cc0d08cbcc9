package b64uri

import "strconv"

// The plain form ([MS-ASHTTP] 2.2.1.1.1.2) of a query is a query string
//
//	Cmd=<command>&User=<user>&DeviceId=<id>&DeviceType=<type>&<param>=<value>…
//
// plus three request headers: MS-ASProtocolVersion (the version byte),
// X-MS-PolicyKey (the policy key) and MS-ASAcceptMultiPart (the
// AcceptMultiPart bit of Options). The locale has no plain equivalent. See
// the package documentation for how values are escaped.

// Header names of the plain form.
const (
	HeaderProtocolVersion = "MS-ASProtocolVersion"
	HeaderPolicyKey       = "X-MS-PolicyKey"
	HeaderAcceptMultiPart = "MS-ASAcceptMultiPart"
)

// literal reports the bytes written unescaped in plain-form values: RFC
// 3986 unreserved characters and the sub-delimiters that mean nothing
// inside a query value. '+', '&', '=', '#', '%', space, controls and
// non-ASCII bytes are escaped.
var literal = func() (t [256]bool) {
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = true
		t[c+'a'-'A'] = true
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	for _, c := range "-._~!$'()*,;:@/?" {
		t[c] = true
	}
	return t
}()

// appendEscaped appends v percent-encoded: literal bytes as they are,
// everything else as %XX. Used for User, DeviceId and DeviceType, whose
// values the server percent-decodes.
func appendEscaped(dst, v []byte) []byte {
	for _, c := range v {
		if literal[c] {
			dst = append(dst, c)
		} else {
			dst = append(dst, '%', hexUpper[c>>4], hexUpper[c&15])
		}
	}
	return dst
}

// appendVerbatim appends a command parameter value (AttachmentName, ItemId,
// …). These are server-issued references that clients copy into the query
// as they are, already percent-encoded where needed (a FileReference such
// as "5%3a1%3a0"), so an escape of a literal character is kept as written.
// Other bytes are escaped as by appendEscaped, and a '%' that does not
// start such an escape becomes %25. [Query.ParsePlain] reverses exactly
// this.
func appendVerbatim(dst, v []byte) []byte {
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case literal[c]:
			dst = append(dst, c)
		case c == '%' && keptEscape(v, i+1):
			dst = append(dst, '%')
		default:
			dst = append(dst, '%', hexUpper[c>>4], hexUpper[c&15])
		}
	}
	return dst
}

// keptEscape reports whether v[i:] starts with two hex digits naming a
// literal byte: the tail of an escape that the plain form keeps verbatim.
func keptEscape(v []byte, i int) bool {
	c, ok := unhex2(v, i)
	return ok && literal[c]
}

// appendDeviceID appends the plain DeviceId value: the id itself when it
// is printable ASCII, else its bytes in upper-case hex.
func appendDeviceID(dst, id []byte) []byte {
	if isPrintable(id) {
		return appendEscaped(dst, id)
	}
	for _, c := range id {
		dst = append(dst, hexUpper[c>>4], hexUpper[c&15])
	}
	return dst
}

// AppendPlainQuery appends q's plain query string to dst: Cmd, User (when
// q has a User parameter), DeviceId, DeviceType, then the other parameters
// in wire order. The first Options parameter is written where it stands as
// SaveInSent=T for the SaveInSent bit, or SaveInSent=F when no bit is set;
// the AcceptMultiPart bit is a header (see [Query.AppendHeaders]).
// Parameters with unknown tags, other Options bits and the locale have no
// plain form and are left out.
func (q *Query) AppendPlainQuery(dst []byte) []byte {
	dst = append(dst, "Cmd="...)
	dst = append(dst, q.Command.String()...)
	firstUser := -1
	for i, p := range q.Params {
		if p.Tag == ParamUser {
			firstUser = i
			dst = append(dst, "&User="...)
			dst = appendEscaped(dst, p.Value)
			break
		}
	}
	dst = append(dst, "&DeviceId="...)
	dst = appendDeviceID(dst, q.DeviceID)
	dst = append(dst, "&DeviceType="...)
	dst = appendEscaped(dst, q.DeviceType)
	options := false
	for i, p := range q.Params {
		switch {
		case i == firstUser || !p.Tag.Known():
		case p.Tag == ParamOptions:
			if options {
				break
			}
			options = true
			switch f := flagsOf(p.Value); {
			case f&SaveInSent != 0:
				dst = append(dst, "&SaveInSent=T"...)
			case f == 0:
				dst = append(dst, "&SaveInSent=F"...)
			}
		case p.Tag == ParamUser:
			dst = append(dst, "&User="...)
			dst = appendEscaped(dst, p.Value)
		default:
			dst = append(dst, '&')
			dst = append(dst, p.Tag.String()...)
			dst = append(dst, '=')
			dst = appendVerbatim(dst, p.Value)
		}
	}
	return dst
}

// AppendHeaders appends the plain form's request headers, one
// "Name: value\n" line each: MS-ASProtocolVersion always, X-MS-PolicyKey
// when q has a policy key, MS-ASAcceptMultiPart: T when Options has the
// AcceptMultiPart bit.
func (q *Query) AppendHeaders(dst []byte) []byte {
	dst = append(dst, HeaderProtocolVersion+": "...)
	dst, _ = q.Version.AppendText(dst)
	dst = append(dst, '\n')
	if q.HasPolicyKey {
		dst = append(dst, HeaderPolicyKey+": "...)
		dst = strconv.AppendUint(dst, uint64(q.PolicyKey), 10)
		dst = append(dst, '\n')
	}
	if f, _ := q.Options(); f&AcceptMultiPart != 0 {
		dst = append(dst, HeaderAcceptMultiPart+": T\n"...)
	}
	return dst
}

// AppendPlain appends q in plain form for people and scripts: the query
// string on one line, then the header lines (see [Query.AppendPlainQuery]
// and [Query.AppendHeaders]). It allocates only when dst lacks room.
func (q *Query) AppendPlain(dst []byte) []byte {
	dst = q.AppendPlainQuery(dst)
	dst = append(dst, '\n')
	return q.AppendHeaders(dst)
}

// Headers holds the plain form's request header values; "" means absent.
// The zero Headers has every header absent, which [Query.ParsePlain]
// refuses: it needs MS-ASProtocolVersion.
type Headers struct {
	ProtocolVersion string // MS-ASProtocolVersion, "14.1"
	PolicyKey       string // X-MS-PolicyKey, unsigned decimal
	AcceptMultiPart string // MS-ASAcceptMultiPart, "T" or "F"
}

// Headers returns q's plain-form header values.
func (q *Query) Headers() Headers {
	var h Headers
	h.ProtocolVersion = q.Version.String()
	if q.Version == 0 {
		h.ProtocolVersion = "0.0"
	}
	if q.HasPolicyKey {
		h.PolicyKey = strconv.FormatUint(uint64(q.PolicyKey), 10)
	}
	if f, _ := q.Options(); f&AcceptMultiPart != 0 {
		h.AcceptMultiPart = "T"
	}
	return h
}
