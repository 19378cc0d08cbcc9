package capture

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"os"
	"testing"
)

// benchLog builds a Z-Push style log of about size bytes holding n
// messages (WBXML-IN and WBXML-OUT in turn) among ordinary log lines and
// decoded-tree lines.
func benchLog(tb testing.TB, size, n int) []byte {
	tb.Helper()
	body, err := os.ReadFile("testdata/wbxml/eas-sync-resp-email-add-opaque.wbxml")
	if err != nil {
		tb.Fatal(err)
	}
	enc := base64.StdEncoding.EncodeToString(body)
	var b bytes.Buffer
	filler := "21/03/2024 10:15:01 [ 4711] [INFO] [jdoe] cmd='Sync' memory='1.20 MiB/1.50 MiB' devType='iPhone' devId='abc123'\n"
	tree := "21/03/2024 10:15:01 [ 4711] [WBXML] [jdoe] I   <AirSync:Collection>\n"
	per := size / n
	for i := 0; i < n; i++ {
		start := b.Len()
		marker := "WBXML-IN : "
		if i%2 == 1 {
			marker = "WBXML-OUT: "
		}
		fmt.Fprintf(&b, "21/03/2024 10:15:01 [ 4711] [WBXML] [jdoe] %s%s\n", marker, enc)
		for b.Len()-start < per {
			b.WriteString(filler)
			b.WriteString(tree)
		}
	}
	return b.Bytes()
}

// BenchmarkLog reads logs of 1, 5 and 10 MB with 100, 500 and 1,000
// messages: the time per byte stays the same (linear extraction).
func BenchmarkLog(b *testing.B) {
	for _, c := range []struct{ mb, n int }{{1, 100}, {5, 500}, {10, 1000}} {
		data := benchLog(b, c.mb<<20, c.n)
		b.Run(fmt.Sprintf("%dMB-%dmsgs", c.mb, c.n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				ms, err := ReadAll(data)
				if err != nil || len(ms) != c.n {
					b.Fatalf("%d messages, %v", len(ms), err)
				}
			}
		})
	}
}

// TestLogLinear checks the benchmark's log: a thousand messages in 10 MB,
// each decoded, with memory a small multiple (at most 6 times) of the input.
func TestLogLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("10 MB log")
	}
	data := benchLog(t, 10<<20, 1000)
	ms, err := ReadAll(data)
	if err != nil || len(ms) != 1000 {
		t.Fatalf("%d messages, %v", len(ms), err)
	}
	for i, m := range ms {
		if m.Warning != nil || m.BodyKind() != BodyWBXML || m.Direction != Direction(1+i%2) {
			t.Fatalf("message %d: %v %v %v", i, m.Warning, m.BodyKind(), m.Direction)
		}
	}
	allocs := testing.Benchmark(func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := ReadAll(data); err != nil {
				b.Fatal(err)
			}
		}
	})
	// Detection reads the text as a hex dump and as base64 before it reads
	// it as a log (their line and token tables, and their output buffers,
	// are sized from the input): about 4.6 times the input in all.
	if per := allocs.AllocedBytesPerOp(); per > 6*int64(len(data)) {
		t.Errorf("reading %d bytes allocates %d bytes", len(data), per)
	}
}
