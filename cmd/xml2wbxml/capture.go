package main

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/easkit/easkit/internal/xmlscan"
	"github.com/easkit/easkit/wbxml"
)

// The capture document of wbxml2xml: an <easkit:capture> root (in
// wbxml.MarkerNamespace) holding an <easkit:message> element per message,
// each with comments and at most one element, the message's body; or one
// <easkit:message> as the root (a file of wbxml2xml -split). xml2wbxml
// converts each body on its own, so a body must declare the namespaces it
// uses, as wbxml2xml writes them.

// A body is the XML of one message's body in a capture document.
type body struct {
	n    int    // the message's n attribute, else its place from 1
	kind string // its kind attribute: request, response or body
	xml  []byte // the body's element, a sub-slice of the document
	// offset, line and column are where the body starts in the document.
	offset       int64
	line, column int
}

// A skippedMessage is a message element whose body wbxml2xml could not
// convert (its error attribute), and why. Messages with no body (other
// traffic, empty bodies) are not listed: nothing of them is lost.
type skippedMessage struct {
	n    int
	line int
	why  string
}

// Local names of the capture document's elements.
const (
	captureLocal = "capture"
	messageLocal = "message"
)

// isCapture reports whether doc is a capture document: UTF-8 (as
// wbxml2xml writes it) whose root is easkit:capture or easkit:message in
// wbxml.MarkerNamespace. It reads no further than the root's start tag.
func isCapture(doc []byte) bool {
	enc, bom, err := xmlscan.Detect(doc)
	if err != nil || enc != xmlscan.UTF8 {
		return false
	}
	tok, err := xmlscan.NewScanner(doc[bom:]).ReadToken()
	return err == nil && tok.Kind == xmlscan.StartElement && inMarker(tok.Name) &&
		(string(tok.Name.Local) == captureLocal || string(tok.Name.Local) == messageLocal)
}

// inMarker reports whether n is in easkit's marker namespace.
func inMarker(n xmlscan.Name) bool { return string(n.Space) == wbxml.MarkerNamespace }

// readCapture returns the bodies of a capture document, and the messages
// that have none. It checks that the whole document is well-formed and has
// the capture document's structure; an error names its line and column.
func readCapture(doc []byte, maxDepth int) ([]body, []skippedMessage, error) {
	_, bom, _ := xmlscan.Detect(doc)
	s := xmlscan.NewScanner(doc[bom:], xmlscan.WithMaxDepth(maxDepth+2))
	base := int64(bom)
	fail := func(off int64, format string, args ...any) error {
		line, col := s.Position(off)
		return fmt.Errorf("xml: line %d, column %d (offset %d): %s", line, col, base+off, fmt.Sprintf(format, args...))
	}
	var (
		bodies  []body
		skipped []skippedMessage
		cur     *body // the open message element
		curLine int
		why     string // the skipped or error attribute of cur
		depth   int
		msgAt   = 1 // the depth of message elements: 1 under capture, 0 as the root
		count   int
	)
	for {
		tok, err := s.ReadToken()
		if errors.Is(err, io.EOF) {
			return bodies, skipped, nil
		}
		if err != nil {
			return nil, nil, err
		}
		switch tok.Kind {
		case xmlscan.Text:
			if !tok.Whitespace {
				off := tok.Offset // the text's first character that is not space
				for off < int64(len(doc)-bom) && strings.IndexByte(" \t\r\n", doc[base+off]) >= 0 {
					off++
				}
				return nil, nil, fail(off, "text in the capture document, outside a message's body")
			}
		case xmlscan.StartElement:
			switch {
			case depth == 0 && string(tok.Name.Local) == messageLocal:
				msgAt = 0
				fallthrough
			case depth == msgAt && inMarker(tok.Name) && string(tok.Name.Local) == messageLocal:
				count++
				cur = &body{n: count, kind: "message"}
				curLine, _ = s.Position(tok.Offset)
				why = ""
				for _, a := range tok.Attrs {
					if len(a.Name.Space) != 0 {
						continue
					}
					switch v := string(a.Value); string(a.Name.Local) {
					case "n":
						if n, err := strconv.Atoi(v); err == nil && n > 0 {
							cur.n = n
						}
					case "kind":
						if v == "request" || v == "response" || (v == "body" && cur.kind == "message") {
							cur.kind = v
						}
					case "direction":
						// A log's body named by the way it went, as
						// wbxml2xml -split names its file.
						if (v == "request" || v == "response") && (cur.kind == "message" || cur.kind == "body") {
							cur.kind = v
						}
					case "error":
						why = "its body did not convert in wbxml2xml: " + v
					}
				}
				depth++
			case depth == 0:
				depth++ // the easkit:capture root
			case cur != nil && depth == msgAt+1 && !inMarker(tok.Name):
				if cur.xml != nil {
					return nil, nil, fail(tok.Offset, "message %d has a second body element", cur.n)
				}
				start := tok.Offset
				for open := 1; open > 0; {
					if tok, err = s.ReadToken(); err != nil {
						return nil, nil, err
					}
					switch tok.Kind {
					case xmlscan.StartElement:
						open++
					case xmlscan.EndElement:
						open--
					}
				}
				cur.offset = base + start
				cur.line, cur.column = s.Position(start)
				cur.xml = doc[cur.offset : base+s.InputOffset()]
			default:
				return nil, nil, fail(tok.Offset, "element %s where the capture document has an easkit:message or a message's body", tok.Name.Local)
			}
		case xmlscan.EndElement:
			depth--
			if cur != nil && depth == msgAt {
				switch {
				case cur.xml != nil:
					bodies = append(bodies, *cur)
				case why != "":
					skipped = append(skipped, skippedMessage{cur.n, curLine, why})
				}
				cur = nil
			}
		}
	}
}

// inDocument makes an error of converting b say where it is in the whole
// document: an *wbxml.XMLError's position is moved from the body to the
// document, and the message is named.
func (b *body) inDocument(err error) error {
	var xe *wbxml.XMLError
	if errors.As(err, &xe) {
		moved := *xe
		if moved.Line == 1 {
			moved.Column += b.column - 1
		}
		moved.Line += b.line - 1
		moved.Offset += b.offset
		err = &moved
	}
	if b.label() == "" {
		return err
	}
	return fmt.Errorf("%s: %w", b.label(), err)
}

// label names b in errors and notes: "message 3" (of a capture document),
// "document 2" (of several documents), or "" for the input's only
// document.
func (b *body) label() string {
	switch b.kind {
	case "":
		return ""
	case "document":
		return fmt.Sprintf("document %d", b.n)
	}
	return fmt.Sprintf("message %d", b.n)
}
