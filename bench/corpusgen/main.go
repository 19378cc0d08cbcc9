// Command corpusgen writes the deterministic ActiveSync messages of
// internal/corpus to files, for scripts that run whole programs over them
// (bench/cli.sh compares easkit's CLIs with libwbxml's).
//
// Usage:
//
//	go run ./bench/corpusgen [-o DIR] [-size BYTES] [NAME...]
//
// For each NAME it writes DIR/NAME.wbxml and DIR/NAME.xml, the XML as
// wbxml2xml writes it by default (indented by 2, colon-form namespaces,
// XML declaration and DOCTYPE). NAME is one of the corpus's standard
// messages (SyncEmail1MB, …) or SyncEmail, a Sync response of e-mails whose
// WBXML is a little over -size bytes (default 1,600,000: with its XML of
// about 6.5 MB, the size of issue 5's speed comparison). Without NAME it
// writes SyncEmail. The same arguments always give the same bytes.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/internal/corpus"
	"github.com/easkit/easkit/wbxml"
)

// defaultSize is the WBXML size of the SyncEmail message by default.
const defaultSize = 1_600_000

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run writes the messages named in args; it returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("corpusgen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("o", ".", "directory to write NAME.wbxml and NAME.xml into")
	size := fs.Int("size", defaultSize, "WBXML size in bytes of the SyncEmail message")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: corpusgen [-o DIR] [-size BYTES] [NAME...]\nnames: %s\n", strings.Join(names(*size), ", "))
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if *size <= 0 {
		fmt.Fprintln(stderr, "corpusgen: -size must be positive")
		return 2
	}
	want := fs.Args()
	if len(want) == 0 {
		want = []string{"SyncEmail"}
	}
	msgs := messages(*size)
	for _, name := range want {
		build, ok := msgs[name]
		if !ok {
			fmt.Fprintf(stderr, "corpusgen: unknown message %q (known: %s)\n", name, strings.Join(names(*size), ", "))
			return 2
		}
		if err := write(*dir, name, build(), stdout); err != nil {
			fmt.Fprintf(stderr, "corpusgen: %v\n", err)
			return 1
		}
	}
	return 0
}

// messages returns the corpus messages by name.
func messages(size int) map[string]func() []byte {
	m := map[string]func() []byte{
		"SyncEmail": func() []byte { return corpus.SyncEmail(size) },
	}
	for _, s := range corpus.Standard() {
		m[s.Name] = s.Build
	}
	return m
}

// names lists the message names, sorted.
func names(size int) []string {
	var ns []string
	for n := range messages(size) {
		ns = append(ns, n)
	}
	sort.Strings(ns)
	return ns
}

// write writes dir/name.wbxml and dir/name.xml and reports their sizes.
func write(dir, name string, doc []byte, stdout io.Writer) error {
	xml, err := wbxml.AppendXML(nil, doc, wbxml.WithVocabulary(codepages.ActiveSync))
	if err != nil {
		return fmt.Errorf("%s: converting to XML: %w", name, err)
	}
	base := filepath.Join(dir, name)
	if err := os.WriteFile(base+".wbxml", doc, 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(base+".xml", xml, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s.wbxml %d bytes\n%s.xml %d bytes\n", base, len(doc), base, len(xml))
	return nil
}
