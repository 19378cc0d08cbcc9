package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/easkit/easkit/b64uri"
	"github.com/easkit/easkit/internal/cli"
	"github.com/easkit/easkit/version"
)

// defaultVersion and defaultLocale fill what neither a flag nor a header
// line gives: 14.1, the version the base64 form is most used with, and
// en-US.
const (
	defaultVersion = "14.1"
	defaultLocale  = 0x0409
)

func runEncode(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("encode")
	ver := fs.String("version", "", "protocol version (default: the MS-ASProtocolVersion line, else "+defaultVersion+")")
	localeFlag := fs.String("locale", "", "locale LCID, 0x0409 or 1033 (default: the \"# Locale:\" line, else 0x0409)")
	key := fs.String("policykey", "", "policy key, unsigned decimal (default: the X-MS-PolicyKey line, else none)")
	amp := fs.Bool("acceptmultipart", false, "set the AcceptMultiPart bit (MS-ASAcceptMultiPart: T)")
	var maxInput cli.Size
	cli.AddMaxInput(fs, &maxInput)
	positional, err := parseFlags(fs, args, stdout)
	if err != nil {
		return err
	}
	arg, err := oneArg("encode", positional)
	if err != nil {
		return err
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	var locale uint16 = defaultLocale
	if set["locale"] {
		if locale, err = parseLocale(*localeFlag); err != nil {
			return usagef("encode: -locale %q: %v", *localeFlag, err)
		}
	}
	if set["version"] {
		v, err := version.Parse(strings.TrimSpace(*ver))
		if err != nil {
			return usagef("encode: -version %q: not a protocol version such as 14.1", *ver)
		}
		if err := base64Version(v); err != nil {
			return usagef("encode: -version: %v", err)
		}
	}
	if set["policykey"] {
		if _, err := strconv.ParseUint(strings.TrimSpace(*key), 10, 32); err != nil {
			return usagef("encode: -policykey %q: not an unsigned 32-bit decimal", *key)
		}
	}

	w := bufio.NewWriter(stdout)
	var q b64uri.Query
	var out []byte
	encode := func(r *request) error {
		in := input{line: r.line}
		query, offset, prefix, suffix := splitRequest(r.text)
		h := r.headers
		if set["version"] {
			h.ProtocolVersion = *ver
		} else if h.ProtocolVersion == "" {
			h.ProtocolVersion = defaultVersion
		}
		if set["policykey"] {
			h.PolicyKey = *key
		}
		if set["acceptmultipart"] {
			h.AcceptMultiPart = map[bool]string{true: "T", false: "F"}[*amp]
		}
		if err := q.ParsePlain([]byte(query), h); err != nil {
			var e *b64uri.Error
			if errors.As(err, &e) && in.line != 0 {
				in.line = r.lineOf(e.Field, set)
			}
			return in.where(shiftPlainOffset(err, offset))
		}
		if err := base64Version(q.Version); err != nil {
			if in.line != 0 {
				in.line = r.lineOf(b64uri.FieldHeaderVersion, set)
			}
			return in.where(err)
		}
		q.Locale = locale
		if !set["locale"] && r.hasLocale {
			q.Locale = r.locale
		}
		out = append(out[:0], prefix...)
		var err error
		if out, err = q.AppendEncode(out); err != nil {
			return in.where(err)
		}
		out = append(out, suffix...)
		out = append(out, '\n')
		_, err = w.Write(out)
		return err
	}
	var src io.Reader = stdin
	oneLine := false // a single-line argument: errors name no line
	if arg != "-" {
		src = strings.NewReader(arg)
		oneLine = !strings.Contains(arg, "\n")
	}
	n, err := readRequests(src, maxInput, func(r *request) error {
		if oneLine {
			r.line, r.versionLine, r.keyLine, r.ampLine = 0, 0, 0, 0
		}
		return encode(r)
	})
	if ferr := w.Flush(); err == nil {
		err = ferr
	}
	if err == nil && n == 0 {
		err = errors.New("no query to encode")
	}
	return err
}

// base64Version returns an error for a protocol version that the base64
// query cannot carry: [MS-ASHTTP] 2.2.1.1.1.1 defines it for 12.1, 14.0,
// 14.1, 16.0 and 16.1 only, and a client using 2.5 or 12.0 MUST send the
// plain query.
func base64Version(v version.Version) error {
	if b64uri.AllowedVersion(v) {
		return nil
	}
	return fmt.Errorf("protocol version %s cannot use the base64 query (only 12.1, 14.0, 14.1, 16.0 and 16.1 can; send the plain query)", versionString(v))
}

// versionString is v in dotted form, "0.0" for the zero byte.
func versionString(v version.Version) string {
	b, _ := v.AppendText(nil)
	return string(b)
}

// request is one plain query with the header lines that follow it.
type request struct {
	line      int
	text      string
	headers   b64uri.Headers
	locale    uint16
	hasLocale bool

	// The lines of the MS-ASProtocolVersion, X-MS-PolicyKey and
	// MS-ASAcceptMultiPart headers; 0 when absent.
	versionLine, keyLine, ampLine int
}

// lineOf returns the line an error about field f points to: the line of
// the header it names, when a header line (not a flag) gave it, else the
// query's line.
func (r *request) lineOf(f b64uri.Field, flags map[string]bool) int {
	line := 0
	switch {
	case f == b64uri.FieldHeaderVersion && !flags["version"]:
		line = r.versionLine
	case f == b64uri.FieldHeaderPolicyKey && !flags["policykey"]:
		line = r.keyLine
	case f == b64uri.FieldHeaderAcceptMultiPart && !flags["acceptmultipart"]:
		line = r.ampLine
	}
	if line == 0 {
		return r.line
	}
	return line
}

// readRequests reads the requests of r, calling f with each one when its
// last line has been read, and returns how many there were. A line "Name:
// value" is a header of the request above it (MS-ASProtocolVersion,
// X-MS-PolicyKey and MS-ASAcceptMultiPart are used, others such as Host
// are ignored, so a pasted request head works); "# Locale: 0x0409", as
// decode writes it, gives the locale; other lines starting with '#' and
// blank lines are skipped; any other line starts a new request. r is read
// as it comes, at most limit bytes (0: no limit), so that only one request
// is held in memory.
func readRequests(src io.Reader, limit cli.Size, f func(*request) error) (int, error) {
	var r request
	count := 0
	err := eachLine(src, limit, func(n int, line string) error {
		line = strings.TrimSpace(line)
		switch {
		case line == "":
			return nil
		case strings.HasPrefix(line, "#"):
			v, ok := strings.CutPrefix(strings.TrimSpace(line[1:]), "Locale:")
			if !ok || count == 0 {
				return nil
			}
			l, err := parseLocale(strings.TrimSpace(v))
			if err != nil {
				return fmt.Errorf("line %d: locale %q: %v", n, strings.TrimSpace(v), err)
			}
			r.locale, r.hasLocale = l, true
			return nil
		}
		if name, value, ok := headerLine(line); ok {
			if count == 0 {
				return fmt.Errorf("line %d: header %s before any query", n, name)
			}
			switch strings.ToLower(name) {
			case strings.ToLower(b64uri.HeaderProtocolVersion):
				r.headers.ProtocolVersion, r.versionLine = value, n
			case strings.ToLower(b64uri.HeaderPolicyKey):
				r.headers.PolicyKey, r.keyLine = value, n
			case strings.ToLower(b64uri.HeaderAcceptMultiPart):
				r.headers.AcceptMultiPart, r.ampLine = value, n
			}
			return nil
		}
		if count > 0 {
			if err := f(&r); err != nil {
				return err
			}
		}
		count++
		r = request{line: n, text: line}
		return nil
	})
	if err == nil && count > 0 {
		err = f(&r)
	}
	return count, err
}

// headerLine splits "Name: value" where Name is an HTTP token. The space
// after the colon is optional in HTTP ("MS-ASProtocolVersion:14.1", as
// curl -H users write it); without it, a line whose rest holds '?' or '/' is a URL
// ("localhost:8080/…?Cmd=…"), not a header.
func headerLine(line string) (name, value string, ok bool) {
	i := strings.IndexByte(line, ':')
	if i <= 0 {
		return "", "", false
	}
	if i+1 < len(line) && line[i+1] != ' ' && line[i+1] != '\t' && strings.ContainsAny(line[i+1:], "?/") {
		return "", "", false
	}
	for _, c := range line[:i] {
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return "", "", false
		}
	}
	return line[:i], strings.TrimSpace(line[i+1:]), true
}

// splitRequest is splitURI that also returns what follows the query (" HTTP/1.1").
func splitRequest(s string) (query string, offset int, prefix, suffix string) {
	query, offset, prefix = splitURI(s)
	return query, offset, prefix, s[offset+len(query):]
}

// shiftPlainOffset makes a plain-query character offset count from the
// start of the line.
func shiftPlainOffset(err error, by int) error {
	if e, ok := err.(*b64uri.Error); ok && e.Field != b64uri.FieldPlainQuery {
		return err
	}
	return shiftOffset(err, by)
}

// parseLocale reads an LCID: 0x0409 (hex) or 1033 (decimal).
func parseLocale(s string) (uint16, error) {
	base := 10
	if t, ok := strings.CutPrefix(strings.ToLower(s), "0x"); ok {
		s, base = t, 16
	}
	v, err := strconv.ParseUint(s, base, 16)
	if err != nil {
		return 0, fmt.Errorf("not a 16-bit LCID")
	}
	return uint16(v), nil
}
