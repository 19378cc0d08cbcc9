package main

import (
	"github.com/easkit/easkit/capture"
	"github.com/easkit/easkit/internal/cli"
)

// The layout of a lone body and of -concat: each message as a comment
// describing it, then its body's XML document.

// message writes one message: a bare body as it is; an HTTP or HAR message
// with a comment describing it first.
func (c *converter) message(m *capture.Message) error {
	c.validateVersion(m)
	kind, skipped := m.BodyKind(), c.skip(m)
	if m.Kind == capture.KindBody {
		if kind == capture.BodyMultipart {
			return c.multipart(m)
		}
		if t := m.Title(); t != "" {
			c.comment(t)
		}
		return c.document(m, bodyWhere(m), m.Body)
	}
	if skipped {
		c.comment(m.Skipped(c.show...))
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

// comment writes text as an XML comment.
func (c *converter) comment(text string) {
	c.buf = cli.AppendComment(c.buf[:0], text)
	c.out.Write(c.buf)
}

// describe writes the comment describing m and its notes.
func (c *converter) describe(m *capture.Message) {
	text, notes := m.Describe(c.show...)
	for _, n := range notes {
		c.notes.Note(m.Where(), n)
	}
	c.comment(text)
}

// multipart writes a multipart ItemOperations body, after a comment
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

// document writes the XML document of a body of m or a part of it. w
// names it in notes and errors. A damaged body (see check) that does not
// convert is replaced by a comment giving the error.
func (c *converter) document(m *capture.Message, w string, body []byte) error {
	if msg := c.check(c.doc, m, w, body); msg != "" {
		c.comment(msg)
		return nil
	}
	return c.write(c.doc, w, body)
}
