package b64uri_test

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/easkit/easkit/b64uri"
	"github.com/easkit/easkit/version"
)

// The generated tables agree with the spec tables they come from
// (gen/spec/ashttp-commands.tsv, ashttp-params.tsv), read here directly.
func TestCommandTable(t *testing.T) {
	rows := readSpecTSV(t, "../gen/spec/ashttp-commands.tsv")
	named := map[int]string{}
	for _, f := range rows {
		code, name := atoi(f[0]), f[1]
		named[code] = name
		c := b64uri.Command(code)
		if !c.Known() || c.String() != name {
			t.Errorf("code %d: %q known=%v, want %q", code, c, c.Known(), name)
		}
		if got, ok := b64uri.ParseCommand(name); !ok || got != c {
			t.Errorf("ParseCommand(%q) = %d, %v", name, got, ok)
		}
		want := version.Version(0)
		if f[2] != "" {
			want, _ = version.Parse(f[2])
		}
		if c.Since() != want {
			t.Errorf("%s.Since() = %v, want %v", c, c.Since(), want)
		}
	}
	for code := 0; code < 256; code++ {
		c := b64uri.Command(code)
		if _, ok := named[code]; !ok {
			if c.Known() || c.String() != "Command("+strconv.Itoa(code)+")" || c.Since() != 0 {
				t.Errorf("unassigned code %d: known=%v %q since %v", code, c.Known(), c, c.Since())
			}
		}
	}
	if len(named) != 20 {
		t.Errorf("%d commands, want 20 (0-4, 9-23)", len(named))
	}
	for _, bad := range []string{"", "sync", "GetHierarchy", "Command(5)"} {
		if _, ok := b64uri.ParseCommand(bad); ok {
			t.Errorf("ParseCommand(%q) succeeded", bad)
		}
	}
}

func TestParamTable(t *testing.T) {
	rows := readSpecTSV(t, "../gen/spec/ashttp-params.tsv")
	for _, f := range rows {
		tag := b64uri.ParamTag(atoi(f[0]))
		if !tag.Known() || tag.String() != f[1] || tag.Legacy() != (f[2] == "yes") {
			t.Errorf("tag %d: %q known=%v legacy=%v; row %v", tag, tag, tag.Known(), tag.Legacy(), f)
		}
		if got, ok := b64uri.ParseParamTag(f[1]); !ok || got != tag {
			t.Errorf("ParseParamTag(%q) = %d, %v", f[1], got, ok)
		}
	}
	for tag := len(rows); tag < 256; tag++ {
		p := b64uri.ParamTag(tag)
		if p.Known() || p.Legacy() || p.String() != "Param("+strconv.Itoa(tag)+")" {
			t.Errorf("tag %d: known=%v legacy=%v %q", tag, p.Known(), p.Legacy(), p)
		}
	}
}

func readSpecTSV(t *testing.T, path string) [][]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var rows [][]string
	for _, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "code\t") || strings.HasPrefix(line, "tag\t") {
			continue
		}
		f := strings.Split(line, "\t")
		for len(f) < 4 {
			f = append(f, "")
		}
		rows = append(rows, f)
	}
	return rows
}

func TestFlagsString(t *testing.T) {
	for f, want := range map[b64uri.Flags]string{
		0: "0", 1: "SaveInSent", 2: "AcceptMultiPart", 3: "SaveInSent|AcceptMultiPart", 0x84: "0x84", 0x81: "SaveInSent|0x80",
	} {
		if got := f.String(); got != want {
			t.Errorf("Flags(%#x) = %q, want %q", uint8(f), got, want)
		}
	}
}

func TestAllowedVersion(t *testing.T) {
	for _, v := range version.Known {
		want := v == version.V12_1 || v >= version.V14_0
		if b64uri.AllowedVersion(v) != want {
			t.Errorf("AllowedVersion(%v) = %v", v, !want)
		}
	}
}

func TestErrorMessages(t *testing.T) {
	tests := []struct {
		err  *b64uri.Error
		want string
	}{
		{&b64uri.Error{Err: b64uri.ErrAlphabet, Field: b64uri.FieldText, Offset: 3, InText: true, Value: 0x07, Remaining: -1},
			"b64uri: base64 text offset 3: non-base64 character 0x07 (RFC 2045 alphabet expected)"},
		{&b64uri.Error{Err: b64uri.ErrPadding, Field: b64uri.FieldText, Offset: 8, InText: true, Value: 0, Remaining: -1},
			"b64uri: base64 text offset 8: base64 text ends inside a group (length mod 4 is 1)"},
		{&b64uri.Error{Err: b64uri.ErrTruncated, Field: b64uri.FieldPolicyKeyLength, Offset: 9, Value: -1, Remaining: -1},
			"b64uri: byte 9: missing policy key length byte"},
		{&b64uri.Error{Err: b64uri.ErrPolicyKeyLength, Field: b64uri.FieldPolicyKeyLength, Offset: 9, Value: 4, Remaining: 2},
			"b64uri: byte 9: policy key length 4 exceeds remaining 2 bytes"},
		{&b64uri.Error{Err: b64uri.ErrDeviceTypeLength, Field: b64uri.FieldDeviceTypeLength, Offset: 9, Value: 40, Remaining: 2},
			"b64uri: byte 9: device type length 40 exceeds remaining 2 bytes"},
		{&b64uri.Error{Err: b64uri.ErrOptionsLength, Field: b64uri.FieldParamLength, Offset: 9, Value: 2, Remaining: -1, Tag: 7},
			"b64uri: byte 9: Options parameter length 2 (must be 1)"},
		{&b64uri.Error{Err: b64uri.ErrDeviceIDLength, Field: b64uri.FieldDeviceID, Offset: -1, Value: 300, Remaining: -1},
			"b64uri: device id length 300 (at most 255)"},
		{&b64uri.Error{Err: b64uri.ErrParamLength, Field: b64uri.FieldParamValue, Offset: -1, Value: 300, Remaining: -1, Tag: 3},
			"b64uri: parameter tag 3 length 300 (at most 255)"},
		{&b64uri.Error{Err: b64uri.ErrUnknownCommand, Field: b64uri.FieldPlainQuery, Offset: 4, InText: true, Value: -1, Remaining: -1, Name: "Fly"},
			`b64uri: plain query offset 4: unknown command "Fly"`},
		{&b64uri.Error{Err: b64uri.ErrUnknownParam, Field: b64uri.FieldPlainQuery, Offset: 20, InText: true, Value: -1, Remaining: -1, Name: "Color"},
			`b64uri: plain query offset 20: unknown parameter "Color"`},
		{&b64uri.Error{Err: b64uri.ErrMissingParam, Field: b64uri.FieldPlainQuery, Offset: -1, InText: true, Value: -1, Remaining: -1, Name: "DeviceId"},
			"b64uri: missing DeviceId"},
		{&b64uri.Error{Err: b64uri.ErrHeaderValue, Field: b64uri.FieldHeaderPolicyKey, Offset: 2, InText: true, Value: 'a', Remaining: -1, Name: "X-MS-PolicyKey"},
			"b64uri: X-MS-PolicyKey offset 2: bad X-MS-PolicyKey value"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
	for f := b64uri.FieldText; f <= b64uri.FieldHeaderAcceptMultiPart; f++ {
		if strings.HasPrefix(f.String(), "Field(") {
			t.Errorf("field %d has no name", f)
		}
	}
}
