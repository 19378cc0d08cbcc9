package capture

import (
	"bytes"
	"sort"
	"strconv"

	"github.com/easkit/easkit/wbxml"
)

// HTTP messages as they appear in specifications, e-mails and forum posts:
// every line indented by the same spaces or tabs (a Markdown code block,
// the indentation of a specification's example) or quoted with "> " (an
// e-mail reply, possibly nested "> > "). The common prefix is removed from
// every line and what is left is read as HTTP, each line where it was, so
// that line numbers stay those of the input; offsets are mapped back to the
// input.

// quotePrefix returns the indentation or quoting of an HTTP message whose
// start line is the first line from p that holds more than white space and
// '>': the run of spaces, tabs and '>' that starts that line. ok is false
// when there is no such run or what follows it is not a start line.
func quotePrefix(data []byte, p int) (prefix []byte, ok bool) {
	for p < len(data) {
		end, next := lineEnd(data, p)
		end = trimCR(data, p, end)
		i := p
		for i < end && (isBlank(data[i]) || data[i] == '>') {
			i++
		}
		if i == end {
			p = next
			continue
		}
		if i == p {
			return nil, false
		}
		var m Message
		if !parseStartLine(data[i:end], &m) {
			return nil, false
		}
		return data[p:i], true
	}
	return nil, false
}

// quoteMap maps offsets in the text with the prefixes removed back to the
// input: line i of the text starts at start[i] and its bytes are shift[i]
// bytes further on in the input.
type quoteMap struct {
	start []int
	shift []int
}

// offset returns the input offset of offset off of the text.
func (q *quoteMap) offset(off int) int {
	i := sort.Search(len(q.start), func(i int) bool { return q.start[i] > off }) - 1
	if i < 0 {
		return off
	}
	return off + q.shift[i]
}

// unquote removes prefix from every line of data from p. A line that holds
// only part of the prefix, up to white space (">" for "> ", nothing at
// all for an indentation), is an empty line. At the first line that has
// neither, the text stops, and bad is that line's offset in the input (-1
// when every line has the prefix). It reads the input once.
func unquote(data []byte, p int, prefix []byte) (text []byte, q *quoteMap, bad int) {
	text = make([]byte, 0, len(data)-p)
	q = &quoteMap{}
	shift := p
	bad = -1
	for p < len(data) {
		end, next := lineEnd(data, p)
		stop := trimCR(data, p, end)
		var cut int
		switch {
		case bytes.HasPrefix(data[p:stop], prefix):
			cut = len(prefix)
		case bytes.HasPrefix(prefix, bytes.TrimRight(data[p:stop], " \t")):
			cut = stop - p
		default:
			return text, q, p
		}
		shift += cut
		q.start = append(q.start, len(text))
		q.shift = append(q.shift, shift)
		text = append(text, data[p+cut:next]...)
		p = next
	}
	return text, q, bad
}

// newHTTPInput returns the source of an HTTP input from p: plain, or
// indented or quoted (see quotePrefix), when its first start line is.
func newHTTPInput(data []byte, p int, b *budget) *httpSource {
	prefix, ok := quotePrefix(data, skipGap(data, p))
	if !ok {
		return newHTTPSource(data, p, b)
	}
	text, q, bad := unquote(data, p, prefix)
	s := newHTTPSource(text, 0, b)
	s.input, s.quote, s.text = data, q, true
	if bad >= 0 {
		s.stopErr = textError(data, FormHTTP, 0, bad, detail(ErrSyntax,
			"line not indented or quoted as the message's first line is (with "+strconv.Quote(string(prefix))+")"))
	}
	return s
}

// textBody reads the body of a message of an indented or quoted input:
// the lines after the header up to the next message. Hex or base64 text
// of WBXML (or of a multipart response) is decoded; other text is the
// body as it is. A body that is not there (the usual case in a
// specification, which shows the header only) is empty, with a note when
// the header promises bytes. ok is false for a chunked body that is not
// hex or base64, which is read as chunked.
func (s *httpSource) textBody(m *Message, p int) (body []byte, next int, short *bodyNote, ok bool) {
	data := s.data
	next = nextMessageStart(data, p)
	end := trimBodyEnd(data, p, next)
	start := skipSpace(data[:end], p)
	cl := ""
	n := int64(-1)
	if cls := m.Header.Values("Content-Length"); len(cls) > 0 {
		if v, err := contentLength(cls); err == nil {
			n, cl = v, "Content-Length "+strconv.FormatInt(v, 10)
		}
	}
	te := splitCodings(m.Header.Values("Transfer-Encoding"))
	chunked := len(te) > 0 && te[len(te)-1] == "chunked"
	if start == end {
		switch {
		case n > 0:
			return nil, next, s.truncatedNote(p, cl, 0), true
		case chunked:
			return nil, next, s.truncatedNote(p, "chunked", 0), true
		}
		return nil, next, nil, true
	}
	region := data[start:end:end]
	for _, how := range [...]string{"hex", "base64"} {
		var bodies []bareBody
		var err error
		if how == "hex" {
			bodies, err = parseHex(region, 0, s.b)
		} else {
			bodies, err = parseBase64(region, 0)
		}
		if err != nil || len(bodies) != 1 || !(wbxml.HasHeader(bodies[0].body) || looksMultipart(bodies[0].body)) {
			continue
		}
		body = bodies[0].body
		if n >= 0 && n != int64(len(body)) {
			short = &bodyNote{msg: cl + " disagrees with the body: " + plural(len(body), "byte") + " decoded from " + how}
		}
		m.bodyText = how
		return body, next, short, true
	}
	if chunked {
		return nil, 0, nil, false
	}
	body = data[p:end:end]
	switch {
	case n > int64(len(body)):
		short = s.truncatedNote(end, cl, len(body))
	case n >= 0 && n < int64(len(body)):
		short = &bodyNote{msg: cl + " disagrees with the body: " + plural(len(body), "byte") + " up to " + s.nextName(next)}
	}
	return body, next, short, true
}
