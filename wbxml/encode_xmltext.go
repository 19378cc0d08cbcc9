package wbxml

// xmlString writes s as an inline string (STR_I), like String, for text
// that an XML scanner returned: valid UTF-8 that holds no NUL, since XML
// 1.0 has no such character. In the common case (appending, UTF-8
// document, no pending error, inside an element) it skips the checks that
// cannot fail for such text; otherwise it is String.
func (e *Encoder) xmlString(s []byte) error {
	if e.w != nil || e.err != nil || e.state != esContent || e.width != 1 || e.tmode != textUTF8 {
		return e.String(s)
	}
	e.hold = -1
	b := append(e.buf, 0x03)
	b = append(b, s...)
	e.buf = append(b, 0)
	return nil
}
