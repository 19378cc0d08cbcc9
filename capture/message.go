package capture

import (
	"mime"
	"strconv"
	"strings"
)

// Kind says what a [Message] is. The zero Kind is [KindBody].
type Kind uint8

const (
	// KindBody is a bare body: the input was raw bytes, a hex dump or
	// base64, so there is no HTTP metadata.
	KindBody Kind = iota
	// KindRequest is an HTTP request.
	KindRequest
	// KindResponse is an HTTP response.
	KindResponse
)

// String returns "body", "request" or "response".
func (k Kind) String() string {
	switch k {
	case KindRequest:
		return "request"
	case KindResponse:
		return "response"
	}
	return "body"
}

// Field is one header field, as written in the input. The zero Field has
// an empty name and value.
type Field struct {
	Name  string // original case
	Value string // leading and trailing white space removed; folded lines joined with one space
}

// Header is a list of header fields in input order; the zero (nil)
// Header has none. Names keep their
// original case and may repeat.
type Header []Field

// Get returns the value of the first field named name, compared case
// insensitively, or "" when there is none.
func (h Header) Get(name string) string {
	for _, f := range h {
		if strings.EqualFold(f.Name, name) {
			return f.Value
		}
	}
	return ""
}

// Values returns the values of every field named name, compared case
// insensitively, in input order.
func (h Header) Values(name string) []string {
	var vs []string
	for _, f := range h {
		if strings.EqualFold(f.Name, name) {
			vs = append(vs, f.Value)
		}
	}
	return vs
}

// Message is one body found in the input, with what is known about it.
// The zero Message is an empty bare body with no name (Where and Title
// are "").
//
// Body and the strings may share memory with the input given to
// [NewReader]; do not modify the input while using them.
//
// The Reader works out the body kind, the parts of a multipart body and
// the decoded query once, when it returns the message ([Message.BodyKind],
// [Message.Parts], [Message.Query] then report them, also if the fields
// are changed later); for a Message built by hand they are worked out on
// each call. [Message.Describe] sums the message up in text.
type Message struct {
	// Form is the form of the input the message came from.
	Form Form
	// Kind says whether this is an HTTP request, response, or a bare body.
	Kind Kind
	// Index is the 1-based number of the message in the input: the HTTP
	// message number (requests and responses counted together), the HAR
	// entry number (shared by the entry's request and response), or the
	// number of the body among the dumps of a hex or base64 file, or of
	// the message among those of a log (notes included). For a
	// SAZ archive it is the session number, as Fiddler shows it (the NN of
	// raw/NN_c.txt); for Burp, the item number (an item's request and
	// response share it).
	Index int
	// Offset is the byte offset in the input where the message starts (for
	// HAR, where the entry starts; for Burp, where the item starts; for
	// SAZ, where the data of its file in the archive starts).
	Offset int64
	// Line is the 1-based line of Offset for text forms, 0 for raw input.
	Line int

	// Method is the request method ("POST"); empty for responses and bodies.
	Method string
	// Target is the request target as written: an origin-form path with its
	// query ("/Microsoft-Server-ActiveSync?Cmd=Sync&…", or the base64 query
	// of [MS-ASHTTP]) or an absolute URL (proxies, HAR). Nothing in it is
	// decoded; see [Message.Query].
	Target string
	// Proto is the protocol version as written ("HTTP/1.1"); HAR's
	// httpVersion.
	Proto string
	// StatusCode is the response status (200); 0 for requests and bodies.
	StatusCode int
	// Reason is the response reason phrase (HAR statusText).
	Reason string

	// Header holds the header fields in input order.
	Header Header
	// Trailer holds the trailer fields of a chunked HTTP body.
	Trailer Header

	// Body is the body with its transfer and content codings undone.
	Body []byte
	// Warning is non-nil when Body is known or suspected not to be the
	// bytes that were sent: it wraps [ErrLossy] and says why. The message
	// is still returned, with what could be recovered. In a [FormLog]
	// input, a line that looks like a message but does not decode is a
	// message with no Body whose Warning also wraps [ErrSyntax] or
	// [ErrTruncated] and names the line and column: a note, after which
	// the other lines are still read.
	Warning error

	// Direction is, for a [FormLog] input, which way the message went when
	// its line says so (Z-Push's WBXML-IN and WBXML-OUT, a client's
	// "sending" and "received"); Kind stays KindBody, since a log holds
	// no HTTP metadata. DirectionUnknown otherwise.
	Direction Direction
	// Marker is, for a [FormLog] input, the marker of the log line as
	// written ("WBXML-IN", "WBXML-OUT", "WBXML 10K debug data", "WBXML"
	// for a TbSync [WBXML: …] block), or "" for a line with none.
	Marker string

	// Request is, for a response, the request it answers when the input
	// says so: the request of the same HAR entry, SAZ session or Burp
	// item; in an HTTP session, the oldest request before it that has no
	// final response yet (responses come in the order of the requests, also
	// when several requests were sent first: pipelining), among the last
	// 64 requests awaiting one, so that a file of requests alone is read in
	// bounded memory. Nil otherwise.
	Request *Message

	contentType string // Content-Type header, or the HAR mimeType when there is no header
	bodyText    string // "hex" or "base64": the body was written as such text (indented or quoted HTTP)
	single      bool   // the input held this one bare body

	// What the Reader works out once for each message it returns (see
	// classify); computed on each call for a Message built by hand.
	classified bool
	bodyKind   BodyKind
	parts      []Part
	partsErr   error
	query      Query
}

// classify works out the body kind, the parts of a multipart body and the
// decoded query, once, when the Reader returns m: after the request a
// response answers is known.
func (m *Message) classify() {
	m.bodyKind = Classify(m.ContentType(), m.Body)
	if m.bodyKind == BodyMultipart {
		m.parts, m.partsErr = ParseMultipart(m.Body)
	}
	if m.Request != nil && m.Request.classified && m.Kind == KindResponse && m.RawQuery() == m.Request.query.Raw {
		m.query = m.Request.query
	} else {
		m.query = ParseQuery(m.RawQuery())
	}
	m.classified = true
}

// Where names the message for error messages: "HTTP message 2",
// "HAR entry 3 response", "SAZ session 4 request", "Burp item 5 response",
// "hex body 2", "log line 12" (the line of a [FormLog] message), or "" for
// the only body of a raw, hex or base64 input.
func (m *Message) Where() string {
	switch m.Form {
	case FormHTTP:
		return "HTTP message " + strconv.Itoa(m.Index)
	case FormHAR:
		return "HAR entry " + strconv.Itoa(m.Index) + " " + m.Kind.String()
	case FormSAZ:
		return "SAZ session " + strconv.Itoa(m.Index) + " " + m.Kind.String()
	case FormBurp:
		return "Burp item " + strconv.Itoa(m.Index) + " " + m.Kind.String()
	case FormLog:
		if m.Line > 0 {
			return "log line " + strconv.Itoa(m.Line)
		}
	}
	if m.single || m.Index == 0 {
		return ""
	}
	return m.Form.String() + " body " + strconv.Itoa(m.Index)
}

// StartLine returns the HTTP start line: "POST /path?query HTTP/1.1" for a
// request, "HTTP/1.1 200 OK" for a response, "" for a bare body. For HAR
// entries it is rebuilt from the method, URL, version and status.
func (m *Message) StartLine() string {
	switch m.Kind {
	case KindRequest:
		s := m.Method + " " + m.Target
		if m.Proto != "" {
			s += " " + m.Proto
		}
		return s
	case KindResponse:
		s := m.Proto
		if s == "" {
			s = "HTTP/1.1"
		}
		s += " " + strconv.Itoa(m.StatusCode)
		if m.Reason != "" {
			s += " " + m.Reason
		}
		return s
	}
	return ""
}

// RawQuery returns the query of the request target exactly as written:
// the text after the first '?' and before any '#', or "" when there is
// none. For a response it is the query of [Message.Request] when known. It
// is not percent-decoded; [Message.Query] has it decoded.
func (m *Message) RawQuery() string {
	t := m.Target
	if m.Kind == KindResponse && m.Request != nil {
		t = m.Request.Target
	}
	if i := strings.IndexByte(t, '#'); i >= 0 {
		t = t[:i]
	}
	if i := strings.IndexByte(t, '?'); i >= 0 {
		return t[i+1:]
	}
	return ""
}

// Path returns the path of the request target without query or fragment
// ("/Microsoft-Server-ActiveSync"); for an absolute URL, the scheme and
// authority are removed. For a response it is the path of
// [Message.Request] when known.
func (m *Message) Path() string {
	t := m.Target
	if m.Kind == KindResponse && m.Request != nil {
		t = m.Request.Target
	}
	if i := strings.IndexAny(t, "?#"); i >= 0 {
		t = t[:i]
	}
	if i := strings.Index(t, "://"); i >= 0 {
		rest := t[i+3:]
		if j := strings.IndexByte(rest, '/'); j >= 0 {
			return rest[j:]
		}
		return "/"
	}
	return t
}

// ContentType returns the Content-Type header value as written, or for a
// HAR entry without that header the mimeType HAR recorded; "" when unknown.
func (m *Message) ContentType() string {
	if v := m.Header.Get("Content-Type"); v != "" {
		return v
	}
	return m.contentType
}

// MediaType returns the media type of [Message.ContentType] in lower case
// without parameters ("application/vnd.ms-sync.wbxml"), or "" when there is
// none.
func (m *Message) MediaType() string {
	return mediaType(m.ContentType())
}

// Query returns the request query decoded (see [ParseQuery]); for a
// response, that of [Message.Request] when known. The Reader decodes it
// once; do not modify what it holds.
func (m *Message) Query() *Query {
	if !m.classified {
		q := ParseQuery(m.RawQuery())
		return &q
	}
	return &m.query
}

// BodyKind classifies the body; see [Classify]. The Reader classifies it
// once.
func (m *Message) BodyKind() BodyKind {
	if !m.classified {
		return Classify(m.ContentType(), m.Body)
	}
	return m.bodyKind
}

// Parts splits a multipart ItemOperations body; see [ParseMultipart]. The
// Reader splits it once, when BodyKind is BodyMultipart; do not modify
// the slice.
func (m *Message) Parts() ([]Part, error) {
	if !m.classified || m.bodyKind != BodyMultipart {
		return ParseMultipart(m.Body)
	}
	return m.parts, m.partsErr
}

// ActiveSync reports whether the message belongs to ActiveSync traffic: its
// path (or its request's path) ends in "/Microsoft-Server-ActiveSync", or
// its media type is one of application/vnd.ms-sync*. Bare bodies are
// ActiveSync when they look like WBXML or a multipart response. Use it to
// pick the ActiveSync entries out of a HAR file recorded in a browser.
func (m *Message) ActiveSync() bool {
	if m.Kind == KindBody {
		k := m.BodyKind()
		return k == BodyWBXML || k == BodyMultipart
	}
	if strings.HasPrefix(m.MediaType(), "application/vnd.ms-sync") {
		return true
	}
	p := strings.TrimRight(m.Path(), "/")
	const eas = "/microsoft-server-activesync"
	return len(p) >= len(eas) && strings.EqualFold(p[len(p)-len(eas):], eas)
}

// mediaType returns the lower-case media type of a Content-Type value
// without parameters.
func mediaType(ct string) string {
	if ct == "" {
		return ""
	}
	if mt, _, err := mime.ParseMediaType(ct); err == nil {
		return mt
	}
	if i := strings.IndexByte(ct, ';'); i >= 0 {
		ct = ct[:i]
	}
	return strings.ToLower(strings.TrimSpace(ct))
}
