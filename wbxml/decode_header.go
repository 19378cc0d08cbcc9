package wbxml

import (
	"io"
	"math"
)

// readHeader reads version, public id, charset and string table.
func (d *Decoder) readHeader() error {
	if !d.more(1) {
		return d.short(0, "empty input: no WBXML header")
	}
	v := d.buf[d.pos]
	if v > Version13 {
		return d.errAt(d.off(), ErrVersion, "version byte is not WBXML 1.0–1.3")
	}
	pid, k, err := d.readMb(1, "header public id")
	if err != nil {
		return err
	}
	var idx uint32
	idxAt := k
	if pid == PublicIDInTable {
		if idx, k, err = d.readMb(k, "header public id index"); err != nil {
			return err
		}
	}
	var cs uint32
	if v != Version10 {
		if cs, k, err = d.readMb(k, "header charset"); err != nil {
			return err
		}
	}
	lenAt := k
	n, k, err := d.readMb(k, "header string table length")
	if err != nil {
		return err
	}
	if uint64(n) > uint64(math.MaxInt-k) || !d.more(k+int(n)) {
		if d.rerr != nil && d.rerr != io.EOF {
			return d.rerr
		}
		if d.over {
			return d.short(0, "")
		}
		return &SyntaxError{
			Offset: d.off() + int64(lenAt), Err: ErrStringTable, also: ErrTruncated,
			msg: "string table length exceeds the rest of the input",
		}
	}
	tbl := d.buf[d.pos+k : d.pos+k+int(n)]
	if d.r != nil {
		d.tbl = append(d.tbl[:0], tbl...)
		tbl = d.tbl
	}
	d.hdr = Header{Version: v, PublicID: pid, PublicIDIndex: idx, Charset: cs, StringTable: tbl}
	d.width, d.tmode = nullWidth(cs), textModeOf(cs)
	if pid == PublicIDInTable {
		if _, ok := tableString(tbl, idx, d.width); !ok {
			return d.errAt(d.off()+int64(idxAt), ErrStringTable, "public id index outside the string table")
		}
	}
	d.pos += k + int(n)
	d.state = dsProlog
	return nil
}
