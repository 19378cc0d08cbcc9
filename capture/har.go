package capture

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
)

// HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/) as written by
// browsers, mitmproxy, Charles and Fiddler. Only the fields this package
// uses are declared; everything else is skipped.

type harHeader struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

type harPostData struct {
	MimeType string          `json:"mimeType"`
	Text     json.RawMessage `json:"text"`
	Encoding string          `json:"encoding"` // not in HAR 1.2; some tools add it
}

type harRequest struct {
	Method      string       `json:"method"`
	URL         string       `json:"url"`
	HTTPVersion string       `json:"httpVersion"`
	Headers     []harHeader  `json:"headers"`
	PostData    *harPostData `json:"postData"`
	BodySize    json.Number  `json:"bodySize"`
}

type harContent struct {
	Size     json.Number     `json:"size"`
	MimeType string          `json:"mimeType"`
	Text     json.RawMessage `json:"text"`
	Encoding string          `json:"encoding"`
}

type harResponse struct {
	Status      json.Number `json:"status"`
	StatusText  string      `json:"statusText"`
	HTTPVersion string      `json:"httpVersion"`
	Headers     []harHeader `json:"headers"`
	Content     harContent  `json:"content"`
}

type harEntry struct {
	Started  string       `json:"startedDateTime"`
	Request  *harRequest  `json:"request"`
	Response *harResponse `json:"response"`
}

// harItem is an entry read from log.entries, with its place in the file.
type harItem struct {
	e     harEntry
	n     int // 1-based position in log.entries
	at    int // offset of the entry
	line  int // line of at
	start time.Time
}

// harSource yields, for each entry of log.entries, its request and then its
// response. Entries come in the order of their startedDateTime, as the HAR
// 1.2 specification asks readers to ensure (tools write them sorted, but
// not all do: a HAR merged from several captures, or one whose entries were
// added as responses completed); entries with the same time, and all
// entries when one of them has no time in the ISO 8601 form the
// specification gives, keep their file order. Entry numbers are positions
// in the file either way.
type harSource struct {
	data    []byte
	base    int // offset of the JSON text in data (after a byte order mark)
	dec     *json.Decoder
	b       *budget
	n       int
	ready   bool
	items   []harItem
	next1   int   // index in items of the next entry to yield
	readErr error // the error that ended reading the entries, if any
	pending *Message
	// lineOff and line: the line at offset lineOff of data, counted from
	// the previous entry on, so that numbering all entries stays linear.
	lineOff, line int
}

func newHARSource(data []byte, p int, b *budget) *harSource {
	return &harSource{data: data, base: p, dec: json.NewDecoder(bytes.NewReader(data[p:])), b: b}
}

func (s *harSource) fail(index int, part string, off int, err error) error {
	e := textError(s.data, FormHAR, index, off, err)
	e.Part = part
	return e
}

// jsonError turns an encoding/json error into an *Error at its offset.
// valueStart is where the value being decoded begins (type errors count
// from there; they point just after the offending value).
func (s *harSource) jsonError(index int, valueStart int, err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return s.fail(index, "", s.base+int(se.Offset), wrapCause(ErrSyntax, "JSON", err))
	case errors.As(err, &te):
		field := te.Field
		if field == "" {
			field = "value"
		}
		// Decode reports offsets from the start of the value it decoded.
		return s.fail(index, "", valueStart+int(te.Offset), detail(ErrSyntax, field+": expected a JSON "+jsonKind(te.Type)+", found "+te.Value))
	case err == io.EOF || err == io.ErrUnexpectedEOF:
		return s.fail(index, "", len(s.data), detail(ErrTruncated, "JSON ends early"))
	}
	return s.fail(index, "", skipSpace(s.data, valueStart), wrapCause(ErrSyntax, "JSON", err))
}

// findEntries positions the decoder inside the log.entries array.
func (s *harSource) findEntries() error {
	if err := s.expectDelim('{', "a JSON object"); err != nil {
		return err
	}
	if err := s.findKey("log", "the HAR has no \"log\" object"); err != nil {
		return err
	}
	if err := s.expectDelim('{', "\"log\" to be an object"); err != nil {
		return err
	}
	if err := s.findKey("entries", "the HAR log has no \"entries\" array"); err != nil {
		return err
	}
	return s.expectDelim('[', "\"entries\" to be an array")
}

func (s *harSource) expectDelim(d json.Delim, what string) error {
	at := s.base + int(s.dec.InputOffset())
	tok, err := s.dec.Token()
	if err != nil {
		return s.jsonError(0, at, err)
	}
	if tok != d {
		return s.fail(0, "", skipSpace(s.data, at), detail(ErrSyntax, "expected "+what))
	}
	return nil
}

// findKey reads object members until key, skipping the values of others.
func (s *harSource) findKey(key, missing string) error {
	for s.dec.More() {
		at := s.base + int(s.dec.InputOffset())
		tok, err := s.dec.Token()
		if err != nil {
			return s.jsonError(0, at, err)
		}
		if k, _ := tok.(string); k == key {
			return nil
		}
		var skip json.RawMessage
		if err := s.dec.Decode(&skip); err != nil {
			return s.jsonError(0, at, err)
		}
	}
	return s.fail(0, "", s.base+int(s.dec.InputOffset()), detail(ErrSyntax, missing))
}

func (s *harSource) next() (*Message, error) {
	if s.pending != nil {
		m := s.pending
		s.pending = nil
		return m, nil
	}
	if !s.ready {
		if err := s.findEntries(); err != nil {
			return nil, err
		}
		s.readEntries()
		s.ready = true
	}
	if s.next1 == len(s.items) {
		if s.readErr != nil {
			return nil, s.readErr
		}
		return nil, io.EOF
	}
	it := &s.items[s.next1]
	s.next1++
	e := it.e
	it.e = harEntry{} // the entry's bodies are not needed once yielded
	req, err := s.request(e.Request, it.n, it.at, it.line)
	if err != nil {
		return nil, err
	}
	if r := e.Response; r != nil && !(harStatus(r.Status) == 0 && len(r.Headers) == 0 && len(r.Content.Text) == 0) {
		resp, err := s.response(r, req, it.n, it.at, it.line)
		if err != nil {
			return nil, err
		}
		s.pending = resp
	}
	return req, nil
}

// readEntries reads the entries of log.entries up to its end or to an
// error, which is kept for after the entries read before it, and sorts them
// by startedDateTime when they all have one.
func (s *harSource) readEntries() {
	for s.readErr == nil {
		it, err := s.readEntry()
		if err == io.EOF {
			break
		}
		if err != nil {
			s.readErr = err
			break
		}
		s.items = append(s.items, it)
	}
	for i := range s.items {
		t, err := time.Parse(time.RFC3339Nano, strings.TrimSpace(s.items[i].e.Started))
		if err != nil {
			return
		}
		s.items[i].start = t
	}
	slices.SortStableFunc(s.items, func(a, b harItem) int { return a.start.Compare(b.start) })
}

// readEntry reads the next entry of log.entries; io.EOF at its end.
func (s *harSource) readEntry() (harItem, error) {
	if !s.dec.More() {
		at := s.base + int(s.dec.InputOffset())
		if tok, err := s.dec.Token(); err != nil || tok != json.Delim(']') {
			if err == nil {
				err = io.ErrUnexpectedEOF
			}
			return harItem{}, s.jsonError(0, at, err)
		}
		return harItem{}, io.EOF
	}
	s.n++
	// Decode reads the value from just after the comma that separates it
	// from the previous entry, and reports type errors from there.
	valueStart := s.base + int(s.dec.InputOffset())
	at := skipSpace(s.data, valueStart)
	if at < len(s.data) && s.data[at] == ',' {
		valueStart = at + 1
		at = skipSpace(s.data, valueStart)
	}
	if s.line == 0 {
		s.line = 1
	}
	s.line += bytes.Count(s.data[s.lineOff:at], []byte{'\n'})
	s.lineOff = at
	it := harItem{n: s.n, at: at, line: s.line}
	if err := s.dec.Decode(&it.e); err != nil {
		return harItem{}, s.jsonError(s.n, valueStart, err)
	}
	if it.e.Request == nil {
		return harItem{}, s.fail(s.n, "", at, detail(ErrSyntax, "entry has no request"))
	}
	return it, nil
}

func harStatus(n json.Number) int {
	f, err := strconv.ParseFloat(string(n), 64)
	if err != nil || f < 0 || f > 999 {
		return 0
	}
	return int(f)
}

func harFields(hs []harHeader) Header {
	if len(hs) == 0 {
		return nil
	}
	h := make(Header, len(hs))
	for i, f := range hs {
		h[i] = Field{Name: f.Name, Value: strings.TrimSpace(f.Value)}
	}
	return h
}

func (s *harSource) request(r *harRequest, n, at, line int) (*Message, error) {
	m := &Message{
		Form: FormHAR, Kind: KindRequest, Index: n, Offset: int64(at), Line: line,
		Method: r.Method, Target: r.URL, Proto: r.HTTPVersion, Header: harFields(r.Headers),
	}
	if pd := r.PostData; pd != nil {
		m.contentType = pd.MimeType
		body, warn, err := s.body(pd.Text, pd.Encoding, m.Header, harSize(r.BodySize))
		if err != nil {
			return nil, s.fail(n, "request", at, prefixErr("postData.text", err))
		}
		m.Body, m.Warning = body, warn
	} else if n := harSize(r.BodySize); n > 0 {
		m.Warning = detail(ErrLossy, "the HAR holds no postData for this "+strconv.FormatInt(n, 10)+"-byte body")
	}
	return m, nil
}

func (s *harSource) response(r *harResponse, req *Message, n, at, line int) (*Message, error) {
	m := &Message{
		Form: FormHAR, Kind: KindResponse, Index: n, Offset: int64(at), Line: line,
		Proto: r.HTTPVersion, StatusCode: harStatus(r.Status), Reason: r.StatusText,
		Header: harFields(r.Headers), Request: req, contentType: r.Content.MimeType,
	}
	body, warn, err := s.body(r.Content.Text, r.Content.Encoding, m.Header, harSize(r.Content.Size))
	if err != nil {
		return nil, s.fail(n, "response", at, prefixErr("content.text", err))
	}
	m.Body, m.Warning = body, warn
	return m, nil
}

func harSize(n json.Number) int64 {
	v, err := strconv.ParseInt(string(n), 10, 64)
	if err != nil {
		return 0
	}
	return v
}

// body recovers a HAR body from its text and encoding; see recoverText.
// HAR bodies are stored after the content coding was undone, but tools keep
// the Content-Encoding header: a coding is undone only when the body still
// carries its magic bytes.
func (s *harSource) body(text json.RawMessage, encoding string, h Header, size int64) ([]byte, error, error) {
	if len(text) == 0 || string(text) == "null" {
		if size > 0 {
			return nil, detail(ErrLossy, "the HAR holds no text for this "+strconv.FormatInt(size, 10)+"-byte body"), nil
		}
		return nil, nil, nil
	}
	raw, st, err := unquoteJSONBytes(text)
	if err != nil {
		return nil, nil, detail(ErrSyntax, "not a JSON string")
	}
	var body []byte
	var warn error
	switch strings.ToLower(encoding) {
	case "base64":
		body, err = decodeBase64Lenient(raw)
		if err != nil {
			return nil, nil, wrapCause(ErrSyntax, "base64", err)
		}
	case "":
		body, warn = recoverText(raw, st)
	default:
		return nil, nil, detail(ErrUnsupported, "body encoding "+strconv.Quote(encoding)+" is not supported (base64 is)")
	}
	codings := splitCodings(h.Values("Content-Encoding"))
	if len(codings) > 0 && len(body) > 0 {
		body, err = decodeCodings(body, codings, s.b, true)
		if err != nil {
			return nil, nil, err
		}
	}
	return body, warn, nil
}

// prefixErr puts a field name before an error's text, keeping what it wraps.
func prefixErr(field string, err error) error {
	if ce, ok := err.(*causeError); ok {
		return &causeError{sentinel: ce.sentinel, msg: field + ": " + ce.msg, cause: ce.cause, also: ce.also}
	}
	return err
}

// jsonKind names the JSON value a Go type is decoded from.
func jsonKind(t reflect.Type) string {
	if t == nil {
		return "value"
	}
	if t == reflect.TypeFor[json.Number]() {
		return "number"
	}
	switch t.Kind() {
	case reflect.String:
		return "string"
	case reflect.Struct, reflect.Map:
		return "object"
	case reflect.Slice, reflect.Array:
		return "array"
	case reflect.Pointer:
		return jsonKind(t.Elem())
	case reflect.Bool:
		return "boolean"
	}
	return "number"
}
