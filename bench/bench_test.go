package bench_test

import (
	"bytes"
	"errors"
	"io"
	"testing"

	"github.com/easkit/easkit/b64uri"
	"github.com/easkit/easkit/wbxml"
)

// decodeAll reads every token of d.
func decodeAll(d *wbxml.Decoder) error {
	for {
		if _, err := d.ReadToken(); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
	}
}

// encodeAll writes toks to e, reset to append to dst.
func encodeAll(e *wbxml.Encoder, dst []byte, toks []wbxml.Token) ([]byte, error) {
	e.ResetAppend(dst)
	for i := range toks {
		if err := e.WriteToken(&toks[i]); err != nil {
			return nil, err
		}
	}
	return e.Bytes(), nil
}

// BenchmarkDecode reads every token of the WBXML with a reused Decoder.
func BenchmarkDecode(b *testing.B) {
	benchDecodeWith(b, decodeAll)
}

// BenchmarkEncode writes the decoded tokens back to WBXML in a reused
// buffer; the output is the input, byte for byte.
func BenchmarkEncode(b *testing.B) {
	for _, m := range messages {
		b.Run(m.name, func(b *testing.B) {
			m.load(b)
			buf := make([]byte, 0, len(m.wbxml))
			e := wbxml.NewAppendEncoder(buf, wbxml.WithHeader(m.header))
			out, err := encodeAll(e, buf[:0], m.tokens) // warm up
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.SetBytes(int64(len(m.wbxml)))
			for b.Loop() {
				if out, err = encodeAll(e, buf[:0], m.tokens); err != nil {
					b.Fatal(err)
				}
			}
			reportPerToken(b, m)
			if !bytes.Equal(out, m.wbxml) {
				b.Fatal("the encoded message differs from the input")
			}
		})
	}
}

// BenchmarkToXML converts the WBXML to XML text in a reused buffer.
func BenchmarkToXML(b *testing.B) {
	for _, m := range messages {
		b.Run(m.name, func(b *testing.B) {
			m.load(b)
			w := wbxml.NewXMLWriter(vocab...)
			out, err := w.AppendXML(make([]byte, 0, len(m.xml)), m.wbxml) // warm up
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.SetBytes(int64(len(m.wbxml)))
			for b.Loop() {
				if out, err = w.AppendXML(out[:0], m.wbxml); err != nil {
					b.Fatal(err)
				}
			}
			reportPerToken(b, m)
			reportOutput(b, len(out))
		})
	}
}

// BenchmarkFromXML converts the XML text back to WBXML in a reused buffer.
func BenchmarkFromXML(b *testing.B) {
	for _, m := range messages {
		b.Run(m.name, func(b *testing.B) {
			m.load(b)
			r := wbxml.NewXMLReader(vocab...)
			out, err := r.AppendWBXML(make([]byte, 0, len(m.wbxml)), m.xml) // warm up
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.SetBytes(int64(len(m.xml)))
			for b.Loop() {
				if out, err = r.AppendWBXML(out[:0], m.xml); err != nil {
					b.Fatal(err)
				}
			}
			reportPerToken(b, m)
			if !bytes.Equal(out, m.wbxml) {
				b.Fatal("the converted message differs from the original WBXML")
			}
		})
	}
}

// benchQuery returns a realistic base64 request query: a SmartReply from
// a 14.1 client with a binary device id, a policy key, and the User,
// ItemId, CollectionId and Options parameters; 80 characters of base64.
func benchQuery(tb testing.TB) []byte {
	q := b64uri.Query{
		Version:      141,
		Command:      b64uri.CmdSmartReply,
		Locale:       0x0409,
		DeviceID:     []byte{0x60, 0x30, 0xEA, 0x38, 0x35, 0x12, 0x21, 0xCA, 0x63, 0x5E, 0x95, 0x4E, 0x99, 0xEE, 0x31, 0xD3},
		PolicyKey:    2622544188,
		HasPolicyKey: true,
		DeviceType:   []byte("WindowsMail"),
	}
	q.SetParam(b64uri.ParamUser, []byte("rmjones"))
	q.SetParam(b64uri.ParamItemId, []byte("5:123"))
	q.SetParam(b64uri.ParamCollectionId, []byte("5"))
	q.SetOptions(b64uri.SaveInSent)
	text, err := q.AppendEncode(nil)
	if err != nil {
		tb.Fatal(err)
	}
	return text
}

// BenchmarkB64URI decodes the base64 query text into a reused Query
// (Unpack) and encodes a Query to base64 text in a reused buffer (Pack).
func BenchmarkB64URI(b *testing.B) {
	text := benchQuery(b)
	b.Run("Unpack", func(b *testing.B) {
		var q b64uri.Query
		if err := q.Decode(text); err != nil { // warm up: grow the Query's buffers
			b.Fatal(err)
		}
		b.ReportAllocs()
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			if err := q.Decode(text); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Pack", func(b *testing.B) {
		var q b64uri.Query
		if err := q.Decode(text); err != nil {
			b.Fatal(err)
		}
		dst := make([]byte, 0, 2*len(text))
		b.ReportAllocs()
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			var err error
			if dst, err = q.AppendEncode(dst[:0]); err != nil {
				b.Fatal(err)
			}
		}
		if !bytes.Equal(dst, text) {
			b.Fatalf("packed %s, want %s", dst, text)
		}
	})
}

// BenchmarkDecodeNext reads every token of the WBXML with a reused
// Decoder's Next, which returns a pointer to the token instead of a copy.
func BenchmarkDecodeNext(b *testing.B) {
	benchDecodeWith(b, decodeAllNext)
}

// BenchmarkDecodeStep reads every token of the WBXML with a reused
// Decoder's Step, the cursor that sets only the fields ActiveSync tokens
// need, reading each tag's page and code and each string's data as a
// consumer would.
func BenchmarkDecodeStep(b *testing.B) {
	benchDecodeWith(b, func(d *wbxml.Decoder) error { _, err := decodeAllStep(d); return err })
}

// benchDecodeWith runs decode, which reads every token of a reused
// Decoder one way, over each message (after a first run that grows the
// element stack), reporting MB/s, allocations and ns/token.
func benchDecodeWith(b *testing.B, decode func(*wbxml.Decoder) error) {
	for _, m := range messages {
		b.Run(m.name, func(b *testing.B) {
			m.load(b)
			d := wbxml.NewDecoder(m.wbxml, vocab...)
			if err := decode(d); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.SetBytes(int64(len(m.wbxml)))
			for b.Loop() {
				d.Reset(m.wbxml)
				if err := decode(d); err != nil {
					b.Fatal(err)
				}
			}
			reportPerToken(b, m)
		})
	}
}

// decodeAllStep reads every token of d with Step, and returns a sum of
// the tags' codes and the data lengths (so that nothing is optimised away).
func decodeAllStep(d *wbxml.Decoder) (int, error) {
	sum := 0
	for {
		kind, err := d.Step()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return sum, nil
			}
			return sum, err
		}
		switch kind {
		case wbxml.KindStartTag:
			_, code := d.StepTag()
			sum += int(code)
		case wbxml.KindString, wbxml.KindOpaque:
			sum += len(d.StepData())
		}
	}
}

// BenchmarkDecodeLeaf reads the WBXML with a reused Decoder's NextLeaf,
// which returns an element of one inline string or none as one KindLeaf
// token, reading each tag's code and each string's length as a consumer
// would. ns/token counts the message's tokens (a leaf is two or three).
func BenchmarkDecodeLeaf(b *testing.B) {
	benchDecodeWith(b, func(d *wbxml.Decoder) error { _, err := decodeAllLeaf(d); return err })
}

// decodeAllLeaf reads every token of d with NextLeaf, and returns a sum
// of the tags' codes and the data lengths.
func decodeAllLeaf(d *wbxml.Decoder) (int, error) {
	sum := 0
	for {
		tok, err := d.NextLeaf()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return sum, nil
			}
			return sum, err
		}
		switch tok.Kind {
		case wbxml.KindStartTag:
			sum += int(tok.Code)
		case wbxml.KindLeaf:
			sum += int(tok.Code) + len(tok.Data)
		case wbxml.KindString, wbxml.KindOpaque:
			sum += len(tok.Data)
		}
	}
}

// decodeAllNext reads every token of d with Next.
func decodeAllNext(d *wbxml.Decoder) error {
	for {
		if _, err := d.Next(); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
	}
}

// reportPerToken reports the time per token of m, so that tag-dense and
// text-heavy messages compare: MB/s favours long texts, ns/token short
// elements.
func reportPerToken(b *testing.B, m *message) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(m.tokens)), "ns/token")
}

// reportOutput reports the speed in MB/s of the n bytes each operation
// writes (ToXML's XML, where b.SetBytes counts the WBXML read).
func reportOutput(b *testing.B, n int) {
	b.ReportMetric(float64(n)*float64(b.N)/1e6/b.Elapsed().Seconds(), "out-MB/s")
}
