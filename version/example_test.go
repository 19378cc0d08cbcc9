package version_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/easkit/easkit/version"
)

func ExampleParse() {
	v, err := version.Parse("14.1")
	fmt.Println(v, v.URIByte(), err)
	_, err = version.Parse("14.10")
	fmt.Println(err)
	// Output:
	// 14.1 141 <nil>
	// version: "14.10": offset 4: minor version must be a single digit
}

func ExampleParseList() {
	// The MS-ASProtocolVersions value of an Exchange 2010 OPTIONS response.
	server, err := version.ParseList("2.0,2.1,2.5,12.0,12.1,14.0")
	fmt.Println(server, err)
	_, err = version.ParseList("12.1, 14.0, fourteen")
	fmt.Println(err)
	// Output:
	// [2.0 2.1 2.5 12.0 12.1 14.0] <nil>
	// version: "12.1, 14.0, fourteen": offset 12: expected a digit
}

func ExampleNegotiate() {
	client := []version.Version{version.V14_0, version.V14_1, version.V16_0, version.V16_1}
	server, _ := version.ParseList("2.0,2.1,2.5,12.0,12.1,14.0")
	v, err := version.Negotiate(client, server)
	fmt.Println(v, err)

	_, err = version.Negotiate(client, []version.Version{version.V2_5, version.V12_1})
	var why *version.NoCommonError
	fmt.Println(errors.As(err, &why) && why.Why == version.ServerTooOld)
	fmt.Println(err)
	// Output:
	// 14.0 <nil>
	// true
	// version: no common protocol version: the server's newest version 12.1 is older than the client's oldest 14.0 (client 14.0,14.1,16.0,16.1; server 2.5,12.1)
}

func ExampleNextLower() {
	client := []version.Version{version.V12_1, version.V14_0, version.V14_1}
	server := []version.Version{version.V12_1, version.V14_0, version.V14_1}
	// The server answered HTTP 400 to a 14.1 request: try the next one down.
	v, _ := version.NextLower(version.V14_1, client, server)
	fmt.Println(v)
	// Output: 14.0
}

func ExampleNegotiator() {
	n := version.Negotiator{Client: []version.Version{version.V14_1, version.V16_0, version.V16_1}}
	now := time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)

	// First contact: OPTIONS.
	fmt.Println(n.Due(now))
	d, _ := n.Observe(version.FromOptions, "2.5,12.0,12.1,14.0,14.1", now)
	fmt.Printf("%+v\n", d)

	// A day later the client checks again; the server was upgraded.
	now = now.Add(version.RecheckInterval)
	fmt.Println(n.Due(now))
	d, _ = n.Observe(version.FromOptions, "2.5,12.0,12.1,14.0,14.1,16.0,16.1", now)
	fmt.Printf("%+v\n", d)
	// Output:
	// true
	// {Version:14.1 Changed:true Resync:false Probe:false}
	// true
	// {Version:16.1 Changed:true Resync:true Probe:false}
}

func ExampleNegotiator_folderSyncFallback() {
	n := version.Negotiator{Client: []version.Version{version.V14_0, version.V14_1}}
	now := time.Now()

	// OPTIONS came back without MS-ASProtocolVersions (a proxy ate it).
	d, _ := n.Observe(version.FromOptions, "", now)
	fmt.Printf("%+v\n", d)

	// FolderSync with SyncKey 0, sent with 14.1, returned the header.
	d, _ = n.Observe(version.FromFolderSyncKey0, "2.5,12.0,12.1,14.0", now)
	fmt.Printf("%+v\n", d)
	// Output:
	// {Version:14.1 Changed:true Resync:false Probe:true}
	// {Version:14.0 Changed:true Resync:true Probe:false}
}
