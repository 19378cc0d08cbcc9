package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"

	"github.com/easkit/easkit/b64uri"
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
	w := bufio.NewWriter(stdout)
	var q b64uri.Query
	var buf []byte
	i := 0
	n, err := eachInput(arg, stdin, maxInput, func(in input) error {
		query, offset, _ := splitURI(in.text)
		if b64uri.IsPlain([]byte(query)) {
			return in.where(fmt.Errorf("%q is already a plain query; easquery encode turns it into base64", query))
		}
		if err := d.Decode(&q, []byte(query)); err != nil {
			return in.where(shiftOffset(err, offset))
		}
		if *asJSON {
			buf = appendJSON(buf[:0], &q)
		} else {
			buf = buf[:0]
			if i > 0 {
				buf = append(buf, '\n') // a blank line between queries
			}
			buf = q.AppendPlain(buf)
			buf = appendNotes(buf, &q)
		}
		i++
		_, err := w.Write(buf)
		return err
	})
	if ferr := w.Flush(); err == nil {
		err = ferr
	}
	if err == nil && n == 0 {
		err = errors.New("no query to decode: standard input is empty or blank")
	}
	return err
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
