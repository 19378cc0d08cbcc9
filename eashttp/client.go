package eashttp

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/easkit/easkit/b64uri"
	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/eas"
	"github.com/easkit/easkit/version"
)

// MediaTypeWBXML is the Content-Type of WBXML request and response bodies
// ([MS-ASHTTP] 2.2.1.1.2.3).
const MediaTypeWBXML = "application/vnd.ms-sync.wbxml"

// Header names of [MS-ASHTTP] that the package reads or writes, beyond those
// of package b64uri.
const (
	HeaderProtocolVersions = "MS-ASProtocolVersions" // the server's versions (OPTIONS, FolderSync)
	HeaderProtocolCommands = "MS-ASProtocolCommands" // the server's commands (OPTIONS)
	HeaderServerVersion    = "MS-Server-ActiveSync"  // the server's build (OPTIONS)
	HeaderResetPartnership = "X-MS-RP"               // the server's versions changed: resync
	HeaderLocation         = "X-MS-Location"         // the new URL of a 451 Redirect
)

// A Client holds one device's conversation with one ActiveSync server: the
// URL (which follows 451 redirects), the credentials, the negotiated protocol
// version and the policy key. Make one with NewClient; the zero Client is not
// usable. A Client is safe for concurrent use: its state is guarded by a
// mutex, though two requests that both find the version check due (or the
// device unprovisioned) may both run it.
type Client struct {
	cfg     config
	hc      *http.Client
	noReuse atomic.Bool // the server closes connections after each response: see reuse.go

	mu        sync.Mutex
	url       *url.URL // the current server URL: no user information, no query
	neg       version.Negotiator
	policyKey string
}

// NewClient returns a Client for the ActiveSync endpoint serverURL
// ("https://mail.example.com/Microsoft-Server-ActiveSync"). User information
// in the URL ("https://user:password@host/…") becomes Basic credentials
// unless WithBasicAuth is given, and is removed from the URL; a query and a
// fragment are removed too. The error never quotes the URL.
func NewClient(serverURL string, opts ...Option) (*Client, error) {
	u, err := url.Parse(serverURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, errors.New("eashttp: the server URL is not an absolute http or https URL")
	}
	cfg := config{
		deviceID:     DefaultDeviceID,
		deviceType:   DefaultDeviceType,
		userAgent:    DefaultUserAgent,
		locale:       0x0409,
		versions:     DefaultVersions,
		maxBody:      DefaultMaxBodySize,
		maxHeader:    DefaultMaxHeaderBytes,
		maxRedirects: DefaultMaxRedirects,
		now:          time.Now,
	}
	for _, o := range opts {
		if o != nil {
			o(&cfg)
		}
	}
	if u.User != nil {
		if !cfg.hasBasic {
			cfg.user = u.User.Username()
			cfg.password, _ = u.User.Password()
			cfg.hasBasic = true
		}
		u.User = nil
	}
	u.RawQuery, u.ForceQuery, u.Fragment, u.RawFragment = "", false, "", ""
	if !cfg.hasQueryUser {
		cfg.queryUser = cfg.user
	}
	if cfg.deviceID == "" || len(cfg.deviceID) > 255 || len(cfg.deviceType) > 255 {
		return nil, errors.New("eashttp: the device id must be 1 to 255 bytes and the device type at most 255")
	}
	if cfg.maxBody <= 0 {
		cfg.maxBody = DefaultMaxBodySize
	}
	if cfg.maxRedirects < 0 {
		cfg.maxRedirects = 0
	}
	c := &Client{cfg: cfg, url: u, policyKey: cfg.policyKey}
	if cfg.negotiator != nil {
		c.neg = *cfg.negotiator
		c.neg.Server = append([]version.Version(nil), c.neg.Server...)
	}
	c.neg.Client = cfg.versions
	c.hc = cfg.httpClient
	if c.hc == nil {
		rt := cfg.transport
		if rt == nil {
			t := http.DefaultTransport.(*http.Transport).Clone()
			t.MaxResponseHeaderBytes = cfg.maxHeader
			rt = t
		}
		c.hc = &http.Client{Transport: rt}
	}
	c.hc = traced(c.hc, cfg.trace)
	return c, nil
}

// URL returns the server URL in use (the last 451 redirect's, if any),
// without credentials.
func (c *Client) URL() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.url.String()
}

// Version returns the negotiated protocol version, 0 before the first
// negotiation.
func (c *Client) Version() version.Version {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.neg.Current
}

// Negotiator returns a copy of the version-negotiation state, to keep across
// sessions (see WithNegotiator).
func (c *Client) Negotiator() version.Negotiator {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := c.neg
	n.Server = append([]version.Version(nil), n.Server...)
	n.Client = append([]version.Version(nil), n.Client...)
	return n
}

// PolicyKey returns the policy key sent in X-MS-PolicyKey, "" before
// provisioning.
func (c *Client) PolicyKey() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.policyKey
}

// SetPolicyKey replaces the policy key ("" sends none).
func (c *Client) SetPolicyKey(key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.policyKey = key
}

// CloseIdleConnections closes the idle connections of the client's
// transport.
func (c *Client) CloseIdleConnections() { c.hc.CloseIdleConnections() }

// A Call is one command request with everything Do does not take: the
// command parameters of SendMail, SmartReply, SmartForward, GetAttachment and
// ItemOperations.
type Call struct {
	// Cmd is the command name ("Sync", "SendMail").
	Cmd string

	// Body is the request body; nil sends none.
	Body []byte

	// ContentType is the body's media type; "" means MediaTypeWBXML
	// ("message/rfc822" is the MIME body of SendMail before 14.0).
	ContentType string

	// Params are the command parameters (ItemId, CollectionId, LongId,
	// AttachmentName, Occurrence), in query order. The User parameter
	// comes from the client's configuration.
	Params []b64uri.Param

	// Flags are the Options bits: SaveInSent (the plain SaveInSent=T) and
	// AcceptMultiPart (the MS-ASAcceptMultiPart: T header).
	Flags b64uri.Flags

	// key, when set, replaces the client's policy key for this call
	// (Provision sends none, then the temporary key).
	key *string
}

// A Response is the answer to one command.
type Response struct {
	StatusCode int             // the HTTP status code
	Header     http.Header     // the response header
	Body       []byte          // the body, at most the client's limit
	Version    version.Version // the protocol version the request was sent with
	URL        string          // the URL that answered, without credentials or query

	// ResyncAdvised reports that the client must discard its sync state
	// (FolderSync from SyncKey 0, then every folder from SyncKey 0): the
	// server sent X-MS-RP ([MS-ASHTTP] 3.1.5.1), or the protocol version
	// changed during this call (a step down after HTTP 400, a recheck).
	ResyncAdvised bool

	// Provisioned reports that the client ran Provision during this call
	// (after HTTP 449 or a global Status 142, 143 or 144) and retried.
	Provisioned bool

	// Redirects counts the 451 redirects followed during this call.
	Redirects int

	parsed bool
	root   *eas.Element
	err    error
}

// IsWBXML reports whether the body is WBXML: its Content-Type says so, or
// it starts like an ActiveSync WBXML document (version 1.3, public id 1).
func (r *Response) IsWBXML() bool {
	if len(r.Body) == 0 {
		return false
	}
	if strings.HasPrefix(strings.ToLower(r.Header.Get("Content-Type")), MediaTypeWBXML) {
		return true
	}
	return len(r.Body) >= 4 && r.Body[0] == 0x03 && r.Body[1] == 0x01
}

// Element parses the WBXML body (once; later calls return the same tree).
// An empty body gives a nil Element and no error, as ActiveSync servers
// answer some commands (Sync, Ping) with an empty 200.
func (r *Response) Element() (*eas.Element, error) {
	if !r.parsed {
		r.parsed = true
		if len(r.Body) > 0 {
			r.root, r.err = eas.Parse(r.Body)
		}
	}
	return r.root, r.err
}

// Status returns the Status child of the body's root element (the command's
// status, or a global status of [MS-ASCMD] 2.2.2), or 0 when there is none.
func (r *Response) Status() int {
	if !r.IsWBXML() {
		return 0
	}
	root, err := r.Element()
	if err != nil || root == nil {
		return 0
	}
	for _, ch := range root.Children() {
		if ch.Name() != "Status" {
			continue
		}
		n, err := ch.Int()
		if err != nil {
			return 0
		}
		return int(n)
	}
	return 0
}

// Do sends the command cmd with body (WBXML, or nil) and returns the
// response; it is DoCall with a Call of cmd and body.
func (c *Client) Do(ctx context.Context, cmd string, body []byte) (*Response, error) {
	return c.DoCall(ctx, &Call{Cmd: cmd, Body: body})
}

// DoMessage finishes b, sends it as command cmd and parses the response
// body. The Element is nil for an empty body.
func (c *Client) DoMessage(ctx context.Context, cmd string, b *eas.Builder) (*eas.Element, *Response, error) {
	msg, err := b.Finish()
	if err != nil {
		return nil, nil, err
	}
	resp, err := c.Do(ctx, cmd, msg)
	if err != nil {
		return nil, resp, err
	}
	root, err := resp.Element()
	if err != nil {
		return nil, resp, &OpError{Op: cmd, URL: resp.URL, Err: err}
	}
	return root, resp, nil
}

// DoCall sends one command and returns the response, doing on the way what
// [MS-ASHTTP] 3.1.5 and the version-negotiation guidance ask of a client:
//
//   - when the version check is due (first use, after RecheckInterval, after
//     an X-MS-RP without versions), HTTP OPTIONS first, and FolderSync with
//     SyncKey 0 when OPTIONS lists no versions (see Negotiate);
//   - HTTP 451: send this and every later request to X-MS-Location;
//   - HTTP 449, or a WBXML body whose global Status is 140, 142, 143 or 144:
//     Provision, then send the command again, once;
//   - HTTP 400: step down to the next lower version and send again, once;
//   - HTTP 503 with a Retry-After within WithRetryWait: wait, and send again,
//     once.
//
// Any other status outside 2xx, and the statuses above when their remedy
// fails, is a *StatusError; failures without a status (network, body limit)
// are *OpError values. When a response arrived, it is returned with the
// error, so that its header and body can be looked at.
func (c *Client) DoCall(ctx context.Context, call *Call) (*Response, error) {
	if call == nil || call.Cmd == "" {
		return nil, errors.New("eashttp: a call needs a command")
	}
	d, err := c.checkVersion(ctx)
	if err != nil {
		return nil, err
	}
	resp, err := c.run(ctx, http.MethodPost, call, 1)
	if resp != nil && d.Resync {
		resp.ResyncAdvised = true
	}
	return resp, err
}

// checkVersion negotiates when the check is due.
func (c *Client) checkVersion(ctx context.Context) (version.Decision, error) {
	c.mu.Lock()
	due := c.neg.Due(c.cfg.now())
	c.mu.Unlock()
	if !due {
		return version.Decision{}, nil
	}
	return c.Negotiate(ctx)
}

// Negotiate checks the server's versions now, as DoCall does when the check
// is due: HTTP OPTIONS, and when its response lists no versions (a proxy
// stripped the header, or the server answered 400, 403, 404, 405 or 501),
// FolderSync with SyncKey 0, from the client's highest version down while
// the server answers 400. The Decision says which version is in use and
// whether the client must resynchronize (always after the FolderSync probe,
// which resets the server's folder state).
func (c *Client) Negotiate(ctx context.Context) (version.Decision, error) {
	res, err := c.Options(ctx)
	header := ""
	if err != nil {
		var se *StatusError
		if !errors.As(err, &se) {
			return version.Decision{}, err
		}
		switch se.Code {
		case 400, 403, 404, 405, 501:
		default:
			return version.Decision{}, err
		}
	} else {
		header = res.VersionsHeader
	}
	c.mu.Lock()
	d, err := c.neg.Observe(version.FromOptions, header, c.cfg.now())
	c.mu.Unlock()
	if err != nil {
		return d, &OpError{Op: "OPTIONS", URL: c.URL(), Err: err}
	}
	if !d.Probe {
		return d, nil
	}
	var b eas.Builder
	b.Start(codepages.FolderHierarchyFolderSync)
	b.Text(codepages.FolderHierarchySyncKey, "0")
	msg, err := b.Finish()
	if err != nil {
		return d, err
	}
	resp, err := c.run(ctx, http.MethodPost, &Call{Cmd: "FolderSync", Body: msg}, len(c.cfg.versions))
	if err != nil {
		return d, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if resp.Header.Get(HeaderProtocolVersions) == "" {
		// The probe's response lists no versions either: keep the one
		// that worked, and count the check as done.
		if _, err := c.neg.Observe(version.FromFolderSyncKey0, "", c.cfg.now()); err != nil {
			return d, &OpError{Op: "FolderSync", URL: resp.URL, Err: err}
		}
	}
	// FolderSync with SyncKey 0 reset the server's folder state.
	return version.Decision{Version: c.neg.Current, Changed: c.neg.Current != d.Version || d.Changed, Resync: true}, nil
}

// run sends call, following redirects, provisioning, stepping down at most
// stepDowns times and waiting out one 503.
func (c *Client) run(ctx context.Context, method string, call *Call, stepDowns int) (*Response, error) {
	op := call.Cmd
	if method == http.MethodOptions {
		op = "OPTIONS"
	}
	var (
		redirects   int
		provisioned bool
		waited      bool
		resync      bool
	)
	for {
		resp, err := c.send(ctx, method, op, call)
		if err != nil {
			return nil, err
		}
		resp.Redirects = redirects
		resp.Provisioned = provisioned
		if resync {
			resp.ResyncAdvised = true
		}
		code := resp.StatusCode
		switch {
		case code == 451:
			loc := resp.Header.Get(HeaderLocation)
			se := newStatusError(code, op, resp.URL)
			se.Location = redactURL(loc)
			if loc == "" {
				se.Advice = "the server sent 451 Redirect without X-MS-Location; run Autodiscover"
				return resp, se
			}
			if redirects >= c.cfg.maxRedirects {
				se.Advice = fmt.Sprintf("stopped after %d redirects; run Autodiscover", redirects)
				se.also = ErrRedirectLoop
				return resp, se
			}
			if err := c.redirect(loc); err != nil {
				se.Advice = err.Error()
				return resp, se
			}
			redirects++
			continue
		case code == 449 && call.Cmd != "Provision" && method != http.MethodOptions:
			if provisioned {
				se := newStatusError(code, op, resp.URL)
				se.Advice = "the server asked for provisioning again after a successful Provision"
				return resp, se
			}
			if _, err := c.provision(ctx); err != nil {
				return resp, err
			}
			provisioned = true
			continue
		case code == 400 && stepDowns > 0 && method != http.MethodOptions:
			c.mu.Lock()
			before := c.neg.Current
			d, nerr := c.neg.Rejected()
			c.mu.Unlock()
			if nerr != nil || d.Version == before {
				return resp, newStatusError(code, op, resp.URL)
			}
			stepDowns--
			resync = true
			continue
		case code == 503:
			se := newStatusError(code, op, resp.URL)
			se.RetryAfter = parseRetryAfter(resp.Header.Get("Retry-After"), c.cfg.now())
			if !waited && se.RetryAfter > 0 && se.RetryAfter <= c.cfg.retryWait && fitsDeadline(ctx, se.RetryAfter, c.cfg.now()) {
				waited = true
				t := time.NewTimer(se.RetryAfter)
				select {
				case <-ctx.Done():
					t.Stop()
					return resp, &OpError{Op: op, URL: resp.URL, Err: ctx.Err()}
				case <-t.C:
				}
				continue
			}
			return resp, se
		case code < 200 || code > 299:
			return resp, newStatusError(code, op, resp.URL)
		}
		if method == http.MethodOptions {
			return resp, nil
		}
		if c.learn(op, resp) {
			resp.ResyncAdvised = true
		}
		if call.Cmd != "Provision" && resp.IsWBXML() {
			switch st := resp.Status(); st {
			case 140, 142, 143, 144:
				if provisioned {
					se := newStatusError(449, op, resp.URL)
					se.Meaning = fmt.Sprintf("global Status %d after a successful Provision", st)
					return resp, se
				}
				if _, err := c.provision(ctx); err != nil {
					return resp, err
				}
				provisioned = true
				continue
			}
		}
		return resp, nil
	}
}

// learn applies the version headers of a successful response and reports
// whether the client must resynchronize.
func (c *Client) learn(op string, resp *Response) bool {
	now := c.cfg.now()
	c.mu.Lock()
	defer c.mu.Unlock()
	if op == "FolderSync" {
		if h := resp.Header.Get(HeaderProtocolVersions); h != "" {
			d, err := c.neg.Observe(version.FromFolderSyncKey0, h, now)
			return err == nil && d.Resync
		}
	}
	if rp, ok := resp.Header[http.CanonicalHeaderKey(HeaderResetPartnership)]; ok {
		d, err := c.neg.Observe(version.FromResetHeader, strings.Join(rp, ","), now)
		return err != nil || d.Resync
	}
	return false
}

// redirect makes loc the server URL, refusing what is not an http(s) URL and
// a step from https down to http.
func (c *Client) redirect(loc string) error {
	u, err := url.Parse(loc)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return errors.New("X-MS-Location is not an absolute http or https URL; run Autodiscover")
	}
	u.User = nil
	u.RawQuery, u.ForceQuery, u.Fragment, u.RawFragment = "", false, "", ""
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.url.Scheme == "https" && u.Scheme == "http" {
		return errors.New("X-MS-Location would leave https for http; refused")
	}
	c.url = u
	return nil
}

// fitsDeadline reports whether waiting d ends before ctx's deadline.
func fitsDeadline(ctx context.Context, d time.Duration, now time.Time) bool {
	dl, ok := ctx.Deadline()
	return !ok || now.Add(d).Before(dl)
}

// parseRetryAfter reads a Retry-After value: seconds, or an HTTP date.
func parseRetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if n, err := strconv.ParseUint(v, 10, 32); err == nil {
		return time.Duration(n) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now).Round(time.Second)
	}
	return 0
}

// send makes one HTTP exchange.
func (c *Client) send(ctx context.Context, method, op string, call *Call) (*Response, error) {
	c.mu.Lock()
	base := *c.url
	v := c.neg.Current
	key := c.policyKey
	c.mu.Unlock()
	if v == 0 {
		v = highest(c.cfg.versions)
	}
	if call.key != nil {
		key = *call.key
	}
	u := base
	hdr := http.Header{}
	if method != http.MethodOptions {
		q, err := c.query(call, v, key, hdr)
		if err != nil {
			return nil, &OpError{Op: op, URL: base.String(), Err: err}
		}
		u.RawQuery = q
	}
	var body io.Reader
	if len(call.Body) > 0 {
		body = bytes.NewReader(call.Body)
	}
	req, err := http.NewRequestWithContext(withOp(ctx, op), method, u.String(), body)
	if err != nil {
		return nil, &OpError{Op: op, URL: base.String(), Err: errors.New("cannot make the request")}
	}
	for k, vs := range hdr {
		req.Header[k] = vs
	}
	if len(call.Body) > 0 {
		ct := call.ContentType
		if ct == "" {
			ct = MediaTypeWBXML
		}
		req.Header.Set("Content-Type", ct)
	}
	if c.cfg.userAgent != "" {
		req.Header.Set("User-Agent", c.cfg.userAgent)
	}
	if c.cfg.acceptLanguage != "" {
		req.Header.Set("Accept-Language", c.cfg.acceptLanguage)
	}
	if c.cfg.hasBasic {
		req.SetBasicAuth(c.cfg.user, c.cfg.password)
	}
	if c.cfg.authHook != nil {
		if err := c.cfg.authHook(req); err != nil {
			return nil, newOpError(op, base.String(), fmt.Errorf("auth hook: %w", err))
		}
	}
	hr, err := c.doRequest(req)
	if err != nil {
		return nil, newOpError(op, base.String(), err)
	}
	defer hr.Body.Close()
	answered := base.String()
	if hr.Request != nil && hr.Request.URL != nil {
		answered = redactURL(hr.Request.URL.String())
	}
	max := c.cfg.maxBody
	if hr.ContentLength > max {
		return nil, &OpError{Op: op, URL: answered, Err: tooLarge(fmt.Sprintf("response body of %d bytes exceeds the limit of %d", hr.ContentLength, max))}
	}
	data, err := io.ReadAll(io.LimitReader(hr.Body, max+1))
	if err != nil {
		return nil, newOpError(op, answered, fmt.Errorf("reading the response body: %w", err))
	}
	if int64(len(data)) > max {
		return nil, &OpError{Op: op, URL: answered, Err: tooLarge(fmt.Sprintf("response body exceeds the limit of %d bytes", max))}
	}
	return &Response{StatusCode: hr.StatusCode, Header: hr.Header, Body: data, Version: v, URL: answered}, nil
}

// highest returns the highest of vs.
func highest(vs []version.Version) version.Version {
	var h version.Version
	for _, v := range vs {
		h = max(h, v)
	}
	return h
}

// query returns the request query of call at version v with policy key key,
// and adds the plain form's headers to hdr.
func (c *Client) query(call *Call, v version.Version, key string, hdr http.Header) (string, error) {
	code, known := b64uri.ParseCommand(call.Cmd)
	var q b64uri.Query
	if known {
		q.Version = v
		q.Command = code
		q.Locale = c.cfg.locale
		q.DeviceID = []byte(c.cfg.deviceID)
		q.DeviceType = []byte(c.cfg.deviceType)
		if c.cfg.queryUser != "" {
			q.SetParam(b64uri.ParamUser, []byte(c.cfg.queryUser))
		}
		for _, p := range call.Params {
			if p.Tag != b64uri.ParamUser && p.Tag != b64uri.ParamOptions {
				q.Params = append(q.Params, p)
			}
		}
		if call.Flags != 0 {
			q.SetOptions(call.Flags)
		}
		if c.cfg.base64 && b64uri.AllowedVersion(v) {
			n, err := strconv.ParseUint(key, 10, 32)
			if key == "" || err == nil {
				q.PolicyKey, q.HasPolicyKey = uint32(n), key != ""
				text, err := q.AppendEncode(nil)
				if err != nil {
					return "", err
				}
				return string(text), nil
			}
		}
	}
	hdr.Set(b64uri.HeaderProtocolVersion, v.String())
	if key != "" {
		hdr.Set(b64uri.HeaderPolicyKey, key)
	}
	if call.Flags&b64uri.AcceptMultiPart != 0 {
		hdr.Set(b64uri.HeaderAcceptMultiPart, "T")
	}
	if known {
		return string(q.AppendPlainQuery(nil)), nil
	}
	// A command without a base64 code: the plain form by hand.
	var b strings.Builder
	b.WriteString("Cmd=" + url.QueryEscape(call.Cmd))
	if c.cfg.queryUser != "" {
		b.WriteString("&User=" + url.QueryEscape(c.cfg.queryUser))
	}
	b.WriteString("&DeviceId=" + url.QueryEscape(c.cfg.deviceID))
	b.WriteString("&DeviceType=" + url.QueryEscape(c.cfg.deviceType))
	for _, p := range call.Params {
		if p.Tag != b64uri.ParamUser && p.Tag != b64uri.ParamOptions && p.Tag.Known() {
			b.WriteString("&" + p.Tag.String() + "=" + url.QueryEscape(string(p.Value)))
		}
	}
	if call.Flags&b64uri.SaveInSent != 0 {
		b.WriteString("&SaveInSent=T")
	}
	return b.String(), nil
}
