package capture

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
)

// benchBody is about 1 MB of WBXML: the Sync response sample's body
// repeated, as a stand-in for a large Sync response.
func benchBody(b *testing.B) []byte {
	b.Helper()
	s, err := os.ReadFile("testdata/wbxml/eas-sync-resp-email-add-opaque.wbxml")
	if err != nil {
		b.Fatal(err)
	}
	return bytes.Repeat(s, (1<<20)/len(s))
}

// xxdDump writes body the way xxd does.
func xxdDump(body []byte) []byte {
	var out bytes.Buffer
	for off := 0; off < len(body); off += 16 {
		line := body[off:min(off+16, len(body))]
		fmt.Fprintf(&out, "%08x: ", off)
		for i := 0; i < 16; i++ {
			if i < len(line) {
				fmt.Fprintf(&out, "%02x", line[i])
			} else {
				out.WriteString("  ")
			}
			if i%2 == 1 {
				out.WriteByte(' ')
			}
		}
		out.WriteByte(' ')
		for _, c := range line {
			if c < 0x20 || c > 0x7e {
				c = '.'
			}
			out.WriteByte(c)
		}
		out.WriteByte('\n')
	}
	return out.Bytes()
}

func BenchmarkRead(b *testing.B) {
	body := benchBody(b)
	gz := gzipBytes(b, body)
	var chunked bytes.Buffer
	for i := 0; i < len(gz); i += 8192 {
		c := gz[i:min(i+8192, len(gz))]
		fmt.Fprintf(&chunked, "%x\r\n%s\r\n", len(c), c)
	}
	chunked.WriteString("0\r\n\r\n")
	har, err := json.Marshal(map[string]any{"log": map[string]any{"entries": []any{map[string]any{
		"request":  map[string]any{"method": "POST", "url": "https://h/Microsoft-Server-ActiveSync?Cmd=Sync"},
		"response": map[string]any{"status": 200, "content": map[string]any{"text": base64.StdEncoding.EncodeToString(body), "encoding": "base64"}},
	}}}})
	if err != nil {
		b.Fatal(err)
	}
	// A session of many small entries on one line, as json.dump writes
	// it: numbering the entries' lines must stay linear.
	small, err := os.ReadFile("testdata/wbxml/eas-foldersync-resp-folders-utf8.wbxml")
	if err != nil {
		b.Fatal(err)
	}
	var entries []any
	for i := 0; i < 2000; i++ {
		entries = append(entries, map[string]any{
			"startedDateTime": fmt.Sprintf("2024-05-01T10:%02d:%02d.000Z", i/60%60, i%60),
			"request":         map[string]any{"method": "POST", "url": "https://h/Microsoft-Server-ActiveSync?Cmd=FolderSync"},
			"response":        map[string]any{"status": 200, "content": map[string]any{"text": base64.StdEncoding.EncodeToString(small), "encoding": "base64"}},
		})
	}
	harMany, err := json.Marshal(map[string]any{"log": map[string]any{"entries": entries}})
	if err != nil {
		b.Fatal(err)
	}
	inputs := []struct {
		name string
		in   []byte
	}{
		{"raw", body},
		{"xxd", xxdDump(body)},
		{"hexstream", []byte(fmt.Sprintf("%x", body))},
		{"base64", []byte(base64.StdEncoding.EncodeToString(body))},
		{"http-chunked-gzip", append([]byte("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n"), chunked.Bytes()...)},
		{"har-base64", har},
		{"har-2000-entries", harMany},
	}
	for _, in := range inputs {
		b.Run(strings.ReplaceAll(in.name, "/", "_")+"/Read", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(in.in)))
			for b.Loop() {
				ms, err := ReadAll(in.in)
				if err != nil || len(ms) == 0 || len(ms[len(ms)-1].Body) != len(body) && len(ms[len(ms)-1].Body) != len(small) {
					b.Fatalf("%d messages, %v", len(ms), err)
				}
			}
		})
	}
}

func BenchmarkDetect(b *testing.B) {
	body := benchBody(b)
	b.ReportAllocs()
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		if Detect(body) != FormRaw {
			b.Fatal("not raw")
		}
	}
}
