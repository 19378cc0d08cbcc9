package wbxml

import "io"

// decState is where the decoder is in the document grammar.
type decState uint8

const (
	dsHeader     decState = iota // the header has not been read
	dsProlog                     // before the root element: PIs, the root start tag
	dsContent                    // inside an element's content
	dsEpilog                     // after the root element: PIs, then the end
	dsAttrFirst                  // after a start tag with attributes: an attribute start must follow
	dsAttr                       // in an attribute list: value, next attribute or END
	dsPIFirst                    // after PI: the target must follow
	dsPI                         // in a PI: value or END
	dsEndPending                 // after an element without content: its end comes next
	dsDone                       // the end was reported
)

// frame is an open element.
type frame struct {
	page, code uint8
	flags      uint8
	off        uint32 // string-table offset of a literal's name
}

const (
	fAttrs uint8 = 1 << iota
	fContent
	fLiteral
	fUnknown
)

// minReadBuf is the initial buffer size of the io.Reader form.
const minReadBuf = 8 << 10

// A Decoder reads a WBXML document as a stream of [Token] values.
//
// A Decoder works on a []byte (NewDecoder, Reset) without copying: token
// data are sub-slices of the input. Or it reads an io.Reader
// (NewReaderDecoder, ResetReader) through a buffer that grows only to the
// largest single token. Both forms yield the same tokens and errors.
//
// The zero Decoder has no input: ReadToken reports a missing header
// ([ErrTruncated]). Reset or ResetReader gives it a document, with the
// default options unless others are given.
//
// A Decoder is not safe for concurrent use.
type Decoder struct {
	buf  []byte    // the input, or the reader form's window on it
	pos  int       // next unread byte in buf
	base int64     // input offset of buf[0]
	r    io.Reader // nil for the []byte form
	rerr error     // the reader's last error
	over bool      // the input goes on past cfg.maxSize
	rbuf []byte    // reader form: the buffer kept across Reset
	tbl  []byte    // reader form: the string table, kept across Reset

	cfg   config
	ready bool // cfg holds defaults or options

	hdr   Header
	width int      // string terminator width
	tmode textMode // how string bytes become Token.Data

	state    decState
	piRet    decState // the state a PI returns to
	tagPage  uint8
	attrPage uint8
	stack    []frame
	err      error // sticky: the error (or io.EOF) already returned

	scratch  []byte  // charset conversion
	tok      Token   // the token Next returns
	cur      cursor  // the token Step moved to
	known    *TagSet // the vocabulary's tags, when it is a TagSetter
	fastTags *TagSet // the tags nextFast knows: known, or every tag without a vocabulary
	fast     bool    // nextFast may read the content: see fastReady
}

// NewDecoder returns a Decoder that reads the WBXML document in b. The
// Decoder does not copy b, and the caller must not modify b while the
// Decoder uses it.
func NewDecoder(b []byte, opts ...Option) *Decoder {
	d := new(Decoder)
	d.Reset(b, opts...)
	return d
}

// NewReaderDecoder returns a Decoder that reads a WBXML document from r.
// It reads only as far as it needs to return each token, and buffers no
// more than the largest single token (plus the string table).
func NewReaderDecoder(r io.Reader, opts ...Option) *Decoder {
	d := new(Decoder)
	d.ResetReader(r, opts...)
	return d
}

// Reset makes d read b from its beginning, reusing d's memory. When opts
// are given they replace the options d had; otherwise d keeps them.
func (d *Decoder) Reset(b []byte, opts ...Option) {
	d.reset(opts)
	d.r = nil
	d.buf = b
	if d.cfg.maxSize > 0 && int64(len(b)) > d.cfg.maxSize {
		d.buf = b[:d.cfg.maxSize]
		d.over = true
	}
}

// ResetReader makes d read a new document from r, reusing d's memory.
// When opts are given they replace the options d had; otherwise d keeps
// them.
func (d *Decoder) ResetReader(r io.Reader, opts ...Option) {
	d.reset(opts)
	d.r = r
	d.buf = d.rbuf[:0]
}

func (d *Decoder) reset(opts []Option) {
	if !d.ready || len(opts) > 0 {
		d.cfg = defaultConfig()
		d.cfg.apply(opts)
		d.ready = true
	}
	if d.r != nil {
		d.rbuf = d.buf[:0] // keep the reader form's buffer
	}
	d.pos, d.base = 0, 0
	d.rerr, d.over = nil, false
	d.hdr = Header{}
	d.width, d.tmode = 1, textUTF8
	d.state, d.piRet = dsHeader, dsHeader
	d.tagPage, d.attrPage = 0, 0
	d.stack = d.stack[:0]
	d.err = nil
	d.known, d.fast = nil, false
	if ts, ok := d.cfg.vocab.(TagSetter); ok {
		d.known = ts.TagSet()
	}
}

// Header returns the document header, reading it first if no token has
// been read yet. Its StringTable refers to the input, or for the io.Reader
// form to a buffer that is reused after Reset.
func (d *Decoder) Header() (Header, error) {
	if d.state == dsHeader {
		if d.err != nil {
			return Header{}, d.err
		}
		if err := d.readHeader(); err != nil {
			d.err = err
			return Header{}, err
		}
	}
	return d.hdr, nil
}

// InputOffset returns the input offset of the next byte that the decoder
// has not consumed: after ReadToken, the end of the token returned.
func (d *Decoder) InputOffset() int64 { return d.base + int64(d.pos) }

// TagPage returns the tag code page in effect: the page of the last tag
// token read, or of a SWITCH_PAGE read after it (before an END). With
// InputOffset it says where an element read so far ends and on which page,
// as Encoder.CopyElement needs it.
func (d *Decoder) TagPage() uint8 { return d.tagPage }

// StackDepth returns the number of open elements: a KindStartTag token
// increments it, its KindEndTag decrements it.
func (d *Decoder) StackDepth() int { return len(d.stack) }

// ReadToken returns the next token. At the clean end of the document, after
// the root element and any processing instructions that follow it, it
// returns io.EOF. Bytes after the root element that do not start a
// processing instruction end the document too in lenient mode (as libwbxml
// and captures with trailing bytes have it; InputOffset then says where
// they start) and fail with ErrTrailingData in strict mode. Invalid input
// yields a *[SyntaxError]; an io.Reader's errors are returned as they are.
// After an error or io.EOF every call returns the same again.
//
// The token's Data is valid until the next call to the Decoder.
func (d *Decoder) ReadToken() (Token, error) { return d.readToken() }

// readTokenSlow is ReadToken for the tokens the fast path leaves to next.
func (d *Decoder) readTokenSlow() (t Token, err error) {
	if d.err != nil {
		return t, d.err
	}
	if err = d.next(&t); err != nil {
		d.err = err
		return Token{}, err
	}
	return t, nil
}

// Next reads the next token, as ReadToken does, into a Token that the
// Decoder owns and returns a pointer to it: the token and its Data are valid
// until the next call to the Decoder. It returns the same tokens and errors
// as ReadToken, without copying the token out, which makes it the faster of
// the two in loops over many tokens. The caller must not modify the token.
func (d *Decoder) Next() (*Token, error) { return d.nextToken() }

// nextSlow is Next for the tokens the fast path leaves to next.
func (d *Decoder) nextSlow() (*Token, error) {
	if d.err != nil {
		return nil, d.err
	}
	if err := d.next(&d.tok); err != nil {
		d.err = err
		return nil, err
	}
	return &d.tok, nil
}

// SkipElement reads and discards the rest of the innermost open element,
// up to and including its KindEndTag. Called right after a KindStartTag it
// skips that element. With no open element it returns a *SyntaxError
// wrapping ErrNesting.
func (d *Decoder) SkipElement() error {
	depth := len(d.stack)
	if depth == 0 {
		if d.err != nil {
			return d.err
		}
		return &SyntaxError{Offset: d.InputOffset(), Err: ErrNesting, msg: "SkipElement with no open element"}
	}
	for len(d.stack) >= depth {
		if _, err := d.ReadToken(); err != nil {
			return err
		}
	}
	return nil
}

// off returns the input offset of d.buf[d.pos].
func (d *Decoder) off() int64 { return d.base + int64(d.pos) }

// end returns the input offset just past the bytes read so far.
func (d *Decoder) end() int64 { return d.base + int64(len(d.buf)) }
