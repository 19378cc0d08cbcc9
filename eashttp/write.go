package eashttp

import (
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/easkit/easkit/version"
)

// WriteOptions answers HTTP OPTIONS ([MS-ASHTTP] 2.2.2.2.1): 200 with
// MS-ASProtocolVersions (versions, oldest first), MS-ASProtocolCommands
// (commands, in the given order), Allow and Public. A MS-Server-ActiveSync
// header set on w beforehand is kept.
func WriteOptions(w http.ResponseWriter, versions []version.Version, commands []string) {
	vs := slices.Clone(versions)
	slices.Sort(vs)
	h := w.Header()
	h.Set("Allow", "OPTIONS,POST")
	h.Set("Public", "OPTIONS,POST")
	h.Set(HeaderProtocolVersions, version.FormatList(vs))
	h.Set(HeaderProtocolCommands, strings.Join(commands, ","))
	h.Set("Cache-Control", "private")
	h.Set("Content-Length", "0")
	w.WriteHeader(http.StatusOK)
}

// WriteWBXML answers 200 with body as MediaTypeWBXML, or with an empty
// body (and no Content-Type) when body is empty.
func WriteWBXML(w http.ResponseWriter, body []byte) error {
	h := w.Header()
	if len(body) > 0 {
		h.Set("Content-Type", MediaTypeWBXML)
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	_, err := w.Write(body)
	return err
}

// WriteStatus answers with code and an empty body: 449 (provision first),
// 401, 403, 507, …; see WriteRedirect for 451 and WriteRetryAfter for 503.
func WriteStatus(w http.ResponseWriter, code int) {
	w.Header().Set("Content-Length", "0")
	w.WriteHeader(code)
}

// WriteRedirect answers 451 Redirect with location, the URL the client must
// use from now on, in X-MS-Location ([MS-ASHTTP] 3.1.5.2.2).
func WriteRedirect(w http.ResponseWriter, location string) {
	w.Header().Set(HeaderLocation, location)
	WriteStatus(w, 451)
}

// WriteRetryAfter answers 503 Service Unavailable with Retry-After d, in
// whole seconds rounded up.
func WriteRetryAfter(w http.ResponseWriter, d time.Duration) {
	secs := int64((d + time.Second - 1) / time.Second)
	w.Header().Set("Retry-After", strconv.FormatInt(max(secs, 0), 10))
	WriteStatus(w, http.StatusServiceUnavailable)
}

// writeError answers with the status err asks for: a *StatusError's Code
// (with its Location or RetryAfter), a *RequestError's Code, else 500.
func writeError(w http.ResponseWriter, err error) {
	var se *StatusError
	var re *RequestError
	switch {
	case errors.As(err, &se):
		switch {
		case se.Code == 451 && se.Location != "":
			WriteRedirect(w, se.Location)
		case se.Code == http.StatusServiceUnavailable:
			WriteRetryAfter(w, se.RetryAfter)
		default:
			WriteStatus(w, se.Code)
		}
	case errors.As(err, &re):
		WriteStatus(w, re.Code)
	default:
		WriteStatus(w, http.StatusInternalServerError)
	}
}
