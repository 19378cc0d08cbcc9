package bench_test

import (
	"testing"

	"github.com/easkit/easkit/b64uri"
	"github.com/easkit/easkit/internal/testenv"
	"github.com/easkit/easkit/wbxml"
)

// TestZeroAllocs proves what the benchmarks report: once warmed up, every
// non-baseline operation allocates nothing, on every corpus message. It
// runs each operation as its benchmark does.
func TestZeroAllocs(t *testing.T) {
	testenv.SkipIfAllocsUnreliable(t)
	runs := 3
	if testing.Short() {
		runs = 1
	}
	for _, m := range messages {
		t.Run(m.name, func(t *testing.T) {
			m.load(t)
			d := wbxml.NewDecoder(m.wbxml, vocab...)
			buf := make([]byte, 0, len(m.wbxml))
			e := wbxml.NewAppendEncoder(buf, wbxml.WithHeader(m.header))
			w := wbxml.NewXMLWriter(vocab...)
			x := make([]byte, 0, len(m.xml))
			r := wbxml.NewXMLReader(vocab...)
			for _, op := range []struct {
				name string
				f    func() error
			}{
				{"Decode", func() error { d.Reset(m.wbxml); return decodeAll(d) }},
				{"DecodeNext", func() error { d.Reset(m.wbxml); return decodeAllNext(d) }},
				{"DecodeStep", func() error { d.Reset(m.wbxml); _, err := decodeAllStep(d); return err }},
				{"DecodeLeaf", func() error { d.Reset(m.wbxml); _, err := decodeAllLeaf(d); return err }},
				{"Encode", func() error { _, err := encodeAll(e, buf[:0], m.tokens); return err }},
				{"ToXML", func() (err error) { x, err = w.AppendXML(x[:0], m.wbxml); return err }},
				{"FromXML", func() (err error) { buf, err = r.AppendWBXML(buf[:0], m.xml); return err }},
			} {
				if err := op.f(); err != nil { // warm up
					t.Fatalf("%s: %v", op.name, err)
				}
				if n := testing.AllocsPerRun(runs, func() {
					if err := op.f(); err != nil {
						t.Fatalf("%s: %v", op.name, err)
					}
				}); n != 0 {
					t.Errorf("%s: %v allocations per run, want 0", op.name, n)
				}
			}
		})
	}
	t.Run("B64URI", func(t *testing.T) {
		text := benchQuery(t)
		var q b64uri.Query
		dst := make([]byte, 0, 2*len(text))
		for _, op := range []struct {
			name string
			f    func() error
		}{
			{"Unpack", func() error { return q.Decode(text) }},
			{"Pack", func() (err error) { dst, err = q.AppendEncode(dst[:0]); return err }},
		} {
			if err := op.f(); err != nil {
				t.Fatalf("%s: %v", op.name, err)
			}
			if n := testing.AllocsPerRun(100, func() { _ = op.f() }); n != 0 {
				t.Errorf("%s: %v allocations per run, want 0", op.name, n)
			}
		}
	})
}
