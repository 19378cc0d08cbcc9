package capture

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// got is what the form tests compare of a message.
type got struct {
	Kind      Kind
	Index     int
	StartLine string
	Body      string // the testdata/wbxml file whose bytes the body equals, "(empty)", or "(other)"
	BodyKind  BodyKind
	Lossy     bool
}

// samples maps each file of testdata/wbxml to its bytes.
func samples(t *testing.T) map[string][]byte {
	t.Helper()
	files, err := filepath.Glob("testdata/wbxml/*")
	if err != nil || len(files) == 0 {
		t.Fatalf("no samples: %v", err)
	}
	m := make(map[string][]byte)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		m[filepath.Base(f)] = b
	}
	return m
}

func describe(m *Message, originals map[string][]byte) got {
	g := got{Kind: m.Kind, Index: m.Index, StartLine: m.StartLine(), BodyKind: m.BodyKind(), Lossy: errors.Is(m.Warning, ErrLossy)}
	switch {
	case len(m.Body) == 0:
		g.Body = "(empty)"
	default:
		g.Body = "(other)"
		for name, b := range originals {
			if string(b) == string(m.Body) {
				g.Body = name
			}
		}
	}
	return g
}

const eas = "https://mail.example.com/Microsoft-Server-ActiveSync"

func TestForms(t *testing.T) {
	originals := samples(t)
	body := func(name string, k BodyKind) got { return got{Kind: KindBody, Index: 1, Body: name, BodyKind: k} }
	tests := []struct {
		file string
		form Form
		want []got
	}{
		{"wbxml/eas-ping-req.wbxml", FormRaw, []got{body("eas-ping-req.wbxml", BodyWBXML)}},
		{"wbxml/multipart-fetch.bin", FormRaw, []got{body("multipart-fetch.bin", BodyMultipart)}},
		{"hex/eas-ping-req.xxd", FormHex, []got{body("eas-ping-req.wbxml", BodyWBXML)}},
		{"hex/eas-sync-resp-email-add-opaque.hexdump-C", FormHex, []got{body("eas-sync-resp-email-add-opaque.wbxml", BodyWBXML)}},
		{"hex/eas-foldersync-resp-folders-utf8.hexdump", FormHex, []got{body("eas-foldersync-resp-folders-utf8.wbxml", BodyWBXML)}},
		{"hex/eas-foldersync-resp-folders-utf8.od-x", FormHex, []got{body("eas-foldersync-resp-folders-utf8.wbxml", BodyWBXML)}},
		{"hex/eas-provision-resp-policy.od-Ax-tx1z", FormHex, []got{body("eas-provision-resp-policy.wbxml", BodyWBXML)}},
		{"hex/eas-settings-req-deviceinfo.od-tx1", FormHex, []got{body("eas-settings-req-deviceinfo.wbxml", BodyWBXML)}},
		{"hex/eas-getitemestimate-req.xxd-p", FormHex, []got{body("eas-getitemestimate-req.wbxml", BodyWBXML)}},
		{"hex/eas-itemoperations-fetch-req.xxd-i", FormHex, []got{body("eas-itemoperations-fetch-req.wbxml", BodyWBXML)}},
		{"hex/eas-settings-resp.xxd-u-g1-c8", FormHex, []got{body("eas-settings-resp.wbxml", BodyWBXML)}},
		{"hex/multipart-fetch.hexdump-C", FormHex, []got{body("multipart-fetch.bin", BodyMultipart)}},
		{"hex/eas-provision-req-deviceinfo.wireshark-hexascii", FormHex, []got{body("eas-provision-req-deviceinfo.wbxml", BodyWBXML)}},
		{"hex/eas-provision-ack-resp.wireshark-hexonly", FormHex, []got{body("eas-provision-ack-resp.wbxml", BodyWBXML)}},
		{"hex/eas-sync-req-getchanges.wireshark-stream", FormHex, []got{body("eas-sync-req-getchanges.wbxml", BodyWBXML)}},
		{"hex/eas-ping-resp-status3.wireshark-go", FormHex, []got{body("eas-ping-resp-status3.wbxml", BodyWBXML)}},
		{"hex/eas-settings-resp.wireshark-c", FormHex, []got{body("eas-settings-resp.wbxml", BodyWBXML)}},
		{"hex/libwbxml-sendmail-mime-opaque.0x-list", FormHex, []got{body("libwbxml-sendmail-mime-opaque.wbxml", BodyWBXML)}},
		{"hex/ping-pair.xxd", FormHex, []got{
			{Kind: KindBody, Index: 1, Body: "eas-ping-req.wbxml", BodyKind: BodyWBXML},
			{Kind: KindBody, Index: 2, Body: "eas-ping-resp-status3.wbxml", BodyKind: BodyWBXML},
		}},
		// A dump of a whole HTTP exchange (Wireshark's Follow TCP Stream
		// as C arrays, one per packet; xxd of a saved session) is read as
		// the HTTP it holds.
		{"hex/session-lf.follow-c-arrays", FormHex, []got{
			{KindRequest, 1, "OPTIONS " + eas + " HTTP/1.1", "(empty)", BodyEmpty, false},
			{KindResponse, 2, "HTTP/1.1 200 OK", "(empty)", BodyEmpty, false},
			{KindRequest, 3, "POST " + eas + "?Cmd=FolderSync&User=jdoe&DeviceId=ABC123&DeviceType=iPhone HTTP/1.1", "eas-foldersync-req-synckey0.wbxml", BodyWBXML, false},
			{KindResponse, 4, "HTTP/1.1 200 OK", "eas-foldersync-resp-folders-utf8.wbxml", BodyWBXML, false},
		}},
		{"hex/session-lf.follow-hexdump", FormHex, []got{
			{KindRequest, 1, "OPTIONS " + eas + " HTTP/1.1", "(empty)", BodyEmpty, false},
			{KindResponse, 2, "HTTP/1.1 200 OK", "(empty)", BodyEmpty, false},
			{KindRequest, 3, "POST " + eas + "?Cmd=FolderSync&User=jdoe&DeviceId=ABC123&DeviceType=iPhone HTTP/1.1", "eas-foldersync-req-synckey0.wbxml", BodyWBXML, false},
			{KindResponse, 4, "HTTP/1.1 200 OK", "eas-foldersync-resp-folders-utf8.wbxml", BodyWBXML, false},
		}},
		{"hex/session-crlf.http.xxd", FormHex, []got{
			{KindRequest, 1, "POST /Microsoft-Server-ActiveSync?Cmd=Sync&User=jdoe&DeviceId=v140Device&DeviceType=SmartPhone HTTP/1.1", "eas-sync-req-getchanges.wbxml", BodyWBXML, false},
			{KindResponse, 2, "HTTP/1.1 200 OK", "eas-sync-resp-email-add-opaque.wbxml", BodyWBXML, false},
			{KindRequest, 3, "POST /Microsoft-Server-ActiveSync?jAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l HTTP/1.1", "eas-ping-req.wbxml", BodyWBXML, false},
			{KindResponse, 4, "HTTP/1.1 200 OK", "eas-ping-resp-status3.wbxml", BodyWBXML, false},
		}},
		{"base64/libwbxml-search-resp-gal-picture.b64", FormBase64, []got{body("libwbxml-search-resp-gal-picture.wbxml", BodyWBXML)}},
		{"base64/mscmd-moveitems-req.b64url", FormBase64, []got{body("mscmd-moveitems-req.wbxml", BodyWBXML)}},
		{"base64/eas-sync-resp-initial.b64", FormBase64, []got{body("eas-sync-resp-initial.wbxml", BodyWBXML)}},
		{"http/session-crlf.http", FormHTTP, []got{
			{KindRequest, 1, "POST /Microsoft-Server-ActiveSync?Cmd=Sync&User=jdoe&DeviceId=v140Device&DeviceType=SmartPhone HTTP/1.1", "eas-sync-req-getchanges.wbxml", BodyWBXML, false},
			{KindResponse, 2, "HTTP/1.1 200 OK", "eas-sync-resp-email-add-opaque.wbxml", BodyWBXML, false},
			{KindRequest, 3, "POST /Microsoft-Server-ActiveSync?jAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l HTTP/1.1", "eas-ping-req.wbxml", BodyWBXML, false},
			{KindResponse, 4, "HTTP/1.1 200 OK", "eas-ping-resp-status3.wbxml", BodyWBXML, false},
		}},
		{"http/session-lf.http", FormHTTP, []got{
			{KindRequest, 1, "OPTIONS " + eas + " HTTP/1.1", "(empty)", BodyEmpty, false},
			{KindResponse, 2, "HTTP/1.1 200 OK", "(empty)", BodyEmpty, false},
			{KindRequest, 3, "POST " + eas + "?Cmd=FolderSync&User=jdoe&DeviceId=ABC123&DeviceType=iPhone HTTP/1.1", "eas-foldersync-req-synckey0.wbxml", BodyWBXML, false},
			{KindResponse, 4, "HTTP/1.1 200 OK", "eas-foldersync-resp-folders-utf8.wbxml", BodyWBXML, false},
		}},
		{"http/itemoperations-multipart.http", FormHTTP, []got{
			{KindRequest, 1, "POST /Microsoft-Server-ActiveSync?Cmd=ItemOperations&User=jdoe&DeviceId=ABC123&DeviceType=iPhone HTTP/1.1", "eas-itemoperations-fetch-req.wbxml", BodyWBXML, false},
			{KindResponse, 2, "HTTP/1.1 200 OK", "multipart-fetch.bin", BodyMultipart, false},
		}},
		{"http/spec-indented.http", FormHTTP, []got{
			{KindRequest, 1, "OPTIONS /Microsoft-Server-ActiveSync HTTP/1.1", "(empty)", BodyEmpty, false},
			{KindResponse, 2, "HTTP/1.1 200 OK", "(empty)", BodyEmpty, false},
			{KindRequest, 3, "POST /Microsoft-Server-ActiveSync?Cmd=FolderSync&User=jdoe&DeviceId=v140Device&DeviceType=SmartPhone HTTP/1.1", "eas-foldersync-req-synckey0.wbxml", BodyWBXML, false},
			{KindResponse, 4, "HTTP/1.1 200 OK", "(empty)", BodyEmpty, true},
		}},
		{"http/email-quoted.http", FormHTTP, []got{
			{KindRequest, 1, "POST /Microsoft-Server-ActiveSync?Cmd=Ping&User=jdoe&DeviceId=v140Device&DeviceType=SmartPhone HTTP/1.1", "eas-ping-req.wbxml", BodyWBXML, false},
			{KindResponse, 2, "HTTP/1.1 200 OK", "eas-ping-resp-status3.wbxml", BodyWBXML, false},
		}},
		{"http/truncated.http", FormHTTP, []got{
			{KindRequest, 1, "POST /Microsoft-Server-ActiveSync?Cmd=Ping&User=jdoe&DeviceId=v140Device&DeviceType=SmartPhone HTTP/1.1", "eas-ping-req.wbxml", BodyWBXML, false},
			{KindResponse, 2, "HTTP/1.1 200 OK", "(other)", BodyWBXML, true},
		}},
		{"har/session.har", FormHAR, []got{
			{KindRequest, 1, "OPTIONS " + eas + " HTTP/1.1", "(empty)", BodyEmpty, false},
			{KindResponse, 1, "HTTP/1.1 200 OK", "(empty)", BodyEmpty, false},
			{KindRequest, 2, "POST " + eas + "?Cmd=FolderSync&User=jdoe&DeviceId=ABC123&DeviceType=iPhone HTTP/1.1", "eas-foldersync-req-synckey0.wbxml", BodyWBXML, false},
			{KindResponse, 2, "HTTP/1.1 200 OK", "eas-foldersync-resp-folders-utf8.wbxml", BodyWBXML, false},
			{KindRequest, 3, "POST " + eas + "?Cmd=SendMail&User=jdoe&DeviceId=ABC123&DeviceType=iPhone HTTP/1.1", "libwbxml-sendmail-mime-opaque.wbxml", BodyWBXML, false},
			{KindResponse, 3, "HTTP/1.1 200 OK", "(empty)", BodyEmpty, false},
			{KindRequest, 4, "POST " + eas + "?Cmd=Sync&User=jdoe&DeviceId=ABC123&DeviceType=iPhone HTTP/1.1", "eas-sync-req-getchanges.wbxml", BodyWBXML, false},
			{KindResponse, 4, "HTTP/1.1 200 OK", "(other)", BodyWBXML, true},
			{KindRequest, 5, "GET https://mail.example.com/owa/ HTTP/1.1", "(empty)", BodyEmpty, false},
			{KindResponse, 5, "HTTP/1.1 200 OK", "(other)", BodyText, false},
			{KindRequest, 6, "POST " + eas + "?jAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l HTTP/1.1", "eas-ping-req.wbxml", BodyWBXML, false},
			{KindResponse, 6, "HTTP/1.1 200 OK", "libwbxml-search-resp-gal-picture.wbxml", BodyWBXML, false},
			{KindRequest, 7, "POST " + eas + "?Cmd=Ping&User=jdoe&DeviceId=ABC123&DeviceType=iPhone HTTP/1.1", "eas-ping-req.wbxml", BodyWBXML, false},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			if f := Detect(data); f != tt.form {
				t.Errorf("Detect = %v, want %v", f, tt.form)
			}
			for _, forced := range []Form{FormAuto, tt.form} {
				r := NewReader(data, WithForm(forced))
				var gots []got
				for m, err := range r.All() {
					if err != nil {
						t.Fatalf("WithForm(%v): %v", forced, err)
					}
					gots = append(gots, describe(m, originals))
				}
				if r.Form() != tt.form {
					t.Errorf("WithForm(%v): Form() = %v, want %v", forced, r.Form(), tt.form)
				}
				if diff := cmp.Diff(tt.want, gots); diff != "" {
					t.Errorf("WithForm(%v): messages (-want +got):\n%s", forced, diff)
				}
			}
		})
	}
}
