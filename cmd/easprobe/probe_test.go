package main

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"flag"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/eas"
	"github.com/easkit/easkit/eashttp"
	"github.com/easkit/easkit/version"
)

var update = flag.Bool("update", false, "rewrite testdata/allpass.golden")

// mask replaces what changes from run to run: ports, durations, days.
func mask(s string) string {
	s = regexp.MustCompile(`127\.0\.0\.1:\d+`).ReplaceAllString(s, "127.0.0.1:PORT")
	s = regexp.MustCompile(`(?m)^([✓✗-] .{12} ) *\d+ms  `).ReplaceAllString(s, "${1}   Nms  ")
	s = regexp.MustCompile(`\(\d+ days\)`).ReplaceAllString(s, "(N days)")
	return s
}

// TestAllPass: every step passes against the test server; the output is
// the golden file's, timings masked.
func TestAllPass(t *testing.T) {
	f := newFake(t, true, true)
	r := probe(t, "-u", testUser, "-heartbeat", "1s", f.url())
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("exit %d, stderr %q\n%s", r.code, r.stderr, r.stdout)
	}
	got := mask(r.stdout)
	golden := filepath.Join("testdata", "allpass.golden")
	if *update {
		os.MkdirAll("testdata", 0o755)
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("output (masked):\n%s\nwant:\n%s", got, want)
	}
	if f.syncWrites != 0 {
		t.Errorf("%d Sync requests sent changes", f.syncWrites)
	}
}

// failureCase is one way for a probe to go wrong.
type failureCase struct {
	name  string
	setup func(t *testing.T, f *fakeServer) (url string)
	args  []string
	env   map[string]string
	exit  int
	want  []string // lines (or parts of lines) the output must hold, in order
}

func TestFailureModes(t *testing.T) {
	for _, c := range []failureCase{
		{
			name: "no common version",
			setup: func(t *testing.T, f *fakeServer) string {
				f.h.Versions = []version.Version{version.V2_5}
				return f.url()
			},
			exit: 1,
			want: []string{"✓ OPTIONS", "versions 2.5;",
				"✗ Version", "Could not negotiate an appropriate Airsync version with server: ",
				"    check: the server offers 2.5; easprobe speaks 12.0,12.1,14.0,14.1,16.0,16.1",
				"- Provision", "skipped: Version failed", "- Ping", "failed: Version (4 passed, 4 skipped)"},
		},
		{
			name: "401",
			env:  map[string]string{"EASPROBE_PASSWORD": "wrong"},
			exit: 1,
			want: []string{"✗ OPTIONS", "HTTP 401 Unauthorized", "    check: check the user name and password", "- Version", "- Ping"},
		},
		{
			name: "449 loop",
			setup: func(t *testing.T, f *fakeServer) string {
				f.always449 = true
				return f.url()
			},
			exit: 1,
			want: []string{"✓ Provision", "✗ FolderSync", "HTTP 449", "    check: the server asked for provisioning again after a successful Provision", "- Sync"},
		},
		{
			name: "451 redirect",
			setup: func(t *testing.T, f *fakeServer) string {
				other := newFake(t, true, false) // the same httptest certificate
				f.before = func(w http.ResponseWriter, r *http.Request) bool {
					eashttp.WriteRedirect(w, other.url())
					return true
				}
				return f.url()
			},
			exit: 0,
			want: []string{"✓ OPTIONS", "    ! HTTP 451 Redirect: the mailbox is served at https://127.0.0.1:", "✓ Ping", "passed: 9 of 9 steps"},
		},
		{
			name: "451 loop",
			setup: func(t *testing.T, f *fakeServer) string {
				f.before = func(w http.ResponseWriter, r *http.Request) bool {
					eashttp.WriteRedirect(w, f.url())
					return true
				}
				return f.url()
			},
			exit: 1,
			want: []string{"✗ OPTIONS", "HTTP 451 Redirect", "    check: stopped after 5 redirects; run Autodiscover"},
		},
		{
			name: "503",
			setup: func(t *testing.T, f *fakeServer) string {
				f.before = func(w http.ResponseWriter, r *http.Request) bool {
					eashttp.WriteRetryAfter(w, 2*time.Minute)
					return true
				}
				return f.url()
			},
			exit: 1,
			want: []string{"✗ OPTIONS", "HTTP 503 Service Unavailable (Retry-After 2m0s)", "    check: the server is busy; retry after the Retry-After delay"},
		},
		{
			name: "OPTIONS stripped",
			setup: func(t *testing.T, f *fakeServer) string {
				f.before = func(w http.ResponseWriter, r *http.Request) bool {
					if r.Method == http.MethodOptions {
						w.WriteHeader(200)
						return true
					}
					return false
				}
				return f.url()
			},
			exit: 0,
			want: []string{"✓ OPTIONS", "no MS-ASProtocolVersions header", "    ! OPTIONS lists no versions",
				"✓ Version", "16.1, found with FolderSync (OPTIONS listed no versions)", "✓ Ping", "passed: 9 of 9 steps"},
		},
		{
			name: "OPTIONS refused",
			setup: func(t *testing.T, f *fakeServer) string {
				f.before = func(w http.ResponseWriter, r *http.Request) bool {
					if r.Method == http.MethodOptions {
						w.WriteHeader(405)
						return true
					}
					return false
				}
				return f.url()
			},
			exit: 0,
			want: []string{"✓ OPTIONS", "HTTP 405 Method Not Allowed", "✓ Version", "found with FolderSync", "passed: 9 of 9 steps"},
		},
		{
			name: "Ping times out",
			setup: func(t *testing.T, f *fakeServer) string {
				f.pingDelay = 20 * time.Second
				hooks.pingSlack = 300 * time.Millisecond
				t.Cleanup(func() { hooks.pingSlack = 0 })
				return f.url()
			},
			exit: 1,
			want: []string{"✓ Sync", "✗ Ping", "no answer within the heartbeat of 1s and 300ms more", "    check: the server held the Ping past its heartbeat", "failed: Ping (8 passed, 0 skipped)"},
		},
		{
			name: "DNS",
			setup: func(t *testing.T, f *fakeServer) string {
				hooks.lookupHost = func(ctx context.Context, host string) ([]string, error) {
					return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
				}
				t.Cleanup(func() { hooks.lookupHost = nil })
				return "https://mail.example.invalid/Microsoft-Server-ActiveSync"
			},
			exit: 1,
			want: []string{"✗ DNS", "mail.example.invalid: no such host", "    check: check the host name", "- TCP", "- Ping", "failed: DNS (0 passed, 8 skipped)"},
		},
		{
			name:  "TCP",
			setup: func(t *testing.T, f *fakeServer) string { return "https://127.0.0.1:1/Microsoft-Server-ActiveSync" },
			exit:  1,
			want:  []string{"✓ DNS", "✗ TCP", "connection refused", "    check: check that the server listens on port 1", "- TLS"},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := newFake(t, true, true)
			u := f.url()
			if c.setup != nil {
				u = c.setup(t, f)
			}
			env := c.env
			if env == nil {
				env = map[string]string{"EASPROBE_PASSWORD": testPassword}
			}
			args := append([]string{"-u", testUser, "-heartbeat", "1s", "-timeout", "10s"}, c.args...)
			r := probeEnv(t, env, "", append(args, u)...)
			if r.code != c.exit {
				t.Errorf("exit %d, want %d", r.code, c.exit)
			}
			checkOrder(t, r.stdout, c.want)
		})
	}
}

// checkOrder checks that out holds each of want, in order.
func checkOrder(t *testing.T, out string, want []string) {
	t.Helper()
	rest := out
	for _, w := range want {
		i := strings.Index(rest, w)
		if i < 0 {
			t.Errorf("output lacks %q (in order):\n%s", w, out)
			return
		}
		rest = rest[i+len(w):]
	}
}

// TestHTTP: an http:// URL works, TLS is not applicable, with a warning.
func TestHTTP(t *testing.T) {
	f := newFake(t, false, false)
	r := probe(t, "-u", testUser, "-heartbeat", "1s", f.url())
	if r.code != 0 {
		t.Fatalf("exit %d\n%s", r.code, r.stdout)
	}
	checkOrder(t, r.stdout, []string{"- TLS", "not used: http:// URL", "    ! http:// sends the password in clear text", "✓ OPTIONS", "passed: 8 of 9 steps (1 not applicable)"})
}

// TestUntrustedCertificate: the httptest certificate is not trusted; the
// probe stops at TLS, and goes on with -insecure, with a warning.
func TestUntrustedCertificate(t *testing.T) {
	f := newFake(t, true, false)
	r := probe(t, "-u", testUser, "-heartbeat", "1s", f.url())
	if r.code != 1 {
		t.Errorf("exit %d", r.code)
	}
	checkOrder(t, r.stdout, []string{"✗ TLS", "certificate not trusted: certificate signed by unknown authority", "    check: the certificate must name 127.0.0.1", "- OPTIONS"})

	r = probe(t, "-u", testUser, "-heartbeat", "1s", "-insecure", f.url())
	if r.code != 0 {
		t.Errorf("-insecure: exit %d\n%s", r.code, r.stdout)
	}
	checkOrder(t, r.stdout, []string{"✓ TLS", "chain not verified", "    ! certificate not trusted (certificate signed by unknown authority); going on because of -insecure", "✓ Ping"})
}

// TestExpiringCertificate: a trusted certificate that expires in 10 days
// passes with a warning.
func TestExpiringCertificate(t *testing.T) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(7),
		Subject:               pkix.Name{CommonName: "mail.example.com", Organization: []string{"Example"}},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(10*24*time.Hour + time.Hour),
		IPAddresses:           []net.IP{net.IPv4(127, 0, 0, 1)},
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		IsCA:                  true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, _ := x509.ParseCertificate(der)
	f := newFake(t, false, false)
	f.srv.Close()
	srv := httptest.NewUnstartedServer(f.srv.Config.Handler)
	srv.TLS = &tls.Config{Certificates: []tls.Certificate{{Certificate: [][]byte{der}, PrivateKey: key}}}
	srv.Config.ErrorLog = f.srv.Config.ErrorLog
	srv.StartTLS()
	defer srv.Close()
	pool := x509.NewCertPool()
	pool.AddCert(cert)
	hooks.roots = pool
	defer func() { hooks.roots = nil }()
	r := probe(t, "-u", testUser, "-heartbeat", "1s", srv.URL+"/Microsoft-Server-ActiveSync")
	if r.code != 0 {
		t.Errorf("exit %d\n%s", r.code, r.stdout)
	}
	checkOrder(t, r.stdout, []string{"✓ TLS", `certificate "mail.example.com" issued by "mail.example.com"`, "(10 days); chain verified", "    ! the certificate expires in 10 days: renew it", "✓ Ping"})
}

// TestCommandStatuses: the statuses of Ping (1 and 2 pass; 5, the server
// wanting another heartbeat, passes with a warning; others fail), and
// failures in the FolderSync and Sync bodies.
func TestCommandStatuses(t *testing.T) {
	ping := func(st int64) eashttp.CommandFunc {
		return func(*eashttp.Request) ([]byte, error) {
			var b eas.Builder
			b.Start(codepages.PingPing)
			b.Int(codepages.PingStatus, st)
			if st == 5 {
				b.Int(codepages.PingHeartbeatInterval, 60)
			}
			return b.Finish()
		}
	}
	status := func(root, tag codepages.Tag, st int64) eashttp.CommandFunc {
		return func(*eashttp.Request) ([]byte, error) {
			var b eas.Builder
			b.Start(root)
			b.Int(tag, st)
			return b.Finish()
		}
	}
	for _, c := range []struct {
		cmd  string
		fn   eashttp.CommandFunc
		exit int
		want []string
	}{
		{"Ping", ping(2), 0, []string{"✓ Ping", "Status 2: changes in the Inbox"}},
		{"Ping", ping(5), 0, []string{"✓ Ping", "Status 5: the server refuses a heartbeat of 10s and wants 60s", "    ! the long poll was not tried; run with -heartbeat 60s"}},
		{"Ping", ping(7), 1, []string{"✗ Ping", "status 7 in the Ping response", "    check: the folder hierarchy changed"}},
		{"Ping", ping(8), 1, []string{"✗ Ping", "status 8 in the Ping response"}},
		{"FolderSync", status(codepages.FolderHierarchyFolderSync, codepages.FolderHierarchyStatus, 9), 1,
			[]string{"✗ FolderSync", "FolderSync Status 9", "    check: the server lost the folder hierarchy state", "- Sync"}},
		{"Sync", status(codepages.AirSyncSync, codepages.AirSyncStatus, 3), 1, []string{"✗ Sync", "SyncKey 0: status 3 in the Sync response", "- Ping"}},
	} {
		t.Run(c.cmd, func(t *testing.T) {
			f := newFake(t, true, true)
			f.h.Commands[c.cmd] = f.guard(c.fn)
			r := probe(t, "-u", testUser, f.url())
			if r.code != c.exit {
				t.Errorf("exit %d, want %d", r.code, c.exit)
			}
			checkOrder(t, r.stdout, c.want)
		})
	}
}

// TestProvisionFails: a Provision failure stops at Provision.
func TestProvisionFails(t *testing.T) {
	f := newFake(t, true, true)
	f.h.Commands["Provision"] = func(*eashttp.Request) ([]byte, error) { return nil, errors.New("boom") }
	r := probe(t, "-u", testUser, f.url())
	if r.code != 1 {
		t.Errorf("exit %d", r.code)
	}
	checkOrder(t, r.stdout, []string{"✓ Version", "✗ Provision", "HTTP 500 Internal Server Error", "- FolderSync"})
}
