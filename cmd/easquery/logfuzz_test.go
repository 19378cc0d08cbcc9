package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzDecodeLine decodes arbitrary input lines, on standard input in text
// and JSON, strict and lenient. Properties: no panic; exit 0 or 1; every
// line of standard error is easquery's ("easquery: …"), exit 0 having
// only notes of input lines; every JSON output line is one JSON object
// whose line number is an input line; every text block starts with the
// "# line N" of an input line.
func FuzzDecodeLine(f *testing.F) {
	for _, name := range []string{"apache", "iis", "nginx"} {
		data, err := os.ReadFile(filepath.Join("testdata", name+".log"))
		if err != nil {
			f.Fatal(err)
		}
		for line := range strings.SplitSeq(string(data), "\n") {
			f.Add(line, uint8(0))
		}
		f.Add(string(data), uint8(1))
	}
	f.Fuzz(func(t *testing.T, in string, mode uint8) {
		args := []string{"decode"}
		if mode&1 != 0 {
			args = append(args, "-json")
		}
		if mode&2 != 0 {
			args = append(args, "-lenient")
		}
		res := call(t, in, append(args, "-")...)
		if res.code != 0 && res.code != 1 {
			t.Fatalf("exit %d: %s", res.code, res.stderr)
		}
		lines := strings.Count(in, "\n") + 1
		for _, l := range strings.SplitAfter(res.stderr, "\n") {
			if l == "" {
				continue
			}
			if !strings.HasPrefix(l, "easquery: ") || !strings.HasSuffix(l, "\n") || res.code == 0 && !strings.HasPrefix(l, "easquery: line ") {
				t.Fatalf("exit %d, stderr line %q", res.code, l)
			}
		}
		if res.code == 1 {
			if res.stdout != "" || res.stderr == "" {
				t.Fatalf("exit 1 with %+v", res)
			}
			return
		}
		if res.stdout == "" || !strings.HasSuffix(res.stdout, "\n") {
			t.Fatalf("exit 0 with stdout %q", res.stdout)
		}
		for _, l := range strings.Split(strings.TrimSuffix(res.stdout, "\n"), "\n") {
			if mode&1 != 0 {
				var obj struct {
					Line  *int   `json:"line"`
					Form  string `json:"form"`
					Query string `json:"query"`
				}
				dec := json.NewDecoder(strings.NewReader(l))
				if err := dec.Decode(&obj); err != nil || dec.More() || obj.Line == nil || *obj.Line < 1 || *obj.Line > lines ||
					(obj.Form != "plain" && obj.Form != "base64") {
					t.Fatalf("JSON line %q: %v", l, err)
				}
				continue
			}
			if strings.ContainsRune(l, '\r') {
				t.Fatalf("text line %q", l)
			}
		}
		if mode&1 == 0 && !strings.HasPrefix(res.stdout, "# line ") {
			t.Fatalf("text output %q does not start with its line", res.stdout)
		}
	})
}

// BenchmarkDecodeLog decodes a 10 MB access log of ActiveSync requests
// and other lines; time and allocations per byte stay flat as it grows.
func BenchmarkDecodeLog(b *testing.B) {
	for _, size := range []int{1 << 20, 10 << 20} {
		log := sampleLog(b, size)
		for _, json := range []bool{false, true} {
			name := "text"
			args := []string{"decode", "-"}
			if json {
				name, args = "json", []string{"decode", "-json", "-"}
			}
			b.Run(fmt.Sprintf("%s/%dMiB", name, size>>20), func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(int64(len(log)))
				for b.Loop() {
					var out, errOut discard
					if err := run(args, strings.NewReader(log), &out, &errOut); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// sampleLog repeats the sample Apache log to size bytes or more.
func sampleLog(b *testing.B, size int) string {
	data, err := os.ReadFile(filepath.Join("testdata", "apache.log"))
	if err != nil {
		b.Fatal(err)
	}
	var sb strings.Builder
	for sb.Len() < size {
		sb.Write(data)
	}
	return sb.String()
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
