// Command easquery decodes and encodes the base64 request query of Exchange
// ActiveSync ([MS-ASHTTP] 2.2.1.1.1.1) and negotiates protocol versions.
//
// Usage:
//
//	easquery decode [-json] [-lenient] [-max-input SIZE] QUERY|URL|LINE|-
//	easquery encode [-version V] [-locale L] [-policykey K] [-acceptmultipart] [-max-input SIZE] PLAIN|URL|-
//	easquery negotiate [-client LIST] [-rejected V] [-server] LIST|HEADER|RESPONSE|-
//	easquery --version
//
// decode prints the plain form (the query string, then the
// MS-ASProtocolVersion, X-MS-PolicyKey and MS-ASAcceptMultiPart headers),
// or with -json one object per query. It reads base64 and plain queries,
// URLs, request lines and access-log lines (Apache and nginx common or
// combined format, IIS W3C extended with its #Fields header): on standard
// input each query names its line, lines without an ActiveSync query are
// skipped, and a line whose query does not decode is a note on standard
// error; nothing decoded at all is exit status 1. encode turns a plain query (or
// decode's output) back into base64. negotiate prints the version a client
// should use, from a version list, an MS-ASProtocolVersions header line or
// an OPTIONS response (with its MS-ASProtocolCommands). With "-", queries are read from standard input, one per line,
// as they come: -max-input SIZE (decode and encode; 64M, 1G or bytes;
// default 256 MiB, 0 for no limit) bounds the input, 1 MiB a line, and
// input that holds no query is an error.
//
// Exit status: 0 on success, 1 on bad data (one line on standard error
// naming the problem and its offset), 2 on bad usage (one line naming the
// problem, with a hint to run easquery -h).
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"

	"github.com/easkit/easkit/internal/cli"
)

func main() {
	err := run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	os.Exit(report(err, os.Stderr))
}

// report prints err as one line and returns the exit status for it.
func report(err error, stderr interface{ Write([]byte) (int, error) }) int {
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, new(*usageError)):
		// One line and a hint: the usage would bury the problem.
		fmt.Fprintf(stderr, "easquery: %v %s\n", err, cli.UsageHint("easquery"))
		return 2
	default:
		fmt.Fprintf(stderr, "easquery: %v\n", err)
		return 1
	}
}
