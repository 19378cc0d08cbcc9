package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/easkit/easkit/capture"
	"github.com/easkit/easkit/internal/cli/clitest"
)

// captureFiles are the multi-message captures of package capture.
func captureFiles(t *testing.T) []string {
	var files []string
	for _, dir := range []string{"http", "har", "saz", "burp", "log"} {
		m, err := filepath.Glob(filepath.Join("..", "..", "capture", "testdata", dir, "*"))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) < 8 {
		t.Fatalf("found %d capture files", len(files))
	}
	return files
}

// compactXML is the XML wbxml2xml writes for a WBXML body, compact with no
// prolog, or "" when it does not convert.
func compactXML(t *testing.T, wbxml []byte) string {
	r := clitest.MustRun(t, wbxml2xml, wbxml, "-m", "2", "-input", "wbxml")
	if r.Exit != 0 {
		return ""
	}
	return string(r.Stdout)
}

// TestCaptureRoundTrip converts every capture to a capture document with
// wbxml2xml, then back with xml2wbxml -split, and checks that the files
// are exactly the WBXML bodies that convert (a multipart body's first
// part), named by their message's place and kind, each converting to the
// same XML as the body it came from; -concat writes the same bytes one
// after another.
func TestCaptureRoundTrip(t *testing.T) {
	checked, bodies := 0, 0
	for _, file := range captureFiles(t) {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		doc := clitest.MustRun(t, wbxml2xml, nil, file)
		if doc.Exit != 0 || !bytes.Contains(doc.Stdout, []byte("<easkit:capture")) {
			continue // a capture with nothing to convert, or a lone body
		}
		// The bodies the capture holds, by the message's place from 1.
		want := map[string]string{}
		r := capture.NewReader(data)
		for n := 1; ; n++ {
			m, err := r.Next()
			if err != nil {
				break
			}
			body := m.Body
			if m.BodyKind() == capture.BodyMultipart {
				parts, err := m.Parts()
				if err != nil || len(parts) == 0 {
					continue
				}
				body = parts[0].Data
			} else if m.BodyKind() != capture.BodyWBXML && m.Kind != capture.KindBody {
				continue
			}
			kind := m.Kind.String() // a log's body is named by its direction
			if m.Kind == capture.KindBody && m.Direction != capture.DirectionUnknown {
				kind = m.Direction.String()
			}
			if x := compactXML(t, body); x != "" {
				want[strconv.Itoa(n)+"-"+kind] = x
			}
		}
		bodies += len(want)
		t.Run(filepath.Base(file), func(t *testing.T) {
			dir := t.TempDir()
			in := filepath.Join(dir, "capture.xml")
			if err := os.WriteFile(in, doc.Stdout, 0o666); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(dir, "split")
			res := clitest.MustRun(t, bin, nil, "-split", out, in)
			if res.Exit != 0 {
				t.Fatalf("xml2wbxml -split: exit %d: %s", res.Exit, res.Stderr)
			}
			names, _ := filepath.Glob(filepath.Join(out, "*.wbxml"))
			var all []byte
			got := map[string]string{}
			for _, name := range names {
				b, err := os.ReadFile(name)
				if err != nil {
					t.Fatal(err)
				}
				all = append(all, b...)
				key := strings.TrimSuffix(filepath.Base(name), ".wbxml")
				n, kind, _ := strings.Cut(key, "-")
				i, _ := strconv.Atoi(n)
				got[strconv.Itoa(i)+"-"+kind] = compactXML(t, b)
			}
			if len(got) != len(want) {
				t.Errorf("%d files, want %d: %v", len(got), len(want), names)
			}
			for k, x := range want {
				if got[k] != x {
					t.Errorf("message %s: got XML\n%s\nwant\n%s", k, got[k], x)
				}
			}
			res = clitest.MustRun(t, bin, nil, "-concat", in)
			if res.Exit != 0 || !bytes.Equal(res.Stdout, all) {
				t.Errorf("-concat: exit %d, %d bytes, want the %d bytes of the files in order: %s", res.Exit, len(res.Stdout), len(all), res.Stderr)
			}
		})
		checked++
	}
	if checked < 5 || bodies < 20 {
		t.Errorf("only %d captures with %d bodies checked", checked, bodies)
	}
}

// TestCaptureErrors checks the capture document's errors: each fails with
// one line naming where.
func TestCaptureErrors(t *testing.T) {
	const head = `<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<easkit:capture xmlns:easkit="https://github.com/easkit/easkit/wbxml" form="http">` + "\n"
	const ping = `<Ping xmlns="Ping:"><Status>1</Status></Ping>`
	for _, tc := range []struct {
		name, doc string
		args      []string
		line      string
	}{
		{"no body", head + `<easkit:message n="1" kind="request"/>` + "\n</easkit:capture>\n", nil,
			"xml2wbxml: the capture document holds no message body to convert"},
		{"two bodies", head + `<easkit:message n="1" kind="request">` + ping + `</easkit:message><easkit:message n="2" kind="response">` + ping + "</easkit:message>\n</easkit:capture>\n", nil,
			"xml2wbxml: the capture document holds 2 message bodies: -split DIR writes a file for each, -concat writes them one after another"},
		{"second body", head + `<easkit:message n="1">` + ping + ping + "</easkit:message>\n</easkit:capture>\n", nil,
			"xml2wbxml: xml: line 3, column 68 (offset 189): message 1 has a second body element"},
		{"text", head + "hello\n</easkit:capture>\n", nil,
			"xml2wbxml: xml: line 3, column 1 (offset 122): text in the capture document, outside a message's body"},
		{"stray element", head + "<easkit:note/>\n</easkit:capture>\n", nil,
			"xml2wbxml: xml: line 3, column 1 (offset 122): element note where the capture document has an easkit:message or a message's body"},
		{"bad body", head + `<easkit:message n="7" kind="response">` + "\n" + `<Ping xmlns="Ping:"><Statuss>1</Statuss></Ping>` + "\n</easkit:message>\n</easkit:capture>\n", nil,
			`xml2wbxml: message 7: xml: line 4, column 21 (offset 181): unknown element "Statuss" in namespace "Ping:"`},
		{"not well-formed", head + `<easkit:message n="1">` + ping, nil, "xml2wbxml: xml: line 3, column"},
		{"split without capture", ping, []string{"-split", t.TempDir()},
			"xml2wbxml: -split and -concat are for a capture document of wbxml2xml or several XML documents, and the input is neither"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := clitest.MustRun(t, bin, []byte(tc.doc), tc.args...)
			lines := strings.Split(strings.TrimSuffix(string(r.Stderr), "\n"), "\n")
			if r.Exit != 1 || len(lines) != 1 || !strings.HasPrefix(lines[0], tc.line) || len(r.Stdout) != 0 {
				t.Errorf("exit %d, stdout %d bytes, stderr:\n%s\nwant exit 1 and one line starting %q", r.Exit, len(r.Stdout), r.Stderr, tc.line)
			}
		})
	}
}

// TestCaptureOneBody checks that a capture document with one body, and a
// file of wbxml2xml -split (an easkit:message root), convert without
// flags to that body's WBXML, and that a damaged body is a note.
func TestCaptureOneBody(t *testing.T) {
	const ns = ` xmlns:easkit="https://github.com/easkit/easkit/wbxml"`
	ping := []byte{3, 1, 106, 0, 0, 13, 69, 71, 3, 49, 0, 1, 1}
	for _, doc := range []string{
		`<easkit:capture` + ns + `><easkit:message n="2" kind="response"><!-- a comment --><Ping xmlns="Ping:"><Status>1</Status></Ping></easkit:message>` +
			`<easkit:message n="3" kind="response" error="not converted, the body was damaged"/></easkit:capture>`,
		`<?xml version="1.0"?>` + "\n" + `<easkit:message` + ns + ` n="1" kind="body">` + "\n" + `<Ping xmlns="Ping:"><Status>1</Status></Ping>` + "\n</easkit:message>\n",
	} {
		r := clitest.MustRun(t, bin, []byte(doc))
		if r.Exit != 0 || !bytes.Equal(r.Stdout, ping) {
			t.Errorf("%s: exit %d, % x; stderr %s", doc, r.Exit, r.Stdout, r.Stderr)
		}
		if strings.Contains(doc, "error=") != bytes.Contains(r.Stderr, []byte("note: message 3 (line 1): no WBXML written, its body did not convert in wbxml2xml")) {
			t.Errorf("%s: stderr %q", doc, r.Stderr)
		}
	}
}
