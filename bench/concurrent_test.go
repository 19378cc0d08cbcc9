package bench_test

import (
	"bytes"
	"io"
	"runtime"
	"testing"

	"github.com/easkit/easkit/wbxml"
)

// concurrentMessages are the messages large enough to convert in parts.
var concurrentMessages = map[string]bool{"SyncEmail1MB": true, "SyncEmail10MB": true, "ItemOperationsFetch": true}

// BenchmarkToXMLConcurrent is BenchmarkToXML with WithConcurrency(GOMAXPROCS)
// on the messages large enough to be cut into parts: the throughput of one
// conversion using every core, as wbxml2xml runs it. Unlike the one-goroutine
// form it allocates a few small objects per call (goroutines).
func BenchmarkToXMLConcurrent(b *testing.B) {
	for _, m := range messages {
		if !concurrentMessages[m.name] {
			continue
		}
		b.Run(m.name, func(b *testing.B) {
			m.load(b)
			w := wbxml.NewXMLWriter(append(vocab[:len(vocab):len(vocab)], wbxml.WithConcurrency(runtime.GOMAXPROCS(0)))...)
			out, err := w.AppendXML(make([]byte, 0, len(m.xml)), m.wbxml)
			if err != nil {
				b.Fatal(err)
			}
			if !bytes.Equal(out, m.xml) {
				b.Fatal("the XML differs from one goroutine's")
			}
			b.ReportAllocs()
			b.SetBytes(int64(len(m.wbxml)))
			for b.Loop() {
				if out, err = w.AppendXML(out[:0], m.wbxml); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkFromXMLConcurrent is BenchmarkFromXML with
// WithConcurrency(GOMAXPROCS), as xml2wbxml runs it.
func BenchmarkFromXMLConcurrent(b *testing.B) {
	for _, m := range messages {
		if !concurrentMessages[m.name] {
			continue
		}
		b.Run(m.name, func(b *testing.B) {
			m.load(b)
			r := wbxml.NewXMLReader(append(vocab[:len(vocab):len(vocab)], wbxml.WithConcurrency(runtime.GOMAXPROCS(0)))...)
			out, err := r.AppendWBXML(make([]byte, 0, len(m.wbxml)), m.xml)
			if err != nil {
				b.Fatal(err)
			}
			if !bytes.Equal(out, m.wbxml) {
				b.Fatal("the WBXML differs from the original")
			}
			b.ReportAllocs()
			b.SetBytes(int64(len(m.xml)))
			for b.Loop() {
				if out, err = r.AppendWBXML(out[:0], m.xml); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkWriteXMLConcurrent is BenchmarkToXMLConcurrent written to an
// io.Writer (WriteXMLBytes, as wbxml2xml writes a file): the document
// goes in small parts that a few workers convert in turn. Compare with
// the same benchmark under -cpu 1, where it converts on one goroutine.
func BenchmarkWriteXMLConcurrent(b *testing.B) {
	for _, m := range messages {
		if !concurrentMessages[m.name] {
			continue
		}
		b.Run(m.name, func(b *testing.B) {
			m.load(b)
			w := wbxml.NewXMLWriter(append(vocab[:len(vocab):len(vocab)], wbxml.WithConcurrency(runtime.GOMAXPROCS(0)))...)
			var out bytes.Buffer
			out.Grow(len(m.xml))
			if err := w.WriteXMLBytes(&out, m.wbxml); err != nil {
				b.Fatal(err)
			}
			if !bytes.Equal(out.Bytes(), m.xml) {
				b.Fatal("the XML differs from one goroutine's")
			}
			b.ReportAllocs()
			b.SetBytes(int64(len(m.wbxml)))
			for b.Loop() {
				if err := w.WriteXMLBytes(io.Discard, m.wbxml); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkWriteWBXMLConcurrent is BenchmarkFromXMLConcurrent written to
// an io.Writer (WriteWBXML, as xml2wbxml writes a file).
func BenchmarkWriteWBXMLConcurrent(b *testing.B) {
	for _, m := range messages {
		if !concurrentMessages[m.name] {
			continue
		}
		b.Run(m.name, func(b *testing.B) {
			m.load(b)
			r := wbxml.NewXMLReader(append(vocab[:len(vocab):len(vocab)], wbxml.WithConcurrency(runtime.GOMAXPROCS(0)))...)
			var out bytes.Buffer
			out.Grow(len(m.wbxml))
			if err := r.WriteWBXML(&out, m.xml); err != nil {
				b.Fatal(err)
			}
			if !bytes.Equal(out.Bytes(), m.wbxml) {
				b.Fatal("the WBXML differs from the original")
			}
			b.ReportAllocs()
			b.SetBytes(int64(len(m.xml)))
			for b.Loop() {
				if err := r.WriteWBXML(io.Discard, m.xml); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
