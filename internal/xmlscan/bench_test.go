package xmlscan

import (
	"bytes"
	"encoding/xml"
	"io"
	"testing"

	"github.com/easkit/easkit/internal/testenv"
)

// scanToEnd reads every token of the document s was reset to.
func scanToEnd(tb testing.TB, s *Scanner) int {
	n := 0
	for {
		_, err := s.ReadToken()
		if err == io.EOF {
			return n
		}
		if err != nil {
			tb.Fatal(err)
		}
		n++
	}
}

func BenchmarkScan(b *testing.B) {
	doc := benchDocOnce()
	s := NewScanner(doc)
	tokens := scanToEnd(b, s)
	b.ReportAllocs()
	b.SetBytes(int64(len(doc)))
	for b.Loop() {
		s.Reset(doc)
		scanToEnd(b, s)
	}
	b.ReportMetric(float64(tokens), "tokens/op")
}

// BenchmarkBaselineEncodingXML tokenizes the same document with
// encoding/xml (namespace translation included), for comparison.
func BenchmarkBaselineEncodingXML(b *testing.B) {
	doc := benchDocOnce()
	b.ReportAllocs()
	b.SetBytes(int64(len(doc)))
	for b.Loop() {
		d := xml.NewDecoder(bytes.NewReader(doc))
		for {
			_, err := d.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
		}
	}
}

// TestScanAllocs proves that scanning the benchmark document allocates
// nothing once the Scanner's buffers have grown.
func TestScanAllocs(t *testing.T) {
	testenv.SkipIfAllocsUnreliable(t)
	doc := benchDocOnce()
	s := NewScanner(doc)
	scanToEnd(t, s) // warm up
	allocs := testing.AllocsPerRun(3, func() {
		s.Reset(doc)
		scanToEnd(t, s)
	})
	if allocs != 0 {
		t.Errorf("%v allocations per document, want 0", allocs)
	}
}

// TestTokenAllocs proves 0 allocations per token on documents that use every
// decoding path: references and CR in text, CDATA, comments and PIs inside
// text, decoded attribute values and namespace names, nested and prefixed
// namespaces, empty elements.
func TestTokenAllocs(t *testing.T) {
	testenv.SkipIfAllocsUnreliable(t)
	docs := [][]byte{
		[]byte("\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE a [<!ENTITY x \"y\">]>\n" +
			"<p:a xmlns:p=\"u&amp;1\" xmlns=\"d\" x=\"a\tb&lt;\">t&amp;x\r\n<![CDATA[c]]><!--c--><?pi x?>z" +
			"<b xmlns=\"\" p:y='1'><c xmlns:p=\"w\"><p:d/></c></b>&#13;</p:a>\n<!-- end -->"),
		activeSyncDoc(64<<10, 7),
	}
	s := NewScanner(nil)
	for _, doc := range docs {
		s.Reset(doc)
		n := scanToEnd(t, s)
		allocs := testing.AllocsPerRun(10, func() {
			s.Reset(doc)
			scanToEnd(t, s)
		})
		if allocs != 0 {
			t.Errorf("%v allocations for %d tokens, want 0", allocs, n)
		}
	}
}
