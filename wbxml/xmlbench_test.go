package wbxml_test

import (
	"bytes"
	"io"
	"testing"

	"github.com/easkit/easkit/internal/corpus"
	"github.com/easkit/easkit/internal/testenv"
	"github.com/easkit/easkit/wbxml"
)

// TestXMLConversionsAllocateNothing converts a realistic 1 MB Sync
// response both ways with reused writers and buffers.
func TestXMLConversionsAllocateNothing(t *testing.T) {
	testenv.SkipIfAllocsUnreliable(t)
	msg := corpus.SyncEmail(1 << 20)
	w := wbxml.NewXMLWriter(activeSync()...)
	doc, err := w.AppendXML(nil, msg)
	if err != nil {
		t.Fatal(err)
	}
	r := wbxml.NewXMLReader(activeSync()...)
	back, err := r.AppendWBXML(nil, doc)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(back, msg) {
		t.Fatal("the corpus message does not round-trip byte for byte")
	}
	n := testing.AllocsPerRun(5, func() {
		var err error
		if doc, err = w.AppendXML(doc[:0], msg); err != nil {
			panic(err)
		}
		if back, err = r.AppendWBXML(back[:0], doc); err != nil {
			panic(err)
		}
	})
	if n != 0 {
		t.Errorf("%v allocations per WBXML → XML → WBXML, want 0", n)
	}
	// The streaming forms.
	var out bytes.Buffer
	out.Grow(4 * len(doc))
	n = testing.AllocsPerRun(5, func() {
		out.Reset()
		if err := w.WriteXML(&out, bytes.NewReader(msg)); err != nil {
			panic(err)
		}
	})
	if n > 2 { // bytes.NewReader
		t.Errorf("%v allocations per WriteXML, want at most 1 (the reader)", n)
	}
	if !bytes.Equal(out.Bytes(), doc) {
		t.Error("WriteXML and AppendXML differ")
	}
}

func BenchmarkToXML(b *testing.B) {
	for _, m := range corpus.Standard() {
		msg := m.Build()
		b.Run(m.Name, func(b *testing.B) {
			w := wbxml.NewXMLWriter(activeSync()...)
			out, err := w.AppendXML(nil, msg)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.SetBytes(int64(len(msg)))
			for b.Loop() {
				out, _ = w.AppendXML(out[:0], msg)
			}
		})
	}
}

func BenchmarkFromXML(b *testing.B) {
	for _, m := range corpus.Standard() {
		doc, err := wbxml.AppendXML(nil, m.Build(), activeSync()...)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(m.Name, func(b *testing.B) {
			r := wbxml.NewXMLReader(activeSync()...)
			out, err := r.AppendWBXML(nil, doc)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.SetBytes(int64(len(doc)))
			for b.Loop() {
				out, _ = r.AppendWBXML(out[:0], doc)
			}
		})
	}
}

func BenchmarkToXMLStream(b *testing.B) {
	msg := corpus.SyncEmail(1 << 20)
	w := wbxml.NewXMLWriter(activeSync()...)
	b.ReportAllocs()
	b.SetBytes(int64(len(msg)))
	var rd bytes.Reader
	for b.Loop() {
		rd.Reset(msg)
		if err := w.WriteXML(io.Discard, &rd); err != nil {
			b.Fatal(err)
		}
	}
}
