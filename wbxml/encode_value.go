package wbxml

import (
	"io"
	"math"
	"unicode/utf8"

	"github.com/easkit/easkit/internal/xmlscan"
)

// checkValue checks that character data, opaque data, an entity or an
// extension may come now: in an element's content or an attribute value.
func (e *Encoder) checkValue(what string) error {
	if e.err != nil {
		return e.err
	}
	switch e.state {
	case esContent, esAttr, esPI:
		return nil
	case esProlog:
		return e.errorf(ErrNesting, what+" before the root element")
	case esEpilog:
		return e.errorf(ErrNesting, what+" after the root element")
	}
	return e.errorf(ErrNesting, what+" where an attribute start is required")
}

// String writes s as an inline string (STR_I), converted to the header's
// charset when that is US-ASCII or ISO-8859-1. An empty s is written too:
// an element holding an empty string differs on the wire from an empty
// element. s must not contain the string terminator (a NUL).
func (e *Encoder) String(s []byte) error { return e.text(TokStrI, s, false, "STR_I") }

// TableString writes a reference to the string-table string at offset off
// (STR_T).
func (e *Encoder) TableString(off uint32) error {
	if err := e.checkValue("STR_T"); err != nil {
		return err
	}
	if _, ok := tableString(e.cfg.hdr.StringTable, off, e.width); !ok {
		return e.errorf(ErrStringTable, "STR_T offset outside the string table")
	}
	e.valueStarts()
	e.buf = append(e.buf, TokStrT)
	e.buf = AppendMbUint32(e.buf, off)
	return e.done()
}

// valueStarts records that a value is being written.
func (e *Encoder) valueStarts() {
	if e.state == esContent {
		e.content()
	}
}

// text writes token b (STR_I or EXT_I_n) and the terminated string s.
func (e *Encoder) text(b byte, s []byte, raw bool, what string) error {
	if err := e.checkValue(what); err != nil {
		return err
	}
	mark := len(e.buf)
	e.buf = append(e.buf, b)
	direct := e.w != nil && (e.hold < 0 || e.state == esContent)
	var err error
	if direct && len(s) >= e.cfg.bufSize && (raw || e.tmode == textUTF8 || e.tmode == textRaw) {
		if msg := e.checkRaw(s); msg != "" {
			e.buf = e.buf[:mark]
			return e.errorf(ErrInvalidToken, what+" "+msg)
		}
		e.valueStarts()
		if err = e.flush(len(e.buf)); err == nil {
			err = e.writeDirect(s)
		}
		if err != nil {
			return err
		}
	} else {
		var msg string
		e.buf, msg, err = e.appendText(e.buf, s, raw)
		if err != nil {
			e.buf = e.buf[:mark]
			return e.errorf(err, what+" "+msg)
		}
		e.valueStarts()
	}
	for range e.width {
		e.buf = append(e.buf, 0)
	}
	return e.done()
}

// writeDirect writes p to w, past the (empty) buffer.
func (e *Encoder) writeDirect(p []byte) error {
	m, err := e.w.Write(p)
	if err == nil && m != len(p) {
		err = io.ErrShortWrite
	}
	if err != nil {
		e.err = err
		return err
	}
	e.flushed += int64(m)
	return nil
}

// checkRaw checks that s can be written as a terminated string unchanged.
func (e *Encoder) checkRaw(s []byte) string {
	if e.width > 1 && len(s)%e.width != 0 {
		return "length is not a multiple of the charset's code unit"
	}
	if indexNull(s, e.width) >= 0 {
		return "contains the string terminator (NUL)"
	}
	return ""
}

// appendText appends s in the document charset. Without raw, s is UTF-8
// and is converted for US-ASCII and ISO-8859-1 documents.
func (e *Encoder) appendText(dst, s []byte, raw bool) ([]byte, string, error) {
	if raw || e.tmode == textUTF8 || e.tmode == textRaw || xmlscan.FirstNonASCII(s) < 0 {
		if msg := e.checkRaw(s); msg != "" {
			return dst, msg, ErrInvalidToken
		}
		return append(dst, s...), "", nil
	}
	if indexNull(s, 1) >= 0 {
		return dst, "contains the string terminator (NUL)", ErrInvalidToken
	}
	limit := rune(0xFF)
	if e.tmode == textASCII && e.cfg.strict {
		limit = 0x7F
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x80 {
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRune(s[i:])
		if (r == utf8.RuneError && n == 1) || r > limit {
			return dst, "holds a character the document charset cannot represent", ErrCharset
		}
		dst = append(dst, byte(r))
		i += n
	}
	return dst, "", nil
}

// Opaque writes b as OPAQUE data.
func (e *Encoder) Opaque(b []byte) error {
	if err := e.checkValue("OPAQUE"); err != nil {
		return err
	}
	if uint64(len(b)) > math.MaxUint32 {
		return e.errorf(ErrTooLarge, "OPAQUE longer than 2^32-1 bytes")
	}
	e.valueStarts()
	e.buf = append(e.buf, TokOpaque)
	e.buf = AppendMbUint32(e.buf, uint32(len(b)))
	if e.w != nil && e.hold < 0 && len(b) >= e.cfg.bufSize {
		if err := e.flush(len(e.buf)); err != nil {
			return err
		}
		if err := e.writeDirect(b); err != nil {
			return err
		}
	} else {
		e.buf = append(e.buf, b...)
	}
	return e.done()
}

// Entity writes an ENTITY token for character code point c.
func (e *Encoder) Entity(c uint32) error {
	if err := e.checkValue("ENTITY"); err != nil {
		return err
	}
	e.valueStarts()
	e.buf = append(e.buf, TokEntity)
	e.buf = AppendMbUint32(e.buf, c)
	return e.done()
}

// ExtInline writes EXT_I_n (n 0–2) with the inline string s.
func (e *Encoder) ExtInline(n uint8, s []byte) error { return e.ext(n, FormInline, 0, s, false) }

// ExtTable writes EXT_T_n (n 0–2) with the integer v.
func (e *Encoder) ExtTable(n uint8, v uint32) error { return e.ext(n, FormTable, v, nil, false) }

// Ext writes the single-byte EXT_n (n 0–2).
func (e *Encoder) Ext(n uint8) error { return e.ext(n, FormSingle, 0, nil, false) }

func (e *Encoder) ext(n uint8, form Form, v uint32, s []byte, raw bool) error {
	if err := e.checkValue("extension"); err != nil {
		return err
	}
	if n > 2 {
		return e.errorf(ErrInvalidToken, "extension index above 2")
	}
	switch form {
	case FormInline:
		return e.text(TokExtI0+n, s, raw, "EXT_I")
	case FormTable:
		e.valueStarts()
		e.buf = append(e.buf, TokExtT0+n)
		e.buf = AppendMbUint32(e.buf, v)
	case FormSingle:
		e.valueStarts()
		e.buf = append(e.buf, TokExt0+n)
	default:
		return e.errorf(ErrInvalidToken, "extension of unknown form")
	}
	return e.done()
}
