package eashttp

import (
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptrace"
	"syscall"
)

// Some servers close the connection after every response without saying
// so (no "Connection: close"): SOGo's sogod does, when it is not behind a
// proxy. The next request on the kept connection then fails with a reset
// or an EOF, and net/http does not send a POST again by itself. A request
// that fails so on a reused connection cannot have reached a server that
// had closed it, so doRequest sends it once more on a new connection, and
// from then on the Client asks for a new connection each time
// (Request.Close), which such a server needs.

// doRequest sends req, sending it again once on a new connection when a
// reused connection turns out to be closed.
func (c *Client) doRequest(req *http.Request) (*http.Response, error) {
	if c.noReuse.Load() {
		req.Close = true
	}
	reused := false
	trace := &httptrace.ClientTrace{GotConn: func(i httptrace.GotConnInfo) { reused = i.Reused }}
	hr, err := c.hc.Do(req.WithContext(httptrace.WithClientTrace(req.Context(), trace)))
	if err == nil || !reused || req.Context().Err() != nil || !connDropped(err) {
		return hr, err
	}
	c.noReuse.Store(true)
	again := req.Clone(req.Context())
	again.Close = true
	if req.GetBody != nil {
		if again.Body, err = req.GetBody(); err != nil {
			return nil, err
		}
	}
	return c.hc.Do(again)
}

// connDropped reports whether err is a connection the other side closed.
func connDropped(err error) bool {
	return errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE) ||
		errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, net.ErrClosed)
}
