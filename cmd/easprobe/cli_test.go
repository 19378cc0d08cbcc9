package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/easkit/easkit/capture"
	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/eas"
	"github.com/easkit/easkit/eashttp"
)

// adDoc is an Autodiscover response pointing at u.
func adDoc(u string) string {
	return `<?xml version="1.0" encoding="utf-8"?>
<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006">
 <Response xmlns="http://schemas.microsoft.com/exchange/autodiscover/mobilesync/responseschema/2006">
  <Culture>en:us</Culture>
  <User><DisplayName>Alice</DisplayName><EMailAddress>alice@example.com</EMailAddress></User>
  <Action><Settings><Server><Type>MobileSync</Type><Url>` + u + `</Url><Name>` + u + `</Name></Server></Settings></Action>
 </Response>
</Autodiscover>`
}

// adFake is an Autodiscover server (TLS, httptest's certificate) that
// answers the test account with the URL of f.
func adFake(t *testing.T, f *fakeServer) *httptest.Server {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		user, pw, ok := r.BasicAuth()
		body, _ := io.ReadAll(r.Body)
		if !ok || user != testEmail || pw != testPassword || !strings.Contains(string(body), "<EMailAddress>"+testEmail+"</EMailAddress>") {
			w.WriteHeader(401)
			return
		}
		w.Header().Set("Content-Type", "text/xml; charset=utf-8")
		io.WriteString(w, adDoc(f.url()))
	}))
	t.Cleanup(srv.Close)
	return srv
}

// TestAutodiscover: the address finds the server through each try in turn.
func TestAutodiscover(t *testing.T) {
	f := newFake(t, true, true)
	ad := adFake(t, f)
	adURL := ad.URL + "/autodiscover/autodiscover.xml"
	dead := "https://127.0.0.1:1/autodiscover/autodiscover.xml"
	redir := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, adURL, http.StatusFound)
	}))
	defer redir.Close()
	host, port, _ := net.SplitHostPort(strings.TrimPrefix(ad.URL, "https://"))
	p, _ := strconv.Atoi(port)
	srv := func(context.Context, string, string, string) (string, []*net.SRV, error) {
		return "", []*net.SRV{{Target: host + ".", Port: uint16(p)}}, nil
	}
	noSRV := func(context.Context, string, string, string) (string, []*net.SRV, error) {
		return "", nil, errors.New("no such host")
	}
	for _, c := range []struct {
		name string
		set  func(o *eashttp.AutodiscoverOptions)
		args []string
		want []string
	}{
		{"first", nil, []string{"-autodiscover", adURL}, []string{"    POST " + adURL + " (given URL): Mobile Sync URL " + f.url()}},
		{"second", func(o *eashttp.AutodiscoverOptions) { o.URLs = []string{dead, adURL} },
			nil, []string{"    POST " + dead + " (given URL): ", "connection refused", "    POST " + adURL + " (given URL): Mobile Sync URL"}},
		{"redirect check", func(o *eashttp.AutodiscoverOptions) {
			o.URLs, o.RedirectURL = []string{dead, dead}, redir.URL+"/autodiscover/autodiscover.xml"
		},
			nil, []string{"(given URL)", "(given URL)", "    GET " + redir.URL + "/autodiscover/autodiscover.xml (HTTP redirect check): 302 to " + adURL, "    POST " + adURL + " (HTTP redirect check): Mobile Sync URL"}},
		{"SRV", func(o *eashttp.AutodiscoverOptions) {
			o.URLs, o.RedirectURL, o.LookupSRV = []string{dead}, "http://127.0.0.1:1/autodiscover/autodiscover.xml", srv
		}, nil, []string{"(given URL)", "(HTTP redirect check)", "    SRV _autodiscover._tcp.example.com (SRV record): points to " + adURL, "    POST " + adURL + " (SRV record): Mobile Sync URL"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			hooks.autodiscover = func(o *eashttp.AutodiscoverOptions) {
				if o.URLs == nil {
					o.URLs = []string{dead, dead}
				}
				o.RedirectURL, o.LookupSRV = "http://127.0.0.1:1/x", noSRV
				if c.set != nil {
					c.set(o)
				}
			}
			defer func() { hooks.autodiscover = nil }()
			r := probe(t, append([]string{"-u", testEmail, "-heartbeat", "1s"}, c.args...)...)
			if r.code != 0 {
				t.Errorf("exit %d", r.code)
			}
			want := append([]string{"easprobe: Autodiscover for alice@example.com, user alice@example.com", "✓ Autodiscover", "Mobile Sync URL " + f.url()}, c.want...)
			checkOrder(t, r.stdout, append(want, "✓ DNS", "✓ Ping", "passed: 10 of 10 steps"))
		})
	}
	// Every try fails: the steps after Autodiscover are skipped.
	hooks.autodiscover = func(o *eashttp.AutodiscoverOptions) {
		o.URLs, o.RedirectURL, o.LookupSRV = []string{dead}, "http://127.0.0.1:1/x", noSRV
	}
	defer func() { hooks.autodiscover = nil }()
	r := probe(t, "-u", testEmail, "-json")
	var rep map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil || r.code != 1 {
		t.Fatalf("exit %d, %v: %s", r.code, err, r.stdout)
	}
	steps := rep["steps"].([]any)
	first := steps[0].(map[string]any)
	if first["name"] != "Autodiscover" || first["ok"] != false || len(first["tries"].([]any)) != 3 || !strings.Contains(first["detail"].(string), "no try found") {
		t.Errorf("Autodiscover step %v", first)
	}
	if last := steps[len(steps)-1].(map[string]any); last["skipped"] != true {
		t.Errorf("Ping step %v", last)
	}
}

// TestJSON: one object with the documented keys, and every step with
// name, ok, skipped, duration_ms, detail, advice, warnings.
func TestJSON(t *testing.T) {
	f := newFake(t, true, true)
	r := probe(t, "-u", testUser, "-heartbeat", "1s", "-json", strings.Replace(f.url(), "https://", "https://alice@", 1))
	if r.code != 0 || r.stderr != "" || strings.Count(r.stdout, "\n") != 1 {
		t.Fatalf("exit %d, stderr %q, stdout %q", r.code, r.stderr, r.stdout)
	}
	var rep map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatal(err)
	}
	if keys := sortedKeys(rep); !slices.Equal(keys, []string{"ok", "steps", "url", "user", "version"}) {
		t.Errorf("keys %v", keys)
	}
	if rep["url"] != f.url() || rep["version"] != "16.1" || rep["ok"] != true || rep["user"] != testUser {
		t.Errorf("report %v", rep)
	}
	var names []string
	for _, s := range rep["steps"].([]any) {
		st := s.(map[string]any)
		names = append(names, st["name"].(string))
		if keys := sortedKeys(st); !slices.Equal(keys, []string{"advice", "detail", "duration_ms", "name", "ok", "skipped", "warnings"}) {
			t.Errorf("step keys %v", keys)
		}
		if _, ok := st["duration_ms"].(float64); !ok || st["ok"] != true || st["skipped"] != false {
			t.Errorf("step %v", st)
		}
	}
	if j := strings.Join(names, " "); j != "DNS TCP TLS OPTIONS Version Provision FolderSync Sync Ping" {
		t.Errorf("steps %s", j)
	}
	// -v with -json: the exchanges go to standard error.
	r = probe(t, "-u", testUser, "-heartbeat", "1s", "-json", "-v", f.url())
	if r.code != 0 || !strings.HasPrefix(r.stdout, "{") || !strings.Contains(r.stderr, "> OPTIONS ") || !strings.Contains(r.stderr, "<FolderSync xmlns=\"FolderHierarchy:\">") {
		t.Errorf("-json -v: stdout %.80q, stderr %.200q", r.stdout, r.stderr)
	}
}

func sortedKeys(m map[string]any) []string {
	var k []string
	for n := range m {
		k = append(k, n)
	}
	slices.Sort(k)
	return k
}

// TestVerbose: -v prints each exchange, credentials redacted, WBXML as XML.
func TestVerbose(t *testing.T) {
	f := newFake(t, true, true)
	r := probe(t, "-u", testUser, "-heartbeat", "1s", "-v", f.url())
	if r.code != 0 {
		t.Fatalf("exit %d", r.code)
	}
	checkOrder(t, r.stdout, []string{
		"> OPTIONS " + f.url() + " HTTP/1.1  [OPTIONS]", "> Authorization: Basic (redacted)", "< HTTP/1.1 200 OK",
		"✓ OPTIONS",
		"> POST " + f.url() + "?Cmd=Provision&User=alice&DeviceId=easprobe0device&DeviceType=easprobe HTTP/1.1  [Provision]",
		"<Provision xmlns=\"Provision:\">", "<PolicyKey>1307199584</PolicyKey>",
		"✓ Provision", "[FolderSync]", "<DisplayName>Inbox</DisplayName>", "✓ FolderSync",
		"<GetChanges/>", "<WindowSize>1</WindowSize>", `<Subject xmlns="Email:">Welcome</Subject>`, "✓ Sync",
		"<HeartbeatInterval>1</HeartbeatInterval>", "✓ Ping",
	})
	if strings.Contains(r.stdout, "YWxpY2U6") { // base64 of "alice:"
		t.Error("the Basic credentials are in the output")
	}
}

// TestHAR: -har saves the session; the capture package (which wbxml2xml
// reads HAR files with) finds every exchange, the FolderSync response
// among them, with credentials redacted.
func TestHAR(t *testing.T) {
	f := newFake(t, true, true)
	path := filepath.Join(t.TempDir(), "probe.har")
	r := probe(t, "-u", testUser, "-heartbeat", "1s", "-har", path, f.url())
	if r.code != 0 {
		t.Fatalf("exit %d\n%s", r.code, r.stdout)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, secret := range []string{testPassword, "YWxpY2U6"} {
		if bytes.Contains(data, []byte(secret)) {
			t.Errorf("the HAR holds %q", secret)
		}
	}
	if !bytes.Contains(data, []byte(`"encoding": "base64"`)) || !bytes.Contains(data, []byte(`"value": "Basic (redacted)"`)) || !bytes.Contains(data, []byte(`"version": "1.2"`)) {
		t.Error("the HAR lacks base64 bodies, the redacted Authorization or its version")
	}
	msgs, err := capture.ReadAll(data)
	if err != nil {
		t.Fatal(err)
	}
	if f := capture.Detect(data); f != capture.FormHAR {
		t.Errorf("detected as %v", f)
	}
	found := false
	var cmds []string
	for _, m := range msgs {
		if m.Kind != capture.KindResponse || m.Request == nil {
			continue
		}
		cmds = append(cmds, m.Request.Method+" "+cmdOf(m.Request.Target))
		if !strings.Contains(m.Request.Target, "Cmd=FolderSync") {
			continue
		}
		root, err := eas.Parse(m.Body)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range root.All(codepages.FolderHierarchyChanges, codepages.FolderHierarchyAdd) {
			if a.Child(codepages.FolderHierarchyDisplayName).Text() == "Inbox" {
				found = true
			}
		}
	}
	if !found {
		t.Errorf("no FolderSync response with the Inbox among %v", cmds)
	}
	if j := strings.Join(cmds, ", "); j != "OPTIONS , POST Provision, POST Provision, POST FolderSync, POST Sync, POST Sync, POST Ping" {
		t.Errorf("HAR exchanges: %s", j)
	}
}

// cmdOf is the Cmd parameter of a request target.
func cmdOf(target string) string {
	m := regexp.MustCompile(`Cmd=(\w+)`).FindStringSubmatch(target)
	if m == nil {
		return ""
	}
	return m[1]
}

// TestPasswordSources: the file, then the environment, then standard
// input; never a flag.
func TestPasswordSources(t *testing.T) {
	f := newFake(t, true, true)
	dir := t.TempDir()
	file := filepath.Join(dir, "pw")
	os.WriteFile(file, []byte(testPassword+"\r\nsecond line\n"), 0o600)
	wrong := map[string]string{"EASPROBE_PASSWORD": "wrong"}
	base := []string{"-u", testUser, "-heartbeat", "1s"}

	// The file wins over the environment.
	if r := probeEnv(t, wrong, "", append(base, "-password-file", file, f.url())...); r.code != 0 {
		t.Errorf("-password-file: exit %d\n%s", r.code, r.stdout)
	}
	// The environment.
	if r := probeEnv(t, map[string]string{"EASPROBE_PASSWORD": testPassword}, "", append(base, f.url())...); r.code != 0 {
		t.Errorf("EASPROBE_PASSWORD: exit %d", r.code)
	}
	// Standard input that is not a terminal: its first line.
	if r := probeEnv(t, nil, testPassword+"\nmore\n", append(base, f.url())...); r.code != 0 {
		t.Errorf("stdin: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	// None at all.
	r := probeEnv(t, nil, "", append(base, f.url())...)
	if r.code != 1 || r.stdout != "" || !strings.HasPrefix(r.stderr, "easprobe: no password: set EASPROBE_PASSWORD") || strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("no password: %+v", r)
	}
	// A missing or empty file.
	for _, bad := range []string{filepath.Join(dir, "missing"), os.DevNull} {
		r := probeEnv(t, nil, "", append(base, "-password-file", bad, f.url())...)
		if r.code != 1 || !strings.HasPrefix(r.stderr, "easprobe: -password-file: ") {
			t.Errorf("-password-file %s: %+v", bad, r)
		}
	}
	// No flag takes the password, and its value is never echoed.
	for _, args := range [][]string{
		{"-password", "hunter2secret", f.url()}, {"--password=hunter2secret", f.url()}, {"-p", "hunter2secret", f.url()},
		{"-pass", "hunter2secret", f.url()},
	} {
		r := probeEnv(t, nil, "", append(base, args...)...)
		if r.code != 2 || strings.Contains(r.stderr, "hunter2secret") || !strings.Contains(r.stderr, "no flag takes the password") {
			t.Errorf("%q: %+v", args, r)
		}
	}
	// Nor the URL.
	r = probeEnv(t, nil, "", append(base, "https://alice:hunter2secret@127.0.0.1/Microsoft-Server-ActiveSync")...)
	if r.code != 2 || strings.Contains(r.stderr, "hunter2secret") || !strings.Contains(r.stderr, "the URL holds a password") {
		t.Errorf("password in the URL: %+v", r)
	}
}

// TestPasswordNeverShown: in every mode, a failing run too, the password
// appears in no output and no HAR file (probeEnv checks stdout and stderr).
func TestPasswordNeverShown(t *testing.T) {
	f := newFake(t, true, true)
	// A server that echoes everything it gets, credentials too.
	f.before = func(w http.ResponseWriter, r *http.Request) bool {
		if r.Method != http.MethodOptions {
			return false
		}
		w.Header().Set("X-Echo", r.Header.Get("Authorization")+" "+testPassword)
		w.Header().Set("Content-Type", "text/plain")
		w.WriteHeader(401)
		io.WriteString(w, "you sent "+testPassword)
		return true
	}
	path := filepath.Join(t.TempDir(), "x.har")
	for _, mode := range [][]string{nil, {"-v"}, {"-json"}, {"-json", "-v"}, {"-v", "-har", path}} {
		r := probe(t, append(append([]string{"-u", testUser}, mode...), f.url())...)
		if r.code != 1 {
			t.Errorf("%q: exit %d", mode, r.code)
		}
	}
	data, _ := os.ReadFile(path)
	if len(data) == 0 || bytes.Contains(data, []byte("Basic YWxp")) || bytes.Contains(data, []byte(testPassword)) || !bytes.Contains(data, []byte("(redacted) (redacted)")) {
		t.Errorf("HAR: %d bytes, or it holds the credentials", len(data))
	}
}

// TestUsage: bad command lines are one line and exit 2; -h prints the
// usage; --version the version line.
func TestUsage(t *testing.T) {
	for _, args := range [][]string{
		nil,
		{"https://x/Microsoft-Server-ActiveSync"},
		{"-u", "alice"},
		{"-u", "alice", "a", "b"},
		{"-u", "alice", "ftp://x/"},
		{"-u", "alice", "-frob", "https://x/"},
		{"-u", "alice", "-heartbeat", "0s", "https://x/"},
		{"-u", "alice", "-heartbeat", "2h", "https://x/"},
		{"-u", "alice", "-timeout", "-1s", "https://x/"},
		{"-u", "alice@example.com", "-autodiscover", "nope"},
		{"-u", "alice@example.com", "-autodiscover", "https://x/", "https://y/"},
		{"-u", "alice", "-device", "", "https://x/"},
	} {
		r := probeEnv(t, nil, "", args...)
		line, ok := strings.CutSuffix(r.stderr, "\n")
		if r.code != 2 || r.stdout != "" || !ok || strings.Contains(line, "\n") || !strings.HasPrefix(line, "easprobe: ") || !strings.HasSuffix(line, " (run easprobe -h for usage)") {
			t.Errorf("%q: %+v, want exit 2 and one line", args, r)
		}
	}
	for _, args := range [][]string{{"-h"}, {"-help"}, {"--help"}} {
		r := probeEnv(t, nil, "", args...)
		if r.code != 0 || r.stdout != usage || r.stderr != "" {
			t.Errorf("%q: %+v", args, r)
		}
	}
	r := probeEnv(t, nil, "", "--version")
	if r.code != 0 || !regexp.MustCompile(`^easprobe github.com/easkit/easkit \S+ \(go[^)]+\)\n$`).MatchString(r.stdout) {
		t.Errorf("--version: %+v", r)
	}
}

// TestUsageNamesEveryFlag: the usage text documents every flag.
func TestUsageNamesEveryFlag(t *testing.T) {
	var fs *flag.FlagSet
	onFlags = func(s *flag.FlagSet) { fs = s }
	defer func() { onFlags = nil }()
	probeEnv(t, nil, "", "-h")
	n := 0
	fs.VisitAll(func(f *flag.Flag) {
		n++
		if !regexp.MustCompile(`[\s\[]-` + regexp.QuoteMeta(f.Name) + `\b`).MatchString(usage) {
			t.Errorf("-%s is not in the usage text", f.Name)
		}
	})
	if n < 10 {
		t.Errorf("only %d flags", n)
	}
}
