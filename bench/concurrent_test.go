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

// concurrentVocab is vocab with WithConcurrency(GOMAXPROCS), as the CLIs
// run.
func concurrentVocab() []wbxml.Option {
	return append(vocab[:len(vocab):len(vocab)], wbxml.WithConcurrency(runtime.GOMAXPROCS(0)))
}

// eachConcurrentMessage runs bench as a sub-benchmark for every message of
// concurrentMessages, loaded.
func eachConcurrentMessage(b *testing.B, bench func(b *testing.B, m *message)) {
	for _, m := range messages {
		if !concurrentMessages[m.name] {
			continue
		}
		b.Run(m.name, func(b *testing.B) { bench(b, m.load(b)) })
	}
}

// benchAppendConcurrent measures appendTo, a conversion of in appending to
// its first argument, after checking once that it gives want.
func benchAppendConcurrent(b *testing.B, appendTo func([]byte, []byte) ([]byte, error), in, want []byte) {
	out, err := appendTo(make([]byte, 0, len(want)), in)
	if err != nil {
		b.Fatal(err)
	}
	if !bytes.Equal(out, want) {
		b.Fatal("the output differs from the expected bytes")
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		if out, err = appendTo(out[:0], in); err != nil {
			b.Fatal(err)
		}
	}
}

// benchWriteConcurrent measures write, a conversion of in written to an
// io.Writer, after checking once that it writes want.
func benchWriteConcurrent(b *testing.B, write func(io.Writer, []byte) error, in, want []byte) {
	var out bytes.Buffer
	out.Grow(len(want))
	if err := write(&out, in); err != nil {
		b.Fatal(err)
	}
	if !bytes.Equal(out.Bytes(), want) {
		b.Fatal("the output differs from the expected bytes")
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		if err := write(io.Discard, in); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkToXMLConcurrent is BenchmarkToXML with WithConcurrency(GOMAXPROCS)
// on the messages large enough to be cut into parts: the throughput of one
// conversion using every core, as wbxml2xml runs it. Unlike the one-goroutine
// form it allocates a few small objects per call (goroutines).
func BenchmarkToXMLConcurrent(b *testing.B) {
	eachConcurrentMessage(b, func(b *testing.B, m *message) {
		benchAppendConcurrent(b, wbxml.NewXMLWriter(concurrentVocab()...).AppendXML, m.wbxml, m.xml)
	})
}

// BenchmarkFromXMLConcurrent is BenchmarkFromXML with
// WithConcurrency(GOMAXPROCS), as xml2wbxml runs it.
func BenchmarkFromXMLConcurrent(b *testing.B) {
	eachConcurrentMessage(b, func(b *testing.B, m *message) {
		benchAppendConcurrent(b, wbxml.NewXMLReader(concurrentVocab()...).AppendWBXML, m.xml, m.wbxml)
	})
}

// BenchmarkWriteXMLConcurrent is BenchmarkToXMLConcurrent written to an
// io.Writer (WriteXMLBytes, as wbxml2xml writes a file): the document
// goes in small parts that a few workers convert in turn. Compare with
// the same benchmark under -cpu 1, where it converts on one goroutine.
func BenchmarkWriteXMLConcurrent(b *testing.B) {
	eachConcurrentMessage(b, func(b *testing.B, m *message) {
		benchWriteConcurrent(b, wbxml.NewXMLWriter(concurrentVocab()...).WriteXMLBytes, m.wbxml, m.xml)
	})
}

// BenchmarkWriteWBXMLConcurrent is BenchmarkFromXMLConcurrent written to
// an io.Writer (WriteWBXML, as xml2wbxml writes a file).
func BenchmarkWriteWBXMLConcurrent(b *testing.B) {
	eachConcurrentMessage(b, func(b *testing.B, m *message) {
		benchWriteConcurrent(b, wbxml.NewXMLReader(concurrentVocab()...).WriteWBXML, m.xml, m.wbxml)
	})
}
