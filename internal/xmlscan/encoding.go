package xmlscan

import "strconv"

// Encoding is a character encoding of XML input. The Scanner reads UTF-8
// only; documents in the other encodings are transcoded to UTF-8 first
// ([AppendUTF8]), and the Scanner is told what they were transcoded from
// ([Scanner.ResetFrom]) so that it accepts the XML declaration that names
// the original encoding.
type Encoding uint8

// The encodings easkit reads.
const (
	// UTF8 is UTF-8, and also US-ASCII: a document whose declaration names
	// US-ASCII is read as UTF-8 and must hold no byte of 0x80 or more.
	UTF8 Encoding = iota
	// UTF16LE and UTF16BE are UTF-16 in either byte order, with or
	// without a byte order mark; a declaration names them "UTF-16" (or
	// "UTF-16LE", "UTF-16BE", "ISO-10646-UCS-2", "UCS-2").
	UTF16LE
	UTF16BE
	// UTF32LE and UTF32BE are UTF-32 in either byte order, with or
	// without a byte order mark; a declaration names them "UTF-32" (or
	// "UTF-32LE", "UTF-32BE", "ISO-10646-UCS-4", "UCS-4").
	UTF32LE
	UTF32BE
	// Latin1 is ISO-8859-1: each byte is the character of that number. A
	// declaration names it "ISO-8859-1" or one of its IANA aliases
	// ("ISO_8859-1", "latin1", "l1", "IBM819", "CP819", "iso-ir-100",
	// "csISOLatin1", "ISO_8859-1:1987").
	Latin1
	// Windows1252 is Windows code page 1252: ISO-8859-1 with printable
	// characters (€, ‘, ’, “, ”, …) in place of the C1 controls 0x80–0x9F,
	// of which 0x81, 0x8D, 0x8F, 0x90 and 0x9D are undefined. A declaration
	// names it "windows-1252" (or "cp1252", "cswindows1252").
	Windows1252
)

// String returns the encoding's IANA name, with the byte order: "UTF-8",
// "UTF-16LE", "ISO-8859-1", "windows-1252"...
func (e Encoding) String() string {
	switch e {
	case UTF8:
		return "UTF-8"
	case UTF16LE:
		return "UTF-16LE"
	case UTF16BE:
		return "UTF-16BE"
	case UTF32LE:
		return "UTF-32LE"
	case UTF32BE:
		return "UTF-32BE"
	case Latin1:
		return "ISO-8859-1"
	case Windows1252:
		return "windows-1252"
	}
	return "Encoding(" + strconv.Itoa(int(e)) + ")"
}

// unitSize returns the number of bytes per code unit.
func (e Encoding) unitSize() int {
	switch e {
	case UTF16LE, UTF16BE:
		return 2
	case UTF32LE, UTF32BE:
		return 4
	}
	return 1
}

// declName is what an encoding name in an XML declaration means.
type declName uint8

const (
	declUnknown declName = iota
	declUTF8
	declASCII
	declUTF16 // either byte order
	declUTF16LE
	declUTF16BE
	declUTF32 // either byte order
	declUTF32LE
	declUTF32BE
	declLatin1
	declWindows1252
)

// encodingNames are the names, compared without regard to case, that an
// XML declaration may give the encodings easkit reads: the IANA charset
// names and aliases, and the spellings tools commonly write.
var encodingNames = [...]struct {
	name string
	kind declName
}{
	{"UTF-8", declUTF8}, {"UTF8", declUTF8}, {"csUTF8", declUTF8},
	{"US-ASCII", declASCII}, {"ASCII", declASCII}, {"us", declASCII}, {"ANSI_X3.4-1968", declASCII},
	{"ANSI_X3.4-1986", declASCII}, {"ISO646-US", declASCII}, {"ISO_646.irv:1991", declASCII},
	{"iso-ir-6", declASCII}, {"IBM367", declASCII}, {"cp367", declASCII}, {"csASCII", declASCII},
	{"UTF-16", declUTF16}, {"UTF16", declUTF16}, {"csUTF16", declUTF16}, {"ISO-10646-UCS-2", declUTF16},
	{"UCS-2", declUTF16}, {"csUnicode", declUTF16},
	{"UTF-16LE", declUTF16LE}, {"csUTF16LE", declUTF16LE}, {"UTF-16BE", declUTF16BE}, {"csUTF16BE", declUTF16BE},
	{"UTF-32", declUTF32}, {"UTF32", declUTF32}, {"csUTF32", declUTF32}, {"ISO-10646-UCS-4", declUTF32},
	{"UCS-4", declUTF32}, {"csUCS4", declUTF32},
	{"UTF-32LE", declUTF32LE}, {"csUTF32LE", declUTF32LE}, {"UTF-32BE", declUTF32BE}, {"csUTF32BE", declUTF32BE},
	{"ISO-8859-1", declLatin1}, {"ISO_8859-1", declLatin1}, {"ISO_8859-1:1987", declLatin1}, {"ISO8859-1", declLatin1},
	{"ISO8859_1", declLatin1}, {"latin1", declLatin1}, {"latin-1", declLatin1}, {"l1", declLatin1},
	{"iso-ir-100", declLatin1}, {"IBM819", declLatin1}, {"CP819", declLatin1}, {"csISOLatin1", declLatin1},
	{"windows-1252", declWindows1252}, {"cp1252", declWindows1252}, {"cswindows1252", declWindows1252},
	{"x-cp1252", declWindows1252}, {"windows1252", declWindows1252},
}

// lookupEncoding returns what the encoding name v means.
func lookupEncoding(v []byte) declName {
	for i := range encodingNames {
		if equalFoldASCII(v, encodingNames[i].name) {
			return encodingNames[i].kind
		}
	}
	return declUnknown
}

// accepts reports whether a document transcoded from e may declare name
// kind k.
func (e Encoding) accepts(k declName) bool {
	switch e {
	case UTF8:
		return k == declUTF8 || k == declASCII
	case UTF16LE:
		return k == declUTF16 || k == declUTF16LE
	case UTF16BE:
		return k == declUTF16 || k == declUTF16BE
	case UTF32LE:
		return k == declUTF32 || k == declUTF32LE
	case UTF32BE:
		return k == declUTF32 || k == declUTF32BE
	case Latin1:
		return k == declLatin1
	case Windows1252:
		return k == declWindows1252
	}
	return false
}

// equalFoldASCII reports whether b equals s, ASCII letters compared
// without regard to case.
func equalFoldASCII(b []byte, s string) bool {
	if len(b) != len(s) {
		return false
	}
	for i := range len(b) {
		c, d := b[i], s[i]
		if c|0x20 != d|0x20 || c != d && (c|0x20 < 'a' || c|0x20 > 'z') {
			return false
		}
	}
	return true
}

// Detect returns the encoding of the XML document doc and the length of
// its byte order mark, as XML 1.0 appendix F finds them: from a byte order
// mark; without one, from the bytes of its first characters (UTF-16 and
// UTF-32 put zero bytes beside the '<' of "<?xml" or of the root element);
// and in an ASCII-compatible document, from the encoding its XML
// declaration names, when that is ISO-8859-1 or windows-1252 (or one of
// their aliases). Everything else is [UTF8], with bom 0 (a UTF-8 byte
// order mark is left to the Scanner), for the Scanner to check: it rejects
// a declaration naming an encoding the document is not in.
//
// Detect looks at the first four bytes and, in an ASCII-compatible
// document that starts with one, the XML declaration: never further. It
// returns an error (wrapping [ErrUnsupportedEncoding], at offset 0) for
// the patterns of encodings easkit does not read: EBCDIC and UCS-4 in the
// unusual octet orders 2143 and 3412.
func Detect(doc []byte) (enc Encoding, bom int, err error) {
	var b [4]byte
	copy(b[:], doc)
	four := len(doc) >= 4
	switch {
	case four && b == [4]byte{0xFF, 0xFE, 0, 0}:
		return UTF32LE, 4, nil
	case four && b == [4]byte{0, 0, 0xFE, 0xFF}:
		return UTF32BE, 4, nil
	case four && (b == [4]byte{0, 0, 0xFF, 0xFE} || b == [4]byte{0xFE, 0xFF, 0, 0} ||
		b == [4]byte{0, 0, '<', 0} || b == [4]byte{0, '<', 0, 0}):
		return UTF8, 0, unsupported("UCS-4 in an unusual byte order (2143 or 3412)")
	case four && b == [4]byte{0x4C, 0x6F, 0xA7, 0x94}:
		return UTF8, 0, unsupported("EBCDIC")
	case len(doc) >= 2 && b[0] == 0xFF && b[1] == 0xFE:
		return UTF16LE, 2, nil
	case len(doc) >= 2 && b[0] == 0xFE && b[1] == 0xFF:
		return UTF16BE, 2, nil
	case four && b[0] != 0 && b[1] == 0 && b[2] == 0 && b[3] == 0:
		return UTF32LE, 0, nil
	case four && b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] != 0:
		return UTF32BE, 0, nil
	case len(doc) >= 2 && b[0] != 0 && b[1] == 0:
		// '<' 00 '?' 00, or any character below U+0100 first: a zero
		// byte cannot start a UTF-8 XML document.
		return UTF16LE, 0, nil
	case len(doc) >= 2 && b[0] == 0 && b[1] != 0:
		return UTF16BE, 0, nil
	}
	if hasPrefix(doc, 0, "<?xml") {
		if vs, ve := declEncoding(doc); ve > vs {
			switch lookupEncoding(doc[vs:ve]) {
			case declLatin1:
				return Latin1, 0, nil
			case declWindows1252:
				return Windows1252, 0, nil
			}
		}
	}
	return UTF8, 0, nil
}

func unsupported(what string) error {
	return &SyntaxError{Line: 1, Column: 1, Err: ErrUnsupportedEncoding,
		Msg: "the document is in " + what + ": easkit reads UTF-8, UTF-16, UTF-32, ISO-8859-1, windows-1252 and US-ASCII"}
}

// declEncoding returns the bounds of the encoding name in the XML
// declaration at the start of doc, or two equal offsets when there is
// none or the declaration is malformed (which the Scanner reports).
func declEncoding(doc []byte) (vs, ve int) {
	i := len("<?xml")
	j := skipSpace(doc, i)
	if j == i || !hasPrefix(doc, j, "version") {
		return 0, 0
	}
	_, _, i = declAttr(doc, j+len("version"))
	if i < 0 {
		return 0, 0
	}
	j = skipSpace(doc, i)
	if j == i || !hasPrefix(doc, j, "encoding") {
		return 0, 0
	}
	vs, ve, i = declAttr(doc, j+len("encoding"))
	if i < 0 {
		return 0, 0
	}
	return vs, ve
}

// declAttr reads Eq and a quoted ASCII value at doc[i:], returning its
// bounds and the offset after the closing quote, or next < 0.
func declAttr(doc []byte, i int) (vs, ve, next int) {
	i = skipSpace(doc, i)
	if i >= len(doc) || doc[i] != '=' {
		return 0, 0, -1
	}
	i = skipSpace(doc, i+1)
	if i >= len(doc) || doc[i] != '"' && doc[i] != '\'' {
		return 0, 0, -1
	}
	q := doc[i]
	const maxValue = 64
	for j := i + 1; j < len(doc) && j <= i+maxValue; j++ {
		switch c := doc[j]; {
		case c == q:
			return i + 1, j, j + 1
		case c < 0x21 || c >= 0x80 || c == '<' || c == '>':
			return 0, 0, -1
		}
	}
	return 0, 0, -1
}
