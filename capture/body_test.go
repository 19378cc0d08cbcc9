package capture

import (
	"strings"
	"testing"
)

func TestLooksLikeWBXML(t *testing.T) {
	for name, b := range samples(t) {
		if !strings.HasSuffix(name, ".wbxml") {
			continue
		}
		if !LooksLikeWBXML(b) {
			t.Errorf("LooksLikeWBXML(%s) = false", name)
		}
		// This capture holds a second GetItemEstimate body after the
		// first root element ends, so it is not one well-formed document.
		if wellFormedWBXML(b) == (name == "eas-getitemestimate-req.wbxml") {
			t.Errorf("wellFormedWBXML(%s) = %v", name, wellFormedWBXML(b))
		}
		if wellFormedWBXML(b[:len(b)-1]) {
			t.Errorf("wellFormedWBXML(%s without its last byte) = true", name)
		}
	}
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{"ActiveSync header and root", "\x03\x01\x6a\x00\x45\x01", true},
		{"WBXML 1.0 (no charset)", "\x00\x01\x00\x45\x01", true},
		{"public id in the string table", "\x03\x00\x00\x6a\x02ab\x45\x01", true},
		{"PI first", "\x03\x01\x6a\x00\x43\x05\x01\x45\x01", true},
		{"LITERAL root", "\x03\x01\x6a\x01a\x04\x00\x01", true},
		{"SWITCH_PAGE first", "\x03\x01\x6a\x00\x00\x07\x45\x01", true},
		{"too short", "\x03\x01\x6a", false},
		{"version 4", "\x04\x01\x6a\x00\x45\x01", false},
		{"text", "<?xml", false},
		{"mb_u_int32 too long", "\x03\x81\x81\x81\x81\x81\x01\x6a\x00\x45", false},
		{"string table past the end", "\x03\x01\x6a\x7f\x45\x01", false},
		{"nothing after the string table", "\x03\x01\x6a\x02ab", false},
		{"END as the first body token", "\x03\x01\x6a\x00\x01\x01", false},
		{"SWITCH_PAGE at the very end", "\x03\x01\x6a\x00\x00", false},
	}
	for _, tt := range tests {
		if got := LooksLikeWBXML([]byte(tt.in)); got != tt.want {
			t.Errorf("%s: LooksLikeWBXML(%q) = %v, want %v", tt.name, tt.in, got, tt.want)
		}
	}
}

func TestWellFormedWBXML(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{"empty root", "\x03\x01\x6a\x00\x05", true},
		{"content root", "\x03\x01\x6a\x00\x45\x03ab\x00\x01", true},
		{"opaque", "\x03\x01\x6a\x00\x45\xc3\x02ab\x01", true},
		{"string table reference", "\x03\x01\x6a\x02a\x00\x45\x83\x00\x01", true},
		{"attributes", "\x03\x01\x6a\x00\xc5\x05\x03v\x00\x01\x01", true},
		{"unclosed root", "\x03\x01\x6a\x00\x45\x46\x01", false},
		{"two roots", "\x03\x01\x6a\x00\x05\x05", false},
		{"opaque past the end", "\x03\x01\x6a\x00\x45\xc3\x05ab\x01", false},
		{"string table reference past the table", "\x03\x01\x6a\x02a\x00\x45\x83\x05\x01", false},
		{"unterminated string", "\x03\x01\x6a\x00\x45\x03ab", false},
		{"trailing bytes", "\x03\x01\x6a\x00\x05\x0a", false},
	}
	for _, tt := range tests {
		if got := wellFormedWBXML([]byte(tt.in)); got != tt.want {
			t.Errorf("%s: wellFormedWBXML(%q) = %v, want %v", tt.name, tt.in, got, tt.want)
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
