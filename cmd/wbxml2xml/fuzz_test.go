package main

import (
	"bytes"
	"encoding/xml"
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
// standard error is the command's; a failure ends with one line saying
// why; and a lone body that converts gives well-formed XML.
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
			t.Fatalf("exit 1 without an error line; stderr:\n%s", errText)
		}
		if code == 0 && args[1] == "wbxml" {
			checkWellFormed(t, stdout.Bytes())
		}
	})
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
