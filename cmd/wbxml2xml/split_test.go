package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/easkit/easkit/internal/cli/clitest"
)

// TestSplit checks -split DIR: a file per message, named by its place and
// kind (a log's body by its direction), each one well-formed
// <easkit:message> document that is the message's element of the capture
// document with the easkit prefix declared on it.
func TestSplit(t *testing.T) {
	for _, tc := range []struct {
		file  string
		names []string
	}{
		{"../../capture/testdata/http/session-lf.http", []string{"001-request.xml", "002-response.xml", "003-request.xml", "004-response.xml"}},
		{"../../capture/testdata/log/z-push.log", []string{"001-request.xml", "002-response.xml", "003-request.xml", "004-response.xml"}},
	} {
		t.Run(filepath.Base(tc.file), func(t *testing.T) {
			whole := clitest.MustRun(t, bin, nil, tc.file)
			if whole.Exit != 0 {
				t.Fatalf("exit %d: %s", whole.Exit, whole.Stderr)
			}
			dir := filepath.Join(t.TempDir(), "messages")
			r := clitest.MustRun(t, bin, nil, "-split", dir, tc.file)
			if r.Exit != 0 || len(r.Stdout) != 0 || !bytes.Equal(r.Stderr, whole.Stderr) {
				t.Fatalf("-split: exit %d, stdout %q, stderr %q; without -split, stderr %q", r.Exit, r.Stdout, r.Stderr, whole.Stderr)
			}
			entries, err := os.ReadDir(dir)
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			var joined []byte
			for _, e := range entries {
				names = append(names, e.Name())
				data, err := os.ReadFile(filepath.Join(dir, e.Name()))
				if err != nil {
					t.Fatal(err)
				}
				checkWellFormed(t, data)
				const decl = `<?xml version="1.0" encoding="UTF-8"?>` + "\n"
				if !bytes.HasPrefix(data, []byte(decl+"<"+messageElem+xmlns+" ")) {
					t.Fatalf("%s starts %q", e.Name(), data[:min(len(data), 120)])
				}
				joined = append(joined, bytes.Replace(data[len(decl):], []byte(xmlns), nil, 1)...)
			}
			if strings.Join(names, " ") != strings.Join(tc.names, " ") {
				t.Errorf("files %q, want %q", names, tc.names)
			}
			if !bytes.Contains(whole.Stdout, joined) {
				t.Errorf("the files, the prefix declaration taken out, are not the messages of the capture document:\n%s\n---\n%s", joined, whole.Stdout)
			}
		})
	}
}

// TestSplitErrors checks that -split refuses -o and -concat, and that a
// message that fails leaves the files of the messages before it and none
// of its own.
func TestSplitErrors(t *testing.T) {
	for _, args := range [][]string{{"-split", "d", "-o", "x.xml"}, {"-split", "d", "-concat"}, {"-split", ""}} {
		clitest.CheckUsageError(t, clitest.MustRun(t, bin, nil, args...), name, "")
	}
	good := "POST /Microsoft-Server-ActiveSync?Cmd=Ping HTTP/1.1\r\nContent-Type: application/vnd.ms-sync.wbxml\r\nContent-Length: 13\r\n\r\n" +
		"\x03\x01\x6a\x00\x00\x0d\x45\x47\x03\x31\x00\x01\x01"
	bad := "HTTP/1.1 200 OK\r\nContent-Type: application/vnd.ms-sync.wbxml\r\nContent-Length: 7\r\n\r\n" +
		"\x03\x01\x6a\x00\x00\x0d\x45"
	dir := filepath.Join(t.TempDir(), "out")
	r := clitest.MustRun(t, bin, []byte(good+bad), "-split", dir)
	if r.Exit != 1 || strings.Count(string(r.Stderr), "\n") != 1 {
		t.Fatalf("exit %d, stderr %q; want 1 and one line", r.Exit, r.Stderr)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name() != "001-request.xml" {
		t.Errorf("files after the error: %v, want 001-request.xml alone", entries)
	}
}
