package eashttp

import (
	"context"
	"encoding/base64"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/easkit/easkit/version"
)

// hostile starts a server running fn for every command (OPTIONS is
// answered normally) and a client that needs no negotiation.
func hostile(t *testing.T, fn http.HandlerFunc, opts ...Option) (*httptest.Server, *Client) {
	t.Helper()
	srv := httptest.NewServer(fn)
	t.Cleanup(srv.Close)
	opts = append([]Option{WithBasicAuth("bob", "hunter2pw"), WithVersions(version.V14_1),
		WithNegotiator(version.Negotiator{Current: version.V14_1, Checked: time.Now()})}, opts...)
	c, err := NewClient(srv.URL+"/Microsoft-Server-ActiveSync", opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.CloseIdleConnections)
	return srv, c
}

// hijack takes the connection over and writes raw.
func hijack(w http.ResponseWriter, raw string) net.Conn {
	conn, buf, err := http.NewResponseController(w).Hijack()
	if err != nil {
		panic(err)
	}
	buf.WriteString(raw)
	buf.Flush()
	return conn
}

// faults are hostile servers and what the client must make of them.
var faults = []struct {
	name string
	fn   http.HandlerFunc
	opts []Option
	ctx  time.Duration // the context's deadline
	want func(error) bool
}{
	{"timeout", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
	}, nil, 200 * time.Millisecond, func(err error) bool { return errors.Is(err, context.DeadlineExceeded) }},
	{"reset mid-body", func(w http.ResponseWriter, r *http.Request) {
		conn := hijack(w, "HTTP/1.1 200 OK\r\nContent-Type: application/vnd.ms-sync.wbxml\r\nContent-Length: 100\r\n\r\n\x03\x01\x6a\x00")
		conn.(*net.TCPConn).SetLinger(0)
		conn.Close()
	}, nil, 5 * time.Second, func(err error) bool { return err != nil }},
	{"truncated body", func(w http.ResponseWriter, r *http.Request) {
		hijack(w, "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n0123456789").Close()
	}, nil, 5 * time.Second, func(err error) bool { return errors.Is(err, io.ErrUnexpectedEOF) }},
	{"endless body", func(w http.ResponseWriter, r *http.Request) {
		chunk := make([]byte, 32<<10)
		for r.Context().Err() == nil {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	}, []Option{WithMaxBodySize(1 << 20)}, 10 * time.Second, func(err error) bool { return errors.Is(err, ErrTooLarge) }},
	{"declared length over the limit", func(w http.ResponseWriter, r *http.Request) {
		hijack(w, "HTTP/1.1 200 OK\r\nContent-Length: 99999999999\r\n\r\n").Close()
	}, []Option{WithMaxBodySize(1 << 20)}, 5 * time.Second, func(err error) bool { return errors.Is(err, ErrTooLarge) }},
	{"gigantic headers", func(w http.ResponseWriter, r *http.Request) {
		for i := range 64 {
			w.Header().Set("X-Big-"+string(rune('a'+i%26))+string(rune('a'+i/26)), strings.Repeat("x", 32<<10))
		}
		w.WriteHeader(200)
	}, nil, 5 * time.Second, func(err error) bool { return err != nil && strings.Contains(err.Error(), "header") }},
	{"slow drip", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "100000")
		w.WriteHeader(200)
		for r.Context().Err() == nil {
			if _, err := w.Write([]byte{0}); err != nil {
				return
			}
			http.NewResponseController(w).Flush()
			time.Sleep(20 * time.Millisecond)
		}
	}, nil, 300 * time.Millisecond, func(err error) bool { return errors.Is(err, context.DeadlineExceeded) }},
	{"connection refused", nil, nil, 5 * time.Second, func(err error) bool { return err != nil }},
}

func TestFaults(t *testing.T) {
	for _, tc := range faults {
		t.Run(tc.name, func(t *testing.T) {
			fn := tc.fn
			srv, c := hostile(t, func(w http.ResponseWriter, r *http.Request) { fn(w, r) }, tc.opts...)
			if fn == nil {
				srv.Close()
			}
			start := time.Now()
			resp, err := c.Do(ctxT(t, tc.ctx), "Sync", nil)
			took := time.Since(start)
			if !tc.want(err) {
				t.Fatalf("err %v (response %v)", err, resp != nil)
			}
			var oe *OpError
			if !errors.As(err, &oe) || oe.Op != "Sync" {
				t.Errorf("err %v is not an *OpError for Sync", err)
			}
			if took > tc.ctx+2*time.Second {
				t.Errorf("took %v with a deadline of %v", took, tc.ctx)
			}
			checkNoSecrets(t, err)
		})
	}
}

// checkNoSecrets fails when err's text holds a password or credentials.
func checkNoSecrets(t *testing.T, err error) {
	t.Helper()
	if err == nil {
		return
	}
	msg := err.Error()
	for _, secret := range []string{"hunter2", "s3cr3t", "Authorization", "Basic ",
		base64.StdEncoding.EncodeToString([]byte("bob:hunter2pw")), base64.StdEncoding.EncodeToString([]byte("eve:s3cr3t-pw"))} {
		if strings.Contains(msg, secret) {
			t.Errorf("error %q shows %q", msg, secret)
		}
	}
}

// TestNoSecretsInErrors runs error paths with a password in the URL's user
// information and in Basic credentials, and reads every error message.
func TestNoSecretsInErrors(t *testing.T) {
	ts := newTestServer(t, version.V14_1)
	status := 401
	loc := ""
	ts.before = func(w http.ResponseWriter, r *http.Request) bool {
		if loc != "" {
			WriteRedirect(w, loc)
			return true
		}
		WriteStatus(w, status)
		return true
	}
	withUserInfo := strings.Replace(ts.url(), "http://", "http://eve:s3cr3t-pw@", 1)
	var errs []error
	for _, u := range []string{withUserInfo, ts.url()} {
		for _, code := range []int{401, 403, 500, 503, 507} {
			status = code
			c, err := NewClient(u, WithBasicAuth("bob", "hunter2pw"))
			if err != nil {
				t.Fatal(err)
			}
			_, err = c.Do(ctxT(t, 5*time.Second), "Sync", nil)
			errs = append(errs, err)
			_, err = c.Provision(ctxT(t, 5*time.Second))
			errs = append(errs, err)
			c.CloseIdleConnections()
		}
		loc = "http://mallory:s3cr3t-pw@127.0.0.1:1/x?y=hunter2" // a redirect to nowhere
		c, _ := NewClient(u, WithBasicAuth("bob", "hunter2pw"), WithNegotiator(version.Negotiator{Current: version.V14_1, Checked: time.Now()}))
		_, err := c.Do(ctxT(t, 5*time.Second), "Sync", nil)
		errs = append(errs, err)
		loc = ""
		c.CloseIdleConnections()
	}
	for _, u := range []string{"http://eve:s3cr3t-pw@127.0.0.1:1/", "http://eve:s3cr3t-pw@bad host/", "http://eve:s3cr3t-pw@127.0.0.1:99999/"} {
		c, err := NewClient(u)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		_, err = c.Do(ctxT(t, 5*time.Second), "FolderSync", nil)
		errs = append(errs, err)
	}
	for i, err := range errs {
		if err == nil {
			t.Errorf("error path %d gave no error", i)
		}
		checkNoSecrets(t, err)
	}
}

// TestNoGoroutineLeak runs the faults and a normal conversation, and checks
// that no goroutine outlives them.
func TestNoGoroutineLeak(t *testing.T) {
	before := runtime.NumGoroutine()
	func() {
		t.Run("faults", TestFaults)
		t.Run("conversation", TestProvisionRetry)
		t.Run("redirects", TestRedirect451)
	}()
	var now int
	for range 100 {
		http.DefaultClient.CloseIdleConnections()
		now = runtime.NumGoroutine()
		if now <= before {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	buf := make([]byte, 1<<20)
	buf = buf[:runtime.Stack(buf, true)]
	t.Errorf("%d goroutines before, %d after:\n%s", before, now, buf)
}

// TestFaultMessages: the errors of the faults name the step and the URL,
// and say "eashttp:" once.
func TestFaultMessages(t *testing.T) {
	for _, tc := range faults[:len(faults)-1] {
		fn := tc.fn
		srv, c := hostile(t, func(w http.ResponseWriter, r *http.Request) { fn(w, r) }, tc.opts...)
		_, err := c.Do(ctxT(t, tc.ctx), "Sync", nil)
		msg := err.Error()
		prefix := "eashttp: Sync " + srv.URL + "/Microsoft-Server-ActiveSync: "
		if !strings.HasPrefix(msg, prefix) || strings.Count(msg, "eashttp:") != 1 {
			t.Errorf("%s: %q, want one prefix %q", tc.name, msg, prefix)
		}
	}
}
