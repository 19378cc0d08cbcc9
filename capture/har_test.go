package capture

import (
	"encoding/base64"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestUnquoteJSONBytes(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
		st   textStats
	}{
		{"plain", `"abc"`, "abc", textStats{}},
		{"escapes", `"a\"\\\/\b\f\n\r\t\u0000\u00e9"`, "a\"\\/\b\f\n\r\t\x00\u00e9", textStats{}},
		{"surrogate pair", `"\ud83d\ude00"`, "\U0001F600", textStats{}},
		{"surrogateescape bytes", `"\udc80\udcff"`, "\x80\xff", textStats{escaped: 2}},
		{"lone high surrogate", `"\ud800x"`, "\uFFFDx", textStats{replaced: 1}},
		{"lone low surrogate outside the byte range", `"\udc10"`, "\uFFFD", textStats{replaced: 1}},
		{"escaped replacement character", `"\ufffd"`, "\uFFFD", textStats{replaced: 1}},
		{"raw replacement character", "\"\xef\xbf\xbd\"", "\uFFFD", textStats{replaced: 1}},
		{"raw invalid UTF-8 kept", "\"\x03\xc3\x05\"", "\x03\xc3\x05", textStats{rawInvalid: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, st, err := unquoteJSONBytes([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, string(got)); diff != "" {
				t.Errorf("bytes (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.st, st, cmp.AllowUnexported(textStats{})); diff != "" {
				t.Errorf("stats (-want +got):\n%s", diff)
			}
		})
	}
	for _, bad := range []string{``, `"`, `abc`, `"\x"`, `"\u12"`, `"\u12g4"`, `"a\"`} {
		if _, _, err := unquoteJSONBytes([]byte(bad)); err == nil {
			t.Errorf("unquoteJSONBytes(%q) succeeded", bad)
		}
	}
}

func TestRecoverText(t *testing.T) {
	// WBXML with an OPAQUE (0xC3) whose length byte 0x82 0x01 makes the
	// pair C3 82 valid UTF-8, and a UTF-8 string "é".
	opaque := "\x03\x01\x6a\x00\x00\x15\x45\x50\xc3\x82\x01" + strings.Repeat("m", 129) + "\x01\x01"
	str := "\x03\x01\x6a\x00\x00\x07\x56\x52\x03caf\xc3\xa9\x00\x01\x01"
	latin1 := func(b string) string {
		var sb strings.Builder
		for i := 0; i < len(b); i++ {
			sb.WriteRune(rune(b[i]))
		}
		return sb.String()
	}
	tests := []struct {
		name  string
		text  string // as the tool stored it
		want  string
		lossy bool
	}{
		{"ASCII", "\x03\x01\x6a\x00\x00\x07\x56\x52\x03\x30\x00\x01\x01", "\x03\x01\x6a\x00\x00\x07\x56\x52\x03\x30\x00\x01\x01", false},
		{"WBXML read as ISO-8859-1 (C1 characters)", latin1(opaque), opaque, false},
		{"WBXML read as UTF-8, valid", opaque, opaque, false},
		{"string read as ISO-8859-1 (UTF-8 mojibake)", latin1(str), str, false},
		{"string read as UTF-8", str, str, false},
		{"text with accents stays UTF-8", "café au lait", "café au lait", false},
		{"characters above U+00FF stay UTF-8", "naïve € ünïcode", "naïve € ünïcode", false},
		{"replacement characters are lossy", "\x03\x01\x6a\x00\uFFFD\x01", "\x03\x01\x6a\x00\uFFFD\x01", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			raw := []byte(tt.text)
			st := textStats{}
			if strings.ContainsRune(tt.text, '\uFFFD') {
				st.replaced = strings.Count(tt.text, "\uFFFD")
			}
			got, warn := recoverText(raw, st)
			if diff := cmp.Diff([]byte(tt.want), got); diff != "" {
				t.Errorf("bytes (-want +got):\n%s", diff)
			}
			if lossy := errors.Is(warn, ErrLossy); lossy != tt.lossy {
				t.Errorf("warning %v, want lossy=%v", warn, tt.lossy)
			}
		})
	}
}

func TestHARMessages(t *testing.T) {
	gz := gzipString("\x03\x01\x6a\x00\x45\x01")
	har := `{"log": {"version": "1.2", "creator": {"name": "x"}, "pages": [{"id": "p"}], "entries": [
  {"request": {"method": "POST", "url": "https://h/Microsoft-Server-ActiveSync?Cmd=Ping", "httpVersion": "HTTP/2",
     "headers": [{"name": ":authority", "value": "h"}, {"name": "content-type", "value": "application/vnd.ms-sync.wbxml"}],
     "postData": {"mimeType": "application/vnd.ms-sync.wbxml", "text": "AwFqAEUB", "encoding": "base64"}, "bodySize": 6},
   "response": {"status": 200.0, "statusText": "", "httpVersion": "HTTP/2",
     "headers": [{"name": "content-encoding", "value": "gzip"}],
     "content": {"size": 6, "mimeType": "application/vnd.ms-sync.wbxml", "text": "` + b64(gz) + `", "encoding": "base64"}}},
  {"request": {"method": "POST", "url": "https://h/Microsoft-Server-ActiveSync?Cmd=Sync", "bodySize": 120},
   "response": {"status": 200, "headers": [], "content": {"size": 300, "mimeType": "application/vnd.ms-sync.wbxml"}}},
  {"request": {"method": "GET", "url": "https://h/owa/"},
   "response": {"status": 0, "headers": [], "content": {}}}
]}}`
	ms, err := ReadAll([]byte(har))
	if err != nil {
		t.Fatal(err)
	}
	type hm struct {
		Where, Start, Body, ContentType string
		Lossy, ActiveSync               bool
	}
	var got []hm
	for _, m := range ms {
		got = append(got, hm{m.Where(), m.StartLine(), string(m.Body), m.ContentType(), errors.Is(m.Warning, ErrLossy), m.ActiveSync()})
	}
	want := []hm{
		{"HAR entry 1 request", "POST https://h/Microsoft-Server-ActiveSync?Cmd=Ping HTTP/2", "\x03\x01\x6a\x00\x45\x01", "application/vnd.ms-sync.wbxml", false, true},
		// A body still gzip-compressed under a Content-Encoding header is decoded.
		{"HAR entry 1 response", "HTTP/2 200", "\x03\x01\x6a\x00\x45\x01", "application/vnd.ms-sync.wbxml", false, true},
		{"HAR entry 2 request", "POST https://h/Microsoft-Server-ActiveSync?Cmd=Sync HTTP/1.1", "", "", true, true},
		{"HAR entry 2 response", "HTTP/1.1 200", "", "application/vnd.ms-sync.wbxml", true, true},
		{"HAR entry 3 request", "GET https://h/owa/ HTTP/1.1", "", "", false, false},
	}
	// StartLine falls back to HTTP/1.1 for responses only; requests without
	// httpVersion print without it.
	want[2].Start = "POST https://h/Microsoft-Server-ActiveSync?Cmd=Sync"
	want[4].Start = "GET https://h/owa/"
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("messages (-want +got):\n%s", diff)
	}
	if ms[1].Request != ms[0] {
		t.Error("response not linked to its request")
	}
	if got := ms[0].Header.Get("Content-Type"); got != "application/vnd.ms-sync.wbxml" {
		t.Errorf("header lookup is not case-insensitive: %q", got)
	}
}

func b64(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }

// TestHAREntryOrder checks that entries come in the order of their
// startedDateTime, as HAR 1.2 asks readers to make sure ("the reader
// application should always make sure the array is sorted"), with their
// numbers still their places in the file; ties, and files where an entry
// has no time, keep the file order.
func TestHAREntryOrder(t *testing.T) {
	entry := func(started, cmd string) string {
		return `{"startedDateTime":` + started + `,"request":{"method":"POST","url":"https://h/Microsoft-Server-ActiveSync?Cmd=` + cmd +
			`&User=u&DeviceId=d&DeviceType=t","httpVersion":"HTTP/1.1","headers":[]},"response":{"status":200,"statusText":"OK","httpVersion":"HTTP/1.1","headers":[],"content":{"size":0}}}`
	}
	har := func(entries ...string) string {
		return `{"log":{"version":"1.2","entries":[` + strings.Join(entries, ",") + `]}}`
	}
	type got struct {
		Index int
		Cmd   string
	}
	tests := []struct {
		name string
		in   string
		want []got
	}{
		{"out of order",
			har(entry(`"2024-05-01T10:00:02.000Z"`, "Sync"), entry(`"2024-05-01T10:00:00.000Z"`, "FolderSync"), entry(`"2024-05-01T10:00:01.500Z"`, "Ping")),
			[]got{{2, "FolderSync"}, {3, "Ping"}, {1, "Sync"}}},
		{"time zones and Fiddler's seven fractional digits",
			har(entry(`"2024-05-01T12:00:00.1234567+02:00"`, "Sync"), entry(`"2024-05-01T09:59:59Z"`, "FolderSync")),
			[]got{{2, "FolderSync"}, {1, "Sync"}}},
		{"equal times keep the file order",
			har(entry(`"2024-05-01T10:00:00Z"`, "Sync"), entry(`"2024-05-01T10:00:00Z"`, "Ping"), entry(`"2024-05-01T09:00:00Z"`, "FolderSync")),
			[]got{{3, "FolderSync"}, {1, "Sync"}, {2, "Ping"}}},
		{"an entry without a time: file order",
			har(entry(`"2024-05-01T10:00:02Z"`, "Sync"), entry(`""`, "FolderSync")),
			[]got{{1, "Sync"}, {2, "FolderSync"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms, err := ReadAll([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			var g []got
			for _, m := range ms {
				if m.Kind == KindRequest {
					g = append(g, got{m.Index, strings.SplitN(strings.TrimPrefix(m.RawQuery(), "Cmd="), "&", 2)[0]})
				}
			}
			if diff := cmp.Diff(tt.want, g); diff != "" {
				t.Errorf("requests (-want +got):\n%s", diff)
			}
		})
	}
}
