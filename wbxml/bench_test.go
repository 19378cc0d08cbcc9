package wbxml_test

import (
	"bytes"
	"io"
	"testing"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/internal/corpus"
	"github.com/easkit/easkit/wbxml"
)

// benchTokens decodes msg into tokens whose Data point into msg.
func benchTokens(tb testing.TB, msg []byte) (wbxml.Header, []wbxml.Token) {
	tb.Helper()
	d := wbxml.NewDecoder(msg)
	h, err := d.Header()
	if err != nil {
		tb.Fatal(err)
	}
	var toks []wbxml.Token
	for {
		t, err := d.ReadToken()
		if err == io.EOF {
			return h, toks
		}
		if err != nil {
			tb.Fatal(err)
		}
		toks = append(toks, t)
	}
}

// decodeLoop reads every token of d.
func decodeLoop(d *wbxml.Decoder) error {
	for {
		_, err := d.ReadToken()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

func BenchmarkDecode(b *testing.B) {
	for _, m := range corpus.Standard() {
		msg := m.Build()
		b.Run(m.Name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(msg)))
			d := wbxml.NewDecoder(msg)
			for b.Loop() {
				d.Reset(msg)
				if err := decodeLoop(d); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(m.Name+"/Vocabulary", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(msg)))
			d := wbxml.NewDecoder(msg, wbxml.WithVocabulary(codepages.ActiveSync), wbxml.WithStrict(true))
			for b.Loop() {
				d.Reset(msg)
				if err := decodeLoop(d); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(m.Name+"/Reader", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(msg)))
			r := bytes.NewReader(msg)
			d := wbxml.NewReaderDecoder(r)
			for b.Loop() {
				r.Reset(msg)
				d.ResetReader(r)
				if err := decodeLoop(d); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkEncode(b *testing.B) {
	for _, m := range corpus.Standard() {
		msg := m.Build()
		h, toks := benchTokens(b, msg)
		b.Run(m.Name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(msg)))
			buf := make([]byte, 0, len(msg))
			e := wbxml.NewAppendEncoder(buf, wbxml.WithHeader(h))
			for b.Loop() {
				e.ResetAppend(buf[:0])
				for i := range toks {
					if err := e.WriteToken(&toks[i]); err != nil {
						b.Fatal(err)
					}
				}
			}
			if !bytes.Equal(e.Bytes(), msg) {
				b.Fatal("output differs from the input")
			}
		})
		b.Run(m.Name+"/Writer", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(msg)))
			e := wbxml.NewEncoder(io.Discard, wbxml.WithHeader(h))
			for b.Loop() {
				e.Reset(io.Discard)
				for i := range toks {
					if err := e.WriteToken(&toks[i]); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
