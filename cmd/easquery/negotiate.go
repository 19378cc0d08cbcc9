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
	server := fs.String("server", "", "versions the server lists (its MS-ASProtocolVersions value)")
	rejected := fs.String("rejected", "", "version the server answered HTTP 400 to; print the next one down")
	positional, err := parseFlags(fs, args, stdout)
	if err != nil {
		return err
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	var commands string
	switch {
	case len(positional) > 1:
		return usagef("negotiate: one server answer at most, got %d", len(positional))
	case len(positional) == 1 && set["server"]:
		return usagef("negotiate: -server and a server answer %q exclude each other", positional[0])
	case len(positional) == 1:
		text := positional[0]
		if text == "-" {
			b, err := io.ReadAll(io.LimitReader(stdin, maxAnswer+1))
			if err != nil {
				return err
			}
			if len(b) > maxAnswer {
				return fmt.Errorf("negotiate: standard input is larger than %d bytes: an OPTIONS response is much smaller", maxAnswer)
			}
			text = string(b)
		}
		list, cmds, err := serverAnswer(text)
		if err != nil {
			return err
		}
		*server, commands = list, cmds
	case !set["server"]:
		return usagef("negotiate: -server LIST or the server's answer is required")
	}
	cl, err := version.ParseList(*client)
	if err != nil {
		return fmt.Errorf("-client: %w", err)
	}
	sv, err := version.ParseList(*server)
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
	if _, err = fmt.Fprintln(stdout, v); err == nil && commands != "" {
		_, err = fmt.Fprintf(stdout, "# MS-ASProtocolCommands: %s\n", commands)
	}
	return err
}

// maxAnswer bounds the server answer read from standard input.
const maxAnswer = 1 << 20

// serverAnswer finds the server's version list in text: a bare list
// ("2.5,12.0,14.1"), an MS-ASProtocolVersions header line, or a whole
// OPTIONS response (headers, possibly with its status line), in which case
// commands is its MS-ASProtocolCommands value.
func serverAnswer(text string) (list, commands string, err error) {
	text = strings.TrimPrefix(text, "\ufeff")
	found := false
	lines := 0
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(strings.TrimSuffix(line, "\r"))
		if line == "" {
			continue
		}
		lines++
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		switch strings.ToLower(strings.TrimSpace(name)) {
		case "ms-asprotocolversions":
			list, found = strings.TrimSpace(value), true
		case "ms-asprotocolcommands":
			commands = strings.TrimSpace(value)
		}
	}
	if found {
		return list, commands, nil
	}
	if t := strings.TrimSpace(text); lines == 1 && !strings.Contains(t, ":") && !strings.HasPrefix(t, "HTTP/") {
		return t, "", nil // a bare list
	}
	return "", "", errors.New("negotiate: no MS-ASProtocolVersions header in the server's answer (give the list, the header line or the OPTIONS response)")
}
