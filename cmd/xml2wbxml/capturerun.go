package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/easkit/easkit/internal/cli"
	"github.com/easkit/easkit/wbxml"
)

// convertCapture converts the bodies of a capture document: with -split
// each to a file of its own in the directory, with -concat all of them one
// after another to the output, and otherwise the only one to the output.
// A message with no body (other traffic, a damaged body, an empty one) is
// a note. It returns the exit status.
func convertCapture(o *options, x *wbxml.XMLReader, src []byte, stdout, stderr io.Writer) int {
	bodies, skipped, err := readCapture(src, o.maxDepth)
	if err != nil {
		return cli.Report(stderr, name, cli.ExplainDepth(err, o.maxDepth))
	}
	notes := cli.NewNoteWriter(stderr, name, cli.MaxNotes)
	for _, m := range skipped {
		notes.Note(fmt.Sprintf("message %d (line %d)", m.n, m.line), "no WBXML written, "+m.why)
	}
	switch {
	case len(bodies) == 0:
		return cli.Report(stderr, name, errors.New("the capture document holds no message body to convert"))
	case len(bodies) > 1 && o.split == "" && !o.concat:
		return cli.Report(stderr, name, fmt.Errorf("the capture document holds %d message bodies: -split DIR writes a file for each, -concat writes them one after another", len(bodies)))
	}
	if o.split != "" {
		err = splitBodies(o.split, o, x, bodies, notes)
	} else {
		err = writeBodies(o, x, bodies, stdout, notes)
	}
	if err != nil {
		return cli.Report(stderr, name, cli.ExplainDepth(err, o.maxDepth))
	}
	notes.Close()
	return cli.ExitOK
}

// convertBody appends the WBXML of b to dst, writing its notes, and with
// -validate checks it.
func convertBody(dst []byte, x *wbxml.XMLReader, b *body, notes *cli.NoteWriter, o *options) ([]byte, error) {
	out, err := x.AppendWBXML(dst, b.xml)
	if err != nil {
		return dst, b.inDocument(err)
	}
	notes.Warnings(x.Warnings(), o.proto, b.label(), nil)
	if err := validate(o, out[len(dst):], b.kind, b.label(), notes); err != nil {
		return dst, err
	}
	return out, nil
}

// writeBodies writes the WBXML of the bodies one after another to the
// file named by output, or to stdout, all of it or nothing.
func writeBodies(o *options, x *wbxml.XMLReader, bodies []body, stdout io.Writer, notes *cli.NoteWriter) error {
	var out []byte
	for i := range bodies {
		var err error
		if out, err = convertBody(out, x, &bodies[i], notes, o); err != nil {
			return err
		}
	}
	return cli.WriteOutput(o.output, stdout, out)
}

// splitBodies writes the WBXML of each body to a file of its own in dir
// (made when missing), named by the message's n and kind as wbxml2xml
// -split names its files: 001-request.wbxml. Each file is written whole or
// not at all; after an error, the files of the bodies before it stay.
func splitBodies(dir string, o *options, x *wbxml.XMLReader, bodies []body, notes *cli.NoteWriter) error {
	if err := os.Mkdir(dir, 0o777); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	var out []byte
	for i := range bodies {
		b := &bodies[i]
		var err error
		if out, err = convertBody(out[:0], x, b, notes, o); err != nil {
			return err
		}
		if err := cli.WriteOutput(filepath.Join(dir, fmt.Sprintf("%03d-%s.wbxml", b.n, b.kind)), nil, out); err != nil {
			return err
		}
	}
	return nil
}
