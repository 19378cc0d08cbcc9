package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/easkit/easkit/b64uri"
	"github.com/easkit/easkit/capture"
	"github.com/easkit/easkit/internal/cli"
)

func runDecode(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("decode")
	asJSON := fs.Bool("json", false, "print one JSON object per query")
	lenient := fs.Bool("lenient", false, "accept URL-safe base64, %XX escapes, spaces for '+', odd policy key lengths")
	var maxInput cli.Size
	cli.AddMaxInput(fs, &maxInput)
	positional, err := parseFlags(fs, args, stdout)
	if err != nil {
		return err
	}
	arg, err := oneArg("decode", positional)
	if err != nil {
		return err
	}
	strictness := b64uri.Strict
	if *lenient {
		strictness = b64uri.Lenient
	}
	d := b64uri.NewDecoder(b64uri.WithStrictness(strictness))
	dec := &decoder{d: d, scan: newLineScanner(*lenient), asJSON: *asJSON, stdin: arg == "-", w: bufio.NewWriter(stdout), stderr: stderr}
	_, err = eachInput(arg, stdin, maxInput, dec.line)
	if ferr := dec.w.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		if ferr := dec.flushHeld(); ferr != nil {
			return ferr
		}
		return err
	}
	return dec.finish()
}

// decoder decodes the queries of one run of easquery decode.
type decoder struct {
	d      b64uri.Decoder
	scan   *lineScanner
	asJSON bool
	stdin  bool // reading standard input: lines are numbered, failures are notes
	w      *bufio.Writer
	stderr io.Writer

	q   b64uri.Query
	buf []byte

	decoded int   // queries written
	failed  int   // ActiveSync queries that did not decode
	held    error // the last failure, not yet written: the error if nothing decodes
}

// line decodes the query in one input (the argument, or a line of
// standard input). On standard input, a line without an ActiveSync query
// is skipped and one whose query does not decode is noted on standard
// error; the argument must hold a query that decodes.
func (dec *decoder) line(in input) error {
	f, ok := dec.scan.scan(in.text)
	if !dec.stdin {
		if !ok {
			f.query, f.offset, _ = splitURI(in.text)
		}
		f.eas = true
	} else if !ok {
		return nil
	}
	var err error
	if plain, base := splitPlain(f.query); plain {
		if !f.eas && !dec.scan.looksLikeQuery(f.query) {
			return nil
		}
		pq := capture.ParseQuery(f.query)
		err = dec.writePlain(in, &pq)
	} else {
		if err = dec.d.Decode(&dec.q, []byte(base)); err != nil {
			if !f.eas {
				return nil // not an ActiveSync request: its query is not ours
			}
			return dec.fail(in.where(shiftOffset(err, f.offset)))
		}
		err = dec.writeBase64(in, f.query)
	}
	if err != nil {
		return err
	}
	return dec.flushHeld()
}

// fail records a query that does not decode. The argument's failure is
// the error; a line's failure is held, so that a run in which nothing
// decodes ends with it as its one error line, and written as a note when
// another failure or a decoded query follows.
func (dec *decoder) fail(err error) error {
	if !dec.stdin {
		return err
	}
	dec.failed++
	if ferr := dec.flushHeld(); ferr != nil {
		return ferr
	}
	dec.held = err
	if dec.decoded > 0 {
		return dec.flushHeld()
	}
	return nil
}

// flushHeld writes the held failure as a note on standard error.
func (dec *decoder) flushHeld() error {
	if dec.held == nil {
		return nil
	}
	err := dec.held
	dec.held = nil
	if ferr := dec.w.Flush(); ferr != nil {
		return ferr
	}
	_, werr := fmt.Fprintf(dec.stderr, "easquery: %v\n", err)
	return werr
}

// finish returns the error of a run that decoded nothing: the one failure,
// or a line that says nothing was there to decode.
func (dec *decoder) finish() error {
	if dec.decoded > 0 {
		return dec.flushHeld()
	}
	switch {
	case dec.held != nil && dec.failed > 1:
		return fmt.Errorf("%w (no query decoded: %d failed)", dec.held, dec.failed)
	case dec.held != nil:
		return dec.held
	}
	return errors.New("no query to decode: standard input is empty or holds no ActiveSync query")
}

// start appends what comes before a query's text output: a blank line
// after the previous query, and on standard input the line it came from.
func (dec *decoder) start(in input) {
	dec.buf = dec.buf[:0]
	if dec.decoded > 0 {
		dec.buf = append(dec.buf, '\n') // a blank line between queries
	}
	if dec.stdin {
		dec.buf = fmt.Appendf(dec.buf, "# line %d\n", in.line)
	}
}

func (dec *decoder) writeBase64(in input, raw string) error {
	if dec.asJSON {
		dec.buf = appendJSON(dec.buf[:0], jsonLine(dec.stdin, in), raw, &dec.q)
	} else {
		dec.start(in)
		dec.buf = dec.q.AppendPlain(dec.buf)
		dec.buf = appendNotes(dec.buf, &dec.q)
	}
	dec.decoded++
	_, err := dec.w.Write(dec.buf)
	return err
}

func (dec *decoder) writePlain(in input, q *capture.Query) error {
	if dec.asJSON {
		dec.buf = appendPlainJSON(dec.buf[:0], jsonLine(dec.stdin, in), q)
	} else {
		dec.start(in)
		dec.buf = appendEscapedControls(dec.buf, q.Raw)
		dec.buf = append(dec.buf, "\n# Form: plain (the protocol version and policy key are request headers)\n"...)
	}
	dec.decoded++
	_, err := dec.w.Write(dec.buf)
	return err
}

// jsonLine is the line number a JSON object names: the input line on
// standard input, -1 (written as null) for the argument.
func jsonLine(stdin bool, in input) int {
	if !stdin {
		return -1
	}
	return in.line
}

// splitPlain tells a plain query from a base64 one, and returns the base64
// text: the query, or the part before a '&' when the rest is what a server
// log appends to a base64 query (IIS writes Exchange's "&Log=…" there).
func splitPlain(query string) (plain bool, base64 string) {
	if !b64uri.IsPlain([]byte(query)) {
		return false, query
	}
	if i := strings.IndexByte(query, '&'); i > 0 && !b64uri.IsPlain([]byte(query[:i])) {
		return false, query[:i]
	}
	return true, ""
}

// shiftOffset makes a character offset count from the start of what the
// user typed (a URL, say) rather than from the start of the query.
func shiftOffset(err error, by int) error {
	var e *b64uri.Error
	if by != 0 && errors.As(err, &e) && e.InText && e.Offset >= 0 {
		shifted := *e
		shifted.Offset += by
		return &shifted
	}
	return err
}

// appendNotes appends comment lines about what the plain form cannot show:
// the locale, parameters with unknown tags, unknown Options bits, and
// version or command combinations the spec does not allow.
func appendNotes(dst []byte, q *b64uri.Query) []byte {
	dst = fmt.Appendf(dst, "# Locale: 0x%04X\n", q.Locale)
	if !b64uri.AllowedVersion(q.Version) {
		dst = fmt.Appendf(dst, "# note: protocol version %s is not one the base64 form allows (12.1, 14.0, 14.1, 16.0, 16.1)\n", versionText(q))
	}
	if since := q.Command.Since(); since != 0 && q.Version < since {
		dst = fmt.Appendf(dst, "# note: %s needs protocol %s or later\n", q.Command, since)
	}
	for _, p := range q.Params {
		switch {
		case !p.Tag.Known():
			dst = fmt.Appendf(dst, "# note: unknown parameter tag %d skipped (%d bytes: %X)\n", uint8(p.Tag), len(p.Value), p.Value)
		case p.Tag == b64uri.ParamOptions:
			if len(p.Value) != 1 {
				dst = fmt.Appendf(dst, "# note: Options parameter is %d bytes long, not 1\n", len(p.Value))
			}
			if f, _ := q.Options(); f&^(b64uri.SaveInSent|b64uri.AcceptMultiPart) != 0 {
				dst = fmt.Appendf(dst, "# note: Options bits 0x%02X have no plain form\n", uint8(f&^(b64uri.SaveInSent|b64uri.AcceptMultiPart)))
			}
		}
	}
	return dst
}

func versionText(q *b64uri.Query) string {
	b, _ := q.Version.AppendText(nil)
	return string(b)
}

// appendEscapedControls appends s with its control characters
// percent-encoded, so that a plain query stays on its line.
func appendEscapedControls(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == 0x7f {
			dst = fmt.Appendf(dst, "%%%02X", c)
		} else {
			dst = append(dst, c)
		}
	}
	return dst
}
