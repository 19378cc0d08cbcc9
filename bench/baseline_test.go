package bench_test

import (
	"bytes"
	"encoding/xml"
	"io"
	"testing"
)

// BenchmarkBaselineEncodingXML tokenizes the XML that FromXML reads with
// encoding/xml's Decoder.Token, which resolves namespaces and checks that
// tags match: the work FromXML's scanning does, without the conversion.
func BenchmarkBaselineEncodingXML(b *testing.B) {
	benchEncodingXML(b, (*xml.Decoder).Token)
}

// BenchmarkBaselineEncodingXMLRaw tokenizes the same XML with
// Decoder.RawToken: no namespace resolution and no tag matching, the
// cheapest token loop encoding/xml has.
func BenchmarkBaselineEncodingXMLRaw(b *testing.B) {
	benchEncodingXML(b, (*xml.Decoder).RawToken)
}

func benchEncodingXML(b *testing.B, next func(*xml.Decoder) (xml.Token, error)) {
	for _, m := range messages {
		b.Run(m.name, func(b *testing.B) {
			m.load(b)
			var r bytes.Reader
			b.ReportAllocs()
			b.SetBytes(int64(len(m.xml)))
			for b.Loop() {
				r.Reset(m.xml)
				d := xml.NewDecoder(&r)
				for {
					_, err := next(d)
					if err == io.EOF {
						break
					}
					if err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
