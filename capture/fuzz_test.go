package capture

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// addCaptures adds every committed capture as a fuzz seed.
func addCaptures(f *testing.F, add func(data []byte)) {
	f.Helper()
	for _, dir := range []string{"wbxml", "hex", "base64", "http", "har", "saz", "burp", "log", "literal"} {
		files, err := filepath.Glob(filepath.Join("testdata", dir, "*"))
		if err != nil {
			f.Fatal(err)
		}
		for _, file := range files {
			b, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			add(b)
		}
	}
}

// damagedHTTP are seeds of the indented, quoted and damaged HTTP forms
// that the files of testdata/http do not show: lines that lose their
// prefix, bodies cut short, Content-Length that disagrees.
var damagedHTTP = []string{
	"    GET / HTTP/1.1\n    Host: a\n  Bad: line\n",
	"> > HTTP/1.1 200 OK\n> >\n> > AwFqAAANRUgDNDcwAAEB\n>\n",
	"\tHTTP/1.1 200 OK\n\tContent-Length: 99\n\n\t03 01 6a 00 00 0d 45 48 03 34 37 30 00 01 01\n",
	"  HTTP/1.1 200 OK\n  Transfer-Encoding: chunked\n\n  3\n  abc\n",
	"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n\x03\x01\x6a\x00\x00\x07\x56\x52\x03\x30\x00\x01\x01\r\nHTTP/1.1 200 OK\r\n\r\n",
	"HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\n\x03\x01\x6a\x00\x00\x07\x56",
	"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n20\r\n\x1f\x8b\x08",
	"HTTP/1.1 200 OK\r\nMS-ASProtocolVersions: 2.5,x,16.1\r\nMS-ASProtocolCommands: Sync,Send Mail\r\nContent-Length: 10\r\n",
}

// checkError fails unless err is nil or an *Error whose position lies in
// the input and agrees with its line and column.
func checkError(t *testing.T, data []byte, err error) {
	t.Helper()
	if err == nil {
		return
	}
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("error %T is not an *Error: %v", err, err)
	}
	if e.Offset < -1 || e.Offset > int64(len(data)) {
		t.Fatalf("error offset %d outside the input (%d bytes): %v", e.Offset, len(data), err)
	}
	if e.Line > 0 {
		if l, c := lineCol(data, int(e.Offset)); l != e.Line || c != e.Column {
			t.Fatalf("error at %d:%d, but offset %d is %d:%d: %v", e.Line, e.Column, e.Offset, l, c, err)
		}
	}
	if e.Error() == "" {
		t.Fatal("empty error text")
	}
}

// readChecked reads every message, exercising the accessors, and checks
// the error.
func readChecked(t *testing.T, data []byte, r *Reader) []*Message {
	t.Helper()
	var ms []*Message
	for {
		m, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			checkError(t, data, err)
			if _, again := r.Next(); again != err {
				t.Fatalf("Next after error returned %v, want the same error %v", again, err)
			}
			break
		}
		if m.Index < 1 || m.Offset < 0 || m.Offset > int64(len(data)) {
			t.Fatalf("message index %d offset %d out of range", m.Index, m.Offset)
		}
		_ = m.BodyKind()
		_, _ = m.Parts()
		_ = m.Where() + m.StartLine() + m.RawQuery() + m.Path() + m.MediaType()
		_ = m.ActiveSync()
		if text, _ := m.Describe(); m.Kind != KindBody && text == "" {
			t.Fatal("empty description")
		}
		if m.Warning != nil && !errors.Is(m.Warning, ErrLossy) {
			t.Fatalf("warning does not wrap ErrLossy: %v", m.Warning)
		}
		ms = append(ms, m)
	}
	return ms
}

// FuzzDetect checks that detection never panics and that whatever is
// detected extracts without panic, with errors inside the input.
func FuzzDetect(f *testing.F) {
	addCaptures(f, func(b []byte) { f.Add(b) })
	for _, s := range damagedHTTP {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		form := Detect(data)
		if form == FormAuto {
			t.Fatal("Detect returned FormAuto")
		}
		r := NewReader(data)
		readChecked(t, data, r)
		if r.Form() != form {
			t.Fatalf("Reader.Form() = %v, Detect = %v", r.Form(), form)
		}
		if form != FormUnknown {
			readChecked(t, data, NewReader(data, WithForm(form)))
		}
	})
}

// FuzzForms reads any input as each form, forced.
func FuzzForms(f *testing.F) {
	addCaptures(f, func(b []byte) {
		for form := FormRaw; form < FormUnknown; form++ {
			f.Add(b, uint8(form))
		}
	})
	for _, s := range damagedHTTP {
		f.Add([]byte(s), uint8(FormHTTP))
	}
	f.Fuzz(func(t *testing.T, data []byte, form uint8) {
		readChecked(t, data, NewReader(data, WithForm(Form(form%uint8(FormUnknown+1)))))
	})
}

// FuzzParseMultipart checks that parts lie inside the body and that
// errors name an offset inside it.
func FuzzParseMultipart(f *testing.F) {
	f.Add(AppendMultipart(nil, []byte{3, 1, 0x6a, 0, 0, 0x14, 5}, make([]byte, 40)))
	f.Add([]byte{1, 0, 0, 0, 12, 0, 0, 0, 0xff, 0xff, 0xff, 0x7f})
	f.Add([]byte{0xff, 0xff, 0xff, 0x7f})
	f.Fuzz(func(t *testing.T, body []byte) {
		parts, err := ParseMultipart(body)
		if err != nil {
			var e *MultipartError
			if !errors.As(err, &e) || e.Offset < 0 || e.Offset > len(body) {
				t.Fatalf("bad error %v", err)
			}
			return
		}
		for _, p := range parts {
			if p.Offset < 0 || p.Offset+len(p.Data) > len(body) || string(body[p.Offset:p.Offset+len(p.Data)]) != string(p.Data) {
				t.Fatalf("part at %d (%d bytes) not inside the body", p.Offset, len(p.Data))
			}
		}
		_ = Classify(MediaTypeMultipart, body)
	})
}

// FuzzSAZ builds a SAZ archive around the fuzzer's request and response
// files (the ZIP container itself is fuzzed by FuzzDetect and FuzzForms
// from the committed archive) and reads it.
func FuzzSAZ(f *testing.F) {
	f.Add([]byte("POST /Microsoft-Server-ActiveSync?Cmd=Ping HTTP/1.1\r\nContent-Length: 4\r\n\r\n\x03\x01\x6a\x00"),
		[]byte("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n\x03\x01\x6a\x00\r\n0\r\n\r\n"), uint8(0))
	f.Add([]byte("HEAD / HTTP/1.1\r\n\r\n"), []byte("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n\x1f\x8b"), uint8(3))
	f.Fuzz(func(t *testing.T, req, res []byte, how uint8) {
		var entries []zipEntry
		num := "raw/" + strings.Repeat("0", int(how%3)) + "1_"
		if how&4 == 0 {
			entries = append(entries, zipEntry{name: num + "c.txt", data: string(req), store: how&8 != 0})
		}
		if how&16 == 0 {
			entries = append(entries, zipEntry{name: num + "s.txt", data: string(res), store: how&8 != 0})
		}
		if len(entries) == 0 {
			return
		}
		data := makeZip(t, entries...)
		if Detect(data) != FormSAZ {
			t.Fatalf("Detect = %v, want saz", Detect(data))
		}
		ms := readChecked(t, data, NewReader(data))
		if len(ms) > 2 {
			t.Fatalf("%d messages from one session", len(ms))
		}
		for _, m := range ms {
			if m.Form != FormSAZ || m.Index != 1 {
				t.Fatalf("message %s: form %v index %d", m.Where(), m.Form, m.Index)
			}
		}
	})
}

// FuzzBurp reads Burp XML around the fuzzer's item text, and the fuzzer's
// request and response as base64 items.
func FuzzBurp(f *testing.F) {
	f.Add([]byte(`<item><request base64="false">GET / HTTP/1.1`+"\r\n\r\n"+`</request></item>`),
		[]byte("POST /Microsoft-Server-ActiveSync HTTP/1.1\r\nContent-Length: 4\r\n\r\n\x03\x01\x6a\x00"),
		[]byte("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\n\x03\x01\x6a\x00"))
	f.Fuzz(func(t *testing.T, item, req, res []byte) {
		for _, doc := range []string{burpDoc(string(item)), burpDoc(burpItemXML(string(req), string(res), true))} {
			data := []byte(doc)
			readChecked(t, data, NewReader(data, WithForm(FormBurp)))
			if Detect(data) != FormBurp {
				t.Fatalf("Detect = %v, want burp", Detect(data))
			}
		}
	})
}

// FuzzLog reads any input as a log: no panic, messages in line order
// inside the input, notes without bodies, and bodies that together hold
// no more bytes than the input (base64 and hex only shrink).
func FuzzLog(f *testing.F) {
	addCaptures(f, func(b []byte) { f.Add(b) })
	f.Add([]byte("d t [1] [WBXML] [u] WBXML-IN : AwFqAAAHVlIDMAABAQ==\nx [WBXML: 3 1 6a 0\n0 7 56]\n"))
	f.Add([]byte("Sending [WBXML: 3 1 6a 0\n[WBXML: zz]\n12:00 DEBUG AwFq!\n12:00 O 3 1 6a 0 0 7 56 52\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ms := readChecked(t, data, NewReader(data, WithForm(FormLog)))
		total, line := 0, 0
		for _, m := range ms {
			if m.Line < line {
				t.Fatalf("line %d after line %d", m.Line, line)
			}
			line = m.Line
			total += len(m.Body)
			if m.Body == nil && m.Warning == nil {
				t.Fatalf("line %d: no body and no note", m.Line)
			}
		}
		if total > len(data) {
			t.Fatalf("%d body bytes from %d input bytes", total, len(data))
		}
	})
}

// FuzzLiteral reads byte literals: the fuzzer's numbers inside each
// wrapper, forced as hex and detected; no panic, errors inside the input.
func FuzzLiteral(f *testing.F) {
	f.Add([]byte("3 1 106 0 -61"), uint8(0))
	f.Add([]byte("3, 1, 6a, 0"), uint8(1))
	f.Add([]byte("0x03, 1, 106"), uint8(2))
	f.Add([]byte(`\x03\x01j\x00`), uint8(5))
	f.Add([]byte(`03016a00" + "0007`), uint8(6))
	wrappers := [...][2]string{{"[", "]"}, {"[]byte{", "}"}, {"new byte[] { ", " };"}, {"Array(", ")"}, {"bytes([", "])"},
		{"bytearray(b'", "')"}, {`String s = "`, `";`}, {"{", "}"}}
	f.Fuzz(func(t *testing.T, inner []byte, how uint8) {
		w := wrappers[int(how)%len(wrappers)]
		data := append(append([]byte(w[0]), inner...), w[1]...)
		ms := readChecked(t, data, NewReader(data, WithForm(FormHex)))
		total := 0
		for _, m := range ms {
			total += len(m.Body)
		}
		if total > len(data) {
			t.Fatalf("%d body bytes from %d input bytes", total, len(data))
		}
		readChecked(t, data, NewReader(data))
	})
}
