package capture

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// hexBytes parses space-separated hex for expectations.
func hexBytes(s string) []byte {
	var out []byte
	for _, f := range strings.Fields(s) {
		out = appendHexToken(out, []byte(f))
	}
	return out
}

func TestHexLayouts(t *testing.T) {
	wb := "03 01 6a 00 00 07 56 52 03 30 00 01 01"
	tests := []struct {
		name string
		in   string
		want []string // bodies, as space-separated hex
	}{
		{"xxd, last line's ASCII column looks like hex",
			"00000000: 4142 4344 4546 4748 4142 4344 4546 4748  ABCDEFGHABCDEFGH\n00000010: 6162 6364                                abcd\n",
			[]string{"41 42 43 44 45 46 47 48 41 42 43 44 45 46 47 48 61 62 63 64"}},
		{"xxd, single line whose ASCII column is all hex digits",
			"00000000: 4141 4242                                AABB\n",
			[]string{"41 41 42 42"}},
		{"xxd -a, repeated lines as '*'",
			"00000000: 0000 0000 0000 0000 0000 0000 0000 0000  ................\n*\n00000030: 0301 6a                                  ..j\n",
			[]string{strings.Repeat("00 ", 48) + "03 01 6a"}},
		{"xxd, ASCII column starting with space bytes",
			"00000000: 2020 2041 42                             AB\n",
			[]string{"20 20 20 41 42"}},
		{"xxd, trailing space bytes trimmed from the ASCII column",
			"00000000: 4142 2020                                AB\n",
			[]string{"41 42 20 20"}},
		{"xxd of text that looks like a C array",
			"00000000: 7b30 7831 2c20 3078 3032 7d              {0x1, 0x02}\n",
			[]string{"7b 30 78 31 2c 20 30 78 30 32 7d"}},
		{"xxd -g4 -e is not supported, but -g4 big-endian is",
			"00000000: 03016a00 00075652 03300001 01        ..j...VR.0...\n",
			[]string{wb}},
		{"hexdump -C, two dumps",
			"00000000  03 01 6a 00 00 07 56 52  03 30 00 01 01           |..j...VR.0...|\n0000000d\n00000000  03 01 6a 00 00 07 56 4c  03 31 34 32 00 01 01     |..j...VL.142...|\n0000000f\n",
			[]string{wb, "03 01 6a 00 00 07 56 4c 03 31 34 32 00 01 01"}},
		{"hexdump -C with a pipe byte in the ASCII column",
			"00000000  7c 41 7c                                          ||A||\n00000003\n",
			[]string{"7c 41 7c"}},
		{"od -A d (decimal offsets)",
			"0000000 03 01 6a 00 00 07 56 52 03 30\n0000010 00 01 01\n0000013\n",
			[]string{wb}},
		{"od -A n is plain hex",
			" 03 01 6a 00 00 07 56 52\n 03 30 00 01 01\n",
			[]string{wb}},
		{"hexdump words that only read as WBXML big-endian",
			"0000000 0301 6a00 0007 5652 0330 0001 0100\n000000d\n",
			[]string{wb}},
		{"text2pcap sample layout (single space before the text)",
			"000000 03 01 6a 00 00 07 56 52 ........\n000008 03 30 00 01 01 .....\n",
			[]string{wb}},
		{"Wireshark Follow Stream hex dump: two sides, each with its own offsets",
			"00000000  03 01 6a 00 00 07 56 52  ..j...VR\n    00000000  03 01 6a 00 00 07 56 4c  ..j...VL\n00000008  03 30 00 01 01  .0...\n    00000008  03 31 00 01 01  .1...\n",
			[]string{"03 01 6a 00 00 07 56 52", "03 01 6a 00 00 07 56 4c", "03 30 00 01 01", "03 31 00 01 01"}},
		{"a dump indented as a whole is not two sides",
			"    00000000  03 01 6a 00 00 07 56 52  03 30 00 01 01  ..j...VR.0...\n    0000000d\n", []string{wb}},
		{"PowerShell 5 Format-Hex, with its header",
			"\r\n           Path: C:\\Users\\me\\req.wbxml\r\n\r\n           00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F\r\n\r\n00000000   03 01 6A 00 00 07 56 52 03 30 00 01 01           ..j...VR.0...\r\n\r\n\r\n",
			[]string{wb}},
		{"PowerShell 7 Format-Hex, with its header",
			"\n   Label: C:\\Users\\me\\req.wbxml\n\n          Offset Bytes                                           Ascii\n                 00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F\n          ------ ----------------------------------------------- -----\n0000000000000000 03 01 6A 00 00 07 56 52 03 30 00 01 01          ..j...VR.0...\n\n",
			[]string{wb}},
		{"certutil -encodehex",
			"0000\t03 01 6a 00 00 07 56 52  03 30 00 01 01            ..j...VR.0...\r\n",
			[]string{wb}},
		{"tcpdump -X",
			"\t0x0000:  0301 6a00 0007 5652 0330 0001 01         ..j...VR.0...\n",
			[]string{wb}},
		{"Wireshark hex dump without ASCII, upper case",
			"0000   03 01 6A 00 00 07 56 52 03 30 00 01 01\n",
			[]string{wb}},
		{"plain hex wrapped at an odd width", "03016a00000\n7565203300\n00101\n", []string{wb}},
		{"plain hex with colons", "03:01:6a:00:00:07:56:52:03:30:00:01:01", []string{wb}},
		{"plain hex with dashes", "03-01-6A-00-00-07-56-52-03-30-00-01-01", []string{wb}},
		{"plain hex groups", "03016a00 00075652 03300001 01", []string{wb}},
		{"0x list, no commas", "0x03 0x01 0x6a 0x00 0x00 0x07 0x56 0x52 0x03 0x30 0x00 0x01 0x01", []string{wb}},
		{"0x list, single digits and trailing comma", "0x3, 0x1, 0x6a, 0x0, 0x0, 0x7, 0x56, 0x52, 0x3, 0x30, 0x0, 0x1, 0x1,", []string{wb}},
		{"Go slice with a comment and two groups",
			"a := []byte{0x03, 0x01, 0x6a, 0x00, 0x00, 0x07, 0x56, 0x52, 0x03, 0x30, 0x00, 0x01, 0x01} // req\nb := []byte{ /* empty */ }\n",
			[]string{wb, ""}},
		{"0x-prefixed hex stream", "0x03016A0000075652033000010101", []string{wb + " 01"}},
		{"Wireshark C string", `"\003\001j\000\000\aVR\0030\000\001\001"`, []string{wb}},
		{"Go string over two lines", `"\x03\x01j\x00\x00\x07VR" +` + "\n\t" + `"\x030\x00\x01\x01"` + "\n", []string{wb}},
		{"Python bytes", `b'\x03\x01j\x00\x00\x07VR\x030\x00\x01\x01'`, []string{wb}},
		{"escaped string without quotes (Wireshark's Copy as Escaped String)",
			`\x03\x01\x6a\x00\x00\x07\x56\x52\x03\x30\x00\x01\x01`, []string{wb}},
		{"xxd -e: little-endian 4-byte groups reversed back",
			"00000000: 006a0103 48450d00 30373403 4a490100  ..j...EH.470..IJ\n00000010: 0031034b                             K.1.\n",
			[]string{"03 01 6a 00 00 0d 45 48 03 34 37 30 00 01 49 4a 4b 03 31 00"}},
		{"xxd -e -g2",
			"00000000: 0103 006a 0d00 4845 3403 3037 0100 4a49  ..j...EH.470..IJ\n00000010: 034b 0031                                K.1.\n",
			[]string{"03 01 6a 00 00 0d 45 48 03 34 37 30 00 01 49 4a 4b 03 31 00"}},
		{"xxd -e -g8, last group right-aligned",
			"00000000: 48450d00006a0103 4a49010030373403  ..j...EH.470..IJ\n00000010:         0031034b                   K.1.\n",
			[]string{"03 01 6a 00 00 0d 45 48 03 34 37 30 00 01 49 4a 4b 03 31 00"}},
		{"xxd -e, a short last group",
			"00000000: 44434241 48474645     4a49           ABCDEFGHIJ\n",
			[]string{"41 42 43 44 45 46 47 48 49 4a"}},
		{"xxd -g4 stays as written (big-endian groups)",
			"00000000: 03016a00 000d4548 03343730 0001494a  ..j...EH.470..IJ\n00000010: 4b033100                             K.1.\n",
			[]string{"03 01 6a 00 00 0d 45 48 03 34 37 30 00 01 49 4a 4b 03 31 00"}},
		{"escaped string without quotes, upper case, wrapped, CRLF",
			"\\x03\\x01\\x6A\\x00\\x00\\x07\r\n\\x56\\x52\\x03\\x30\\x00\\x01\\x01\r\n", []string{wb}},
		{"escaped string without quotes, printable bytes as themselves",
			`\x03\x01j\x00\x00\x07VR\x030\x00\x01\x01`, []string{wb}},
		{"octal escapes without quotes", `\003\001j\000\000\aVR\0030\000\001\001`, []string{wb}},
		{"C string with escapes", `"\t\n\r\\\"\'\?\x7fA"`, []string{"09 0a 0d 5c 22 27 3f 7f 41"}},
		{"C array over several lines",
			"static const unsigned char req[13] =\n{\n  0x03, 0x01, 0x6a, 0x00, 0x00, 0x07, 0x56, 0x52,\n  0x03, 0x30, 0x00, 0x01, 0x01\n};\nunsigned int req_len = 13;\n",
			[]string{wb}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms, err := ReadAll([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, m := range ms {
				if m.Form != FormHex {
					t.Errorf("form %v, want hex", m.Form)
				}
				got = append(got, strings.TrimSpace(spaced(m.Body)))
			}
			var want []string
			for _, w := range tt.want {
				want = append(want, strings.TrimSpace(spaced(hexBytes(w))))
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("bodies (-want +got):\n%s", diff)
			}
		})
	}
}

func spaced(b []byte) string {
	const digits = "0123456789abcdef"
	var sb strings.Builder
	for _, c := range b {
		sb.WriteByte(digits[c>>4])
		sb.WriteByte(digits[c&15])
		sb.WriteByte(' ')
	}
	return sb.String()
}

func TestBase64Layouts(t *testing.T) {
	wb := "03 01 6a 00 00 07 56 52 03 30 00 01 01"
	tests := []struct {
		name  string
		in    string
		force bool
		want  []string
	}{
		{"padded", "AwFqAAAHVlIDMAABAQ==", false, []string{wb}},
		{"unpadded", "AwFqAAAHVlIDMAABAQ", false, []string{wb}},
		{"wrapped with CRLF", "AwFqAAAH\r\nVlIDMAAB\r\nAQ==\r\n", false, []string{wb}},
		{"URL-safe", "-_-_", false, []string{"fb ff bf"}},
		{"standard", "+/+/", false, []string{"fb ff bf"}},
		{"data URI", "data:application/vnd.ms-sync.wbxml;base64,AwFqAAAHVlIDMAABAQ==", false, []string{wb}},
		{"MIME header block", "Content-Type: application/vnd.ms-sync.wbxml\r\nContent-Transfer-Encoding: base64\r\n\r\nAwFqAAAHVlIDMAABAQ==\r\n", false, []string{wb}},
		{"MIME header with a folded field, LF", "MIME-Version: 1.0\nContent-Type: application/octet-stream;\n\tname=body.wbxml\nContent-Transfer-Encoding: base64\n\nAwFqAAAH\nVlIDMAAB\nAQ==\n", false, []string{wb}},
		{"two padded blobs", "AwFqAAAHVlIDMAABAQ==\nAwE=\n", false, []string{wb, "03 01"}},
		{"blanks inside lines, forced", "AwFq AAAH VlID MAAB AQ==", true, []string{wb}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var opts []Option
			if tt.force {
				opts = append(opts, WithForm(FormBase64))
			}
			ms, err := ReadAll([]byte(tt.in), opts...)
			if err != nil {
				t.Fatal(err)
			}
			var got, want []string
			for _, m := range ms {
				if m.Form != FormBase64 {
					t.Errorf("form %v, want base64", m.Form)
				}
				got = append(got, spaced(m.Body))
			}
			for _, w := range tt.want {
				want = append(want, spaced(hexBytes(w)))
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("bodies (-want +got):\n%s", diff)
			}
		})
	}
}
