package eashttp_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/http/httptest"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/eas"
	"github.com/easkit/easkit/eashttp"
	"github.com/easkit/easkit/version"
)

// newServer is a test server in a page: FolderSync and Provision, built
// with Handler. Commands other than Provision need the final policy key.
func newServer() *httptest.Server {
	h := &eashttp.Handler{
		Versions: []version.Version{version.V12_1, version.V14_0, version.V14_1},
		Commands: map[string]eashttp.CommandFunc{
			"Provision": func(r *eashttp.Request) ([]byte, error) {
				key := "1307199584" // temporary, until acknowledged
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
				b.Start(codepages.ProvisionData)
				b.Start(codepages.ProvisionEASProvisionDoc)
				b.Int(codepages.ProvisionDevicePasswordEnabled, 1)
				return b.Finish()
			},
			"FolderSync": func(r *eashttp.Request) ([]byte, error) {
				if r.PolicyKey != "3942919513" {
					return nil, &eashttp.StatusError{Code: 449} // provision first
				}
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
			},
		},
	}
	return httptest.NewServer(h)
}

// A client against a Handler server: the first command negotiates the
// version (OPTIONS), is answered 449, provisions and is sent again.
func Example() {
	srv := newServer()
	defer srv.Close()

	c, err := eashttp.NewClient(srv.URL+"/Microsoft-Server-ActiveSync",
		eashttp.WithBasicAuth("alice", "secret"), eashttp.WithDevice("dev1", "Phone"))
	if err != nil {
		log.Fatal(err)
	}
	defer c.CloseIdleConnections()

	var b eas.Builder
	b.Start(codepages.FolderHierarchyFolderSync)
	b.Text(codepages.FolderHierarchySyncKey, "0")
	root, resp, err := c.DoMessage(context.Background(), "FolderSync", &b)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("version", c.Version(), "provisioned", resp.Provisioned, "policy key", c.PolicyKey())
	for _, add := range root.All(codepages.FolderHierarchyChanges, codepages.FolderHierarchyAdd) {
		fmt.Println(add.Child(codepages.FolderHierarchyServerId).Text(), add.Child(codepages.FolderHierarchyDisplayName).Text())
	}
	// Output:
	// version 14.1 provisioned true policy key 3942919513
	// 5 Inbox
}

// Provision on its own, and the policy's settings.
func ExampleClient_Provision() {
	srv := newServer()
	defer srv.Close()
	c, _ := eashttp.NewClient(srv.URL+"/Microsoft-Server-ActiveSync", eashttp.WithBasicAuth("alice", "secret"))
	defer c.CloseIdleConnections()

	p, err := c.Provision(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(p.TemporaryKey, "→", p.Key, p.Settings)
	// Output:
	// 1307199584 → 3942919513 map[DevicePasswordEnabled:1]
}

// Options shows what a server offers.
func ExampleClient_Options() {
	srv := newServer()
	defer srv.Close()
	c, _ := eashttp.NewClient(srv.URL + "/Microsoft-Server-ActiveSync")
	defer c.CloseIdleConnections()

	res, err := c.Options(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(res.Versions, res.Commands)
	// Output:
	// [12.1 14.0 14.1] [FolderSync Provision]
}

// Errors carry the status, its meaning and advice, and match sentinels.
func ExampleStatusError() {
	srv := newServer()
	defer srv.Close()
	c, _ := eashttp.NewClient(srv.URL+"/Microsoft-Server-ActiveSync", eashttp.WithVersions(version.V14_1))
	defer c.CloseIdleConnections()

	_, err := c.Do(context.Background(), "Search", nil) // the server has no Search
	var se *eashttp.StatusError
	if errors.As(err, &se) {
		fmt.Println(se.Code, se.Meaning, errors.Is(err, eashttp.ErrNotImplemented))
	}
	// Output:
	// 501 Not Implemented true
}
