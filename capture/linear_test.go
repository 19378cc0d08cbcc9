package capture

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"
)

// overlapping returns a multipart body of n parts that all span the same
// size bytes of text: the first part is a WBXML document.
func overlapping(n, size int) []byte {
	meta := 4 + 8*n
	body := make([]byte, meta, meta+size)
	binary.LittleEndian.PutUint32(body, uint32(n))
	doc := []byte("\x03\x01\x6a\x00\x45\x01")
	for i := range n {
		off, l := meta+len(doc), size-len(doc)
		if i == 0 {
			off, l = meta, len(doc)
		}
		binary.LittleEndian.PutUint32(body[4+8*i:], uint32(off))
		binary.LittleEndian.PutUint32(body[8+8*i:], uint32(l))
	}
	body = append(body, doc...)
	return append(body, strings.Repeat("text ", (size-len(doc))/5+1)[:size-len(doc)]...)
}

// TestOverlappingPartsDescribed checks the description of a multipart body
// whose parts overlap: every part listed, as text.
func TestOverlappingPartsDescribed(t *testing.T) {
	m := &Message{Kind: KindResponse, Body: overlapping(1000, 64<<10), StatusCode: 200,
		Header: Header{{Name: "Content-Type", Value: MediaTypeMultipart}}}
	text, _ := m.Describe()
	if got := strings.Count(text, " of text, not converted"); got != 999 {
		t.Errorf("%d parts described as text, want 999", got)
	}
}

// BenchmarkDescribeOverlappingParts describes multipart bodies of 1,000
// and 8,000 overlapping parts of 64 KiB: time grows with the number of
// parts, not with their total size (512 MB for the larger).
func BenchmarkDescribeOverlappingParts(b *testing.B) {
	for _, n := range []int{1000, 8000} {
		m := &Message{Kind: KindResponse, Body: overlapping(n, 64<<10),
			Header: Header{{Name: "Content-Type", Value: MediaTypeMultipart}}}
		b.Run(fmt.Sprintf("parts=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(m.Body)))
			b.ReportAllocs()
			for b.Loop() {
				m.Describe()
			}
		})
	}
}

// TestManyBase64Blobs checks that a base64 input of many small padded
// blobs allocates about its size, not a buffer per blob.
func TestManyBase64Blobs(t *testing.T) {
	const n = 20000
	in := bytes.Repeat([]byte("AwFqAAVFAQ==\n"), n) // each: 03 01 6A 00 05 45 01
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	ms, err := ReadAll(in, WithForm(FormBase64))
	runtime.ReadMemStats(&after)
	if err != nil || len(ms) != n {
		t.Fatalf("%d messages, %v", len(ms), err)
	}
	if !bytes.Equal(ms[n-1].Body, []byte{0x03, 0x01, 0x6A, 0x00, 0x05, 0x45, 0x01}) {
		t.Errorf("last body % x", ms[n-1].Body)
	}
	// The messages themselves take a few hundred bytes each.
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > uint64(len(in))+n*1024 {
		t.Errorf("%d bytes allocated for %d bytes of input", alloc, len(in))
	}
}

// TestDamagedHTTPLinear checks that reading indented HTTP with hex
// bodies, and sessions whose every Content-Length disagrees with its body,
// takes time linear in the input: eight times the messages take about
// eight times as long, not sixty-four.
func TestDamagedHTTPLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("timing")
	}
	doc := "\x03\x01\x6a\x00\x00\x07\x56\x52\x03\x30\x00\x01\x01"
	inputs := map[string]func(n int) []byte{
		"indented, hex bodies": func(n int) []byte {
			one := "    POST /Microsoft-Server-ActiveSync?Cmd=FolderSync HTTP/1.1\n    Content-Length: 13\n\n    03 01 6a 00 00 07 56 52 03 30 00 01 01\n\n"
			return []byte(strings.Repeat(one, n))
		},
		"Content-Length past the end": func(n int) []byte {
			one := "HTTP/1.1 200 OK\r\nContent-Length: 999999999\r\n\r\n" + doc + "\r\n"
			return []byte(strings.Repeat(one, n))
		},
		"Content-Length too small": func(n int) []byte {
			one := "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n" + doc + "\r\n"
			return []byte(strings.Repeat(one, n))
		},
	}
	for name, build := range inputs {
		t.Run(name, func(t *testing.T) {
			elapsed := func(n int) float64 {
				in := build(n)
				best := 0.0
				for range 3 {
					start := time.Now()
					ms, err := ReadAll(in)
					d := float64(time.Since(start))
					if err != nil || len(ms) != n {
						t.Fatalf("%d messages of %d, %v", len(ms), n, err)
					}
					if best == 0 || d < best {
						best = d
					}
				}
				return best
			}
			// A busy machine (CI's other jobs, the GC) can stretch one
			// measurement; quadratic time fails every try.
			var ratio float64
			for range 3 {
				if ratio = elapsed(8000) / elapsed(1000); ratio <= 24 {
					return
				}
			}
			t.Errorf("8 times the input took %.1f times as long (3 tries)", ratio)
		})
	}
}
