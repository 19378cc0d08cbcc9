package eashttp

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"sync"
	"time"
)

// An Exchange is one HTTP request and its response, as WithTrace reports
// it: for a probe's verbose output, a HAR file, a log. Credentials are
// redacted: the Authorization and Proxy-Authorization headers read
// "(redacted)", with the scheme kept ("Basic (redacted)"), and the URL has
// no user information.
type Exchange struct {
	// Step is the label the caller put on the request's context with
	// WithStep, or "".
	Step string

	// Op is the client's step: the command ("FolderSync"), "OPTIONS",
	// or "Autodiscover".
	Op string

	// Method, URL (with its query, without user information) and Proto
	// ("HTTP/1.1") of the request; RequestHeader and RequestBody as sent.
	Method        string
	URL           string
	Proto         string
	RequestHeader http.Header
	RequestBody   []byte

	// StatusCode is the response's status, 0 when none arrived (Err
	// says why); Status its text ("200 OK"). ResponseBody holds the bytes
	// the client read, at most its limit plus one.
	StatusCode     int
	Status         string
	ResponseProto  string
	ResponseHeader http.Header
	ResponseBody   []byte

	// Start is when the request was sent; Duration runs to the end of
	// the response body (or the error).
	Start    time.Time
	Duration time.Duration

	// Err is the transport's error, or the one that ended reading the
	// body; nil for a complete exchange.
	Err error
}

// WithTrace calls fn with every HTTP exchange the client makes, once its
// response body is read and closed (or the request failed): commands,
// OPTIONS, the Provision and FolderSync requests the client sends on its
// own, and each 451 and HTTP redirect. fn runs on the goroutine of the
// request and must not keep the Exchange's slices past its return unless it
// copies them (it may keep the Exchange itself).
func WithTrace(fn func(*Exchange)) Option {
	return func(c *config) { c.trace = fn }
}

// stepKey is the context key of WithStep.
type stepKey struct{}

// opKey is the context key of the client's step name.
type opKey struct{}

// WithStep returns a context whose requests are reported to WithTrace with
// Exchange.Step set to name.
func WithStep(ctx context.Context, name string) context.Context {
	return context.WithValue(ctx, stepKey{}, name)
}

// withOp labels ctx with the client's step.
func withOp(ctx context.Context, op string) context.Context {
	return context.WithValue(ctx, opKey{}, op)
}

// tracer is a RoundTripper that reports every exchange to fn.
type tracer struct {
	base http.RoundTripper
	fn   func(*Exchange)
}

// traced wraps hc so that its exchanges reach fn; hc itself is not changed.
func traced(hc *http.Client, fn func(*Exchange)) *http.Client {
	if fn == nil {
		return hc
	}
	c := *hc
	base := c.Transport
	if base == nil {
		base = http.DefaultTransport
	}
	c.Transport = &tracer{base: base, fn: fn}
	return &c
}

// RoundTrip sends req and reports it when the response body is closed.
func (t *tracer) RoundTrip(req *http.Request) (*http.Response, error) {
	ex := &Exchange{
		Method:        req.Method,
		URL:           traceURL(req.URL),
		Proto:         req.Proto,
		RequestHeader: RedactHeader(req.Header),
		Start:         time.Now(),
	}
	if ex.Proto == "" {
		ex.Proto = "HTTP/1.1"
	}
	ex.Step, _ = req.Context().Value(stepKey{}).(string)
	ex.Op, _ = req.Context().Value(opKey{}).(string)
	if req.Body != nil && req.GetBody != nil {
		if b, err := req.GetBody(); err == nil {
			ex.RequestBody, _ = io.ReadAll(b)
			b.Close()
		}
	}
	resp, err := t.base.RoundTrip(req)
	if err != nil {
		ex.Err = err
		ex.Duration = time.Since(ex.Start)
		t.fn(ex)
		return nil, err
	}
	ex.StatusCode, ex.Status, ex.ResponseProto = resp.StatusCode, resp.Status, resp.Proto
	ex.ResponseHeader = RedactHeader(resp.Header)
	resp.Body = &tracedBody{rc: resp.Body, ex: ex, fn: t.fn}
	return resp, nil
}

// tracedBody records what is read of a response body and reports the
// exchange on Close.
type tracedBody struct {
	rc   io.ReadCloser
	ex   *Exchange
	fn   func(*Exchange)
	once sync.Once
}

// Read reads from the body and keeps a copy.
func (b *tracedBody) Read(p []byte) (int, error) {
	n, err := b.rc.Read(p)
	b.ex.ResponseBody = append(b.ex.ResponseBody, p[:n]...)
	if err != nil && err != io.EOF {
		b.ex.Err = err
	}
	return n, err
}

// Close closes the body and reports the exchange, once.
func (b *tracedBody) Close() error {
	err := b.rc.Close()
	b.once.Do(func() {
		b.ex.Duration = time.Since(b.ex.Start)
		b.fn(b.ex)
	})
	return err
}

// RedactHeader returns a copy of h in which the values of Authorization and
// Proxy-Authorization keep their scheme only ("Basic (redacted)"), and
// Cookie and Set-Cookie values read "(redacted)".
func RedactHeader(h http.Header) http.Header {
	out := h.Clone()
	if out == nil {
		out = http.Header{}
	}
	for _, k := range []string{"Authorization", "Proxy-Authorization"} {
		for i, v := range out[k] {
			scheme := v
			for j := 0; j < len(v); j++ {
				if v[j] == ' ' {
					scheme = v[:j]
					break
				}
			}
			if scheme == v {
				out[k][i] = "(redacted)"
			} else {
				out[k][i] = scheme + " (redacted)"
			}
		}
	}
	for _, k := range []string{"Cookie", "Set-Cookie"} {
		for i := range out[k] {
			out[k][i] = "(redacted)"
		}
	}
	return out
}

// traceURL is u without user information.
func traceURL(u *url.URL) string {
	if u == nil {
		return ""
	}
	c := *u
	c.User = nil
	return c.String()
}

// CloseIdleConnections closes the idle connections of the wrapped
// transport, so that Client.CloseIdleConnections keeps working.
func (t *tracer) CloseIdleConnections() {
	if ci, ok := t.base.(interface{ CloseIdleConnections() }); ok {
		ci.CloseIdleConnections()
	}
}
