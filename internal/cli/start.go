package cli

import (
	"errors"
	"flag"
	"io"
)

// Start does what the filters do between parsing their arguments and
// converting: it answers -h and --version, reports a usage error, refuses
// to wait on a terminal for input (noInput says what to give instead), and
// reads the input named by input ("" or "-": stdin), at most limit bytes
// (0: no limit; see [ReadInput]). When done is true the
// command is finished and code is its exit status; otherwise data is the
// input and the garbage collector has been tuned for its size.
func Start(stdin io.Reader, stdout, stderr io.Writer, name, usage string,
	parseErr error, version bool, input string, limit Size, noInput string) (data []byte, code int, done bool) {
	switch {
	case errors.Is(parseErr, flag.ErrHelp):
		io.WriteString(stdout, usage)
		return nil, ExitOK, true
	case parseErr != nil:
		return nil, Report(stderr, name, parseErr), true
	case version:
		io.WriteString(stdout, VersionLine(name))
		return nil, ExitOK, true
	}
	if IsStdio(input) && StdinIsTerminal(stdin) {
		return nil, Report(stderr, name, Usagef("%s", noInput)), true
	}
	data, err := ReadInput(input, stdin, limit)
	if err != nil {
		return nil, Report(stderr, name, err), true
	}
	TuneGC(len(data))
	return data, ExitOK, false
}
