package eas_test

import (
	"bytes"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"net/url"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/eas"
)

// client is the small ActiveSync client of the README: it provisions,
// syncs the folder hierarchy and syncs the inbox, without a token in
// sight.
type client struct {
	url, policyKey string
}

// post sends one command and parses the response.
func (c *client) post(cmd string, body []byte) (*eas.Element, error) {
	q := url.Values{"Cmd": {cmd}, "User": {"alice"}, "DeviceId": {"dev1"}, "DeviceType": {"Phone"}}
	req, err := http.NewRequest("POST", c.url+"?"+q.Encode(), bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/vnd.ms-sync.wbxml")
	req.Header.Set("MS-ASProtocolVersion", "14.1")
	req.Header.Set("X-MS-PolicyKey", c.policyKey)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	return eas.Parse(data)
}

// provision runs both phases: get the policy, acknowledge it.
func (c *client) provision() error {
	for _, ack := range []bool{false, true} {
		var b eas.Builder
		b.Start(codepages.ProvisionProvision)
		b.Start(codepages.ProvisionPolicies)
		b.Start(codepages.ProvisionPolicy)
		b.Text(codepages.ProvisionPolicyType, "MS-EAS-Provisioning-WBXML")
		if ack {
			b.Text(codepages.ProvisionPolicyKey, c.policyKey)
			b.Int(codepages.ProvisionStatus, 1)
		}
		msg, err := b.Finish()
		if err != nil {
			return err
		}
		resp, err := c.post("Provision", msg)
		if err != nil {
			return err
		}
		c.policyKey = resp.Find(codepages.ProvisionPolicies, codepages.ProvisionPolicy, codepages.ProvisionPolicyKey).Text()
	}
	return nil
}

// inbox syncs the folder hierarchy and returns the inbox's id.
func (c *client) inbox() (string, error) {
	var b eas.Builder
	b.Start(codepages.FolderHierarchyFolderSync)
	b.Text(codepages.FolderHierarchySyncKey, "0")
	msg, _ := b.Finish()
	resp, err := c.post("FolderSync", msg)
	if err != nil {
		return "", err
	}
	for _, f := range resp.All(codepages.FolderHierarchyChanges, codepages.FolderHierarchyAdd) {
		if f.Child(codepages.FolderHierarchyType).Text() == "2" { // the default inbox
			return f.Child(codepages.FolderHierarchyServerId).Text(), nil
		}
	}
	return "", fmt.Errorf("no inbox among the folders")
}

// sync runs one Sync of collection id with sync key key and returns the
// response's collection.
func (c *client) sync(id, key string) (*eas.Element, error) {
	var b eas.Builder
	b.Start(codepages.AirSyncSync)
	b.Start(codepages.AirSyncCollections)
	b.Start(codepages.AirSyncCollection)
	b.Text(codepages.AirSyncSyncKey, key)
	b.Text(codepages.AirSyncCollectionId, id)
	if key != "0" {
		b.Empty(codepages.AirSyncGetChanges)
		b.Int(codepages.AirSyncWindowSize, 25)
	}
	msg, _ := b.Finish()
	resp, err := c.post("Sync", msg)
	return resp.Find(codepages.AirSyncCollections, codepages.AirSyncCollection), err
}

// The client of the README, against a test server: provision, FolderSync,
// then two Syncs of the inbox (the first gets a sync key, the second the
// mail).
func Example_client() {
	srv := httptest.NewServer(http.HandlerFunc(testServer))
	defer srv.Close()

	c := &client{url: srv.URL + "/Microsoft-Server-ActiveSync"}
	if err := c.provision(); err != nil {
		log.Fatal(err)
	}
	inbox, err := c.inbox()
	if err != nil {
		log.Fatal(err)
	}
	coll, err := c.sync(inbox, "0")
	if err != nil {
		log.Fatal(err)
	}
	coll, err = c.sync(inbox, coll.Child(codepages.AirSyncSyncKey).Text())
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("policy key", c.policyKey, "inbox", inbox)
	for _, add := range coll.All(codepages.AirSyncCommands, codepages.AirSyncAdd) {
		data := add.Child(codepages.AirSyncApplicationData)
		fmt.Println(add.Child(codepages.AirSyncServerId).Text(), data.Child(codepages.EmailSubject).Text())
	}
	// Output:
	// policy key 3942919513 inbox 5
	// 5:1 Welcome
	// 5:2 Lunch?
}

// testServer is the other side of Example_client: a server kit in a
// page, written with eas as well.
func testServer(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	req, err := eas.Parse(body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	var b eas.Builder
	switch r.URL.Query().Get("Cmd") {
	case "Provision":
		key := "1307199584" // temporary, until the policy is acknowledged
		if req.Find(codepages.ProvisionPolicies, codepages.ProvisionPolicy, codepages.ProvisionPolicyKey) != nil {
			key = "3942919513"
		}
		b.Start(codepages.ProvisionProvision)
		b.Int(codepages.ProvisionStatus, 1)
		b.Start(codepages.ProvisionPolicies)
		b.Start(codepages.ProvisionPolicy)
		b.Text(codepages.ProvisionPolicyType, "MS-EAS-Provisioning-WBXML")
		b.Int(codepages.ProvisionStatus, 1)
		b.Text(codepages.ProvisionPolicyKey, key)
	case "FolderSync":
		b.Start(codepages.FolderHierarchyFolderSync)
		b.Int(codepages.FolderHierarchyStatus, 1)
		b.Text(codepages.FolderHierarchySyncKey, "1")
		b.Start(codepages.FolderHierarchyChanges)
		b.Int(codepages.FolderHierarchyCount, 2)
		for _, f := range [][3]string{{"4", "Drafts", "3"}, {"5", "Inbox", "2"}} {
			b.Start(codepages.FolderHierarchyAdd)
			b.Text(codepages.FolderHierarchyServerId, f[0])
			b.Text(codepages.FolderHierarchyParentId, "0")
			b.Text(codepages.FolderHierarchyDisplayName, f[1])
			b.Text(codepages.FolderHierarchyType, f[2])
			b.End()
		}
	case "Sync":
		coll := req.Find(codepages.AirSyncCollections, codepages.AirSyncCollection)
		b.Start(codepages.AirSyncSync)
		b.Start(codepages.AirSyncCollections)
		b.Start(codepages.AirSyncCollection)
		b.Text(codepages.AirSyncSyncKey, "2")
		b.Text(codepages.AirSyncCollectionId, coll.Child(codepages.AirSyncCollectionId).Text())
		b.Int(codepages.AirSyncStatus, 1)
		if coll.Child(codepages.AirSyncGetChanges).Bool() {
			b.Start(codepages.AirSyncCommands)
			for i, subject := range []string{"Welcome", "Lunch?"} {
				b.Start(codepages.AirSyncAdd)
				b.Text(codepages.AirSyncServerId, fmt.Sprintf("5:%d", i+1))
				b.Start(codepages.AirSyncApplicationData)
				b.Text(codepages.EmailSubject, subject)
				b.End()
				b.End()
			}
		}
	}
	msg, err := b.Finish()
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/vnd.ms-sync.wbxml")
	w.Write(msg)
}
