package capture

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// maxTextBody is how much of a text body (an HTML error page, Autodiscover
// XML) a description shows.
const maxTextBody = 2048

// Title names the message in one line, as wbxml2xml's comment before its
// XML does: "HTTP message 2, line 14: response to message 1 (Sync)", "HAR
// entry 3 request", "hex body 2, line 17". It is "" for the only body of a
// raw, hex or base64 input.
func (m *Message) Title() string {
	t := m.Where()
	if t == "" {
		return ""
	}
	if m.Line > 0 {
		t += ", line " + strconv.Itoa(m.Line)
	}
	switch m.Kind {
	case KindRequest:
		if m.Form == FormHTTP {
			t += ": request"
		}
	case KindResponse:
		if m.Form == FormHTTP {
			t += ": response"
			if m.Request != nil {
				t += " to message " + strconv.Itoa(m.Request.Index)
			}
		}
	}
	if cmd := m.Query().Command(); cmd != "" && m.Kind != KindBody {
		t += " (" + cmd + ")"
	}
	return t
}

// Describe returns what the capture says about the message, in lines of
// text, as wbxml2xml writes it in the comment before the message's XML:
// the Title, the HTTP start line and headers, a response's
// MS-ASProtocolVersions and MS-ASProtocolCommands parsed (the versions, the
// one a client of every version would use, the commands and their count),
// the request query decoded
// into its fields (a base64 query with its plain form too), what the body
// holds, and the trailers. A multipart body's parts are listed, numbered
// from 0 as the response's Part elements refer to them: part 0 is the
// WBXML response, the others hold the data fetched ([MS-ASCMD]
// 2.2.1.10.1.1, 2.2.3.130).
//
// notes are the things in it worth a line on standard error: a query that
// does not decode, a version or command list that does not parse, a body
// that is not the bytes that were sent.
//
// Secrets (credentials, cookies, the policy key) are redacted unless the
// options say otherwise: see [WithSecrets]. Other options are ignored.
func (m *Message) Describe(opts ...Option) (text string, notes []string) {
	c := describeConfig(opts)
	var b strings.Builder
	if t := m.Title(); t != "" {
		b.WriteString(t)
		b.WriteByte('\n')
	}
	if m.Kind != KindBody {
		b.WriteString(c.startLine(m))
		b.WriteByte('\n')
		for _, f := range m.Header {
			fmt.Fprintf(&b, "%s: %s\n", f.Name, c.headerValue(f))
		}
		b.WriteByte('\n')
	}
	if m.Kind == KindResponse {
		notes = append(notes, describeProtocol(&b, m)...)
	}
	if m.Kind == KindRequest {
		if n := c.describeQuery(&b, m.Query()); n != "" {
			notes = append(notes, n)
		}
	}
	describeBody(&b, m)
	if len(m.Trailer) > 0 {
		b.WriteString("Trailer:\n")
		for _, f := range m.Trailer {
			fmt.Fprintf(&b, "  %s: %s\n", f.Name, c.headerValue(f))
		}
	}
	if m.Warning != nil {
		fmt.Fprintf(&b, "Warning: %v\n", m.Warning)
		notes = append(notes, m.Warning.Error())
	}
	return b.String(), notes
}

// Skipped describes in one line a message that is not ActiveSync traffic
// (a browser's request for a script in a HAR file), which wbxml2xml
// skips: "HAR entry 4 request: GET /owa/ HTTP/1.1: not ActiveSync, skipped".
// Secrets in the target are redacted as in [Message.Describe].
func (m *Message) Skipped(opts ...Option) string {
	c := describeConfig(opts)
	s := m.Where()
	if m.Line > 0 {
		s += ", line " + strconv.Itoa(m.Line)
	}
	s += ": " + c.startLine(m)
	if ct := m.ContentType(); ct != "" {
		s += ", " + ct
	}
	if len(m.Body) > 0 {
		s += ", " + plural(len(m.Body), "byte")
	}
	return s + ": not ActiveSync, skipped"
}

// describeQuery writes the request query decoded. It returns a note when a
// base64 query does not decode.
func (c *config) describeQuery(b *strings.Builder, q *Query) (note string) {
	switch {
	case q.Raw == "":
		return ""
	case q.Plain:
		b.WriteString("Query (plain):\n")
		for _, f := range q.Params {
			fmt.Fprintf(b, "  %s: %s\n", f.Name, c.paramValue(f.Name, f.Value))
		}
		b.WriteByte('\n')
		return ""
	case !q.Decoded:
		fmt.Fprintf(b, "Query (base64): does not decode: %v\n\n", q.Err)
		return "query: " + q.Err.Error()
	}
	how := "base64"
	if q.Err != nil {
		how = "base64, decoded leniently: " + q.Err.Error()
	}
	fmt.Fprintf(b, "Query (%s):\n", how)
	for name, value := range q.Base64.Fields() {
		fmt.Fprintf(b, "  %s: %s\n", name, c.paramValue(name, string(value)))
	}
	b.WriteString("Plain form:\n")
	for _, line := range strings.Split(strings.TrimRight(string(q.Base64.AppendPlain(nil)), "\n"), "\n") {
		if name, value, ok := strings.Cut(line, ": "); ok {
			line = name + ": " + c.paramValue(name, value)
		}
		fmt.Fprintf(b, "  %s\n", line)
	}
	b.WriteByte('\n')
	return ""
}

// describeBody writes what m's body holds.
func describeBody(b *strings.Builder, m *Message) {
	n := len(m.Body)
	ct := ""
	if t := m.ContentType(); t != "" {
		ct = " (" + t + ")"
	}
	from := ""
	if m.bodyText != "" {
		from = ", decoded from the " + m.bodyText + " text of the capture"
	}
	switch m.BodyKind() {
	case BodyEmpty:
		b.WriteString("Body: empty\n")
	case BodyWBXML:
		fmt.Fprintf(b, "Body: %s of WBXML%s\n", plural(n, "byte"), from)
	case BodyMultipart:
		parts, err := m.Parts()
		if err != nil {
			fmt.Fprintf(b, "Body: %s, multipart%s, malformed: %v\n", plural(n, "byte"), ct, err)
			return
		}
		// Numbered from 0, as the Part elements of the response refer to
		// them ([MS-ASCMD] 2.2.3.130: an index into the metadata).
		fmt.Fprintf(b, "Body: %s, multipart%s with %s (numbered from 0, as Part elements refer to them):\n", plural(n, "byte"), from, plural(len(parts), "part"))
		for i, p := range parts {
			fmt.Fprintf(b, "  part %d: offset %d, %s", i, p.Offset, plural(len(p.Data), "byte"))
			switch {
			case i == 0:
				b.WriteString(", the WBXML response\n")
			case looksText(p.Data):
				b.WriteString(" of text, not converted\n")
			default:
				b.WriteString(" of data, not converted\n")
			}
		}
	case BodyText:
		fmt.Fprintf(b, "Body: %s of text%s, not WBXML:\n", plural(n, "byte"), ct)
		text := m.Body
		if len(text) > maxTextBody {
			cut := maxTextBody
			for cut > 0 && !utf8.RuneStart(text[cut]) {
				cut--
			}
			text = text[:cut]
		}
		for _, line := range strings.Split(strings.TrimRight(string(text), "\r\n"), "\n") {
			fmt.Fprintf(b, "  %s\n", strings.TrimRight(line, "\r"))
		}
		if len(text) < n {
			fmt.Fprintf(b, "  … %s more\n", plural(n-len(text), "byte"))
		}
	default:
		fmt.Fprintf(b, "Body: %s of binary data%s, not WBXML\n", plural(n, "byte"), ct)
	}
}

// plural writes n with a noun: "1 byte", "3 bytes".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// maxSniff is how much of a multipart part looksText reads: the parts of
// a body may overlap, and reading each whole would take time quadratic
// in the body.
const maxSniff = 512

// looksText reports whether data, judged by its first maxSniff bytes, is
// text rather than binary data.
func looksText(data []byte) bool {
	if len(data) == 0 {
		return false
	}
	if len(data) > maxSniff {
		data = data[:maxSniff]
		// Not a character cut in two.
		for i := len(data) - 1; i >= len(data)-utf8.UTFMax && i > 0; i-- {
			if utf8.RuneStart(data[i]) {
				if !utf8.FullRune(data[i:]) {
					data = data[:i]
				}
				break
			}
		}
	}
	return isText(data)
}
