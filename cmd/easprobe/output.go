package main

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/eashttp"
	"github.com/easkit/easkit/wbxml"
)

// mark is a step's symbol.
func mark(s *step) string {
	switch {
	case s.OK:
		return "✓"
	case s.Skipped:
		return "-"
	}
	return "✗"
}

// print writes a step's line, and its warnings, tries and advice under it.
func (p *prober) print(s *step) {
	if p.out == nil {
		return
	}
	dur := fmt.Sprintf("%dms", s.DurationMS)
	if strings.HasPrefix(s.Detail, "skipped") {
		dur = ""
	}
	fmt.Fprintf(p.out, "%s %-12s %6s  %s\n", mark(s), s.Name, dur, safe(s.Detail, p.secrets))
	for _, t := range s.Tries {
		fmt.Fprintf(p.out, "    %s %s (%s): %s\n", t.Method, t.URL, t.Source, safe(t.Result, p.secrets))
	}
	for _, w := range s.Warnings {
		fmt.Fprintf(p.out, "    ! %s\n", safe(w, p.secrets))
	}
	if s.Advice != "" && !s.OK && !s.Skipped {
		fmt.Fprintf(p.out, "    check: %s\n", safe(s.Advice, p.secrets))
	}
}

// secretsOf are the forms of the password that must never be shown: the
// password itself and the Basic credentials that carry it.
func secretsOf(user, password string) []string {
	if password == "" {
		return nil
	}
	return []string{base64.StdEncoding.EncodeToString([]byte(user + ":" + password)), password}
}

// safe replaces the secrets in text (which a server may have echoed).
func safe(text string, secrets []string) string {
	for _, s := range secrets {
		text = strings.ReplaceAll(text, s, "(redacted)")
	}
	return text
}

// safeBytes replaces the secrets in b.
func safeBytes(b []byte, secrets []string) []byte {
	for _, s := range secrets {
		if bytes.Contains(b, []byte(s)) {
			b = bytes.ReplaceAll(b, []byte(s), []byte("(redacted)"))
		}
	}
	return b
}

// writeJSON prints the report as one JSON object.
func writeJSON(w io.Writer, rep *report, secrets []string) {
	data, _ := json.Marshal(rep)
	data = safeBytes(data, secrets)
	w.Write(append(data, '\n'))
}

// writeExchange prints one exchange for -v: the request line and headers,
// the body (WBXML as XML), then the response the same way.
func writeExchange(w io.Writer, e *eashttp.Exchange, secrets []string) {
	var b bytes.Buffer
	label := e.Op
	if e.Step != "" && e.Step != e.Op {
		label = e.Step + ", " + e.Op
	}
	fmt.Fprintf(&b, "> %s %s %s  [%s]\n", e.Method, e.URL, e.Proto, label)
	writeHeader(&b, "> ", e.RequestHeader)
	b.WriteString(">\n")
	writeBody(&b, e.RequestHeader.Get("Content-Type"), e.RequestBody)
	if e.StatusCode == 0 {
		fmt.Fprintf(&b, "< (no response: %v)  %dms\n\n", e.Err, e.Duration.Milliseconds())
	} else {
		fmt.Fprintf(&b, "< %s %s  %dms\n", e.ResponseProto, e.Status, e.Duration.Milliseconds())
		writeHeader(&b, "< ", e.ResponseHeader)
		b.WriteString("<\n")
		writeBody(&b, e.ResponseHeader.Get("Content-Type"), e.ResponseBody)
		b.WriteString("\n")
	}
	w.Write([]byte(safe(b.String(), secrets)))
}

// writeHeader prints h sorted, one line a value.
func writeHeader(b *bytes.Buffer, prefix string, h http.Header) {
	keys := make([]string, 0, len(h))
	for k := range h {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		for _, v := range h[k] {
			fmt.Fprintf(b, "%s%s: %s\n", prefix, k, v)
		}
	}
}

// writeBody prints a body: WBXML as XML (as wbxml2xml prints it), text as
// it is (up to 64 KiB), anything else by its size.
func writeBody(b *bytes.Buffer, contentType string, body []byte) {
	if len(body) == 0 {
		return
	}
	if wbxml.HasHeader(body) || strings.HasPrefix(contentType, eashttp.MediaTypeWBXML) {
		xw := wbxml.NewXMLWriter(wbxml.WithVocabulary(codepages.ActiveSync))
		out, err := xw.AppendXML(nil, body)
		if err == nil {
			b.Write(out)
			if !bytes.HasSuffix(out, []byte("\n")) {
				b.WriteByte('\n')
			}
			return
		}
		fmt.Fprintf(b, "(%d bytes of WBXML that do not decode: %v)\n", len(body), err)
		return
	}
	if strings.Contains(contentType, "xml") || strings.HasPrefix(contentType, "text/") {
		if len(body) > 64<<10 {
			fmt.Fprintf(b, "(%d bytes of %s)\n", len(body), contentType)
			return
		}
		b.Write(body)
		if !bytes.HasSuffix(body, []byte("\n")) {
			b.WriteByte('\n')
		}
		return
	}
	fmt.Fprintf(b, "(%d bytes of %s)\n", len(body), contentType)
}
