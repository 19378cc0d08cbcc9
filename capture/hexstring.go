package capture

import (
	"bytes"
	"strconv"
)

// String literals of bytes, as programs and tools print them: C (Wireshark's
// "Copy as C String": "\003\001j\000"), Go ("\x03\x01j\x00") and Python
// (b'\x03\x01j\x00'). Adjacent literals, on one line or several, joined by
// white space or '+', are concatenated into one body.

// isQuotedStart reports whether a string literal starts at p.
func isQuotedStart(data []byte, p int) bool {
	if p < len(data) && (data[p] == 'b' || data[p] == 'B') {
		p++
	}
	return p < len(data) && (data[p] == '"' || data[p] == '\'')
}

// quotedAfterDecl reports whether the first line at q is a declaration
// whose value is a string literal ("String hex = \"03016a…\"", "var b =
// b'\x03…'") and returns where the literal starts.
func quotedAfterDecl(data []byte, q int) (int, bool) {
	end, _ := lineEnd(data, q)
	eq := false
	for i := q; i < end && i < q+128; i++ {
		c := data[i]
		switch {
		case c == '=':
			eq = true
		case eq && isQuotedStart(data, i) && (i == q || isBlank(data[i-1]) || data[i-1] == '='):
			return i, true
		case !isDeclByte(c):
			return 0, false
		}
	}
	return 0, false
}

// parseQuoted reads string literals from q.
func parseQuoted(data []byte, q int) ([]bareBody, error) {
	var out []byte
	p := q
	for {
		p = skipSpace(data, p)
		if p == len(data) {
			break
		}
		if data[p] == '+' {
			p++
			continue
		}
		if data[p] == ';' || data[p] == ',' || data[p] == ')' {
			// The end of a statement or argument: ignore the rest of the line.
			_, p = lineEnd(data, p)
			continue
		}
		if !isQuotedStart(data, p) {
			return nil, textError(data, FormHex, 0, p, detail(ErrSyntax, "expected a string literal, found "+quoteByte(data[p])))
		}
		if data[p] == 'b' || data[p] == 'B' {
			p++
		}
		var err error
		out, p, err = appendLiteral(out, data, p)
		if err != nil {
			return nil, err
		}
	}
	if out == nil {
		out = []byte{}
	}
	if bytes.IndexByte(data[q:p], '\\') < 0 && isHexText(out) {
		// "03016a00" + "…": hex digits in quotes, as Java and JavaScript
		// sources carry a body. No WBXML body is made of hex digits only
		// (its first byte would be '0' to '9' or a letter, never a version
		// byte), so the digits are the bytes' hex.
		var err error
		if out, err = decodeHexText(out); err != nil {
			return nil, textError(data, FormHex, 0, q, err)
		}
	}
	return []bareBody{{off: q, body: out}}, nil
}

// isHexText reports whether b holds hex digits, and possibly blanks, and
// at least two digits.
func isHexText(b []byte) bool {
	n := 0
	for _, c := range b {
		switch {
		case isHexDigit(c):
			n++
		case !isBlank(c):
			return false
		}
	}
	return n >= 2
}

// decodeHexText decodes hex digits separated by blanks into bytes; each
// blank-separated group must have an even number of digits.
func decodeHexText(b []byte) ([]byte, error) {
	out := make([]byte, 0, len(b)/2)
	for f := range bytes.FieldsSeq(b) {
		if len(f)%2 != 0 {
			return nil, detail(ErrTruncated, "odd number of hex digits in the quoted hex string")
		}
		out = appendHexToken(out, f)
	}
	return out, nil
}

// appendLiteral decodes the literal whose opening quote is at p.
func appendLiteral(out, data []byte, p int) ([]byte, int, error) {
	quote := data[p]
	for i := p + 1; i < len(data); {
		c := data[i]
		switch {
		case c == quote:
			return out, i + 1, nil
		case c == '\n':
			return nil, i, textError(data, FormHex, 0, i, detail(ErrSyntax, "line break inside a string literal"))
		case c != '\\':
			out = append(out, c)
			i++
			continue
		}
		if i+1 >= len(data) {
			break
		}
		b, next, err := decodeEscape(data, i)
		if err != nil {
			return nil, i, err
		}
		out = append(out, b)
		i = next
	}
	return nil, len(data), textError(data, FormHex, 0, p, detail(ErrTruncated, "unterminated string literal"))
}

// decodeEscape decodes the escape sequence whose backslash is at i (a byte
// follows it) and returns the byte and the offset after the sequence.
func decodeEscape(data []byte, i int) (byte, int, error) {
	e := data[i+1]
	if c, ok := controlEscape(e); ok {
		return c, i + 2, nil
	}
	switch e {
	case 'a':
		return '\a', i + 2, nil
	case 'v':
		return '\v', i + 2, nil
	case '\\', '\'', '"', '?':
		return e, i + 2, nil
	case 'x':
		j := i + 2
		v := 0
		for j < len(data) && j < i+4 && isHexDigit(data[j]) {
			v = v<<4 | unhex(data[j])
			j++
		}
		if j == i+2 {
			return 0, i, textError(data, FormHex, 0, i, detail(ErrSyntax, `\x with no hex digits`))
		}
		return byte(v), j, nil
	}
	if '0' <= e && e <= '7' {
		j := i + 1
		v := 0
		for j < len(data) && j < i+4 && '0' <= data[j] && data[j] <= '7' {
			v = v<<3 | int(data[j]-'0')
			j++
		}
		if v > 0xFF {
			return 0, i, textError(data, FormHex, 0, i, detail(ErrSyntax, "octal escape \\"+strconv.Itoa(v)+" is above 0377"))
		}
		return byte(v), j, nil
	}
	return 0, i, textError(data, FormHex, 0, i, detail(ErrSyntax, "unknown escape \\"+string(rune(e))))
}

// isEscapedStart reports whether an escaped string without quotes starts at
// p: a backslash followed by x and a hex digit, or by an octal digit.
func isEscapedStart(data []byte, p int) bool {
	if p+2 >= len(data) || data[p] != '\\' {
		return false
	}
	e := data[p+1]
	return e == 'x' && isHexDigit(data[p+2]) || '0' <= e && e <= '7'
}

// parseEscaped reads an escaped string without quotes from q (Wireshark's
// "Copy as Escaped String", \x03\x01\x6a…, or a logged Python or Go string
// without its quotes), on one line or wrapped over several: line breaks and
// the blanks around each line are not part of the bytes (a line break in
// the data is written \n); other characters stand for themselves.
func parseEscaped(data []byte, q int) ([]bareBody, error) {
	out := make([]byte, 0, (len(data)-q)/4)
	for p := q; p < len(data); {
		s, e, next := trimmedLine(data, p)
		for i := s; i < e; {
			if data[i] != '\\' {
				out = append(out, data[i])
				i++
				continue
			}
			if i+1 >= e {
				return nil, textError(data, FormHex, 0, i, detail(ErrTruncated, "backslash at the end of a line"))
			}
			b, n, err := decodeEscape(data[:e], i)
			if err != nil {
				return nil, err
			}
			out = append(out, b)
			i = n
		}
		p = next
	}
	return []bareBody{{off: q, body: out}}, nil
}
