package main

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"

	"github.com/easkit/easkit/internal/cli"
)

// name is the command's name in messages.
const name = "wbxml2xml"

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
	data, code, done := cli.Start(stdin, stdout, stderr, name, usage, err, o.version, o.input, o.maxInput,
		"no input: name a file, or pipe a capture into standard input")
	if done {
		return code
	}
	if data, err = cli.TextToUTF8(data); err != nil {
		return cli.Report(stderr, name, err)
	}
	c := newConverter(o)
	var file *cli.Output
	if !cli.IsStdio(o.output) {
		// A file gets the XML as it is made; it is renamed into place
		// only when all went well.
		if file, err = cli.CreateOutput(o.output); err != nil {
			return cli.Report(stderr, name, err)
		}
		c.sink = file
	}
	out, err := c.convert(data)
	if err == nil {
		// A failure says one thing, on one line: the error.
		for _, n := range c.notes {
			fmt.Fprintf(stderr, "%s: note: %s\n", name, cli.OneLine(n))
		}
	}
	if err != nil {
		if file != nil {
			file.Abort()
		} else {
			// The messages converted before the error, so that a
			// session shows up to where it breaks.
			stdout.Write(out)
		}
		return cli.Report(stderr, name, err)
	}
	if file == nil {
		_, err = stdout.Write(out)
	} else if _, err = file.Write(out); err == nil {
		err = file.Commit()
	} else {
		file.Abort()
	}
	if err != nil {
		return cli.Report(stderr, name, err)
	}
	return cli.ExitOK
}
