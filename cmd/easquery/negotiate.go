package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/easkit/easkit/version"
)

// defaultClient is the client list negotiate assumes: every version the
// current [MS-ASHTTP] names.
const defaultClient = "2.5,12.0,12.1,14.0,14.1,16.0,16.1"

func runNegotiate(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("negotiate")
	client := fs.String("client", defaultClient, "versions the client implements, comma-separated")
	server := fs.String("server", "", "versions the server lists (its MS-ASProtocolVersions value)")
	rejected := fs.String("rejected", "", "version the server answered HTTP 400 to; print the next one down")
	positional, err := parseFlags(fs, args, stdout)
	if err != nil {
		return err
	}
	if len(positional) > 0 {
		return usagef("negotiate: unexpected argument %q", positional[0])
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if !set["server"] {
		return usagef("negotiate: -server is required")
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
	_, err = fmt.Fprintln(stdout, v)
	return err
}
