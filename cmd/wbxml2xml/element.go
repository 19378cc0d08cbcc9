package main

import (
	"github.com/easkit/easkit/capture"
	"github.com/easkit/easkit/internal/cli"
	"github.com/easkit/easkit/wbxml"
)

// The capture layout: one document,
//
//	<easkit:capture xmlns:easkit="https://github.com/easkit/easkit/wbxml" form="http">
//	<easkit:message index="3" kind="request" ...>
//	<!-- the description -->
//	<FolderSync xmlns="FolderHierarchy:">...</FolderSync>
//	</easkit:message>
//	...
//	</easkit:capture>
//
// The elements around the bodies are not indented, so that each body's
// XML is written exactly as it would be alone, text and all.

// Names of the capture layout's elements, in wbxml.MarkerNamespace.
const (
	captureElem = "easkit:capture"
	messageElem = "easkit:message"
)

// xmlns declares the easkit prefix.
const xmlns = ` xmlns:easkit="` + wbxml.MarkerNamespace + `"`

// declaration returns the XML declaration the flags ask for, with its
// line end, or "".
func (o *options) declaration() string {
	switch {
	case !o.decl:
		return ""
	case o.declShort:
		return `<?xml version="1.0"?>` + "\n"
	}
	return `<?xml version="1.0" encoding="UTF-8"?>` + "\n"
}

// captureStart writes the prolog and start tag of a capture document
// whose first message is m.
func (c *converter) captureStart(m *capture.Message) {
	c.buf = append(c.buf[:0], c.o.declaration()...)
	c.buf = append(c.buf, "<"+captureElem+xmlns...)
	if m.Where() != "" { // the XML of a lone body is the same in any form
		c.buf = appendAttr(c.buf, "form", m.Form.String())
	}
	c.buf = append(c.buf, ">\n"...)
	c.out.Write(c.buf)
}

// captureEnd writes the end tag of a capture document.
func (c *converter) captureEnd() {
	c.out.newline()
	c.out.WriteString("</" + captureElem + ">\n")
}

// element writes the <easkit:message> element of m, the i'th message of
// the input from 0; ns declares the easkit prefix on it (a document of its
// own). It holds the comment describing m, then its body's XML (of the
// first part of a multipart body). A message that is not ActiveSync is an
// empty element with a skipped attribute; a damaged body that does not
// convert (see check) has an error attribute instead of its XML.
func (c *converter) element(m *capture.Message, i int, ns bool) error {
	c.validateVersion(m)
	kind := m.BodyKind()
	bw := bodyWhere(m)
	var body []byte
	var text, part string
	switch {
	case c.skip(m):
		c.buf = c.appendStart(c.buf[:0], m, i, ns)
		c.buf = appendAttr(c.buf, "skipped", "not ActiveSync")
		c.buf = append(c.buf, "/>\n"...)
		_, err := c.out.Write(c.buf)
		return err
	case kind == capture.BodyMultipart:
		parts, err := m.Parts()
		if err != nil {
			return where(bw, err)
		}
		if len(parts) > 0 {
			body, part, bw = parts[0].Data, "0", join(bw, "part 0")
		}
	case m.Kind == capture.KindBody || kind == capture.BodyWBXML:
		body = m.Body
	}
	if m.Kind != capture.KindBody || kind == capture.BodyMultipart {
		var notes []string
		text, notes = m.Describe(c.show...)
		for _, n := range notes {
			c.notes.Note(m.Where(), n)
		}
	}
	damaged := ""
	if body != nil {
		damaged = c.check(c.elem, m, bw, body)
	}
	c.buf = c.appendStart(c.buf[:0], m, i, ns)
	if part != "" {
		c.buf = appendAttr(c.buf, "part", part)
	}
	if damaged != "" {
		c.buf = appendAttr(c.buf, "error", damaged)
		body = nil
	}
	if text == "" && body == nil {
		c.buf = append(c.buf, "/>\n"...)
		_, err := c.out.Write(c.buf)
		return err
	}
	c.buf = append(c.buf, ">\n"...)
	if text != "" {
		c.buf = cli.AppendComment(c.buf, text)
	}
	c.out.Write(c.buf)
	if body != nil {
		if err := c.write(c.elem, bw, body); err != nil {
			return err
		}
	}
	c.out.newline()
	_, err := c.out.WriteString("</" + messageElem + ">\n")
	return err
}

// appendStart appends the start of m's element, without its closing '>':
// its metadata as attributes, secrets redacted as Describe does.
func (c *converter) appendStart(dst []byte, m *capture.Message, i int, ns bool) []byte {
	dst = append(dst, "<"+messageElem...)
	if ns {
		dst = append(dst, xmlns...)
	}
	dst = appendIntAttr(dst, "n", int64(i+1))
	w := m.Where()
	if w != "" { // else a lone body, whose XML is the same in any form
		if m.Index > 0 {
			dst = appendIntAttr(dst, "index", int64(m.Index))
		}
		dst = appendAttr(dst, "kind", m.Kind.String())
		dst = appendAttr(dst, "form", m.Form.String())
		if m.Line > 0 {
			dst = appendIntAttr(dst, "line", int64(m.Line))
		}
		dst = appendIntAttr(dst, "offset", m.Offset)
		dst = appendAttr(dst, "where", w)
	} else {
		dst = appendAttr(dst, "kind", m.Kind.String())
	}
	if m.Direction != capture.DirectionUnknown {
		// A log's own marker of which way the message went.
		dst = appendAttr(dst, "direction", m.Direction.String())
	}
	if m.Marker != "" {
		dst = appendAttr(dst, "marker", m.Marker)
	}
	if m.Method != "" {
		dst = appendAttr(dst, "method", m.Method)
	}
	if m.Kind == capture.KindRequest {
		dst = appendAttr(dst, "target", m.ShownTarget(c.show...))
	}
	if m.StatusCode != 0 {
		dst = appendIntAttr(dst, "status", int64(m.StatusCode))
	}
	if m.Kind == capture.KindResponse && m.Request != nil {
		dst = appendIntAttr(dst, "request", int64(m.Request.Index))
	}
	if m.Kind != capture.KindBody {
		if cmd := m.Query().Command(); cmd != "" {
			dst = appendAttr(dst, "command", cmd)
		}
		if ct := m.ContentType(); ct != "" {
			dst = appendAttr(dst, "content-type", ct)
		}
	}
	return appendIntAttr(dst, "bytes", int64(len(m.Body)))
}
