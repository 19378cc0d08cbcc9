package capture

import (
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// messages reads the messages of a
func messages(t *testing.T, in string) []*Message {
	t.Helper()
	ms, err := ReadAll([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	return ms
}

const pingBody = "\x03\x01\x6a\x00\x00\x0d\x45\x48\x03\x34\x37\x30\x00\x01\x01"

func TestDescribe(t *testing.T) {
	ms := messages(t, "POST /Microsoft-Server-ActiveSync?jAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l HTTP/1.1\r\n"+
		"Host: mail.example.com\r\n"+
		"Content-Type: application/vnd.ms-sync.wbxml\r\n"+
		"Content-Length: 15\r\n\r\n"+pingBody+
		"HTTP/1.1 200 OK\r\n"+
		"Content-Type: application/vnd.ms-sync.wbxml\r\n"+
		"Transfer-Encoding: chunked\r\n"+
		"Trailer: X-Check\r\n\r\n"+
		"f\r\n"+pingBody+"\r\n0\r\nX-Check: --done--\r\n\r\n")
	if len(ms) != 2 {
		t.Fatalf("%d messages", len(ms))
	}
	tests := []struct {
		m    *Message
		want string
	}{
		{ms[0], `HTTP message 1, line 1: request (Sync)
POST /Microsoft-Server-ActiveSync?jAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l HTTP/1.1
Host: mail.example.com
Content-Type: application/vnd.ms-sync.wbxml
Content-Length: 15

Query (base64):
  Version: 14.0
  Command: Sync
  Locale: 0x0409
  DeviceId: v140Device
  DeviceType: SmartPhone
Plain form:
  Cmd=Sync&DeviceId=v140Device&DeviceType=SmartPhone
  MS-ASProtocolVersion: 14.0

Body: 15 bytes of WBXML
`},
		{ms[1], `HTTP message 2, line 6: response to message 1 (Sync)
HTTP/1.1 200 OK
Content-Type: application/vnd.ms-sync.wbxml
Transfer-Encoding: chunked
Trailer: X-Check

Body: 15 bytes of WBXML
Trailer:
  X-Check: --done--
`},
	}
	for _, tt := range tests {
		text, notes := tt.m.Describe()
		if diff := cmp.Diff(tt.want, text); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.m.Where(), diff)
		}
		if len(notes) != 0 {
			t.Errorf("%s: notes %q", tt.m.Where(), notes)
		}
	}
}

func TestDescribeBodies(t *testing.T) {
	long := strings.Repeat("é", maxTextBody) // 2 bytes a rune: cut in the middle
	multipart := string(AppendMultipart(nil, []byte(pingBody), []byte("plain text part"), []byte{0xff, 0x00, 0x01}))
	tests := []struct {
		name, in string
		want     string // the lines from "Body:" on
	}{
		{"empty", "HTTP/1.1 200 OK\nContent-Length: 0\n\n", "Body: empty\n"},
		{"text", "HTTP/1.1 500 Error\nContent-Type: text/plain\nContent-Length: 12\n\nline1\r\nline2", "Body: 12 bytes of text (text/plain), not WBXML:\n  line1\n  line2\n"},
		{"long text", "HTTP/1.1 500 Error\nContent-Type: text/plain\nContent-Length: " + strconv.Itoa(len(long)) + "\n\n" + long,
			"Body: 4096 bytes of text (text/plain), not WBXML:\n  " + long[:maxTextBody] + "\n  … 2048 bytes more\n"},
		{"binary", "HTTP/1.1 200 OK\nContent-Type: image/png\nContent-Length: 4\n\n\x89PNG", "Body: 4 bytes of binary data (image/png), not WBXML\n"},
		{"multipart", "HTTP/1.1 200 OK\nContent-Type: application/vnd.ms-sync.multipart\nContent-Length: " + strconv.Itoa(len(multipart)) + "\n\n" + multipart,
			"Body: 61 bytes, multipart with 3 parts (numbered from 0, as Part elements refer to them):\n  part 0: offset 28, 15 bytes, the WBXML response\n  part 1: offset 43, 15 bytes of text, not converted\n  part 2: offset 58, 3 bytes of data, not converted\n"},
		{"bad multipart", "HTTP/1.1 200 OK\nContent-Type: application/vnd.ms-sync.multipart\nContent-Length: 4\n\n\x09\x00\x00\x00",
			"Body: 4 bytes, multipart (application/vnd.ms-sync.multipart), malformed: capture: multipart: offset 0: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := messages(t, tt.in)
			text, _ := ms[0].Describe()
			_, body, ok := strings.Cut(text, "\nBody:")
			if !ok {
				t.Fatalf("no Body line:\n%s", text)
			}
			body = "Body:" + body
			if strings.HasSuffix(tt.want, ": ") {
				if !strings.HasPrefix(body, tt.want) {
					t.Errorf("got %q, want %q…", body, tt.want)
				}
				return
			}
			if diff := cmp.Diff(tt.want, body); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestDescribeQuery(t *testing.T) {
	tests := []struct {
		name, query string
		want        string
		note        bool
	}{
		{"plain with escapes", "Cmd=Sync&User=j%40example.com&DeviceId=ABC&DeviceType=iPhone&Bad=%zz",
			"Query (plain):\n  Cmd: Sync\n  User: j@example.com\n  DeviceId: ABC\n  DeviceType: iPhone\n  Bad: %zz\n\n", false},
		{"base64 needing lenient decoding", "jRIJBA9BcHBsNUsxNDM1OEFBNFMEWS0E6wZpUGhvbmU%3D",
			"Query (base64, decoded leniently: b64uri: base64 text offset 43: non-base64 character '%' (RFC 2045 alphabet expected)):\n  Version: 14.1\n  Command: Ping\n", false},
		{"undecodable base64", "jAAJBap2MTQwRGV2aWNlAApTbWFydFBob25l",
			"Query (base64): does not decode: b64uri: byte 4: device id length 170 exceeds remaining 22 bytes\n\n", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := messages(t, "POST /Microsoft-Server-ActiveSync?"+tt.query+" HTTP/1.1\nContent-Length: 0\n\n")
			text, notes := ms[0].Describe()
			_, q, _ := strings.Cut(text, "\n\n")
			if !strings.HasPrefix(q, tt.want) {
				t.Errorf("got:\n%s\nwant a start of:\n%s", q, tt.want)
			}
			if (len(notes) > 0) != tt.note {
				t.Errorf("notes %q, want a note: %v", notes, tt.note)
			}
		})
	}
}

func TestQueryCommand(t *testing.T) {
	for q, want := range map[string]string{
		"":                                     "",
		"Cmd=Ping&User=x":                      "Ping",
		"User=x&Cmd=Item%4Fperations":          "ItemOperations",
		"User=x&DeviceId=y":                    "",
		"jAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l": "Sync",
		"jAAJBap2MTQwRGV2aWNlAApTbWFydFBob25l": "",
	} {
		pq := ParseQuery(q)
		if got := pq.Command(); got != want {
			t.Errorf("ParseQuery(%q).Command() = %q, want %q", q, got, want)
		}
		if pq.Raw != q {
			t.Errorf("ParseQuery(%q).Raw = %q", q, pq.Raw)
		}
	}
}

func TestTitleAndSkipped(t *testing.T) {
	ms := messages(t, "GET /owa/ HTTP/1.1\nHost: x\n\nHTTP/1.1 200 OK\nContent-Type: text/html\nContent-Length: 3\n\nabc")
	if got, want := ms[0].Title(), "HTTP message 1, line 1: request"; got != want {
		t.Errorf("Title = %q, want %q", got, want)
	}
	if got, want := ms[0].Skipped(), "HTTP message 1, line 1: GET /owa/ HTTP/1.1: not ActiveSync, skipped"; got != want {
		t.Errorf("Skipped = %q, want %q", got, want)
	}
	if got, want := ms[1].Skipped(), "HTTP message 2, line 4: HTTP/1.1 200 OK, text/html, 3 bytes: not ActiveSync, skipped"; got != want {
		t.Errorf("Skipped = %q, want %q", got, want)
	}
	raw := messages(t, pingBody)
	if got := raw[0].Title(); got != "" {
		t.Errorf("Title of a lone body = %q, want \"\"", got)
	}
}

func TestQueryZeroValue(t *testing.T) {
	var q Query
	if q.Command() != "" || q.Plain || q.Decoded || q.Err != nil {
		t.Errorf("zero Query: %+v, command %q", q, q.Command())
	}
	if got := ParseQuery(""); got.Raw != "" || got.Command() != "" || got.Plain || got.Decoded {
		t.Errorf("ParseQuery(\"\") = %+v, want the zero Query", got)
	}
}

// TestClassifiedOnce checks that a message the Reader returns answers
// from what the Reader worked out, and a message built by hand from its
// fields.
func TestClassifiedOnce(t *testing.T) {
	ms := messages(t, "POST /Microsoft-Server-ActiveSync?Cmd=Ping&User=x HTTP/1.1\r\n"+
		"Content-Length: 15\r\n\r\n"+pingBody+
		"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")
	req, resp := ms[0], ms[1]
	if req.BodyKind() != BodyWBXML || resp.BodyKind() != BodyEmpty {
		t.Fatalf("body kinds %v, %v", req.BodyKind(), resp.BodyKind())
	}
	if first, again := req.Query(), req.Query(); first != again {
		t.Error("Query() decodes again on each call")
	}
	if got := resp.Query().Command(); got != "Ping" {
		t.Errorf("the response's command: %q, want that of its request", got)
	}
	// The fields changed after the Reader returned it: the classification
	// stays (it is computed once); a hand-built Message computes anew.
	req.Body = nil
	if req.BodyKind() != BodyWBXML {
		t.Error("BodyKind was computed again")
	}
	m := &Message{Kind: KindRequest, Target: "/x?Cmd=Sync", Body: []byte(pingBody)}
	if m.BodyKind() != BodyWBXML || m.Query().Command() != "Sync" {
		t.Errorf("hand-built message: %v, %q", m.BodyKind(), m.Query().Command())
	}
}
