package main

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const sample = `goos: linux
pkg: github.com/easkit/easkit/bench
BenchmarkDecode/SyncEmail1KB-2    	   32650	      7355 ns/op	 157.30 MB/s	       0 B/op	       0 allocs/op
BenchmarkDecode/SyncEmail1KB-2    	   32650	      7000 ns/op	 150.00 MB/s	       0 B/op	       0 allocs/op
BenchmarkDecode/SyncEmail1KB-2    	   32650	      7000 ns/op	 170.00 MB/s	       0 B/op	       0 allocs/op
BenchmarkDecode/SyncEmail1MB-2    	     295	   2050540 ns/op	 511.44 MB/s	       0 B/op	       0 allocs/op
BenchmarkToXML/SyncEmail1MB-2     	      38	   5947577 ns/op	 176.33 MB/s	      15 B/op	       0 allocs/op
BenchmarkToXML/FolderSync         	     494	    498607 ns/op	  20.24 MB/s	       0 B/op	       0 allocs/op
BenchmarkB64URI/Unpack-2          	 1000000	       242.8 ns/op	 329.49 MB/s	       0 B/op	       0 allocs/op
BenchmarkBaselineEncodingXML/SyncEmail1MB-2 	       4	  50723771 ns/op	  27.23 MB/s	 1935084 B/op	   61840 allocs/op
PASS
`

func TestParse(t *testing.T) {
	r, err := parse(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]map[string]float64{
		"Decode":              {"SyncEmail1KB": 157.30, "SyncEmail1MB": 511.44},
		"ToXML":               {"SyncEmail1MB": 176.33, "FolderSync": 20.24},
		"B64URI":              {"Unpack": 329.49},
		"BaselineEncodingXML": {"SyncEmail1MB": 27.23},
	}
	if diff := cmp.Diff(want, r.mbps); diff != "" {
		t.Errorf("medians (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"SyncEmail1KB", "SyncEmail1MB", "FolderSync"}, r.messages); diff != "" {
		t.Errorf("messages (-want +got):\n%s", diff)
	}
}

func TestMedian(t *testing.T) {
	for _, c := range []struct {
		in   []float64
		want float64
	}{
		{[]float64{3}, 3},
		{[]float64{3, 1, 2}, 2},
		{[]float64{4, 1, 3, 2}, 2.5},
	} {
		if got := median(c.in); got != c.want {
			t.Errorf("median(%v) = %v, want %v", c.in, got, c.want)
		}
	}
}

// TestDraw checks that the chart is well-formed SVG with a point per
// operation and size and a bar per operation and message, and that it is
// the same every time.
func TestDraw(t *testing.T) {
	r, err := parse(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	out := draw(r)
	if !bytes.Equal(out, draw(r)) {
		t.Fatal("two drawings differ")
	}
	d := xml.NewDecoder(bytes.NewReader(out))
	count := map[string]int{}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed: %v\n%s", err, out)
		}
		if se, ok := tok.(xml.StartElement); ok {
			count[se.Name.Local]++
		}
	}
	// Points: Decode 1KB and 1MB, ToXML 1MB. Bars: the same three plus
	// ToXML FolderSync, plus the legend's four swatches and the background.
	if count["circle"] != 3 || count["rect"] != 4+4+1 || count["svg"] != 1 {
		t.Errorf("%d circles, %d rects, %d svg elements; want 3, 9, 1\n%s", count["circle"], count["rect"], count["svg"], out)
	}
	for _, want := range []string{"Decode (target 1000)", "FromXML (target 300)", "ToXML (target 500)", "SyncEmail1MB", "FolderSync"} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("chart lacks %q", want)
		}
	}
}

func TestNiceCeil(t *testing.T) {
	for _, c := range []struct{ in, want float64 }{{0, 1}, {1, 1}, {1.2, 2}, {3, 5}, {7, 10}, {1673, 2000}, {0.03, 0.05}} {
		if got := niceCeil(c.in); got != c.want {
			t.Errorf("niceCeil(%v) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestTables(t *testing.T) {
	r, err := parse(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	got := string(tables(r))
	want := `| benchmark | time/op | MB/s | allocs/op |
| --- | ---: | ---: | ---: |
| Decode/SyncEmail1KB | 7.00 µs | 157 | 0 |
| Decode/SyncEmail1MB | 2.05 ms | 511 | 0 |
| ToXML/SyncEmail1MB | 5.95 ms | 176 | 0 |
| ToXML/FolderSync | 499 µs | 20.2 | 0 |
| B64URI/Unpack | 243 ns | 329 | 0 |
| BaselineEncodingXML/SyncEmail1MB | 50.7 ms | 27.2 | 61840 |

| MB/s | 1 KB | 64 KB | 1 MB | 10 MB |
| --- | ---: | ---: | ---: | ---: |
| Decode | 157 | — | 511 | — |
| Encode | — | — | — | — |
| ToXML | — | — | 176 | — |
| FromXML | — | — | — | — |
`
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("tables (-want +got):\n%s", diff)
	}
}
