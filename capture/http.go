package capture

import (
	"github.com/easkit/easkit/wbxml"

	"bytes"
	"errors"
	"io"
	"strconv"
	"strings"
)

// httpSource reads HTTP/1.x messages one after another, as proxies and
// people save them: Fiddler's and mitmproxy's raw exports, curl -v
// transcripts cleaned up, hand-written captures. Lines end in CRLF or a
// bare LF. Messages may be separated by blank lines and by separator lines
// made of punctuation only ("------", "=====", "***").
type httpSource struct {
	data  []byte
	p     int // where the next message may start
	lines lineCounter
	n     int // messages read
	b     *budget
	// pending holds the requests awaiting their responses, oldest first:
	// on one connection, responses come in the order of the requests,
	// also when several requests were sent before the first response
	// (pipelining, RFC 9112 9.3.2).
	pending []*Message
	// whole says that the input is one message, as in a file of a SAZ
	// archive: a body with no framing runs to the end of the input as it
	// is, without looking for a next message or trimming line breaks.
	whole bool
}

// maxPending is how many requests await their responses at most: far
// more than any client pipelines, few enough that the requests of a
// capture with no responses do not pile up in memory.
const maxPending = 64

func newHTTPSource(data []byte, p int, b *budget) *httpSource {
	return &httpSource{data: data, p: p, lines: lineCounter{data: data}, b: b}
}

func (s *httpSource) fail(off int, err error) error {
	return textError(s.data, FormHTTP, s.n, off, err)
}

func (s *httpSource) next() (*Message, error) {
	data := s.data
	p := skipGap(data, s.p)
	if p == len(data) {
		if s.n == 0 {
			return nil, textError(data, FormHTTP, 0, p, detail(ErrEmpty, "no HTTP message"))
		}
		return nil, io.EOF
	}
	s.n++
	m := &Message{Form: FormHTTP, Index: s.n, Offset: int64(p), Line: s.lines.lineOf(p)}
	end, nextLine := lineEnd(data, p)
	end = trimCR(data, p, end)
	if !parseStartLine(data[p:end], m) {
		return nil, s.fail(p, detail(ErrSyntax, "expected a request line (METHOD target HTTP/1.1) or a status line (HTTP/1.1 200 OK)"))
	}
	p = nextLine

	// Header fields up to an empty line (or the end of input). Obsolete
	// line folding (continuation lines starting with a blank) joins the
	// pieces with single spaces.
	headerEnd := false
	var folded []byte
	unfold := func() {
		if folded != nil {
			m.Header[len(m.Header)-1].Value = strings.TrimSpace(string(folded))
			folded = nil
		}
	}
	for p < len(data) {
		end, nextLine := lineEnd(data, p)
		end = trimCR(data, p, end)
		if end == p {
			p = nextLine
			headerEnd = true
			break
		}
		if isBlank(data[p]) {
			if len(m.Header) == 0 {
				return nil, s.fail(p, detail(ErrSyntax, "continuation line with no header field before it"))
			}
			if folded == nil {
				folded = append(folded, m.Header[len(m.Header)-1].Value...)
			}
			if v := bytes.TrimSpace(data[p:end]); len(v) > 0 {
				folded = append(append(folded, ' '), v...)
			}
			p = nextLine
			continue
		}
		unfold()
		f, err := parseField(data, p, end)
		if err != nil {
			return nil, s.fail(p, err)
		}
		m.Header = append(m.Header, f)
		p = nextLine
	}
	unfold()
	if m.Kind == KindResponse {
		if len(s.pending) > 0 {
			m.Request = s.pending[0]
			if m.StatusCode >= 200 {
				// A final response ends its exchange; interim (1xx)
				// responses come before it.
				s.pending[0] = nil
				s.pending = s.pending[1:]
			}
		}
	} else {
		if len(s.pending) == maxPending {
			// Not pipelining but requests alone (a client's log):
			// the oldest will never be answered.
			copy(s.pending, s.pending[1:])
			s.pending = s.pending[:maxPending-1]
		}
		s.pending = append(s.pending, m)
	}
	if !headerEnd {
		s.p = p
		return m, nil
	}

	bodyStart := p
	body, next, open, err := s.readBody(m, p)
	if err != nil {
		return nil, err
	}
	s.p = next
	te := splitCodings(m.Header.Values("Transfer-Encoding"))
	if len(te) > 0 && te[len(te)-1] == "chunked" {
		te = te[:len(te)-1]
	}
	codings := append(te, splitCodings(m.Header.Values("Content-Encoding"))...)
	if len(codings) > 0 && len(body) > 0 {
		decoded, err := decodeCodings(body, codings, s.b, false)
		if err != nil && open != nil && !errors.Is(err, ErrTooLarge) {
			return nil, open
		}
		if err != nil {
			if errors.Is(err, ErrTooLarge) || !(wbxml.HasHeader(body) || looksMultipart(body)) {
				return nil, s.fail(bodyStart, err)
			}
			// A proxy that decoded the body for display and saved it so,
			// keeping the header: the body is what was meant, not what was
			// sent.
			m.Warning = detail(ErrLossy, "the header says "+strings.Join(codings, ", ")+
				" but the body is not so coded: it was saved decoded, and is read as it is")
			decoded = body
		}
		body = decoded
	}
	if open != nil {
		// The capture ends inside the chunked body, with no last chunk:
		// what was captured is kept when it is a whole WBXML document.
		if !wbxml.Valid(body) {
			return nil, open
		}
		m.Warning = &causeError{sentinel: ErrLossy, also: ErrTruncated,
			msg: "the capture ends inside the chunked body, before its last chunk; the body read is a complete WBXML document"}
	}
	m.Body = body
	return m, nil
}

// readBody frames the body starting at p: chunked, by Content-Length, none
// (responses to HEAD, 1xx, 204, 304), or up to the next message or the end
// of input. It returns the framed body (transfer coding chunked undone) and
// where the next message may start. A chunked body that the input ends in
// at a chunk boundary, before the last chunk, is returned with the error
// that a truncated body is (open), for the caller to decide.
func (s *httpSource) readBody(m *Message, p int) (body []byte, next int, open, err error) {
	data := s.data
	if m.Kind == KindResponse {
		if m.StatusCode < 200 || m.StatusCode == 204 || m.StatusCode == 304 ||
			m.Request != nil && m.Request.Method == "HEAD" {
			return nil, p, nil, nil
		}
	}
	te := splitCodings(m.Header.Values("Transfer-Encoding"))
	if len(te) > 0 && te[len(te)-1] == "chunked" {
		body, trailer, next, err := dechunk(data, p)
		if err != nil {
			ce, isChunk := err.(*chunkError)
			if isChunk && ce.partial != nil {
				return ce.partial, len(data), s.fail(ce.off, ce.err), nil
			}
			return nil, 0, nil, s.fail(errOffset(err, p), errCause(err))
		}
		m.Trailer = trailer
		return body, next, nil, nil
	}
	if len(te) == 0 {
		if cls := m.Header.Values("Content-Length"); len(cls) > 0 {
			n, err := contentLength(cls)
			if err != nil {
				return nil, 0, nil, s.fail(p, err)
			}
			if n > int64(len(data)-p) {
				return nil, 0, nil, s.fail(p, detail(ErrTruncated, "Content-Length is "+strconv.FormatInt(n, 10)+" but only "+strconv.Itoa(len(data)-p)+" bytes follow"))
			}
			end := p + int(n)
			return data[p:end:end], end, nil, nil
		}
	}
	// No framing: the body runs to the next message or the end of input.
	if s.whole {
		return data[p:len(data):len(data)], len(data), nil, nil
	}
	end := nextMessageStart(data, p)
	bodyEnd := trimBodyEnd(data, p, end)
	return data[p:bodyEnd:bodyEnd], end, nil, nil
}

// contentLength parses Content-Length values ("42", or repeated equal
// values, possibly as a list "42, 42").
func contentLength(values []string) (int64, error) {
	n := int64(-1)
	for _, v := range values {
		for _, item := range strings.Split(v, ",") {
			item = strings.TrimSpace(item)
			x, err := strconv.ParseInt(item, 10, 64)
			if err != nil || x < 0 || item[0] == '+' {
				return 0, detail(ErrSyntax, "invalid Content-Length "+strconv.Quote(v))
			}
			if n >= 0 && x != n {
				return 0, detail(ErrSyntax, "conflicting Content-Length values")
			}
			n = x
		}
	}
	return n, nil
}

// parseStartLine parses a request line or a status line into m.
func parseStartLine(line []byte, m *Message) bool {
	line = bytes.TrimRight(line, " \t")
	if bytes.HasPrefix(line, []byte("HTTP/")) {
		sp := bytes.IndexByte(line, ' ')
		if sp < 0 || !isHTTPVersion(line[:sp]) {
			return false
		}
		rest := bytes.TrimLeft(line[sp+1:], " ")
		if len(rest) < 3 || !isDigit(rest[0]) || !isDigit(rest[1]) || !isDigit(rest[2]) || len(rest) > 3 && rest[3] != ' ' {
			return false
		}
		m.Kind = KindResponse
		m.Proto = string(line[:sp])
		m.StatusCode = int(rest[0]-'0')*100 + int(rest[1]-'0')*10 + int(rest[2]-'0')
		if len(rest) > 3 {
			m.Reason = strings.TrimSpace(string(rest[4:]))
		}
		return true
	}
	sp1 := bytes.IndexByte(line, ' ')
	sp2 := bytes.LastIndexByte(line, ' ')
	if sp1 <= 0 || sp2 <= sp1 {
		return false
	}
	method, target, proto := line[:sp1], bytes.TrimSpace(line[sp1+1:sp2]), line[sp2+1:]
	if len(method) > 32 || len(target) == 0 || bytes.IndexByte(target, ' ') >= 0 || !isHTTPVersion(proto) {
		return false
	}
	for _, c := range method {
		if !('A' <= c && c <= 'Z' || c == '-' || c == '_') {
			return false
		}
	}
	m.Kind = KindRequest
	m.Method = string(method)
	m.Target = string(target)
	m.Proto = string(proto)
	return true
}

// isHTTPVersion accepts "HTTP/1.1", "HTTP/1.0", "HTTP/2", "HTTP/2.0", "HTTP/3".
func isHTTPVersion(b []byte) bool {
	if !bytes.HasPrefix(b, []byte("HTTP/")) {
		return false
	}
	v := b[5:]
	return len(v) == 1 && isDigit(v[0]) || len(v) == 3 && isDigit(v[0]) && v[1] == '.' && isDigit(v[2])
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// parseField parses "Name: value" from data[p:end]. The name may start
// with ':', as HTTP/2 pseudo-header fields (":authority", RFC 9113 8.3) do
// where tools show an HTTP/2 message in HTTP/1 form.
func parseField(data []byte, p, end int) (Field, error) {
	line := data[p:end]
	colon := bytes.IndexByte(line, ':')
	if colon == 0 && len(line) > 1 && isTchar(line[1]) {
		colon = 1 + bytes.IndexByte(line[1:], ':')
	}
	if colon <= 0 {
		return Field{}, detail(ErrSyntax, "expected a header field (Name: value) or an empty line")
	}
	for i, c := range line[:colon] {
		if !isTchar(c) && !(i == 0 && c == ':') {
			return Field{}, detail(ErrSyntax, "invalid character "+quoteByte(c)+" in header field name")
		}
	}
	return Field{Name: string(line[:colon]), Value: strings.TrimSpace(string(line[colon+1:]))}, nil
}

// isTchar reports whether c may appear in a token (RFC 9110 5.6.2).
func isTchar(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0
}

// skipGap skips blank lines and separator lines from p, returning the start
// of the first line that is neither (or len(data)).
func skipGap(data []byte, p int) int {
	for p < len(data) {
		end, next := lineEnd(data, p)
		if !isGapLine(data[p:end]) {
			return p
		}
		p = next
	}
	return p
}

// isGapLine reports whether a line is empty, white space, or a separator:
// at least three of one punctuation character from -=*#~_+ with optional
// white space, as tools write between saved sessions.
func isGapLine(line []byte) bool {
	var sep byte
	n := 0
	for _, c := range line {
		switch {
		case isSpace(c):
		case strings.IndexByte("-=*#~_+", c) >= 0 && (sep == 0 || sep == c):
			sep = c
			n++
		default:
			return false
		}
	}
	return n == 0 || n >= 3
}

// nextMessageStart returns the start of the next line at or after p that
// begins another HTTP message (possibly after separator lines), or
// len(data). It is used for bodies that have no framing.
func nextMessageStart(data []byte, p int) int {
	var m Message
	for i := p; i < len(data); {
		end, next := lineEnd(data, i)
		line := data[i:trimCR(data, i, end)]
		if len(line) >= 10 && ('A' <= line[0] && line[0] <= 'Z') && parseStartLine(line, &m) {
			return i
		}
		i = next
	}
	return len(data)
}

// trimBodyEnd drops the line breaks and separator lines that tools put
// between an unframed body and what follows it.
func trimBodyEnd(data []byte, start, end int) int {
	for end > start {
		for end > start && (data[end-1] == '\n' || data[end-1] == '\r') {
			end--
		}
		ls := bytes.LastIndexByte(data[start:end], '\n') + 1 + start
		if ls == start || !isGapLine(data[ls:end]) {
			return end
		}
		end = ls
	}
	return end
}

// chunkError carries the offset of a chunked-coding problem. partial is
// the body decoded so far when the input ends at a chunk boundary before
// the last chunk (nil otherwise).
type chunkError struct {
	off     int
	err     error
	partial []byte
}

func (e *chunkError) Error() string { return e.err.Error() }

func errOffset(err error, def int) int {
	if ce, ok := err.(*chunkError); ok {
		return ce.off
	}
	return def
}

func errCause(err error) error {
	if ce, ok := err.(*chunkError); ok {
		return ce.err
	}
	return err
}

// dechunk undoes the chunked transfer coding from p: chunk-size lines in hex
// (with optional extensions after ';'), chunk data each followed by a line
// break, a last chunk of size 0, then trailer fields up to an empty line.
// The input may end right after the last chunk. It returns the body, the
// trailer fields and where the next message may start.
func dechunk(data []byte, p int) ([]byte, Header, int, error) {
	var body []byte
	for {
		if p >= len(data) {
			return nil, nil, 0, &chunkError{p, detail(ErrTruncated, "input ends before the last chunk"), body}
		}
		end, next := lineEnd(data, p)
		lineStop := trimCR(data, p, end)
		i := p
		var size uint64
		for i < lineStop && isHexDigit(data[i]) {
			if size > 1<<40 {
				return nil, nil, 0, &chunkError{p, detail(ErrSyntax, "chunk size too large"), nil}
			}
			size = size<<4 | uint64(unhex(data[i]))
			i++
		}
		if i == p {
			return nil, nil, 0, &chunkError{p, detail(ErrSyntax, "chunk size "+strconv.Quote(string(data[p:lineStop]))+" is not hexadecimal"), nil}
		}
		for i < lineStop && isBlank(data[i]) {
			i++
		}
		if i < lineStop && data[i] != ';' {
			return nil, nil, 0, &chunkError{i, detail(ErrSyntax, "unexpected "+quoteByte(data[i])+" after the chunk size"), nil}
		}
		if end == len(data) && size > 0 {
			return nil, nil, 0, &chunkError{len(data), detail(ErrTruncated, "input ends after a chunk size"), nil}
		}
		p = next
		if size == 0 {
			break
		}
		if size > uint64(len(data)-p) {
			return nil, nil, 0, &chunkError{p, detail(ErrTruncated, "chunk of "+strconv.FormatUint(size, 10)+" bytes but only "+strconv.Itoa(len(data)-p)+" bytes follow"), nil}
		}
		body = append(body, data[p:p+int(size)]...)
		p += int(size)
		switch {
		case p+1 < len(data) && data[p] == '\r' && data[p+1] == '\n':
			p += 2
		case p < len(data) && data[p] == '\n':
			p++
		case p >= len(data):
			return nil, nil, 0, &chunkError{p, detail(ErrTruncated, "input ends inside the chunked body"), body}
		default:
			return nil, nil, 0, &chunkError{p, detail(ErrSyntax, "chunk data not followed by a line break"), nil}
		}
	}
	var trailer Header
	for p < len(data) {
		end, next := lineEnd(data, p)
		end = trimCR(data, p, end)
		if end == p {
			p = next
			break
		}
		f, err := parseField(data, p, end)
		if err != nil {
			return nil, nil, 0, &chunkError{p, err, nil}
		}
		trailer = append(trailer, f)
		p = next
	}
	if body == nil {
		body = []byte{}
	}
	return body, trailer, p, nil
}
