package capture

import "strconv"

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
	return []bareBody{{off: q, body: out}}, nil
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
		e := data[i+1]
		if c, ok := controlEscape(e); ok {
			out = append(out, c)
			i += 2
			continue
		}
		switch e {
		case 'a':
			out = append(out, '\a')
		case 'v':
			out = append(out, '\v')
		case '\\', '\'', '"', '?':
			out = append(out, e)
		case 'x':
			j := i + 2
			v := 0
			for j < len(data) && j < i+4 && isHexDigit(data[j]) {
				v = v<<4 | unhex(data[j])
				j++
			}
			if j == i+2 {
				return nil, i, textError(data, FormHex, 0, i, detail(ErrSyntax, `\x with no hex digits`))
			}
			out = append(out, byte(v))
			i = j
			continue
		default:
			if '0' <= e && e <= '7' {
				j := i + 1
				v := 0
				for j < len(data) && j < i+4 && '0' <= data[j] && data[j] <= '7' {
					v = v<<3 | int(data[j]-'0')
					j++
				}
				if v > 0xFF {
					return nil, i, textError(data, FormHex, 0, i, detail(ErrSyntax, "octal escape \\"+strconv.Itoa(v)+" is above 0377"))
				}
				out = append(out, byte(v))
				i = j
				continue
			}
			return nil, i, textError(data, FormHex, 0, i, detail(ErrSyntax, "unknown escape \\"+string(rune(e))))
		}
		i += 2
	}
	return nil, len(data), textError(data, FormHex, 0, p, detail(ErrTruncated, "unterminated string literal"))
}
