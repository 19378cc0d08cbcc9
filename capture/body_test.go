package capture

import (
	"strings"
	"testing"

	"github.com/easkit/easkit/wbxml"
)

// TestSampleBodies checks the grammar checks capture relies on against
// its WBXML samples: every one has a header, and every one but a capture
// that holds two bodies one after the other is one valid document.
func TestSampleBodies(t *testing.T) {
	for name, b := range samples(t) {
		if !strings.HasSuffix(name, ".wbxml") {
			continue
		}
		if !wbxml.HasHeader(b) {
			t.Errorf("wbxml.HasHeader(%s) = false", name)
		}
		// This capture holds a second GetItemEstimate body after the
		// first root element ends, so it is not one document.
		if wbxml.Valid(b) == (name == "eas-getitemestimate-req.wbxml") {
			t.Errorf("wbxml.Valid(%s) = %v", name, wbxml.Valid(b))
		}
	}
}

func TestClassify(t *testing.T) {
	wb := "\x03\x01\x6a\x00\x45\x01"
	mp := string(AppendMultipart(nil, []byte(wb), []byte("data")))
	// The second part's length damaged: still multipart (ParseMultipart
	// says where), not WBXML 1.2, which its count of 2 reads as.
	damaged := []byte(mp)
	damaged[16] = 0x7f
	tests := []struct {
		name, ct, body string
		want           BodyKind
	}{
		{"empty", MediaTypeWBXML, "", BodyEmpty},
		{"WBXML by type", "application/vnd.ms-sync.wbxml; charset=utf-8", wb, BodyWBXML},
		{"old WBXML type", "application/vnd.ms-sync", wb, BodyWBXML},
		{"WBXML by type, damaged header", MediaTypeWBXML, "\x03\xff\xff", BodyWBXML},
		{"WBXML type, error page", MediaTypeWBXML, "Internal Server Error", BodyText},
		{"WBXML type, multipart body", MediaTypeWBXML, mp, BodyMultipart},
		{"WBXML type, binary that is not WBXML", MediaTypeWBXML, "\xff\xfe\x00", BodyWBXML},
		{"multipart by type", "Application/Vnd.MS-Sync.Multipart", mp, BodyMultipart},
		{"multipart by type, malformed", MediaTypeMultipart, "xx", BodyMultipart},
		{"multipart without type", "", mp, BodyMultipart},
		{"multipart without type, a length damaged", "", string(damaged), BodyMultipart},
		{"multipart, WBXML type, a length damaged", MediaTypeWBXML, string(damaged), BodyMultipart},
		{"WBXML without type", "", wb, BodyWBXML},
		{"WBXML mislabelled as text", "text/plain", wb, BodyWBXML},
		{"XML", "text/xml", "<Autodiscover/>", BodyText},
		{"text without type", "", "hello\r\n", BodyText},
		{"binary", "application/octet-stream", "\x89PNG\r\n\x1a\n", BodyBinary},
		{"invalid UTF-8", "", "caf\xe9", BodyBinary},
	}
	for _, tt := range tests {
		if got := Classify(tt.ct, []byte(tt.body)); got != tt.want {
			t.Errorf("%s: Classify(%q, %q) = %v, want %v", tt.name, tt.ct, tt.body, got, tt.want)
		}
	}
	for k, s := range map[BodyKind]string{BodyEmpty: "empty", BodyWBXML: "wbxml", BodyMultipart: "multipart", BodyText: "text", BodyBinary: "binary"} {
		if k.String() != s {
			t.Errorf("BodyKind(%d).String() = %q, want %q", k, k.String(), s)
		}
	}
}
