package capture

import (
	"encoding/base64"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestDetect(t *testing.T) {
	wbxml := "\x03\x01\x6a\x00\x00\x07\x56\x52\x03\x30\x00\x01\x01"
	tests := []struct {
		name string
		in   string
		want Form
	}{
		{"empty", "", FormUnknown},
		{"white space only", " \r\n\t\n", FormUnknown},
		{"BOM only", "\xEF\xBB\xBF", FormUnknown},
		{"raw WBXML", wbxml, FormRaw},
		{"raw WBXML 1.0", "\x00\x01\x00\x45\x01", FormRaw},
		{"raw with damaged header", "\x03\xFF\xFF\xFF\xFF\xFF\xFF", FormRaw},
		{"binary, not WBXML", "\x1f\x8b\x08\x00\x00\x00", FormRaw},
		{"XML document", "<?xml version=\"1.0\"?>\n<Sync xmlns=\"AirSync:\"><Collections/></Sync>\n", FormUnknown},
		{"XML without declaration", "  <FolderSync xmlns=\"FolderHierarchy:\"><SyncKey>0</SyncKey></FolderSync>", FormUnknown},
		{"HTML page", "<!DOCTYPE html><html></html>", FormUnknown},
		{"prose", "hello world, this is not a capture\n", FormUnknown},
		{"hex that is also base64", "03016a0000075652033000010101", FormHex},
		{"hex upper case only", "ABCDEF0123456789", FormHex},
		{"hex one digit short is not base64", "03016a000007565203300001010", FormUnknown},
		{"hex stream one digit short, wrapped", "03016a00000756520330\n0001010\n", FormUnknown},
		{"base64 that is also hex, mixed case", "AbCdEf0123456789", FormBase64},
		{"base64 of WBXML", base64.StdEncoding.EncodeToString([]byte(wbxml)), FormBase64},
		{"base64 unpadded URL-safe", base64.RawURLEncoding.EncodeToString([]byte(wbxml + "\xff\xfe")), FormBase64},
		{"base64 wrapped", "AwFqAAAHVlID\nMAABAQ==\n", FormBase64},
		{"hex with spaces", "03 01 6a 00 00 07 56 52 03 30 00 01 01\n", FormHex},
		{"hex with colons", "03:01:6a:00:00:07:56:52:03:30:00:01:01", FormHex},
		{"xxd after BOM", "\xEF\xBB\xBF00000000: 0301 6a00 0007 5652 0330 0001 01    ..j...VR.0...\n", FormHex},
		{"0x list", "0x03, 0x01, 0x6A, 0x00", FormHex},
		{"C array", "unsigned char x[] = {\n  0x03, 0x01\n};\n", FormHex},
		{"HAR", `{"log": {"version": "1.2", "entries": []}}`, FormHAR},
		{"HAR after BOM", "\xEF\xBB\xBF{\n \"log\": {}}", FormHAR},
		{"JSON that is not HAR", `{"a": 1}`, FormHAR},
		{"HTTP request", "POST /Microsoft-Server-ActiveSync?Cmd=Ping HTTP/1.1\r\nContent-Length: 0\r\n\r\n", FormHTTP},
		{"HTTP response", "HTTP/1.1 200 OK\n\n", FormHTTP},
		{"HTTP/2 status line", "HTTP/2 200\n\n", FormHTTP},
		{"HTTP after separators", "\n-----------\n\nGET / HTTP/1.1\n\n", FormHTTP},
		{"lower-case method is not HTTP", "post / HTTP/1.1\n\n", FormUnknown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Detect([]byte(tt.in)); got != tt.want {
				t.Errorf("Detect(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

// Inputs that reads as both hex and base64 decode the way the chosen form
// says.
func TestDetectAmbiguousBodies(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []byte
	}{
		{"hex", "03016a0000075652033000010101", []byte{0x03, 0x01, 0x6a, 0x00, 0x00, 0x07, 0x56, 0x52, 0x03, 0x30, 0x00, 0x01, 0x01, 0x01}},
		{"base64", "AbCdEf0123456789", mustB64("AbCdEf0123456789")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms, err := ReadAll([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if len(ms) != 1 {
				t.Fatalf("got %d messages, want 1", len(ms))
			}
			if diff := cmp.Diff(tt.want, ms[0].Body); diff != "" {
				t.Errorf("body (-want +got):\n%s", diff)
			}
		})
	}
}

func mustB64(s string) []byte {
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		panic(err)
	}
	return b
}

func TestDetectErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want error
		text string
	}{
		{"empty", "", ErrEmpty, "capture: empty input"},
		{"white space", "  \n", ErrEmpty, "capture: input holds only white space"},
		{"XML", "\n<?xml version=\"1.0\"?><Sync/>", ErrUnknownForm, "capture: line 2:1: input looks like XML or HTML, not a capture of WBXML"},
		{"hex typo", "03 01 6a 0g 00", ErrUnknownForm, "capture: line 1:11: not a known input form; read as hex: invalid hex digit 'g'"},
		{"prose", "hello world", ErrUnknownForm, "capture: line 1:6: not a known input form; read as base64: blank inside a line of base64"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := NewReader([]byte(tt.in))
			_, err := r.Next()
			if !errors.Is(err, tt.want) {
				t.Fatalf("Next() error = %v, want %v", err, tt.want)
			}
			if err.Error() != tt.text {
				t.Errorf("error text\n got %q\nwant %q", err.Error(), tt.text)
			}
			if r.Form() != FormUnknown {
				t.Errorf("Form() = %v, want unknown", r.Form())
			}
			if _, err2 := r.Next(); err2 != err {
				t.Errorf("second Next() = %v, want the same error", err2)
			}
		})
	}
}

func TestParseForm(t *testing.T) {
	for f := FormAuto; f < FormUnknown; f++ {
		got, err := ParseForm(f.String())
		if err != nil || got != f {
			t.Errorf("ParseForm(%q) = %v, %v; want %v", f.String(), got, err, f)
		}
	}
	aliases := map[string]Form{"WBXML": FormRaw, "b64": FormBase64, "xxd": FormHex, "": FormAuto, " HAR ": FormHAR}
	for s, want := range aliases {
		if got, err := ParseForm(s); err != nil || got != want {
			t.Errorf("ParseForm(%q) = %v, %v; want %v", s, got, err, want)
		}
	}
	if _, err := ParseForm("pcap"); err == nil {
		t.Error("ParseForm(\"pcap\") succeeded")
	}
}

// A failed detection names the most likely form first and lists the others.
func TestDetectExplain(t *testing.T) {
	_, err := ReadAll([]byte("03 01 6a 0g 00"))
	var de *DetectError
	if !errors.As(err, &de) || !errors.Is(err, ErrUnknownForm) || !errors.Is(err, ErrSyntax) {
		t.Fatalf("error %v is no *DetectError wrapping ErrUnknownForm and ErrSyntax", err)
	}
	var forms []Form
	for _, a := range de.Tried {
		forms = append(forms, a.Form)
		if a.Err == nil {
			t.Errorf("%v tried without a reason", a.Form)
		}
	}
	want := []Form{FormHex, FormBase64, FormLog, FormHTTP, FormHAR, FormBurp, FormSAZ, FormRaw}
	if diff := cmp.Diff(want, forms); diff != "" {
		t.Errorf("forms tried (-want +got):\n%s", diff)
	}
	explain := de.Explain()
	first, _, _ := strings.Cut(explain, "\n")
	if first != "most likely hex at line 1:11: invalid hex digit 'g'" {
		t.Errorf("first line %q", first)
	}
	if n := strings.Count(explain, "\n  also tried "); n != len(want)-1 {
		t.Errorf("%d other attempts listed:\n%s", n, explain)
	}
	if (&DetectError{}).Explain() == "" || (&DetectError{}).Error() == "" {
		t.Error("zero DetectError has no text")
	}
}

func TestFormNames(t *testing.T) {
	if got := FormNames(); got != "auto, raw, hex, base64, http, har, saz, burp or log" {
		t.Errorf("FormNames() = %q", got)
	}
	_, err := ParseForm("pcap")
	if err == nil || !strings.Contains(err.Error(), FormNames()) {
		t.Errorf("ParseForm error %v does not list the forms", err)
	}
	for _, s := range []string{"log", "TbSync", "z-push", "grommunio"} {
		if f, err := ParseForm(s); err != nil || f != FormLog {
			t.Errorf("ParseForm(%q) = %v, %v", s, f, err)
		}
	}
}
