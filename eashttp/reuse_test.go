package eashttp

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"github.com/easkit/easkit/version"
)

// closingServer answers the first request of each connection, without
// "Connection: close", and resets the connection when a second request
// comes on it, as sogod does (it closes after every response). It returns
// the URL and the number of connections and of requests answered.
func closingServer(t *testing.T) (string, *atomic.Int32, *atomic.Int32) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	var conns, answered atomic.Int32
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			conns.Add(1)
			go func(conn net.Conn) {
				defer conn.Close()
				r := bufio.NewReader(conn)
				req, err := http.ReadRequest(r)
				if err != nil {
					return
				}
				io.Copy(io.Discard, req.Body)
				answered.Add(1)
				io.WriteString(conn, "HTTP/1.1 200 OK\r\nMS-ASProtocolVersions: 14.1\r\nMS-ASProtocolCommands: FolderSync\r\nContent-Length: 0\r\n\r\n")
				// The next request on this connection gets a reset.
				if _, err := http.ReadRequest(r); err == nil {
					conn.(*net.TCPConn).SetLinger(0)
				}
			}(conn)
		}
	}()
	return "http://" + ln.Addr().String() + "/Microsoft-Server-ActiveSync", &conns, &answered
}

// TestServerClosesAfterEachResponse: a POST on a connection the server
// has closed is sent again on a new one, and later requests ask for new
// connections instead of failing first.
func TestServerClosesAfterEachResponse(t *testing.T) {
	u, conns, answered := closingServer(t)
	c, err := NewClient(u, WithBasicAuth("alice", "pw"), WithVersions(version.V14_1))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	for i := range 3 {
		resp, err := c.Do(ctx, "FolderSync", []byte{0x03, 0x01, 0x6A, 0x00, 0x00, 0x07, 0x56, 0x52, 0x03, '0', 0x00, 0x01, 0x01})
		if err != nil {
			t.Fatalf("request %d: %v", i, err)
		}
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("request %d: status %d", i, resp.StatusCode)
		}
	}
	// OPTIONS and three POSTs answered; at most one resend.
	if n := answered.Load(); n != 4 {
		t.Errorf("%d requests answered, want 4", n)
	}
	if n := conns.Load(); n > 5 {
		t.Errorf("%d connections for 4 requests: the client keeps reusing closed ones", n)
	}
	if !c.noReuse.Load() {
		t.Error("the client did not switch to a new connection per request")
	}
}
