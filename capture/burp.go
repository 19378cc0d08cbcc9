package capture

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"
)

// Burp Suite's "Save items" (and "Save selected items") XML:
//
//	<items burpVersion="…" exportTime="…">
//	  <item>
//	    <time>…</time><url>…</url><host ip="…">…</host><port>…</port>
//	    <protocol>…</protocol><method>…</method><path>…</path>
//	    <extension>…</extension>
//	    <request base64="true">…</request>
//	    <status>…</status><responselength>…</responselength>
//	    <mimetype>…</mimetype>
//	    <response base64="true">…</response>
//	    <comment>…</comment>
//	  </item>
//	</items>
//
// request and response hold whole HTTP messages (start line, headers,
// body as sent), in base64 or, with base64="false", as the text of the
// element (usually a CDATA section), whose characters are the bytes.

// maxBurpSniff bounds how much of an input is read to find the root
// element when detecting Burp XML.
const maxBurpSniff = 64 << 10

// maxBurpPreamble bounds the tokens before the root element (declaration,
// comments, DOCTYPE, white space).
const maxBurpPreamble = 64

// isBurpXML reports whether data (starting with '<') is XML whose root
// element is <items>.
func isBurpXML(data []byte) bool {
	d := xml.NewDecoder(bytes.NewReader(data[:min(len(data), maxBurpSniff)]))
	for range maxBurpPreamble {
		tok, err := d.RawToken()
		if err != nil {
			return false
		}
		switch t := tok.(type) {
		case xml.StartElement:
			return t.Name.Space == "" && t.Name.Local == "items"
		case xml.CharData:
			if len(bytes.TrimSpace(t)) > 0 {
				return false
			}
		}
	}
	return false
}

type burpMessage struct {
	Base64 string `xml:"base64,attr"`
	Text   []byte `xml:",chardata"`
}

type burpItem struct {
	Request  *burpMessage `xml:"request"`
	Response *burpMessage `xml:"response"`
}

// burpSource yields each item's request and then its response.
type burpSource struct {
	data  []byte
	base  int // offset of the XML text in data (after a byte order mark)
	dec   *xml.Decoder
	b     *budget
	n     int // items read
	ready bool
	queue []*Message // the messages of the item read, after the one returned
	lines lineCounter
}

func newBurpSource(data []byte, p int, b *budget) *burpSource {
	d := xml.NewDecoder(bytes.NewReader(data[p:]))
	return &burpSource{data: data, base: p, dec: d, b: b, lines: lineCounter{data: data}}
}

func (s *burpSource) fail(index int, part string, off int, err error) error {
	e := textError(s.data, FormBurp, index, min(off, len(s.data)), err)
	e.Part = part
	return e
}

// xmlError turns an encoding/xml error into an *Error at the decoder's
// position.
func (s *burpSource) xmlError(index int, err error) error {
	off := s.base + int(s.dec.InputOffset())
	if err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF) || off >= len(s.data) {
		return s.fail(index, "", len(s.data), detail(ErrTruncated, "XML ends before </items>"))
	}
	return s.fail(index, "", off, wrapCause(ErrSyntax, "XML", err))
}

// findItems reads up to the root element, which must be <items>.
func (s *burpSource) findItems() error {
	for {
		at := s.base + int(s.dec.InputOffset())
		tok, err := s.dec.Token()
		if err != nil {
			if err == io.EOF {
				return s.fail(0, "", len(s.data), detail(ErrSyntax, "no root element: expected <items>"))
			}
			return s.xmlError(0, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local != "items" {
				return s.fail(0, "", skipSpace(s.data, at), detail(ErrSyntax, "root element <"+t.Name.Local+">, expected Burp's <items>"))
			}
			return nil
		case xml.CharData:
			if len(bytes.TrimSpace(t)) > 0 {
				return s.fail(0, "", skipSpace(s.data, at), detail(ErrSyntax, "text before the root element"))
			}
		}
	}
}

func (s *burpSource) next() (*Message, error) {
	if len(s.queue) > 0 {
		m := s.queue[0]
		s.queue[0] = nil
		s.queue = s.queue[1:]
		return m, nil
	}
	if !s.ready {
		if err := s.findItems(); err != nil {
			return nil, err
		}
		s.ready = true
	}
	for {
		at := s.base + int(s.dec.InputOffset())
		tok, err := s.dec.Token()
		if err != nil {
			return nil, s.xmlError(s.n, err)
		}
		switch t := tok.(type) {
		case xml.EndElement:
			return nil, io.EOF // </items>; what follows is not read
		case xml.StartElement:
			if t.Name.Local != "item" {
				if err := s.dec.Skip(); err != nil {
					return nil, s.xmlError(s.n, err)
				}
				continue
			}
			s.n++
			at = skipSpace(s.data, at)
			var it burpItem
			if err := s.dec.DecodeElement(&it, &t); err != nil {
				return nil, s.xmlError(s.n, err)
			}
			line := s.lines.lineOf(at)
			item := s.data[at:min(s.base+int(s.dec.InputOffset()), len(s.data))]
			keepLineEnds(it.Request, item, "request")
			keepLineEnds(it.Response, item, "response")
			reqs, err := s.message(it.Request, "request", at, line, nil)
			if err != nil {
				return nil, err
			}
			var req *Message
			if len(reqs) > 0 {
				req = reqs[0]
			}
			res, err := s.message(it.Response, "response", at, line, req)
			if err != nil {
				return nil, err
			}
			s.queue = append(append(s.queue[:0], reqs...), res...)
			if len(s.queue) > 0 {
				m := s.queue[0]
				s.queue = s.queue[1:]
				return m, nil
			}
		}
	}
}

// message reads an item's request or response: one HTTP message, or
// several when the text holds more than one (a client that pipelined
// requests on one connection); none when the item has none (a request that
// got no response). A response answers req, the item's first request.
func (s *burpSource) message(bm *burpMessage, part string, at, line int, req *Message) ([]*Message, error) {
	if bm == nil || len(bytes.TrimSpace(bm.Text)) == 0 {
		return nil, nil
	}
	raw := bm.Text
	switch strings.ToLower(strings.TrimSpace(bm.Base64)) {
	case "true":
		var err error
		if raw, err = decodeBase64Lenient(raw); err != nil {
			return nil, s.fail(s.n, part, at, wrapCause(ErrSyntax, part+": base64", err))
		}
	case "false", "":
	default:
		return nil, s.fail(s.n, part, at, detail(ErrSyntax, part+": base64 attribute "+strconv.Quote(bm.Base64)+" is neither true nor false"))
	}
	hs := newHTTPSource(raw, 0, s.b)
	hs.whole = true
	if req != nil {
		hs.pending = []*Message{req}
	}
	var ms []*Message
	for {
		before := hs.p
		m, err := s.one(hs, part, at, line, req)
		if err != nil {
			return nil, err
		}
		ms = append(ms, m)
		if hs.p <= before || len(bytes.TrimSpace(raw[min(hs.p, len(raw)):])) == 0 {
			return ms, nil
		}
	}
}

// one reads the next message of an item's request or response text.
func (s *burpSource) one(hs *httpSource, part string, at, line int, req *Message) (*Message, error) {
	m, err := hs.next()
	if err != nil {
		var e *Error
		if errors.As(err, &e) {
			pos := "in the " + part
			if e.Line > 0 {
				pos += ", line " + strconv.Itoa(e.Line) + ":" + strconv.Itoa(e.Column)
			}
			return nil, s.fail(s.n, part, at, &posError{pos: pos, err: e.Err})
		}
		return nil, s.fail(s.n, part, at, err)
	}
	if m.Kind.String() != part {
		return nil, s.fail(s.n, part, at, detail(ErrSyntax, "the "+part+" holds an HTTP "+m.Kind.String()))
	}
	m.Form, m.Index, m.Offset, m.Line = FormBurp, s.n, int64(at), line
	if m.Kind == KindResponse {
		m.Request = req
	}
	return m, nil
}

// keepLineEnds replaces the text encoding/xml read for a base64="false"
// message with the same text read from the item's bytes, line ends kept
// (see rawChild).
func keepLineEnds(bm *burpMessage, item []byte, name string) {
	if bm == nil || strings.ToLower(strings.TrimSpace(bm.Base64)) == "true" || bytes.IndexByte(item, '\r') < 0 {
		return
	}
	if text, ok := rawChild(item, name); ok {
		bm.Text = text
	}
}
