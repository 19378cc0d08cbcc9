package capture

import (
	"encoding/base64"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// burpDoc wraps items as Burp's "Save items" writes them.
func burpDoc(items ...string) string {
	return `<?xml version="1.0"?>
<!DOCTYPE items [
<!ELEMENT items (item*)>
<!ATTLIST items burpVersion CDATA "">
<!ELEMENT item (time, url, host, port, protocol, method, path, extension, request, status, responselength, mimetype, response, comment)>
<!ELEMENT request (#PCDATA)>
<!ATTLIST request base64 (true|false) "false">
<!ELEMENT response (#PCDATA)>
<!ATTLIST response base64 (true|false) "false">
]>
<items burpVersion="2024.3.1.4" exportTime="Thu May 02 10:00:00 CEST 2024">
` + strings.Join(items, "\n") + "\n</items>\n"
}

// burpItem writes an item; a response of "" is left empty (no response).
func burpItemXML(req, res string, b64 bool) string {
	enc := func(s string) string {
		if b64 {
			return base64.StdEncoding.EncodeToString([]byte(s))
		}
		return s
	}
	flag := "false"
	if b64 {
		flag = "true"
	}
	return `  <item>
    <time>Thu May 02 10:00:00 CEST 2024</time>
    <url><![CDATA[https://mail.example.com/Microsoft-Server-ActiveSync]]></url>
    <host ip="192.0.2.1">mail.example.com</host>
    <port>443</port>
    <protocol>https</protocol>
    <method><![CDATA[POST]]></method>
    <path><![CDATA[/Microsoft-Server-ActiveSync]]></path>
    <extension>null</extension>
    <request base64="` + flag + `"><![CDATA[` + enc(req) + `]]></request>
    <status>200</status>
    <responselength>0</responselength>
    <mimetype></mimetype>
    <response base64="` + flag + `"><![CDATA[` + enc(res) + `]]></response>
    <comment></comment>
  </item>`
}

func TestBurpMessages(t *testing.T) {
	wbxmlBody := "\x03\x01\x6a\x00\x00\x07\x56\x52\x03\x30\x00\x01\x01"
	ping := "POST /Microsoft-Server-ActiveSync?Cmd=Ping HTTP/1.1\r\nContent-Type: application/vnd.ms-sync.wbxml\r\nContent-Length: 13\r\n\r\n" + wbxmlBody
	tests := []struct {
		name string
		in   string
		want []meta
	}{
		{"base64 items: request and response share the item number; gzip undone; an item without response",
			burpDoc(
				burpItemXML(ping, "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n"+gzipString(wbxmlBody), true),
				burpItemXML("HEAD /x HTTP/1.1\r\n\r\n", "", true)),
			[]meta{
				{Kind: KindRequest, Index: 1, Line: 12, Method: "POST", Target: "/Microsoft-Server-ActiveSync?Cmd=Ping", Proto: "HTTP/1.1",
					Header: Header{{"Content-Type", "application/vnd.ms-sync.wbxml"}, {"Content-Length", "13"}}, Body: wbxmlBody,
					Query: "Cmd=Ping", Path: "/Microsoft-Server-ActiveSync", Where: "Burp item 1 request", ActiveSync: true},
				{Kind: KindResponse, Index: 1, Line: 12, Proto: "HTTP/1.1", StatusCode: 200, Reason: "OK",
					Header: Header{{"Content-Encoding", "gzip"}}, Body: wbxmlBody,
					Query: "Cmd=Ping", Path: "/Microsoft-Server-ActiveSync", Request: 1, Where: "Burp item 1 response", ActiveSync: true},
				{Kind: KindRequest, Index: 2, Line: 28, Method: "HEAD", Target: "/x", Proto: "HTTP/1.1", Path: "/x", Where: "Burp item 2 request"},
			}},
		{"text items (base64=\"false\"), a response to HEAD without a body",
			burpDoc(burpItemXML("HEAD /x HTTP/1.1\r\n\r\n", "HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\n", false)),
			[]meta{
				{Kind: KindRequest, Index: 1, Line: 12, Method: "HEAD", Target: "/x", Proto: "HTTP/1.1", Path: "/x", Where: "Burp item 1 request"},
				{Kind: KindResponse, Index: 1, Line: 12, Proto: "HTTP/1.1", StatusCode: 200, Reason: "OK", Header: Header{{"Content-Length", "4"}},
					Path: "/x", Request: 1, Where: "Burp item 1 response"},
			}},
		{"no items", burpDoc(), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if f := Detect([]byte(tt.in)); f != FormBurp {
				t.Fatalf("Detect = %v, want burp", f)
			}
			ms, err := ReadAll([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, metas(ms), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("messages (-want +got):\n%s", diff)
			}
		})
	}
}

func TestBurpErrors(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		opts     []Option
		sentinel error
		text     string
	}{
		{"other XML is not Burp's", `<?xml version="1.0"?><Sync xmlns="AirSync:"/>`, nil, ErrUnknownForm, "looks like XML"},
		{"other XML forced as burp", `<?xml version="1.0"?>` + "\n<Sync/>", []Option{WithForm(FormBurp)}, ErrSyntax, "Burp: line 2:1: root element <Sync>, expected Burp's <items>"},
		{"bad base64 names the item and its part",
			burpDoc(`<item><request base64="true">!!!!</request></item>`), nil, ErrSyntax, "Burp item 1 request: line 12:1: request: base64"},
		{"a bad HTTP message inside an item",
			burpDoc(burpItemXML("GET / HTTP/1.1\r\n\r\n", "HTTP/1.1 200 OK\r\nContent-Length: x\r\n\r\nabc", true)), nil, ErrSyntax,
			"Burp item 1 response: line 12:3: in the response, line 4:1: invalid Content-Length \"x\""},
		{"XML cut short", burpDoc(burpItemXML("GET / HTTP/1.1\r\n\r\n", "", true))[:700], nil, ErrTruncated, "Burp item 1"},
		{"XML syntax error", burpDoc("<item><request>a</response></item>"), nil, ErrSyntax, "Burp item 1: line 12:28: XML"},
		{"a request where the response belongs",
			burpDoc(burpItemXML("GET / HTTP/1.1\r\n\r\n", "GET / HTTP/1.1\r\n\r\n", false)), nil, ErrSyntax, "the response holds an HTTP request"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadAll([]byte(tt.in), tt.opts...)
			if !errors.Is(err, tt.sentinel) {
				t.Fatalf("error %v, want %v", err, tt.sentinel)
			}
			checkError(t, []byte(tt.in), err)
			if !strings.Contains(err.Error(), tt.text) {
				t.Errorf("error %q does not say %q", err, tt.text)
			}
		})
	}
}

// TestBurpTextKeepsLineEnds checks that a base64="false" item keeps its
// bytes: CR LF in the headers and the body, references replaced, whether
// the text is in a CDATA section or escaped.
func TestBurpTextKeepsLineEnds(t *testing.T) {
	req := "POST /Microsoft-Server-ActiveSync?Cmd=SendMail HTTP/1.1\r\nContent-Type: message/rfc822\r\nContent-Length: 12\r\n\r\nTo: a\r\n\r\nb<&"
	escaped := strings.NewReplacer("&", "&amp;", "<", "&lt;", "\r", "&#13;").Replace(req)
	for name, doc := range map[string]string{
		"CDATA": burpDoc(burpItemXML(req, "", false)),
		"escaped": strings.Replace(burpDoc(burpItemXML("X", "", false)),
			`<request base64="false"><![CDATA[X]]></request>`, `<request base64="false">`+escaped+`</request>`, 1),
	} {
		t.Run(name, func(t *testing.T) {
			r := NewReader([]byte(doc), WithForm(FormBurp))
			m, err := r.Next()
			if err != nil {
				t.Fatal(err)
			}
			if string(m.Body) != "To: a\r\n\r\nb<&" {
				t.Errorf("body %q, want the bytes sent", m.Body)
			}
			if m.Warning != nil {
				t.Errorf("warning %v", m.Warning)
			}
		})
	}
}

// TestBurpSeveralRequests checks that an item whose request text holds two
// pipelined requests yields both, in order, then the response, which
// answers the first.
func TestBurpSeveralRequests(t *testing.T) {
	const wbxmlBody = "\x03\x01\x6a\x00\x00\x07\x56\x52\x03\x30\x00\x01\x01"
	one := "POST /Microsoft-Server-ActiveSync?Cmd=Ping HTTP/1.1\r\nContent-Type: application/vnd.ms-sync.wbxml\r\nContent-Length: 13\r\n\r\n" + wbxmlBody
	two := "POST /Microsoft-Server-ActiveSync?Cmd=Sync HTTP/1.1\r\nContent-Length: 0\r\n\r\n"
	for _, b64 := range []bool{true, false} {
		doc := burpDoc(burpItemXML(one+two, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", true))
		if !b64 {
			doc = burpDoc(burpItemXML(two+two, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", false))
		}
		r := NewReader([]byte(doc), WithForm(FormBurp))
		var got []string
		var ms []*Message
		for {
			m, err := r.Next()
			if err != nil {
				break
			}
			ms = append(ms, m)
			got = append(got, m.Where()+" "+m.Query().Command())
		}
		want := "Burp item 1 request Ping|Burp item 1 request Sync|Burp item 1 response Ping"
		if !b64 {
			want = "Burp item 1 request Sync|Burp item 1 request Sync|Burp item 1 response Sync"
		}
		if strings.Join(got, "|") != want {
			t.Errorf("base64 %v: messages %q, want %q", b64, strings.Join(got, "|"), want)
			continue
		}
		if ms[2].Request != ms[0] {
			t.Errorf("base64 %v: the response answers %v, want the first request", b64, ms[2].Request)
		}
	}
}
