package eashttp

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Sentinel errors, for errors.Is. A *StatusError matches the sentinel of its
// HTTP status code (ErrUnauthorized for 401, …); the other errors wrap one.
var (
	// ErrBadRequest: HTTP 400, also after stepping down to a lower
	// protocol version.
	ErrBadRequest = errors.New("eashttp: bad request")

	// ErrUnauthorized: HTTP 401, the credentials were refused.
	ErrUnauthorized = errors.New("eashttp: unauthorized")

	// ErrForbidden: HTTP 403, the user may not use ActiveSync (or a client
	// certificate is required).
	ErrForbidden = errors.New("eashttp: forbidden")

	// ErrNotFound: HTTP 404, the URL is not an ActiveSync endpoint.
	ErrNotFound = errors.New("eashttp: not found")

	// ErrNeedProvision: HTTP 449, or a global Status 142, 143 or 144,
	// that a Provision did not cure.
	ErrNeedProvision = errors.New("eashttp: device must be provisioned")

	// ErrRedirect: HTTP 451 without a usable X-MS-Location header.
	ErrRedirect = errors.New("eashttp: redirect without a usable location")

	// ErrRedirectLoop: more 451 redirects than the client follows for one
	// request.
	ErrRedirectLoop = errors.New("eashttp: too many redirects")

	// ErrBlocked: HTTP 456, the account is blocked.
	ErrBlocked = errors.New("eashttp: account blocked")

	// ErrPasswordExpired: HTTP 457.
	ErrPasswordExpired = errors.New("eashttp: password expired")

	// ErrServerError: HTTP 500.
	ErrServerError = errors.New("eashttp: server error")

	// ErrNotImplemented: HTTP 501, the server does not offer the command.
	ErrNotImplemented = errors.New("eashttp: command not implemented")

	// ErrUnavailable: HTTP 503, the server is busy (see
	// StatusError.RetryAfter).
	ErrUnavailable = errors.New("eashttp: service unavailable")

	// ErrMailboxFull: HTTP 507.
	ErrMailboxFull = errors.New("eashttp: mailbox full")

	// ErrTooLarge: a body longer than the configured limit, received by
	// the client or by ParseRequest, or HTTP 413 and 414 from a server.
	ErrTooLarge = errors.New("eashttp: too large")

	// ErrStatus: any other status that is not 2xx.
	ErrStatus = errors.New("eashttp: unexpected HTTP status")

	// ErrProvision: the Provision command failed (see *ProvisionError).
	ErrProvision = errors.New("eashttp: provisioning failed")

	// ErrRemoteWipe: the server asked the device to wipe itself
	// (Provision RemoteWipe, or global Status 140). The client does not
	// acknowledge a wipe on its own.
	ErrRemoteWipe = errors.New("eashttp: remote wipe requested")
)

// statusInfo is what the package says about an HTTP status code.
type statusInfo struct {
	meaning, advice string
	sentinel        error
}

// statuses are the status codes of [MS-ASHTTP] 2.2.2.1.1 and 3.1.5.2, and
// the common HTTP ones an ActiveSync server sends.
var statuses = map[int]statusInfo{
	400: {"Bad Request", "the server could not read the request or does not accept its protocol version", ErrBadRequest},
	401: {"Unauthorized", "check the user name and password (or the token); if they are right, run Autodiscover to find the user's server", ErrUnauthorized},
	403: {"Forbidden", "the user is not enabled for ActiveSync, or a client certificate is required; check the account, then run Autodiscover", ErrForbidden},
	404: {"Not Found", "the URL is not an ActiveSync endpoint; run Autodiscover", ErrNotFound},
	413: {"Request Entity Too Large", "the request body is larger than the server accepts", ErrTooLarge},
	414: {"Request-URI Too Long", "the request query is longer than the server accepts", ErrTooLarge},
	449: {"Retry after sending a Provision command", "provision the device (Provision), then retry", ErrNeedProvision},
	451: {"Redirect", "the mailbox is served by the server in X-MS-Location; without one, run Autodiscover", ErrRedirect},
	456: {"Blocked", "the account is blocked; contact the administrator", ErrBlocked},
	457: {"Expired Password", "the password has expired; change it", ErrPasswordExpired},
	500: {"Internal Server Error", "the server failed; if it keeps failing, the mailbox may have moved: run Autodiscover", ErrServerError},
	501: {"Not Implemented", "the server does not offer this command at this protocol version", ErrNotImplemented},
	503: {"Service Unavailable", "the server is busy; retry after the Retry-After delay", ErrUnavailable},
	507: {"Insufficient Storage", "the mailbox is full; delete items to make room", ErrMailboxFull},
}

// StatusError reports a response with a status other than 2xx, after the
// client did what the protocol asks for it (redirects, provisioning,
// stepping down a version).
type StatusError struct {
	Code       int           // the HTTP status code
	Meaning    string        // the name of the status ("Service Unavailable")
	Advice     string        // what to do about it, for people
	URL        string        // the request URL, without credentials
	Command    string        // the command (Cmd), or "OPTIONS"
	RetryAfter time.Duration // from Retry-After (503); 0 when absent
	Location   string        // X-MS-Location (451), without credentials

	also error // a second sentinel that Is matches (ErrRedirectLoop)
}

// newStatusError describes a response with status code.
func newStatusError(code int, cmd, rawURL string) *StatusError {
	e := &StatusError{Code: code, Command: cmd, URL: redactURL(rawURL)}
	if info, ok := statuses[code]; ok {
		e.Meaning, e.Advice = info.meaning, info.advice
	} else {
		e.Meaning = statusText(code)
	}
	return e
}

// statusText names a status code net/http may not know.
func statusText(code int) string {
	if t := http.StatusText(code); t != "" {
		return t
	}
	return "HTTP " + strconv.Itoa(code)
}

// Error says which command got which status, what it means and what to do.
func (e *StatusError) Error() string {
	var b strings.Builder
	b.WriteString("eashttp: ")
	if e.Command != "" {
		b.WriteString(e.Command)
		b.WriteString(": ")
	}
	fmt.Fprintf(&b, "HTTP %d %s", e.Code, e.Meaning)
	if e.RetryAfter > 0 {
		fmt.Fprintf(&b, " (retry after %s)", e.RetryAfter)
	}
	if e.Location != "" {
		fmt.Fprintf(&b, " (X-MS-Location %s)", e.Location)
	}
	if e.URL != "" {
		b.WriteString(" from ")
		b.WriteString(e.URL)
	}
	if e.Advice != "" {
		b.WriteString(": ")
		b.WriteString(e.Advice)
	}
	return b.String()
}

// Is reports whether target is the sentinel of e's status code (ErrStatus
// for codes without one of their own).
func (e *StatusError) Is(target error) bool {
	if e.also != nil && target == e.also {
		return true
	}
	if info, ok := statuses[e.Code]; ok {
		return target == info.sentinel
	}
	return target == ErrStatus
}

// OpError reports a failure that is not an HTTP status: the network, a body
// over the limit, a response that does not read.
type OpError struct {
	Op  string // the step: "OPTIONS", "Provision", "FolderSync", …
	URL string // the request URL, without credentials
	Err error  // the cause
}

// Error names the step, the URL and the cause.
func (e *OpError) Error() string {
	if e.URL == "" {
		return "eashttp: " + e.Op + ": " + e.Err.Error()
	}
	return "eashttp: " + e.Op + " " + e.URL + ": " + e.Err.Error()
}

// Unwrap returns Err.
func (e *OpError) Unwrap() error { return e.Err }

// newOpError wraps err for step op at rawURL. A *url.Error from net/http is
// unwrapped, because it repeats the URL (with any user name in it).
func newOpError(op, rawURL string, err error) *OpError {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return &OpError{Op: op, URL: redactURL(rawURL), Err: err}
}

// ProvisionError reports a Provision response whose status is not success.
type ProvisionError struct {
	Phase        string // "policy request" or "acknowledgment"
	Status       int    // Provision Status (0 when absent)
	PolicyStatus int    // Policy Status (0 when absent)
	Msg          string // what else was wrong, or ""
}

// Error gives the phase and the statuses.
func (e *ProvisionError) Error() string {
	s := fmt.Sprintf("eashttp: Provision %s: Status %d, Policy Status %d", e.Phase, e.Status, e.PolicyStatus)
	if e.Msg != "" {
		s += ": " + e.Msg
	}
	return s
}

// Unwrap returns ErrProvision.
func (e *ProvisionError) Unwrap() error { return ErrProvision }

// redactURL returns rawURL without user information and without the query
// (which carries the user name and device id); unparsable text is replaced
// by a placeholder, since it could hold anything.
func redactURL(rawURL string) string {
	if rawURL == "" {
		return ""
	}
	u, err := url.Parse(rawURL)
	if err != nil {
		return "(unparsable URL)"
	}
	u.User = nil
	u.RawQuery = ""
	u.ForceQuery = false
	u.Fragment = ""
	u.RawFragment = ""
	return u.String()
}

// tooLarge is a limit error: its own text, and errors.Is ErrTooLarge.
type tooLarge string

// Error returns the text.
func (e tooLarge) Error() string { return string(e) }

// Is matches ErrTooLarge.
func (e tooLarge) Is(target error) bool { return target == ErrTooLarge }
