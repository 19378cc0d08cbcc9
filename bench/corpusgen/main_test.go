package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/wbxml"
)

// TestWrite checks that corpusgen writes the same bytes every time, that the
// WBXML reaches the size asked for, and that the XML converts back to it.
func TestWrite(t *testing.T) {
	dirs := []string{t.TempDir(), t.TempDir()}
	for _, d := range dirs {
		if code := run([]string{"-o", d, "-size", "50000", "SyncEmail"}, io.Discard, io.Discard); code != 0 {
			t.Fatalf("exit %d", code)
		}
	}
	read := func(d, ext string) []byte {
		b, err := os.ReadFile(filepath.Join(d, "SyncEmail"+ext))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	w, x := read(dirs[0], ".wbxml"), read(dirs[0], ".xml")
	if !bytes.Equal(w, read(dirs[1], ".wbxml")) || !bytes.Equal(x, read(dirs[1], ".xml")) {
		t.Error("two runs wrote different bytes")
	}
	if len(w) < 50000 || len(w) > 80000 {
		t.Errorf("WBXML is %d bytes for -size 50000", len(w))
	}
	back, err := wbxml.AppendWBXML(nil, x, wbxml.WithVocabulary(codepages.ActiveSync))
	if err != nil || !bytes.Equal(back, w) {
		t.Errorf("the XML does not convert back to the WBXML (%v)", err)
	}
}

func TestUsage(t *testing.T) {
	for _, args := range [][]string{{"NoSuchMessage"}, {"-size", "0"}, {"-bogus"}} {
		if code := run(append([]string{"-o", t.TempDir()}, args...), io.Discard, io.Discard); code != 2 {
			t.Errorf("%q: exit %d, want 2", args, code)
		}
	}
	if code := run([]string{"-h"}, io.Discard, io.Discard); code != 0 {
		t.Errorf("-h: exit %d, want 0", code)
	}
}
