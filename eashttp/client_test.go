package eashttp

import (
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/easkit/easkit/b64uri"
	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/eas"
	"github.com/easkit/easkit/version"
	"github.com/google/go-cmp/cmp"
)

func TestOptions(t *testing.T) {
	ts := newTestServer(t, version.V14_0, version.V12_1, version.V14_1)
	c := ts.client()
	res, err := c.Options(ctxT(t, 5*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]any{
		"versions": res.Versions, "header": res.VersionsHeader, "commands": res.Commands,
		"server": res.Server, "allow": res.Allow, "public": res.Public, "status": res.StatusCode,
	}
	want := map[string]any{
		"versions": []version.Version{version.V12_1, version.V14_0, version.V14_1}, "header": "12.1,14.0,14.1",
		"commands": []string{"FolderSync", "Ping", "Provision", "SendMail", "Sync"},
		"server":   "15.20", "allow": []string{"OPTIONS", "POST"}, "public": []string{"OPTIONS", "POST"}, "status": 200,
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("-want +got\n%s", d)
	}
	if c.Version() != 0 {
		t.Errorf("Options changed the version to %v", c.Version())
	}
}

func TestNegotiateByOptions(t *testing.T) {
	ts := newTestServer(t, version.V12_1, version.V14_0, version.V14_1)
	c := ts.client()
	resp, err := c.Do(ctxT(t, 5*time.Second), "FolderSync", folderSync0(t))
	if err != nil {
		t.Fatal(err)
	}
	if resp.Version != version.V14_1 || c.Version() != version.V14_1 || resp.ResyncAdvised {
		t.Errorf("version %v (client %v), resync %v; want 14.1, no resync", resp.Version, c.Version(), resp.ResyncAdvised)
	}
	if got, want := joined(ts.methods()), "OPTIONS FolderSync@14.1"; got != want {
		t.Errorf("requests %q, want %q", got, want)
	}
	if got := resp.Status(); got != 1 {
		t.Errorf("Status %d, want 1", got)
	}
}

// TestOptionsStripped: a proxy removes MS-ASProtocolVersions (or OPTIONS
// fails); the client probes with FolderSync SyncKey 0 from the top.
func TestOptionsStripped(t *testing.T) {
	for _, tc := range []struct {
		name   string
		status int
	}{{"no headers", 200}, {"404", 404}, {"501", 501}} {
		t.Run(tc.name, func(t *testing.T) {
			ts := newTestServer(t, version.V12_1, version.V14_0)
			ts.before = func(w http.ResponseWriter, r *http.Request) bool {
				if r.Method == http.MethodOptions {
					WriteStatus(w, tc.status)
					return true
				}
				return false
			}
			c := ts.client()
			resp, err := c.Do(ctxT(t, 5*time.Second), "Sync", nil)
			if err != nil {
				t.Fatal(err)
			}
			want := "OPTIONS FolderSync@16.1 FolderSync@16.0 FolderSync@14.1 FolderSync@14.0 Sync@14.0"
			if got := joined(ts.methods()); got != want {
				t.Errorf("requests\n%q, want\n%q", got, want)
			}
			if c.Version() != version.V14_0 || !resp.ResyncAdvised {
				t.Errorf("version %v, resync %v; want 14.0 and a resync (the probe reset the folders)", c.Version(), resp.ResyncAdvised)
			}
			// The check counts as done: the next request goes straight out.
			if _, err := c.Do(ctxT(t, 5*time.Second), "Ping", nil); err != nil {
				t.Fatal(err)
			}
			if got := joined(ts.methods()[6:]); got != "Ping@14.0" {
				t.Errorf("after the second command: %q, want Ping@14.0", got)
			}
		})
	}
}

// TestStepDown: HTTP 400 to a version the server listed steps down once.
func TestStepDown(t *testing.T) {
	ts := newTestServer(t, version.V14_0, version.V14_1, version.V16_0)
	refuse := map[string]bool{"16.0": true}
	ts.before = func(w http.ResponseWriter, r *http.Request) bool {
		if refuse[r.Header.Get("MS-ASProtocolVersion")] {
			WriteStatus(w, 400)
			return true
		}
		return false
	}
	c := ts.client()
	resp, err := c.Do(ctxT(t, 5*time.Second), "Sync", nil)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := joined(ts.methods()), "OPTIONS Sync@16.0 Sync@14.1"; got != want {
		t.Errorf("requests %q, want %q", got, want)
	}
	if !resp.ResyncAdvised || resp.Version != version.V14_1 || c.Version() != version.V14_1 {
		t.Errorf("resync %v, version %v; want a resync at 14.1", resp.ResyncAdvised, resp.Version)
	}
	if n := c.Negotiator(); n.Refused != version.V16_0 {
		t.Errorf("Refused %v, want 16.0", n.Refused)
	}

	// Retried once only: 400 at 14.1 as well is an error.
	refuse["14.1"], refuse["14.0"] = true, true
	resp, err = c.Do(ctxT(t, 5*time.Second), "Sync", nil)
	if !errors.Is(err, ErrBadRequest) || resp == nil || resp.StatusCode != 400 {
		t.Fatalf("err %v, resp %+v; want ErrBadRequest with the response", err, resp)
	}
	if got, want := joined(ts.methods()[3:]), "Sync@14.1 Sync@14.0"; got != want {
		t.Errorf("requests %q, want %q", got, want)
	}
}

// TestProvisionRetry: 449 and Status 142 make the client provision and
// retry the command once.
func TestProvisionRetry(t *testing.T) {
	for _, s142 := range []bool{false, true} {
		name := "449"
		if s142 {
			name = "Status142"
		}
		t.Run(name, func(t *testing.T) {
			ts := newTestServer(t, version.V14_1)
			ts.needKey, ts.status142 = "2222", s142
			c := ts.client()
			resp, err := c.Do(ctxT(t, 5*time.Second), "Sync", nil)
			if err != nil {
				t.Fatal(err)
			}
			if !resp.Provisioned || resp.Status() != 1 || c.PolicyKey() != "2222" {
				t.Errorf("provisioned %v, status %d, key %q", resp.Provisioned, resp.Status(), c.PolicyKey())
			}
			want := "OPTIONS Sync@14.1 Provision@14.1 Provision@14.1 Sync@14.1"
			if got := joined(ts.methods()); got != want {
				t.Errorf("requests %q, want %q", got, want)
			}
			keys := []string{}
			for _, r := range ts.requests() {
				keys = append(keys, r.Cmd+":"+r.PolicyKey)
			}
			if d := cmp.Diff([]string{"Sync:", "Provision:", "Provision:1111", "Sync:2222"}, keys); d != "" {
				t.Errorf("policy keys -want +got\n%s", d)
			}
			// The key stays: the next command needs no provisioning.
			resp, err = c.Do(ctxT(t, 5*time.Second), "Sync", nil)
			if err != nil || resp.Provisioned {
				t.Errorf("second Sync: %v, provisioned %v", err, resp.Provisioned)
			}
		})
	}
}

// TestProvisionOnce: a server that keeps asking gets one Provision.
func TestProvisionOnce(t *testing.T) {
	for _, s142 := range []bool{false, true} {
		ts := newTestServer(t, version.V14_1)
		ts.alwaysNeed, ts.status142 = true, s142
		c := ts.client()
		resp, err := c.Do(ctxT(t, 5*time.Second), "Sync", nil)
		if !errors.Is(err, ErrNeedProvision) || resp == nil {
			t.Fatalf("142=%v: err %v; want ErrNeedProvision", s142, err)
		}
		want := "OPTIONS Sync@14.1 Provision@14.1 Provision@14.1 Sync@14.1"
		if got := joined(ts.methods()); got != want {
			t.Errorf("142=%v: requests %q, want %q", s142, got, want)
		}
	}
}

func TestProvision(t *testing.T) {
	ts := newTestServer(t, version.V14_1)
	c := ts.client()
	p, err := c.Provision(ctxT(t, 5*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	want := &Policy{Key: "2222", TemporaryKey: "1111", Type: PolicyTypeWBXML, Status: 1, Settings: map[string]string{
		"DevicePasswordEnabled": "1", "MinDevicePasswordLength": "4", "ApprovedApplicationList": "AA,BB",
	}}
	if d := cmp.Diff(want, p); d != "" {
		t.Errorf("-want +got\n%s", d)
	}
	reqs := ts.requests()
	if len(reqs) != 2 || reqs[0].PolicyKey != "" || reqs[0].HTTP.Header.Get("X-MS-PolicyKey") != "" {
		t.Errorf("the policy request carried a policy key")
	}
}

// TestProvisionFailure: a Provision Status other than 1.
func TestProvisionFailure(t *testing.T) {
	ts := newTestServer(t, version.V14_1)
	ts.h.Commands["Provision"] = func(*Request) ([]byte, error) { return provisionStatus(3) }
	c := ts.client()
	_, err := c.Provision(ctxT(t, 5*time.Second))
	var pe *ProvisionError
	if !errors.As(err, &pe) || pe.Status != 3 || !errors.Is(err, ErrProvision) {
		t.Fatalf("err %v; want a *ProvisionError with Status 3", err)
	}
}

func TestRedirect451(t *testing.T) {
	other := newTestServer(t, version.V14_1)
	ts := newTestServer(t, version.V14_1)
	ts.before = func(w http.ResponseWriter, r *http.Request) bool {
		if r.Method == http.MethodPost {
			WriteRedirect(w, other.url())
			return true
		}
		return false
	}
	c := ts.client()
	resp, err := c.Do(ctxT(t, 5*time.Second), "Sync", nil)
	if err != nil {
		t.Fatal(err)
	}
	if resp.Redirects != 1 || c.URL() != other.url() || resp.URL != other.url() {
		t.Errorf("redirects %d, URL %q, answered by %q; want 1 and %q", resp.Redirects, c.URL(), resp.URL, other.url())
	}
	if _, err := c.Do(ctxT(t, 5*time.Second), "Ping", nil); err != nil {
		t.Fatal(err)
	}
	if got, want := joined(ts.methods()), "OPTIONS Sync@14.1"; got != want {
		t.Errorf("first server: %q, want %q", got, want)
	}
	if got, want := joined(other.methods()), "Sync@14.1 Ping@14.1"; got != want {
		t.Errorf("second server: %q, want %q", got, want)
	}
	if auth := other.seen()[0].Header.Get("Authorization"); auth == "" {
		t.Errorf("the mailbox's server got no credentials")
	}
}

func TestRedirect451Errors(t *testing.T) {
	ts := newTestServer(t, version.V14_1)
	var loc string
	ts.before = func(w http.ResponseWriter, r *http.Request) bool {
		if r.Method == http.MethodPost {
			w.Header().Set(HeaderLocation, loc)
			WriteStatus(w, 451)
			return true
		}
		return false
	}
	for _, tc := range []struct {
		name, loc string
		want      error
		posts     int
	}{
		{"no location", "", ErrRedirect, 1},
		{"loop", ts.url(), ErrRedirectLoop, DefaultMaxRedirects + 1},
		{"not a URL", "mail.example.com", ErrRedirect, 1},
	} {
		loc = tc.loc
		c := ts.client()
		before := len(ts.seen())
		_, err := c.Do(ctxT(t, 5*time.Second), "Sync", nil)
		var se *StatusError
		if !errors.Is(err, tc.want) || !errors.As(err, &se) || se.Code != 451 {
			t.Errorf("%s: err %v, want %v", tc.name, err, tc.want)
		}
		if n := len(ts.seen()) - before - 1; n != tc.posts {
			t.Errorf("%s: %d commands sent, want %d", tc.name, n, tc.posts)
		}
	}
}

// TestRedirectDowngrade: 451 from https to http is refused.
func TestRedirectDowngrade(t *testing.T) {
	srv := httptestTLS(t, func(w http.ResponseWriter, r *http.Request) {
		WriteRedirect(w, "http://127.0.0.1:1/Microsoft-Server-ActiveSync")
	})
	c, err := NewClient(srv.URL+"/Microsoft-Server-ActiveSync", WithHTTPClient(srv.Client()), WithVersions(version.V14_1),
		WithNegotiator(version.Negotiator{Current: version.V14_1, Checked: time.Now()}))
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Do(ctxT(t, 5*time.Second), "Sync", nil)
	if !errors.Is(err, ErrRedirect) || !strings.Contains(err.Error(), "https for http") {
		t.Fatalf("err %v; want the downgrade refused", err)
	}
	if !strings.HasPrefix(c.URL(), "https://") {
		t.Errorf("URL became %s", c.URL())
	}
}

func TestStatusErrors(t *testing.T) {
	for _, tc := range []struct {
		code   int
		want   error
		advice string
	}{
		{401, ErrUnauthorized, "Autodiscover"},
		{403, ErrForbidden, "Autodiscover"},
		{404, ErrNotFound, "Autodiscover"},
		{413, ErrTooLarge, "larger"},
		{414, ErrTooLarge, "longer"},
		{456, ErrBlocked, "blocked"},
		{457, ErrPasswordExpired, "expired"},
		{500, ErrServerError, "Autodiscover"},
		{501, ErrNotImplemented, "does not offer"},
		{507, ErrMailboxFull, "full"},
		{418, ErrStatus, ""},
	} {
		ts := newTestServer(t, version.V14_1)
		ts.before = func(w http.ResponseWriter, r *http.Request) bool {
			if r.Method == http.MethodPost {
				WriteStatus(w, tc.code)
				return true
			}
			return false
		}
		resp, err := ts.client().Do(ctxT(t, 5*time.Second), "Sync", nil)
		var se *StatusError
		if !errors.As(err, &se) || !errors.Is(err, tc.want) {
			t.Errorf("%d: err %v, want %v", tc.code, err, tc.want)
			continue
		}
		if se.Code != tc.code || se.Command != "Sync" || se.URL != ts.url() || !strings.Contains(se.Advice, tc.advice) || se.Meaning == "" {
			t.Errorf("%d: %+v", tc.code, se)
		}
		if resp == nil || resp.StatusCode != tc.code {
			t.Errorf("%d: no response with the error", tc.code)
		}
	}
}

func TestRetryAfter(t *testing.T) {
	ts := newTestServer(t, version.V14_1)
	busy := 1
	ts.before = func(w http.ResponseWriter, r *http.Request) bool {
		if r.Method == http.MethodPost && busy > 0 {
			busy--
			WriteRetryAfter(w, 1500*time.Millisecond)
			return true
		}
		return false
	}
	_, err := ts.client().Do(ctxT(t, 5*time.Second), "Sync", nil)
	var se *StatusError
	if !errors.As(err, &se) || !errors.Is(err, ErrUnavailable) || se.RetryAfter != 2*time.Second {
		t.Fatalf("err %v; want 503 with RetryAfter 2s", err)
	}

	// With WithRetryWait the client waits and retries once.
	busy = 1
	c := ts.client(WithRetryWait(3 * time.Second))
	start := time.Now()
	if _, err := c.Do(ctxT(t, 10*time.Second), "Sync", nil); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d < 2*time.Second {
		t.Errorf("retried after %v, before Retry-After", d)
	}
	// A wait that would pass the deadline is not started.
	busy = 1
	start = time.Now()
	_, err = c.Do(ctxT(t, time.Second), "Sync", nil)
	if !errors.Is(err, ErrUnavailable) || time.Since(start) > 900*time.Millisecond {
		t.Errorf("err %v after %v; want ErrUnavailable at once", err, time.Since(start))
	}
	if got := parseRetryAfter(time.Unix(100, 0).UTC().Format(http.TimeFormat), time.Unix(40, 0)); got != time.Minute {
		t.Errorf("HTTP-date Retry-After: %v, want 1m", got)
	}
}

// TestResetPartnership: X-MS-RP advises a resync, and its versions are used.
func TestResetPartnership(t *testing.T) {
	ts := newTestServer(t, version.V14_0, version.V14_1)
	rp := "14.0"
	ts.h.Commands["Ping"] = func(req *Request) ([]byte, error) {
		req.ReplyHeader.Set(HeaderResetPartnership, rp)
		return nil, nil
	}
	c := ts.client()
	ctx := ctxT(t, 5*time.Second)
	resp, err := c.Do(ctx, "Ping", nil)
	if err != nil {
		t.Fatal(err)
	}
	if !resp.ResyncAdvised || c.Version() != version.V14_0 {
		t.Errorf("resync %v, version %v; want a resync and 14.0", resp.ResyncAdvised, c.Version())
	}
	// An empty X-MS-RP: resync, and OPTIONS again before the next command.
	rp = ""
	ts.h.Commands["Ping"] = func(req *Request) ([]byte, error) {
		req.ReplyHeader[HeaderResetPartnership] = []string{""}
		return nil, nil
	}
	resp, err = c.Do(ctx, "Ping", nil)
	if err != nil || !resp.ResyncAdvised {
		t.Fatalf("err %v, resync %v", err, resp.ResyncAdvised)
	}
	if _, err := c.Do(ctx, "Sync", nil); err != nil {
		t.Fatal(err)
	}
	want := "OPTIONS Ping@14.1 Ping@14.0 OPTIONS Sync@14.1"
	if got := joined(ts.methods()); got != want {
		t.Errorf("requests %q, want %q", got, want)
	}
}

// TestRecheck: OPTIONS again after version.RecheckInterval, and a server
// upgrade found then is a version change with a resync.
func TestRecheck(t *testing.T) {
	ts := newTestServer(t, version.V14_0)
	clock := &fakeClock{now: time.Date(2025, 1, 1, 8, 0, 0, 0, time.UTC)}
	c := ts.client(WithClock(clock.Now))
	ctx := ctxT(t, 5*time.Second)
	do := func() *Response {
		t.Helper()
		resp, err := c.Do(ctx, "Ping", nil)
		if err != nil {
			t.Fatal(err)
		}
		return resp
	}
	do()
	clock.Advance(23 * time.Hour)
	do()
	ts.h.Versions = []version.Version{version.V14_0, version.V14_1} // the server is upgraded
	clock.Advance(time.Hour)
	resp := do()
	want := "OPTIONS Ping@14.0 Ping@14.0 OPTIONS Ping@14.1"
	if got := joined(ts.methods()); got != want {
		t.Errorf("requests %q, want %q", got, want)
	}
	if !resp.ResyncAdvised || c.Version() != version.V14_1 {
		t.Errorf("resync %v, version %v; want a resync at 14.1", resp.ResyncAdvised, c.Version())
	}
}

// TestQueryForms checks what the server receives in both forms.
func TestQueryForms(t *testing.T) {
	call := &Call{Cmd: "SmartReply", Body: []byte{3, 1, 106, 0}, ContentType: "message/rfc822",
		Params: []b64uri.Param{{Tag: b64uri.ParamItemId, Value: []byte("5:1")}, {Tag: b64uri.ParamCollectionId, Value: []byte("5")}},
		Flags:  b64uri.SaveInSent | b64uri.AcceptMultiPart}
	for _, tc := range []struct {
		name    string
		b64     bool
		version version.Version
		base64  bool
	}{
		{"plain", false, version.V14_1, false},
		{"base64", true, version.V14_1, true},
		{"base64 asked at 12.0", true, version.V12_0, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ts := newTestServer(t, tc.version)
			ts.h.Commands["SmartReply"] = ts.guard(func(*Request) ([]byte, error) { return nil, nil })
			c := ts.client(WithBase64Query(tc.b64), WithPolicyKey("2222"), WithUserAgent("test-agent/1"), WithAcceptLanguage("de-DE", 0x0407))
			if _, err := c.DoCall(ctxT(t, 5*time.Second), call); err != nil {
				t.Fatal(err)
			}
			r := ts.requests()[0]
			got := map[string]any{"cmd": r.Cmd, "base64": r.Base64, "version": r.Version.String(), "user": r.User,
				"device": r.DeviceID + "/" + r.DeviceType, "key": r.PolicyKey, "saveInSent": r.SaveInSent,
				"multipart": r.AcceptMultiPart, "auth": r.AuthUser, "ua": r.UserAgent, "ct": r.ContentType,
				"params": r.Params, "lang": r.HTTP.Header.Get("Accept-Language")}
			want := map[string]any{"cmd": "SmartReply", "base64": tc.base64, "version": tc.version.String(), "user": "alice",
				"device": "dev1/Phone", "key": "2222", "saveInSent": true, "multipart": true, "auth": "alice",
				"ua": "test-agent/1", "ct": "message/rfc822", "params": call.Params, "lang": "de-DE"}
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("-want +got\n%s", d)
			}
			raw := ts.seen()[1]
			hasVersionHeader := raw.Header.Get("MS-ASProtocolVersion") != ""
			if tc.base64 {
				if hasVersionHeader || raw.Header.Get("X-MS-PolicyKey") != "" || strings.Contains(raw.RawQuery, "=T") {
					t.Errorf("base64 request with plain headers or query: %q %v", raw.RawQuery, raw.Header)
				}
				if r.Locale != 0x0407 {
					t.Errorf("locale %#x, want 0x0407", r.Locale)
				}
			} else if !hasVersionHeader || !strings.HasPrefix(raw.RawQuery, "Cmd=SmartReply&User=alice&DeviceId=dev1&DeviceType=Phone") {
				t.Errorf("plain request: %q %v", raw.RawQuery, raw.Header)
			}
		})
	}
}

// TestCrossHostRedirect: net/http drops the Authorization header when a
// 3xx sends the request to another host, and keeps it on the same host.
func TestCrossHostRedirect(t *testing.T) {
	target := newTestServer(t, version.V14_1)
	port := target.srv.URL[strings.LastIndex(target.srv.URL, ":")+1:]
	for _, tc := range []struct {
		host     string
		wantAuth bool
	}{{"localhost", false}, {"127.0.0.1", true}} {
		ts := newTestServer(t, version.V14_1)
		ts.before = func(w http.ResponseWriter, r *http.Request) bool {
			if r.Method == http.MethodPost {
				http.Redirect(w, r, "http://"+tc.host+":"+port+r.URL.RequestURI(), http.StatusTemporaryRedirect)
				return true
			}
			return false
		}
		before := len(target.seen())
		if _, err := ts.client().Do(ctxT(t, 5*time.Second), "Sync", nil); err != nil {
			t.Fatalf("%s: %v", tc.host, err)
		}
		got := target.seen()[before:]
		if len(got) != 1 {
			t.Fatalf("%s: %d requests reached the target", tc.host, len(got))
		}
		if has := got[0].Header.Get("Authorization") != ""; has != tc.wantAuth {
			t.Errorf("redirect to %s: Authorization forwarded %v, want %v", tc.host, has, tc.wantAuth)
		}
	}
}

func TestNewClientErrors(t *testing.T) {
	for _, u := range []string{"", "mail.example.com", "ftp://x/", "https://bob:hunter2pw@ho st/", "http://%zz"} {
		_, err := NewClient(u)
		if err == nil {
			t.Errorf("%q: no error", u)
		} else if strings.Contains(err.Error(), "hunter2") {
			t.Errorf("%q: the error shows the password: %v", u, err)
		}
	}
	if _, err := NewClient("https://x/", WithDevice("", "t")); err == nil {
		t.Errorf("empty device id accepted")
	}
}

// TestUserInfoCredentials: user information in the URL becomes Basic
// credentials and leaves the URL.
func TestUserInfoCredentials(t *testing.T) {
	ts := newTestServer(t, version.V14_1)
	u := strings.Replace(ts.url(), "http://", "http://carol:s3cret@", 1)
	c, err := NewClient(u)
	if err != nil {
		t.Fatal(err)
	}
	defer c.CloseIdleConnections()
	if _, err := c.Do(ctxT(t, 5*time.Second), "Sync", nil); err != nil {
		t.Fatal(err)
	}
	if c.URL() != ts.url() {
		t.Errorf("URL %q", c.URL())
	}
	r := ts.requests()[0]
	if r.AuthUser != "carol" || r.User != "carol" || r.DeviceID != DefaultDeviceID {
		t.Errorf("auth %q, user %q, device %q", r.AuthUser, r.User, r.DeviceID)
	}
}

// TestAuthHook: a bearer token added by the hook; a failing hook stops the
// request.
func TestAuthHook(t *testing.T) {
	ts := newTestServer(t, version.V14_1)
	c, err := NewClient(ts.url(), WithUser("dave"), WithAuthHook(func(r *http.Request) error {
		r.Header.Set("Authorization", "Bearer tok")
		return nil
	}))
	if err != nil {
		t.Fatal(err)
	}
	defer c.CloseIdleConnections()
	if _, err := c.Do(ctxT(t, 5*time.Second), "Sync", nil); err != nil {
		t.Fatal(err)
	}
	if got := ts.seen()[1].Header.Get("Authorization"); got != "Bearer tok" || ts.requests()[0].User != "dave" {
		t.Errorf("Authorization %q, User %q", got, ts.requests()[0].User)
	}
	hookErr := errors.New("no token")
	c2, _ := NewClient(ts.url(), WithAuthHook(func(*http.Request) error { return hookErr }))
	_, err = c2.Do(ctxT(t, 5*time.Second), "Sync", nil)
	var oe *OpError
	if !errors.Is(err, hookErr) || !errors.As(err, &oe) || oe.Op != "OPTIONS" {
		t.Errorf("err %v; want the hook's error in an *OpError for OPTIONS", err)
	}
}

func TestDoMessage(t *testing.T) {
	ts := newTestServer(t, version.V14_1)
	c := ts.client()
	var b = folderSyncBuilder()
	root, resp, err := c.DoMessage(ctxT(t, 5*time.Second), "FolderSync", b)
	if err != nil {
		t.Fatal(err)
	}
	if root.Name() != "FolderSync" || resp.StatusCode != 200 || len(root.All(folderAdd...)) != 1 {
		t.Errorf("root %s, status %d", root.Name(), resp.StatusCode)
	}
	root, _, err = c.DoMessage(ctxT(t, 5*time.Second), "Ping", pingBuilder())
	if err != nil || root != nil {
		t.Errorf("empty body: root %v, err %v", root, err)
	}
}

// TestPlainOnlyCommand: a command without a base64 code goes out in the
// plain form, even when the base64 form is asked for.
func TestPlainOnlyCommand(t *testing.T) {
	ts := newTestServer(t, version.V14_1)
	ts.before = func(w http.ResponseWriter, r *http.Request) bool {
		if r.Method == http.MethodPost {
			WriteWBXML(w, nil)
			return true
		}
		return false
	}
	c := ts.client(WithBase64Query(true))
	call := &Call{Cmd: "GetHierarchy", Params: []b64uri.Param{{Tag: b64uri.ParamCollectionId, Value: []byte("a b")}}, Flags: b64uri.SaveInSent}
	if _, err := c.DoCall(ctxT(t, 5*time.Second), call); err != nil {
		t.Fatal(err)
	}
	got := ts.seen()[1]
	if want := "Cmd=GetHierarchy&User=alice&DeviceId=dev1&DeviceType=Phone&CollectionId=a+b&SaveInSent=T"; got.RawQuery != want || got.Header.Get("MS-ASProtocolVersion") != "14.1" {
		t.Errorf("query %q, want %q", got.RawQuery, want)
	}
}

// TestRemoteWipe: a Provision response asking for a wipe is reported, not
// acknowledged; a global Status 140 leads there.
func TestRemoteWipe(t *testing.T) {
	ts := newTestServer(t, version.V14_1)
	ts.h.Commands["Provision"] = func(req *Request) ([]byte, error) {
		ts.record(req)
		var b eas.Builder
		b.Start(codepages.ProvisionProvision)
		b.Int(codepages.ProvisionStatus, 1)
		b.Empty(codepages.ProvisionRemoteWipe)
		return b.Finish()
	}
	ts.h.Commands["Sync"] = func(*Request) ([]byte, error) { return syncReply(140) }
	c := ts.client()
	_, err := c.Do(ctxT(t, 5*time.Second), "Sync", nil)
	if !errors.Is(err, ErrRemoteWipe) {
		t.Fatalf("err %v; want ErrRemoteWipe", err)
	}
	if got, want := joined(ts.methods()), "OPTIONS Sync@14.1 Provision@14.1"; got != want {
		t.Errorf("requests %q, want %q", got, want)
	}
	p, err := c.Provision(ctxT(t, 5*time.Second))
	if !errors.Is(err, ErrRemoteWipe) || p == nil || !p.RemoteWipe {
		t.Errorf("Provision: %v, %+v", err, p)
	}
}
