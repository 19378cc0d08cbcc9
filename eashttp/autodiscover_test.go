package eashttp

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"
)

// adSettings is an Autodiscover response with the MobileSync URL u.
func adSettings(u string) string {
	return `<?xml version="1.0" encoding="utf-8"?>
<Autodiscover xmlns:autodiscover="http://schemas.microsoft.com/exchange/autodiscover/mobilesync/responseschema/2006">
  <autodiscover:Response>
    <autodiscover:Culture>en:us</autodiscover:Culture>
    <autodiscover:User><autodiscover:DisplayName>Alice</autodiscover:DisplayName><autodiscover:EMailAddress>alice@example.com</autodiscover:EMailAddress></autodiscover:User>
    <autodiscover:Action><autodiscover:Settings>
      <autodiscover:Server><autodiscover:Type>MobileSync</autodiscover:Type><autodiscover:Url>` + u + `</autodiscover:Url><autodiscover:Name>` + u + `</autodiscover:Name></autodiscover:Server>
      <autodiscover:Server><autodiscover:Type>CertEnroll</autodiscover:Type><autodiscover:Url>https://ca.example.com/x</autodiscover:Url></autodiscover:Server>
    </autodiscover:Settings></autodiscover:Action>
  </autodiscover:Response>
</Autodiscover>`
}

// adServer is a TLS Autodiscover server: answers maps an e-mail address to
// a response body ("" for 401); it checks the request and the credentials.
func adServer(t *testing.T, answers map[string]string) *httptest.Server {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		s := string(body)
		if r.Method != http.MethodPost || !strings.Contains(s, AutodiscoverRequestSchema) || !strings.Contains(s, AutodiscoverResponseSchema) {
			http.Error(w, "bad request", 400)
			return
		}
		user, pw, ok := r.BasicAuth()
		if !ok || pw != "s3cret!" {
			w.WriteHeader(401)
			return
		}
		for addr, answer := range answers {
			if strings.Contains(s, "<EMailAddress>"+addr+"</EMailAddress>") && user == addr && answer != "" {
				w.Header().Set("Content-Type", "text/xml")
				io.WriteString(w, answer)
				return
			}
		}
		w.WriteHeader(401)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// noSRV is a LookupSRV that finds nothing.
func noSRV(context.Context, string, string, string) (string, []*net.SRV, error) {
	return "", nil, errors.New("no such host")
}

// deadURL is a URL nothing listens on.
const deadURL = "https://127.0.0.1:1/autodiscover/autodiscover.xml"

func TestAutodiscoverTries(t *testing.T) {
	const eas = "https://mail.example.com/Microsoft-Server-ActiveSync"
	good := adServer(t, map[string]string{"alice@example.com": adSettings(eas)})
	bad := adServer(t, nil)
	goodURL := good.URL + "/autodiscover/autodiscover.xml"
	host, port, _ := net.SplitHostPort(strings.TrimPrefix(good.URL, "https://"))
	p, _ := strconv.Atoi(port)
	// The http server of the unauthenticated GET redirects to the good one.
	redir := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "" || r.Method != http.MethodGet {
			t.Errorf("the redirect check sent %s with credentials %q", r.Method, r.Header.Get("Authorization"))
		}
		http.Redirect(w, r, goodURL, http.StatusFound)
	}))
	defer redir.Close()
	for _, c := range []struct {
		name  string
		opts  AutodiscoverOptions
		tries string // method source status, each
	}{
		{"first", AutodiscoverOptions{URLs: []string{goodURL}}, "POST given URL 200"},
		{"second", AutodiscoverOptions{URLs: []string{bad.URL + "/autodiscover/autodiscover.xml", goodURL}}, "POST given URL 401; POST given URL 200"},
		{"redirect check", AutodiscoverOptions{URLs: []string{deadURL, deadURL}, RedirectURL: redir.URL + "/autodiscover/autodiscover.xml"},
			"POST given URL 0; POST given URL 0; GET HTTP redirect check 302; POST HTTP redirect check 200"},
		{"SRV", AutodiscoverOptions{URLs: []string{deadURL}, RedirectURL: "http://127.0.0.1:1/autodiscover/autodiscover.xml",
			LookupSRV: func(_ context.Context, service, proto, name string) (string, []*net.SRV, error) {
				if service != "autodiscover" || proto != "tcp" || name != "example.com" {
					t.Errorf("LookupSRV(%q, %q, %q)", service, proto, name)
				}
				return "", []*net.SRV{{Target: host + ".", Port: uint16(p)}}, nil
			}},
			"POST given URL 0; GET HTTP redirect check 0; SRV SRV record 0; POST SRV record 200"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var traced []*Exchange
			c.opts.HTTPClient = good.Client()
			c.opts.TryTimeout = 5 * time.Second
			c.opts.Trace = func(e *Exchange) { traced = append(traced, e) }
			if c.opts.LookupSRV == nil {
				c.opts.LookupSRV = noSRV
			}
			res, err := Autodiscover(ctxT(t, 20*time.Second), "alice@example.com", "s3cret!", &c.opts)
			if err != nil {
				t.Fatalf("%v (%+v)", err, res)
			}
			if res.URL != eas || res.DisplayName != "Alice" || res.Culture != "en:us" || res.EMailAddress != "alice@example.com" {
				t.Errorf("result %+v", res)
			}
			var got []string
			for _, tr := range res.Tries {
				got = append(got, fmt.Sprintf("%s %s %d", tr.Method, tr.Source, tr.Status))
				if strings.Contains(fmt.Sprint(tr), "s3cret") {
					t.Errorf("the password is in %+v", tr)
				}
			}
			if j := strings.Join(got, "; "); j != c.tries {
				t.Errorf("tries %s, want %s", j, c.tries)
			}
			if last := res.Tries[len(res.Tries)-1]; last.Err != nil || !strings.Contains(last.Result, eas) {
				t.Errorf("last try %+v", last)
			}
			for _, e := range traced {
				if e.Op != "Autodiscover" || strings.Contains(fmt.Sprint(e.RequestHeader), "s3cret") {
					t.Errorf("traced %s %v", e.Op, e.RequestHeader)
				}
			}
			if len(traced) == 0 {
				t.Error("nothing traced")
			}
		})
	}
}

// TestAutodiscoverRedirectAction: Action Redirect starts over with the new
// address, and an Error response ends the search.
func TestAutodiscoverRedirectAction(t *testing.T) {
	const eas = "https://mail.example.org/Microsoft-Server-ActiveSync"
	redirect := `<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006"><Response xmlns="` + AutodiscoverResponseSchema + `"><Action><Redirect>bob@example.org</Redirect></Action></Response></Autodiscover>`
	srv := adServer(t, map[string]string{"alice@example.com": redirect, "bob@example.org": adSettings(eas)})
	opts := &AutodiscoverOptions{URLs: []string{srv.URL + "/autodiscover/autodiscover.xml"}, HTTPClient: srv.Client(), LookupSRV: noSRV}
	res, err := Autodiscover(ctxT(t, 10*time.Second), "alice@example.com", "s3cret!", opts)
	if err != nil || res.URL != eas || res.EMailAddress != "bob@example.org" || len(res.Tries) != 2 || res.Tries[0].Result != "Redirect to bob@example.org" {
		t.Fatalf("%v %+v", err, res)
	}

	errDoc := `<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006"><Response><Error Time="1" Id="2"><ErrorCode>600</ErrorCode><Message>Invalid Request</Message></Error></Response></Autodiscover>`
	srv2 := adServer(t, map[string]string{"alice@example.com": errDoc})
	opts = &AutodiscoverOptions{URLs: []string{srv2.URL + "/autodiscover/autodiscover.xml", deadURL}, HTTPClient: srv2.Client(), LookupSRV: noSRV}
	res, err = Autodiscover(ctxT(t, 10*time.Second), "alice@example.com", "s3cret!", opts)
	var ae *AutodiscoverError
	if !errors.As(err, &ae) || !errors.Is(err, ErrAutodiscover) || !strings.Contains(err.Error(), "ErrorCode 600: Invalid Request") || len(res.Tries) != 1 {
		t.Fatalf("%v %+v", err, res)
	}

	// A loop of redirects stops.
	loop := `<Autodiscover><Response><Action><Redirect>alice@example.com</Redirect></Action></Response></Autodiscover>`
	srv3 := adServer(t, map[string]string{"alice@example.com": loop})
	opts = &AutodiscoverOptions{URLs: []string{srv3.URL + "/autodiscover/autodiscover.xml"}, HTTPClient: srv3.Client(), LookupSRV: noSRV, MaxRedirects: 3}
	_, err = Autodiscover(ctxT(t, 10*time.Second), "alice@example.com", "s3cret!", opts)
	if err == nil || !strings.Contains(err.Error(), "stopped after 3 redirects") {
		t.Fatalf("loop: %v", err)
	}
}

// TestAutodiscoverFails: every try fails; the error lists them, and
// credentials never go to an http URL.
func TestAutodiscoverFails(t *testing.T) {
	plain := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "" {
			t.Error("credentials sent over http")
		}
		w.WriteHeader(404)
	}))
	defer plain.Close()
	u, _ := url.Parse(plain.URL)
	opts := &AutodiscoverOptions{URLs: []string{plain.URL + "/autodiscover/autodiscover.xml"}, RedirectURL: "http://" + u.Host + "/x", LookupSRV: noSRV}
	res, err := Autodiscover(ctxT(t, 10*time.Second), "alice@example.com", "s3cret!", opts)
	var ae *AutodiscoverError
	if !errors.As(err, &ae) || len(ae.Tries) != 3 || res.URL != "" {
		t.Fatalf("%v %+v", err, res)
	}
	if got := ae.Tries[0].Result; got != "not https: credentials are not sent" {
		t.Errorf("first try %q", got)
	}
	if got := ae.Tries[1].Result; got != "HTTP 404, not a redirect" {
		t.Errorf("second try %q", got)
	}
	if _, err := Autodiscover(t.Context(), "not-an-address", "x", nil); err == nil || !strings.Contains(err.Error(), "not an e-mail address") {
		t.Errorf("bad address: %v", err)
	}
}

// TestAutodiscoverBadResponse: a response that is not XML says at which
// line, and one with another root names it.
func TestAutodiscoverBadResponse(t *testing.T) {
	for body, want := range map[string]string{
		"<?xml version=\"1.0\"?>\n<Autodiscover>\n<Response></Autodisc": "the response is not XML: line 3:",
		"<Other/>": "its root is <Other>",
	} {
		srv := adServer(t, map[string]string{"alice@example.com": body})
		opts := &AutodiscoverOptions{URLs: []string{srv.URL + "/autodiscover/autodiscover.xml"}, RedirectURL: deadURL, LookupSRV: noSRV, HTTPClient: srv.Client()}
		_, err := Autodiscover(ctxT(t, 10*time.Second), "alice@example.com", "s3cret!", opts)
		var ae *AutodiscoverError
		if !errors.As(err, &ae) || len(ae.Tries) == 0 || !strings.Contains(ae.Tries[0].Result, want) {
			t.Errorf("%q: %v, first try %+v; want %q", body, err, ae, want)
		}
	}
}
