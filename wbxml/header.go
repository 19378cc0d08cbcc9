package wbxml

// WBXML version bytes: the major version minus one in the high nibble, the
// minor version in the low nibble.
const (
	Version10 uint8 = 0x00
	Version11 uint8 = 0x01
	Version12 uint8 = 0x02
	Version13 uint8 = 0x03
)

// Well-known public identifiers and charsets used by ActiveSync.
const (
	// PublicIDUnknown is the public id meaning "unknown or missing", the
	// one ActiveSync sends.
	PublicIDUnknown uint32 = 1

	// PublicIDInTable is the wire value announcing that the public id is a
	// string-table reference (Header.PublicIDIndex).
	PublicIDInTable uint32 = 0
)

// IANA MIBenum charset numbers that the decoder knows.
const (
	CharsetUnknown uint32 = 0    // unspecified: text is passed through as UTF-8
	CharsetASCII   uint32 = 3    // US-ASCII, converted to UTF-8
	CharsetLatin1  uint32 = 4    // ISO-8859-1, converted to UTF-8
	CharsetUTF8    uint32 = 106  // UTF-8, the ActiveSync charset
	CharsetUCS2    uint32 = 1000 // ISO-10646-UCS-2: two-byte terminators, text left raw
	CharsetUCS4    uint32 = 1001 // ISO-10646-UCS-4: four-byte terminators, text left raw
	CharsetUTF16BE uint32 = 1013
	CharsetUTF16LE uint32 = 1014
	CharsetUTF16   uint32 = 1015
	CharsetUTF32   uint32 = 1017
	CharsetUTF32BE uint32 = 1018
	CharsetUTF32LE uint32 = 1019
)

// A Header is the start of a WBXML document: version, public identifier,
// charset and string table.
//
// The zero Header is WBXML 1.0 with a public identifier in an empty string
// table, which no Encoder accepts; [DefaultHeader] is the ActiveSync one.
type Header struct {
	// Version is the version byte: 0x03 for WBXML 1.3 (see Version13).
	Version uint8

	// PublicID is the document's public identifier. When it is 0
	// (PublicIDInTable), the identifier is the string-table string at
	// PublicIDIndex.
	PublicID uint32

	// PublicIDIndex is the string-table offset of the public identifier
	// when PublicID is 0.
	PublicIDIndex uint32

	// Charset is the IANA MIBenum of the document's character encoding
	// (106 = UTF-8). WBXML 1.0 has no charset field; its documents report 0.
	Charset uint32

	// StringTable is the string table (often empty). A decoder's header
	// refers to the input (or, for an io.Reader, to a buffer the decoder
	// reuses after Reset).
	StringTable []byte
}

// DefaultHeader returns the canonical ActiveSync header: version 1.3,
// public id 1 (unknown), charset 106 (UTF-8) and an empty string table,
// encoded as 03 01 6A 00.
func DefaultHeader() Header {
	return Header{Version: Version13, PublicID: PublicIDUnknown, Charset: CharsetUTF8}
}

// PublicIDString returns the public identifier held in the string table,
// or nil when PublicID is not 0 or the index is out of range.
func (h *Header) PublicIDString() []byte {
	if h.PublicID != PublicIDInTable {
		return nil
	}
	s, ok := tableString(h.StringTable, h.PublicIDIndex, nullWidth(h.Charset))
	if !ok {
		return nil
	}
	return s
}

// TableString returns the string at offset off in the string table,
// without its terminator, and whether there is a terminated string there.
func (h *Header) TableString(off uint32) ([]byte, bool) {
	return tableString(h.StringTable, off, nullWidth(h.Charset))
}

// AppendHeader appends the encoding of h to dst.
func AppendHeader(dst []byte, h *Header) []byte {
	dst = append(dst, h.Version)
	dst = AppendMbUint32(dst, h.PublicID)
	if h.PublicID == PublicIDInTable {
		dst = AppendMbUint32(dst, h.PublicIDIndex)
	}
	if h.Version != Version10 {
		dst = AppendMbUint32(dst, h.Charset)
	}
	dst = AppendMbUint32(dst, uint32(len(h.StringTable)))
	return append(dst, h.StringTable...)
}

// validate checks the parts of h that an encoder relies on.
func (h *Header) validate() (msg string, err error) {
	if h.Version > Version13 {
		return "version byte above 1.3", ErrVersion
	}
	if uint64(len(h.StringTable)) > 0xFFFFFFFF {
		return "string table longer than 2^32-1 bytes", ErrStringTable
	}
	if h.PublicID == PublicIDInTable {
		if _, ok := h.TableString(h.PublicIDIndex); !ok {
			return "public id index outside the string table", ErrStringTable
		}
	}
	return "", nil
}

// nullWidth returns the width in bytes of a string terminator in charset:
// 2 for UCS-2 and UTF-16, 4 for UCS-4 and UTF-32, else 1.
func nullWidth(charset uint32) int {
	switch charset {
	case CharsetUCS2, CharsetUTF16BE, CharsetUTF16LE, CharsetUTF16:
		return 2
	case CharsetUCS4, CharsetUTF32, CharsetUTF32BE, CharsetUTF32LE:
		return 4
	}
	return 1
}

// tableString returns the terminated string at off in tbl.
func tableString(tbl []byte, off uint32, width int) ([]byte, bool) {
	if uint64(off) >= uint64(len(tbl)) {
		return nil, false
	}
	s := tbl[off:]
	i := indexNull(s, width)
	if i < 0 {
		return nil, false
	}
	return s[:i], true
}
