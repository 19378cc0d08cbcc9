package xmlscan

import (
	"encoding/binary"
	"unicode/utf8"
)

// colonRule says how a name may use colons.
type colonRule uint8

const (
	// qName: Namespaces in XML's QName, at most one colon with a non-empty
	// NCName on each side.
	qName colonRule = iota
	// ncName: no colon at all (PI targets).
	ncName
	// anyName: XML 1.0's Name, colons anywhere (DOCTYPE and entity names,
	// which Namespaces in XML does not govern here).
	anyName
)

// scanName scans a name starting at b[i] and returns the offset after it
// and, for qName, the offset of its colon or -1. what names the construct
// for error messages ("element", "attribute", ...).
func (s *Scanner) scanName(i int, what string, rule colonRule) (end, colon int, err error) {
	b := s.in
	n := len(b)
	// Fast path: ASCII names with at most one colon, ended by an ASCII
	// byte that is not part of a name. Anything else is left to the
	// general loop below, which gives the same result for these.
	if i < n && nameStartASCII[b[i]] {
		j := i + 1
		for j < n && nameASCII[b[j]] {
			j++
		}
		colon = -1
		if j+1 < n && b[j] == ':' && rule == qName && nameStartASCII[b[j+1]] {
			colon = j
			j += 2
			for j < n && nameASCII[b[j]] {
				j++
			}
		}
		if j < n && b[j] < utf8.RuneSelf && b[j] != ':' && j-i <= s.maxNameLen {
			return j, colon, nil
		}
	}
	return s.scanNameSlow(i, what, rule)
}

// scanNameSlow is scanName's general loop.
func (s *Scanner) scanNameSlow(i int, what string, rule colonRule) (end, colon int, err error) {
	b := s.in
	n := len(b)
	colon = -1
	if i >= n {
		return 0, 0, s.eof("where " + what + " name expected")
	}
	j := i
	// First character: NameStartChar (a colon only for anyName).
	if c := b[j]; c < utf8.RuneSelf {
		if !nameStartASCII[c] && (c != ':' || rule != anyName) {
			return 0, 0, s.failf(i, ErrInvalidName, "expected %s name, found %s", what, describe(b, i))
		}
		j++
	} else {
		r, size := utf8.DecodeRune(b[j:])
		if r == utf8.RuneError && size == 1 {
			return 0, 0, s.fail(j, ErrInvalidUTF8, "invalid UTF-8 in "+what+" name")
		}
		if !isNameStartRune(r) {
			return 0, 0, s.failf(i, ErrInvalidName, "expected %s name, found %s", what, describe(b, i))
		}
		j += size
	}
	for j < n {
		c := b[j]
		if c < utf8.RuneSelf {
			if nameASCII[c] {
				j++
				continue
			}
			if c != ':' {
				break
			}
			switch rule {
			case anyName:
				j++
				continue
			case ncName:
				return 0, 0, s.failf(j, ErrInvalidName, "%s name %s must not contain a colon", what, quoteName(b, i, j))
			}
			if colon >= 0 {
				return 0, 0, s.failf(j, ErrInvalidName, "%s name %s has more than one colon", what, quoteName(b, i, j))
			}
			colon = j
			j++
			// The local part must start with a NameStartChar.
			if j >= n {
				return 0, 0, s.eof("in " + what + " name")
			}
			if c := b[j]; c < utf8.RuneSelf {
				if !nameStartASCII[c] {
					return 0, 0, s.failf(j, ErrInvalidName, "%s name %s has an empty or invalid local part", what, quoteName(b, i, j))
				}
				j++
			} else {
				r, size := utf8.DecodeRune(b[j:])
				if r == utf8.RuneError && size == 1 {
					return 0, 0, s.fail(j, ErrInvalidUTF8, "invalid UTF-8 in "+what+" name")
				}
				if !isNameStartRune(r) {
					return 0, 0, s.failf(j, ErrInvalidName, "%s name %s has an empty or invalid local part", what, quoteName(b, i, j))
				}
				j += size
			}
			continue
		}
		r, size := utf8.DecodeRune(b[j:])
		if r == utf8.RuneError && size == 1 {
			return 0, 0, s.fail(j, ErrInvalidUTF8, "invalid UTF-8 in "+what+" name")
		}
		if !isNameRune(r) {
			break
		}
		j += size
	}
	if j-i > s.maxNameLen {
		return 0, 0, s.failf(i, ErrNameLimit, "%s name longer than %d bytes", what, s.maxNameLen)
	}
	return j, colon, nil
}

// quoteName returns b[i:j] quoted for an error message.
func quoteName(b []byte, i, j int) string {
	return "\"" + truncName(b[i:j]) + "\""
}

// describe names the character at b[i] for an error message.
func describe(b []byte, i int) string {
	if i >= len(b) {
		return "end of input"
	}
	c := b[i]
	if c >= utf8.RuneSelf {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return "invalid UTF-8"
		}
		return "'" + string(r) + "'"
	}
	if c < 0x20 || c == 0x7F {
		return "control character " + hexByte(c)
	}
	return "'" + string(rune(c)) + "'"
}

func hexByte(c byte) string {
	const digits = "0123456789ABCDEF"
	return "0x" + string([]byte{digits[c>>4], digits[c&15]})
}

// equalName reports whether a and b, of the same length, are equal. Names
// are short: up to sixteen bytes are compared as two overlapping words,
// without a call.
func equalName(a, b []byte) bool {
	n := len(a)
	if n != len(b) {
		return false
	}
	switch {
	case n > 16:
		return string(a) == string(b)
	case n >= 8:
		return binary.LittleEndian.Uint64(a) == binary.LittleEndian.Uint64(b) &&
			binary.LittleEndian.Uint64(a[n-8:]) == binary.LittleEndian.Uint64(b[n-8:])
	case n >= 4:
		return binary.LittleEndian.Uint32(a) == binary.LittleEndian.Uint32(b) &&
			binary.LittleEndian.Uint32(a[n-4:]) == binary.LittleEndian.Uint32(b[n-4:])
	}
	for i := range n {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
