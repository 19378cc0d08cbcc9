package eashttp

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Autodiscover schemas of [MS-ASCMD] 2.2.2.1 and 6.2–6.4.
const (
	AutodiscoverRequestSchema  = "http://schemas.microsoft.com/exchange/autodiscover/mobilesync/requestschema/2006"
	AutodiscoverResponseSchema = "http://schemas.microsoft.com/exchange/autodiscover/mobilesync/responseschema/2006"
)

// AutodiscoverOptions adjust Autodiscover; the zero value (or nil) runs the
// standard tries with a default HTTP client.
type AutodiscoverOptions struct {
	// HTTPClient sends the requests (its CheckRedirect is replaced:
	// Autodiscover follows redirects itself); nil means a client with
	// http.DefaultTransport's settings.
	HTTPClient *http.Client

	// User is the user name of the Basic credentials; "" means the
	// e-mail address.
	User string

	// URLs, when not nil, replace the two POST URLs built from the
	// domain (tests, or a URL the user knows).
	URLs []string

	// RedirectURL, when not "", replaces the unauthenticated GET's URL
	// (http://autodiscover.<domain>/autodiscover/autodiscover.xml).
	RedirectURL string

	// LookupSRV replaces net.DefaultResolver.LookupSRV for the record
	// _autodiscover._tcp.<domain>.
	LookupSRV func(ctx context.Context, service, proto, name string) (string, []*net.SRV, error)

	// TryTimeout bounds each try (default 15 seconds).
	TryTimeout time.Duration

	// MaxRedirects bounds the redirects followed in all, to other
	// addresses (Action Redirect) and to other URLs (default 10).
	MaxRedirects int

	// Trace, when set, sees every HTTP exchange (see WithTrace), with
	// Op "Autodiscover".
	Trace func(*Exchange)
}

// An AutodiscoverTry is one request of Autodiscover.
type AutodiscoverTry struct {
	Method   string        // POST, or GET for the unauthenticated redirect check
	URL      string        // without credentials
	Source   string        // why it was tried: "domain", "autodiscover host", "HTTP redirect check", "SRV record", "redirect"
	Status   int           // the HTTP status, 0 without an answer
	Result   string        // what came of it, for people: "Mobile Sync URL found", "HTTP 401 Unauthorized", "302 to https://…"
	Duration time.Duration // how long it took
	Err      error         // why it failed; nil for the try that found the URL or a redirect
}

// AutodiscoverResult is what Autodiscover found.
type AutodiscoverResult struct {
	// URL is the ActiveSync endpoint (Server Type MobileSync, Url).
	URL string

	// Name is the server's Name, when the response gives one.
	Name string

	// EMailAddress is the address the settings are for (after Redirect
	// actions), DisplayName and Culture the response's.
	EMailAddress, DisplayName, Culture string

	// Tries lists every request, in order, the successful one last.
	Tries []AutodiscoverTry
}

// ErrAutodiscover: no try found the ActiveSync settings; the
// *AutodiscoverError lists why.
var ErrAutodiscover = errors.New("eashttp: autodiscover failed")

// AutodiscoverError reports that Autodiscover found no settings: every try
// failed, or the server answered with an Error.
type AutodiscoverError struct {
	Email string // the address last looked up
	Msg   string // the server's Error, or what went wrong
	Tries []AutodiscoverTry
}

// Error names the address and what went wrong.
func (e *AutodiscoverError) Error() string {
	return fmt.Sprintf("eashttp: autodiscover for %s: %s", e.Email, e.Msg)
}

// Unwrap returns ErrAutodiscover.
func (e *AutodiscoverError) Unwrap() error { return ErrAutodiscover }

// Autodiscover finds the ActiveSync URL of the mailbox email as [MS-ASCMD]
// 2.2.2.1 describes, recording each try: it POSTs the Autodiscover request
// (the mobilesync request schema, with Basic credentials) to
// https://<domain>/autodiscover/autodiscover.xml, then to
// https://autodiscover.<domain>/autodiscover/autodiscover.xml; then sends an
// unauthenticated GET to http://autodiscover.<domain>/autodiscover/autodiscover.xml
// and POSTs to the https URL of a 302 answer; then looks up the SRV record
// _autodiscover._tcp.<domain> and POSTs to https://<target>:<port>/autodiscover/autodiscover.xml.
// A response with Action Settings gives the URL of the Server whose Type is
// MobileSync; Action Redirect (another address) starts over with that
// address; an Error ends the search. Credentials are sent over https only,
// never to the http URL, and HTTP redirects to another URL are followed only
// to https. The error is an *AutodiscoverError; the result, with its Tries,
// comes back with it.
func Autodiscover(ctx context.Context, email, password string, opts *AutodiscoverOptions) (*AutodiscoverResult, error) {
	var o AutodiscoverOptions
	if opts != nil {
		o = *opts
	}
	if o.TryTimeout <= 0 {
		o.TryTimeout = 15 * time.Second
	}
	if o.MaxRedirects <= 0 {
		o.MaxRedirects = 10
	}
	if o.LookupSRV == nil {
		o.LookupSRV = net.DefaultResolver.LookupSRV
	}
	base := o.HTTPClient
	if base == nil {
		base = &http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone()}
	}
	hc := *base
	hc.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	a := &autodiscoverer{o: o, hc: traced(&hc, o.Trace), password: password, res: &AutodiscoverResult{}}
	redirects := 0
	for {
		a.email = email
		user := o.User
		if user == "" {
			user = email
		}
		a.user = user
		next, err := a.search(withOp(ctx, "Autodiscover"), &redirects)
		if err != nil {
			return a.res, err
		}
		if next == "" {
			a.res.EMailAddress = email
			return a.res, nil
		}
		if redirects >= o.MaxRedirects {
			return a.res, a.fail("stopped after %d redirects", redirects)
		}
		redirects++
		email = next
	}
}

// autodiscoverer is the state of one Autodiscover call.
type autodiscoverer struct {
	o                     AutodiscoverOptions
	hc                    *http.Client
	email, user, password string
	res                   *AutodiscoverResult
}

// errNext is a try that failed in a way that lets the next one run.
var errNext = errors.New("try the next URL")

// search runs the tries for a.email and returns the address of an Action
// Redirect, or "" when a.res holds the settings.
func (a *autodiscoverer) search(ctx context.Context, redirects *int) (string, error) {
	_, domain, ok := strings.Cut(a.email, "@")
	if !ok || domain == "" || strings.ContainsAny(domain, "/?#@ ") {
		return "", a.fail("%q is not an e-mail address", a.email)
	}
	urls := a.o.URLs
	sources := []string{"domain", "autodiscover host"}
	if urls == nil {
		urls = []string{
			"https://" + domain + "/autodiscover/autodiscover.xml",
			"https://autodiscover." + domain + "/autodiscover/autodiscover.xml",
		}
	}
	for i, u := range urls {
		src := "given URL"
		if a.o.URLs == nil {
			src = sources[i]
		}
		next, err := a.post(ctx, u, src, redirects)
		if !errors.Is(err, errNext) {
			return next, err
		}
	}
	// The unauthenticated GET, for a 302 to the real Autodiscover URL.
	get := a.o.RedirectURL
	if get == "" {
		get = "http://autodiscover." + domain + "/autodiscover/autodiscover.xml"
	}
	if loc := a.redirectCheck(ctx, get); loc != "" {
		next, err := a.post(ctx, loc, "HTTP redirect check", redirects)
		if !errors.Is(err, errNext) {
			return next, err
		}
	}
	// The SRV record.
	start := time.Now()
	name := "_autodiscover._tcp." + domain
	tctx, cancel := context.WithTimeout(ctx, a.o.TryTimeout)
	_, srvs, err := a.o.LookupSRV(tctx, "autodiscover", "tcp", domain)
	cancel()
	try := AutodiscoverTry{Method: "SRV", URL: name, Source: "SRV record", Duration: time.Since(start)}
	if err != nil || len(srvs) == 0 {
		if err == nil {
			err = errors.New("no SRV record")
		}
		try.Err, try.Result = err, "no SRV record: "+oneLine(err)
		a.res.Tries = append(a.res.Tries, try)
		return "", a.fail("no try found the ActiveSync settings")
	}
	target := strings.TrimSuffix(srvs[0].Target, ".")
	u := "https://" + net.JoinHostPort(target, strconv.Itoa(int(srvs[0].Port))) + "/autodiscover/autodiscover.xml"
	try.Result = "points to " + u
	a.res.Tries = append(a.res.Tries, try)
	next, err := a.post(ctx, u, "SRV record", redirects)
	if errors.Is(err, errNext) {
		return "", a.fail("no try found the ActiveSync settings")
	}
	return next, err
}

// fail is the *AutodiscoverError for a.email.
func (a *autodiscoverer) fail(format string, args ...any) error {
	return &AutodiscoverError{Email: a.email, Msg: fmt.Sprintf(format, args...), Tries: a.res.Tries}
}

// redirectCheck sends the unauthenticated GET and returns the https URL of
// a 301 or 302 answer, or "".
func (a *autodiscoverer) redirectCheck(ctx context.Context, u string) string {
	try := AutodiscoverTry{Method: http.MethodGet, URL: redactURL(u), Source: "HTTP redirect check"}
	start := time.Now()
	defer func() {
		try.Duration = time.Since(start)
		a.res.Tries = append(a.res.Tries, try)
	}()
	tctx, cancel := context.WithTimeout(ctx, a.o.TryTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(tctx, http.MethodGet, u, nil)
	if err != nil {
		try.Err, try.Result = err, "bad URL"
		return ""
	}
	resp, err := a.hc.Do(req)
	if err != nil {
		try.Err = cause(err)
		try.Result = oneLine(try.Err)
		return ""
	}
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
	try.Status = resp.StatusCode
	loc := resp.Header.Get("Location")
	if resp.StatusCode != 301 && resp.StatusCode != 302 || loc == "" {
		try.Err = fmt.Errorf("HTTP %d, not a redirect", resp.StatusCode)
		try.Result = try.Err.Error()
		return ""
	}
	lu, err := req.URL.Parse(loc)
	if err != nil || lu.Scheme != "https" {
		try.Err = errors.New("the redirect is not to an https URL; not followed")
		try.Result = try.Err.Error()
		return ""
	}
	try.Result = fmt.Sprintf("%d to %s", resp.StatusCode, redactURL(lu.String()))
	return lu.String()
}

// post sends the Autodiscover request to u, following HTTP redirects to
// https URLs. It returns errNext when the next try should run.
func (a *autodiscoverer) post(ctx context.Context, u, source string, redirects *int) (string, error) {
	for {
		loc, next, err := a.postOnce(ctx, u, source)
		if loc == "" {
			return next, err
		}
		if *redirects >= a.o.MaxRedirects {
			return "", a.fail("stopped after %d redirects", *redirects)
		}
		*redirects++
		u, source = loc, "redirect"
	}
}

// postOnce sends one POST; loc is the https URL of an HTTP redirect to
// follow.
func (a *autodiscoverer) postOnce(ctx context.Context, u, source string) (loc, next string, err error) {
	try := AutodiscoverTry{Method: http.MethodPost, URL: redactURL(u), Source: source}
	start := time.Now()
	defer func() {
		try.Duration = time.Since(start)
		a.res.Tries = append(a.res.Tries, try)
	}()
	failNext := func(e error) (string, string, error) {
		try.Err, try.Result = e, oneLine(e)
		return "", "", errNext
	}
	pu, err := url.Parse(u)
	if err != nil || pu.Host == "" {
		return failNext(errors.New("not an absolute URL"))
	}
	if pu.Scheme != "https" {
		return failNext(errors.New("not https: credentials are not sent"))
	}
	var body bytes.Buffer
	body.WriteString(`<?xml version="1.0" encoding="utf-8"?>` + "\n")
	body.WriteString(`<Autodiscover xmlns="` + AutodiscoverRequestSchema + `">` + "\n  <Request>\n    <EMailAddress>")
	xml.EscapeText(&body, []byte(a.email))
	body.WriteString("</EMailAddress>\n    <AcceptableResponseSchema>" + AutodiscoverResponseSchema + "</AcceptableResponseSchema>\n  </Request>\n</Autodiscover>\n")
	tctx, cancel := context.WithTimeout(ctx, a.o.TryTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(tctx, http.MethodPost, pu.String(), bytes.NewReader(body.Bytes()))
	if err != nil {
		return failNext(errors.New("bad URL"))
	}
	req.Header.Set("Content-Type", "text/xml")
	req.SetBasicAuth(a.user, a.password)
	resp, err := a.hc.Do(req)
	if err != nil {
		return failNext(cause(err))
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20+1))
	try.Status = resp.StatusCode
	if err != nil {
		return failNext(fmt.Errorf("reading the response: %w", cause(err)))
	}
	switch code := resp.StatusCode; {
	case code == 301 || code == 302 || code == 307 || code == 308:
		lu, err := req.URL.Parse(resp.Header.Get("Location"))
		if err != nil || lu.Scheme != "https" || lu.Host == "" {
			return failNext(fmt.Errorf("HTTP %d to a URL that is not https; not followed", code))
		}
		try.Result = fmt.Sprintf("%d to %s", code, redactURL(lu.String()))
		return lu.String(), "", nil
	case code != 200:
		return failNext(fmt.Errorf("HTTP %d %s", code, statusText(code)))
	}
	if len(data) > 1<<20 {
		return failNext(tooLarge("response larger than 1 MiB"))
	}
	var doc autodiscoverResponse
	if err := xml.Unmarshal(data, &doc); err != nil {
		var se *xml.SyntaxError
		if errors.As(err, &se) {
			return failNext(fmt.Errorf("the response is not XML: line %d: %s", se.Line, se.Msg))
		}
		return failNext(fmt.Errorf("the response is not an Autodiscover document: %v", err))
	}
	if doc.XMLName.Local != "Autodiscover" {
		return failNext(fmt.Errorf("the response is not an Autodiscover document: its root is <%s>", doc.XMLName.Local))
	}
	r := doc.Response
	if e := r.Error; e != nil {
		msg := strings.TrimSpace(e.Message)
		if msg == "" {
			msg = "the server answered with an Error"
		}
		if e.ErrorCode != "" {
			msg = "ErrorCode " + strings.TrimSpace(e.ErrorCode) + ": " + msg
		}
		try.Err, try.Result = errors.New(msg), "Error: "+msg
		return "", "", a.fail("%s", msg)
	}
	act := r.Action
	if act == nil {
		return failNext(errors.New("the response has no Action"))
	}
	if e := act.Error; e != nil {
		msg := strings.TrimSpace(e.Message)
		if st := strings.TrimSpace(e.Status); st != "" {
			msg = "Status " + st + ": " + msg
		}
		try.Err, try.Result = errors.New(msg), "Action Error: "+msg
		return "", "", a.fail("%s", msg)
	}
	if rd := strings.TrimSpace(act.Redirect); rd != "" {
		try.Result = "Redirect to " + rd
		return "", rd, nil
	}
	if act.Settings != nil {
		for _, s := range act.Settings.Servers {
			if strings.EqualFold(strings.TrimSpace(s.Type), "MobileSync") && strings.TrimSpace(s.URL) != "" {
				a.res.URL = strings.TrimSpace(s.URL)
				a.res.Name = strings.TrimSpace(s.Name)
				a.res.Culture = strings.TrimSpace(r.Culture)
				if r.User != nil {
					a.res.DisplayName = strings.TrimSpace(r.User.DisplayName)
				}
				try.Result = "Mobile Sync URL " + redactURL(a.res.URL)
				return "", "", nil
			}
		}
	}
	return failNext(errors.New("the response has no MobileSync server"))
}

// autodiscoverResponse is the response document of [MS-ASCMD] 6.2 and 6.4,
// read by local names (both response schemas).
type autodiscoverResponse struct {
	XMLName  xml.Name
	Response struct {
		Culture string `xml:"Culture"`
		User    *struct {
			DisplayName  string `xml:"DisplayName"`
			EMailAddress string `xml:"EMailAddress"`
		} `xml:"User"`
		Action *struct {
			Redirect string `xml:"Redirect"`
			Settings *struct {
				Servers []struct {
					Type string `xml:"Type"`
					URL  string `xml:"Url"`
					Name string `xml:"Name"`
				} `xml:"Server"`
			} `xml:"Settings"`
			Error *struct {
				Status  string `xml:"Status"`
				Message string `xml:"Message"`
			} `xml:"Error"`
		} `xml:"Action"`
		Error *struct {
			ErrorCode string `xml:"ErrorCode"`
			Message   string `xml:"Message"`
		} `xml:"Error"`
	} `xml:"Response"`
}

// cause unwraps net/http's *url.Error, which quotes the URL.
func cause(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// oneLine is err's text on one line.
func oneLine(err error) string {
	return strings.Join(strings.Fields(err.Error()), " ")
}
