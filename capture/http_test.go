package capture

import (
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// meta is the metadata the HTTP and HAR tests compare.
type meta struct {
	Kind       Kind
	Index      int
	Line       int
	Method     string
	Target     string
	Proto      string
	StatusCode int
	Reason     string
	Header     Header
	Trailer    Header
	Body       string
	Query      string
	Path       string
	Request    int // Index of the request a response answers, 0 if none
	Where      string
	ActiveSync bool
}

func metaOf(m *Message) meta {
	g := meta{Kind: m.Kind, Index: m.Index, Line: m.Line, Method: m.Method, Target: m.Target, Proto: m.Proto,
		StatusCode: m.StatusCode, Reason: m.Reason, Header: m.Header, Trailer: m.Trailer, Body: string(m.Body),
		Query: m.RawQuery(), Path: m.Path(), Where: m.Where(), ActiveSync: m.ActiveSync()}
	if m.Request != nil {
		g.Request = m.Request.Index
	}
	return g
}

// metas is metaOf of every message of ms.
func metas(ms []*Message) []meta {
	var out []meta
	for _, m := range ms {
		out = append(out, metaOf(m))
	}
	return out
}

func TestHTTPMessages(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []meta
	}{
		{"folded header, trailer, reason with spaces",
			"HTTP/1.1 449 Retry With Status Code\r\nX-A: one\r\n  two\r\n\tthree\r\nx-b:four \r\nTransfer-Encoding: chunked\r\n\r\n3;ext=1\r\nabc\r\n0\r\nX-Sum: 7\r\n\r\n",
			[]meta{{Kind: KindResponse, Index: 1, Line: 1, Proto: "HTTP/1.1", StatusCode: 449, Reason: "Retry With Status Code",
				Header:  Header{{"X-A", "one two three"}, {"x-b", "four"}, {"Transfer-Encoding", "chunked"}},
				Trailer: Header{{"X-Sum", "7"}}, Body: "abc", Where: "HTTP message 1"}}},
		{"request and response paired; query and path from the request",
			"POST https://mail.example.com/Microsoft-Server-ActiveSync/?Cmd=Ping&User=u#frag HTTP/1.1\nContent-Length: 2\n\nab\nHTTP/1.0 200\nContent-Length: 0\n\n",
			[]meta{
				{Kind: KindRequest, Index: 1, Line: 1, Method: "POST", Target: "https://mail.example.com/Microsoft-Server-ActiveSync/?Cmd=Ping&User=u#frag", Proto: "HTTP/1.1",
					Header: Header{{"Content-Length", "2"}}, Body: "ab", Query: "Cmd=Ping&User=u", Path: "/Microsoft-Server-ActiveSync/", Where: "HTTP message 1", ActiveSync: true},
				{Kind: KindResponse, Index: 2, Line: 5, Proto: "HTTP/1.0", StatusCode: 200,
					Header: Header{{"Content-Length", "0"}}, Query: "Cmd=Ping&User=u", Path: "/Microsoft-Server-ActiveSync/", Request: 1, Where: "HTTP message 2", ActiveSync: true},
			}},
		{"HTTP/2 pseudo-header fields as tools show them",
			"POST /Microsoft-Server-ActiveSync?Cmd=Ping HTTP/2\r\n:authority: mail.example.com\r\n:method: POST\r\ncontent-length: 1\r\n\r\nx",
			[]meta{{Kind: KindRequest, Index: 1, Line: 1, Method: "POST", Target: "/Microsoft-Server-ActiveSync?Cmd=Ping", Proto: "HTTP/2",
				Header: Header{{":authority", "mail.example.com"}, {":method", "POST"}, {"content-length", "1"}}, Body: "x",
				Query: "Cmd=Ping", Path: "/Microsoft-Server-ActiveSync", Where: "HTTP message 1", ActiveSync: true}}},
		{"HEAD response and 304 have no body despite Content-Length",
			"HEAD / HTTP/1.1\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 99\r\n\r\nHTTP/1.1 304 Not Modified\r\nContent-Length: 5\r\n\r\n",
			[]meta{
				{Kind: KindRequest, Index: 1, Line: 1, Method: "HEAD", Target: "/", Proto: "HTTP/1.1", Path: "/", Where: "HTTP message 1"},
				{Kind: KindResponse, Index: 2, Line: 3, Proto: "HTTP/1.1", StatusCode: 200, Reason: "OK", Header: Header{{"Content-Length", "99"}}, Path: "/", Request: 1, Where: "HTTP message 2"},
				{Kind: KindResponse, Index: 3, Line: 6, Proto: "HTTP/1.1", StatusCode: 304, Reason: "Not Modified", Header: Header{{"Content-Length", "5"}}, Where: "HTTP message 3"},
			}},
		{"100 Continue before the final response",
			"POST /Microsoft-Server-ActiveSync?Cmd=Sync HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 1\r\n\r\nx\r\nHTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\ny",
			[]meta{
				{Kind: KindRequest, Index: 1, Line: 1, Method: "POST", Target: "/Microsoft-Server-ActiveSync?Cmd=Sync", Proto: "HTTP/1.1",
					Header: Header{{"Expect", "100-continue"}, {"Content-Length", "1"}}, Body: "x", Query: "Cmd=Sync", Path: "/Microsoft-Server-ActiveSync", Where: "HTTP message 1", ActiveSync: true},
				{Kind: KindResponse, Index: 2, Line: 6, Proto: "HTTP/1.1", StatusCode: 100, Reason: "Continue", Query: "Cmd=Sync", Path: "/Microsoft-Server-ActiveSync", Request: 1, Where: "HTTP message 2", ActiveSync: true},
				{Kind: KindResponse, Index: 3, Line: 8, Proto: "HTTP/1.1", StatusCode: 200, Reason: "OK", Header: Header{{"Content-Length", "1"}}, Body: "y", Query: "Cmd=Sync", Path: "/Microsoft-Server-ActiveSync", Request: 1, Where: "HTTP message 3", ActiveSync: true},
			}},
		{"unframed bodies end at the next message and at separators",
			"POST /a HTTP/1.1\n\nbody one\n\n=====\n*****\nHTTP/2 200\n\nbody two\r\n\r\n",
			[]meta{
				{Kind: KindRequest, Index: 1, Line: 1, Method: "POST", Target: "/a", Proto: "HTTP/1.1", Body: "body one", Path: "/a", Where: "HTTP message 1"},
				{Kind: KindResponse, Index: 2, Line: 7, Proto: "HTTP/2", StatusCode: 200, Body: "body two", Path: "/a", Request: 1, Where: "HTTP message 2"},
			}},
		{"pipelined requests answered in order, HEAD's response without a body",
			"HEAD /a HTTP/1.1\r\n\r\nPOST /Microsoft-Server-ActiveSync?Cmd=Ping HTTP/1.1\r\nContent-Length: 1\r\n\r\nx" +
				"HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nHTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\ny",
			[]meta{
				{Kind: KindRequest, Index: 1, Line: 1, Method: "HEAD", Target: "/a", Proto: "HTTP/1.1", Path: "/a", Where: "HTTP message 1"},
				{Kind: KindRequest, Index: 2, Line: 3, Method: "POST", Target: "/Microsoft-Server-ActiveSync?Cmd=Ping", Proto: "HTTP/1.1",
					Header: Header{{"Content-Length", "1"}}, Body: "x", Query: "Cmd=Ping", Path: "/Microsoft-Server-ActiveSync", Where: "HTTP message 2", ActiveSync: true},
				{Kind: KindResponse, Index: 3, Line: 6, Proto: "HTTP/1.1", StatusCode: 200, Reason: "OK", Header: Header{{"Content-Length", "3"}}, Path: "/a", Request: 1, Where: "HTTP message 3"},
				{Kind: KindResponse, Index: 4, Line: 9, Proto: "HTTP/1.1", StatusCode: 100, Reason: "Continue", Query: "Cmd=Ping", Path: "/Microsoft-Server-ActiveSync", Request: 2, Where: "HTTP message 4", ActiveSync: true},
				{Kind: KindResponse, Index: 5, Line: 11, Proto: "HTTP/1.1", StatusCode: 200, Reason: "OK", Header: Header{{"Content-Length", "1"}}, Body: "y", Query: "Cmd=Ping", Path: "/Microsoft-Server-ActiveSync", Request: 2, Where: "HTTP message 5", ActiveSync: true},
			}},
		{"headers without a blank line at the end of input",
			"GET / HTTP/1.1\r\nHost: x",
			[]meta{{Kind: KindRequest, Index: 1, Line: 1, Method: "GET", Target: "/", Proto: "HTTP/1.1", Header: Header{{"Host", "x"}}, Path: "/", Where: "HTTP message 1"}}},
		{"Transfer-Encoding gzip, chunked; Content-Type vnd.ms-sync",
			"HTTP/1.1 200 OK\r\nContent-Type: application/vnd.ms-sync.wbxml\r\nTransfer-Encoding: gzip, chunked\r\n\r\n" + chunk(gzipString("hello")) + "0\r\n\r\n",
			[]meta{{Kind: KindResponse, Index: 1, Line: 1, Proto: "HTTP/1.1", StatusCode: 200, Reason: "OK",
				Header: Header{{"Content-Type", "application/vnd.ms-sync.wbxml"}, {"Transfer-Encoding", "gzip, chunked"}}, Body: "hello", Where: "HTTP message 1", ActiveSync: true}}},
		{"identity coding and x-gzip",
			"HTTP/1.1 200 OK\r\nContent-Encoding: identity, x-gzip\r\nContent-Length: " + itoa(len(gzipString("hi"))) + "\r\n\r\n" + gzipString("hi"),
			[]meta{{Kind: KindResponse, Index: 1, Line: 1, Proto: "HTTP/1.1", StatusCode: 200, Reason: "OK",
				Header: Header{{"Content-Encoding", "identity, x-gzip"}, {"Content-Length", itoa(len(gzipString("hi")))}}, Body: "hi", Where: "HTTP message 1"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms, err := ReadAll([]byte(tt.in), WithForm(FormHTTP))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, metas(ms), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("messages (-want +got):\n%s", diff)
			}
		})
	}
}

func gzipString(s string) string { return string(gzipBytes(&testing.T{}, []byte(s))) }

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

func chunk(s string) string {
	const digits = "0123456789abcdef"
	n := len(s)
	var h []byte
	for ; n > 0; n /= 16 {
		h = append([]byte{digits[n%16]}, h...)
	}
	return string(h) + "\r\n" + s + "\r\n"
}

// The committed session: headers, trailers and the links between
// requests and responses.
func TestHTTPSessionMetadata(t *testing.T) {
	data, err := os.ReadFile("testdata/http/session-crlf.http")
	if err != nil {
		t.Fatal(err)
	}
	ms, err := ReadAll(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 4 {
		t.Fatalf("%d messages, want 4", len(ms))
	}
	if got := ms[1].Trailer.Get("x-trailer-check"); got != "done" {
		t.Errorf("trailer = %q, want done", got)
	}
	if got := ms[1].Header.Get("content-encoding"); got != "gzip" {
		t.Errorf("Content-Encoding = %q", got)
	}
	if ms[1].Request != ms[0] || ms[3].Request != ms[2] {
		t.Error("responses not linked to their requests")
	}
	if got, want := ms[2].RawQuery(), "jAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l"; got != want {
		t.Errorf("base64 query = %q, want %q", got, want)
	}
	if got, want := ms[0].Header.Get("MS-ASProtocolVersion"), "14.0"; got != want {
		t.Errorf("MS-ASProtocolVersion = %q, want %q", got, want)
	}
	lines := []int{1, 10, 35, 40}
	for i, m := range ms {
		if m.Line != lines[i] {
			t.Errorf("message %d on line %d, want %d", i+1, m.Line, lines[i])
		}
	}
}

// TestHTTPBodySavedDecoded checks bodies whose header names a content
// coding that the saved body no longer has (a proxy decoded it for display
// and saved it so): a WBXML body is read as it is, with a warning wrapping
// ErrLossy; a body that is neither coded nor WBXML is an error.
func TestHTTPBodySavedDecoded(t *testing.T) {
	wb := "\x03\x01\x6a\x00\x00\x07\x56\x52\x03\x30\x00\x01\x01"
	resp := func(coding, body string) string {
		return "HTTP/1.1 200 OK\r\nContent-Type: application/vnd.ms-sync.wbxml\r\nContent-Encoding: " + coding +
			"\r\nContent-Length: " + strconv.Itoa(len(body)) + "\r\n\r\n" + body
	}
	tests := []struct {
		name    string
		in      string
		body    string
		warning bool
		err     error
	}{
		{"gzip header, gzip body", resp("gzip", string(gzipBytes(t, []byte(wb)))), wb, false, nil},
		{"gzip header, WBXML body", resp("gzip", wb), wb, true, nil},
		{"deflate header, WBXML body", resp("deflate", wb), wb, true, nil},
		{"gzip header, text body", resp("gzip", "not gzip at all"), "", false, ErrSyntax},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms, err := ReadAll([]byte(tt.in))
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("error %v, want one wrapping %v", err, tt.err)
				}
				return
			}
			if err != nil || len(ms) != 1 {
				t.Fatalf("%d messages, error %v", len(ms), err)
			}
			if diff := cmp.Diff(tt.body, string(ms[0].Body)); diff != "" {
				t.Errorf("body (-want +got):\n%s", diff)
			}
			if got := ms[0].Warning != nil && errors.Is(ms[0].Warning, ErrLossy); got != tt.warning {
				t.Errorf("warning %v, want one wrapping ErrLossy: %v", ms[0].Warning, tt.warning)
			}
		})
	}
}

// TestHTTPTruncated checks bodies that the capture ends in, or whose
// Content-Length disagrees with the bytes: the message is kept with its
// header and what body there is, and the warning says where the body ends
// and how much is missing, and whether what is there is a complete WBXML
// document.
func TestHTTPTruncated(t *testing.T) {
	doc := "\x03\x01\x6a\x00\x00\x07\x56\x52\x03\x30\x00\x01\x01"
	head := "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n"
	req := "POST /Microsoft-Server-ActiveSync?Cmd=FolderSync&User=jdoe HTTP/1.1\r\nContent-Type: application/vnd.ms-sync.wbxml\r\n"
	tests := []struct {
		name      string
		in        string
		body      string
		warning   string // "" for none
		truncated bool   // the warning wraps ErrTruncated
		count     int    // messages, 1 unless told
	}{
		{"chunked: ends after a chunk and its line break", head + "\r\n" + chunk(doc[:5]) + chunk(doc[5:]), doc,
			"body truncated at offset 70: chunked, no last chunk, 13 bytes present; the body read is a complete WBXML document", true, 1},
		{"chunked: ends right after the chunk data", head + "\r\n" + chunk(doc[:5]) + "8\r\n" + doc[5:], doc,
			"body truncated at offset 68: chunked, no last chunk, 13 bytes present; the body read is a complete WBXML document", true, 1},
		{"chunked: gzip body complete", head + "Content-Encoding: gzip\r\n\r\n" + chunk(gzipString(doc)), doc,
			"body truncated at offset 114: chunked, no last chunk, 37 bytes present; the body read is a complete WBXML document", true, 1},
		{"chunked: WBXML cut short", head + "\r\n" + chunk(doc[:9]), doc[:9],
			"body truncated at offset 61: chunked, no last chunk, 9 bytes present; the body read is not a complete WBXML document", true, 1},
		{"chunked: inside a chunk", head + "\r\n" + "d\r\n" + doc[:9], doc[:9],
			"body truncated at offset 59: chunked, no last chunk, 9 bytes present; the body read is not a complete WBXML document", true, 1},
		{"chunked: WBXML and data after it", head + "\r\n" + chunk(doc+"x"), doc + "x",
			"body truncated at offset 66: chunked, no last chunk, 14 bytes present; the body read is not a complete WBXML document", true, 1},
		{"chunked: gzip body cut short", head + "Content-Encoding: gzip\r\n\r\n" + chunk(gzipString(doc)[:20]), "",
			"body truncated at offset 97: chunked, no last chunk, 20 bytes present; the gzip coding cannot be undone on what is present: gzip body: unexpected EOF", true, 1},
		{"chunked: text body", head + "\r\n" + chunk("hello"), "hello",
			"body truncated at offset 57: chunked, no last chunk, 5 bytes present", true, 1},
		{"chunked: no chunk at all", head + "\r\n", "",
			"body missing: chunked, no last chunk, 0 bytes present", true, 1},
		{"Content-Length: WBXML cut short", req + "Content-Length: 500\r\n\r\n" + doc[:9], doc[:9],
			"body truncated at offset 146: Content-Length 500, 9 bytes present; the body read is not a complete WBXML document", true, 1},
		{"Content-Length: past a complete document", req + "Content-Length: 500\r\n\r\n" + doc, doc,
			"body truncated at offset 150: Content-Length 500, 13 bytes present; the body read is a complete WBXML document", true, 1},
		{"Content-Length: no body at all", req + "Content-Length: 123\r\n\r\n", "",
			"body missing: Content-Length 123, 0 bytes present", true, 1},
		{"Content-Length: gzip cut short", "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: 33\r\n\r\n" + gzipString(doc)[:20], "",
			"body truncated at offset 83: Content-Length 33, 20 bytes present; the gzip coding cannot be undone on what is present: gzip body: unexpected EOF", true, 1},
		{"Content-Length too large, a message after the document", req + "Content-Length: 40\r\n\r\n" + doc + "\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", doc,
			"Content-Length 40 disagrees with the body: 13 bytes up to the next message; the body read is a complete WBXML document", false, 2},
		{"Content-Length too small, a message after the document", req + "Content-Length: 10\r\n\r\n" + doc + "\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", doc,
			"Content-Length 10 disagrees with the body: 13 bytes up to the next message; the body read is a complete WBXML document", false, 2},
		{"Content-Length too small, the document at the end", req + "Content-Length: 10\r\n\r\n" + doc, doc,
			"Content-Length 10 disagrees with the body: 13 bytes up to the end of the input; the body read is a complete WBXML document", false, 1},
		{"Content-Length right", req + "Content-Length: 13\r\n\r\n" + doc, doc, "", false, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms, err := ReadAll([]byte(tt.in))
			if err != nil || len(ms) != tt.count {
				t.Fatalf("%d messages, error %v", len(ms), err)
			}
			m := ms[0]
			if diff := cmp.Diff(tt.body, string(m.Body)); diff != "" {
				t.Errorf("body (-want +got):\n%s", diff)
			}
			if tt.warning == "" {
				if m.Warning != nil {
					t.Errorf("warning %v", m.Warning)
				}
				return
			}
			if m.Warning == nil || m.Warning.Error() != tt.warning {
				t.Errorf("warning %v\nwant    %s", m.Warning, tt.warning)
			}
			if !errors.Is(m.Warning, ErrLossy) || errors.Is(m.Warning, ErrTruncated) != tt.truncated {
				t.Errorf("warning %v: want ErrLossy, ErrTruncated %v", m.Warning, tt.truncated)
			}
			// The header is kept, and the query decoded.
			if m.Kind == KindRequest && m.Query().Command() != "FolderSync" {
				t.Errorf("query %q not decoded", m.RawQuery())
			}
		})
	}
}

// TestHTTPDamagedErrors checks the damage that still stops the reading:
// where the next message would start is unknown.
func TestHTTPDamagedErrors(t *testing.T) {
	tests := []struct {
		name, in string
		sentinel error
		text     string
	}{
		{"chunk data not followed by a line break", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcd\r\n0\r\n\r\n",
			ErrSyntax, "capture: HTTP message 1: line 5:4: chunk data not followed by a line break"},
		{"Content-Length too small, text after it", "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nhello\r\n",
			ErrSyntax, "capture: HTTP message 2: line 4:4: expected a request line (METHOD target HTTP/1.1) or a status line (HTTP/1.1 200 OK)"},
		{"Content-Length too small, WBXML that is not complete either", "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\n\x03\x01\x6a\x00\x00\x07\x56",
			ErrSyntax, "capture: HTTP message 2: line 4:4: expected a request line"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadAll([]byte(tt.in))
			if !errors.Is(err, tt.sentinel) || !strings.HasPrefix(err.Error(), tt.text) {
				t.Fatalf("error %v, want %v saying %q", err, tt.sentinel, tt.text)
			}
			checkError(t, []byte(tt.in), err)
		})
	}
}
