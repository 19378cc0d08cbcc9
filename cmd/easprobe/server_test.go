package main

import (
	"bytes"
	"crypto/x509"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/eas"
	"github.com/easkit/easkit/eashttp"
	"github.com/easkit/easkit/version"
)

// The test account.
const (
	testUser     = "alice"
	testPassword = "pa55-w0rd!sekrit"
	testEmail    = "alice@example.com"
)

// fakeServer is an ActiveSync server built with eashttp.Handler, with the
// test account, and knobs for the failure modes.
type fakeServer struct {
	t   *testing.T
	h   *eashttp.Handler
	srv *httptest.Server

	mu sync.Mutex
	// before, when set, may answer a request itself.
	before func(w http.ResponseWriter, r *http.Request) bool
	// pingDelay holds Ping requests that long (until the client leaves).
	pingDelay time.Duration
	// always449 answers every command but Provision with 449.
	always449 bool
	// syncWrites counts Sync requests that carried Commands.
	syncWrites int
	cmds       []string
}

func (f *fakeServer) url() string { return f.srv.URL + "/Microsoft-Server-ActiveSync" }

// newFake starts a server; tlsOn starts it with httptest's TLS
// certificate, trusted through hooks.roots when trust is set.
func newFake(t *testing.T, tlsOn, trust bool) *fakeServer {
	f := &fakeServer{t: t}
	f.h = &eashttp.Handler{
		Versions: []version.Version{version.V12_1, version.V14_0, version.V14_1, version.V16_0, version.V16_1},
		Server:   "15.20",
		Commands: map[string]eashttp.CommandFunc{
			"Provision":  f.provision,
			"FolderSync": f.guard(f.folderSync),
			"Sync":       f.guard(f.sync),
			"Ping":       f.guard(f.ping),
		},
	}
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		user, pw, ok := r.BasicAuth()
		if !ok || (user != testUser && user != testEmail) || pw != testPassword {
			w.Header().Set("WWW-Authenticate", `Basic realm="test"`)
			w.WriteHeader(401)
			return
		}
		f.mu.Lock()
		before := f.before
		f.mu.Unlock()
		if before != nil && before(w, r) {
			return
		}
		f.h.ServeHTTP(w, r)
	})
	f.srv = httptest.NewUnstartedServer(handler)
	f.srv.Config.ErrorLog = log.New(io.Discard, "", 0) // the TCP step's bare connections
	if tlsOn {
		f.srv.StartTLS()
		if trust {
			pool := x509.NewCertPool()
			pool.AddCert(f.srv.Certificate())
			hooks.roots = pool
			t.Cleanup(func() { hooks.roots = nil })
		}
	} else {
		f.srv.Start()
	}
	t.Cleanup(f.srv.Close)
	return f
}

// guard asks for provisioning until the final key is sent.
func (f *fakeServer) guard(fn eashttp.CommandFunc) eashttp.CommandFunc {
	return func(r *eashttp.Request) ([]byte, error) {
		f.mu.Lock()
		f.cmds = append(f.cmds, r.Cmd)
		need := f.always449
		f.mu.Unlock()
		if need || r.PolicyKey != "3942919513" {
			return nil, &eashttp.StatusError{Code: 449}
		}
		return fn(r)
	}
}

func (f *fakeServer) provision(r *eashttp.Request) ([]byte, error) {
	key := "1307199584"
	if r.Message.Find(codepages.ProvisionPolicies, codepages.ProvisionPolicy, codepages.ProvisionPolicyKey) != nil {
		key = "3942919513"
	}
	var b eas.Builder
	b.Start(codepages.ProvisionProvision)
	b.Int(codepages.ProvisionStatus, 1)
	b.Start(codepages.ProvisionPolicies)
	b.Start(codepages.ProvisionPolicy)
	b.Text(codepages.ProvisionPolicyType, eashttp.PolicyTypeWBXML)
	b.Int(codepages.ProvisionStatus, 1)
	b.Text(codepages.ProvisionPolicyKey, key)
	if key == "1307199584" {
		b.Start(codepages.ProvisionData)
		b.Start(codepages.ProvisionEASProvisionDoc)
		b.Int(codepages.ProvisionDevicePasswordEnabled, 1)
		b.Int(codepages.ProvisionMinDevicePasswordLength, 6)
		b.Int(codepages.ProvisionMaxInactivityTimeDeviceLock, 900)
		b.Int(codepages.ProvisionRequireDeviceEncryption, 0)
		b.Int(codepages.ProvisionAllowCamera, 1)
	}
	return b.Finish()
}

func (f *fakeServer) folderSync(r *eashttp.Request) ([]byte, error) {
	var b eas.Builder
	b.Start(codepages.FolderHierarchyFolderSync)
	b.Int(codepages.FolderHierarchyStatus, 1)
	b.Text(codepages.FolderHierarchySyncKey, "1")
	b.Start(codepages.FolderHierarchyChanges)
	folders := []struct {
		id, name string
		typ      int64
	}{{"1", "Calendar", 8}, {"2", "Contacts", 9}, {"5", "Inbox", 2}, {"6", "Sent Items", 5}, {"7", "Deleted Items", 4}}
	b.Int(codepages.FolderHierarchyCount, int64(len(folders)))
	for _, fo := range folders {
		b.Start(codepages.FolderHierarchyAdd)
		b.Text(codepages.FolderHierarchyServerId, fo.id)
		b.Text(codepages.FolderHierarchyParentId, "0")
		b.Text(codepages.FolderHierarchyDisplayName, fo.name)
		b.Int(codepages.FolderHierarchyType, fo.typ)
		b.End()
	}
	return b.Finish()
}

func (f *fakeServer) sync(r *eashttp.Request) ([]byte, error) {
	col := r.Message.Find(codepages.AirSyncCollections, codepages.AirSyncCollection)
	if col.Child(codepages.AirSyncCommands) != nil {
		f.mu.Lock()
		f.syncWrites++
		f.mu.Unlock()
	}
	if col.Child(codepages.AirSyncCollectionId).Text() != "5" {
		return nil, &eashttp.StatusError{Code: 400}
	}
	var b eas.Builder
	b.Start(codepages.AirSyncSync)
	b.Start(codepages.AirSyncCollections)
	b.Start(codepages.AirSyncCollection)
	if col.Child(codepages.AirSyncSyncKey).Text() == "0" {
		b.Text(codepages.AirSyncSyncKey, "1")
		b.Text(codepages.AirSyncCollectionId, "5")
		b.Int(codepages.AirSyncStatus, 1)
		return b.Finish()
	}
	b.Text(codepages.AirSyncSyncKey, "2")
	b.Text(codepages.AirSyncCollectionId, "5")
	b.Int(codepages.AirSyncStatus, 1)
	b.Empty(codepages.AirSyncMoreAvailable)
	b.Start(codepages.AirSyncCommands)
	b.Start(codepages.AirSyncAdd)
	b.Text(codepages.AirSyncServerId, "5:1")
	b.Start(codepages.AirSyncApplicationData)
	b.Text(codepages.EmailSubject, "Welcome")
	b.Text(codepages.EmailFrom, "postmaster@example.com")
	return b.Finish()
}

func (f *fakeServer) ping(r *eashttp.Request) ([]byte, error) {
	f.mu.Lock()
	d := f.pingDelay
	f.mu.Unlock()
	if d > 0 {
		select {
		case <-r.HTTP.Context().Done():
		case <-time.After(d):
		}
	}
	var b eas.Builder
	b.Start(codepages.PingPing)
	b.Int(codepages.PingStatus, 1)
	return b.Finish()
}

// result is one easprobe run.
type result struct {
	stdout, stderr string
	code           int
}

// probe runs easprobe with the test password in EASPROBE_PASSWORD.
func probe(t *testing.T, args ...string) result {
	t.Helper()
	return probeEnv(t, map[string]string{"EASPROBE_PASSWORD": testPassword}, "", args...)
}

// probeEnv runs easprobe with env and stdin.
func probeEnv(t *testing.T, env map[string]string, stdin string, args ...string) result {
	t.Helper()
	return probeEnvSecret(t, env, stdin, testPassword, args...)
}

// probeEnvSecret runs easprobe and checks that secret appears nowhere in
// its output.
func probeEnvSecret(t *testing.T, env map[string]string, stdin, secret string, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, func(k string) string { return env[k] }, strings.NewReader(stdin), &out, &errOut)
	r := result{out.String(), errOut.String(), code}
	for _, s := range []string{r.stdout, r.stderr} {
		if strings.Contains(s, secret) {
			t.Errorf("the password is in the output of %q:\n%s", args, s)
		}
	}
	return r
}
