package eashttp

import (
	"bytes"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/easkit/easkit/b64uri"
	"github.com/easkit/easkit/version"
	"github.com/google/go-cmp/cmp"
)

// The MS-ASHTTP example query (Sync, 14.0, device v140Device, SmartPhone).
const specBase64 = "jAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l"

func TestParseRequest(t *testing.T) {
	wbxml := []byte{3, 1, 106, 0, 0x45, 0x01} // an empty Sync
	for _, tc := range []struct {
		name    string
		query   string
		headers map[string]string
		body    []byte
		want    Request
	}{
		{"plain", "Cmd=SendMail&User=rmjones&DeviceId=v140Device&DeviceType=SmartPhone&SaveInSent=T",
			map[string]string{"MS-ASProtocolVersion": "14.0", "X-MS-PolicyKey": "123", "Content-Type": "message/rfc822", "User-Agent": "ua"},
			[]byte("Subject: hi\r\n\r\n"),
			Request{Cmd: "SendMail", Command: b64uri.CmdSendMail, Version: version.V14_0, User: "rmjones", DeviceID: "v140Device",
				DeviceType: "SmartPhone", PolicyKey: "123", SaveInSent: true, UserAgent: "ua", ContentType: "message/rfc822",
				Body: []byte("Subject: hi\r\n\r\n")}},
		{"plain multipart", "Cmd=ItemOperations&User=u&DeviceId=d&DeviceType=t",
			map[string]string{"MS-ASProtocolVersion": "14.1", "MS-ASAcceptMultiPart": "T"}, nil,
			Request{Cmd: "ItemOperations", Command: b64uri.CmdItemOperations, Version: version.V14_1, User: "u", DeviceID: "d",
				DeviceType: "t", AcceptMultiPart: true}},
		{"base64", specBase64, map[string]string{"Content-Type": MediaTypeWBXML}, wbxml,
			Request{Cmd: "Sync", Command: b64uri.CmdSync, Base64: true, Version: version.V14_0, DeviceID: "v140Device",
				DeviceType: "SmartPhone", Locale: 0x0409, ContentType: MediaTypeWBXML, Body: wbxml}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := httptest.NewRequest("POST", "/Microsoft-Server-ActiveSync?"+tc.query, bytes.NewReader(tc.body))
			for k, v := range tc.headers {
				r.Header.Set(k, v)
			}
			got, err := ParseRequest(r, 1<<10)
			if err != nil {
				t.Fatal(err)
			}
			if (got.Message != nil) != (tc.want.ContentType == MediaTypeWBXML) {
				t.Errorf("Message %v for Content-Type %q", got.Message, tc.want.ContentType)
			}
			got.HTTP, got.Message = nil, nil
			if len(got.Body) == 0 {
				got.Body = nil
			}
			if d := cmp.Diff(&tc.want, got, cmp.AllowUnexported(Request{})); d != "" {
				t.Errorf("-want +got\n%s", d)
			}
		})
	}
}

func TestParseRequestErrors(t *testing.T) {
	for _, tc := range []struct {
		name, method, query, ct string
		body                    string
		code                    int
		field                   string
		sentinel                error
	}{
		{"method", "PUT", specBase64, "", "", 405, "method", nil},
		{"no query", "POST", "", "", "", 400, "query", nil},
		{"plain without version", "POST", "Cmd=Sync&User=u&DeviceId=d&DeviceType=t", "", "", 400, "query", b64uri.ErrMissingParam},
		{"bad base64", "POST", "jAAJBap2MTQwRGV2aWNlAApTbWFydFBob251", "", "", 400, "query", b64uri.ErrDeviceIDLength},
		{"body over the limit", "POST", specBase64, MediaTypeWBXML, strings.Repeat("x", 2000), 413, "body", ErrTooLarge},
		{"bad WBXML", "POST", specBase64, MediaTypeWBXML, "\x03\x01\x6a\x00\x45\x45", 400, "body", nil},
		{"bad Content-Type", "POST", specBase64, "a/b; =", "x", 400, "Content-Type", nil},
	} {
		r := httptest.NewRequest(tc.method, "/?"+tc.query, strings.NewReader(tc.body))
		if tc.ct != "" {
			r.Header.Set("Content-Type", tc.ct)
		}
		_, err := ParseRequest(r, 1<<10)
		var re *RequestError
		if !errors.As(err, &re) || re.Code != tc.code || re.Field != tc.field || (tc.sentinel != nil && !errors.Is(err, tc.sentinel)) {
			t.Errorf("%s: err %v (%+v); want %d for %s", tc.name, err, re, tc.code, tc.field)
		}
	}
}

func TestHandler(t *testing.T) {
	ts := newTestServer(t, version.V14_0, version.V14_1)
	for _, tc := range []struct {
		name, method, query string
		version             string
		code                int
	}{
		{"unknown command", "POST", "Cmd=Search&User=u&DeviceId=d&DeviceType=t", "14.1", 501},
		{"version not served", "POST", "Cmd=Sync&User=u&DeviceId=d&DeviceType=t", "16.1", 400},
		{"bad query", "POST", "Cmd=Sync", "14.1", 400},
		{"served", "POST", "Cmd=Sync&User=u&DeviceId=d&DeviceType=t", "14.1", 200},
		{"OPTIONS", "OPTIONS", "", "", 200},
	} {
		req, _ := http.NewRequest(tc.method, ts.url()+"?"+tc.query, nil)
		if tc.version != "" {
			req.Header.Set("MS-ASProtocolVersion", tc.version)
		}
		resp, err := ts.srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tc.code {
			t.Errorf("%s: %d, want %d", tc.name, resp.StatusCode, tc.code)
		}
	}
}

func TestWriters(t *testing.T) {
	w := httptest.NewRecorder()
	WriteRetryAfter(w, 1500*1e6)
	if w.Code != 503 || w.Header().Get("Retry-After") != "2" {
		t.Errorf("WriteRetryAfter: %d %v", w.Code, w.Header())
	}
	w = httptest.NewRecorder()
	WriteRedirect(w, "https://b/Microsoft-Server-ActiveSync")
	if w.Code != 451 || w.Header().Get("X-MS-Location") != "https://b/Microsoft-Server-ActiveSync" {
		t.Errorf("WriteRedirect: %d %v", w.Code, w.Header())
	}
	w = httptest.NewRecorder()
	WriteOptions(w, []version.Version{version.V14_1, version.V2_5}, []string{"Sync", "Ping"})
	if got := w.Header().Get("MS-ASProtocolVersions") + " " + w.Header().Get("MS-ASProtocolCommands"); got != "2.5,14.1 Sync,Ping" {
		t.Errorf("WriteOptions: %q", got)
	}
	w = httptest.NewRecorder()
	if err := WriteWBXML(w, []byte{3, 1, 106, 0}); err != nil || w.Header().Get("Content-Type") != MediaTypeWBXML || w.Body.Len() != 4 {
		t.Errorf("WriteWBXML: %v %v", err, w.Header())
	}
	// A CommandFunc's *StatusError chooses the status and its headers.
	for _, tc := range []struct {
		err    error
		code   int
		header string
	}{
		{&StatusError{Code: 451, Location: "https://b/"}, 451, "https://b/"},
		{&StatusError{Code: 503, RetryAfter: 3e9}, 503, "3"},
		{&StatusError{Code: 449}, 449, ""},
		{errors.New("boom"), 500, ""},
	} {
		w = httptest.NewRecorder()
		writeError(w, tc.err)
		got := w.Header().Get("X-MS-Location") + w.Header().Get("Retry-After")
		if w.Code != tc.code || got != tc.header {
			t.Errorf("%v: %d %q, want %d %q", tc.err, w.Code, got, tc.code, tc.header)
		}
	}
}
