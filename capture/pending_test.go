package capture

import (
	"strings"
	"testing"
)

// TestPendingBounded checks that an HTTP session of requests alone keeps at
// most maxPending of them awaiting a response: a response after 100
// requests answers the oldest of the last 64, and memory does not grow
// with the number of requests.
func TestPendingBounded(t *testing.T) {
	var b strings.Builder
	const requests = 100
	for range requests {
		b.WriteString("GET /Microsoft-Server-ActiveSync HTTP/1.1\r\nHost: h\r\n\r\n")
	}
	b.WriteString("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")
	r := NewReader([]byte(b.String()), WithForm(FormHTTP))
	var last *Message
	for n := 0; ; n++ {
		m, err := r.Next()
		if err != nil {
			if n != requests+1 {
				t.Fatalf("read %d messages, want %d: %v", n, requests+1, err)
			}
			break
		}
		last = m
	}
	if last.Kind != KindResponse || last.Request == nil {
		t.Fatalf("last message %v, request %v", last.Kind, last.Request)
	}
	if want := requests - maxPending + 1; last.Request.Index != want {
		t.Errorf("the response answers request %d, want %d (the oldest of the last %d)", last.Request.Index, want, maxPending)
	}
}
