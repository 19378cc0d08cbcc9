package eashttp

import (
	"context"
	"net/http"
	"strings"

	"github.com/easkit/easkit/version"
)

// OptionsResult is the server's answer to HTTP OPTIONS ([MS-ASHTTP]
// 2.2.2.2.1 and 3.1.5.1): the protocol versions and commands it offers.
type OptionsResult struct {
	StatusCode int
	URL        string // the URL that answered, without credentials

	// Versions is MS-ASProtocolVersions parsed; VersionsHeader is its
	// text, "" when the header is missing (a proxy may strip it), and
	// VersionsErr the *version.ParseError of a value that does not parse
	// (Versions then holds the items that did).
	Versions       []version.Version
	VersionsHeader string
	VersionsErr    error

	// Commands is MS-ASProtocolCommands split at commas.
	Commands []string

	// Server is MS-Server-ActiveSync, the server's build ("15.20").
	Server string

	// Allow and Public are the HTTP methods of those headers.
	Allow, Public []string

	// Header is the whole response header.
	Header http.Header
}

// Options sends HTTP OPTIONS to the server URL (following 451 redirects
// and waiting out a 503 as DoCall does) and returns what the response says.
// A status outside 2xx is a *StatusError. Options does not change the
// negotiated version; Negotiate does.
func (c *Client) Options(ctx context.Context) (*OptionsResult, error) {
	resp, err := c.run(ctx, http.MethodOptions, &Call{Cmd: "OPTIONS"}, 0)
	if err != nil {
		return nil, err
	}
	h := resp.Header
	r := &OptionsResult{
		StatusCode:     resp.StatusCode,
		URL:            resp.URL,
		VersionsHeader: strings.Join(h.Values(HeaderProtocolVersions), ","),
		Commands:       splitList(h.Values(HeaderProtocolCommands)),
		Server:         h.Get(HeaderServerVersion),
		Allow:          splitList(h.Values("Allow")),
		Public:         splitList(h.Values("Public")),
		Header:         h,
	}
	if r.VersionsHeader != "" {
		r.Versions, r.VersionsErr = version.ParseList(r.VersionsHeader)
	}
	return r, nil
}

// splitList splits comma-separated header values, dropping empty items.
func splitList(vals []string) []string {
	var out []string
	for _, v := range vals {
		for item := range strings.SplitSeq(v, ",") {
			if item = strings.TrimSpace(item); item != "" {
				out = append(out, item)
			}
		}
	}
	return out
}
