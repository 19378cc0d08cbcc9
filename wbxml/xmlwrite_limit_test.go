package wbxml_test

import (
	"bytes"
	"errors"
	"io"
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

// countWriter counts what is written to it.
type countWriter struct{ n int64 }

func (c *countWriter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }
