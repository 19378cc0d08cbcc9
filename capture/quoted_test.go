package capture

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// quotedMeta is what the indented and quoted HTTP tests compare.
type quotedMeta struct {
	Kind    Kind
	Index   int
	Line    int
	Offset  int64
	Start   string
	Header  Header
	Body    string
	Command string
	Request int
	Warning string
}

func quotedMetas(ms []*Message) []quotedMeta {
	var out []quotedMeta
	for _, m := range ms {
		g := quotedMeta{Kind: m.Kind, Index: m.Index, Line: m.Line, Offset: m.Offset, Start: m.StartLine(),
			Header: m.Header, Body: string(m.Body), Command: m.Query().Command()}
		if m.Request != nil {
			g.Request = m.Request.Index
		}
		if m.Warning != nil {
			g.Warning = m.Warning.Error()
		}
		out = append(out, g)
	}
	return out
}

func TestQuotedHTTP(t *testing.T) {
	const sync = "POST /Microsoft-Server-ActiveSync?Cmd=Sync&User=jdoe&DeviceId=v140Device&DeviceType=SmartPhone HTTP/1.1"
	syncReq := quotedMeta{Kind: KindRequest, Index: 1, Line: 1, Offset: 4, Start: sync,
		Header:  Header{{"Host", "mail.example.com"}, {"Content-Type", "application/vnd.ms-sync.wbxml"}, {"Content-Length", "123"}},
		Command: "Sync", Warning: "body missing: Content-Length 123, 0 bytes present"}
	tests := []struct {
		name string
		in   string
		want []quotedMeta
	}{
		{"indented 4 spaces, header only, Content-Length with no bytes; blank lines empty",
			"    " + sync + "\n    Host: mail.example.com\n    Content-Type: application/vnd.ms-sync.wbxml\n    Content-Length: 123\n\n" +
				"    HTTP/1.1 200 OK\n    Content-Length: 0\n",
			[]quotedMeta{syncReq, {Kind: KindResponse, Index: 2, Line: 6, Offset: 212, Start: "HTTP/1.1 200 OK",
				Header: Header{{"Content-Length", "0"}}, Command: "Sync", Request: 1}}},
		{"indented with a tab, CRLF, blank lines of spaces, a folded header",
			"\r\n\tPOST /Microsoft-Server-ActiveSync?Cmd=Ping HTTP/1.1\r\n\tX-Long: one\r\n\t  two\r\n  \r\n",
			[]quotedMeta{{Kind: KindRequest, Index: 1, Line: 2, Offset: 3, Start: "POST /Microsoft-Server-ActiveSync?Cmd=Ping HTTP/1.1",
				Header: Header{{"X-Long", "one two"}}, Command: "Ping"}}},
		{"quoted, hex body",
			"> POST /Microsoft-Server-ActiveSync?Cmd=Ping HTTP/1.1\r\n> Content-Length: 15\r\n>\r\n> 03 01 6a 00 00 0d 45 48 03 34 37 30 00 01 01\r\n",
			[]quotedMeta{{Kind: KindRequest, Index: 1, Line: 1, Offset: 2, Start: "POST /Microsoft-Server-ActiveSync?Cmd=Ping HTTP/1.1",
				Header: Header{{"Content-Length", "15"}}, Body: pingBody, Command: "Ping"}}},
		{"nested quoting, base64 body, no Content-Length",
			">\n> > HTTP/1.1 200 OK\n> > Content-Type: application/vnd.ms-sync.wbxml\n> >\n> > AwFqAAANRUgDNDcwAAEB\n>\n",
			[]quotedMeta{{Kind: KindResponse, Index: 1, Line: 2, Offset: 6, Start: "HTTP/1.1 200 OK",
				Header: Header{{"Content-Type", "application/vnd.ms-sync.wbxml"}}, Body: pingBody}}},
		{"hex body of another length than Content-Length",
			"  HTTP/1.1 200 OK\n  Content-Length: 99\n\n  03016a00000d4548033437300001 01\n",
			[]quotedMeta{{Kind: KindResponse, Index: 1, Line: 1, Offset: 2, Start: "HTTP/1.1 200 OK",
				Header: Header{{"Content-Length", "99"}}, Body: pingBody, Warning: "Content-Length 99 disagrees with the body: 15 bytes decoded from hex; the body read is a complete WBXML document"}}},
		{"text body that is not hex, shorter than its Content-Length",
			"  HTTP/1.1 500 Error\n  Content-Type: text/plain\n  Content-Length: 40\n\n  Server error\n",
			[]quotedMeta{{Kind: KindResponse, Index: 1, Line: 1, Offset: 2, Start: "HTTP/1.1 500 Error",
				Header: Header{{"Content-Type", "text/plain"}, {"Content-Length", "40"}}, Body: "Server error",
				Warning: "body truncated at offset 84: Content-Length 40, 12 bytes present"}}},
		{"header only, no empty line after it",
			"    HTTP/1.1 200 OK\n    Content-Length: 1234\n",
			[]quotedMeta{{Kind: KindResponse, Index: 1, Line: 1, Offset: 4, Start: "HTTP/1.1 200 OK",
				Header: Header{{"Content-Length", "1234"}}, Warning: "body missing: Content-Length 1234, 0 bytes present"}}},
		{"chunked header only",
			"    HTTP/1.1 200 OK\n    Transfer-Encoding: chunked\n",
			[]quotedMeta{{Kind: KindResponse, Index: 1, Line: 1, Offset: 4, Start: "HTTP/1.1 200 OK",
				Header: Header{{"Transfer-Encoding", "chunked"}}}}},
		{"chunked with an empty line and nothing after it",
			"    HTTP/1.1 200 OK\n    Transfer-Encoding: chunked\n\n",
			[]quotedMeta{{Kind: KindResponse, Index: 1, Line: 1, Offset: 4, Start: "HTTP/1.1 200 OK",
				Header: Header{{"Transfer-Encoding", "chunked"}}, Warning: "body missing: chunked, 0 bytes present"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if f := Detect([]byte(tt.in)); f != FormHTTP {
				t.Errorf("Detect = %v, want http", f)
			}
			for _, opts := range [][]Option{nil, {WithForm(FormHTTP)}} {
				ms, err := ReadAll([]byte(tt.in), opts...)
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(tt.want, quotedMetas(ms), cmpopts.EquateEmpty()); diff != "" {
					t.Errorf("messages (-want +got):\n%s", diff)
				}
			}
		})
	}
}

// TestQuotedHTTPDamaged checks the ways an indented or quoted message can
// be damaged: a line without the prefix stops the reading after the
// messages before it (the last of them as far as that line); a start line
// that is not one is not this form.
func TestQuotedHTTPDamaged(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		messages int
		text     string // the error; "" for none
	}{
		{"a line less indented", "    GET / HTTP/1.1\n    Host: a\n\n    HTTP/1.1 204 No Content\n  Date: x\n", 2,
			`capture: HTTP message 2: line 5:1: line not indented or quoted as the message's first line is (with "    ")`},
		{"tabs and spaces mixed", "\tGET / HTTP/1.1\n    Host: a\n", 1,
			`capture: HTTP message 1: line 2:1: line not indented or quoted as the message's first line is (with "\t")`},
		{"quoting lost", "> GET / HTTP/1.1\n> Host: a\nThanks, jdoe\n", 1,
			`line 3:1: line not indented or quoted as the message's first line is (with "> ")`},
		{"a bad header line keeps its place in the input", "  GET / HTTP/1.1\n  Host a\n", 0,
			"capture: HTTP message 1: line 2:3: expected a header field (Name: value) or an empty line"},
		{"hex body that does not decode is text", "  HTTP/1.1 200 OK\n\n  03 01 6a 0\n", 1, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms, err := ReadAll([]byte(tt.in), WithForm(FormHTTP))
			if len(ms) != tt.messages {
				t.Errorf("%d messages, want %d", len(ms), tt.messages)
			}
			if tt.text == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if !errors.Is(err, ErrSyntax) || !strings.Contains(err.Error(), tt.text) {
				t.Fatalf("error %v, want ErrSyntax saying %q", err, tt.text)
			}
			checkError(t, []byte(tt.in), err)
		})
	}
	// Not a start line after the indentation: not HTTP at all.
	for _, in := range []string{"    hello world\n", "> On Monday jdoe wrote:\n> > POST / HTTP/1.1\n", "    \n>\n"} {
		if f := Detect([]byte(in)); f == FormHTTP {
			t.Errorf("Detect(%q) = http", in)
		}
	}
}

// TestQuotedHTTPDescribed checks the description of an indented message
// shown by its header only and of a quoted one whose body is hex text.
func TestQuotedHTTPDescribed(t *testing.T) {
	tests := []struct{ in, want string }{
		{"    POST /Microsoft-Server-ActiveSync?Cmd=Ping&User=jdoe HTTP/1.1\n    Content-Length: 15\n",
			`HTTP message 1, line 1: request (Ping)
POST /Microsoft-Server-ActiveSync?Cmd=Ping&User=jdoe HTTP/1.1
Content-Length: 15

Query (plain):
  Cmd: Ping
  User: jdoe

Body: empty
Warning: body missing: Content-Length 15, 0 bytes present
`},
		{"> HTTP/1.1 200 OK\n> Content-Length: 15\n>\n> 03016a00000d4548033437300001 01\n",
			`HTTP message 1, line 1: response
HTTP/1.1 200 OK
Content-Length: 15

Body: 15 bytes of WBXML, decoded from the hex text of the capture
`},
	}
	for _, tt := range tests {
		ms := messages(t, tt.in)
		text, _ := ms[0].Describe()
		if diff := cmp.Diff(tt.want, text); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
	}
}
