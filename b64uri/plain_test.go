package b64uri_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/easkit/easkit/b64uri"
	"github.com/easkit/easkit/version"
)

func TestPlainEscaping(t *testing.T) {
	tests := []struct {
		name   string
		tag    b64uri.ParamTag
		value  string
		plain  string // the parameter as written in the plain query
		parsed string // what ParsePlain reads it as, if not value
	}{
		{"user with backslash", b64uri.ParamUser, `CONTOSO\rmjones`, "User=CONTOSO%5Crmjones", ""},
		{"user with at", b64uri.ParamUser, "rm@contoso.com", "User=rm@contoso.com", ""},
		{"user with space and plus", b64uri.ParamUser, "a b+c", "User=a%20b%2Bc", ""},
		{"user with percent", b64uri.ParamUser, "100%", "User=100%25", ""},
		{"user with an escape-looking text", b64uri.ParamUser, "a%3ab", "User=a%253ab", ""},
		{"user non-ASCII", b64uri.ParamUser, "j\xc3\xb6rg", "User=j%C3%B6rg", ""},
		{"file reference stays escaped", b64uri.ParamAttachmentName, "5%3a1%3a0%3a0", "AttachmentName=5%3a1%3a0%3a0", ""},
		{"upper-case escape too", b64uri.ParamAttachmentName, "5%3A1", "AttachmentName=5%3A1", ""},
		{"escape of an unsafe byte is escaped", b64uri.ParamItemId, "a%26b", "ItemId=a%2526b", ""},
		{"lone percent", b64uri.ParamItemId, "50%", "ItemId=50%25", ""},
		{"raw ampersand and equals", b64uri.ParamCollectionId, "a&b=c", "CollectionId=a%26b%3Dc", ""},
		{"raw colon", b64uri.ParamLongId, "RgAAAA:1", "LongId=RgAAAA:1", ""},
		{"binary value", b64uri.ParamOccurrence, "\x00\xff", "Occurrence=%00%FF", ""},
		{"legacy tag", b64uri.ParamParentId, "5", "ParentId=5", ""},
		{"empty value", b64uri.ParamItemId, "", "ItemId=", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := b64uri.Query{Version: version.V14_1, Command: b64uri.CmdSmartReply, DeviceID: []byte("dev"), DeviceType: []byte("SP")}
			q.SetParam(tt.tag, []byte(tt.value))
			got := string(q.AppendPlainQuery(nil))
			prefix := "Cmd=SmartReply&DeviceId=dev&DeviceType=SP&"
			if tt.tag == b64uri.ParamUser {
				prefix = "Cmd=SmartReply&"
				got = strings.Replace(got, "&DeviceId=dev&DeviceType=SP", "", 1)
			}
			if want := prefix + tt.plain; got != want {
				t.Errorf("plain %q, want %q", got, want)
			}
			var back b64uri.Query
			if err := back.ParsePlain(q.AppendPlainQuery(nil), q.Headers()); err != nil {
				t.Fatal(err)
			}
			want := tt.value
			if tt.parsed != "" {
				want = tt.parsed
			}
			if v, _ := back.Param(tt.tag); string(v) != want {
				t.Errorf("parsed back %q, want %q", v, want)
			}
		})
	}
}

func TestPlainDeviceID(t *testing.T) {
	guid := []byte{0xa8, 0x1f, 0x31, 0xe1, 0x8b, 0xc6, 0xf9, 0x62, 0xb3, 0x67, 0x4d, 0x98, 0x78, 0x8a, 0x7c, 0x9a}
	tests := []struct {
		name  string
		id    []byte
		plain string
		back  []byte // nil: id itself
	}{
		{"ascii", []byte("v140Device"), "v140Device", nil},
		{"binary guid", guid, "A81F31E18BC6F962B3674D98788A7C9A", nil},
		{"binary, not 16 bytes", guid[:5], "A81F31E18B", []byte("A81F31E18B")},
		{"text with space", []byte("my phone"), "my%20phone", nil},
		{"32 hex digits spelling printable bytes stay text", []byte("41424344454647484142434445464748"), "41424344454647484142434445464748", nil},
		{"32 lower-case hex digits stay text", []byte("a81f31e18bc6f962b3674d98788a7c9a"), "a81f31e18bc6f962b3674d98788a7c9a", nil},
		{"long binary id", bytes.Repeat([]byte{0x80, 0x01}, 100), strings.Repeat("8001", 100), nil},
		{"the ambiguous text id", []byte("0123456789ABCDEF0123456789ABCDEF"), "0123456789ABCDEF0123456789ABCDEF",
			[]byte{0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef, 0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := b64uri.Query{Version: version.V14_0, Command: b64uri.CmdSync, DeviceID: tt.id, DeviceType: []byte("t")}
			want := "Cmd=Sync&DeviceId=" + tt.plain + "&DeviceType=t"
			plain := q.AppendPlainQuery(nil)
			if string(plain) != want {
				t.Errorf("plain %s, want %s", plain, want)
			}
			var back b64uri.Query
			if err := back.ParsePlain(plain, q.Headers()); err != nil {
				t.Fatal(err)
			}
			wantBack := tt.back
			if wantBack == nil {
				wantBack = tt.id
			}
			if diff := cmp.Diff(wantBack, back.DeviceID); diff != "" {
				t.Errorf("device id back (-want +got):\n%s", diff)
			}
			if got := string(back.AppendPlainQuery(nil)); got != want {
				t.Errorf("plain again %s, want %s", got, want)
			}
		})
	}
}

func TestParsePlain(t *testing.T) {
	h := b64uri.Headers{ProtocolVersion: "14.1"}
	tests := []struct {
		name  string
		query string
		h     b64uri.Headers
		want  string // AppendPlain of the result
	}{
		{"spec example", "Cmd=Sync&User=rmjones&DeviceId=v140Device&DeviceType=SmartPhone", b64uri.Headers{ProtocolVersion: "14.0"},
			"Cmd=Sync&User=rmjones&DeviceId=v140Device&DeviceType=SmartPhone\nMS-ASProtocolVersion: 14.0\n"},
		{"any order, any case, empty items", "&devicetype=SP&&deviceid=abc&CMD=folderSync&", h,
			"Cmd=FolderSync&DeviceId=abc&DeviceType=SP\nMS-ASProtocolVersion: 14.1\n"},
		{"User moves to the front", "Cmd=SmartReply&ItemId=1&DeviceId=d&DeviceType=t&User=u&CollectionId=c&User=v", h,
			"Cmd=SmartReply&User=u&DeviceId=d&DeviceType=t&ItemId=1&CollectionId=c&User=v\nMS-ASProtocolVersion: 14.1\n"},
		{"plus is a space", "Cmd=Sync&DeviceId=d&DeviceType=My+Phone", h,
			"Cmd=Sync&DeviceId=d&DeviceType=My%20Phone\nMS-ASProtocolVersion: 14.1\n"},
		{"SaveInSent and headers", "Cmd=SendMail&DeviceId=d&DeviceType=t&SaveInSent=T",
			b64uri.Headers{ProtocolVersion: " 16.1 ", PolicyKey: "4294967295", AcceptMultiPart: "t"},
			"Cmd=SendMail&DeviceId=d&DeviceType=t&SaveInSent=T\nMS-ASProtocolVersion: 16.1\nX-MS-PolicyKey: 4294967295\nMS-ASAcceptMultiPart: T\n"},
		{"SaveInSent=F keeps an empty Options", "Cmd=SendMail&DeviceId=d&DeviceType=t&SaveInSent=f", b64uri.Headers{ProtocolVersion: "14.1", PolicyKey: "0"},
			"Cmd=SendMail&DeviceId=d&DeviceType=t&SaveInSent=F\nMS-ASProtocolVersion: 14.1\nX-MS-PolicyKey: 0\n"},
		{"AcceptMultiPart only", "Cmd=ItemOperations&DeviceId=d&DeviceType=t", b64uri.Headers{ProtocolVersion: "14.1", AcceptMultiPart: "T"},
			"Cmd=ItemOperations&DeviceId=d&DeviceType=t\nMS-ASProtocolVersion: 14.1\nMS-ASAcceptMultiPart: T\n"},
		{"AcceptMultiPart F is nothing", "Cmd=ItemOperations&DeviceId=d&DeviceType=t", b64uri.Headers{ProtocolVersion: "14.1", AcceptMultiPart: "F"},
			"Cmd=ItemOperations&DeviceId=d&DeviceType=t\nMS-ASProtocolVersion: 14.1\n"},
		{"empty device type", "Cmd=Ping&DeviceId=d&DeviceType=", b64uri.Headers{ProtocolVersion: "0.0"},
			"Cmd=Ping&DeviceId=d&DeviceType=\nMS-ASProtocolVersion: 0.0\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var q b64uri.Query
			if err := q.ParsePlain([]byte(tt.query), tt.h); err != nil {
				t.Fatalf("ParsePlain(%q): %v", tt.query, err)
			}
			if got := string(q.AppendPlain(nil)); got != tt.want {
				t.Errorf("AppendPlain = %q, want %q", got, tt.want)
			}
			if _, err := q.AppendEncode(nil); err != nil {
				t.Errorf("AppendEncode: %v", err)
			}
		})
	}
}

func TestParsePlainErrors(t *testing.T) {
	v := b64uri.Headers{ProtocolVersion: "14.1"}
	long := strings.Repeat("x", 256)
	tests := []struct {
		name   string
		query  string
		h      b64uri.Headers
		err    error
		field  b64uri.Field
		offset int
	}{
		{"no Cmd", "DeviceId=d&DeviceType=t", v, b64uri.ErrMissingParam, b64uri.FieldPlainQuery, -1},
		{"no DeviceId", "Cmd=Sync&DeviceType=t", v, b64uri.ErrMissingParam, b64uri.FieldPlainQuery, -1},
		{"no DeviceType", "Cmd=Sync&DeviceId=d", v, b64uri.ErrMissingParam, b64uri.FieldPlainQuery, -1},
		{"two Cmd", "Cmd=Sync&DeviceId=d&Cmd=Ping&DeviceType=t", v, b64uri.ErrDuplicateParam, b64uri.FieldPlainQuery, 20},
		{"two DeviceId", "Cmd=Sync&DeviceId=d&DeviceId=e&DeviceType=t", v, b64uri.ErrDuplicateParam, b64uri.FieldPlainQuery, 20},
		{"two SaveInSent", "Cmd=Sync&DeviceId=d&DeviceType=t&SaveInSent=T&SaveInSent=F", v, b64uri.ErrDuplicateParam, b64uri.FieldPlainQuery, 46},
		{"unknown command", "Cmd=Fly&DeviceId=d&DeviceType=t", v, b64uri.ErrUnknownCommand, b64uri.FieldPlainQuery, 4},
		{"plain-only command", "Cmd=GetHierarchy&DeviceId=d&DeviceType=t", v, b64uri.ErrUnknownCommand, b64uri.FieldPlainQuery, 4},
		{"unknown parameter", "Cmd=Sync&DeviceId=d&DeviceType=t&Color=red", v, b64uri.ErrUnknownParam, b64uri.FieldPlainQuery, 33},
		{"Options is not a plain parameter", "Cmd=Sync&DeviceId=d&DeviceType=t&Options=1", v, b64uri.ErrUnknownParam, b64uri.FieldPlainQuery, 33},
		{"item without equals", "Cmd=Sync&DeviceId", v, b64uri.ErrPlainSyntax, b64uri.FieldPlainQuery, 9},
		{"bad escape", "Cmd=Sync&DeviceId=a%zz&DeviceType=t", v, b64uri.ErrPlainSyntax, b64uri.FieldPlainQuery, 19},
		{"cut escape", "Cmd=Sync&DeviceType=t&DeviceId=a%4", v, b64uri.ErrPlainSyntax, b64uri.FieldPlainQuery, 32},
		{"empty DeviceId", "Cmd=Sync&DeviceId=&DeviceType=t", v, b64uri.ErrDeviceIDLength, b64uri.FieldPlainQuery, 18},
		{"long DeviceId", "Cmd=Sync&DeviceId=" + long + "&DeviceType=t", v, b64uri.ErrDeviceIDLength, b64uri.FieldPlainQuery, 18},
		{"long DeviceType", "Cmd=Sync&DeviceId=d&DeviceType=" + long, v, b64uri.ErrDeviceTypeLength, b64uri.FieldPlainQuery, 31},
		{"long parameter", "Cmd=Sync&DeviceId=d&DeviceType=t&ItemId=" + long, v, b64uri.ErrParamLength, b64uri.FieldPlainQuery, 40},
		{"bad SaveInSent", "Cmd=Sync&DeviceId=d&DeviceType=t&SaveInSent=yes", v, b64uri.ErrHeaderValue, b64uri.FieldPlainQuery, 44},
		{"no version header", "Cmd=Sync&DeviceId=d&DeviceType=t", b64uri.Headers{}, b64uri.ErrMissingParam, b64uri.FieldHeaderVersion, 0},
		{"bad version header", "Cmd=Sync&DeviceId=d&DeviceType=t", b64uri.Headers{ProtocolVersion: "14.x"}, b64uri.ErrHeaderValue, b64uri.FieldHeaderVersion, 3},
		{"bad policy key", "Cmd=Sync&DeviceId=d&DeviceType=t", b64uri.Headers{ProtocolVersion: "14.1", PolicyKey: "12a"}, b64uri.ErrHeaderValue, b64uri.FieldHeaderPolicyKey, 2},
		{"policy key overflow", "Cmd=Sync&DeviceId=d&DeviceType=t", b64uri.Headers{ProtocolVersion: "14.1", PolicyKey: "4294967296"}, b64uri.ErrHeaderValue, b64uri.FieldHeaderPolicyKey, 9},
		{"bad AcceptMultiPart", "Cmd=Sync&DeviceId=d&DeviceType=t", b64uri.Headers{ProtocolVersion: "14.1", AcceptMultiPart: "yes"}, b64uri.ErrHeaderValue, b64uri.FieldHeaderAcceptMultiPart, 0},
		// Offsets count in the header value as given, leading spaces included.
		{"bad version header after spaces", "Cmd=Sync&DeviceId=d&DeviceType=t", b64uri.Headers{ProtocolVersion: "  14.x"}, b64uri.ErrHeaderValue, b64uri.FieldHeaderVersion, 5},
		{"bad policy key after spaces", "Cmd=Sync&DeviceId=d&DeviceType=t", b64uri.Headers{ProtocolVersion: "14.1", PolicyKey: "  12a"}, b64uri.ErrHeaderValue, b64uri.FieldHeaderPolicyKey, 4},
		{"bad AcceptMultiPart after a space", "Cmd=Sync&DeviceId=d&DeviceType=t", b64uri.Headers{ProtocolVersion: "14.1", AcceptMultiPart: " yes"}, b64uri.ErrHeaderValue, b64uri.FieldHeaderAcceptMultiPart, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var q b64uri.Query
			err := q.ParsePlain([]byte(tt.query), tt.h)
			var e *b64uri.Error
			if !errors.As(err, &e) || !errors.Is(err, tt.err) {
				t.Fatalf("ParsePlain = %v, want %v", err, tt.err)
			}
			if e.Field != tt.field || e.Offset != tt.offset || !e.InText {
				t.Errorf("%v: field %s offset %d, want %s %d", err, e.Field, e.Offset, tt.field, tt.offset)
			}
			if e.Offset > len(tt.query) {
				t.Errorf("offset beyond the text")
			}
		})
	}
}

// TestParsePlainErrorText checks the messages of ParsePlain errors that
// carry a name: an empty value is quoted as such, never shown as a code.
func TestParsePlainErrorText(t *testing.T) {
	v := b64uri.Headers{ProtocolVersion: "14.1"}
	tests := []struct {
		name, query, want string
	}{
		{"empty Cmd", "Cmd=&DeviceId=d&DeviceType=t", `b64uri: plain query offset 4: unknown command ""`},
		{"unknown Cmd", "Cmd=Fly&DeviceId=d&DeviceType=t", `b64uri: plain query offset 4: unknown command "Fly"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var q b64uri.Query
			err := q.ParsePlain([]byte(tt.query), v)
			if err == nil {
				t.Fatal("ParsePlain succeeded")
			}
			if diff := cmp.Diff(tt.want, err.Error()); diff != "" {
				t.Errorf("message (-want +got):\n%s", diff)
			}
		})
	}
}

func TestIsPlain(t *testing.T) {
	for s, want := range map[string]bool{
		"Cmd=Sync&DeviceId=d&DeviceType=t":     true,
		"Cmd=Sync":                             true,
		"a&b":                                  true,
		"jAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l": false,
		"jAkHBBCoHzHhi8b5YrNnTZh4inyaBAAAAAACV1A=":             false,
		"oBEJBBBOaW5lMkVDN0VDMEJCNTREBAGJpmIHQW5kcm9pZAcBAA==": false,
		"": false,
	} {
		if got := b64uri.IsPlain([]byte(s)); got != want {
			t.Errorf("IsPlain(%q) = %v", s, got)
		}
	}
}

func TestFields(t *testing.T) {
	var q b64uri.Query
	if err := q.Decode([]byte("jAEECBBv8Usp+29k8LM6azAOecgZBAAAAAALV2luZG93c01haWz/AwEMAQ==")); err != nil {
		t.Fatal(err)
	}
	q.SetOptions(b64uri.SaveInSent | 0x80)
	var got []string
	for name, value := range q.Fields() {
		got = append(got, name+"="+string(value))
	}
	want := []string{"Version=14.0", "Command=SendMail", "Locale=0x0804", "DeviceId=6FF14B29FB6F64F0B33A6B300E79C819",
		"PolicyKey=0", "DeviceType=WindowsMail", "Param(255)=010C01", "Options=SaveInSent|0x80"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Fields (-want +got):\n%s", diff)
	}
	n := 0
	for range q.Fields() {
		n++
		if n == 2 {
			break
		}
	}
}
