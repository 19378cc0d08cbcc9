package main

import (
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
	c := newConverter(o, stderr)
	var file *cli.Output
	if !cli.IsStdio(o.output) {
		// A file gets the XML as it is made; it is renamed into place
		// only when all went well.
		if file, err = cli.CreateOutput(o.output); err != nil {
			return cli.Report(stderr, name, err)
		}
		c.dest = file
	}
	// Standard output gets the XML as it is made, and after an error the
	// messages converted before it.
	if err = c.convert(data, stdout); err == nil && file != nil {
		err = file.Commit()
	} else if err != nil && file != nil {
		file.Abort()
	}
	if err != nil {
		code := cli.Report(stderr, name, err)
		if o.verbose {
			explainDetection(stderr, err)
		}
		return code
	}
	return cli.ExitOK
}
