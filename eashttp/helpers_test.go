package eashttp

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/eas"
	"github.com/easkit/easkit/version"
)

// seen is one request as the test server received it.
type seen struct {
	Method   string
	RawQuery string
	Header   http.Header
}

// testServer is an ActiveSync server built with Handler, with hooks for the
// status paths.
type testServer struct {
	t   *testing.T
	srv *httptest.Server
	h   *Handler

	mu   sync.Mutex
	log  []seen
	reqs []*Request // the requests the command funcs saw
	// before, when set, may answer a request itself (returning true).
	before func(w http.ResponseWriter, r *http.Request) bool
	// needKey, when set, is the policy key that commands other than
	// Provision need; without it they get 449 (or, with status142, a
	// WBXML Status 142).
	needKey   string
	status142 bool
	// alwaysNeed makes every command ask for provisioning.
	alwaysNeed bool
}

// newTestServer starts a server offering versions (nil: DefaultVersions).
func newTestServer(t *testing.T, versions ...version.Version) *testServer {
	ts := &testServer{t: t}
	ts.h = &Handler{Versions: versions, Server: "15.20", Commands: map[string]CommandFunc{
		"Provision":  ts.provision,
		"FolderSync": ts.guard(folderSyncReply),
		"Sync":       ts.guard(func(*Request) ([]byte, error) { return syncReply(1) }),
		"SendMail":   ts.guard(func(*Request) ([]byte, error) { return nil, nil }),
		"Ping":       ts.guard(func(*Request) ([]byte, error) { return nil, nil }),
	}}
	ts.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ts.mu.Lock()
		ts.log = append(ts.log, seen{r.Method, r.URL.RawQuery, r.Header.Clone()})
		before := ts.before
		ts.mu.Unlock()
		if before != nil && before(w, r) {
			return
		}
		ts.h.ServeHTTP(w, r)
	}))
	t.Cleanup(ts.srv.Close)
	return ts
}

// url is the server's ActiveSync URL.
func (ts *testServer) url() string { return ts.srv.URL + "/Microsoft-Server-ActiveSync" }

// client returns a client of ts with Basic credentials and opts.
func (ts *testServer) client(opts ...Option) *Client {
	ts.t.Helper()
	opts = append([]Option{WithBasicAuth("alice", "pw"), WithDevice("dev1", "Phone")}, opts...)
	c, err := NewClient(ts.url(), opts...)
	if err != nil {
		ts.t.Fatal(err)
	}
	ts.t.Cleanup(c.CloseIdleConnections)
	return c
}

// seen returns a copy of the request log.
func (ts *testServer) seen() []seen {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	return append([]seen(nil), ts.log...)
}

// requests returns the requests the command funcs saw.
func (ts *testServer) requests() []*Request {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	return append([]*Request(nil), ts.reqs...)
}

// methods sums the log up: "OPTIONS", "FolderSync@14.1", ….
func (ts *testServer) methods() []string {
	var out []string
	for _, s := range ts.seen() {
		if s.Method == http.MethodOptions {
			out = append(out, "OPTIONS")
			continue
		}
		r, _ := http.NewRequest(s.Method, "/?"+s.RawQuery, nil)
		r.Header = s.Header
		req, err := ParseRequest(r, 0)
		if err != nil {
			out = append(out, "bad:"+err.Error())
			continue
		}
		out = append(out, req.Cmd+"@"+req.Version.String())
	}
	return out
}

// record keeps req.
func (ts *testServer) record(req *Request) {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	ts.reqs = append(ts.reqs, req)
}

// guard records req and asks for provisioning when the key is wrong.
func (ts *testServer) guard(fn CommandFunc) CommandFunc {
	return func(req *Request) ([]byte, error) {
		ts.record(req)
		ts.mu.Lock()
		need := ts.alwaysNeed || (ts.needKey != "" && req.PolicyKey != ts.needKey)
		s142 := ts.status142
		ts.mu.Unlock()
		if need {
			if s142 {
				return statusReply(req.Cmd, 142)
			}
			return nil, &StatusError{Code: 449}
		}
		return fn(req)
	}
}

// provision answers both phases: temporary key 1111, final key 2222.
func (ts *testServer) provision(req *Request) ([]byte, error) {
	ts.record(req)
	var b eas.Builder
	b.Start(codepages.ProvisionProvision)
	b.Int(codepages.ProvisionStatus, 1)
	b.Start(codepages.ProvisionPolicies)
	b.Start(codepages.ProvisionPolicy)
	b.Text(codepages.ProvisionPolicyType, PolicyTypeWBXML)
	b.Int(codepages.ProvisionStatus, 1)
	if ack := req.Message.Find(codepages.ProvisionPolicies, codepages.ProvisionPolicy, codepages.ProvisionPolicyKey); ack != nil {
		if ack.Text() != "1111" || req.PolicyKey != "1111" {
			return nil, fmt.Errorf("acknowledged %q with key %q", ack.Text(), req.PolicyKey)
		}
		b.Text(codepages.ProvisionPolicyKey, "2222")
		return b.Finish()
	}
	b.Text(codepages.ProvisionPolicyKey, "1111")
	b.Start(codepages.ProvisionData)
	b.Start(codepages.ProvisionEASProvisionDoc)
	b.Int(codepages.ProvisionDevicePasswordEnabled, 1)
	b.Int(codepages.ProvisionMinDevicePasswordLength, 4)
	b.Start(codepages.ProvisionApprovedApplicationList)
	b.Text(codepages.ProvisionHash, "AA")
	b.Text(codepages.ProvisionHash, "BB")
	return b.Finish()
}

// folderSyncReply answers FolderSync with one folder.
func folderSyncReply(*Request) ([]byte, error) {
	var b eas.Builder
	b.Start(codepages.FolderHierarchyFolderSync)
	b.Int(codepages.FolderHierarchyStatus, 1)
	b.Text(codepages.FolderHierarchySyncKey, "1")
	b.Start(codepages.FolderHierarchyChanges)
	b.Int(codepages.FolderHierarchyCount, 1)
	b.Start(codepages.FolderHierarchyAdd)
	b.Text(codepages.FolderHierarchyServerId, "5")
	b.Text(codepages.FolderHierarchyParentId, "0")
	b.Text(codepages.FolderHierarchyDisplayName, "Inbox")
	b.Int(codepages.FolderHierarchyType, 2)
	return b.Finish()
}

// syncReply answers Sync with a top-level Status.
func syncReply(status int64) ([]byte, error) {
	var b eas.Builder
	b.Start(codepages.AirSyncSync)
	b.Int(codepages.AirSyncStatus, status)
	return b.Finish()
}

// statusReply is a body whose root is cmd's and holds only Status st.
func statusReply(cmd string, st int64) ([]byte, error) {
	var b eas.Builder
	switch cmd {
	case "FolderSync":
		b.Start(codepages.FolderHierarchyFolderSync)
		b.Int(codepages.FolderHierarchyStatus, st)
	default:
		b.Start(codepages.AirSyncSync)
		b.Int(codepages.AirSyncStatus, st)
	}
	return b.Finish()
}

// folderSync0 is a FolderSync request with SyncKey 0.
func folderSync0(t *testing.T) []byte {
	t.Helper()
	var b eas.Builder
	b.Start(codepages.FolderHierarchyFolderSync)
	b.Text(codepages.FolderHierarchySyncKey, "0")
	msg, err := b.Finish()
	if err != nil {
		t.Fatal(err)
	}
	return msg
}

// ctxT returns a context that ends with the test or after d.
func ctxT(t *testing.T, d time.Duration) context.Context {
	ctx, cancel := context.WithTimeout(t.Context(), d)
	t.Cleanup(cancel)
	return ctx
}

// fakeClock is a settable clock.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func (f *fakeClock) Now() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.now
}

func (f *fakeClock) Advance(d time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.now = f.now.Add(d)
}

// joined joins a list for comparisons.
func joined(s []string) string { return strings.Join(s, " ") }

// provisionStatus is a Provision response with Status st.
func provisionStatus(st int64) ([]byte, error) {
	var b eas.Builder
	b.Start(codepages.ProvisionProvision)
	b.Int(codepages.ProvisionStatus, st)
	return b.Finish()
}

// httptestTLS starts a TLS server running fn.
func httptestTLS(t *testing.T, fn http.HandlerFunc) *httptest.Server {
	srv := httptest.NewTLSServer(fn)
	t.Cleanup(srv.Close)
	return srv
}

// folderAdd is the path to a FolderSync response's Add elements.
var folderAdd = []codepages.Tag{codepages.FolderHierarchyChanges, codepages.FolderHierarchyAdd}

// folderSyncBuilder holds a FolderSync request with SyncKey 0.
func folderSyncBuilder() *eas.Builder {
	b := new(eas.Builder)
	b.Start(codepages.FolderHierarchyFolderSync)
	b.Text(codepages.FolderHierarchySyncKey, "0")
	return b
}

// pingBuilder holds a Ping request.
func pingBuilder() *eas.Builder {
	b := new(eas.Builder)
	b.Start(codepages.PingPing)
	b.Int(codepages.PingHeartbeatInterval, 60)
	return b
}
