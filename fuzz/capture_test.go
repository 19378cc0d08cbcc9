package fuzz

import (
	"errors"
	"io"
	"testing"

	"github.com/easkit/easkit/b64uri"
	"github.com/easkit/easkit/capture"
	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/wbxml"
)

// FuzzCapture runs the wbxml2xml pipeline over any input, read in the
// form the fuzz byte forces (or detected): capture extracts the messages,
// and every body it finds goes on as the CLI sends it: WBXML bodies and
// the first part of multipart bodies to wbxml.AppendXML (strict and
// lenient), base64 request queries to b64uri. Nothing may panic, errors
// must be the packages' own types with positions inside what they read,
// and detection must agree with the Reader.
func FuzzCapture(f *testing.F) {
	lenient := wbxml.NewXMLWriter(wbxml.WithVocabulary(codepages.ActiveSync))
	strict := wbxml.NewXMLWriter(wbxml.WithVocabulary(codepages.ActiveSync), wbxml.WithStrict(true), wbxml.WithPrefixes(true))
	f.Fuzz(func(t *testing.T, data []byte, form byte) {
		detected := capture.Detect(data)
		if detected == capture.FormAuto {
			t.Fatal("Detect returned FormAuto")
		}
		forced := capture.Form(form % uint8(capture.FormUnknown+1))
		r := capture.NewReader(data, capture.WithForm(forced))
		if forced == capture.FormAuto && r.Form() != detected {
			t.Fatalf("Reader.Form() = %v, Detect = %v", r.Form(), detected)
		}
		var out []byte
		for n := 0; ; n++ {
			if n > len(data)+1 {
				t.Fatalf("more than %d messages from %d bytes", n, len(data))
			}
			m, err := r.Next()
			if errors.Is(err, io.EOF) {
				return
			}
			if err != nil {
				var ce *capture.Error
				if !errors.As(err, &ce) || ce.Offset < -1 || ce.Offset > int64(len(data)) {
					t.Fatalf("error %v (%T): want a *capture.Error inside the input", err, err)
				}
				return
			}
			if q := m.RawQuery(); q != "" && !b64uri.IsPlain([]byte(q)) {
				var query b64uri.Query
				if err := b64uri.NewDecoder(b64uri.WithStrictness(b64uri.Lenient)).Decode(&query, []byte(q)); err != nil {
					var be *b64uri.Error
					if !errors.As(err, &be) {
						t.Fatalf("query %q: error %v (%T) is not a *b64uri.Error", q, err, err)
					}
				}
			}
			body := m.Body
			switch m.BodyKind() {
			case capture.BodyWBXML:
			case capture.BodyMultipart:
				parts, err := m.Parts()
				if err != nil || len(parts) == 0 {
					continue
				}
				body = parts[0].Data
			default:
				continue
			}
			for _, w := range []*wbxml.XMLWriter{lenient, strict} {
				var err error
				out, err = w.AppendXML(out[:0], body)
				if err != nil {
					var se *wbxml.SyntaxError
					if !errors.As(err, &se) || se.Offset < 0 || se.Offset > int64(len(body)) {
						t.Fatalf("converting a body: error %v (%T): want a *wbxml.SyntaxError inside the body", err, err)
					}
				}
			}
		}
	})
}
