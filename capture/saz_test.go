package capture

import (
	"archive/zip"
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// zipEntry is one file of a test archive.
type zipEntry struct {
	name, data string
	store      bool   // stored, not deflated
	flags      uint16 // extra general-purpose flags
}

// makeZip writes a ZIP archive of entries, in order, as Fiddler does with
// archive/zip.
func makeZip(t testing.TB, entries ...zipEntry) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		h := &zip.FileHeader{Name: e.name, Method: zip.Deflate, Flags: e.flags}
		if e.store {
			h.Method = zip.Store
		}
		w, err := zw.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(e.data)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const sazMeta = `<?xml version="1.0" encoding="utf-8"?><Session SID="1" BitFlags="0"><SessionTimers ClientConnected="2024-05-02T10:00:00.0000000+02:00" /></Session>`

func TestSAZMessages(t *testing.T) {
	wbxmlBody := "\x03\x01\x6a\x00\x00\x07\x56\x52\x03\x30\x00\x01\x01"
	tests := []struct {
		name    string
		entries []zipEntry
		want    []meta
	}{
		{"sessions in numeric order whatever the padding; other entries ignored",
			[]zipEntry{
				{name: "[Content_Types].xml", data: "<Types/>"},
				{name: "_index.htm", data: "<html></html>"},
				{name: "raw/10_c.txt", data: "GET /ten HTTP/1.1\r\nHost: x\r\n\r\n"},
				{name: "raw/10_m.xml", data: sazMeta},
				{name: "raw/2_c.txt", data: "GET /two HTTP/1.1\r\n\r\n"},
				{name: "raw/09_s.txt", data: "HTTP/1.1 204 No Content\r\n\r\n", store: true},
				{name: "raw/09_c.txt", data: "OPTIONS /Microsoft-Server-ActiveSync HTTP/1.1\r\n\r\n"},
				{name: "raw/02_w.txt", data: "websocket frames"},
			},
			[]meta{
				{Kind: KindRequest, Index: 2, Method: "GET", Target: "/two", Proto: "HTTP/1.1", Path: "/two", Where: "SAZ session 2 request"},
				{Kind: KindRequest, Index: 9, Method: "OPTIONS", Target: "/Microsoft-Server-ActiveSync", Proto: "HTTP/1.1", Path: "/Microsoft-Server-ActiveSync", Where: "SAZ session 9 request", ActiveSync: true},
				{Kind: KindResponse, Index: 9, Proto: "HTTP/1.1", StatusCode: 204, Reason: "No Content", Path: "/Microsoft-Server-ActiveSync", Request: 9, Where: "SAZ session 9 response", ActiveSync: true},
				{Kind: KindRequest, Index: 10, Method: "GET", Target: "/ten", Proto: "HTTP/1.1", Header: Header{{"Host", "x"}}, Path: "/ten", Where: "SAZ session 10 request"},
			}},
		{"bodies as on the wire: chunked and gzip undone; an unframed body runs to the end of its file, line breaks included",
			[]zipEntry{
				{name: "raw/1_c.txt", data: "POST /Microsoft-Server-ActiveSync?Cmd=FolderSync HTTP/1.1\r\nContent-Type: application/vnd.ms-sync.wbxml\r\n\r\n" + wbxmlBody + "\r\n\r\n"},
				{name: "raw/1_s.txt", data: "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n" + chunk(gzipString(wbxmlBody)) + "0\r\n\r\n"},
			},
			[]meta{
				{Kind: KindRequest, Index: 1, Method: "POST", Target: "/Microsoft-Server-ActiveSync?Cmd=FolderSync", Proto: "HTTP/1.1",
					Header: Header{{"Content-Type", "application/vnd.ms-sync.wbxml"}}, Body: wbxmlBody + "\r\n\r\n",
					Query: "Cmd=FolderSync", Path: "/Microsoft-Server-ActiveSync", Where: "SAZ session 1 request", ActiveSync: true},
				{Kind: KindResponse, Index: 1, Proto: "HTTP/1.1", StatusCode: 200, Reason: "OK",
					Header: Header{{"Transfer-Encoding", "chunked"}, {"Content-Encoding", "gzip"}}, Body: wbxmlBody,
					Query: "Cmd=FolderSync", Path: "/Microsoft-Server-ActiveSync", Request: 1, Where: "SAZ session 1 response", ActiveSync: true},
			}},
		{"a response to HEAD has no body; an empty response file is no response; a response without its request",
			[]zipEntry{
				{name: "raw/1_c.txt", data: "HEAD / HTTP/1.1\r\n\r\n"},
				{name: "raw/1_s.txt", data: "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n"},
				{name: "raw/2_c.txt", data: "GET /x HTTP/1.1\r\n\r\n"},
				{name: "raw/2_s.txt", data: ""},
				{name: `raw\3_S.TXT`, data: "HTTP/1.1 503 Service Unavailable\r\n\r\n"},
			},
			[]meta{
				{Kind: KindRequest, Index: 1, Method: "HEAD", Target: "/", Proto: "HTTP/1.1", Path: "/", Where: "SAZ session 1 request"},
				{Kind: KindResponse, Index: 1, Proto: "HTTP/1.1", StatusCode: 200, Reason: "OK", Header: Header{{"Content-Length", "5"}}, Path: "/", Request: 1, Where: "SAZ session 1 response"},
				{Kind: KindRequest, Index: 2, Method: "GET", Target: "/x", Proto: "HTTP/1.1", Path: "/x", Where: "SAZ session 2 request"},
				{Kind: KindResponse, Index: 3, Proto: "HTTP/1.1", StatusCode: 503, Reason: "Service Unavailable", Where: "SAZ session 3 response"},
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := makeZip(t, tt.entries...)
			if f := Detect(data); f != FormSAZ {
				t.Fatalf("Detect = %v, want saz", f)
			}
			ms, err := ReadAll(data)
			if err != nil {
				t.Fatal(err)
			}
			var got []meta
			for _, m := range ms {
				if m.Form != FormSAZ || m.Line != 0 || m.Offset <= 0 || m.Offset >= int64(len(data)) {
					t.Errorf("%s: form %v, line %d, offset %d (of %d bytes)", m.Where(), m.Form, m.Line, m.Offset, len(data))
				}
				got = append(got, metaOf(m))
			}
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("messages (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSAZErrors(t *testing.T) {
	good := zipEntry{name: "raw/1_c.txt", data: "GET / HTTP/1.1\r\n\r\n"}
	bomb := zipEntry{name: "raw/1_s.txt", data: "HTTP/1.1 200 OK\r\n\r\n" + strings.Repeat("\x00", 4<<20)}
	whole := makeZip(t, good)
	tests := []struct {
		name     string
		in       []byte
		opts     []Option
		sentinel error
		text     string // a part of the error text
	}{
		{"a ZIP archive without raw/ entries is not a capture",
			makeZip(t, zipEntry{name: "word/document.xml", data: "<w/>"}), nil, ErrUnknownForm, "not a Fiddler SAZ"},
		{"a truncated archive",
			whole[:len(whole)-10], []Option{WithForm(FormSAZ)}, ErrSyntax, "SAZ: offset 0: not a readable ZIP archive"},
		{"decompressing past the decoded-size limit (a zip bomb)",
			makeZip(t, good, bomb), nil, ErrTooLarge, "SAZ session 1 response"},
		{"an encrypted entry",
			makeZip(t, zipEntry{name: "raw/1_c.txt", data: "x", flags: 1}), nil, ErrUnsupported, "SAZ session 1 request: offset"},
		{"the same file twice",
			makeZip(t, good, good), nil, ErrSyntax, "raw/1_c.txt twice"},
		{"a bad HTTP message names the session, its file and the line",
			makeZip(t, zipEntry{name: "raw/07_c.txt", data: "POST / HTTP/1.1\r\nbad header\r\n\r\n"}), nil, ErrSyntax,
			"SAZ session 7 request: offset 42: in raw/07_c.txt, line 2:1: expected a header field"},
		{"a response where the request belongs",
			makeZip(t, zipEntry{name: "raw/1_c.txt", data: "HTTP/1.1 200 OK\r\n\r\n"}), nil, ErrSyntax, "raw/1_c.txt holds an HTTP response, not a request"},
		{"a chunk not followed by a line break",
			makeZip(t, zipEntry{name: "raw/1_s.txt", data: "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nabc"}), nil, ErrSyntax, "SAZ session 1 response"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadAll(tt.in, tt.opts...)
			if !errors.Is(err, tt.sentinel) {
				t.Fatalf("error %v, want %v", err, tt.sentinel)
			}
			checkError(t, tt.in, err)
			if !strings.Contains(err.Error(), tt.text) {
				t.Errorf("error %q does not say %q", err, tt.text)
			}
		})
	}
}
