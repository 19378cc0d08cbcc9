package capture

import (
	"errors"
	"io"
	"iter"
	"strconv"
)

// Reader yields the messages of one input in order. Create it with
// [NewReader]; call [Reader.Next] until it returns io.EOF, or range over
// [Reader.All].
//
// The zero Reader reads an empty input: its Next returns an [ErrEmpty]
// error.
//
// A Reader is not safe for concurrent use.
type Reader struct {
	data  []byte
	cfg   config
	form  Form
	init  bool
	err   error // sticky: returned again by every later Next
	src   source
	bare  []bareBody
	index int
	b     *budget
	lines lineCounter
}

// source yields the messages of an HTTP or HAR input.
type source interface {
	next() (*Message, error)
}

// NewReader returns a Reader over data. The form is detected (see [Detect])
// unless forced with [WithForm]. data is not copied: messages may share
// its memory, so it must not be modified while they are in use.
func NewReader(data []byte, opts ...Option) *Reader {
	r := &Reader{data: data}
	for _, o := range opts {
		if o != nil {
			o(&r.cfg)
		}
	}
	return r
}

// Form returns the form the input is read as: the forced form, or the
// detected one (FormUnknown when detection failed; Next then returns the
// error).
func (r *Reader) Form() Form {
	r.start()
	return r.form
}

func (r *Reader) start() {
	if r.init {
		return
	}
	r.init = true
	r.b = &budget{left: r.cfg.budget(len(r.data))}
	form := r.cfg.form
	p := skipBOM(r.data)
	if form == FormAuto {
		f, bodies, err := detect(r.data, &r.cfg)
		if err != nil {
			r.form, r.err = FormUnknown, err
			return
		}
		form, r.bare = f, bodies
		if bodies != nil {
			r.form = form
			r.httpInBodies()
			return
		}
	}
	r.form = form
	var err error
	switch form {
	case FormRaw:
		if len(r.data) == 0 {
			r.err = &Error{Form: FormRaw, Offset: -1, Err: ErrEmpty}
			return
		}
		r.bare = []bareBody{{off: 0, body: r.data[:len(r.data):len(r.data)]}}
	case FormHex:
		r.bare, err = parseHex(r.data, p, r.b)
	case FormBase64:
		r.bare, err = parseBase64(r.data, p)
	case FormHTTP:
		r.src = newHTTPInput(r.data, p, r.b)
	case FormHAR:
		r.src = newHARSource(r.data, p, r.b)
	case FormSAZ:
		r.src, err = newSAZSource(r.data, r.b)
	case FormBurp:
		r.src = newBurpSource(r.data, p, r.b)
	case FormLog:
		r.bare, err = parseLog(r.data, p)
	default:
		err = &Error{Form: FormUnknown, Offset: -1, Err: detail(ErrUnknownForm, "invalid form "+form.String())}
	}
	r.err = err
	if err == nil && (form == FormHex || form == FormBase64) {
		r.httpInBodies()
	}
}

// httpInBodies reads the bodies of a hex or base64 input as HTTP when the
// first one starts with an HTTP start line: a dump of a whole exchange, as
// Wireshark's "Follow TCP Stream" writes it (C arrays, one per packet, or a
// hex dump) or tcpdump -X of the packets' payload. The bodies are joined in
// input order, which is the order they were sent in.
func (r *Reader) httpInBodies() {
	if r.form == FormLog || len(r.bare) == 0 || !looksHTTP(r.bare[0].body, 0) {
		return
	}
	joined := r.bare[0].body
	if len(r.bare) > 1 {
		n := 0
		for _, bb := range r.bare {
			n += len(bb.body)
		}
		joined = make([]byte, 0, n)
		for _, bb := range r.bare {
			joined = append(joined, bb.body...)
		}
	}
	r.src = &dumpedHTTP{http: newHTTPSource(joined, 0, r.b), data: r.data, form: r.form, bodies: r.bare}
	r.bare = nil
}

// dumpedHTTP reads the HTTP messages held by the bodies of a hex or base64
// input. Messages keep their positions in the decoded bytes; an error is
// placed at the start of the dumped body that holds the bad byte, and says
// where in the decoded bytes the problem is.
type dumpedHTTP struct {
	http   *httpSource
	data   []byte // the input
	form   Form   // FormHex or FormBase64
	bodies []bareBody
}

func (s *dumpedHTTP) next() (*Message, error) {
	m, err := s.http.next()
	var e *Error
	if err == nil || !errors.As(err, &e) {
		return m, err
	}
	at, n := 0, int64(0)
	for i, bb := range s.bodies {
		if e.Offset < n+int64(len(bb.body)) || i == len(s.bodies)-1 {
			at = bb.off
			break
		}
		n += int64(len(bb.body))
	}
	pos := "in the HTTP decoded from " + s.form.String()
	if e.Line > 0 {
		pos += ", line " + strconv.Itoa(e.Line) + ":" + strconv.Itoa(e.Column)
	} else if e.Offset >= 0 {
		pos += ", offset " + strconv.FormatInt(e.Offset, 10)
	}
	line, col := lineCol(s.data, at)
	return nil, &Error{Form: e.Form, Index: e.Index, Part: e.Part, Offset: int64(at), Line: line, Column: col,
		Err: &posError{pos: pos, err: e.Err}}
}

// posError puts a position before an error's text, keeping what it wraps.
type posError struct {
	pos string
	err error
}

func (e *posError) Error() string { return e.pos + ": " + e.err.Error() }
func (e *posError) Unwrap() error { return e.err }

// Next returns the next message, or io.EOF after the last one. After an
// error, Next returns that same error again: a malformed message stops the
// reading, since where the next one starts is then unknown. The error is an
// *[Error] naming the position.
func (r *Reader) Next() (*Message, error) {
	r.start()
	if r.err != nil {
		return nil, r.err
	}
	if r.src != nil {
		m, err := r.src.next()
		if err != nil {
			r.err = err
		}
		if m != nil {
			m.classify()
		}
		return m, err
	}
	if r.index >= len(r.bare) {
		r.err = io.EOF
		return nil, io.EOF
	}
	bb := r.bare[r.index]
	r.index++
	m := &Message{
		Form:      r.form,
		Kind:      KindBody,
		Index:     r.index,
		Offset:    int64(bb.off),
		Body:      bb.body,
		Warning:   bb.warn,
		Direction: bb.dir,
		Marker:    bb.marker,
		single:    len(r.bare) == 1 && r.form != FormLog,
	}
	if r.form != FormRaw {
		r.lines.data = r.data
		m.Line = r.lines.lineOf(bb.off)
	}
	if bb.note != nil {
		m.Warning = logNote(m.Line, r.lines.columnOf(bb.off), bb.note)
	}
	m.classify()
	return m, nil
}

// All returns an iterator over the remaining messages. It stops after the
// last message, or after yielding the first error (never io.EOF) with a
// nil message.
func (r *Reader) All() iter.Seq2[*Message, error] {
	return func(yield func(*Message, error) bool) {
		for {
			m, err := r.Next()
			if errors.Is(err, io.EOF) {
				return
			}
			if !yield(m, err) || err != nil {
				return
			}
		}
	}
}

// ReadAll reads every message of data. On error it returns the messages
// read before it, and the error.
func ReadAll(data []byte, opts ...Option) ([]*Message, error) {
	r := NewReader(data, opts...)
	var ms []*Message
	for m, err := range r.All() {
		if err != nil {
			return ms, err
		}
		ms = append(ms, m)
	}
	return ms, nil
}
