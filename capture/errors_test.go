package capture

import (
	"bytes"
	"compress/gzip"
	"errors"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func gzipBytes(t testing.TB, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	if _, err := w.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// errPos is what the error tests compare.
type errPos struct {
	Index        int
	Part         string
	Line, Column int
	Text         string
}

func TestErrors(t *testing.T) {
	bomb := gzipBytes(t, make([]byte, 2<<20))
	zeros16 := "00000000  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|\n"
	tests := []struct {
		name string
		form Form
		in   string
		is   error
		want errPos
	}{
		{"hex: bad digit in xxd", FormHex,
			"00000000: 0301 6a00 0007 5652 0330 0001 0101 0101  ..j...VR.0......\n00000010: 0301 6x00  ..j.\n",
			ErrSyntax, errPos{Line: 2, Column: 16, Text: `capture: hex: line 2:16: invalid hex byte "6x00"`}},
		{"hex: line shorter than the offsets say", FormHex,
			"00000000  03 01 6a 00 00 07 56 52  03 30 00 01 01 01 01 01  |..j...VR.0......|\n00000020  03 01 |..|\n",
			ErrTruncated, errPos{Line: 1, Column: 1, Text: "capture: hex: line 1:1: line holds 16 bytes but the next offset is 32 bytes on"}},
		{"hex: offset out of sequence", FormHex,
			"00000000: 0301 6a00  ..j.\n00000010: 0007 5652  ..VR\n",
			ErrTruncated, errPos{Line: 1, Column: 1, Text: "capture: hex: line 1:1: line holds 4 bytes but the next offset is 16 bytes on"}},
		{"hex: '*' at the end", FormHex, zeros16 + "*\n",
			ErrTruncated, errPos{Line: 2, Column: 1, Text: "capture: hex: line 2:1: '*' must be followed by the offset where the repetition ends"}},
		{"hex: '*' bomb", FormHex, zeros16 + "*\nffffffff00\n",
			ErrTooLarge, errPos{Line: 2, Column: 1, Text: "capture: hex: line 2:1: '*' stands for 1099511627504 bytes, more than the decoded-size limit allows"}},
		{"hex: '*' first", FormHex, "00000000\n*\n00000010\n",
			ErrSyntax, errPos{Line: 2, Column: 1, Text: "capture: hex: line 2:1: '*' with no line before it to repeat"}},
		{"hex: '*' in od -An output, which has no offsets", FormHex,
			" 03 01 6a 00 00 15 45 51 03 31 00 01 50 c3 84 a3\n 30 30 30 30 30 30 30 30 30 30 30 30 30 30 30 30\n*\n 30 30 0d 0a\n",
			ErrSyntax, errPos{Line: 3, Column: 1, Text: "capture: hex: line 3:1: '*' stands for repeated lines, but with no offset column how many is unknown (dump again with -v)"}},
		{"hex: final offset past the bytes", FormHex, "00000000  03 01  |..|\n00000003\n",
			ErrTruncated, errPos{Line: 1, Column: 1, Text: "capture: hex: line 1:1: line holds 2 bytes but the next offset is 3 bytes on"}},
		{"hex: odd digits", FormHex, "03 01 6a 0",
			ErrTruncated, errPos{Line: 1, Column: 10, Text: "capture: hex: line 1:10: odd number of hex digits"}},
		{"hex: odd digits before a blank", FormHex, "03 016 a0",
			ErrSyntax, errPos{Line: 1, Column: 7, Text: "capture: hex: line 1:7: odd number of hex digits before a blank"}},
		{"hex: unclosed brace", FormHex, "{0x03, 0x01",
			ErrTruncated, errPos{Line: 1, Column: 12, Text: "capture: hex: line 1:12: missing '}' at the end of the byte list"}},
		{"hex: not a 0x byte", FormHex, "0x03, 0x01,\n 0x100",
			ErrSyntax, errPos{Line: 2, Column: 2, Text: "capture: hex: line 2:2: expected a byte such as 0x6a, found '0'"}},
		{"hex: empty", FormHex, "  \n",
			ErrEmpty, errPos{Line: 2, Column: 1, Text: "capture: hex: line 2:1: no hex digits"}},
		{"hex: unterminated string literal", FormHex, `"\x03\x01`,
			ErrTruncated, errPos{Line: 1, Column: 1, Text: "capture: hex: line 1:1: unterminated string literal"}},
		{"hex: unknown escape", FormHex, `"\x03\q"`,
			ErrSyntax, errPos{Line: 1, Column: 6, Text: `capture: hex: line 1:6: unknown escape \q`}},
		{"hex: octal escape too large", FormHex, `"\477"`,
			ErrSyntax, errPos{Line: 1, Column: 2, Text: `capture: hex: line 1:2: octal escape \319 is above 0377`}},
		{"base64: bad character", FormBase64, "AwFq\nAA*A",
			ErrSyntax, errPos{Line: 2, Column: 3, Text: "capture: base64: line 2:3: invalid base64 character '*'"}},
		{"base64: ends inside a byte", FormBase64, "AwFqA\n",
			ErrTruncated, errPos{Line: 1, Column: 5, Text: "capture: base64: line 1:5: base64 text ends inside a byte (5 characters)"}},
		{"base64: mixed alphabets", FormBase64, "Aw+q-AAA",
			ErrSyntax, errPos{Line: 1, Column: 5, Text: "capture: base64: line 1:5: '-' mixed with the standard alphabet"}},
		{"base64: too much padding", FormBase64, "AwFqAA===",
			ErrSyntax, errPos{Line: 1, Column: 9, Text: "capture: base64: line 1:9: wrong number of '=' padding characters (3)"}},
		{"HTTP: not a start line", FormHTTP, "hello\r\n",
			ErrSyntax, errPos{Index: 1, Line: 1, Column: 1, Text: "capture: HTTP message 1: line 1:1: expected a request line (METHOD target HTTP/1.1) or a status line (HTTP/1.1 200 OK)"}},
		{"HTTP: header without colon", FormHTTP, "POST / HTTP/1.1\r\nHost example\r\n\r\n",
			ErrSyntax, errPos{Index: 1, Line: 2, Column: 1, Text: "capture: HTTP message 1: line 2:1: expected a header field (Name: value) or an empty line"}},
		{"HTTP: bad header name", FormHTTP, "POST / HTTP/1.1\r\nX Y: 1\r\n\r\n",
			ErrSyntax, errPos{Index: 1, Line: 2, Column: 1, Text: "capture: HTTP message 1: line 2:1: invalid character ' ' in header field name"}},
		{"HTTP: continuation first", FormHTTP, "POST / HTTP/1.1\r\n folded\r\n\r\n",
			ErrSyntax, errPos{Index: 1, Line: 2, Column: 1, Text: "capture: HTTP message 1: line 2:1: continuation line with no header field before it"}},
		{"HTTP: bad Content-Length", FormHTTP, "POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n",
			ErrSyntax, errPos{Index: 1, Line: 4, Column: 1, Text: `capture: HTTP message 1: line 4:1: invalid Content-Length "-1"`}},
		{"HTTP: conflicting Content-Length", FormHTTP, "POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab",
			ErrSyntax, errPos{Index: 1, Line: 5, Column: 1, Text: "capture: HTTP message 1: line 5:1: conflicting Content-Length values"}},
		{"HTTP: chunk size not hex", FormHTTP, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\nzz\r\n",
			ErrSyntax, errPos{Index: 1, Line: 6, Column: 1, Text: `capture: HTTP message 1: line 6:1: chunk size "zz" is not hexadecimal`}},
		{"HTTP: chunk data not followed by a line break", FormHTTP, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcd\r\n0\r\n\r\n",
			ErrSyntax, errPos{Index: 1, Line: 5, Column: 4, Text: "capture: HTTP message 1: line 5:4: chunk data not followed by a line break"}},
		{"HTTP: broken gzip", FormHTTP, "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: 5\r\n\r\nhello",
			ErrTruncated, errPos{Index: 1, Line: 5, Column: 1, Text: "capture: HTTP message 1: line 5:1: gzip body: unexpected EOF"}},
		{"HTTP: unsupported coding", FormHTTP, "HTTP/1.1 200 OK\r\nContent-Encoding: br\r\nContent-Length: 5\r\n\r\nhello",
			ErrUnsupported, errPos{Index: 1, Line: 5, Column: 1, Text: `capture: HTTP message 1: line 5:1: content coding "br" is not supported (gzip, deflate and identity are)`}},
		{"HTTP: garbage after a body", FormHTTP, "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhelloGARBAGE\r\n",
			ErrSyntax, errPos{Index: 2, Line: 4, Column: 6, Text: "capture: HTTP message 2: line 4:6: expected a request line (METHOD target HTTP/1.1) or a status line (HTTP/1.1 200 OK)"}},
		{"HTTP: decompression bomb", FormHTTP, "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: " + strconv.Itoa(len(bomb)) + "\r\n\r\n" + string(bomb),
			ErrTooLarge, errPos{Index: 1, Line: 5, Column: 1, Text: "capture: HTTP message 1: line 5:1: decoded body exceeds the decoded-size limit of 1048576 bytes"}},
		{"HTTP: empty", FormHTTP, "\r\n\r\n",
			ErrEmpty, errPos{Line: 3, Column: 1, Text: "capture: HTTP: line 3:1: no HTTP message"}},
		{"HAR: request not an object", FormHAR, "{\"log\": {\"entries\": [\n{\"request\": {\"method\": \"GET\"}}, {\"request\": 5}]}}",
			ErrSyntax, errPos{Index: 2, Line: 2, Column: 46, Text: "capture: HAR entry 2: line 2:46: request: expected a JSON object, found number"}},
		{"HAR: method not a string", FormHAR, `{"log": {"entries": [{"request": {"method": 5}}]}}`,
			ErrSyntax, errPos{Index: 1, Line: 1, Column: 46, Text: "capture: HAR entry 1: line 1:46: request.method: expected a JSON string, found number"}},
		{"HAR: bad base64", FormHAR, "{\"log\": {\"entries\": [\n  {\"request\": {\"method\": \"GET\"}},\n  {\"request\": {\"method\": \"GET\"}, \"response\": {\"status\": 200, \"content\": {\"text\": \"AwF*\", \"encoding\": \"base64\"}}}]}}",
			ErrSyntax, errPos{Index: 2, Part: "response", Line: 3, Column: 3, Text: "capture: HAR entry 2 response: line 3:3: content.text: base64: illegal base64 data at input byte 3"}},
		{"HAR: unknown body encoding", FormHAR, `{"log": {"entries": [{"request": {"method": "POST", "postData": {"text": "x", "encoding": "qp"}}}]}}`,
			ErrUnsupported, errPos{Index: 1, Part: "request", Line: 1, Column: 22, Text: `capture: HAR entry 1 request: line 1:22: postData.text: body encoding "qp" is not supported (base64 is)`}},
		{"HAR: no request", FormHAR, `{"log": {"entries": [{"response": {"status": 200}}]}}`,
			ErrSyntax, errPos{Index: 1, Line: 1, Column: 22, Text: "capture: HAR entry 1: line 1:22: entry has no request"}},
		{"HAR: truncated", FormHAR, `{"log": {"entries": [{"request": {"method": "GET"}}`,
			ErrTruncated, errPos{Line: 1, Column: 52, Text: "capture: HAR: line 1:52: JSON ends early"}},
		{"HAR: entries not an array", FormHAR, `{"log": {"entries": {}}}`,
			ErrSyntax, errPos{Line: 1, Column: 19, Text: `capture: HAR: line 1:19: expected "entries" to be an array`}},
		{"HAR: no log", FormHAR, `{"nolog": 1}`,
			ErrSyntax, errPos{Line: 1, Column: 12, Text: `capture: HAR: line 1:12: the HAR has no "log" object`}},
		{"HAR: no entries", FormHAR, `{"log": {"version": "1.2"}}`,
			ErrSyntax, errPos{Line: 1, Column: 26, Text: `capture: HAR: line 1:26: the HAR log has no "entries" array`}},
		{"HAR: not an object", FormHAR, `[1]`,
			ErrSyntax, errPos{Line: 1, Column: 1, Text: "capture: HAR: line 1:1: expected a JSON object"}},
		{"HAR: syntax error between entries", FormHAR, `{"log": {"entries": [ {"request": {"method": "GET"}} x ]}}`,
			ErrSyntax, errPos{Index: 2, Line: 1, Column: 54, Text: "capture: HAR entry 2: line 1:54: JSON: expected comma after array element"}},
		{"raw: empty", FormRaw, "",
			ErrEmpty, errPos{Text: "capture: raw: empty input"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadAll([]byte(tt.in), WithForm(tt.form))
			if !errors.Is(err, tt.is) {
				t.Fatalf("error = %v, want one wrapping %v", err, tt.is)
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %T is not an *Error", err)
			}
			if e.Form != tt.form {
				t.Errorf("Form = %v, want %v", e.Form, tt.form)
			}
			if e.Offset > int64(len(tt.in)) {
				t.Errorf("Offset %d is past the input (%d bytes)", e.Offset, len(tt.in))
			}
			if e.Line > 0 {
				if l, c := lineCol([]byte(tt.in), int(e.Offset)); l != e.Line || c != e.Column {
					t.Errorf("line:column %d:%d does not match offset %d (%d:%d)", e.Line, e.Column, e.Offset, l, c)
				}
			}
			gotPos := errPos{Index: e.Index, Part: e.Part, Line: e.Line, Column: e.Column, Text: err.Error()}
			if diff := cmp.Diff(tt.want, gotPos); diff != "" {
				t.Errorf("error (-want +got):\n%s", diff)
			}
		})
	}
}

// The limit on decoded bytes can be raised, removed and lowered.
func TestMaxDecodedSize(t *testing.T) {
	big := make([]byte, 2<<20)
	in := append([]byte("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: "+strconv.Itoa(len(gzipBytes(t, big)))+"\r\n\r\n"), gzipBytes(t, big)...)
	tests := []struct {
		name string
		opt  Option
		want error
	}{
		{"default", WithMaxDecodedSize(0), ErrTooLarge},
		{"raised", WithMaxDecodedSize(4 << 20), nil},
		{"removed", WithMaxDecodedSize(-1), nil},
		{"exact", WithMaxDecodedSize(2 << 20), nil},
		{"one short", WithMaxDecodedSize(2<<20 - 1), ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms, err := ReadAll(in, tt.opt)
			if !errors.Is(err, tt.want) {
				t.Fatalf("error = %v, want %v", err, tt.want)
			}
			if err == nil && !bytes.Equal(ms[0].Body, big) {
				t.Error("body differs")
			}
		})
	}
	// The limit is shared by all messages of one input.
	two := append(append([]byte{}, in...), in...)
	if _, err := ReadAll(two, WithMaxDecodedSize(3<<20)); !errors.Is(err, ErrTooLarge) {
		t.Errorf("two bodies of 2 MiB under a 3 MiB limit: error = %v, want ErrTooLarge", err)
	}
}

func TestDefaultBudget(t *testing.T) {
	tests := []struct {
		in   int
		want int64
	}{
		{0, DefaultMinDecoded},
		{100, DefaultMinDecoded},
		{1 << 20, 64 << 20},
		{100 << 20, DefaultMaxDecoded},
	}
	for _, tt := range tests {
		var c config
		if got := c.budget(tt.in); got != tt.want {
			t.Errorf("budget(%d) = %d, want %d", tt.in, got, tt.want)
		}
	}
}
