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

	// An indented or quoted input (see newHTTPInput): data is the text
	// with the prefixes removed, input the input, quote maps offsets back
	// to it; bodies are read from the text (textBody); stopErr, the line
	// that lacks the prefix, takes the place of the end of input.
	input   []byte
	quote   *quoteMap
	text    bool
	stopErr error
}

// maxPending is how many requests await their responses at most: far
// more than any client pipelines, few enough that the requests of a
// capture with no responses do not pile up in memory.
const maxPending = 64

func newHTTPSource(data []byte, p int, b *budget) *httpSource {
	return &httpSource{data: data, p: p, lines: lineCounter{data: data}, b: b}
}

func (s *httpSource) fail(off int, err error) error {
	if s.quote != nil {
		return textError(s.input, FormHTTP, s.n, s.quote.offset(off), err)
	}
	return textError(s.data, FormHTTP, s.n, off, err)
}

// offset returns the input offset of offset off of s.data.
func (s *httpSource) offset(off int) int64 {
	if s.quote != nil {
		return int64(s.quote.offset(off))
	}
	return int64(off)
}

func (s *httpSource) next() (*Message, error) {
	data := s.data
	p := skipGap(data, s.p)
	if p == len(data) {
		if s.stopErr != nil {
			if e, ok := s.stopErr.(*Error); ok {
				e.Index = s.n
			}
			return nil, s.stopErr
		}
		if s.n == 0 {
			return nil, textError(data, FormHTTP, 0, p, detail(ErrEmpty, "no HTTP message"))
		}
		return nil, io.EOF
	}
	s.n++
	m := &Message{Form: FormHTTP, Index: s.n, Offset: s.offset(p), Line: s.lines.lineOf(p)}
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
		// The input ends in the header: a message shown by its header
		// only, as specifications do. A body it promises is missing.
		s.p = p
		if cls := m.Header.Values("Content-Length"); len(cls) > 0 && !noBody(m) {
			if n, err := contentLength(cls); err == nil && n > 0 {
				short := s.truncatedNote(p, "Content-Length "+strconv.FormatInt(n, 10), 0)
				m.Warning = &causeError{sentinel: ErrLossy, also: short.also, msg: short.msg}
			}
		}
		return m, nil
	}

	bodyStart := p
	body, next, short, err := s.readBody(m, p)
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
		switch {
		case err == nil:
		case errors.Is(err, ErrTooLarge):
			return nil, s.fail(bodyStart, err)
		case short != nil:
			// Cut short, the coded body does not decode: the message is
			// still shown, without a body.
			m.Warning = &causeError{sentinel: ErrLossy, also: ErrTruncated,
				msg: short.msg + "; the " + strings.Join(codings, ", ") + " coding cannot be undone on what is present", cause: err}
			return m, nil
		case !(wbxml.HasHeader(body) || looksMultipart(body)):
			return nil, s.fail(bodyStart, err)
		default:
			// A proxy that decoded the body for display and saved it so,
			// keeping the header: the body is what was meant, not what was
			// sent.
			m.Warning = detail(ErrLossy, "the header says "+strings.Join(codings, ", ")+
				" but the body is not so coded: it was saved decoded, and is read as it is")
			decoded = body
		}
		body = decoded
	}
	if short != nil {
		// The capture ends inside the body, or its framing disagrees with
		// the bytes: what is there is kept, and the note says whether it is
		// a whole WBXML document.
		msg := short.msg
		switch {
		case wbxml.Valid(body):
			msg += "; the body read is a complete WBXML document"
		case wbxml.HasHeader(body):
			msg += "; the body read is not a complete WBXML document"
		}
		m.Warning = &causeError{sentinel: ErrLossy, also: short.also, msg: msg}
	}
	m.Body = body
	return m, nil
}

// bodyNote says how a body differs from what its framing promises: cut
// short by the end of the capture (also wraps [ErrTruncated]), or of
// another length than its Content-Length says.
type bodyNote struct {
	msg  string
	also error // ErrTruncated, or nil
}

// truncatedNote is the note of a body that the input ends in: at is where
// it ends, present how many of its bytes are there.
func (s *httpSource) truncatedNote(at int, what string, present int) *bodyNote {
	if present == 0 && what != "" {
		return &bodyNote{msg: "body missing: " + what + ", 0 bytes present", also: ErrTruncated}
	}
	msg := "body truncated at offset " + strconv.FormatInt(s.offset(at), 10) + ": "
	if what != "" {
		msg += what + ", "
	}
	return &bodyNote{msg: msg + plural(present, "byte") + " present", also: ErrTruncated}
}

// readBody frames the body starting at p: chunked, by Content-Length, none
// (responses to HEAD, 1xx, 204, 304), or up to the next message or the end
// of input. It returns the framed body (transfer coding chunked undone) and
// where the next message may start. A body that the input ends in (before
// its Content-Length is reached, or inside the chunked coding between or
// inside chunks) is returned as far as it goes, with a note (short); so is
// a body whose Content-Length disagrees with the bytes when the bytes up to
// the next message are a complete WBXML document and the framed bytes are
// not.
func (s *httpSource) readBody(m *Message, p int) (body []byte, next int, short *bodyNote, err error) {
	data := s.data
	if noBody(m) {
		return nil, p, nil, nil
	}
	if s.text {
		if body, next, short, ok := s.textBody(m, p); ok {
			return body, next, short, nil
		}
	}
	te := splitCodings(m.Header.Values("Transfer-Encoding"))
	if len(te) > 0 && te[len(te)-1] == "chunked" {
		body, trailer, next, err := dechunk(data, p)
		if err != nil {
			ce, isChunk := err.(*chunkError)
			if isChunk && ce.truncated {
				return ce.partial, len(data), s.truncatedNote(len(data), "chunked, no last chunk", len(ce.partial)), nil
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
			cl := "Content-Length " + strconv.FormatInt(n, 10)
			if n > int64(len(data)-p) {
				if body, next, short := s.otherLength(p, len(data), cl, false); short != nil {
					return body, next, short, nil
				}
				return data[p:len(data):len(data)], len(data), s.truncatedNote(len(data), cl, len(data)-p), nil
			}
			end := p + int(n)
			if !s.whole && !startsMessage(data, end) {
				if body, next, short := s.otherLength(p, end, cl, true); short != nil {
					return body, next, short, nil
				}
			}
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

// noBody reports whether m is a response that has no body whatever its
// header says: to HEAD, 1xx, 204 and 304.
func noBody(m *Message) bool {
	return m.Kind == KindResponse && (m.StatusCode < 200 || m.StatusCode == 204 || m.StatusCode == 304 ||
		m.Request != nil && m.Request.Method == "HEAD")
}

// startsMessage reports whether the input ends at p, or what follows p
// (after blank and separator lines) is the start line of a message.
func startsMessage(data []byte, p int) bool {
	p = skipGap(data, p)
	return p == len(data) || looksHTTP(data, p)
}

// otherLength checks a body framed by Content-Length (data[p:end], where
// end may be the end of input for a Content-Length past it) that is not
// followed by a message or runs past the end: when the bytes from p to
// the next message (or the end) are a complete WBXML document and the
// framed ones are not, the Content-Length is wrong, and those bytes are
// the body, with a note. checkFramed says to check the framed bytes (not
// when the input ends before them). It reads no further than the framed
// bytes and the next message's start line, so that the input is read
// once.
func (s *httpSource) otherLength(p, end int, cl string, checkFramed bool) (body []byte, next int, short *bodyNote) {
	data := s.data
	if !wbxml.HasHeader(data[p:]) || checkFramed && wbxml.Valid(data[p:end]) {
		return nil, 0, nil
	}
	stop := len(data)
	if !s.whole {
		stop = nextMessageStart(data, p)
	}
	bodyEnd := trimBodyEnd(data, p, stop)
	if bodyEnd == end || !wbxml.Valid(data[p:bodyEnd]) {
		return nil, 0, nil
	}
	n := bodyEnd - p
	return data[p:bodyEnd:bodyEnd], stop, &bodyNote{msg: cl + " disagrees with the body: " + plural(n, "byte") + " up to " + s.nextName(stop)}
}

// nextName names what ends a body: the next message, or the end of input.
func (s *httpSource) nextName(at int) string {
	if at == len(s.data) {
		return "the end of the input"
	}
	return "the next message"
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

// chunkError carries the offset of a chunked-coding problem. When the
// input ends inside the body (truncated), partial is the body decoded so
// far, with the data of a chunk cut short.
type chunkError struct {
	off       int
	err       error
	partial   []byte
	truncated bool // the input ends inside the body: partial is what there is
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
			return nil, nil, 0, &chunkError{p, detail(ErrTruncated, "input ends before the last chunk"), body, true}
		}
		end, next := lineEnd(data, p)
		lineStop := trimCR(data, p, end)
		i := p
		var size uint64
		for i < lineStop && isHexDigit(data[i]) {
			if size > 1<<40 {
				return nil, nil, 0, &chunkError{p, detail(ErrSyntax, "chunk size too large"), nil, false}
			}
			size = size<<4 | uint64(unhex(data[i]))
			i++
		}
		if i == p {
			return nil, nil, 0, &chunkError{p, detail(ErrSyntax, "chunk size "+strconv.Quote(string(data[p:lineStop]))+" is not hexadecimal"), nil, false}
		}
		for i < lineStop && isBlank(data[i]) {
			i++
		}
		if i < lineStop && data[i] != ';' {
			return nil, nil, 0, &chunkError{i, detail(ErrSyntax, "unexpected "+quoteByte(data[i])+" after the chunk size"), nil, false}
		}
		if end == len(data) && size > 0 {
			return nil, nil, 0, &chunkError{len(data), detail(ErrTruncated, "input ends after a chunk size"), body, true}
		}
		p = next
		if size == 0 {
			break
		}
		if size > uint64(len(data)-p) {
			return nil, nil, 0, &chunkError{p, detail(ErrTruncated, "chunk of "+strconv.FormatUint(size, 10)+" bytes but only "+strconv.Itoa(len(data)-p)+" bytes follow"), append(body, data[p:]...), true}
		}
		body = append(body, data[p:p+int(size)]...)
		p += int(size)
		switch {
		case p+1 < len(data) && data[p] == '\r' && data[p+1] == '\n':
			p += 2
		case p < len(data) && data[p] == '\n':
			p++
		case p >= len(data):
			return nil, nil, 0, &chunkError{p, detail(ErrTruncated, "input ends inside the chunked body"), body, true}
		default:
			return nil, nil, 0, &chunkError{p, detail(ErrSyntax, "chunk data not followed by a line break"), nil, false}
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
			return nil, nil, 0, &chunkError{p, err, nil, false}
		}
		trailer = append(trailer, f)
		p = next
	}
	if body == nil {
		body = []byte{}
	}
	return body, trailer, p, nil
}
