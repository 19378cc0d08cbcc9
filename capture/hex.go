package capture

import (
	"bytes"
	"strconv"
	"strings"
)

// bareBody is one body found in a hex or base64 input.
type bareBody struct {
	off  int // byte offset in the input where the body's text starts
	body []byte

	// A message of a log (FormLog).
	dir    Direction
	marker string
	warn   error // the body's Warning
	note   error // the line did not decode: why (the Warning is made from it)
	// evidence: the line is a log's (a marker, a prefix before the body,
	// or TbSync's hex without leading zeros), not a bare hex or base64 line
	evidence bool
}

// parseHex reads a hex input starting at p: a list of 0x.. bytes (C and Go
// arrays), a dump with an offset column, or plain hex digits.
func parseHex(data []byte, p int, b *budget) ([]bareBody, error) {
	q := skipSpace(data, p)
	if q == len(data) {
		return nil, textError(data, FormHex, 0, q, detail(ErrEmpty, "no hex digits"))
	}
	if s, ok := pyBytesCall(data, q); ok {
		return parseQuoted(data, s)
	}
	if open, ok := numberListStart(data, q); ok {
		return parseNumberLists(data, open)
	}
	if start, ok := hexListStart(data, q); ok {
		bodies, err := parseHexList(data, start)
		if err != nil {
			// 0x bytes first, then decimal ones ("{0x03, 1, 106}").
			if open := nextNumberList(data, start); open < len(data) {
				if nb, nerr := parseNumberLists(data, open); nerr == nil {
					return nb, nil
				}
			}
		}
		return bodies, err
	}
	if isQuotedStart(data, q) {
		return parseQuoted(data, q)
	}
	if s, ok := quotedAfterDecl(data, q); ok {
		return parseQuoted(data, s)
	}
	if isEscapedStart(data, q) {
		return parseEscaped(data, q)
	}
	return parseHexDump(data, q, b)
}

// parseHexDump reads a dump with an offset column or plain hex digits. An
// offset column is assumed when the first offset ends in ':' (xxd, tcpdump
// -X); otherwise the input is read as an offset dump when that succeeds
// with evidence (offsets that follow from the byte counts, a final offset
// line, a first offset of 0, or an ASCII column that matches the bytes),
// and as plain hex when not.
func parseHexDump(data []byte, q int, b *budget) ([]bareBody, error) {
	colon, gap := offsetEvidence(data, q)
	if colon {
		bodies, _, err := parseOffsetDump(data, q, b)
		return bodies, err
	}
	bodies, confident, err := parseOffsetDump(data, q, b)
	if err == nil && confident {
		return bodies, nil
	}
	if blocks := splitBlocks(data, q); len(blocks) > 1 {
		// Several dumps separated by blank lines whose offsets do not run
		// on from one to the next, or plain hex: each is a body of its own.
		split, serr := parseBlocks(data, blocks, b)
		if serr == nil {
			return split, nil
		}
		if gap {
			return nil, serr
		}
	}
	plain, perr := parsePlainHex(data, q)
	if perr == nil {
		return plain, nil
	}
	if err == nil {
		return bodies, nil
	}
	if star := starLine(data, q); star >= 0 {
		if offsetOf(perr) == int64(star) && !gap && !hasOffsetColumn(data, q) {
			// od -An, hexdump without -v piped through cut: the '*' says
			// that lines repeat, but without offsets not how often.
			return nil, textError(data, FormHex, 0, star, detail(ErrSyntax,
				"'*' stands for repeated lines, but with no offset column how many is unknown (dump again with -v)"))
		}
		return nil, err
	}
	if gap {
		return nil, err
	}
	return nil, perr
}

// splitBlocks returns the starts of the runs of non-blank lines from q
// (each after one or more blank lines), or nil when there is one run.
func splitBlocks(data []byte, q int) []int {
	starts := []int{q}
	blank := false
	for p := q; p < len(data); {
		s, e, next := trimmedLine(data, p)
		switch {
		case s == e:
			blank = true
		case blank:
			starts = append(starts, p)
			blank = false
		}
		p = next
	}
	if len(starts) == 1 {
		return nil
	}
	return starts
}

// parseBlocks reads each block of lines as a dump of its own (offset dump
// or plain hex), each giving its bodies. Each block is read as an input of
// its own, so that a reading that fails in it costs the block's length,
// not the input's.
func parseBlocks(data []byte, starts []int, b *budget) ([]bareBody, error) {
	var out []bareBody
	for i, s := range starts {
		end := len(data)
		if i+1 < len(starts) {
			end = starts[i+1]
		}
		block := data[s:end]
		bodies, confident, err := parseOffsetDump(block, 0, b)
		_, gap := offsetEvidence(block, 0)
		if err != nil || !confident && !gap {
			plain, perr := parsePlainHex(block, 0)
			switch {
			case perr == nil:
				bodies = plain
			case err != nil:
				return nil, rebase(data, s, err)
			}
		}
		for _, bb := range bodies {
			bb.off += s
			out = append(out, bb)
		}
	}
	return out, nil
}

// rebase moves a position error found in data[s:] to its place in data.
func rebase(data []byte, s int, err error) error {
	e, ok := err.(*Error)
	if !ok || e.Offset < 0 {
		return err
	}
	return textError(data, e.Form, e.Index, s+int(e.Offset), e.Err)
}

// starLine returns the offset of the first line that holds only '*', which
// only dumps with an offset column should have, or -1.
func starLine(data []byte, q int) int {
	for p := q; p < len(data); {
		end, next := lineEnd(data, p)
		if line := bytes.TrimSpace(data[p:end]); len(line) == 1 && line[0] == '*' {
			return bytes.IndexByte(data[p:end], '*') + p
		}
		p = next
	}
	return -1
}

// hasOffsetColumn reports whether the first line may start with an offset:
// a token of six or more hex digits (od, hexdump and xxd write at least
// six) or one ending in ':', at the start of the line. od -An indents its
// lines and pasted hex has bytes or words there.
func hasOffsetColumn(data []byte, q int) bool {
	end, _ := lineEnd(data, q)
	i := q
	for i < end && isHexDigit(data[i]) {
		i++
	}
	return i-q >= 6 || i > q && i < end && data[i] == ':'
}

// offsetEvidence looks at the first token of the first line: colon is true
// when it is hex digits (optionally after 0x) ending in ':' and followed by
// white space, or a segment:offset pair ("0000:0010") followed by a blank;
// gap is true when it is hex digits followed by two or more
// blanks or a tab (hexdump -C, Wireshark).
func offsetEvidence(data []byte, q int) (colon, gap bool) {
	end, _ := lineEnd(data, q)
	end = trimCR(data, q, end)
	i := q
	if i+1 < end && data[i] == '0' && (data[i+1] == 'x' || data[i+1] == 'X') {
		i += 2
	}
	j := i
	for j < end && isHexDigit(data[j]) {
		j++
	}
	if j == i {
		return false, false
	}
	if j-i == 4 && j+7 <= end && data[j] == ':' && isHexGroup(data[j+1:j+5]) && isBlank(data[j+5]) {
		return true, false // segment:offset: an offset column for certain
	}
	if j < end && data[j] == ':' {
		return j+1 == end || isBlank(data[j+1]), false
	}
	if j+1 < end && (data[j] == '\t' || data[j] == ' ' && data[j+1] == ' ') {
		return false, true
	}
	return false, false
}

// parsePlainHex reads hex digits separated by white space (Wireshark's "hex
// stream", xxd -p, "03 01 6a"). A byte may be split across a line break
// (wrapped hex streams) but not across blanks; ':' and '-' may separate
// whole bytes ("03:01:6a"); a token may start with 0x ("0x03016a00").
func parsePlainHex(data []byte, q int) ([]bareBody, error) {
	out := make([]byte, 0, (len(data)-q)/2)
	half := -1 // pending high nibble, or -1
	lastDigit := -1
	for i := q; i < len(data); i++ {
		c := data[i]
		if c == '0' && half < 0 && i+2 < len(data) && (data[i+1] == 'x' || data[i+1] == 'X') &&
			isHexDigit(data[i+2]) && (i == q || isSpace(data[i-1])) {
			i++ // a 0x prefix on a hex stream ("0x03016a00…")
			continue
		}
		if v := unhex(c); v >= 0 {
			if half < 0 {
				half = v
			} else {
				out = append(out, byte(half<<4|v))
				half = -1
			}
			lastDigit = i
			continue
		}
		switch {
		case c == '\n' || c == '\r':
			// a wrapped stream may split a byte across lines
		case isSpace(c):
			if half >= 0 {
				return nil, textError(data, FormHex, 0, i, detail(ErrSyntax, "odd number of hex digits before a blank"))
			}
		case (c == ':' || c == '-') && half < 0 && lastDigit == i-1 && i+1 < len(data) && isHexDigit(data[i+1]):
			// byte separator
		default:
			return nil, textError(data, FormHex, 0, i, detail(ErrSyntax, "invalid hex digit "+quoteByte(c)))
		}
	}
	if half >= 0 {
		return nil, textError(data, FormHex, 0, lastDigit, detail(ErrTruncated, "odd number of hex digits"))
	}
	return []bareBody{{off: q, body: out}}, nil
}

// hexListStart reports whether the input at q is a list of 0x.. bytes:
// after white space and C comments, its first token is 0x followed by one
// or two hex digits and then a comma, white space, '}' or the end; or it
// begins with a declaration ("unsigned char x[] =", "[]byte") and a '{'
// after which such a token (or '}') comes. start is where list parsing
// begins.
func hexListStart(data []byte, q int) (start int, ok bool) {
	r := skipSpaceComments(data, q)
	if isHexByteToken(data, r) {
		return r, true
	}
	for i := r; i < len(data) && i < r+512; {
		c := data[i]
		switch {
		case c == '{':
			s := skipSpaceComments(data, i+1)
			if s < len(data) && (data[s] == '}' || isHexByteToken(data, s)) {
				return r, true
			}
			return 0, false
		case c == '/' && i+1 < len(data) && (data[i+1] == '/' || data[i+1] == '*'):
			i = skipSpaceComments(data, i)
		case c == ' ' && i+1 < len(data) && isBlank(data[i+1]):
			// Dumps separate their ASCII column by two blanks or more;
			// declarations do not.
			return 0, false
		case isDeclByte(c):
			i++
		default:
			return 0, false
		}
	}
	return 0, false
}

// isDeclByte reports whether c may appear in a C or Go declaration before
// the brace of a byte array.
func isDeclByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		isSpace(c) || strings.IndexByte("_[]=*():<>,&", c) >= 0
}

// isHexByteToken reports whether data[p:] starts with 0x and one or two hex
// digits, followed by a comma, white space, '}', '/' (a comment) or the end.
func isHexByteToken(data []byte, p int) bool {
	n := hexByteTokenLen(data, p)
	return n > 0
}

// hexByteTokenLen returns the length of a 0xH or 0xHH token at p, or 0.
func hexByteTokenLen(data []byte, p int) int {
	if p+2 >= len(data) || data[p] != '0' || data[p+1] != 'x' && data[p+1] != 'X' {
		return 0
	}
	i := p + 2
	for i < len(data) && i < p+5 && isHexDigit(data[i]) {
		i++
	}
	d := i - p - 2
	if d < 1 || d > 2 {
		return 0
	}
	if i < len(data) {
		if c := data[i]; !(c == ',' || c == '}' || c == '/' || c == ';' || isSpace(c)) {
			return 0
		}
	}
	return i - p
}

// skipSpaceComments skips white space and C comments.
func skipSpaceComments(data []byte, p int) int {
	for p < len(data) {
		switch {
		case isSpace(data[p]):
			p++
		case bytes.HasPrefix(data[p:], []byte("//")):
			_, p = lineEnd(data, p)
		case bytes.HasPrefix(data[p:], []byte("/*")):
			e := bytes.Index(data[p+2:], []byte("*/"))
			if e < 0 {
				return len(data)
			}
			p += 2 + e + 2
		default:
			return p
		}
	}
	return p
}

// parseHexList reads lists of 0x.. bytes separated by commas and white
// space, with C comments allowed. With braces (C arrays, Go slices: xxd -i,
// Wireshark's "C array" and "Go literal"), each {…} group is one body and
// the text around the groups (declarations, a _len line) is ignored;
// without braces the whole input is one list.
func parseHexList(data []byte, q int) ([]bareBody, error) {
	if bytes.IndexByte(data[q:], '{') < 0 {
		body, _, err := parseHexListItems(data, q, false)
		if err != nil {
			return nil, err
		}
		return []bareBody{{off: q, body: body}}, nil
	}
	var bodies []bareBody
	p := q
	for {
		open := bytes.IndexByte(data[p:], '{')
		if open < 0 {
			break
		}
		start := p + open + 1
		body, end, err := parseHexListItems(data, start, true)
		if err != nil {
			return nil, err
		}
		bodies = append(bodies, bareBody{off: p + open, body: body})
		p = end
	}
	return bodies, nil
}

// parseHexListItems reads 0x.. items from p until '}' (inBraces) or the
// end, returning the bytes and the offset after the closing brace.
func parseHexListItems(data []byte, p int, inBraces bool) ([]byte, int, error) {
	var out []byte
	needSep := false
	for {
		p = skipSpaceComments(data, p)
		if p == len(data) {
			if inBraces {
				return nil, p, textError(data, FormHex, 0, p, detail(ErrTruncated, "missing '}' at the end of the byte list"))
			}
			return out, p, nil
		}
		c := data[p]
		switch {
		case c == ',':
			if !needSep {
				return nil, p, textError(data, FormHex, 0, p, detail(ErrSyntax, "',' with no byte before it"))
			}
			needSep = false
			p++
			continue
		case c == '}' && inBraces:
			return out, p + 1, nil
		}
		n := hexByteTokenLen(data, p)
		if n == 0 {
			return nil, p, textError(data, FormHex, 0, p, detail(ErrSyntax, "expected a byte such as 0x6a, found "+quoteByte(c)))
		}
		v := 0
		for _, d := range data[p+2 : p+n] {
			v = v<<4 | unhex(d)
		}
		out = append(out, byte(v))
		p += n
		needSep = true
	}
}

// quoteByte formats c for an error message.
func quoteByte(c byte) string {
	if c >= 0x20 && c < 0x7F {
		return strconv.QuoteRune(rune(c))
	}
	return "byte 0x" + strconv.FormatUint(uint64(c), 16)
}
