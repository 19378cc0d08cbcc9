package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the testdata/*.golden files")

const syncQ = "jAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l"

// syncOut is decode's text output for syncQ.
const syncOut = "Cmd=Sync&DeviceId=v140Device&DeviceType=SmartPhone\nMS-ASProtocolVersion: 14.0\n# Locale: 0x0409\n"

const plainNote = "# Form: plain (the protocol version and policy key are request headers)\n"

// TestDecodeLineForms decodes each form of line, as the argument and as a
// line of standard input, with the exact output.
func TestDecodeLineForms(t *testing.T) {
	tests := []struct {
		name, line, out string
	}{
		{"bare base64", syncQ, syncOut},
		{"quoted base64", `"` + syncQ + `"`, syncOut},
		{"?query", "?" + syncQ, syncOut},
		{"plain", "Cmd=Sync&User=jdoe&DeviceId=d1&DeviceType=iPhone", "Cmd=Sync&User=jdoe&DeviceId=d1&DeviceType=iPhone\n" + plainNote},
		{"URL", "https://mail.example.com/Microsoft-Server-ActiveSync?" + syncQ, syncOut},
		{"request line", "POST /Microsoft-Server-ActiveSync?" + syncQ + " HTTP/1.1", syncOut},
		{"quoted request line", `"POST /Microsoft-Server-ActiveSync?` + syncQ + ` HTTP/1.1"`, syncOut},
		{"absolute-form request line", "POST https://mail.example.com/Microsoft-Server-ActiveSync?" + syncQ + " HTTP/1.1", syncOut},
		{"combined log", `192.0.2.1 - jdoe [07/Dec/2026:09:00:00 +0000] "POST /Microsoft-Server-ActiveSync?` + syncQ + ` HTTP/1.1" 200 123 "-" "Apple-iPhone/2101"`, syncOut},
		{"common log", `192.0.2.1 - jdoe [07/Dec/2026:09:00:00 +0000] "POST /Microsoft-Server-ActiveSync?` + syncQ + ` HTTP/1.1" 200 123`, syncOut},
		{"combined log, plain", `192.0.2.1 - - [07/Dec/2026:09:00:00 +0000] "POST /Microsoft-Server-ActiveSync?Cmd=Ping&User=jdoe&DeviceId=d1&DeviceType=iPhone HTTP/1.1" 200 1 "-" "-"`,
			"Cmd=Ping&User=jdoe&DeviceId=d1&DeviceType=iPhone\n" + plainNote},
		{"IIS without #Fields", "2026-12-07 09:00:01 192.0.2.1 POST /Microsoft-Server-ActiveSync/default.eas " + syncQ + " 443 jdoe 192.0.2.10 Android-Mail/1 - 200 0 0 15", syncOut},
		{"IIS, base64 and Exchange's &Log=", "2026-12-07 09:00:01 192.0.2.1 POST /Microsoft-Server-ActiveSync/default.eas " + syncQ + "&Log=V141 443 jdoe 192.0.2.10 A - 200 0 0 15", syncOut},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := call(t, "", "decode", "--", tt.line)
			if res.code != 0 || res.stdout != tt.out || res.stderr != "" {
				t.Errorf("argument: %+v, want %q", res, tt.out)
			}
			res = call(t, "\n"+tt.line+"\n", "decode", "-")
			if want := "# line 2\n" + tt.out; res.code != 0 || res.stdout != want || res.stderr != "" {
				t.Errorf("stdin: %+v, want %q", res, want)
			}
		})
	}
}

// TestDecodeW3CFields: a #Fields header sets the columns, and a later
// one changes them.
func TestDecodeW3CFields(t *testing.T) {
	in := "#Fields: date time cs-uri-query cs-method cs-uri-stem sc-status\n" +
		"2026-12-07 09:00:05 " + syncQ + " POST /Microsoft-Server-ActiveSync/default.eas 200\n" +
		"#Fields: cs-uri-stem cs-uri-query\n" +
		"/Microsoft-Server-ActiveSync " + syncQ + "\n" +
		"/owa/ " + syncQ + "\n"
	res := call(t, in, "decode", "-")
	want := "# line 2\n" + syncOut + "\n# line 4\n" + syncOut
	if res.code != 0 || res.stdout != want || res.stderr != "" {
		t.Errorf("%+v, want %q", res, want)
	}
}

// TestDecodeLineNegative: lines without an ActiveSync query are skipped on
// standard input; ActiveSync lines that do not decode are notes with
// their line numbers; nothing decoded is exit 1 with one line.
func TestDecodeLineNegative(t *testing.T) {
	tests := []struct {
		name, stdin, stderr string
	}{
		{"no ActiveSync line", "GET /owa/?ae=Item HTTP/1.1\n192.0.2.1 - - [x] \"GET / HTTP/1.1\" 200 1\n# comment\nhello world\n",
			"easquery: no query to decode: standard input is empty or holds no ActiveSync query\n"},
		{"OPTIONS without a query", "\"OPTIONS /Microsoft-Server-ActiveSync HTTP/1.1\"\nOPTIONS /Microsoft-Server-ActiveSync HTTP/1.1\n",
			"easquery: no query to decode: standard input is empty or holds no ActiveSync query\n"},
		{"other path's base64 that does not decode", "https://h/x?abc\n",
			"easquery: no query to decode: standard input is empty or holds no ActiveSync query\n"},
		{"one bad ActiveSync line", "hello world\n\"POST /Microsoft-Server-ActiveSync?jAUJBAp2MTQwRGV2aWNlAApTbWFydFBob25l HTTP/1.1\" 400\n",
			"easquery: line 2: b64uri: byte 1: unknown command code 5\n"},
		{"two bad lines", "POST /Microsoft-Server-ActiveSync?jAUJBAp2MTQwRGV2aWNlAApTbWFydFBob25l HTTP/1.1\nPOST /Microsoft-Server-ActiveSync?jA%% HTTP/1.1\n",
			"easquery: line 1: b64uri: byte 1: unknown command code 5\neasquery: line 2: b64uri: base64 text offset 36: non-base64 character '%' (RFC 2045 alphabet expected) (no query decoded: 2 failed)\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := call(t, tt.stdin, "decode", "-")
			if res.code != 1 || res.stdout != "" || res.stderr != tt.stderr {
				t.Errorf("%+v, want exit 1 and stderr %q", res, tt.stderr)
			}
		})
	}
	// The argument must hold a query.
	if res := call(t, "", "decode", "OPTIONS /Microsoft-Server-ActiveSync HTTP/1.1"); res.code != 1 || strings.Count(res.stderr, "\n") != 1 {
		t.Errorf("argument without a query: %+v", res)
	}
}

// TestDecodeLogs decodes the sample logs under testdata and compares the
// output (standard output, then standard error) with the golden files.
func TestDecodeLogs(t *testing.T) {
	for _, name := range []string{"apache", "iis", "nginx"} {
		for _, json := range []bool{false, true} {
			args := []string{"decode", "-"}
			golden := name + ".golden"
			if json {
				args = []string{"decode", "-json", "-"}
				golden = name + ".json.golden"
			}
			t.Run(golden, func(t *testing.T) {
				in, err := os.ReadFile(filepath.Join("testdata", name+".log"))
				if err != nil {
					t.Fatal(err)
				}
				res := call(t, string(in), args...)
				if res.code != 0 {
					t.Fatalf("exit %d: %s", res.code, res.stderr)
				}
				got := []byte(res.stdout + "--- stderr\n" + res.stderr)
				path := filepath.Join("testdata", golden)
				if *update {
					if err := os.WriteFile(path, got, 0o644); err != nil {
						t.Fatal(err)
					}
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("decode %s.log:\n%s\nwant:\n%s", name, got, want)
				}
			})
		}
	}
}
