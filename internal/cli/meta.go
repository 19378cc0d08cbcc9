package cli

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/easkit/easkit/b64uri"
	"github.com/easkit/easkit/capture"
)

// lenientQueries decodes the base64 queries of captured requests, which
// may be in any of the forms real clients and servers get wrong.
var lenientQueries = b64uri.NewDecoder(b64uri.WithStrictness(b64uri.Lenient))

// maxTextBody is how much of a text body (an HTML error page, Autodiscover
// XML) a description shows.
const maxTextBody = 2048

// Title names a message of a capture for the comment before its XML:
// "HTTP message 2, line 14: response to message 1 (Sync)", "HAR entry 3
// request", "hex body 2, line 17". It is "" for the only body of a raw, hex or
// base64 input.
func Title(m *capture.Message) string {
	t := m.Where()
	if t == "" {
		return ""
	}
	if m.Line > 0 {
		t += ", line " + strconv.Itoa(m.Line)
	}
	switch m.Kind {
	case capture.KindRequest:
		if m.Form == capture.FormHTTP {
			t += ": request"
		}
	case capture.KindResponse:
		if m.Form == capture.FormHTTP {
			t += ": response"
			if m.Request != nil {
				t += " to message " + strconv.Itoa(m.Request.Index)
			}
		}
	}
	if cmd := Command(m.Query()); cmd != "" && m.Kind != capture.KindBody {
		t += " (" + cmd + ")"
	}
	return t
}

// Command returns the ActiveSync command a request query names: the Cmd
// parameter of a plain query, or the command of a base64 one; "" when there
// is none or the query does not decode.
func Command(query string) string {
	if query == "" {
		return ""
	}
	if b64uri.IsPlain([]byte(query)) {
		for _, kv := range strings.Split(query, "&") {
			if k, v, _ := strings.Cut(kv, "="); k == "Cmd" {
				return unescape(v)
			}
		}
		return ""
	}
	var q b64uri.Query
	if err := lenientQueries.Decode(&q, []byte(query)); err != nil {
		return ""
	}
	return q.Command.String()
}

// Describe returns what a capture says about a message that carries
// ActiveSync, for the comment before its XML: Title, the HTTP start line and
// headers, the request query decoded into its fields (a base64 query with
// b64uri, with its plain form too), what the body holds, and the trailers.
// A multipart body's parts are listed, numbered from 0 as the response's
// Part elements refer to them: part 0 is the WBXML response whose XML
// follows, the others hold the data fetched ([MS-ASCMD] 2.2.1.10.1.1,
// 2.2.3.130).
// notes are things to say on standard error too: a query that does not
// decode, a body that is not the bytes that were sent.
func Describe(m *capture.Message) (text string, notes []string) {
	var b strings.Builder
	if t := Title(m); t != "" {
		b.WriteString(t)
		b.WriteByte('\n')
	}
	if m.Kind != capture.KindBody {
		b.WriteString(m.StartLine())
		b.WriteByte('\n')
		for _, f := range m.Header {
			fmt.Fprintf(&b, "%s: %s\n", f.Name, f.Value)
		}
		b.WriteByte('\n')
	}
	if m.Kind == capture.KindRequest {
		if n := describeQuery(&b, m.Query()); n != "" {
			notes = append(notes, n)
		}
	}
	describeBody(&b, m)
	if len(m.Trailer) > 0 {
		b.WriteString("Trailer:\n")
		for _, f := range m.Trailer {
			fmt.Fprintf(&b, "  %s: %s\n", f.Name, f.Value)
		}
	}
	if m.Warning != nil {
		fmt.Fprintf(&b, "Warning: %v\n", m.Warning)
		notes = append(notes, m.Warning.Error())
	}
	return b.String(), notes
}

// Skipped describes on one line a message that is not ActiveSync traffic
// (a browser's request for a script in a HAR file): it is not decoded.
func Skipped(m *capture.Message) string {
	s := m.Where()
	if m.Line > 0 {
		s += ", line " + strconv.Itoa(m.Line)
	}
	s += ": " + m.StartLine()
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
func describeQuery(b *strings.Builder, query string) (note string) {
	if query == "" {
		return ""
	}
	if b64uri.IsPlain([]byte(query)) {
		b.WriteString("Query (plain):\n")
		for _, kv := range strings.Split(query, "&") {
			if kv == "" {
				continue
			}
			k, v, _ := strings.Cut(kv, "=")
			fmt.Fprintf(b, "  %s: %s\n", unescape(k), unescape(v))
		}
		b.WriteByte('\n')
		return ""
	}
	var q b64uri.Query
	how := "base64"
	strictErr := q.Decode([]byte(query))
	if strictErr != nil {
		if err := lenientQueries.Decode(&q, []byte(query)); err != nil {
			fmt.Fprintf(b, "Query (base64): does not decode: %v\n\n", strictErr)
			return "query: " + strictErr.Error()
		}
		how = "base64, decoded leniently: " + strictErr.Error()
	}
	fmt.Fprintf(b, "Query (%s):\n", how)
	for name, value := range q.Fields() {
		fmt.Fprintf(b, "  %s: %s\n", name, value)
	}
	b.WriteString("Plain form:\n")
	for _, line := range strings.Split(strings.TrimRight(string(q.AppendPlain(nil)), "\n"), "\n") {
		fmt.Fprintf(b, "  %s\n", line)
	}
	b.WriteByte('\n')
	return ""
}

// describeBody writes what m's body holds.
func describeBody(b *strings.Builder, m *capture.Message) {
	n := len(m.Body)
	ct := ""
	if t := m.ContentType(); t != "" {
		ct = " (" + t + ")"
	}
	switch m.BodyKind() {
	case capture.BodyEmpty:
		b.WriteString("Body: empty\n")
	case capture.BodyWBXML:
		fmt.Fprintf(b, "Body: %s of WBXML\n", plural(n, "byte"))
	case capture.BodyMultipart:
		parts, err := m.Parts()
		if err != nil {
			fmt.Fprintf(b, "Body: %s, multipart%s, malformed: %v\n", plural(n, "byte"), ct, err)
			return
		}
		// Numbered from 0, as the Part elements of the response refer to
		// them ([MS-ASCMD] 2.2.3.130: an index into the metadata).
		fmt.Fprintf(b, "Body: %s, multipart with %s (numbered from 0, as Part elements refer to them):\n", plural(n, "byte"), plural(len(parts), "part"))
		for i, p := range parts {
			fmt.Fprintf(b, "  part %d: offset %d, %s", i, p.Offset, plural(len(p.Data), "byte"))
			switch {
			case i == 0:
				b.WriteString(", the WBXML response\n")
			case capture.Classify("", p.Data) == capture.BodyText:
				b.WriteString(" of text, not converted\n")
			default:
				b.WriteString(" of data, not converted\n")
			}
		}
	case capture.BodyText:
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

// unescape percent-decodes a query component for display, or returns it as
// written when it is not valid percent-encoding.
func unescape(s string) string {
	if u, err := url.QueryUnescape(s); err == nil {
		return u
	}
	return s
}

// plural writes n with a noun: "1 byte", "3 bytes".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
