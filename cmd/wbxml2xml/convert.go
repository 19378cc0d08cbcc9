package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/easkit/easkit/capture"
	"github.com/easkit/easkit/eas"
	"github.com/easkit/easkit/internal/cli"
	"github.com/easkit/easkit/version"
	"github.com/easkit/easkit/wbxml"
)

// layout says how the messages of an input are laid out in the output.
type layout uint8

const (
	// layoutAuto: a lone bare body as its XML document (layoutDocs), any
	// other input (a multipart body too) as one capture document
	// (layoutCapture).
	layoutAuto layout = iota
	// layoutDocs: each message as a comment and its body's XML document,
	// one after another (-concat, and a lone body).
	layoutDocs
	// layoutCapture: one <easkit:capture> document holding an
	// <easkit:message> element per message.
	layoutCapture
	// layoutSplit: a file per message in a directory (-split DIR), each
	// an <easkit:message> document.
	layoutSplit
)

// converter turns the messages of one input into XML, written as it is
// made: memory holds the sink's buffers and the conversion's, whatever
// the size of the output.
type converter struct {
	o      *options
	layout layout
	doc    *wbxml.XMLWriter // a body as a whole document (layoutDocs)
	elem   *wbxml.XMLWriter // a body as an element of a message: no declaration, no DOCTYPE
	form   capture.Form
	proto  version.Version
	// valVer is the version -validate checks the current message
	// against, and valFrom where it comes from (see validateVersion);
	// reqVer is the version of the last request of a capture, for the
	// response after it.
	valVer  version.Version
	valFrom string
	reqVer  version.Version
	show    []capture.Option // what Describe and Skipped show (-show-secrets)
	notes   *cli.NoteWriter
	// dest is where the XML goes: the -o file, or nil for the standard
	// output that convert is given.
	dest io.Writer
	out  *sink
	buf  []byte // start tags and comments being made
	// messages counts the messages read, converted those that were not
	// skipped as other traffic: a run that converts none fails.
	messages, converted int
}

// newConverter returns a converter for the options, writing notes to
// stderr.
func newConverter(o *options, stderr io.Writer) *converter {
	c := &converter{o: o, layout: o.layout, form: o.form, proto: o.proto,
		notes: cli.NewNoteWriter(stderr, name, cli.MaxNotes)}
	if o.secrets {
		c.show = []capture.Option{capture.WithSecrets(true)}
	}
	return c
}

// convert converts every message of data and writes the XML to c.dest, or
// to stdout when c.dest is nil. On error, the messages converted before it
// have been written (see run).
func (c *converter) convert(data []byte, stdout io.Writer) error {
	dest := c.dest
	if dest == nil {
		dest = stdout
	}
	r := capture.NewReader(data, capture.WithForm(c.form))
	first, err := r.Next()
	if errors.Is(err, io.EOF) {
		// A HAR file or HTTP capture with no message in it.
		return errNoMessage
	}
	if err != nil {
		return hint(data, err)
	}
	if c.layout == layoutAuto {
		c.layout = layoutCapture
		if first.Kind == capture.KindBody && first.Where() == "" && first.BodyKind() != capture.BodyMultipart {
			// The only body of raw, hex or base64 input; a multipart
			// one has a comment listing its parts, which may not come
			// before an XML declaration.
			c.layout = layoutDocs
		}
	}
	if c.layout == layoutDocs {
		c.doc = wbxml.NewXMLWriter(c.o.wbxmlOptions()...)
	} else {
		c.elem = wbxml.NewXMLWriter(append(c.o.wbxmlOptions(),
			wbxml.WithXMLDeclaration(false), wbxml.WithDocType(false))...)
	}
	if c.layout == layoutSplit {
		err = c.split(r, first)
	} else {
		c.out = newSink(dest)
		c.out.direct = c.dest != nil // a file: aborted on error
		err = c.stream(data, r, first)
		if ferr := c.out.Flush(); err == nil {
			err = ferr
		}
	}
	if err == nil && c.converted == 0 {
		err = errors.New("the input's only message is not ActiveSync: nothing converted (the output shows it)")
		if c.messages > 1 {
			err = fmt.Errorf("none of the input's %d messages is ActiveSync: nothing converted (the output lists them)", c.messages)
		}
	}
	if err == nil {
		c.notes.Close()
	}
	return err
}

// errNoMessage is the error of an input that holds no message at all.
var errNoMessage = errors.New("the input holds no message to convert")

// skip reports whether m is other traffic, shown in one line rather than
// converted, and counts it.
func (c *converter) skip(m *capture.Message) bool {
	c.messages++
	kind := m.BodyKind()
	if m.Kind != capture.KindBody && !m.ActiveSync() && kind != capture.BodyWBXML && kind != capture.BodyMultipart {
		return true
	}
	c.converted++
	return false
}

// stream writes the messages of r, first the one already read, to c.out.
// Each message's XML is held back while it is small (see sink), so that a
// message that fails leaves nothing of itself; a capture document is then
// closed after the messages before it, and stays well-formed.
func (c *converter) stream(data []byte, r *capture.Reader, m *capture.Message) error {
	if c.layout == layoutCapture {
		c.captureStart(m)
	}
	for i := 0; ; i++ {
		c.out.hold(len(m.Body))
		var err error
		if c.layout == layoutCapture {
			err = c.element(m, i, false)
		} else {
			if i > 0 {
				c.out.WriteString("\n")
			}
			err = c.message(m)
		}
		if err != nil {
			if !c.out.drop() && c.layout == layoutCapture {
				c.captureEnd()
			}
			return err
		}
		if err := c.out.keep(); err != nil {
			return err
		}
		m, err = r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			if c.layout == layoutCapture {
				c.captureEnd()
			}
			return hint(data, err)
		}
	}
	if c.layout == layoutCapture {
		c.captureEnd()
	}
	return nil
}

// check looks at a body of m, or a part of it, before it is written. w
// names it in notes. A body that the capture says is not the bytes that
// were sent (a HAR tool stored binary as text) is
// damaged before we see it: it is converted to nowhere first, and when
// that fails, damaged is the error, for a comment or an attribute in its
// place, and a note says so; the other messages are converted as usual.
func (c *converter) check(x *wbxml.XMLWriter, m *capture.Message, w string, body []byte) (damaged string) {
	if m.Warning == nil || !errors.Is(m.Warning, capture.ErrLossy) {
		return ""
	}
	err := x.WriteXMLBytes(io.Discard, body)
	if err == nil {
		return ""
	}
	c.notes.Warnings(x.Warnings(), c.proto, w, err)
	msg := "not converted, the body was damaged in the capture: " + c.explain(err).Error()
	c.notes.Note(w, msg)
	return msg
}

// write converts body with x to c.out and writes its notes. w names it in
// notes and errors. On error, the notes are left out: the error is the
// last line.
func (c *converter) write(x *wbxml.XMLWriter, w string, body []byte) error {
	if n := headerNote(body); n != "" {
		if c.o.strict {
			return where(w, &headerError{n})
		}
		c.notes.Note(w, n+headerLenient)
	}
	if err := x.WriteXMLBytes(c.out, body); err != nil {
		return where(w, c.explain(err))
	}
	c.notes.Warnings(x.Warnings(), c.proto, w, nil)
	if c.o.validate {
		return c.validate(w, body)
	}
	return nil
}

// validate checks body against the command schemas (-validate) and
// writes each problem as a note; under -strict a problem fails the run.
func (c *converter) validate(w string, body []byte) error {
	v, from := c.valVer, c.valFrom
	if v == 0 {
		v, from = c.proto, "-protocol"
	}
	if v == 0 {
		v, from = version.Known[len(version.Known)-1], "the newest; no -protocol and no version in the capture"
	}
	err := eas.Validate(body, eas.WithVersion(v), eas.WithStrict(c.o.strict))
	var ve *eas.ValidationError
	if !errors.As(err, &ve) {
		return nil
	}
	what := ve.Message + " in " + v.String()
	if from != "-protocol" {
		c.notes.Note(w, "schema: checked against protocol "+v.String()+" ("+from+")")
	}
	for _, p := range ve.Problems {
		c.notes.Note(w, "schema ("+what+"): "+p.String())
	}
	if ve.More > 0 {
		c.notes.Note(w, fmt.Sprintf("schema (%s): … and %d more problems", what, ve.More))
	}
	if c.o.strict {
		return where(w, fmt.Errorf("not a valid %s (-validate -strict): %d problems", strings.TrimSpace(ve.Message+" message"), len(ve.Problems)+ve.More))
	}
	return nil
}

// validateVersion sets the version -validate uses for m's body when
// there is no -protocol: the MS-ASProtocolVersion header of m, or the
// version of its base64 query; for a response with neither, the request
// before it; else none (validate then takes the newest).
func (c *converter) validateVersion(m *capture.Message) {
	c.valVer, c.valFrom = 0, ""
	if c.proto != 0 || !c.o.validate {
		return
	}
	if h := m.Header.Get("MS-ASProtocolVersion"); h != "" {
		if v, err := version.Parse(strings.TrimSpace(h)); err == nil {
			c.valVer, c.valFrom = v, "the MS-ASProtocolVersion header"
		}
	} else if q := m.Query(); q != nil && q.Decoded && q.Base64.Version != 0 {
		c.valVer, c.valFrom = q.Base64.Version, "the version of the base64 query"
	}
	switch m.Kind {
	case capture.KindRequest:
		c.reqVer = c.valVer
	case capture.KindResponse:
		if c.valVer == 0 && c.reqVer != 0 {
			c.valVer, c.valFrom = c.reqVer, "the version of the request before it"
		}
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

// join joins two parts of a description with ", ".
func join(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + ", " + b
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
