package main

import (
	"bytes"
	"errors"
	"io"

	"github.com/easkit/easkit/capture"
	"github.com/easkit/easkit/internal/cli"
	"github.com/easkit/easkit/version"
	"github.com/easkit/easkit/wbxml"
)

// maxNotes bounds the warnings printed per document; a last line counts the
// rest.
const maxNotes = 20

// converter turns the messages of one input into XML.
type converter struct {
	x     *wbxml.XMLWriter
	form  capture.Form
	proto version.Version
	out   []byte
	notes []string
	// sink, when set, is the output file: documents are written to it as
	// they convert, after c.out, instead of being built in memory.
	sink io.Writer
}

func newConverter(o *options) *converter {
	return &converter{x: wbxml.NewXMLWriter(o.wbxmlOptions()...), form: o.form, proto: o.proto}
}

// outputSize guesses the size of the XML of an input of n bytes, so that the
// output buffer is allocated once: XML of ActiveSync WBXML is 1.3 to 3 times
// its size, and memory that is reserved but never written costs nothing.
func outputSize(n int) int {
	const most = 1 << 30
	if n > most/2 {
		return most
	}
	return 2*n + 64<<10
}

// convert converts every message of data and returns the output: all of
// it, or with a sink what is left to write after what was written there.
// On error it returns what was converted before, and the error.
func (c *converter) convert(data []byte) ([]byte, error) {
	size := outputSize(len(data))
	if c.sink != nil {
		size = 64 << 10 // comments and small documents
	}
	c.out = make([]byte, 0, size)
	r := capture.NewReader(data, capture.WithForm(c.form))
	for i := 0; ; i++ {
		m, err := r.Next()
		if errors.Is(err, io.EOF) {
			if i == 0 {
				// A HAR file or HTTP capture with no message in it.
				c.note("", []string{"the input holds no message to convert"})
			}
			return c.out, nil
		}
		if err != nil {
			return c.out, hint(data, err)
		}
		if i > 0 {
			c.out = append(c.out, '\n')
		}
		if err := c.message(m); err != nil {
			return c.out, err
		}
	}
}

// message converts one message: a bare body as it is; an HTTP or HAR message
// with a comment describing it first.
func (c *converter) message(m *capture.Message) error {
	kind := m.BodyKind()
	if m.Kind == capture.KindBody {
		if kind == capture.BodyMultipart {
			return c.multipart(m)
		}
		if t := m.Title(); t != "" {
			c.out = cli.AppendComment(c.out, t)
		}
		return c.document(m, bodyWhere(m), m.Body)
	}
	if !m.ActiveSync() && kind != capture.BodyWBXML && kind != capture.BodyMultipart {
		c.out = cli.AppendComment(c.out, m.Skipped())
		return nil
	}
	switch kind {
	case capture.BodyWBXML:
		c.describe(m)
		return c.document(m, bodyWhere(m), m.Body)
	case capture.BodyMultipart:
		return c.multipart(m)
	}
	c.describe(m)
	return nil
}

// describe writes the comment describing m and keeps its notes.
func (c *converter) describe(m *capture.Message) {
	text, notes := m.Describe()
	c.note(m.Where(), notes)
	c.out = cli.AppendComment(c.out, text)
}

// multipart converts a multipart ItemOperations body, after a comment
// listing its parts: the first part, the WBXML response, is converted; the
// others hold the data fetched, which the comment summarises.
func (c *converter) multipart(m *capture.Message) error {
	parts, err := m.Parts()
	if err != nil {
		return where(bodyWhere(m), err)
	}
	c.describe(m)
	if len(parts) == 0 {
		return nil
	}
	return c.document(m, join(bodyWhere(m), "part 0"), parts[0].Data)
}

// document appends the XML of one WBXML document, a body of m or a part of
// it. w names it in notes and errors. A document that does not convert
// leaves no partial XML behind: the output keeps what came before it.
//
// A body that the capture says is not the bytes that were sent (a HAR tool
// stored binary as text) is damaged before we see it: when it does not
// convert, its partial XML is replaced by a comment giving the error, a
// note says so too, and the other messages are converted as usual.
func (c *converter) document(m *capture.Message, w string, body []byte) error {
	if c.sink != nil && (m.Warning == nil || !errors.Is(m.Warning, capture.ErrLossy)) {
		// Straight to the output file, which an error throws away.
		if _, err := c.sink.Write(c.out); err != nil {
			return err
		}
		c.out = c.out[:0]
		err := c.x.WriteXMLBytes(c.sink, body)
		c.note(w, cli.Notes(c.x.Warnings(), c.proto, "", maxNotes, err))
		return where(w, err)
	}
	start := len(c.out)
	out, err := c.x.AppendXML(c.out, body)
	c.out = out
	c.note(w, cli.Notes(c.x.Warnings(), c.proto, "", maxNotes, err))
	if err == nil {
		return nil
	}
	c.out = c.out[:start]
	if m.Warning != nil && errors.Is(m.Warning, capture.ErrLossy) {
		msg := "not converted, the body was damaged in the capture: " + err.Error()
		c.out = cli.AppendComment(c.out, msg)
		c.note(w, []string{msg})
		return nil
	}
	return where(w, err)
}

// note keeps notes for standard error, prefixed with where they belong.
func (c *converter) note(w string, notes []string) {
	for _, n := range notes {
		if w != "" {
			n = w + ": " + n
		}
		c.notes = append(c.notes, n)
	}
}

// bodyWhere names a message's body in errors and notes: "HTTP message 3
// body", "body decoded from hex", or "" for raw input.
func bodyWhere(m *capture.Message) string {
	if w := m.Where(); w != "" {
		return w + " body"
	}
	if m.Form == capture.FormRaw {
		return ""
	}
	return "body decoded from " + m.Form.String()
}

// join joins two parts of a description with ": " or ", ".
func join(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + ", " + b
}

// whereError says which message or body an error is about.
type whereError struct {
	where string
	err   error
}

func (e *whereError) Error() string { return e.where + ": " + e.err.Error() }
func (e *whereError) Unwrap() error { return e.err }

// where wraps err with w, when w says something; a nil err stays nil.
func where(w string, err error) error {
	if w == "" || err == nil {
		return err
	}
	return &whereError{w, err}
}

// hintError adds advice to an error.
type hintError struct {
	err  error
	hint string
}

func (e *hintError) Error() string { return e.err.Error() + " (" + e.hint + ")" }
func (e *hintError) Unwrap() error { return e.err }

// hint adds advice to a capture error where the input is XML: the other
// command converts that.
func hint(data []byte, err error) error {
	if errors.Is(err, capture.ErrUnknownForm) && bytes.HasPrefix(bytes.TrimLeft(data, " \t\r\n\ufeff"), []byte("<")) {
		return &hintError{err, "to convert XML to WBXML, use xml2wbxml"}
	}
	return err
}
