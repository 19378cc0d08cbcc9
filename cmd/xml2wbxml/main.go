package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"

	"github.com/easkit/easkit/internal/cli"
	"github.com/easkit/easkit/internal/xmlscan"
	"github.com/easkit/easkit/wbxml"
)

// name is the command's name in messages.
const name = "xml2wbxml"

// maxNotes bounds the warnings printed; a last line counts the rest.
const maxNotes = 20

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run is the whole command: it parses args, converts the input and writes
// the output, and returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	defer cli.Recover(stderr, name, &code)
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true)) // a mapped input file truncated under us
	o, err := parseArgs(args)
	if o == nil {
		o = new(options) // only err matters
	}
	src, code, done := cli.Start(stdin, stdout, stderr, name, usage, err, o.version, o.input, o.maxInput,
		"no input: name a file, or pipe XML into standard input")
	if done {
		return code
	}
	x := wbxml.NewXMLReader(o.wbxmlOptions()...)
	if isCapture(src) {
		return convertCapture(o, x, src, stdout, stderr)
	}
	if o.split != "" || o.concat {
		if docs := documents(src, o.maxDepth); docs != nil {
			return convertDocuments(o, x, docs, stdout, stderr)
		}
		return cli.Report(stderr, name, errors.New("-split and -concat are for a capture document of wbxml2xml or several XML documents, and the input is neither"))
	}
	var out []byte
	var file *cli.Output
	if cli.IsStdio(o.output) || o.validate {
		// -validate checks the message before any of it is written.
		// WBXML is smaller than its XML: one allocation holds the output.
		out, err = x.AppendWBXML(make([]byte, 0, len(src)+64), src)
	} else if file, err = cli.CreateOutput(o.output); err == nil {
		// A file gets the WBXML as it is made; it is renamed into place
		// only when all went well.
		if err = x.WriteWBXML(file, src); err == nil {
			err = file.Commit()
		} else {
			file.Abort()
		}
	}
	if err == nil {
		// A failure says one thing, on one line: the error.
		for _, n := range cli.Notes(x.Warnings(), o.proto, "", maxNotes, nil) {
			fmt.Fprintf(stderr, "%s: note: %s\n", name, n)
		}
	}
	if err != nil && !errors.Is(err, wbxml.ErrDepth) {
		if docs := documents(src, o.maxDepth); docs != nil {
			return convertDocuments(o, x, docs, stdout, stderr)
		}
	}
	if err != nil {
		// XML in UTF-16 or UTF-32 big-endian without a byte order mark
		// starts with zero bytes too, and can pass for a WBXML 1.0 header.
		if enc, _, derr := xmlscan.Detect(src); wbxml.HasHeader(src) && derr == nil && enc == xmlscan.UTF8 {
			err = fmt.Errorf("%w (the input looks like WBXML: wbxml2xml converts that)", err)
		}
		return cli.Report(stderr, name, cli.ExplainDepth(err, o.maxDepth))
	}
	if o.validate {
		notes := cli.NewNoteWriter(stderr, name, cli.MaxNotes)
		if err := validate(o, out, "", "", notes); err != nil {
			return cli.Report(stderr, name, err)
		}
		notes.Close()
	}
	if file == nil {
		if err := cli.WriteOutput(o.output, stdout, out); err != nil {
			return cli.Report(stderr, name, err)
		}
	}
	return cli.ExitOK
}
