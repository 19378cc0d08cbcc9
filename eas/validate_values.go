package eas

// Value parsers of the content checks, on the bytes of an element's text.

func isSpace(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\r' && c != '\n' {
			return false
		}
	}
	return true
}

func appendRune(dst []byte, r rune) []byte {
	var buf [4]byte
	n := copy(buf[:], string(r))
	return append(dst, buf[:n]...)
}

// parseInt reads an optionally signed decimal integer of at most 18
// digits.
func parseInt(b []byte) (int64, bool) {
	neg := false
	if len(b) > 0 && (b[0] == '-' || b[0] == '+') {
		neg = b[0] == '-'
		b = b[1:]
	}
	if len(b) == 0 || len(b) > 18 {
		return 0, false
	}
	var x int64
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		x = x*10 + int64(c-'0')
	}
	if neg {
		x = -x
	}
	return x, true
}

func digits(b []byte) bool {
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// isDateTime accepts 2009-11-12T09:30:00, with optional fractional
// seconds and an optional Z.
func isDateTime(b []byte) bool {
	if len(b) < 19 || !digits(b[0:4]) || b[4] != '-' || !digits(b[5:7]) || b[7] != '-' || !digits(b[8:10]) ||
		b[10] != 'T' || !digits(b[11:13]) || b[13] != ':' || !digits(b[14:16]) || b[16] != ':' || !digits(b[17:19]) {
		return false
	}
	rest := b[19:]
	if len(rest) > 0 && rest[0] == '.' {
		i := 1
		for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
			i++
		}
		if i == 1 {
			return false
		}
		rest = rest[i:]
	}
	return len(rest) == 0 || (len(rest) == 1 && rest[0] == 'Z')
}

// isCompactDateTime accepts 20091112T093000Z (the Z optional).
func isCompactDateTime(b []byte) bool {
	if len(b) == 16 && b[15] == 'Z' {
		b = b[:15]
	}
	return len(b) == 15 && digits(b[0:8]) && b[8] == 'T' && digits(b[9:15])
}

func isBase64(b []byte) bool {
	// No early exit: one load and an OR a byte, four at a time.
	var bad byte
	for len(b) >= 4 {
		bad |= notBase64[b[0]] | notBase64[b[1]] | notBase64[b[2]] | notBase64[b[3]]
		b = b[4:]
	}
	for _, c := range b {
		bad |= notBase64[c]
	}
	return bad == 0
}

// notBase64 is 1 for the bytes base64 text may not have (it may have both
// alphabets, the padding, and line breaks and spaces).
var notBase64 = func() (t [256]byte) {
	for i := range t {
		t[i] = 1
	}
	for _, c := range []byte("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_\r\n ") {
		t[c] = 0
	}
	return t
}()
