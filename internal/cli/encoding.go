package cli

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// XMLToUTF8 returns src as UTF-8 when it is XML in UTF-16, which every XML
// processor must read (XML 1.0 section 4.3.3) and which Windows tools write
// (PowerShell's Out-File, Notepad's "Unicode"): recognised by a byte order
// mark, or without one by "<?" in UTF-16 (XML 1.0 appendix F). The byte
// order mark is dropped and the encoding declaration is rewritten to
// "UTF-8", padded with spaces after the closing quote so that lines and
// columns stay where they were. XML declared ISO-8859-1 or US-ASCII is
// converted too (see fromDeclared). Any other input is returned unchanged;
// src itself is never written to.
//
// The error names the byte offset of a truncated code unit or an unpaired
// surrogate.
func XMLToUTF8(src []byte) ([]byte, error) {
	bigEndian, start, ok := utf16Start(src)
	if !ok {
		if out, ok, err := fromDeclared(src); ok || err != nil {
			return out, err
		}
		return src, nil
	}
	out, err := decodeUTF16(src, start, bigEndian)
	if err != nil {
		return nil, err
	}
	return declareUTF8(out), nil
}

// TextToUTF8 returns src as UTF-8 when it starts with a UTF-16 byte order
// mark, which no WBXML body does (its first byte is a version, 0 to 3): a
// hex dump, base64 text or HAR file that a Windows editor saved as
// "Unicode". Any other input is returned unchanged. The error names the
// byte offset of a truncated code unit or an unpaired surrogate.
func TextToUTF8(src []byte) ([]byte, error) {
	switch {
	case bytes.HasPrefix(src, []byte{0xFE, 0xFF}):
		return decodeUTF16(src, 2, true)
	case bytes.HasPrefix(src, []byte{0xFF, 0xFE}):
		return decodeUTF16(src, 2, false)
	}
	return src, nil
}

// decodeUTF16 converts src[start:], UTF-16 in the given byte order, to
// UTF-8.
func decodeUTF16(src []byte, start int, bigEndian bool) ([]byte, error) {
	if (len(src)-start)%2 != 0 {
		return nil, fmt.Errorf("UTF-16 input: offset %d: input ends inside a code unit", len(src)-1)
	}
	out := make([]byte, 0, len(src)-start)
	unit := func(i int) uint16 {
		if bigEndian {
			return uint16(src[i])<<8 | uint16(src[i+1])
		}
		return uint16(src[i+1])<<8 | uint16(src[i])
	}
	for i := start; i < len(src); i += 2 {
		u := unit(i)
		r := rune(u)
		switch {
		case utf16.IsSurrogate(r) && u < 0xDC00 && i+3 < len(src):
			r = utf16.DecodeRune(r, rune(unit(i+2)))
			if r == utf8.RuneError {
				return nil, fmt.Errorf("UTF-16 input: offset %d: unpaired surrogate 0x%04X", i, u)
			}
			i += 2
		case utf16.IsSurrogate(r):
			return nil, fmt.Errorf("UTF-16 input: offset %d: unpaired surrogate 0x%04X", i, u)
		}
		out = utf8.AppendRune(out, r)
	}
	return out, nil
}

// utf16Start reports whether src is UTF-16 and where its text starts.
func utf16Start(src []byte) (bigEndian bool, start int, ok bool) {
	switch {
	case bytes.HasPrefix(src, []byte{0xFE, 0xFF}):
		return true, 2, true
	case bytes.HasPrefix(src, []byte{0xFF, 0xFE}):
		return false, 2, true
	case bytes.HasPrefix(src, []byte{0x00, '<', 0x00, '?'}):
		return true, 0, true
	case bytes.HasPrefix(src, []byte{'<', 0x00, '?', 0x00}):
		return false, 0, true
	}
	return false, 0, false
}

// encodingDecl finds the value of the encoding declaration of an XML
// declaration at the start of doc: it starts at v and is k bytes long,
// between quotes q.
func encodingDecl(doc []byte) (v, k int, q byte, ok bool) {
	if !bytes.HasPrefix(doc, []byte("<?xml")) {
		return 0, 0, 0, false
	}
	end := bytes.Index(doc, []byte("?>"))
	if end < 0 {
		return 0, 0, 0, false
	}
	decl := doc[:end]
	i := bytes.Index(decl, []byte("encoding"))
	if i < 0 {
		return 0, 0, 0, false
	}
	j := i + len("encoding")
	for j < end && (decl[j] == ' ' || decl[j] == '\t' || decl[j] == '\r' || decl[j] == '\n' || decl[j] == '=') {
		j++
	}
	if j == end || decl[j] != '"' && decl[j] != '\'' {
		return 0, 0, 0, false
	}
	q = decl[j]
	k = bytes.IndexByte(decl[j+1:], q)
	if k < len("UTF-8") {
		return 0, 0, 0, false
	}
	return j + 1, k, q, true
}

// declareUTF8 rewrites the value of the encoding declaration of an XML
// declaration at the start of doc, when it names UTF-16, to UTF-8.
func declareUTF8(doc []byte) []byte {
	v, k, q, ok := encodingDecl(doc)
	if !ok {
		return doc
	}
	value := doc[v : v+k]
	if !bytes.HasPrefix(bytes.ToUpper(value), []byte("UTF-16")) && !bytes.EqualFold(value, []byte("UTF16")) {
		return doc
	}
	rewriteUTF8(doc, v, k, q)
	return doc
}

// rewriteUTF8 writes "UTF-8" over the k-byte encoding name at v, then the
// quote q, then blanks for the bytes saved, so that nothing after it moves.
func rewriteUTF8(doc []byte, v, k int, q byte) {
	copy(doc[v:], "UTF-8")
	doc[v+len("UTF-8")] = q
	for p := v + len("UTF-8") + 1; p <= v+k; p++ {
		doc[p] = ' '
	}
}

// fromDeclared returns a copy of src in UTF-8 when its XML declaration
// names ISO-8859-1 (each byte is the code point of its value, as expat reads
// it) or US-ASCII (checked), the encodings besides UTF-8 and UTF-16 that
// expat, and so libwbxml's xml2wbxml, reads. ok is false for anything else.
func fromDeclared(src []byte) (out []byte, ok bool, err error) {
	v, k, q, found := encodingDecl(src)
	if !found {
		return nil, false, nil
	}
	switch strings.ToUpper(string(src[v : v+k])) {
	case "ISO-8859-1", "ISO_8859-1", "LATIN1", "L1", "ISO8859-1":
		out = make([]byte, 0, len(src)+len(src)/8)
		for _, c := range src {
			out = utf8.AppendRune(out, rune(c))
		}
	case "US-ASCII", "ASCII":
		for i, c := range src {
			if c >= 0x80 {
				return nil, false, fmt.Errorf("US-ASCII input: offset %d: byte 0x%02X is not ASCII", i, c)
			}
		}
		out = bytes.Clone(src)
	default:
		return nil, false, nil
	}
	rewriteUTF8(out, v, k, q)
	return out, true, nil
}
