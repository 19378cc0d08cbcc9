package main

import (
	"os"
	"strings"
	"testing"
)

// FuzzRun feeds arbitrary text to decode and encode, as an argument and
// on standard input. Properties: no panic; exit 0 or 1 (the arguments are
// well-formed); on exit 1 standard error is one line from easquery; and
// decode's plain output, fed to encode and decoded again, gives the same
// plain form (notes aside), unless decode noted a protocol version that
// has no base64 form, which encode must then refuse.
func FuzzRun(f *testing.F) {
	data, err := os.ReadFile("../../b64uri/testdata/cases.tsv")
	if err != nil {
		f.Fatal(err)
	}
	for _, line := range strings.Split(strings.TrimRight(string(data), "\n"), "\n")[1:] {
		q, _, _ := strings.Cut(line, "\t")
		f.Add(q, uint8(0))
		f.Add(q, uint8(1))
	}
	f.Add("Cmd=Sync&User=rmjones&DeviceId=v140Device&DeviceType=SmartPhone\nMS-ASProtocolVersion: 14.0\n# Locale: 0x0409\n", uint8(3))
	f.Add("POST /Microsoft-Server-ActiveSync?jAkHBBC32YBsEj5p IUKLTDTcJoYBAAAAAALV2luZG93c01haWw= HTTP/1.1", uint8(1))
	f.Fuzz(func(t *testing.T, in string, mode uint8) {
		var args []string
		stdin := ""
		switch mode % 5 {
		case 0:
			args = []string{"decode", "--", in}
		case 1:
			args = []string{"decode", "-lenient", "-"}
			stdin = in
		case 2:
			args = []string{"decode", "-json", "-lenient", "-"}
			stdin = in
		case 3:
			args = []string{"encode", "-"}
			stdin = in
		case 4:
			args = []string{"encode", "--", in}
		}
		res := call(t, stdin, args...)
		if res.code != 0 && res.code != 1 {
			t.Fatalf("%q: exit %d: %s", args, res.code, res.stderr)
		}
		// Standard error is lines from easquery: the notes of lines
		// that did not decode (standard input only), and on exit 1 the
		// error.
		if res.code == 1 && res.stderr == "" || stdin == "" && strings.Count(res.stderr, "\n") > 1 {
			t.Fatalf("%q: exit %d with stderr %q", args, res.code, res.stderr)
		}
		for _, line := range strings.SplitAfter(res.stderr, "\n") {
			if line != "" && (!strings.HasPrefix(line, "easquery: ") || !strings.HasSuffix(line, "\n")) {
				t.Fatalf("%q: stderr line %q", args, line)
			}
			if res.code == 0 && line != "" && !strings.HasPrefix(line, "easquery: line ") {
				t.Fatalf("%q: exit 0 with stderr %q", args, res.stderr)
			}
		}
		if res.code == 1 || mode%5 != 1 || res.stdout == "" || strings.Contains(res.stdout, "# Form: plain") {
			return
		}
		enc := call(t, res.stdout, "encode", "-")
		if strings.Contains(res.stdout, "# note: protocol version") {
			if enc.code != 1 {
				t.Fatalf("encode of a version without a base64 form: %+v", enc)
			}
			return
		}
		if enc.code != 0 {
			t.Fatalf("decode output %q does not encode: %+v", res.stdout, enc)
		}
		again := call(t, enc.stdout, "decode", "-")
		// Notes (such as a command newer than the version) may hold for
		// both decodes: compare without them.
		if again.code != 0 || withoutNotes(again.stdout) != withoutNotes(res.stdout) {
			t.Fatalf("decode | encode | decode = %+v, want %q", again, withoutNotes(res.stdout))
		}
	})
}
