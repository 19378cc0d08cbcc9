package wbxml

import "io"

// encState is where the encoder is in the document grammar.
type encState uint8

const (
	esProlog    encState = iota // before the root element
	esContent                   // inside an element's content
	esEpilog                    // after the root element
	esAttrFirst                 // after a start tag with attributes: an attribute start must follow
	esAttr                      // in an attribute list
	esPIFirst                   // after PI: the target must follow
	esPI                        // in a PI, after its target
)

// An Encoder writes a WBXML document from a sequence of tokens or events.
//
// It writes the header when it is reset (03 01 6A 00 unless WithHeader
// says otherwise), inserts SWITCH_PAGE where the code page changes, and
// writes every start tag with its content bit set, clearing the bit in
// place when the next event is the element's end (no END is written then).
// Every call checks that the token is allowed where it comes; a rejected
// call returns a *[SyntaxError] and leaves the Encoder as it was.
//
// An Encoder either appends to a caller's []byte (NewAppendEncoder,
// ResetAppend, Bytes) or writes to an io.Writer through a bounded buffer
// (NewEncoder, Reset, Flush). An I/O error is returned as it is and
// repeated by every later call.
//
// The zero Encoder is ready to use: it appends a document with the
// default options to an empty buffer, as NewAppendEncoder(nil) does, and
// Bytes returns it.
//
// An Encoder is not safe for concurrent use.
type Encoder struct {
	w       io.Writer
	buf     []byte // output not yet flushed (append form: the caller's slice)
	wbuf    []byte // writer form: the buffer kept across Reset
	start   int    // append form: len(dst) at reset
	flushed int64  // writer form: bytes written to w

	cfg   config
	ready bool
	width int
	tmode textMode

	state    encState
	piRet    encState
	tagPage  uint8
	attrPage uint8
	stack    []frame
	hold     int   // index in buf of the last start tag byte, while its content bit may still be cleared; -1 if none
	err      error // sticky: a header or I/O error
}

// NewEncoder returns an Encoder that writes a document to w. Output is
// buffered; it is flushed when the root element ends, when the buffer
// reaches its size (see WithBufferSize), and by Flush.
func NewEncoder(w io.Writer, opts ...Option) *Encoder {
	e := new(Encoder)
	e.Reset(w, opts...)
	return e
}

// NewAppendEncoder returns an Encoder that appends a document to dst; Bytes
// returns the result.
func NewAppendEncoder(dst []byte, opts ...Option) *Encoder {
	e := new(Encoder)
	e.ResetAppend(dst, opts...)
	return e
}

// Reset makes e write a new document to w, reusing e's memory, and
// buffers the header. When opts are given they replace the options e had;
// otherwise e keeps them.
func (e *Encoder) Reset(w io.Writer, opts ...Option) {
	if e.w != nil {
		e.wbuf = e.buf[:0]
	}
	e.reset(opts)
	e.w = w
	e.buf = e.wbuf[:0]
	e.start = 0
	e.writeHeader()
}

// ResetAppend makes e append a new document to dst, reusing e's memory,
// and appends the header. When opts are given they replace the options e
// had; otherwise e keeps them.
func (e *Encoder) ResetAppend(dst []byte, opts ...Option) {
	if e.w != nil {
		e.wbuf = e.buf[:0]
	}
	e.reset(opts)
	e.w = nil
	e.buf = dst
	e.start = len(dst)
	e.writeHeader()
}

// init makes a zero Encoder the append Encoder NewAppendEncoder(nil)
// returns, when a document starts (a start tag or a PI): every other
// token is out of place before the root element anyway.
func (e *Encoder) init() {
	if !e.ready {
		e.ResetAppend(nil)
	}
}

func (e *Encoder) reset(opts []Option) {
	if !e.ready || len(opts) > 0 {
		e.cfg = defaultConfig()
		e.cfg.apply(opts)
		e.ready = true
	}
	e.flushed = 0
	e.width, e.tmode = nullWidth(e.cfg.hdr.Charset), textModeOf(e.cfg.hdr.Charset)
	e.state, e.piRet = esProlog, esProlog
	e.tagPage, e.attrPage = 0, 0
	e.stack = e.stack[:0]
	e.hold = -1
	e.err = nil
}

func (e *Encoder) writeHeader() {
	if msg, err := e.cfg.hdr.validate(); err != nil {
		e.err = &SyntaxError{Offset: 0, Err: err, msg: "header: " + msg}
		return
	}
	e.buf = AppendHeader(e.buf, &e.cfg.hdr)
}

// Bytes returns the buffer of the append form: the dst given to
// ResetAppend with the output appended. The last start tag's content bit
// may still change until the next call. The writer form returns the
// unflushed output.
func (e *Encoder) Bytes() []byte { return e.buf }

// OutputOffset returns the number of bytes of the document written so
// far, header included.
func (e *Encoder) OutputOffset() int64 { return e.flushed + int64(len(e.buf)-e.start) }

// StackDepth returns the number of open elements.
func (e *Encoder) StackDepth() int { return len(e.stack) }

// Flush writes buffered output to the io.Writer. A start tag written last
// then keeps its content bit, so an END follows it even if the element
// turns out to be empty. The append form has nothing to flush.
func (e *Encoder) Flush() error {
	if e.err != nil {
		return e.err
	}
	if e.w == nil {
		return nil
	}
	e.hold = -1
	return e.flush(len(e.buf))
}

// flush writes buf[:n] to w and keeps the rest.
func (e *Encoder) flush(n int) error {
	if n == 0 {
		return nil
	}
	m, err := e.w.Write(e.buf[:n])
	if err == nil && m != n {
		err = io.ErrShortWrite
	}
	if err != nil {
		e.err = err
		return err
	}
	e.flushed += int64(n)
	k := copy(e.buf, e.buf[n:])
	e.buf = e.buf[:k]
	if e.hold >= 0 {
		e.hold -= n
	}
	return nil
}

// done ends a successful call: the writer form flushes a full buffer, and
// everything once the document is complete.
func (e *Encoder) done() error {
	if e.w == nil {
		return nil
	}
	if e.state == esEpilog {
		return e.flush(len(e.buf))
	}
	if len(e.buf) >= e.cfg.bufSize {
		n := len(e.buf)
		if e.hold >= 0 {
			n = e.hold
		}
		return e.flush(n)
	}
	return nil
}

func (e *Encoder) errorf(err error, msg string) error {
	return &SyntaxError{Offset: e.OutputOffset(), Path: e.path(), Err: err, msg: msg}
}

func (e *Encoder) path() Path {
	return buildPath(e.stack, e.cfg.vocab, e.cfg.hdr.StringTable, e.width)
}

// content releases a held start tag: its element has content.
func (e *Encoder) content() { e.hold = -1 }

// WriteToken writes t, as decoded by a Decoder or built by the caller.
// KindEndTag ignores the token's fields; a start tag's Content bit is
// ignored (see Encoder) but its Attrs bit says whether attributes follow.
// Data is not retained.
func (e *Encoder) WriteToken(t *Token) error {
	switch t.Kind {
	case KindStartTag:
		if t.Literal {
			return e.StartLiteral(t.Value, t.Attrs)
		}
		return e.StartTag(t.Page, t.Code, t.Attrs)
	case KindEndTag:
		return e.EndTag()
	case KindString:
		if t.Form == FormTable {
			return e.TableString(t.Value)
		}
		return e.text(TokStrI, t.Data, t.Raw, "STR_I")
	case KindOpaque:
		return e.Opaque(t.Data)
	case KindEntity:
		return e.Entity(t.Value)
	case KindExt:
		return e.ext(t.Code, t.Form, t.Value, t.Data, t.Raw)
	case KindPI:
		return e.PI()
	case KindEndPI:
		return e.EndPI()
	case KindAttrStart:
		if t.Literal {
			return e.AttrLiteral(t.Value)
		}
		return e.AttrStart(t.Page, t.Code)
	case KindAttrValue:
		return e.AttrValue(t.Page, t.Code)
	case KindEndAttrs:
		return e.EndAttrs()
	}
	if e.err != nil {
		return e.err
	}
	return e.errorf(ErrInvalidToken, "token of kind "+t.Kind.String())
}
