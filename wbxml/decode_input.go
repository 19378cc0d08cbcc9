package wbxml

import (
	"bytes"
	"io"

	"github.com/easkit/easkit/internal/xmlscan"
)

// more makes at least n bytes available from d.pos, reading from the
// io.Reader as needed, and reports whether it could. Data from earlier
// tokens may move: callers index relative to d.pos.
func (d *Decoder) more(n int) bool {
	if len(d.buf)-d.pos >= n {
		return true
	}
	if d.r == nil {
		return false
	}
	for len(d.buf)-d.pos < n {
		if d.rerr != nil || d.over {
			return false
		}
		if len(d.buf) == cap(d.buf) {
			if d.pos > 0 {
				k := copy(d.buf, d.buf[d.pos:])
				d.base += int64(d.pos)
				d.buf = d.buf[:k]
				d.pos = 0
			}
			if len(d.buf) == cap(d.buf) {
				nb := make([]byte, len(d.buf), max(2*cap(d.buf), minReadBuf))
				copy(nb, d.buf)
				d.buf = nb
			}
		}
		room := d.buf[len(d.buf):cap(d.buf)]
		if d.cfg.maxSize > 0 {
			// Read at most one byte past the limit: enough to know that
			// the input goes on.
			if lim := d.cfg.maxSize + 1 - d.end(); int64(len(room)) > lim {
				room = room[:lim]
			}
		}
		m, err := d.r.Read(room)
		if m < 0 || m > len(room) {
			m = 0 // a broken io.Reader; its error (or a later EOF) ends the input
		}
		d.buf = d.buf[:len(d.buf)+m]
		if err != nil {
			d.rerr = err
		}
		if d.cfg.maxSize > 0 && d.end() > d.cfg.maxSize {
			d.buf = d.buf[:d.cfg.maxSize-d.base]
			d.over = true
		}
	}
	return true
}

// short returns the error for input that ends, at token offset tokOff,
// before what the token needs: the reader's error, ErrTooLarge at the size
// limit, or ErrTruncated.
func (d *Decoder) short(tokOff int64, msg string) error {
	if d.rerr != nil && d.rerr != io.EOF {
		return d.rerr
	}
	if d.over {
		return d.errAt(d.cfg.maxSize, ErrTooLarge, "input larger than the size limit")
	}
	return d.errAt(tokOff, ErrTruncated, msg)
}

// errAt returns a *SyntaxError at offset off with the current path.
func (d *Decoder) errAt(off int64, err error, msg string) error {
	return &SyntaxError{Offset: off, Path: d.path(), Err: err, msg: msg}
}

func (d *Decoder) path() Path {
	return buildPath(d.stack, d.cfg.vocab, d.hdr.StringTable, d.width)
}

// maxPathName bounds the length of a literal element name in a Path.
const maxPathName = 64

// buildPath renders open elements for an error.
func buildPath(stack []frame, vocab Vocabulary, tbl []byte, width int) Path {
	if len(stack) == 0 {
		return nil
	}
	p := make(Path, len(stack))
	for i, f := range stack {
		e := &p[i]
		if f.flags&fLiteral != 0 {
			e.Literal = true
			if s, ok := tableString(tbl, f.off, width); ok {
				// Bounded: a path copies a name per level, and names
				// can be as long as the string table.
				if len(s) > maxPathName {
					s = s[:maxPathName]
				}
				e.Name = string(s)
			}
			continue
		}
		e.Page, e.Code = f.page, f.code
		if vocab != nil {
			e.Name = vocab.TagName(f.page, f.code)
			e.Space = vocab.PageName(f.page)
		}
	}
	return p
}

// readMb reads an mb_u_int32 at d.pos+k and returns it with the offset
// just past it. what names the field for a truncation error.
func (d *Decoder) readMb(k int, what string) (uint32, int, error) {
	for {
		rest := d.buf[d.pos+k:]
		if len(rest) > 0 && rest[0] < 0x80 {
			return uint32(rest[0]), k + 1, nil
		}
		v, n := ConsumeMbUint32(rest)
		if n > 0 {
			return v, k + n, nil
		}
		if n < 0 {
			return 0, 0, d.errAt(d.off()+int64(k), ErrMbUint32, what+": mb_u_int32 longer than 5 bytes or above 2^32-1")
		}
		if !d.more(k + len(rest) + 1) {
			return 0, 0, d.short(d.off(), "input ends inside "+what)
		}
	}
}

// readTermstr reads a string terminated by the charset's null at d.pos+k
// and returns it with the offset just past the terminator.
func (d *Decoder) readTermstr(k int, what string) ([]byte, int, error) {
	scanned := 0
	for {
		rest := d.buf[d.pos+k+scanned:]
		var i int
		if d.width == 1 {
			i = bytes.IndexByte(rest, 0)
		} else {
			i = indexNull(rest, d.width)
		}
		if i >= 0 {
			e := k + scanned + i
			return d.buf[d.pos+k : d.pos+e], e + d.width, nil
		}
		if d.width > 1 {
			scanned += len(rest) / d.width * d.width
		} else {
			scanned += len(rest)
		}
		if !d.more(k + scanned + d.width) {
			return nil, 0, d.short(d.off(), "input ends inside "+what+" (no terminator)")
		}
	}
}

// setText stores string bytes s in t.Data, converted to UTF-8 as the
// charset requires. For inline strings at is the input offset of s[0];
// for string-table strings it is the referring token's offset.
func (d *Decoder) setText(t *Token, s []byte, at int64, inline bool) error {
	switch d.tmode {
	case textUTF8:
		t.Data = s
	case textRaw:
		t.Data, t.Raw = s, true
	default:
		i := xmlscan.FirstNonASCII(s)
		if i < 0 {
			t.Data = s
			return nil
		}
		if d.tmode == textASCII && d.cfg.strict {
			if inline {
				at += int64(i)
			}
			return d.errAt(at, ErrCharset, "byte above 0x7F in a US-ASCII document")
		}
		d.scratch = appendLatin1(append(d.scratch[:0], s[:i]...), s[i:])
		t.Data = d.scratch
	}
	return nil
}
