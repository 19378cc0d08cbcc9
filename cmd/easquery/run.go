package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/easkit/easkit/internal/cli"
)

const usage = `usage: easquery decode [-json] [-lenient] [-max-input SIZE] QUERY|URL|LINE|-
       easquery encode [-version V] [-locale L] [-policykey K] [-acceptmultipart] [-max-input SIZE] PLAIN|URL|-
       easquery negotiate [-client LIST] [-rejected V] [-server] LIST|HEADER|RESPONSE|-
       easquery --version

decode     print the plain form of a base64 request query: the query string,
           then the MS-ASProtocolVersion, X-MS-PolicyKey and
           MS-ASAcceptMultiPart headers; -json prints one JSON object
           (version, command, locale, deviceId, deviceIdHex, policyKey,
           deviceType, params, unknownParams, every one always present).
           A line may be a base64 or plain query, a URL, a request line, or
           a line of an access log (Apache/nginx common or combined, IIS W3C
           with or without #Fields). On standard input each query says its
           line ("# line N", or "line" in JSON); lines without an ActiveSync
           query are skipped; an ActiveSync line that does not decode is a
           note on standard error and the rest goes on (exit 1 only when
           nothing decodes).
           -lenient also accepts the URL-safe alphabet, %XX escapes, a space
           for '+', and odd policy key lengths.
encode     build the base64 query from a plain query ("Cmd=Sync&User=…&
           DeviceId=…&DeviceType=…"), optionally followed by header lines
           as decode prints them (a pasted request head works too); flags
           override the headers. The locale has no plain form: decode prints
           it as a "# Locale: 0x0409" line, which encode reads; -locale
           overrides it (default 0x0409, en-US). -version defaults to 14.1;
           only 12.1, 14.0, 14.1, 16.0 and 16.1 have a base64 query (2.5
           and 12.0 clients send the plain one).
negotiate  print the protocol version a client should use: the highest in
           both comma-separated lists; with -rejected, the next one down
           after the server answered HTTP 400 to that version. The server's
           versions (-server or the argument) may be a bare list, an
           MS-ASProtocolVersions header line or an OPTIONS response ("-":
           standard input); its MS-ASProtocolCommands line is printed too.
           -client defaults to every version [MS-ASHTTP] names.

QUERY may be the bare query, "?query", a URL or an HTTP request line; "-"
reads standard input: one query per line for decode, one or more plain
queries with their header lines for encode, read as they come (lines of
1 MiB at most). -max-input SIZE, for decode and encode, fails on standard
input larger than SIZE bytes, with K, M or G for KiB, MiB, GiB (default
256M; 0: no limit). Input that holds no query is an error.
Exit status: 0 ok, 1 bad data (with the problem and its offset), 2 bad usage.
`

// usageError is a command line that easquery cannot run (exit status 2).
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{fmt.Sprintf(format, args...)}
}

// run is easquery without the process: it reads stdin, writes stdout and
// stderr, and returns the error that main reports (a *usageError for exit
// status 2, flag.ErrHelp for -h, anything else for exit status 1).
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return usagef("missing command: decode, encode or negotiate")
	}
	var err error
	switch args[0] {
	case "decode":
		err = runDecode(args[1:], stdin, stdout, stderr)
	case "encode":
		err = runEncode(args[1:], stdin, stdout, stderr)
	case "negotiate":
		err = runNegotiate(args[1:], stdin, stdout, stderr)
	case "-h", "-help", "--help", "help":
		io.WriteString(stdout, usage)
		return flag.ErrHelp
	case "--version", "-version":
		_, err := io.WriteString(stdout, cli.VersionLine("easquery"))
		return err
	default:
		return usagef("unknown command %q: decode, encode or negotiate", args[0])
	}
	return err
}

// newFlags returns a quiet flag set for a subcommand: parseFlags reports
// its problems.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	if onNewFlags != nil {
		onNewFlags(fs)
	}
	return fs
}

// onNewFlags, when set (by tests), sees every flag set newFlags makes.
var onNewFlags func(*flag.FlagSet)

// parseFlags parses args, flags and positional arguments in any order, and
// returns the positional ones. Flag errors become usage errors; -h prints
// the usage. "--" ends the flags.
func parseFlags(fs *flag.FlagSet, args []string, stdout io.Writer) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				io.WriteString(stdout, usage)
				return nil, flag.ErrHelp
			}
			return nil, usagef("%s: %v", fs.Name(), err)
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return positional, nil
		}
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			return append(positional, rest...), nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

// oneArg returns the single positional argument.
func oneArg(name string, positional []string) (string, error) {
	switch len(positional) {
	case 1:
		return positional[0], nil
	case 0:
		return "", usagef("%s: missing argument", name)
	}
	return "", usagef("%s: one argument expected, got %d", name, len(positional))
}

// eachInput calls f with each input named by arg: arg itself, or the
// non-blank lines of stdin for "-", read as they come (at most limit bytes
// in all, and 1 MiB a line), so that no input is held in memory whole. Each
// has its 1-based line number (0 for arg). It returns the number of inputs
// and the first error, from f or from reading.
func eachInput(arg string, stdin io.Reader, limit cli.Size, f func(input) error) (int, error) {
	if arg != "-" {
		return 1, f(input{text: arg})
	}
	count := 0
	err := eachLine(stdin, limit, func(n int, line string) error {
		if strings.TrimSpace(line) == "" {
			return nil
		}
		count++
		return f(input{line: n, text: line})
	})
	return count, err
}

// eachLine calls f with each line of r and its 1-based number, without the
// line ending and, on the first line, without a byte order mark. It reads
// at most limit bytes (0: no limit) and 1 MiB a line.
func eachLine(r io.Reader, limit cli.Size, f func(n int, line string) error) error {
	lr := &lastError{r: cli.LimitInput(r, limit)}
	sc := bufio.NewScanner(lr)
	sc.Buffer(make([]byte, 0, 64*1024), maxLine)
	sc.Split(func(data []byte, atEOF bool) (int, []byte, error) {
		if atEOF && lr.err != nil && lr.err != io.EOF && bytes.IndexByte(data, '\n') < 0 {
			// Reading failed in the middle of a line: the line is cut,
			// and the error says why.
			return 0, nil, lr.err
		}
		return bufio.ScanLines(data, atEOF)
	})
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if n == 1 {
			line = strings.TrimPrefix(line, bom)
		}
		if err := f(n, line); err != nil {
			return err
		}
	}
	switch err := sc.Err(); {
	case errors.Is(err, bufio.ErrTooLong):
		return fmt.Errorf("reading standard input: a line is longer than %v", cli.Size(maxLine))
	case errors.As(err, new(*cli.TooLargeError)):
		return err
	case err != nil:
		return fmt.Errorf("reading standard input: %w", err)
	}
	return nil
}

// lastError is a reader that keeps the last error of r.
type lastError struct {
	r   io.Reader
	err error
}

func (l *lastError) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	if err != nil {
		l.err = err
	}
	return n, err
}

// maxLine bounds a line of standard input.
const maxLine = 1 << 20

// bom is the UTF-8 byte order mark that Windows tools put at the start of
// a text file; it is dropped from the start of standard input.
const bom = "\uFEFF"

type input struct {
	line int
	text string
}

// where prefixes err with the input line, when there is one.
func (in input) where(err error) error {
	if in.line == 0 {
		return err
	}
	return fmt.Errorf("line %d: %w", in.line, err)
}

// splitURI finds the query in s: after the first '?' (of a URL or request
// line) unless an '=' or '&' comes before it (then the '?' is inside a
// plain query's value, where it needs no escape), or s itself, up to a tab, a '#', or the " HTTP/" that ends a
// request line, without the spaces around it. A space elsewhere belongs to
// the query: it is what a form-decoding server makes of '+', which lenient
// decoding reads back, and strict decoding reports where it stands. It
// returns the query, its offset in s, and what comes before it (the URL up
// to and including '?', empty for a bare query).
func splitURI(s string) (query string, offset int, prefix string) {
	start := 0
	if i := strings.IndexByte(s, '?'); i >= 0 && !strings.ContainsAny(s[:i], "=&") {
		start = i + 1
	} else {
		for start < len(s) && (s[start] == ' ' || s[start] == '\t') {
			start++
		}
	}
	end := len(s)
	if i := strings.IndexAny(s[start:], "\t#"); i >= 0 {
		end = start + i
	}
	if i := strings.Index(s[start:end], " HTTP/"); i >= 0 {
		end = start + i
	}
	for end > start && s[end-1] == ' ' {
		end--
	}
	prefix = strings.TrimLeft(s[:start], " \t")
	return s[start:end], start, prefix
}
