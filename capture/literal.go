package capture

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/easkit/easkit/wbxml"
)

// Byte lists of numbers as source code and debuggers print them: Go's fmt
// of a []byte ("[3 1 106 0]"), Go, C, Java, C#, Kotlin and Scala literals
// ("[]byte{3, 1, 106}", "new byte[] { 3, 1, -61 }", "Array(3, 1, 106)"),
// Python and JSON lists ("[3, 1, 106]", "bytes([3, 1, 106])"). Numbers are
// separated by commas or blanks and may be negative (Java's signed bytes,
// -128 to -1 for 0x80 to 0xFF); a 0x prefix makes a number hexadecimal.
//
// Whether the numbers without 0x are decimal or hexadecimal is decided for
// the whole literal, never byte by byte: hex letters (6a) make it hex, a
// sign or three digits (106) decimal; when both readings are possible and
// give different bytes, two-digit numbers with leading zeros ("03 01 10")
// make it hex (decimal printers write no leading zeros), and otherwise the
// reading that is one complete WBXML document wins; when neither or both
// are, the literal is ambiguous, an ErrSyntax error that names both
// readings.

// numberListStart reports whether a byte list of numbers starts at q: an
// opening '[', '{' or '(' (after at most a short declaration on the first
// line: "var b = []byte", "new byte[]", "Array", "bytes(") followed by a
// number without 0x, or a negative one. It returns the offset of the
// opening bracket.
func numberListStart(data []byte, q int) (int, bool) {
	end, _ := lineEnd(data, q)
	end = min(end, q+128)
	for i := q; i < end; i++ {
		c := data[i]
		switch {
		case c == '[' && i > q && isIdentByte(data[i-1]):
			// An index or an array size: "req[13]".
		case c == '[' || c == '{' || c == '(':
			if numberAt(data, skipOpeners(data, i)) && literalPrefix(data[q:i]) {
				return i, true
			}
		case c == ' ' && i+1 < end && isBlank(data[i+1]):
			return 0, false
		case !isDeclByte(c) && c != '.':
			return 0, false
		}
	}
	return 0, false
}

// literalPrefix reports whether the text before a list's opening bracket
// makes it a literal: nothing, an assignment ("b = …"), "new byte[] ", or
// a name or "[]type" right before the bracket ("Array(", "[]byte{"), so
// that a bracketed number in a log line ("d t [1] …") is not taken for one.
func literalPrefix(p []byte) bool {
	if len(p) == 0 || bytes.IndexByte(p, '=') >= 0 || bytes.HasPrefix(p, []byte("new ")) {
		return true
	}
	c := p[len(p)-1]
	return isIdentByte(c) || c == ']'
}

func isIdentByte(c byte) bool { return isLetter(c) || '0' <= c && c <= '9' || c == '_' }

// skipOpeners skips the bracket at i, white space and further opening
// brackets ("bytes([", "Array[Byte](").
func skipOpeners(data []byte, i int) int {
	i++
	for i < len(data) && (isSpace(data[i]) || data[i] == '[' || data[i] == '(') {
		i++
	}
	return i
}

// numberAt reports whether a number without 0x, or a negative number,
// starts at p and is followed by a separator or a closing bracket.
func numberAt(data []byte, p int) bool {
	if p < len(data) && data[p] == '-' {
		p++
	}
	i := p
	for i < len(data) && isHexDigit(data[i]) && i < p+4 {
		i++
	}
	if i == p || p+1 < len(data) && data[p] == '0' && (data[p+1] == 'x' || data[p+1] == 'X') {
		return false
	}
	return i == len(data) || isSpace(data[i]) || strings.IndexByte(",]})", data[i]) >= 0
}

// numTok is one number of a list: its text, and whether it had 0x.
type numTok struct {
	s, e int
	hex  bool // 0x prefix (s is after it)
}

// parseNumberLists reads the byte lists from the opening bracket at open:
// each list is one body; text between lists is ignored.
func parseNumberLists(data []byte, open int) ([]bareBody, error) {
	var bodies []bareBody
	for p := open; p < len(data); {
		body, next, err := parseNumberList(data, p)
		if err != nil {
			return nil, err
		}
		bodies = append(bodies, bareBody{off: p, body: body})
		if at := afterList(data, next); at >= 0 {
			return nil, textError(data, FormHex, 0, at, detail(ErrSyntax, "text after the byte list"))
		}
		p = nextNumberList(data, next)
	}
	return bodies, nil
}

// afterList returns the offset of the first byte after a list, on its
// line, that is not a blank, a comment, ';', ',', ')' or '}', or -1.
func afterList(data []byte, p int) int {
	end, _ := lineEnd(data, p)
	for p < end {
		c := data[p]
		switch {
		case isSpace(c) || strings.IndexByte(";,)}", c) >= 0:
			p++
		case c == '/' && p+1 < len(data) && (data[p+1] == '/' || data[p+1] == '*'):
			return -1
		default:
			return p
		}
	}
	return -1
}

// nextNumberList returns the offset of the next opening bracket followed by
// a number (with or without 0x) at or after p, or len(data).
func nextNumberList(data []byte, p int) int {
	for ; p < len(data); p++ {
		if c := data[p]; (c == '[' || c == '{' || c == '(') && !(c == '[' && p > 0 && isIdentByte(data[p-1])) && (numberAt(data, skipOpeners(data, p)) || isHexByteToken(data, skipOpeners(data, p))) {
			return p
		}
	}
	return len(data)
}

// parseNumberList reads one list from its opening bracket at open and
// returns its bytes and the offset after its closing bracket.
func parseNumberList(data []byte, open int) ([]byte, int, error) {
	closer := map[byte]byte{'[': ']', '{': '}', '(': ')'}
	var stack []byte
	for i := open; i < skipOpeners(data, open); i++ {
		if c, ok := closer[data[i]]; ok {
			stack = append(stack, c)
		}
	}
	var toks []numTok
	p := skipOpeners(data, open)
	for {
		p = skipSpaceComments(data, p)
		if p == len(data) {
			return nil, p, textError(data, FormHex, 0, open, detail(ErrTruncated, "byte list with no closing "+strconv.QuoteRune(rune(stack[len(stack)-1]))))
		}
		c := data[p]
		if c == ',' {
			p++
			continue
		}
		if c == stack[len(stack)-1] {
			stack = stack[:len(stack)-1]
			p++
			if len(stack) == 0 {
				break
			}
			continue
		}
		t := numTok{s: p}
		if c == '0' && p+1 < len(data) && (data[p+1] == 'x' || data[p+1] == 'X') {
			t.hex = true
			p += 2
			t.s = p
		} else if c == '-' {
			p++
		}
		for p < len(data) && isHexDigit(data[p]) {
			p++
		}
		t.e = p
		if t.e == t.s || t.e-t.s > 4 || p < len(data) && !isSpace(data[p]) && strings.IndexByte(",]})/", data[p]) < 0 {
			return nil, p, textError(data, FormHex, 0, t.s, detail(ErrSyntax, "expected a byte such as 106 or 0x6a in the list"))
		}
		toks = append(toks, t)
	}
	body, err := readNumbers(data, toks)
	return body, p, err
}

// readNumbers decides how the numbers without 0x read (see above) and
// returns the bytes.
func readNumbers(data []byte, toks []numTok) ([]byte, error) {
	hexOK, decOK, padded := true, true, false
	var hexWhy, decWhy int = -1, -1 // a token that rules the reading out
	for _, t := range toks {
		if t.hex {
			continue
		}
		s := string(data[t.s:t.e])
		if n := len(s); n > 2 || s[0] == '-' {
			if hexWhy < 0 {
				hexWhy = t.s
			}
			hexOK = false
		} else if n == 2 && s[0] == '0' {
			padded = true
		}
		if v, err := strconv.Atoi(s); err != nil || v < -128 || v > 255 {
			if decWhy < 0 {
				decWhy = t.s
			}
			decOK = false
		}
	}
	read := func(radix int) []byte {
		out := make([]byte, 0, len(toks))
		for _, t := range toks {
			r := radix
			if t.hex {
				r = 16
			}
			v, _ := strconv.ParseInt(string(data[t.s:t.e]), r, 32)
			out = append(out, byte(v))
		}
		return out
	}
	switch {
	case hexOK && decOK:
		h, d := read(16), read(10)
		switch {
		case bytes.Equal(h, d), padded:
			return h, nil
		case wbxml.Valid(d) && !wbxml.Valid(h):
			return d, nil
		case wbxml.Valid(h) && !wbxml.Valid(d):
			return h, nil
		}
		return nil, textError(data, FormHex, 0, toks[0].s, detail(ErrSyntax,
			"byte list is ambiguous: read as decimal it is "+hexPreview(d)+", read as hex "+hexPreview(h)+
				"; write the bytes with 0x, or as a dump"))
	case decOK:
		return read(10), nil
	case hexOK:
		return read(16), nil
	}
	if hexWhy == decWhy {
		return nil, textError(data, FormHex, 0, decWhy, detail(ErrSyntax, "number out of the range of a byte"))
	}
	return nil, textError(data, FormHex, 0, max(hexWhy, decWhy), detail(ErrSyntax,
		"byte list mixes "+strconv.Quote(string(data[toks[idx(toks, hexWhy)].s:toks[idx(toks, hexWhy)].e]))+
			" (decimal only) and "+strconv.Quote(string(data[toks[idx(toks, decWhy)].s:toks[idx(toks, decWhy)].e]))+
			" (hex only)"))
}

// idx returns the index of the token that starts at s.
func idx(toks []numTok, s int) int {
	for i, t := range toks {
		if t.s == s {
			return i
		}
	}
	return 0
}

// hexPreview formats the first bytes of b as hex for an error message.
func hexPreview(b []byte) string {
	var sb strings.Builder
	for i, c := range b {
		if i == 8 {
			sb.WriteString(" …")
			break
		}
		if i > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString(strconv.FormatUint(uint64(c)|0x100, 16)[1:])
	}
	return sb.String()
}

// pyBytesCall reports whether a Python call around a bytes literal starts
// at q ("bytearray(b'…')", "bytes(b'…')", as repr prints a bytearray) and
// returns the offset of the literal.
func pyBytesCall(data []byte, q int) (int, bool) {
	for _, name := range [...]string{"bytearray(", "bytes("} {
		if bytes.HasPrefix(data[q:], []byte(name)) {
			s := skipSpace(data, q+len(name))
			if isQuotedStart(data, s) {
				return s, true
			}
		}
	}
	return 0, false
}
