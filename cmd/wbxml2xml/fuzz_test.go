package main

import (
	"bytes"
	"encoding/xml"
	"github.com/easkit/easkit/wbxml"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fuzzForms are the values of -input that FuzzRun tries.
var fuzzForms = []string{"auto", "wbxml", "hex", "base64", "http", "har"}

// FuzzRun runs the whole command in process over arbitrary input, read in
// each form, and checks what a user relies on: the exit status is 0 or 1;
// nothing panics (run's last-resort recovery never fires); every line on
// standard error is the command's; a failure writes one line saying
// why, after the notes of the messages before it; the output is one
// well-formed XML document, also after an error (unless a message's XML
// passed holdSize before it); and with -o (form
// bit 64) the run ends the same way, the file holding what standard output
// would.
func FuzzRun(f *testing.F) {
	for _, pattern := range []string{
		captureDir + "/*/*",
		"../../testdata/interop/wbxml/*.wbxml",
		"../../testdata/interop/wbxml/bad/*",
	} {
		files, _ := filepath.Glob(pattern)
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil || len(data) > 64<<10 {
				continue
			}
			f.Add(data, uint8(0))
		}
	}
	f.Add([]byte("03 01 6a 00 00 00 45 7f 03 78 00 01 01"), uint8(2))
	f.Add([]byte("00000000: 0301 6a00 0007 5652 0330 0001 01  ..j...VR.0...\n"), uint8(64+2)) // -o, -input auto
	f.Fuzz(func(t *testing.T, in []byte, form uint8) {
		args := []string{"-input", fuzzForms[int(form)%len(fuzzForms)]}
		if form >= 128 {
			args = append(args, "-strict", "-protocol", "12.1", "-prefixes")
		}
		var stdout, stderr bytes.Buffer
		code := run(args, bytes.NewReader(in), &stdout, &stderr)
		errText := stderr.String()
		if code != 0 && code != 1 {
			t.Fatalf("exit %d; stderr:\n%s", code, errText)
		}
		if strings.Contains(errText, "internal error") {
			t.Fatalf("panic: %s", errText)
		}
		lines := strings.Split(strings.TrimSuffix(errText, "\n"), "\n")
		for _, l := range lines {
			if errText != "" && !strings.HasPrefix(l, name+": ") {
				t.Fatalf("stderr line not from the command: %q", l)
			}
		}
		last := lines[len(lines)-1]
		if code == 1 && (last == "" || strings.HasPrefix(last, name+": note: ")) {
			t.Fatalf("exit 1 without the error as the last line; stderr:\n%s", errText)
		}
		for _, l := range lines[:len(lines)-1] {
			if code == 1 && !strings.HasPrefix(l, name+": note: ") {
				t.Fatalf("exit 1 with more than one line that is not a note; stderr:\n%s", errText)
			}
		}
		if (code == 0 || stdout.Len() < holdSize) && stdout.Len() > 0 {
			// One document, also after an error: a capture document
			// is closed after the messages before it.
			checkWellFormed(t, stdout.Bytes())
		}
		if form&64 != 0 {
			checkOutputFile(t, args, in, code, stdout.Bytes(), stderr.String())
		}
		if args[1] == "wbxml" && !bytes.Contains(stdout.Bytes(), []byte("<"+captureElem)) {
			checkUnstreamed(t, args, in, code, stdout.Bytes())
		}
	})
}

// checkUnstreamed checks that the XML of a lone body, streamed to standard
// output through the command's buffers, is what the library's AppendXML
// makes of it in memory on one goroutine, and that both fail together.
func checkUnstreamed(t *testing.T, args []string, in []byte, code int, stdout []byte) {
	t.Helper()
	o, err := parseArgs(args)
	if err != nil {
		t.Fatal(err)
	}
	if o.strict && headerNote(in) != "" {
		if code != 1 {
			t.Fatalf("-strict: exit %d on a header that is not ActiveSync's", code)
		}
		return
	}
	x := wbxml.NewXMLWriter(append(o.wbxmlOptions(), wbxml.WithConcurrency(1))...)
	want, err := x.AppendXML(nil, in)
	switch {
	case (err == nil) != (code == 0):
		t.Fatalf("exit %d, but AppendXML: %v", code, err)
	case code == 0 && !bytes.Equal(stdout, want):
		t.Fatalf("streamed output differs from AppendXML's:\n%s\n---\n%s", stdout, want)
	}
}

// checkOutputFile runs the command again with -o and checks that it ends
// the same way: the same status and standard error, and on success a file
// holding what standard output got; on failure no file.
func checkOutputFile(t *testing.T, args []string, in []byte, code int, stdout []byte, stderr string) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "out.xml")
	var fileStdout, fileStderr bytes.Buffer
	fileCode := run(append([]string{"-o", out}, args...), bytes.NewReader(in), &fileStdout, &fileStderr)
	if fileCode != code || fileStderr.String() != stderr {
		t.Fatalf("with -o: exit %d, stderr %q; without: exit %d, stderr %q", fileCode, fileStderr.String(), code, stderr)
	}
	if fileStdout.Len() != 0 {
		t.Fatalf("with -o, standard output got %q", fileStdout.Bytes())
	}
	got, err := os.ReadFile(out)
	switch {
	case code != 0 && err == nil:
		t.Fatalf("a failed run left %s", out)
	case code == 0 && err != nil:
		t.Fatal(err)
	case code == 0 && !bytes.Equal(got, stdout):
		t.Fatalf("the file differs from standard output:\n%s\n---\n%s", got, stdout)
	}
}

// checkWellFormed checks that out is one well-formed XML document.
func checkWellFormed(t *testing.T, out []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(out))
	d.Strict = true
	roots := 0
	depth := 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("output is not well-formed XML: %v\n%s", err, out)
		}
		switch tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				roots++
			}
			depth++
		case xml.EndElement:
			depth--
		}
	}
	if roots != 1 {
		t.Fatalf("output has %d root elements:\n%s", roots, out)
	}
}
