package capture

import "unicode/utf8"

// BodyKind says what a body holds, so that a caller knows what to do with
// it: decode WBXML, split a multipart response, print text, or report
// something else.
type BodyKind uint8

const (
	// BodyEmpty is a body of zero bytes (OPTIONS, most Ping timeouts,
	// HTTP 200 to a SendMail).
	BodyEmpty BodyKind = iota
	// BodyWBXML is a WBXML document.
	BodyWBXML
	// BodyMultipart is a multipart ItemOperations response
	// (application/vnd.ms-sync.multipart); see [ParseMultipart].
	BodyMultipart
	// BodyText is text: XML (Autodiscover), HTML error pages, plain text.
	BodyText
	// BodyBinary is anything else.
	BodyBinary
)

// String returns "empty", "wbxml", "multipart", "text" or "binary".
func (k BodyKind) String() string {
	switch k {
	case BodyEmpty:
		return "empty"
	case BodyWBXML:
		return "wbxml"
	case BodyMultipart:
		return "multipart"
	case BodyText:
		return "text"
	}
	return "binary"
}

// Media types of ActiveSync bodies ([MS-ASHTTP] 2.2.1.1.2, [MS-ASCMD]
// 2.2.1.10.1).
const (
	MediaTypeWBXML     = "application/vnd.ms-sync.wbxml"
	MediaTypeMultipart = "application/vnd.ms-sync.multipart"
)

// Classify tells what body holds, given the Content-Type it was sent with
// ("" when unknown). The rules, in order:
//
//   - no bytes: BodyEmpty;
//   - media type application/vnd.ms-sync.multipart: BodyMultipart;
//   - media type application/vnd.ms-sync.wbxml (or application/vnd.ms-sync):
//     BodyWBXML, unless the body is a well-formed multipart response whose
//     first part looks like WBXML (BodyMultipart; servers have sent them
//     under this type) or cannot be WBXML (its first byte is not a WBXML
//     version, 0x00–0x03) and is readable text (BodyText, such as an error
//     page sent with the wrong type);
//   - any other or no media type: a well-formed multipart response whose
//     first part looks like WBXML is BodyMultipart; bytes that
//     [LooksLikeWBXML] accepts are BodyWBXML (so a mislabelled WBXML body
//     is still found); valid UTF-8 without control characters other than
//     white space is BodyText; the rest is BodyBinary.
func Classify(contentType string, body []byte) BodyKind {
	if len(body) == 0 {
		return BodyEmpty
	}
	switch mediaType(contentType) {
	case MediaTypeMultipart:
		return BodyMultipart
	case MediaTypeWBXML, "application/vnd.ms-sync":
		if looksMultipart(body) {
			return BodyMultipart
		}
		if body[0] > 0x03 && isText(body) {
			return BodyText
		}
		return BodyWBXML
	}
	if looksMultipart(body) {
		return BodyMultipart
	}
	if LooksLikeWBXML(body) {
		return BodyWBXML
	}
	if isText(body) {
		return BodyText
	}
	return BodyBinary
}

// LooksLikeWBXML reports whether b starts with a plausible WBXML header
// (WBXML 1.0–1.3, the WAP-192 layout) followed by the start of a body:
//
//   - a version byte 0x00–0x03 (ActiveSync sends 0x03);
//   - a public identifier as an mb_u_int32 of at most 5 bytes (0x01,
//     "unknown", in ActiveSync); when it is 0, a second mb_u_int32, the
//     string-table index of the identifier, follows;
//   - from version 0x01 on, a charset as an mb_u_int32 (106, UTF-8, in
//     ActiveSync);
//   - a string-table length as an mb_u_int32 that fits in what remains;
//   - at least one byte after the string table that can begin the body: a
//     SWITCH_PAGE followed by a page number, a processing instruction, a
//     LITERAL tag, or a tag token (0x05–0x3F with or without the attribute
//     and content bits).
//
// It does not decode the body; a WBXML decoder may still reject it.
func LooksLikeWBXML(b []byte) bool {
	if len(b) < 4 || b[0] > 0x03 {
		return false
	}
	version := b[0]
	p := 1
	publicID, n := mbUint32(b[p:])
	if n <= 0 {
		return false
	}
	p += n
	if publicID == 0 {
		idx, n := mbUint32(b[p:])
		if n <= 0 {
			return false
		}
		p += n
		_ = idx
	}
	if version >= 0x01 {
		_, n := mbUint32(b[p:])
		if n <= 0 {
			return false
		}
		p += n
	}
	strtbl, n := mbUint32(b[p:])
	if n <= 0 {
		return false
	}
	p += n
	if uint64(strtbl) >= uint64(len(b)-p) {
		return false // the body needs at least one byte after the table
	}
	p += int(strtbl)
	switch t := b[p]; {
	case t == 0x00: // SWITCH_PAGE page
		return p+1 < len(b)
	case t == 0x43: // PI
		return true
	case t&0x3F == 0x04: // LITERAL, LITERAL_A, LITERAL_C, LITERAL_AC
		return true
	case t&0x3F >= 0x05:
		// A tag token; every global token (0x00–0x04, 0x40–0x44,
		// 0x80–0x84, 0xC0–0xC4) has low bits below 5.
		return true
	}
	return false
}

// mbUint32 decodes a WBXML multi-byte unsigned integer (7 bits a byte, most
// significant group first, at most 5 bytes, value < 2^32). n is the number
// of bytes used, 0 when b ends first, -1 when the value is too long.
func mbUint32(b []byte) (v uint32, n int) {
	var x uint64
	for i := 0; i < len(b); i++ {
		if i == 5 {
			return 0, -1
		}
		c := b[i]
		x = x<<7 | uint64(c&0x7F)
		if x > 0xFFFFFFFF {
			return 0, -1
		}
		if c&0x80 == 0 {
			return uint32(x), i + 1
		}
	}
	return 0, 0
}

// isText reports whether b is valid UTF-8 without control characters other
// than tab, line feed, form feed and carriage return (and without NUL).
func isText(b []byte) bool {
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' || c == 0x7F {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return false
		}
		i += n
	}
	return true
}
