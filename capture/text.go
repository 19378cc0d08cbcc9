package capture

import "bytes"

// Byte-level helpers shared by the text forms.

// skipBOM returns the offset of the first byte after a UTF-8 byte order
// mark, or 0.
func skipBOM(data []byte) int {
	if len(data) >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF {
		return 3
	}
	return 0
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' }

// hexValue maps a byte to its value as a hex digit, or -1.
var hexValue = func() (t [256]int8) {
	for i := range t {
		t[i] = -1
	}
	for i := 0; i < 10; i++ {
		t['0'+i] = int8(i)
	}
	for i := 0; i < 6; i++ {
		t['a'+i] = int8(10 + i)
		t['A'+i] = int8(10 + i)
	}
	return t
}()

// unhex returns the value of a hex digit, or -1.
func unhex(c byte) int { return int(hexValue[c]) }

func isHexDigit(c byte) bool { return unhex(c) >= 0 }

// skipSpace returns the offset of the first byte at or after p that is not
// white space.
func skipSpace(data []byte, p int) int {
	for p < len(data) && isSpace(data[p]) {
		p++
	}
	return p
}

// lineEnd returns the end of the line starting at p (the offset of its '\n',
// or len(data)) and the start of the next line.
func lineEnd(data []byte, p int) (end, next int) {
	for i := p; i < len(data); i++ {
		if data[i] == '\n' {
			return i, i + 1
		}
	}
	return len(data), len(data)
}

// trimCR removes one trailing '\r' from the line data[p:end].
func trimCR(data []byte, p, end int) int {
	if end > p && data[end-1] == '\r' {
		return end - 1
	}
	return end
}

// budget counts the bytes a Reader may still produce beyond a plain
// transcription of its input; see WithMaxDecodedSize.
type budget struct {
	left int64 // < 0: unlimited
}

// take reserves n bytes, reporting false (and reserving nothing) when that
// would go past the limit.
func (b *budget) take(n int64) bool {
	if b == nil || b.left < 0 {
		return true
	}
	if n > b.left {
		return false
	}
	b.left -= n
	return true
}

// limit returns how many bytes may still be produced, or -1 when unlimited.
func (b *budget) limit() int64 {
	if b == nil {
		return -1
	}
	return b.left
}

// lineCounter returns line numbers for offsets that never decrease, in
// linear total time.
type lineCounter struct {
	data []byte
	at   int // offset counted to
	line int // line number at at
}

func (c *lineCounter) lineOf(off int) int {
	if c.line == 0 {
		c.line = 1
	}
	if off > len(c.data) {
		off = len(c.data)
	}
	if off > c.at {
		c.line += bytes.Count(c.data[c.at:off], []byte{'\n'})
		c.at = off
	}
	return c.line
}

// columnOf returns the 1-based byte column of off, which must be the last
// offset given to lineOf. It scans back to the start of the line only.
func (c *lineCounter) columnOf(off int) int {
	if off > len(c.data) {
		off = len(c.data)
	}
	return off - (bytes.LastIndexByte(c.data[:off], '\n') + 1) + 1
}
