package capture

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestHeader(t *testing.T) {
	h := Header{{"Content-Type", "a"}, {"X-Dup", "1"}, {"x-dup", "2"}}
	if got := h.Get("content-type"); got != "a" {
		t.Errorf("Get = %q", got)
	}
	if got := h.Get("missing"); got != "" {
		t.Errorf("Get(missing) = %q", got)
	}
	if diff := cmp.Diff([]string{"1", "2"}, h.Values("X-DUP")); diff != "" {
		t.Errorf("Values (-want +got):\n%s", diff)
	}
}

func TestMessageAccessors(t *testing.T) {
	req := &Message{Form: FormHTTP, Kind: KindRequest, Index: 1, Method: "POST", Target: "/Microsoft-Server-ActiveSync?jAAJ#x", Proto: "HTTP/1.1"}
	tests := []struct {
		name                          string
		m                             *Message
		where, start, query, path, mt string
		activeSync                    bool
	}{
		{"request", req, "HTTP message 1", "POST /Microsoft-Server-ActiveSync?jAAJ#x HTTP/1.1", "jAAJ", "/Microsoft-Server-ActiveSync", "", true},
		{"response to it", &Message{Form: FormHTTP, Kind: KindResponse, Index: 2, StatusCode: 401, Request: req,
			Header: Header{{"Content-Type", "text/html; charset=\"utf-8\""}}},
			"HTTP message 2", "HTTP/1.1 401", "jAAJ", "/Microsoft-Server-ActiveSync", "text/html", true},
		{"absolute URL without path", &Message{Form: FormHAR, Kind: KindRequest, Index: 3, Method: "GET", Target: "https://host?q=1"},
			"HAR entry 3 request", "GET https://host?q=1", "q=1", "/", "", false},
		{"lower-case path", &Message{Form: FormHAR, Kind: KindRequest, Index: 1, Method: "POST", Target: "http://h/microsoft-server-activesync"},
			"HAR entry 1 request", "POST http://h/microsoft-server-activesync", "", "/microsoft-server-activesync", "", true},
		{"only body", &Message{Form: FormHex, Kind: KindBody, Index: 1, single: true, Body: []byte("\x03\x01\x6a\x00\x45\x01")},
			"", "", "", "", "", true},
		{"second body", &Message{Form: FormBase64, Kind: KindBody, Index: 2, Body: []byte("text")},
			"base64 body 2", "", "", "", "", false},
		{"malformed content type", &Message{Form: FormHTTP, Kind: KindResponse, Index: 1, StatusCode: 200, Reason: "OK", Proto: "HTTP/1.0",
			Header: Header{{"Content-Type", "Application/Vnd.MS-Sync.WBXML;;="}}},
			"HTTP message 1", "HTTP/1.0 200 OK", "", "", "application/vnd.ms-sync.wbxml", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := tt.m
			got := []any{m.Where(), m.StartLine(), m.RawQuery(), m.Path(), m.MediaType(), m.ActiveSync()}
			want := []any{tt.where, tt.start, tt.query, tt.path, tt.mt, tt.activeSync}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Where, StartLine, Query, Path, MediaType, ActiveSync (-want +got):\n%s", diff)
			}
		})
	}
	for k, s := range map[Kind]string{KindBody: "body", KindRequest: "request", KindResponse: "response"} {
		if k.String() != s {
			t.Errorf("Kind(%d).String() = %q", k, k.String())
		}
	}
}
