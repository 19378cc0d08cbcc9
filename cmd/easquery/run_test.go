package main

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// result is what one easquery invocation did.
type result struct {
	stdout, stderr string
	code           int
}

func call(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	err := run(args, strings.NewReader(stdin), &out, &errOut)
	code := report(err, &errOut)
	return result{out.String(), errOut.String(), code}
}

// caseRow is a row of b64uri/testdata/cases.tsv.
type caseRow struct {
	line                                           int
	query, expect, version, command, locale, idHex string
	idText, policyKey, deviceType, params, source  string
}

func readCases(t *testing.T) []caseRow {
	t.Helper()
	data, err := os.ReadFile("../../b64uri/testdata/cases.tsv")
	if err != nil {
		t.Fatal(err)
	}
	var rows []caseRow
	for i, line := range strings.Split(strings.TrimRight(string(data), "\n"), "\n")[1:] {
		f := strings.Split(line, "\t")
		rows = append(rows, caseRow{i + 2, f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[11]})
	}
	if len(rows) != 30 {
		t.Fatalf("%d rows, want 30", len(rows))
	}
	return rows
}

// TestDecodeJSONCases checks decode -json against every ok row's columns,
// and every error row's exit status and message.
func TestDecodeJSONCases(t *testing.T) {
	for _, r := range readCases(t) {
		t.Run(strconv.Itoa(r.line), func(t *testing.T) {
			res := call(t, "", "decode", "-json", r.query)
			if r.expect != "ok" {
				checkDataError(t, res, strings.TrimPrefix(r.expect, "error: "))
				return
			}
			if res.code != 0 || res.stderr != "" {
				t.Fatalf("exit %d, stderr %q", res.code, res.stderr)
			}
			var got map[string]any
			dec := json.NewDecoder(strings.NewReader(res.stdout))
			dec.UseNumber()
			if err := dec.Decode(&got); err != nil || strings.Count(res.stdout, "\n") != 1 {
				t.Fatalf("output %q is not one JSON object on one line: %v", res.stdout, err)
			}
			want := map[string]any{
				"line":        nil,
				"form":        "base64",
				"query":       r.query,
				"version":     r.version[:len(r.version)-1] + "." + r.version[len(r.version)-1:],
				"command":     r.command[strings.IndexByte(r.command, ' ')+1:],
				"locale":      json.Number(strconv.FormatUint(mustHex(t, r.locale), 10)),
				"deviceId":    r.idText,
				"deviceIdHex": r.idHex,
				"policyKey":   nil,
				"deviceType":  r.deviceType,
				"params":      map[string]any{},
			}
			if r.idText == "" {
				want["deviceId"] = strings.ToUpper(r.idHex)
			}
			if r.policyKey != "" {
				want["policyKey"] = json.Number(r.policyKey)
			}
			params := want["params"].(map[string]any)
			unknown := []any{}
			for _, item := range strings.Split(r.params, ";") {
				switch {
				case item == "":
				case strings.HasPrefix(item, "Options="):
					// Every Options byte is a value, 0x00 too.
					params["Options"] = item[len("Options=") : len("Options=")+4]
					for _, bit := range []string{"SaveInSent", "AcceptMultiPart"} {
						params[bit] = "F"
						if strings.Contains(item, "("+bit+")") {
							params[bit] = "T"
						}
					}
				case strings.HasPrefix(item, "unknown-tag-"):
					m := regexp.MustCompile(`^unknown-tag-(\d+)\(len (\d+)\)=0x([0-9a-f]*)$`).FindStringSubmatch(item)
					unknown = append(unknown, map[string]any{"tag": json.Number(m[1]), "length": json.Number(m[2]), "hex": m[3]})
				default:
					name, value, _ := strings.Cut(item, "=")
					params[name] = value
				}
			}
			want["unknownParams"] = unknown
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("decode -json (-want +got):\n%s", diff)
			}
		})
	}
}

// checkDataError: exit status 1, nothing on stdout, one line on stderr that
// says what the row expects and where (a byte or character offset).
func checkDataError(t *testing.T, res result, what string) {
	t.Helper()
	if res.code != 1 || res.stdout != "" {
		t.Errorf("exit %d, stdout %q; want exit 1 and no output", res.code, res.stdout)
	}
	if strings.Count(res.stderr, "\n") != 1 || !strings.HasPrefix(res.stderr, "easquery: ") {
		t.Errorf("stderr %q is not one easquery line", res.stderr)
	}
	if !strings.Contains(res.stderr, what) {
		t.Errorf("stderr %q does not say %q", res.stderr, what)
	}
	if !regexp.MustCompile(`(byte|offset) \d+: `).MatchString(res.stderr) {
		t.Errorf("stderr %q gives no offset", res.stderr)
	}
}

func mustHex(t *testing.T, s string) uint64 {
	t.Helper()
	v, err := strconv.ParseUint(strings.TrimPrefix(s, "0x"), 16, 16)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestDecodeEncodeRoundTrip: decode's text output fed to encode gives the
// query back (padded) for every real query without unknown parameters; for
// the others it gives a query that decodes to the same plain form.
func TestDecodeEncodeRoundTrip(t *testing.T) {
	for _, r := range readCases(t) {
		if r.expect != "ok" {
			continue
		}
		t.Run(strconv.Itoa(r.line), func(t *testing.T) {
			plain := call(t, "", "decode", r.query)
			if plain.code != 0 {
				t.Fatalf("decode: %+v", plain)
			}
			lines := strings.Split(strings.TrimSuffix(plain.stdout, "\n"), "\n")
			if !strings.HasPrefix(lines[0], "Cmd=") || lines[1] != "MS-ASProtocolVersion: "+r.version[:len(r.version)-1]+"."+r.version[len(r.version)-1:] {
				t.Errorf("decode output %q", plain.stdout)
			}
			enc := call(t, plain.stdout, "encode", "-")
			if enc.code != 0 {
				t.Fatalf("encode: %+v", enc)
			}
			want := r.query
			for len(want)%4 != 0 {
				want += "="
			}
			exact := !strings.Contains(r.params, "unknown-tag") && !strings.HasPrefix(r.source, "synthetic")
			if got := strings.TrimSuffix(enc.stdout, "\n"); exact && got != want {
				t.Errorf("decode | encode = %s, want %s", got, want)
			}
			// Unknown parameters have no plain form: their note goes.
			again := call(t, "", "decode", strings.TrimSuffix(enc.stdout, "\n"))
			if again.stdout != withoutNotes(plain.stdout) {
				t.Errorf("decode | encode | decode = %q, want %q", again.stdout, plain.stdout)
			}
		})
	}
}

// withoutNotes is decode's text output without its notes and the input
// line numbers.
func withoutNotes(s string) string {
	var keep []string
	for _, line := range strings.SplitAfter(s, "\n") {
		if !strings.HasPrefix(line, "# note:") && !strings.HasPrefix(line, "# line ") {
			keep = append(keep, line)
		}
	}
	return strings.Join(keep, "")
}

func TestDecodeInputForms(t *testing.T) {
	const q = "jAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l"
	want := "Cmd=Sync&DeviceId=v140Device&DeviceType=SmartPhone\nMS-ASProtocolVersion: 14.0\n# Locale: 0x0409\n"
	for _, in := range []string{q, "?" + q, "https://mail.contoso.com/Microsoft-Server-ActiveSync?" + q,
		"POST /Microsoft-Server-ActiveSync?" + q + " HTTP/1.1", "  " + q + "  ", "/Microsoft-Server-ActiveSync?" + q + "#frag"} {
		if res := call(t, "", "decode", in); res.code != 0 || res.stdout != want {
			t.Errorf("decode %q = %+v", in, res)
		}
	}
	// Offsets count from the start of what was typed.
	res := call(t, "", "decode", "https://x/y?jAkHBBC32YBsEj5p-IUKLTDTcJoYBAAAAAALV2luZG93c01haWw=")
	if res.code != 1 || !strings.Contains(res.stderr, "offset 28: non-base64 character '-'") {
		t.Errorf("URL error %+v", res)
	}
	// Lenient decoding of the same.
	res = call(t, "", "decode", "-lenient", "https://x/y?jAkHBBC32YBsEj5p-IUKLTDTcJoYBAAAAAALV2luZG93c01haWw=")
	if res.code != 0 || !strings.Contains(res.stdout, "DeviceId=B7D9806C123E69F8850A2D30D3709A18") {
		t.Errorf("lenient %+v", res)
	}
	// A plain query is printed as it is, and said to be plain.
	res = call(t, "", "decode", "Cmd=Sync&DeviceId=d&DeviceType=t")
	if res.code != 0 || res.stdout != "Cmd=Sync&DeviceId=d&DeviceType=t\n# Form: plain (the protocol version and policy key are request headers)\n" {
		t.Errorf("plain query %+v", res)
	}
}

// TestDecodeSpaceInQuery: a space inside the query (what a form-decoding
// server makes of '+') is part of the query, not its end: -lenient reads it
// as '+', and strict decoding reports the space where it is instead of
// decoding the text before it. Only " HTTP/" ends a request line's query.
func TestDecodeSpaceInQuery(t *testing.T) {
	const spaced = "jAkHBBC32YBsEj5p IUKLTDTcJoYBAAAAAALV2luZG93c01haWw="
	tests := []struct {
		name string
		args []string
		code int
		out  string // a piece of stdout, or of stderr when code != 0
	}{
		{"lenient bare query", []string{"decode", "-lenient", spaced}, 0, "DeviceId=B7D9806C123E69F8850A2D30D3709A18"},
		{"lenient request line", []string{"decode", "-lenient", "POST /Microsoft-Server-ActiveSync?" + spaced + " HTTP/1.1"}, 0, "DeviceId=B7D9806C123E69F8850A2D30D3709A18"},
		{"strict names the space", []string{"decode", spaced}, 1, "offset 16: non-base64 character ' '"},
		{"strict in a URL", []string{"decode", "https://x/y?" + spaced}, 1, "offset 28: non-base64 character ' '"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := call(t, "", tt.args...)
			got := res.stdout
			if tt.code != 0 {
				got = res.stderr
			}
			if res.code != tt.code || !strings.Contains(got, tt.out) {
				t.Errorf("got %+v, want exit %d with %q", res, tt.code, tt.out)
			}
		})
	}
}

func TestDecodeStdin(t *testing.T) {
	in := "jAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l\r\n\n  \noRcJBAp2MTQwRGV2aWNlAApTbWFydFBob25l\n"
	res := call(t, in, "decode", "-json", "-")
	lines := strings.Split(strings.TrimSuffix(res.stdout, "\n"), "\n")
	if res.code != 0 || len(lines) != 2 || !strings.Contains(lines[0], `"command":"Sync"`) || !strings.Contains(lines[1], `"command":"Find"`) {
		t.Errorf("decode -json - = %+v", res)
	}
	res = call(t, in, "decode", "-")
	if res.code != 0 || strings.Count(res.stdout, "Cmd=") != 2 || !strings.HasPrefix(res.stdout, "# line 1\nCmd=Sync") || !strings.Contains(res.stdout, "0x0409\n\n# line 4\nCmd=Find") {
		t.Errorf("decode - = %+v", res)
	}
	// A line that does not decode is a note; the others decode.
	res = call(t, "jAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l\njAUJBAp2MTQwRGV2aWNlAApTbWFydFBob25l\n", "decode", "-")
	if res.code != 0 || res.stderr != "easquery: line 2: b64uri: byte 1: unknown command code 5\n" || strings.Count(res.stdout, "Cmd=") != 1 {
		t.Errorf("bad second line: %+v", res)
	}
}

// TestVersionFlag: --version prints the module version as wbxml2xml and
// xml2wbxml do.
func TestVersionFlag(t *testing.T) {
	re := regexp.MustCompile(`^easquery github\.com/easkit/easkit \S+ \(go[^)]+\)\n$`)
	for _, arg := range []string{"--version", "-version"} {
		res := call(t, "", arg)
		if res.code != 0 || !re.MatchString(res.stdout) || res.stderr != "" {
			t.Errorf("%s: %+v", arg, res)
		}
	}
}

// TestStdinBOM: a UTF-8 byte order mark at the start of standard input (a
// file saved by Windows Notepad or PowerShell) is not part of the first
// query.
func TestStdinBOM(t *testing.T) {
	const bom = "\xEF\xBB\xBF"
	res := call(t, bom+"jAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l\r\n", "decode", "-")
	if res.code != 0 || !strings.HasPrefix(res.stdout, "# line 1\nCmd=Sync&DeviceId=v140Device") {
		t.Errorf("decode - with a BOM: %+v", res)
	}
	res = call(t, bom+"Cmd=Sync&DeviceId=v140Device&DeviceType=SmartPhone\r\nMS-ASProtocolVersion: 14.0\r\n", "encode", "-")
	if res.code != 0 || res.stdout != "jAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l\n" {
		t.Errorf("encode - with a BOM: %+v", res)
	}
}

func TestDecodeNotes(t *testing.T) {
	// Find needs 16.1; tag 0xFF is unknown; Options has bit 0x80.
	raw := []byte{140, 23, 0x09, 0x04, 1, 'd', 0, 1, 't', 0xff, 1, 0xaa, 7, 1, 0x81}
	res := call(t, "", "decode", base64.StdEncoding.EncodeToString(raw))
	for _, want := range []string{"Cmd=Find&DeviceId=d&DeviceType=t&SaveInSent=T\n", "# note: Find needs protocol 16.1 or later",
		"# note: unknown parameter tag 255 skipped (1 bytes: AA)", "# note: Options bits 0x80 have no plain form"} {
		if !strings.Contains(res.stdout, want) {
			t.Errorf("output %q lacks %q", res.stdout, want)
		}
	}
	res = call(t, "", "decode", "-json", base64.StdEncoding.EncodeToString(raw))
	if !strings.Contains(res.stdout, `"params":{"Options":"0x81","SaveInSent":"T","AcceptMultiPart":"F"},"unknownParams":[{"tag":255,"length":1,"hex":"aa"}]}`) {
		t.Errorf("json %q", res.stdout)
	}
	raw[0] = 25
	if res := call(t, "", "decode", base64.StdEncoding.EncodeToString(raw)); !strings.Contains(res.stdout, "# note: protocol version 2.5 is not one the base64 form allows") {
		t.Errorf("output %q", res.stdout)
	}
}

func TestEncode(t *testing.T) {
	tests := []struct {
		name  string
		stdin string
		args  []string
		want  string
	}{
		{"spec example", "", []string{"encode", "-version", "14.0", "Cmd=Sync&User=rmjones&DeviceId=v140Device&DeviceType=SmartPhone"},
			"jAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25lCAdybWpvbmVz\n"},
		{"flags after the argument", "", []string{"encode", "Cmd=Sync&DeviceId=v140Device&DeviceType=SmartPhone", "-version", "14.0"},
			"jAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l\n"},
		{"defaults: 14.1, en-US", "", []string{"encode", "Cmd=Sync&DeviceId=v140Device&DeviceType=SmartPhone"},
			"jQAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l\n"},
		{"all flags", "", []string{"encode", "-version=12.1", "-locale", "1033", "-policykey", "2216451701",
			"Cmd=SmartForward&DeviceId=AE4ECD19F592BA5657706FF74CF09BAC&DeviceType=PPC&SaveInSent=T&ItemId=119281&CollectionId=INBOX"},
			"eQIJBBCuTs0Z9ZK6Vldwb/dM8JusBHVeHIQDUFBDBwEBAwYxMTkyODEBBUlOQk9Y\n"},
		{"AcceptMultiPart flag", "", []string{"encode", "-version", "14.0", "-locale", "0x0407", "-policykey", "0", "-acceptmultipart",
			"Cmd=ItemOperations&DeviceId=A81F31E18BC6F962B3674D98788A7C9A&DeviceType=WP"},
			"jBMHBBCoHzHhi8b5YrNnTZh4inyaBAAAAAACV1AHAQI=\n"},
		{"URL keeps its prefix", "", []string{"encode", "-version", "14.0", "https://contoso.com/Microsoft-Server-ActiveSync?Cmd=Sync&DeviceId=v140Device&DeviceType=SmartPhone"},
			"https://contoso.com/Microsoft-Server-ActiveSync?jAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l\n"},
		{"pasted request head", "POST /Microsoft-Server-ActiveSync?Cmd=FolderSync&DeviceId=A81F31E18BC6F962B3674D98788A7C9A&DeviceType=WP HTTP/1.1\n" +
			"Host: mail.contoso.com\nMS-ASProtocolVersion: 14.0\nX-MS-PolicyKey: 0\nUser-Agent: WP\n\n# Locale: 0x0407\n", []string{"encode", "-"},
			"POST /Microsoft-Server-ActiveSync?jAkHBBCoHzHhi8b5YrNnTZh4inyaBAAAAAACV1A= HTTP/1.1\n"},
		{"two requests", "Cmd=Sync&DeviceId=v140Device&DeviceType=SmartPhone\nMS-ASProtocolVersion: 14.0\nCmd=Find&DeviceId=v140Device&DeviceType=SmartPhone\nMS-ASProtocolVersion: 16.1\n",
			[]string{"encode", "-"}, "jAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l\noRcJBAp2MTQwRGV2aWNlAApTbWFydFBob25l\n"},
		{"header without a space after the colon", "Cmd=Sync&DeviceId=v140Device&DeviceType=SmartPhone\nMS-ASProtocolVersion:14.0\nX-MS-PolicyKey:0\n", []string{"encode", "-"},
			"jAAJBAp2MTQwRGV2aWNlBAAAAAAKU21hcnRQaG9uZQ==\n"},
		{"host:port URL is a query, not a header", "localhost:8080/Microsoft-Server-ActiveSync?Cmd=Sync&DeviceId=v140Device&DeviceType=SmartPhone\nMS-ASProtocolVersion: 14.0\n", []string{"encode", "-"},
			"localhost:8080/Microsoft-Server-ActiveSync?jAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l\n"},
		{"'?' inside a value is not the start of the query", "", []string{"encode", "-version", "14.0", "Cmd=GetAttachment&DeviceId=d&DeviceType=t&AttachmentName=a?b"},
			"jAQJBAFkAAF0AANhP2I=\n"},
		{"'?' inside a value of a URL's query", "", []string{"encode", "-version", "14.0", "https://h/Microsoft-Server-ActiveSync?Cmd=GetAttachment&DeviceId=d&DeviceType=t&AttachmentName=a?b"},
			"https://h/Microsoft-Server-ActiveSync?jAQJBAFkAAF0AANhP2I=\n"},
		{"flag beats header", "Cmd=Sync&DeviceId=v140Device&DeviceType=SmartPhone\nMS-ASProtocolVersion: 12.1\n", []string{"encode", "-version", "14.0", "-"},
			"jAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := call(t, tt.stdin, tt.args...)
			if res.code != 0 || res.stdout != tt.want || res.stderr != "" {
				t.Errorf("got %+v, want stdout %q", res, tt.want)
			}
		})
	}
}

func TestEncodeErrors(t *testing.T) {
	tests := []struct {
		name  string
		stdin string
		args  []string
		what  string
	}{
		{"unknown command", "", []string{"encode", "Cmd=Fly&DeviceId=d&DeviceType=t"}, `offset 4: unknown command "Fly"`},
		{"offset inside a URL", "", []string{"encode", "https://h/p?Cmd=Sync&DeviceId=d&DeviceType=t&Colour=red"}, `offset 45: unknown parameter "Colour"`},
		{"bad version line", "Cmd=Sync&DeviceId=d&DeviceType=t\nMS-ASProtocolVersion: 14.x\n", []string{"encode", "-"}, "line 2: b64uri: MS-ASProtocolVersion offset 3: bad MS-ASProtocolVersion value"},
		// [MS-ASHTTP] 2.2.1.1.1.1: 2.5 and 12.0 MUST use the plain query;
		// the base64 form is defined for 12.1, 14.0, 14.1, 16.0 and 16.1 only.
		{"version 2.5 has no base64 form", "Cmd=Sync&DeviceId=d&DeviceType=t\nMS-ASProtocolVersion: 2.5\n", []string{"encode", "-"}, "line 2: protocol version 2.5 cannot use the base64 query"},
		{"version 12.0 has no base64 form", "Cmd=Sync&DeviceId=d&DeviceType=t\nMS-ASProtocolVersion: 12.0\n", []string{"encode", "-"}, "line 2: protocol version 12.0 cannot use the base64 query"},
		{"bad policy key line", "Cmd=Sync&DeviceId=d&DeviceType=t\nX-MS-PolicyKey: -1\n", []string{"encode", "-"}, "line 2: b64uri: X-MS-PolicyKey offset 0"},
		// A header's error names the header's line, not its query's.
		{"bad AcceptMultiPart line", "Cmd=ItemOperations&DeviceId=d&DeviceType=t\nHost: h\n\nMS-ASAcceptMultiPart: yes\n", []string{"encode", "-"}, "line 4: b64uri: MS-ASAcceptMultiPart offset 0"},
		{"header first", "MS-ASProtocolVersion: 14.0\n", []string{"encode", "-"}, "line 1: header MS-ASProtocolVersion before any query"},
		{"nothing", "\n# just a comment\n", []string{"encode", "-"}, "no query to encode"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := call(t, tt.stdin, tt.args...)
			if res.code != 1 || res.stdout != "" || strings.Count(res.stderr, "\n") != 1 || !strings.Contains(res.stderr, tt.what) {
				t.Errorf("got %+v, want exit 1 with %q", res, tt.what)
			}
		})
	}
}

func TestNegotiate(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		out  string // stdout, or a piece of stderr when code != 0
	}{
		{"exchange 2010, default client", []string{"-server", "2.0,2.1,2.5,12.0,12.1,14.0"}, 0, "14.0\n"},
		{"office 365", []string{"-client", "14.0, 14.1,16.0", "-server", "2.0,2.1,2.5,12.0,12.1,14.0,14.1,16.0,16.1"}, 0, "16.0\n"},
		{"after HTTP 400", []string{"-server", "2.5,12.0,12.1,14.0,14.1,16.0,16.1", "-rejected", "16.1"}, 0, "16.0\n"},
		{"server too old", []string{"-client", "14.0,14.1", "-server", "2.5,12.0,12.1"}, 1, "the server's newest version 12.1 is older than the client's oldest 14.0"},
		{"nothing below", []string{"-client", "14.0", "-server", "14.0", "-rejected", "14.0"}, 1, "none is left below 14.0"},
		{"empty server list", []string{"-server", ""}, 1, "the server lists no version"},
		{"garbage server list", []string{"-server", "2.5,x"}, 1, `-server: version: "2.5,x": offset 4: expected a digit`},
		{"garbage client list", []string{"-client", "14", "-server", "14.0"}, 1, `-client: version: "14": offset 2`},
		{"bad -rejected", []string{"-server", "14.0", "-rejected", "v14"}, 1, "-rejected: version"},
		{"no -server", nil, 2, "-server is required"},
		{"stray argument", []string{"-server", "14.0", "14.1"}, 2, `unexpected argument "14.1"`},
		{"bare list argument", []string{"2.5,12.0,14.1"}, 0, "14.1\n"},
		{"header line", []string{"MS-ASProtocolVersions: 2.5,12.0,14.0"}, 0, "14.0\n"},
		{"header line as -server", []string{"-server", "ms-asprotocolversions:12.1,14.0"}, 0, "14.0\n"},
		{"OPTIONS response", []string{"HTTP/1.1 200 OK\r\nMS-ASProtocolVersions: 2.5,12.0,12.1,14.0,14.1,16.0,16.1\r\nMS-ASProtocolCommands: Sync,SendMail,Find\r\n\r\nbody: x\r\n"}, 0,
			"16.1\nMS-ASProtocolCommands: Sync,SendMail,Find\n"},
		{"OPTIONS response without versions", []string{"HTTP/1.1 200 OK\nAllow: OPTIONS,POST\n"}, 1, "no MS-ASProtocolVersions header"},
		{"two arguments", []string{"14.0", "14.1"}, 2, `unexpected argument "14.1"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := call(t, "", append([]string{"negotiate"}, tt.args...)...)
			if res.code != tt.code {
				t.Fatalf("exit %d, want %d: %+v", res.code, tt.code, res)
			}
			if tt.code == 0 && res.stdout != tt.out {
				t.Errorf("stdout %q, want %q", res.stdout, tt.out)
			}
			if tt.code != 0 && !strings.Contains(res.stderr, tt.out) {
				t.Errorf("stderr %q lacks %q", res.stderr, tt.out)
			}
		})
	}
}

// TestNegotiateStdin: "-" reads the server's versions from standard input.
func TestNegotiateStdin(t *testing.T) {
	for stdin, want := range map[string]string{
		"2.5,12.0,14.1\n":                     "14.1\n",
		"MS-ASProtocolVersions: 2.5,12.0\r\n": "12.0\n",
		"HTTP/1.1 200 OK\r\nMS-ASProtocolCommands: Sync\r\nMS-ASProtocolVersions: 14.0,14.1\r\n\r\n": "14.1\nMS-ASProtocolCommands: Sync\n",
	} {
		for _, args := range [][]string{{"negotiate", "-"}, {"negotiate", "-server", "-"}} {
			if res := call(t, stdin, args...); res.code != 0 || res.stdout != want || res.stderr != "" {
				t.Errorf("%q < %q: %+v, want %q", args, stdin, res, want)
			}
		}
	}
}

func TestUsage(t *testing.T) {
	for _, args := range [][]string{
		nil,
		{"frobnicate"},
		{"decode"},
		{"decode", "a", "b"},
		{"decode", "-frob", "x"},
		{"encode"},
		{"encode", "-locale", "en-US", "Cmd=Sync&DeviceId=d&DeviceType=t"},
		{"encode", "-policykey"},
		// Bad flag values are usage errors, for every flag alike.
		{"encode", "-version", "14.x", "Cmd=Sync&DeviceId=d&DeviceType=t"},
		{"encode", "-version", "2.5", "Cmd=Sync&DeviceId=d&DeviceType=t"},
		{"encode", "-version", "12.0", "Cmd=Sync&DeviceId=d&DeviceType=t"},
		{"encode", "-policykey", "x", "Cmd=Sync&DeviceId=d&DeviceType=t"},
		{"encode", "-policykey", "4294967296", "Cmd=Sync&DeviceId=d&DeviceType=t"},
	} {
		// One line naming the problem and a hint, not the usage.
		res := call(t, "", args...)
		if res.code != 2 || res.stdout != "" {
			t.Errorf("%q: %+v, want exit 2 and no output", args, res)
		}
		line, ok := strings.CutSuffix(res.stderr, "\n")
		if !ok || strings.Contains(line, "\n") || !strings.HasPrefix(line, "easquery: ") || !strings.HasSuffix(line, " (run easquery -h for usage)") {
			t.Errorf("%q: stderr %q, want one line: easquery: problem (run easquery -h for usage)", args, res.stderr)
		}
	}
	for _, args := range [][]string{{"-h"}, {"help"}, {"decode", "-h"}, {"encode", "-help"}, {"negotiate", "-h"}} {
		res := call(t, "", args...)
		if res.code != 0 || !strings.HasPrefix(res.stdout, "usage: easquery") || res.stderr != "" {
			t.Errorf("%q: %+v, want exit 0 and the usage on stdout", args, res)
		}
	}
}

// TestUsageNamesEveryFlag: the usage text documents every flag of every
// subcommand.
func TestUsageNamesEveryFlag(t *testing.T) {
	var sets []*flag.FlagSet
	onNewFlags = func(fs *flag.FlagSet) { sets = append(sets, fs) }
	defer func() { onNewFlags = nil }()
	for _, sub := range []string{"decode", "encode", "negotiate"} {
		call(t, "", sub, "-h")
	}
	if len(sets) != 3 {
		t.Fatalf("%d flag sets, want 3", len(sets))
	}
	n := 0
	for _, fs := range sets {
		fs.VisitAll(func(f *flag.Flag) {
			n++
			if !regexp.MustCompile(`[\s\[]-` + regexp.QuoteMeta(f.Name) + `\b`).MatchString(usage) {
				t.Errorf("%s -%s is not in the usage text", fs.Name(), f.Name)
			}
		})
	}
	if n < 10 {
		t.Errorf("only %d flags seen", n)
	}
}

// TestDecodeJSONRepeatedNames: a parameter that repeats keeps all its
// values, as an array, in both query forms.
func TestDecodeJSONRepeatedNames(t *testing.T) {
	res := call(t, "", "decode", "-json", "Cmd=Sync&User=a&DeviceId=d&DeviceType=t&x=1&y=2&x=3")
	if res.code != 0 || !strings.Contains(res.stdout, `"params":{"User":"a","x":["1","3"],"y":"2"}`) {
		t.Errorf("plain: %+v", res)
	}
}

// TestBinary builds easquery and checks the process: output, exit
// statuses, and stdin.
func TestBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	bin := filepath.Join(t.TempDir(), "easquery")
	if out, err := exec.Command(gobin, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	tests := []struct {
		args   []string
		stdin  string
		code   int
		stdout string
		stderr string
	}{
		{[]string{"decode", "jAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l"}, "", 0,
			"Cmd=Sync&DeviceId=v140Device&DeviceType=SmartPhone\nMS-ASProtocolVersion: 14.0\n# Locale: 0x0409\n", ""},
		{[]string{"decode", "jAAJBap2MTQwRGV2aWNlAApTbWFydFBob251"}, "", 1,
			"", "easquery: b64uri: byte 4: device id length 170 exceeds remaining 22 bytes\n"},
		{[]string{"decode", "-json", "-"}, "oRcJBAp2MTQwRGV2aWNlAApTbWFydFBob25l\n", 0,
			`{"line":1,"form":"base64","query":"oRcJBAp2MTQwRGV2aWNlAApTbWFydFBob25l","version":"16.1","command":"Find","locale":1033,"deviceId":"v140Device","deviceIdHex":"76313430446576696365","policyKey":null,"deviceType":"SmartPhone","params":{},"unknownParams":[]}` + "\n", ""},
		{[]string{"encode", "-version", "14.0", "Cmd=Sync&User=rmjones&DeviceId=v140Device&DeviceType=SmartPhone"}, "", 0,
			"jAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25lCAdybWpvbmVz\n", ""},
		{[]string{"negotiate", "-server", "2.5,12.1"}, "", 0, "12.1\n", ""},
		{[]string{"decode"}, "", 2, "", ""},
		{[]string{"-h"}, "", 0, usage, ""},
	}
	for _, tt := range tests {
		cmd := exec.Command(bin, tt.args...)
		cmd.Stdin = strings.NewReader(tt.stdin)
		var out, errOut bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errOut
		err := cmd.Run()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		if code != tt.code || out.String() != tt.stdout || (tt.code != 2 && errOut.String() != tt.stderr) {
			t.Errorf("easquery %q: exit %d stdout %q stderr %q; want %d %q %q", tt.args, code, out.String(), errOut.String(), tt.code, tt.stdout, tt.stderr)
		}
		if tt.code == 2 && errOut.String() != "easquery: decode: missing argument (run easquery -h for usage)\n" {
			t.Errorf("usage error output %q", errOut.String())
		}
	}
}
