package fuzz

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"

	"github.com/easkit/easkit/internal/xmlscan"
)

// An event is one namespace-resolved XML event, as both XML readers
// report it: a start tag with its attributes (namespace declarations left
// out), an end tag, or the character data between two tags (merged across
// comments, processing instructions and CDATA sections).
type event struct {
	Kind  string // "start", "end" or "text"
	Space string
	Local string
	Attrs []attr
	Text  string
}

type attr struct{ Space, Local, Value string }

// scanEvents reads doc with easkit's scanner.
func scanEvents(doc []byte) ([]event, error) {
	s := xmlscan.NewScanner(doc)
	var evs []event
	for {
		tok, err := s.ReadToken()
		if errors.Is(err, io.EOF) {
			return evs, nil
		}
		if err != nil {
			return evs, err
		}
		switch tok.Kind {
		case xmlscan.StartElement:
			e := event{Kind: "start", Space: string(tok.Name.Space), Local: string(tok.Name.Local)}
			for _, a := range tok.Attrs {
				e.Attrs = append(e.Attrs, attr{string(a.Name.Space), string(a.Name.Local), string(a.Value)})
			}
			evs = append(evs, e)
		case xmlscan.EndElement:
			evs = append(evs, event{Kind: "end", Space: string(tok.Name.Space), Local: string(tok.Name.Local)})
		case xmlscan.Text:
			evs = append(evs, event{Kind: "text", Text: string(tok.Text)})
		}
	}
}

// stdEvents reads doc with encoding/xml (strict, namespace-aware).
func stdEvents(doc []byte) ([]event, error) {
	d := xml.NewDecoder(bytes.NewReader(doc))
	var evs []event
	var text []byte
	depth := 0
	flush := func() {
		if len(text) > 0 {
			evs = append(evs, event{Kind: "text", Text: string(text)})
			text = nil
		}
	}
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			flush()
			return evs, nil
		}
		if err != nil {
			return evs, err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			flush()
			depth++
			e := event{Kind: "start", Space: tok.Name.Space, Local: tok.Name.Local}
			for _, a := range tok.Attr {
				if a.Name.Space == "xmlns" || a.Name.Space == "" && a.Name.Local == "xmlns" {
					continue // a namespace declaration
				}
				e.Attrs = append(e.Attrs, attr{a.Name.Space, a.Name.Local, a.Value})
			}
			evs = append(evs, e)
		case xml.EndElement:
			flush()
			depth--
			evs = append(evs, event{Kind: "end", Space: tok.Name.Space, Local: tok.Name.Local})
		case xml.CharData:
			if depth > 0 {
				text = append(text, tok...)
			}
		}
	}
}
