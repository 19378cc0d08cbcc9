package wbxml_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/easkit/easkit/internal/corpus"
	"github.com/easkit/easkit/wbxml"
)

// quadratic returns a document whose XML grows with the square of its
// size: a string table of n bytes, referenced n times (STR_T).
func quadratic(n int) []byte {
	tbl := append(bytes.Repeat([]byte("x"), n-1), 0)
	doc := []byte{0x03, 0x01, 0x6A}
	doc = wbxml.AppendMbUint32(doc, uint32(len(tbl)))
	doc = append(doc, tbl...)
	doc = append(doc, 0x00, 0x00, 0x45) // page 0, <Sync>
	for range n {
		doc = append(doc, 0x4B, 0x83, 0x00, 0x01) // <SyncKey>STR_T 0</SyncKey>
	}
	return append(doc, 0x01)
}

func TestAmplificationLimit(t *testing.T) {
	src := quadratic(6000) // 30 KB of WBXML, 36 MB of XML: more than 1000×
	var se *wbxml.SyntaxError
	_, err := wbxml.NewXMLWriter(activeSync()...).AppendXML(nil, src)
	if !errors.As(err, &se) || !errors.Is(err, wbxml.ErrAmplification) {
		t.Fatalf("default limit: %v, want ErrAmplification", err)
	}
	if se.Offset <= 6000 || se.Offset >= int64(len(src)) {
		t.Errorf("the error is at offset %d, not inside the references", se.Offset)
	}
	// Every form stops, at the same place for the []byte forms.
	var sink countWriter
	werr := wbxml.NewXMLWriter(activeSync()...).WriteXMLBytes(&sink, src)
	if werr == nil || werr.Error() != err.Error() {
		t.Errorf("WriteXMLBytes: %v, want %v", werr, err)
	}
	if limit := int64(wbxml.DefaultMaxAmplification) * int64(len(src)); sink.n <= limit || sink.n > limit+64<<10 {
		t.Errorf("WriteXMLBytes wrote %d bytes, limit %d", sink.n, limit)
	}
	if rerr := wbxml.NewXMLWriter(activeSync()...).WriteXML(io.Discard, bytes.NewReader(src)); !errors.Is(rerr, wbxml.ErrAmplification) {
		t.Errorf("WriteXML: %v, want ErrAmplification", rerr)
	}
	// A higher limit, and none.
	if err := wbxml.NewXMLWriter(activeSync(wbxml.WithMaxAmplification(2000))...).WriteXMLBytes(io.Discard, src); err != nil {
		t.Errorf("limit 2000: %v", err)
	}
	var all countWriter
	if err := wbxml.NewXMLWriter(activeSync(wbxml.WithMaxAmplification(0))...).WriteXMLBytes(&all, src); err != nil || all.n < 6000*6000 {
		t.Errorf("no limit: %d bytes, %v", all.n, err)
	}
	// Real documents are far from the default limit.
	for _, doc := range [][]byte{corpus.SyncEmail(1 << 16), corpus.FolderSync(), pingDoc} {
		if _, err := wbxml.NewXMLWriter(activeSync(wbxml.WithIndent(64))...).AppendXML(nil, doc); err != nil {
			t.Errorf("a real document with indent 64: %v", err)
		}
	}
}

// TestPartBuffersBounded checks that a conversion in parts written to an
// io.Writer keeps each part's buffer within its budget, whatever the size
// of its XML, and writes what one goroutine writes.
func TestPartBuffersBounded(t *testing.T) {
	src := corpus.SyncEmail(4 << 20)
	opts := activeSync(wbxml.WithIndent(64), wbxml.WithMaxAmplification(0))
	var want bytes.Buffer
	if err := wbxml.NewXMLWriter(opts...).WriteXMLBytes(&want, src); err != nil {
		t.Fatal(err)
	}
	w := wbxml.NewXMLWriter(append(opts, wbxml.WithConcurrency(4))...)
	var got bytes.Buffer
	if err := w.WriteXMLBytes(&got, src); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Fatalf("in parts: output differs at byte %d", firstDiff(want.Bytes(), got.Bytes()))
	}
	if wbxml.PartsUsed(w) < 2 {
		t.Fatalf("%d parts used", wbxml.PartsUsed(w))
	}
	for i, c := range wbxml.PartBuffers(w) {
		// 3× a part of at most 4 MiB / 4, with room for one flush.
		if limit := 3*(len(src)/4+len(src)/8) + 64<<10; c > limit {
			t.Errorf("part %d: buffer of %d bytes, budget %d", i, c, limit)
		}
	}
	t.Logf("%d bytes of WBXML, %d of XML, part buffers %v", len(src), want.Len(), wbxml.PartBuffers(w))
}

// TestStreamPartsReuseWriters: written to an io.Writer, a large document
// is cut into many small parts that a few writers, one per worker and one
// more, convert in turn, keeping their buffers; the output is one
// goroutine's. An error in a part, or a part that does not start where
// the one before ended, stops the parts to come without a hang.
func TestStreamPartsReuseWriters(t *testing.T) {
	src := corpus.SyncEmail(4 << 20)
	opts := activeSync()
	var want bytes.Buffer
	if err := wbxml.NewXMLWriter(opts...).WriteXMLBytes(&want, src); err != nil {
		t.Fatal(err)
	}
	const workers = 2
	w := wbxml.NewXMLWriter(append(opts, wbxml.WithConcurrency(workers))...)
	for round := range 3 { // the writers and their buffers are reused
		var got bytes.Buffer
		if err := w.WriteXMLBytes(&got, src); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Fatalf("round %d: output differs at byte %d", round, firstDiff(want.Bytes(), got.Bytes()))
		}
		if n := wbxml.PartsUsed(w); n < len(src)/(128<<10) {
			t.Fatalf("round %d: %d parts for %d bytes", round, n, len(src))
		}
		bufs := wbxml.PartBuffers(w)
		if len(bufs) != workers+1 {
			t.Fatalf("round %d: %d part writers, want %d", round, len(bufs), workers+1)
		}
		// Each buffer holds about twice the longest part, not a share of
		// the document.
		for i, c := range bufs {
			if c > len(src)/4 {
				t.Errorf("round %d: writer %d has a buffer of %d bytes", round, i, c)
			}
		}
	}
	// A truncated document fails in a part; a misread checkpoint makes a
	// part go on to the end. Both end as one goroutine does.
	cut := src[:len(src)*3/5]
	var one, many bytes.Buffer
	oneErr := wbxml.NewXMLWriter(opts...).WriteXMLBytes(&one, cut)
	manyErr := w.WriteXMLBytes(&many, cut)
	if oneErr == nil || manyErr == nil || oneErr.Error() != manyErr.Error() || !bytes.Equal(one.Bytes(), many.Bytes()) {
		t.Fatalf("truncated: %v in parts, %v on one goroutine", manyErr, oneErr)
	}
	restore := wbxml.SkewCheckpoints()
	defer restore()
	var skewed bytes.Buffer
	if err := w.WriteXMLBytes(&skewed, src); err != nil || !bytes.Equal(skewed.Bytes(), want.Bytes()) {
		t.Fatalf("misread checkpoint: %v, output differs at byte %d", err, firstDiff(want.Bytes(), skewed.Bytes()))
	}
}

// countWriter counts what is written to it.
type countWriter struct{ n int64 }

func (c *countWriter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

// shortWriter takes n bytes, then fails.
type shortWriter struct{ n int }

var errShort = errors.New("short write")

func (s *shortWriter) Write(p []byte) (int, error) {
	if len(p) > s.n {
		k := s.n
		s.n = 0
		return k, errShort
	}
	s.n -= len(p)
	return len(p), nil
}

// TestStreamPartsEarlyError: a conversion in many parts that fails in its
// first part, while every worker is held by a part converting ahead,
// stops the parts to come and returns the error (it used to wait for a
// worker that no one would give back), in both directions; the reused
// writer and reader then convert the next document whole.
func TestStreamPartsEarlyError(t *testing.T) {
	src := corpus.SyncEmail(4 << 20)
	doc, err := wbxml.AppendXML(nil, src, activeSync()...)
	if err != nil {
		t.Fatal(err)
	}
	w := wbxml.NewXMLWriter(activeSync(wbxml.WithConcurrency(2))...)
	r := wbxml.NewXMLReader(activeSync(wbxml.WithConcurrency(2))...)
	for round := range 2 {
		if err := w.WriteXMLBytes(&shortWriter{n: 1000}, src); !errors.Is(err, errShort) {
			t.Fatalf("round %d: WriteXMLBytes gave %v, want the writer's error", round, err)
		}
		if n := wbxml.PartsUsed(w); n != 0 && n < 3 {
			t.Fatalf("round %d: %d parts", round, n)
		}
		if err := r.WriteWBXML(&shortWriter{n: 1000}, doc); !errors.Is(err, errShort) {
			t.Fatalf("round %d: WriteWBXML gave %v, want the writer's error", round, err)
		}
	}
	var xml, back bytes.Buffer
	if err := w.WriteXMLBytes(&xml, src); err != nil || !bytes.Equal(xml.Bytes(), doc) {
		t.Fatalf("after the errors, WriteXMLBytes: %v, output differs at byte %d", err, firstDiff(doc, xml.Bytes()))
	}
	if err := r.WriteWBXML(&back, doc); err != nil || !bytes.Equal(back.Bytes(), src) {
		t.Fatalf("after the errors, WriteWBXML: %v, output differs at byte %d", err, firstDiff(src, back.Bytes()))
	}
	if wbxml.ReadPartsUsed(r) < 3 {
		t.Fatalf("WriteWBXML used %d parts", wbxml.ReadPartsUsed(r))
	}
}

// TestAppendPartsReserveBounded: converted in parts into a slice, a
// document whose parts are uneven (one long string that cannot be cut,
// between runs of small elements) reserves memory for each part by its
// own size, not every part by the longest one's: what a conversion
// allocates is bounded by its input and output, whatever the number of
// workers.
func TestAppendPartsReserveBounded(t *testing.T) {
	defer wbxml.SetMinPart(64 << 10)()
	var doc bytes.Buffer
	doc.WriteString(`<?xml version="1.0" encoding="utf-8"?><Sync xmlns="AirSync:"><Collections><Collection><Commands>`)
	id := strings.Repeat("x", 200)
	small := func() {
		for i := range 10_000 {
			fmt.Fprintf(&doc, `<Delete><ServerId>%s%d</ServerId></Delete>`, id, i)
		}
	}
	small()
	doc.WriteString(`<Add><ServerId>0</ServerId><ApplicationData><Body xmlns="AirSyncBase:"><Data>`)
	doc.WriteString(strings.Repeat("long text ", 300_000))
	doc.WriteString(`</Data></Body></ApplicationData></Add>`)
	small()
	doc.WriteString(`</Commands></Collection></Collections></Sync>`)
	src, err := wbxml.NewXMLReader(activeSync()...).AppendWBXML(nil, doc.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	xmlOut, err := wbxml.NewXMLWriter(activeSync()...).AppendXML(nil, src)
	if err != nil {
		t.Fatal(err)
	}
	measure := func(name string, in, want []byte, convert func(dst, src []byte) ([]byte, error), parts func() int) {
		t.Helper()
		dst := make([]byte, 0, len(want))
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		got, err := convert(dst, in)
		runtime.ReadMemStats(&after)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("%s: output differs at byte %d", name, firstDiff(want, got))
		}
		if parts() < 4 {
			t.Fatalf("%s: %d parts used", name, parts())
		}
		// Room for twice the input and twice the output: a part's
		// buffer, and what appending to it may grow it to.
		limit := 2*len(in) + 2*len(want) + 1<<20
		if used := after.TotalAlloc - before.TotalAlloc; used > uint64(limit) {
			t.Errorf("%s of %d bytes in %d parts allocated %d bytes, more than %d", name, len(in), parts(), used, limit)
		} else {
			t.Logf("%s of %d bytes in %d parts allocated %d bytes", name, len(in), parts(), used)
		}
	}
	const workers = 16
	w := wbxml.NewXMLWriter(activeSync(wbxml.WithConcurrency(workers))...)
	measure("AppendXML", src, xmlOut, w.AppendXML, func() int { return wbxml.PartsUsed(w) })
	r := wbxml.NewXMLReader(activeSync(wbxml.WithConcurrency(workers))...)
	measure("AppendWBXML", xmlOut, src, r.AppendWBXML, func() int { return wbxml.ReadPartsUsed(r) })
}
