package main

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// TestGoldenWellFormed checks that what every golden run writes to standard
// output is one well-formed XML document: a lone body's document, a
// capture document for anything else, also when a run fails after some
// messages (the document is closed after them). Only -concat writes
// documents one after another. TestGolden checks that the command writes
// what the archives hold.
func TestGoldenWellFormed(t *testing.T) {
	files, err := filepath.Glob("testdata/golden/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden archives: %v", err)
	}
	checked := 0
	for _, file := range files {
		a, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var args, stdout string
		for _, f := range a.Files {
			switch f.Name {
			case "args":
				args = string(f.Data)
			case "stdout":
				stdout = string(f.Data)
			}
		}
		if stdout == "" || slices.Contains(strings.Fields(args), "-concat") {
			continue
		}
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			checkWellFormed(t, []byte(stdout))
		})
		checked++
	}
	if checked < 20 {
		t.Errorf("only %d golden outputs checked", checked)
	}
}
