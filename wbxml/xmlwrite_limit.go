package wbxml

import (
	"errors"
	"math"
	"strconv"
)

// ErrAmplification: the XML of a document grew past the amplification
// limit ([WithMaxAmplification]): a few bytes of WBXML can stand for much
// more XML (a string-table string referenced again and again, deep
// nesting written with wide indentation), and a conversion stops before
// such input fills a disk or a pipe.
var ErrAmplification = errors.New("wbxml: output larger than the amplification limit")

// DefaultMaxAmplification is the amplification limit of XML output unless
// [WithMaxAmplification] says otherwise: 1000 bytes of XML per byte of
// WBXML. ActiveSync documents give 1 to 10.
const DefaultMaxAmplification = 1000

// minAmplificationBase is the input size the amplification limit counts
// at least, so that a tiny document may still have its XML declaration,
// DOCTYPE and indentation.
const minAmplificationBase = 1 << 10

// errPartFull stops a part of a conversion in parts whose XML reached its
// buffer's budget: the writer of the part before it carries it on, in
// order, writing as it goes (see carryOn).
var errPartFull = errors.New("wbxml: internal: part buffer full")

// The output of a conversion is paced by one number, x.checkAt: when the
// XML produced so far (written out, buffered, and pending as content)
// reaches it, pace flushes the buffer to the io.Writer, stops a part whose
// buffer is full, or stops the conversion at the amplification limit; then
// it sets checkAt anew. The token loop and the fast path compare once per
// token.

// produced returns the bytes of XML the conversion has produced: written
// to the io.Writer (or, for a part, before it), buffered, and pending as
// the content of the innermost element.
func (x *XMLWriter) produced() int64 {
	return x.written + int64(len(x.out)) + int64(len(x.data))
}

// maxOutput returns the amplification limit in bytes for the input read
// so far: the whole input for a []byte, what has been read of an
// io.Reader.
func (x *XMLWriter) maxOutput() int64 {
	if x.cfg.amp == 0 {
		return math.MaxInt64
	}
	in := int64(len(x.dec.bytesInput()))
	if in == 0 {
		in = x.dec.InputOffset()
	}
	in = max(in, minAmplificationBase)
	if in > math.MaxInt64/int64(x.cfg.amp) {
		return math.MaxInt64
	}
	return in * int64(x.cfg.amp)
}

// setCheckAt sets the output size at which pace must run next.
func (x *XMLWriter) setCheckAt() {
	now := x.produced()
	at := x.maxOutput()
	if x.w != nil {
		at = min(at, now+int64(flushSize-len(x.out)))
	}
	if x.budget > 0 {
		at = min(at, now+int64(x.budget-len(x.out)))
	}
	x.checkAt = max(at, now+1)
}

// pace does what the output size calls for (see checkAt) and returns an
// error to stop the conversion with: the io.Writer's, errPartFull, or the
// amplification limit's.
func (x *XMLWriter) pace() error {
	if x.w != nil && len(x.out) >= flushSize {
		if err := x.flush(); err != nil {
			return err
		}
	}
	if x.budget > 0 && len(x.out) >= x.budget {
		return errPartFull
	}
	if lim := x.maxOutput(); x.produced() > lim {
		return &SyntaxError{Offset: x.dec.InputOffset(), Path: x.dec.path(), Err: ErrAmplification,
			msg: "XML output passed " + strconv.Itoa(x.cfg.amp) + " times the size of the input (" +
				strconv.FormatInt(lim, 10) + " bytes; see WithMaxAmplification)"}
	}
	x.setCheckAt()
	return nil
}
