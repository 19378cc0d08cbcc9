package capture

import (
	"unicode/utf8"

	"github.com/easkit/easkit/wbxml"
)

// BodyKind says what a body holds, so that a caller knows what to do with
// it: decode WBXML, split a multipart response, print text, or report
// something else.
//
// The zero BodyKind is [BodyEmpty].
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
//     [wbxml.HasHeader] accepts are BodyWBXML (so a mislabelled WBXML body
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
		if body[0] > wbxml.Version13 && isText(body) {
			return BodyText
		}
		return BodyWBXML
	}
	if looksMultipart(body) {
		return BodyMultipart
	}
	if wbxml.HasHeader(body) {
		return BodyWBXML
	}
	if isText(body) {
		return BodyText
	}
	return BodyBinary
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
