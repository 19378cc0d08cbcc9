package capture

import (
	"github.com/easkit/easkit/wbxml"

	"encoding/base64"
	"errors"
	"strconv"
	"unicode/utf8"
)

// textStats describes how a JSON string held its bytes.
type textStats struct {
	rawInvalid int // bytes of invalid UTF-8 written into the JSON as they were
	escaped    int // bytes written as lone surrogate escapes \udc80–\udcff (Python's surrogateescape)
	replaced   int // U+FFFD replacement characters, and lone surrogates that stand for no byte
}

var errNotString = errors.New("not a JSON string")

// unquoteJSONBytes decodes a JSON string literal (with its quotes) into
// bytes, keeping what encoding/json would lose: bytes that are not valid
// UTF-8 are copied as they are, and the lone low surrogates \udc80–\udcff
// that Python's "surrogateescape" error handler produces for undecodable
// bytes (mitmproxy writes them) become those bytes again. Other escapes are
// decoded to UTF-8; other lone surrogates become U+FFFD.
func unquoteJSONBytes(raw []byte) ([]byte, textStats, error) {
	var st textStats
	if len(raw) < 2 || raw[0] != '"' || raw[len(raw)-1] != '"' {
		return nil, st, errNotString
	}
	s := raw[1 : len(raw)-1]
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c != '\\' {
			if c < utf8.RuneSelf {
				out = append(out, c)
				i++
				continue
			}
			r, n := utf8.DecodeRune(s[i:])
			if r == utf8.RuneError && n == 1 {
				st.rawInvalid++
			} else if r == utf8.RuneError {
				st.replaced++
			}
			out = append(out, s[i:i+n]...)
			i += n
			continue
		}
		if i+1 >= len(s) {
			return nil, st, errNotString
		}
		e := s[i+1]
		i += 2
		if c, ok := controlEscape(e); ok {
			out = append(out, c)
			continue
		}
		switch e {
		case '"', '\\', '/':
			out = append(out, e)
		case 'u':
			r, ok := hex4(s, i)
			if !ok {
				return nil, st, errNotString
			}
			i += 4
			switch {
			case 0xD800 <= r && r < 0xDC00:
				if r2, ok := hex4(s, i+2); ok && i+1 < len(s) && s[i] == '\\' && s[i+1] == 'u' && 0xDC00 <= r2 && r2 < 0xE000 {
					i += 6
					out = utf8.AppendRune(out, 0x10000+(r-0xD800)<<10+(r2-0xDC00))
					continue
				}
				st.replaced++
				out = utf8.AppendRune(out, utf8.RuneError)
			case 0xDC80 <= r && r <= 0xDCFF:
				st.escaped++
				out = append(out, byte(r-0xDC00))
			case 0xDC00 <= r && r < 0xE000:
				st.replaced++
				out = utf8.AppendRune(out, utf8.RuneError)
			default:
				if r == utf8.RuneError {
					st.replaced++
				}
				out = utf8.AppendRune(out, r)
			}
		default:
			return nil, st, errNotString
		}
	}
	return out, st, nil
}

// controlEscape maps the escapes that C and JSON string literals share
// (\b \f \n \r \t) to their control characters.
func controlEscape(e byte) (byte, bool) {
	switch e {
	case 'b':
		return '\b', true
	case 'f':
		return '\f', true
	case 'n':
		return '\n', true
	case 'r':
		return '\r', true
	case 't':
		return '\t', true
	}
	return 0, false
}

func hex4(s []byte, i int) (rune, bool) {
	if i+4 > len(s) {
		return 0, false
	}
	var r rune
	for _, c := range s[i : i+4] {
		v := unhex(c)
		if v < 0 {
			return 0, false
		}
		r = r<<4 | rune(v)
	}
	return r, true
}

// recoverText turns the text a HAR tool stored for a body back into bytes.
// Tools store binary bodies as text in three ways, each handled:
//
//   - as raw bytes or surrogate escapes (see unquoteJSONBytes): the bytes
//     are taken as they are, which is exact;
//   - decoded as ISO-8859-1, one character per byte (mitmproxy does this
//     for bodies without a charset, such as WBXML): each character is turned
//     back into its byte, which is exact;
//   - decoded as UTF-8 with U+FFFD replacing what was not UTF-8 (browsers):
//     the bytes that were replaced are lost; what remains is kept and the
//     warning says how many were replaced.
//
// When no character is above U+00FF and some are above U+007F, the text
// could be either of the last two. The reading whose bytes are a
// well-formed WBXML document (or multipart response) wins; when that does
// not decide, ISO-8859-1 is chosen when the text holds C1 control
// characters (U+0080–U+009F) or characters that, taken as bytes, form UTF-8
// sequences (the mark of UTF-8 read as ISO-8859-1), and UTF-8 otherwise.
func recoverText(b []byte, st textStats) ([]byte, error) {
	var warn error
	if st.replaced > 0 {
		warn = detail(ErrLossy, strconv.Itoa(st.replaced)+" byte sequences were replaced by U+FFFD when the body was stored as text, so the body is not the bytes that were sent (export the HAR with binary bodies as base64)")
	}
	if st.rawInvalid > 0 || st.escaped > 0 || st.replaced > 0 {
		return b, warn
	}
	latin1, c1, ok := fromLatin1(b)
	if !ok {
		return b, nil
	}
	binL := wbxml.Valid(latin1) || looksMultipart(latin1)
	binU := wbxml.Valid(b) || looksMultipart(b)
	switch {
	case binL && !binU:
		return latin1, nil
	case binU && !binL:
		return b, nil
	case c1 > 0 || hasUTF8Sequence(latin1):
		return latin1, nil
	}
	return b, nil
}

// fromLatin1 returns the ISO-8859-1 bytes of the UTF-8 text b, and how
// many C1 control characters it holds; ok is false when a character is
// above U+00FF or none is above U+007F.
func fromLatin1(b []byte) (out []byte, c1 int, ok bool) {
	high := 0
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r > 0xFF {
			return nil, 0, false
		}
		if r >= 0x80 {
			high++
			if r <= 0x9F {
				c1++
			}
		}
		i += n
	}
	if high == 0 {
		return nil, 0, false
	}
	out = make([]byte, 0, len(b)-high)
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		out = append(out, byte(r))
		i += n
	}
	return out, c1, true
}

// hasUTF8Sequence reports whether b holds a multi-byte UTF-8 sequence.
func hasUTF8Sequence(b []byte) bool {
	for i := 0; i < len(b); i++ {
		if b[i] >= 0xC2 && b[i] <= 0xF4 {
			if r, n := utf8.DecodeRune(b[i:]); n > 1 && r != utf8.RuneError {
				return true
			}
		}
	}
	return false
}

// decodeBase64Lenient decodes base64 text in either alphabet, with or
// without padding, ignoring white space.
func decodeBase64Lenient(s []byte) ([]byte, error) {
	clean := make([]byte, 0, len(s))
	for _, c := range s {
		switch {
		case isSpace(c), c == '=':
			continue
		case c == '-':
			c = '+'
		case c == '_':
			c = '/'
		}
		clean = append(clean, c)
	}
	out := make([]byte, base64.RawStdEncoding.DecodedLen(len(clean)))
	n, err := base64.RawStdEncoding.Decode(out, clean)
	if err != nil {
		return nil, err
	}
	return out[:n], nil
}
