package version

import "strconv"

// Version is an ActiveSync protocol version, stored as its URI byte: the
// decimal digits of "major.minor" without the dot ("14.1" is 141, "2.5" is 25).
// The zero Version means "no version": it is not [Version.IsKnown], its
// String is "", its text form (MarshalText) is "0.0", which [Parse]
// refuses and UnmarshalText reads back, and [Negotiate] and [NextLower]
// ignore it in their lists.
//
// Because the minor part is a single digit, the ordinary integer comparison
// orders versions: V12_1 < V14_0 < V14_1.
type Version uint8

// The protocol versions that have been published, oldest first.
const (
	V1_0  Version = 10
	V2_0  Version = 20
	V2_1  Version = 21
	V2_5  Version = 25
	V12_0 Version = 120
	V12_1 Version = 121
	V14_0 Version = 140
	V14_1 Version = 141
	V16_0 Version = 160
	V16_1 Version = 161
)

// Known lists every published protocol version, oldest first.
var Known = [...]Version{V1_0, V2_0, V2_1, V2_5, V12_0, V12_1, V14_0, V14_1, V16_0, V16_1}

// Major returns the part before the dot: 14 for 14.1.
func (v Version) Major() int { return int(v) / 10 }

// Minor returns the part after the dot: 1 for 14.1.
func (v Version) Minor() int { return int(v) % 10 }

// IsKnown reports whether v is one of the published versions in [Known].
func (v Version) IsKnown() bool {
	for _, k := range Known {
		if k == v {
			return true
		}
	}
	return false
}

// String returns the dotted form, "14.1". The zero Version prints as "".
// Published versions are returned without allocating.
func (v Version) String() string {
	switch v {
	case 0:
		return ""
	case V1_0:
		return "1.0"
	case V2_0:
		return "2.0"
	case V2_1:
		return "2.1"
	case V2_5:
		return "2.5"
	case V12_0:
		return "12.0"
	case V12_1:
		return "12.1"
	case V14_0:
		return "14.0"
	case V14_1:
		return "14.1"
	case V16_0:
		return "16.0"
	case V16_1:
		return "16.1"
	}
	b, _ := v.AppendText(nil)
	return string(b)
}

// AppendText appends the dotted form of v to dst ("0.0" for the zero
// Version), without allocating when dst has room. It implements
// [encoding.TextAppender].
func (v Version) AppendText(dst []byte) ([]byte, error) {
	dst = strconv.AppendInt(dst, int64(v.Major()), 10)
	dst = append(dst, '.')
	return strconv.AppendInt(dst, int64(v.Minor()), 10), nil
}

// MarshalText implements [encoding.TextMarshaler].
func (v Version) MarshalText() ([]byte, error) { return v.AppendText(nil) }

// UnmarshalText implements [encoding.TextUnmarshaler] with [Parse], and
// also reads "0.0", which MarshalText writes for the zero Version, back as
// the zero Version.
func (v *Version) UnmarshalText(b []byte) error {
	if string(b) == "0.0" {
		*v = 0
		return nil
	}
	p, err := Parse(string(b))
	if err != nil {
		return err
	}
	*v = p
	return nil
}

// ParseError reports text that is not a protocol version, or a header value
// that is not a list of them. It wraps [ErrSyntax]. The package's functions
// fill in every one they return; the zero ParseError, which none returns,
// still wraps ErrSyntax and reads `version: "": offset 0: ` with no reason.
type ParseError struct {
	Text   string // the text that was parsed (the whole header value for a list)
	Offset int    // character offset in Text of the first offending character
	Reason string // what was wrong, for people
}

// Error quotes the text and gives the offset and the reason.
func (e *ParseError) Error() string {
	return "version: " + strconv.Quote(e.Text) + ": offset " + strconv.Itoa(e.Offset) + ": " + e.Reason
}

// Unwrap returns [ErrSyntax].
func (e *ParseError) Unwrap() error { return ErrSyntax }

// Parse parses the dotted form "major.minor" with a single-digit minor, as
// used by the MS-ASProtocolVersion(s) headers. The major part may be 0 to
// 25, so that the URI byte fits: every URI byte from 1 to 255 has a dotted
// form that parses back to it, and "0.0" is refused. Versions that are
// well-formed but not published parse successfully and report false from
// [Version.IsKnown].
func Parse(s string) (Version, error) {
	v, err := parseBytes(s)
	if err != nil {
		return 0, err
	}
	return v, nil
}

func parseBytes(s string) (Version, error) {
	i := 0
	major := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		major = major*10 + int(s[i]-'0')
		if major > 25 {
			return 0, &ParseError{Text: s, Offset: i, Reason: "major version too large"}
		}
		i++
	}
	if i == 0 {
		return 0, &ParseError{Text: s, Offset: 0, Reason: "expected a digit"}
	}
	if i == len(s) || s[i] != '.' {
		return 0, &ParseError{Text: s, Offset: i, Reason: "expected '.' after the major version"}
	}
	i++
	if i == len(s) || s[i] < '0' || s[i] > '9' {
		return 0, &ParseError{Text: s, Offset: i, Reason: "expected a digit after '.'"}
	}
	minor := int(s[i] - '0')
	i++
	if i != len(s) {
		if s[i] >= '0' && s[i] <= '9' {
			return 0, &ParseError{Text: s, Offset: i, Reason: "minor version must be a single digit"}
		}
		return 0, &ParseError{Text: s, Offset: i, Reason: "unexpected " + quoteByte(s[i]) + " after the version"}
	}
	if major == 0 && minor == 0 {
		return 0, &ParseError{Text: s, Offset: 0, Reason: "version 0.0 does not exist"}
	}
	n := major*10 + minor
	if n > 255 {
		return 0, &ParseError{Text: s, Offset: 0, Reason: "version does not fit the URI byte"}
	}
	return Version(n), nil
}

// FromURIByte returns the version carried in the first byte of a base64
// request query. Any byte value is accepted; use [Version.IsKnown] to check it.
func FromURIByte(b byte) Version { return Version(b) }

// URIByte returns the value written in the first byte of a base64 request query.
func (v Version) URIByte() byte { return byte(v) }

// quoteByte renders b for an error message: 'x' for printable ASCII, else 0xNN.
func quoteByte(b byte) string {
	if b >= 0x20 && b < 0x7f {
		return strconv.QuoteRune(rune(b))
	}
	const hex = "0123456789ABCDEF"
	return "byte 0x" + string([]byte{hex[b>>4], hex[b&15]})
}
