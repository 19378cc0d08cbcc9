package wbxml

import (
	"bytes"
	"errors"
	"io"
	"testing"
	"testing/iotest"

	"github.com/google/go-cmp/cmp"

	"github.com/easkit/easkit/internal/testenv"
)

// readerForms wrap an input in io.Readers that deliver it differently.
var readerForms = []struct {
	name string
	wrap func([]byte) io.Reader
}{
	{"bytes.Reader", func(b []byte) io.Reader { return bytes.NewReader(b) }},
	{"OneByteReader", func(b []byte) io.Reader { return iotest.OneByteReader(bytes.NewReader(b)) }},
	{"HalfReader", func(b []byte) io.Reader { return iotest.HalfReader(bytes.NewReader(b)) }},
	{"DataErrReader", func(b []byte) io.Reader { return iotest.DataErrReader(bytes.NewReader(b)) }},
	{"chunks of 7", func(b []byte) io.Reader { return &chunkReader{b: b, n: 7} }},
}

// chunkReader returns at most n bytes a call.
type chunkReader struct {
	b []byte
	n int
}

func (r *chunkReader) Read(p []byte) (int, error) {
	if len(r.b) == 0 {
		return 0, io.EOF
	}
	k := copy(p[:min(len(p), r.n)], r.b)
	r.b = r.b[k:]
	return k, nil
}

// readerInputs are the inputs that the reader form must decode like the
// []byte form: samples, the W3C examples, every token, every error case.
func readerInputs(t *testing.T) []errCase {
	var in []errCase
	for _, s := range samples(t) {
		in = append(in, errCase{name: s.name, in: s.data})
	}
	full, _ := fullDocument()
	in = append(in,
		errCase{name: "w3c simple", in: w3cSimple},
		errCase{name: "w3c expanded", in: w3cExpanded},
		errCase{name: "full token set", in: full},
		errCase{name: "full token set, strict", in: full, opts: []Option{WithStrict(true)}},
	)
	for _, c := range errCases {
		c.name = "error " + c.name
		in = append(in, c)
	}
	return in
}

// sameResult compares the tokens and error of the []byte form (want) with
// those of the reader form (got).
func sameResult(t *testing.T, want []Token, wantErr error, got []Token, gotErr error) {
	t.Helper()
	if !tokensEqual(want, got) {
		t.Errorf("tokens ([]byte -want, reader +got):\n%s", cmp.Diff(want, got, equateEmpty))
	}
	switch {
	case wantErr == nil && gotErr == nil:
	case wantErr == nil || gotErr == nil:
		t.Errorf("error: []byte form %v, reader form %v", wantErr, gotErr)
	default:
		var we, ge *SyntaxError
		if !errors.As(wantErr, &we) || !errors.As(gotErr, &ge) {
			t.Fatalf("errors are not SyntaxErrors: %v; %v", wantErr, gotErr)
		}
		if we.Offset != ge.Offset || we.Err != ge.Err || we.Error() != ge.Error() {
			t.Errorf("error: []byte form %v (%v), reader form %v (%v)", we, we.Err, ge, ge.Err)
		}
	}
}

func TestReaderFormSameAsBytes(t *testing.T) {
	for _, c := range readerInputs(t) {
		want, wantErr := decodeAll(c.in, c.opts...)
		for _, rf := range readerForms {
			t.Run(c.name+"/"+rf.name, func(t *testing.T) {
				d := NewReaderDecoder(rf.wrap(c.in), c.opts...)
				got, gotErr := collect(d)
				sameResult(t, want, wantErr, got, gotErr)
			})
		}
	}
}

// TestReaderFormHeader checks Header in the reader form, including the
// string table copy that outlives the window.
func TestReaderFormHeader(t *testing.T) {
	d := NewReaderDecoder(iotest.OneByteReader(bytes.NewReader(w3cExpanded)))
	h, err := d.Header()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := collect(d); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(h.StringTable, w3cExpandedTable) {
		t.Errorf("string table %q, want %q", h.StringTable, w3cExpandedTable)
	}
}

// errReader delivers b and then fails with err.
type errReader struct {
	b   []byte
	err error
}

func (r *errReader) Read(p []byte) (int, error) {
	if len(r.b) == 0 {
		return 0, r.err
	}
	k := copy(p, r.b)
	r.b = r.b[k:]
	return k, nil
}

func TestReaderFormIOError(t *testing.T) {
	ioErr := errors.New("connection reset")
	full, _ := fullDocument()
	for cut := 0; cut < len(full); cut++ {
		d := NewReaderDecoder(&errReader{b: full[:cut], err: ioErr})
		_, err := collect(d)
		if err != ioErr {
			t.Fatalf("cut at %d: error %v, want the reader's error itself", cut, err)
		}
		if _, again := d.ReadToken(); again != ioErr {
			t.Fatalf("cut at %d: second call %v, want the reader's error", cut, again)
		}
	}
}

// countingReader counts the bytes it delivers.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

func TestReaderFormSizeLimit(t *testing.T) {
	big := hdr(0x45, 0xC3, 0x90, 0x00) // OPAQUE of 2048 bytes
	big = append(big, make([]byte, 2048)...)
	big = append(big, 0x01)
	for _, limit := range []int64{1, 5, 100, 2000, int64(len(big)) - 1} {
		cr := &countingReader{r: bytes.NewReader(big)}
		_, err := collect(NewReaderDecoder(cr, WithMaxSize(limit)))
		if !errors.Is(err, ErrTooLarge) {
			t.Errorf("limit %d: %v, want ErrTooLarge", limit, err)
		}
		if cr.n > limit+1 {
			t.Errorf("limit %d: read %d bytes", limit, cr.n)
		}
	}
	if _, err := collect(NewReaderDecoder(bytes.NewReader(big), WithMaxSize(int64(len(big))))); err != nil {
		t.Errorf("document of exactly the limit: %v", err)
	}
	if _, err := collect(NewReaderDecoder(bytes.NewReader(big), WithMaxSize(0))); err != nil {
		t.Errorf("no limit: %v", err)
	}
}

// TestReaderFormMemory checks that the reader form's buffer is bounded by
// the largest token, not the document.
func TestReaderFormMemory(t *testing.T) {
	e := NewAppendEncoder(nil)
	e.StartTag(0, 0x05, false)
	for i := range 20000 {
		e.StartTag(0, 0x06, false)
		e.String(bytes.Repeat([]byte{'a' + byte(i%26)}, 100))
		e.EndTag()
	}
	e.StartTag(0, 0x07, false)
	e.Opaque(make([]byte, 100<<10))
	e.EndTag()
	if err := e.EndTag(); err != nil {
		t.Fatal(err)
	}
	doc := e.Bytes()
	if len(doc) < 2<<20 {
		t.Fatalf("document is %d bytes, want > 2 MB", len(doc))
	}
	d := NewReaderDecoder(bytes.NewReader(doc))
	maxCap := 0
	for {
		_, err := d.ReadToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		maxCap = max(maxCap, cap(d.buf))
	}
	// The largest token is the 100 KiB OPAQUE: the buffer doubles up to
	// at most twice that.
	if maxCap > 2*(100<<10)+minReadBuf {
		t.Errorf("buffer grew to %d bytes for a %d-byte document whose largest token is 100 KiB", maxCap, len(doc))
	}
}

// TestReaderFormReuse checks that ResetReader reuses the buffer.
func TestReaderFormReuse(t *testing.T) {
	testenv.SkipIfAllocsUnreliable(t)
	r := bytes.NewReader(w3cExpanded)
	d := NewReaderDecoder(r)
	allocs := testing.AllocsPerRun(50, func() {
		r.Reset(w3cExpanded)
		d.ResetReader(r)
		for {
			if _, err := d.ReadToken(); err != nil {
				if err != io.EOF {
					t.Fatal(err)
				}
				break
			}
		}
	})
	if allocs != 0 {
		t.Errorf("%v allocations per document, want 0", allocs)
	}
}
