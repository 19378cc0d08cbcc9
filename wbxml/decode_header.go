package wbxml

import "io"

// readHeader reads version, public id, charset and string table with
// scanHeader, reading from the io.Reader until the header is complete.
func (d *Decoder) readHeader() error {
	for {
		s := scanHeader(d.buf[d.pos:])
		switch s.fault {
		case hfNone:
			tbl := s.hdr.StringTable
			if d.r != nil {
				d.tbl = append(d.tbl[:0], tbl...)
				s.hdr.StringTable = d.tbl
			}
			d.hdr = s.hdr
			d.width, d.tmode = nullWidth(s.hdr.Charset), textModeOf(s.hdr.Charset)
			d.fast = d.fastReady()
			d.pos += s.n
			d.state = dsProlog
			return nil
		case hfShort:
			if d.more(s.need) {
				continue
			}
			switch s.field {
			case "":
				return d.short(0, "empty input: no WBXML header")
			case fieldTable:
				return d.tableTooLong(s.at)
			}
			return d.short(d.off(), "input ends inside "+s.field)
		case hfVersion:
			return d.errAt(d.off(), ErrVersion, "version byte is not WBXML 1.0–1.3")
		case hfMbUint32:
			return d.errAt(d.off()+int64(s.at), ErrMbUint32, s.field+": mb_u_int32 longer than 5 bytes or above 2^32-1")
		case hfTable:
			return d.tableTooLong(s.at)
		default: // hfPublicID
			return d.errAt(d.off()+int64(s.at), ErrStringTable, "public id index outside the string table")
		}
	}
}

// tableTooLong returns the error for a string table longer than the
// input, whose length field is at header offset at.
func (d *Decoder) tableTooLong(at int) error {
	if d.rerr != nil && d.rerr != io.EOF {
		return d.rerr
	}
	if d.over {
		return d.short(0, "")
	}
	return &SyntaxError{
		Offset: d.off() + int64(at), Err: ErrStringTable, also: ErrTruncated,
		msg: "string table length exceeds the rest of the input",
	}
}
