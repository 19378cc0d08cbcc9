package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/wbxml"
	"golang.org/x/tools/txtar"
)

// FuzzRun runs the whole command in process over arbitrary XML and checks:
// the exit status is 0 or 1; nothing panics; every line on standard error
// is the command's, a failure writing just one, saying why; and WBXML it
// writes converts back to XML.
func FuzzRun(f *testing.F) {
	files, _ := filepath.Glob(interopDir + "/*.xml")
	for _, file := range files {
		if data, err := os.ReadFile(file); err == nil {
			f.Add(data, uint8(0))
		}
	}
	archives, _ := filepath.Glob("testdata/golden/*.txtar")
	for _, file := range archives {
		a, err := txtar.ParseFile(file)
		if err != nil {
			continue
		}
		for _, fl := range a.Files {
			if fl.Name == "stdin" {
				f.Add(fl.Data, uint8(1))
			}
		}
	}
	f.Fuzz(func(t *testing.T, in []byte, mode uint8) {
		var args []string
		if mode&1 != 0 {
			args = append(args, "-k")
		}
		if mode&2 != 0 {
			args = append(args, "-strict")
		}
		if mode&4 != 0 {
			args = append(args, "-protocol", "14.0")
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
		if code == 1 && (strings.HasPrefix(lines[len(lines)-1], name+": note: ") || len(lines) != 1) {
			t.Fatalf("exit 1 without exactly one line, the error; stderr:\n%s", errText)
		}
		if code == 1 && stdout.Len() != 0 {
			t.Fatalf("exit 1 with %d bytes of output", stdout.Len())
		}
		if code == 0 {
			if _, err := wbxml.AppendXML(nil, stdout.Bytes(), wbxml.WithVocabulary(codepages.ActiveSync)); err != nil {
				t.Fatalf("the WBXML written does not convert back: %v\n% x", err, stdout.Bytes())
			}
		}
	})
}
