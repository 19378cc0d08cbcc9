package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/easkit/easkit/version"
)

// defaultClient is the client list negotiate assumes: every version the
// current [MS-ASHTTP] names.
const defaultClient = "2.5,12.0,12.1,14.0,14.1,16.0,16.1"

func runNegotiate(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("negotiate")
	client := fs.String("client", defaultClient, "versions the client implements, comma-separated")
	server := fs.String("server", "", "versions the server lists: a list, an MS-ASProtocolVersions header line, an OPTIONS response, or - for standard input")
	rejected := fs.String("rejected", "", "version the server answered HTTP 400 to; print the next one down")
	positional, err := parseFlags(fs, args, stdout)
	if err != nil {
		return err
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	switch {
	case len(positional) > 1 || len(positional) == 1 && set["server"]:
		return usagef("negotiate: unexpected argument %q", positional[len(positional)-1])
	case len(positional) == 1:
		*server, set["server"] = positional[0], true
	case !set["server"]:
		return usagef("negotiate: -server is required")
	}
	cl, err := version.ParseList(*client)
	if err != nil {
		return fmt.Errorf("-client: %w", err)
	}
	text := *server
	if text == "-" {
		var sb strings.Builder
		err := eachLine(stdin, 1<<20, func(n int, line string) error {
			sb.WriteString(line)
			sb.WriteByte('\n')
			return nil
		})
		if err != nil {
			return err
		}
		text = sb.String()
	}
	offer, err := parseOffer(text)
	if err != nil {
		return fmt.Errorf("-server: %w", err)
	}
	sv, err := version.ParseList(offer.versions)
	if err != nil {
		return fmt.Errorf("-server: %w", err)
	}
	var v version.Version
	if set["rejected"] {
		r, perr := version.Parse(*rejected)
		if perr != nil {
			return fmt.Errorf("-rejected: %w", perr)
		}
		v, err = version.NextLower(r, cl, sv)
	} else {
		v, err = version.Negotiate(cl, sv)
	}
	if err != nil {
		return err
	}
	out := v.String() + "\n"
	if offer.hasCommands {
		out += "MS-ASProtocolCommands: " + offer.commands + "\n"
	}
	_, err = io.WriteString(stdout, out)
	return err
}

// offer is what a server says it supports.
type offer struct {
	versions    string // the MS-ASProtocolVersions value, or the bare list
	commands    string // the MS-ASProtocolCommands value
	hasCommands bool
}

// parseOffer reads the server's versions from a bare list ("2.5,12.0"), an
// "MS-ASProtocolVersions: …" header line, or the head of an HTTP OPTIONS
// response (its status line, header lines, and a body after the first
// blank line, ignored), taking MS-ASProtocolVersions and
// MS-ASProtocolCommands.
func parseOffer(text string) (offer, error) {
	text = strings.TrimPrefix(text, bom)
	var o offer
	if !strings.Contains(text, ":") {
		o.versions = strings.TrimSpace(text) // a bare list
		return o, nil
	}
	headers, versions := false, false
	for line := range strings.SplitSeq(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			if headers {
				break // the end of the head: a body follows
			}
			continue
		}
		if strings.HasPrefix(line, "HTTP/") {
			headers = true
			continue
		}
		name, value, ok := strings.Cut(line, ":")
		if !ok || strings.ContainsAny(name, " \t,") {
			continue // not a header line
		}
		headers = true
		value = strings.TrimSpace(value)
		switch {
		case strings.EqualFold(name, "MS-ASProtocolVersions"):
			o.versions, versions = value, true
		case strings.EqualFold(name, "MS-ASProtocolCommands"):
			o.commands, o.hasCommands = value, true
		}
	}
	if !versions {
		if headers {
			return o, errors.New("no MS-ASProtocolVersions header (probe with FolderSync SyncKey 0 and read it from that response)")
		}
		o.versions = text
	}
	return o, nil
}
