package eashttp

import (
	"bytes"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/easkit/easkit/version"
)

// TestTrace: every exchange of a call that negotiates, is answered 449,
// provisions and retries reaches the hook, in order, with the step label,
// the client's op, both bodies, and the credentials redacted.
func TestTrace(t *testing.T) {
	ts := newTestServer(t, version.V14_0, version.V14_1)
	ts.needKey = "2222"
	var (
		mu  sync.Mutex
		got []*Exchange
	)
	c := ts.client(WithTrace(func(e *Exchange) {
		mu.Lock()
		defer mu.Unlock()
		got = append(got, e)
	}))
	ctx := WithStep(ctxT(t, 10*time.Second), "probe")
	resp, err := c.Do(ctx, "FolderSync", folderSync0(t))
	if err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	var ops []string
	for _, e := range got {
		ops = append(ops, e.Op+":"+e.Method+":"+strconv.Itoa(e.StatusCode))
		if e.Step != "probe" {
			t.Errorf("%s: step %q", e.Op, e.Step)
		}
		if a := e.RequestHeader.Get("Authorization"); a != "Basic (redacted)" {
			t.Errorf("%s: Authorization %q", e.Op, a)
		}
		if strings.Contains(e.URL, "pw") || e.Duration <= 0 || e.Start.IsZero() || e.Err != nil {
			t.Errorf("%s: %+v", e.Op, e)
		}
	}
	want := "OPTIONS:OPTIONS:200 FolderSync:POST:449 Provision:POST:200 Provision:POST:200 FolderSync:POST:200"
	if j := strings.Join(ops, " "); j != want {
		t.Fatalf("exchanges %s, want %s", j, want)
	}
	last := got[4]
	if !bytes.Equal(last.ResponseBody, resp.Body) || !bytes.Equal(last.RequestBody, folderSync0(t)) || last.StatusCode != 200 {
		t.Errorf("last exchange bodies differ from the call's")
	}
	if !strings.Contains(last.URL, "Cmd=FolderSync") || last.ResponseHeader.Get("Content-Type") != MediaTypeWBXML {
		t.Errorf("last exchange %s %v", last.URL, last.ResponseHeader)
	}
	// The caller's header is not changed by the redaction.
	if h := ts.seen()[4].Header.Get("Authorization"); !strings.HasPrefix(h, "Basic ") || h == "Basic (redacted)" {
		t.Errorf("the server saw Authorization %q", h)
	}
}

// TestTraceTransportError: a request that never gets an answer is reported
// with its error and no status.
func TestTraceTransportError(t *testing.T) {
	var got []*Exchange
	c, err := NewClient("http://127.0.0.1:1/Microsoft-Server-ActiveSync", WithTrace(func(e *Exchange) { got = append(got, e) }))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Options(ctxT(t, 5*time.Second)); err == nil {
		t.Fatal("no error")
	}
	if len(got) != 1 || got[0].Err == nil || got[0].StatusCode != 0 || got[0].Op != "OPTIONS" {
		t.Errorf("%+v", got)
	}
}

// TestRedactHeader keeps the scheme and hides the rest.
func TestRedactHeader(t *testing.T) {
	h := http.Header{"Authorization": {"Basic YWxpY2U6cHc=", "token"}, "Cookie": {"a=b"}, "X": {"y"}}
	r := RedactHeader(h)
	if r.Values("Authorization")[0] != "Basic (redacted)" || r.Values("Authorization")[1] != "(redacted)" || r.Get("Cookie") != "(redacted)" || r.Get("X") != "y" {
		t.Errorf("%v", r)
	}
	if h.Get("Authorization") != "Basic YWxpY2U6cHc=" {
		t.Error("the original changed")
	}
}

// TestProbeProvisions: when OPTIONS lists no versions and the server asks
// for provisioning, the FolderSync probe provisions (without starting the
// version check over, which recursed until the context ended) and the
// command goes through.
func TestProbeProvisions(t *testing.T) {
	ts := newTestServer(t, version.V14_0, version.V14_1)
	ts.needKey = "2222"
	ts.before = func(w http.ResponseWriter, r *http.Request) bool {
		if r.Method == http.MethodOptions {
			w.WriteHeader(200) // a proxy stripped the headers
			return true
		}
		return false
	}
	c := ts.client()
	resp, err := c.Do(ctxT(t, 5*time.Second), "Sync", nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := joined(ts.methods()); got != "OPTIONS FolderSync@16.1 FolderSync@16.0 FolderSync@14.1 Provision@14.1 Provision@14.1 FolderSync@14.1 Sync@14.1" {
		t.Errorf("requests %s", got)
	}
	if c.Version() != version.V14_1 || c.PolicyKey() != "2222" || !resp.ResyncAdvised {
		t.Errorf("version %s, key %q, resync %v", c.Version(), c.PolicyKey(), resp.ResyncAdvised)
	}
}
