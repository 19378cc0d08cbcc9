package wbxml_test

import (
	"bytes"
	"io"
	"testing"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/internal/corpus"
	"github.com/easkit/easkit/internal/testenv"
	"github.com/easkit/easkit/wbxml"
)

// TestDecodeAllocatesNothing decodes the realistic 1 MB Sync response with
// a reused Decoder, in both forms, with and without a vocabulary.
func TestDecodeAllocatesNothing(t *testing.T) {
	testenv.SkipIfAllocsUnreliable(t)
	msg := corpus.SyncEmail(1 << 20)
	tests := []struct {
		name string
		opts []wbxml.Option
	}{
		{"no vocabulary", nil},
		{"ActiveSync strict", []wbxml.Option{wbxml.WithVocabulary(codepages.ActiveSync), wbxml.WithStrict(true)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := wbxml.NewDecoder(msg, tt.opts...)
			allocs := testing.AllocsPerRun(10, func() {
				d.Reset(msg)
				if err := decodeLoop(d); err != nil {
					t.Fatal(err)
				}
			})
			if allocs != 0 {
				t.Errorf("[]byte form: %v allocations per 1 MB message, want 0", allocs)
			}
			for name, next := range map[string]func() (*wbxml.Token, error){"Next": d.Next, "NextLeaf": d.NextLeaf} {
				allocs = testing.AllocsPerRun(10, func() {
					d.Reset(msg)
					for {
						if _, err := next(); err == io.EOF {
							break
						} else if err != nil {
							t.Fatal(err)
						}
					}
				})
				if allocs != 0 {
					t.Errorf("[]byte form, %s: %v allocations per 1 MB message, want 0", name, allocs)
				}
			}
			r := bytes.NewReader(msg)
			rd := wbxml.NewReaderDecoder(r, tt.opts...)
			allocs = testing.AllocsPerRun(10, func() {
				r.Reset(msg)
				rd.ResetReader(r)
				if err := decodeLoop(rd); err != nil {
					t.Fatal(err)
				}
			})
			if allocs != 0 {
				t.Errorf("io.Reader form: %v allocations per 1 MB message, want 0", allocs)
			}
		})
	}
}

// TestEncodeAllocatesNothing encodes the tokens of the realistic 1 MB Sync
// response with a reused Encoder, appending to a reused buffer and
// writing to an io.Writer.
func TestEncodeAllocatesNothing(t *testing.T) {
	testenv.SkipIfAllocsUnreliable(t)
	msg := corpus.SyncEmail(1 << 20)
	h, toks := benchTokens(t, msg)
	buf := make([]byte, 0, len(msg))
	e := wbxml.NewAppendEncoder(buf, wbxml.WithHeader(h))
	allocs := testing.AllocsPerRun(10, func() {
		e.ResetAppend(buf[:0])
		for i := range toks {
			if err := e.WriteToken(&toks[i]); err != nil {
				t.Fatal(err)
			}
		}
	})
	if allocs != 0 {
		t.Errorf("append form: %v allocations per 1 MB message, want 0", allocs)
	}
	if !bytes.Equal(e.Bytes(), msg) {
		t.Error("append form output differs from the input")
	}
	var w bytes.Buffer
	w.Grow(2 * len(msg))
	ew := wbxml.NewEncoder(&w, wbxml.WithHeader(h))
	allocs = testing.AllocsPerRun(10, func() {
		w.Reset()
		ew.Reset(&w)
		for i := range toks {
			if err := ew.WriteToken(&toks[i]); err != nil {
				t.Fatal(err)
			}
		}
	})
	if allocs != 0 {
		t.Errorf("writer form: %v allocations per 1 MB message, want 0", allocs)
	}
	if !bytes.Equal(w.Bytes(), msg) {
		t.Error("writer form output differs from the input")
	}
	// The event methods, as a converter drives them.
	allocs = testing.AllocsPerRun(10, func() {
		e.ResetAppend(buf[:0])
		for i := range toks {
			tok := &toks[i]
			var err error
			switch tok.Kind {
			case wbxml.KindStartTag:
				err = e.StartTag(tok.Page, tok.Code, tok.Attrs)
			case wbxml.KindEndTag:
				err = e.EndTag()
			case wbxml.KindString:
				err = e.String(tok.Data)
			case wbxml.KindOpaque:
				err = e.Opaque(tok.Data)
			default:
				err = e.WriteToken(tok)
			}
			if err != nil {
				t.Fatal(err)
			}
		}
	})
	if allocs != 0 {
		t.Errorf("event methods: %v allocations per 1 MB message, want 0", allocs)
	}
}
