package xmlscan

// Seek moves the scanner to byte offset off of its document, to read the
// token that starts there next, in the state the scanner is in. It lets a
// reader that converts a document in parts start one part in the middle:
// it seeks to the start tag of each element open there in turn, reading
// each, and then to the part's first token. Offsets, lines and columns in
// tokens and errors stay those of the whole document.
//
// Seek does not check that a token starts at off, nor that the state
// fits it: the caller checks, with [Scanner.AppendOpenElements], that the
// scanner of the part before ended in the state this one started in.
func (s *Scanner) Seek(off int) {
	s.pos = off
	s.started = true
	s.pendingEnd = false
}

// AppendOpenElements appends to dst the byte offsets of the start tags
// ('<') of the open elements, outermost first.
func (s *Scanner) AppendOpenElements(dst []int) []int {
	for i := range s.frames {
		dst = append(dst, int(s.frames[i].qs)-1)
	}
	return dst
}
