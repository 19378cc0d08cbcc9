// Package servertest talks to real ActiveSync servers started on this machine
// (testdata/servers/): no mocks. Each test skips unless its server's
// environment variables are set.
package servertest

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/eas"
	"github.com/easkit/easkit/version"
)

// sogo is a connection to the SOGo server of testdata/servers/sogo/start.sh.
type sogo struct {
	url, user, password, deviceID string
	client                        http.Client
}

// newSOGo reads EASKIT_SOGO_URL, EASKIT_SOGO_USER and EASKIT_SOGO_PASSWORD,
// and skips the test when the URL is unset.
func newSOGo(t *testing.T) *sogo {
	t.Helper()
	u := os.Getenv("EASKIT_SOGO_URL")
	if u == "" {
		t.Skip("EASKIT_SOGO_URL is not set: start the server with " +
			`eval "$(bash testdata/servers/sogo/start.sh)"` + " to run this test against a real SOGo")
	}
	s := &sogo{
		url:      u,
		user:     os.Getenv("EASKIT_SOGO_USER"),
		password: os.Getenv("EASKIT_SOGO_PASSWORD"),
		// A new device each run, so that SyncKey 0 starts from nothing.
		deviceID: fmt.Sprintf("easkit%d", time.Now().UnixNano()),
		client:   http.Client{Timeout: 60 * time.Second},
	}
	if s.user == "" || s.password == "" {
		t.Fatal("EASKIT_SOGO_URL is set but EASKIT_SOGO_USER or EASKIT_SOGO_PASSWORD is not")
	}
	return s
}

// post sends one command with a WBXML body and returns the status code and
// the parsed body (nil when the body is empty).
func (s *sogo) post(t *testing.T, cmd string, body []byte) (int, *eas.Element) {
	t.Helper()
	q := url.Values{"Cmd": {cmd}, "User": {s.user}, "DeviceId": {s.deviceID}, "DeviceType": {"EASProbe"}}
	req, err := http.NewRequest("POST", s.url+"?"+q.Encode(), bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.SetBasicAuth(s.user, s.password)
	// sogod closes the connection after each response without saying so
	// (no "Connection: close"): a POST on a reused connection fails with
	// "connection reset by peer", and net/http does not retry a POST.
	req.Close = true
	req.Header.Set("Content-Type", "application/vnd.ms-sync.wbxml")
	req.Header.Set("MS-ASProtocolVersion", "14.1")
	req.Header.Set("X-MS-PolicyKey", "0") // SOGo hands out no policy key (Provision: policy Status 2)
	resp, err := s.client.Do(req)
	if err != nil {
		t.Fatalf("%s: %v", cmd, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s: reading the response: %v", cmd, err)
	}
	if len(data) == 0 {
		return resp.StatusCode, nil
	}
	if ct := resp.Header.Get("Content-Type"); ct != "application/vnd.ms-sync.wbxml" {
		t.Errorf("%s: Content-Type %q", cmd, ct)
	}
	root, err := eas.Parse(data)
	if err != nil {
		t.Fatalf("%s: the response does not parse: %v\n% x", cmd, err, data)
	}
	return resp.StatusCode, root
}

func build(t *testing.T, b *eas.Builder) []byte {
	t.Helper()
	msg, err := b.Finish()
	if err != nil {
		t.Fatal(err)
	}
	return msg
}

func TestSOGoOptions(t *testing.T) {
	s := newSOGo(t)
	req, err := http.NewRequest("OPTIONS", s.url, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Close = true // see post
	req.SetBasicAuth(s.user, s.password)
	resp, err := s.client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("OPTIONS: %s, want 200", resp.Status)
	}
	h := resp.Header.Get("MS-ASProtocolVersions")
	vs, err := version.ParseList(h)
	if err != nil {
		t.Fatalf("MS-ASProtocolVersions %q: %v", h, err)
	}
	if !slices.Contains(vs, version.V14_1) && !slices.Contains(vs, version.V14_0) {
		t.Errorf("MS-ASProtocolVersions %q offers neither 14.0 nor 14.1", h)
	}
	cmds := strings.Split(resp.Header.Get("MS-ASProtocolCommands"), ",")
	// (SOGo 5.8 answers Provision but does not list it here.)
	for _, want := range []string{"FolderSync", "Sync", "Ping"} {
		if !slices.Contains(cmds, want) {
			t.Errorf("MS-ASProtocolCommands %q lacks %s", resp.Header.Get("MS-ASProtocolCommands"), want)
		}
	}
	t.Logf("versions %s (MS-Server-ActiveSync %s)", h, resp.Header.Get("MS-Server-ActiveSync"))

	// Without credentials: 401 with a Basic challenge.
	req, _ = http.NewRequest("OPTIONS", s.url, nil)
	req.Close = true
	resp, err = s.client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized || !strings.HasPrefix(strings.ToLower(resp.Header.Get("WWW-Authenticate")), "basic") {
		t.Errorf("OPTIONS without credentials: %s, WWW-Authenticate %q; want 401 and a Basic challenge",
			resp.Status, resp.Header.Get("WWW-Authenticate"))
	}
}

func TestSOGoFolderSyncAndInbox(t *testing.T) {
	s := newSOGo(t)

	var b eas.Builder
	b.Start(codepages.FolderHierarchyFolderSync)
	b.Text(codepages.FolderHierarchySyncKey, "0")
	code, root := s.post(t, "FolderSync", build(t, &b))
	if code != http.StatusOK || root == nil {
		t.Fatalf("FolderSync: HTTP %d, body %v; want 200 with a body", code, root)
	}
	if st := root.Child(codepages.FolderHierarchyStatus).Text(); st != "1" {
		t.Fatalf("FolderSync Status %q, want 1", st)
	}
	if root.Child(codepages.FolderHierarchySyncKey).Text() == "" {
		t.Error("FolderSync: no SyncKey")
	}
	var inbox string
	for _, f := range root.All(codepages.FolderHierarchyChanges, codepages.FolderHierarchyAdd) {
		if f.Child(codepages.FolderHierarchyType).Text() == "2" {
			inbox = f.Child(codepages.FolderHierarchyServerId).Text()
			t.Logf("inbox %q (%s)", inbox, f.Child(codepages.FolderHierarchyDisplayName).Text())
		}
	}
	if inbox == "" {
		t.Fatal("FolderSync: no folder of Type 2 (the inbox)")
	}

	// Sync of the inbox: SyncKey 0 gives a key and no items, the next Sync the
	// messages start.sh put there.
	sync := func(key string) *eas.Element {
		t.Helper()
		var b eas.Builder
		b.Start(codepages.AirSyncSync)
		b.Start(codepages.AirSyncCollections)
		b.Start(codepages.AirSyncCollection)
		b.Text(codepages.AirSyncSyncKey, key)
		b.Text(codepages.AirSyncCollectionId, inbox)
		if key != "0" {
			b.Empty(codepages.AirSyncDeletesAsMoves)
			b.Empty(codepages.AirSyncGetChanges)
			b.Int(codepages.AirSyncWindowSize, 25)
		}
		code, root := s.post(t, "Sync", build(t, &b))
		if code != http.StatusOK || root == nil {
			t.Fatalf("Sync with SyncKey %q: HTTP %d, body %v; want 200 with a body", key, code, root)
		}
		c := root.Find(codepages.AirSyncCollections, codepages.AirSyncCollection)
		if st := c.Child(codepages.AirSyncStatus).Text(); st != "1" {
			t.Fatalf("Sync with SyncKey %q: Status %q, want 1", key, st)
		}
		return c
	}
	key := sync("0").Child(codepages.AirSyncSyncKey).Text()
	if key == "" || key == "0" {
		t.Fatalf("Sync with SyncKey 0 gave SyncKey %q", key)
	}
	adds := sync(key).All(codepages.AirSyncCommands, codepages.AirSyncAdd)
	if len(adds) == 0 {
		t.Fatal("Sync of the inbox: no Add (the inbox should hold start.sh's messages)")
	}
	for _, a := range adds {
		t.Logf("message %s: %q", a.Child(codepages.AirSyncServerId).Text(),
			a.Find(codepages.AirSyncApplicationData, codepages.EmailSubject).Text())
	}
}
