package eas

import (
	"bytes"
	"errors"
	"io"
	"reflect"
	"strconv"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/wbxml"
)

// An Encoder writes Go values as WBXML documents to an io.Writer, one
// document per Encode, reusing its buffer: once warm, Encode of a pointer
// allocates nothing.
//
// An Encoder is not safe for concurrent use.
type Encoder struct {
	w    io.Writer
	opts []Option
	m    marshalState
	buf  []byte
}

// NewEncoder returns an Encoder that writes to w with opts (as Marshal
// takes them).
func NewEncoder(w io.Writer, opts ...Option) *Encoder {
	return &Encoder{w: w, opts: append([]Option(nil), opts...)}
}

// Encode writes the WBXML document of v (see Marshal) to the writer in one
// Write call. Nothing is written when v cannot be marshalled.
func (e *Encoder) Encode(v any) error {
	buf, err := e.m.marshal(e.buf[:0], v, e.opts)
	if err != nil {
		return err
	}
	e.buf = buf
	_, err = e.w.Write(buf)
	return err
}

// A Decoder reads WBXML documents from an io.Reader into Go values, one
// document per Decode.
//
// A document ends with its root element and the processing instructions
// that follow it in what has been read; Decode does not wait for more
// input once the root element has ended. What follows in r (another
// document, in a stream of documents sent one after another) stays for
// the next Decode, which returns io.EOF when r has ended with nothing
// more. The Decoder may read past the end of a document, and keeps what
// it read: r should not be read by anything else.
//
// A document may be at most WithMaxSize bytes (256 MiB by default); the
// Decoder buffers no more than that, plus one read. Offsets in errors are
// from the start of the document. After an error that is not about the
// content of a document (a read error, WBXML that cannot be framed, a
// document too large), every Decode returns it again.
//
// The trees kept by `any`, *Element and Unmarshaler fields are read from
// a copy of their document, and stay valid after the next Decode.
//
// A Decoder is not safe for concurrent use.
type Decoder struct {
	r     io.Reader
	opts  []Option
	cfg   config
	buf   []byte
	off   int // the start of the next document in buf
	eof   bool
	err   error
	frame wbxml.Decoder
	u     unmarshalState
}

// NewDecoder returns a Decoder that reads from r with opts (as Unmarshal
// takes them).
func NewDecoder(r io.Reader, opts ...Option) *Decoder {
	d := &Decoder{r: r, opts: append([]Option(nil), opts...)}
	d.cfg.apply(d.opts)
	return d
}

// Decode reads the next document from the reader into v; see Unmarshal
// and Decoder. It returns io.EOF when the reader has ended before a new
// document.
func (d *Decoder) Decode(v any) error {
	if d.err != nil {
		return d.err
	}
	for {
		avail := d.buf[d.off:]
		if len(avail) > 0 {
			n, page, complete := d.frameDoc(avail)
			if complete || d.eof {
				doc := avail[:n]
				d.off += n
				if d.keepsTrees(v, page) {
					doc = bytes.Clone(doc)
				}
				err := d.u.unmarshal(doc, v, d.opts)
				d.u.release()
				return err
			}
			if max := d.cfg.maxSize; max > 0 && int64(len(avail)) > max {
				d.err = &Error{Offset: max, Err: wbxml.ErrTooLarge,
					Msg: "document larger than the limit of " + strconv.FormatInt(max, 10) + " bytes"}
				return d.err
			}
		} else if d.eof {
			return io.EOF
		}
		if err := d.fill(); err != nil {
			d.err = err
			return err
		}
	}
}

// frameDoc finds the end of the document at the start of b: its length,
// the code page of its root element, and whether it is complete. A
// document with a syntax error is complete up to the error; Unmarshal
// then reports it.
func (d *Decoder) frameDoc(b []byte) (n int, page uint8, complete bool) {
	f := &d.frame
	f.Reset(b, wbxml.WithMaxDepth(d.cfg.maxDepth), wbxml.WithMaxSize(0))
	for {
		tok, err := f.ReadToken()
		if err == nil {
			if tok.Kind == wbxml.KindStartTag && f.StackDepth() == 1 {
				page = tok.Page
			}
			continue
		}
		if errors.Is(err, io.EOF) {
			return int(f.InputOffset()), page, true
		}
		if errors.Is(err, wbxml.ErrTruncated) {
			return len(b), page, false
		}
		return len(b), page, true
	}
}

// keepsTrees reports whether reading v from a document whose root is on
// page keeps trees, which must then have a copy of their own.
func (d *Decoder) keepsTrees(v any, page uint8) bool {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() || rv.Elem().Kind() != reflect.Struct {
		return false
	}
	t := rv.Elem().Type()
	if r := rootOf(t); r.tag != 0 {
		page = codepages.Tag(r.tag).Page()
	}
	sp, err := planFor(t, page)
	return err == nil && sp.trees
}

// fill reads more input into d.buf.
func (d *Decoder) fill() error {
	if d.off > 0 && d.off >= len(d.buf)/2 {
		d.buf = d.buf[:copy(d.buf, d.buf[d.off:])]
		d.off = 0
	}
	if cap(d.buf)-len(d.buf) < 4096 {
		d.buf = append(d.buf[:cap(d.buf)], make([]byte, max(4096, cap(d.buf)))...)[:len(d.buf)]
	}
	room := d.buf[len(d.buf):cap(d.buf)]
	if max := d.cfg.maxSize; max > 0 {
		if limit := int64(d.off) + max + 1 - int64(len(d.buf)); limit < int64(len(room)) {
			room = room[:max64(limit, 1)]
		}
	}
	n, err := d.r.Read(room)
	d.buf = d.buf[:len(d.buf)+n]
	if errors.Is(err, io.EOF) {
		d.eof = true
		return nil
	}
	return err
}

func max64(a, b int64) int64 {
	if a > b {
		return a
	}
	return b
}
