package capture

import (
	"errors"

	"github.com/easkit/easkit/wbxml"
)

// Detect reports the form of an input, or FormUnknown when none fits
// (including empty input). It never returns FormAuto. The rules, in order:
//
//  1. A UTF-8 byte order mark is skipped. Nothing left: FormUnknown.
//  2. A first byte 0x00–0x03 is a WBXML version byte: FormRaw. No text form
//     can start with such a byte, so this holds even when the rest of the
//     header is damaged (the WBXML decoder then reports where).
//  3. A ZIP archive (its local file header signature "PK\x03\x04" first)
//     holding raw/NN_c.txt or raw/NN_s.txt entries: FormSAZ; another ZIP
//     archive: FormUnknown.
//  4. After leading white space, '{' followed by '"' is a JSON object:
//     FormHAR. XML whose root element is <items> (after the XML
//     declaration, comments and the DOCTYPE): FormBurp. Other XML, and
//     HTML, fit no form: FormUnknown.
//  5. A first line (after blank and separator lines) that is an HTTP
//     request line or status line: FormHTTP. So is one that is a start
//     line after spaces, tabs or '>' (an indented or quoted message).
//  6. Bytes that are not text (control characters other than white space,
//     or invalid UTF-8): FormRaw, the body itself.
//  7. Text that reads as hex (a dump, plain digits or a 0x list) and not as
//     base64, or the other way round, is that form. Text that reads as both
//     (plain hex digits are base64 characters too) is settled by what the
//     decoded bytes look like: whichever reading gives WBXML or a multipart
//     response wins; then mixed-case hex letters ("aB") mean base64, since
//     hex dumps use one case; otherwise hex wins. Hex digits that only fail
//     as hex for being one digit short are not taken for base64 unless
//     that reading gives WBXML or a multipart response: FormUnknown.
//     Base64 is only detected when its lines hold no blanks, so that prose
//     ("hello world") is not taken for it; forced with [WithForm], blanks
//     are allowed.
//  8. Text that is neither, but has lines of a debug log that hold
//     messages (see [FormLog]: Z-Push's and grommunio-sync's WBXML-IN,
//     WBXML-OUT and "WBXML 10K debug data" lines, TbSync's [WBXML: …]
//     blocks and hex bytes without leading zeros, or base64 or hex of
//     WBXML as the last field of a line): FormLog. At least one line must
//     decode, or carry one of those markers; lines that only start like
//     WBXML and do not decode are not enough.
//  9. Anything else: FormUnknown. The error is an *[Error] at the place
//     where the most likely reading (hex or base64, whichever got further)
//     stopped; its Err is a *[DetectError] that lists every form tried
//     and why each stopped ([DetectError.Explain]).
func Detect(data []byte) Form {
	f, _, _ := detect(data, &config{})
	return f
}

// detect applies the rules of Detect. For hex and base64 it returns the
// bodies it decoded on the way; for FormUnknown, an error saying why.
func detect(data []byte, c *config) (Form, []bareBody, error) {
	p := skipBOM(data)
	if p == len(data) {
		return FormUnknown, nil, &Error{Form: FormUnknown, Offset: -1, Err: ErrEmpty}
	}
	if data[p] <= wbxml.Version13 { // a WBXML version byte
		return FormRaw, nil, nil
	}
	if p == 0 && isZip(data) {
		if _, err := openSAZ(data); err != nil {
			var e *Error
			if errors.As(err, &e) {
				return FormUnknown, nil, &Error{Form: FormUnknown, Offset: e.Offset, Err: wrapCause(ErrUnknownForm, "read as saz", e.Err)}
			}
			return FormUnknown, nil, err
		}
		return FormSAZ, nil, nil
	}
	q := skipSpace(data, p)
	if q == len(data) {
		return FormUnknown, nil, &Error{Form: FormUnknown, Offset: -1, Err: detail(ErrEmpty, "input holds only white space")}
	}
	switch data[q] {
	case '{':
		if r := skipSpace(data, q+1); r < len(data) && (data[r] == '"' || data[r] == '}') {
			return FormHAR, nil, nil
		}
	case '<':
		if isBurpXML(data[q:]) {
			return FormBurp, nil, nil
		}
		return FormUnknown, nil, textError(data, FormUnknown, 0, q, detail(ErrUnknownForm, "input looks like XML or HTML, not a capture of WBXML"))
	}
	if looksHTTP(data, p) {
		return FormHTTP, nil, nil
	}
	if _, ok := quotePrefix(data, skipGap(data, p)); ok {
		return FormHTTP, nil, nil
	}
	if !isText(data[p:]) {
		return FormRaw, nil, nil
	}
	b := &budget{left: c.budget(len(data))}
	hex, hexErr := parseHex(data, p, b)
	if hexErr == nil && bodiesLookBinary(hex) {
		// Hex that decodes to WBXML wins at once. Base64 of ActiveSync
		// WBXML (version 0x03, public id 0x01) starts "Aw", so it never
		// consists of hex digits only.
		return FormHex, hex, nil
	}
	b64, b64Err := parseBase64(data, p)
	if b64Err == nil {
		if at := blankInsideLine(data, skipMIMEHeader(data, skipSpace(data, p))); at >= 0 {
			b64, b64Err = nil, textError(data, FormBase64, 0, at, detail(ErrSyntax, "blank inside a line of base64"))
		}
	}
	switch {
	case hexErr == nil && b64Err == nil:
		if preferBase64(data[p:], hex, b64) {
			return FormBase64, b64, nil
		}
		return FormHex, hex, nil
	case hexErr == nil:
		return FormHex, hex, nil
	case b64Err == nil && errors.Is(hexErr, ErrTruncated) && !bodiesLookBinary(b64):
		// Hex digits only, one short (a dump cut off or a digit lost in
		// copying): that is what the text is, not base64 that happens to
		// use no other letters and decodes to nothing plausible.
	case b64Err == nil:
		return FormBase64, b64, nil
	}
	// Neither: a debug log with messages among its other lines?
	logBodies, logErr := parseLog(data, p)
	if logErr == nil {
		if logConvincing(logBodies) {
			return FormLog, logBodies, nil
		}
		logErr = &Error{Form: FormLog, Offset: -1, Err: detail(ErrSyntax,
			"only lines that start like WBXML but do not decode, and no WBXML-IN, WBXML-OUT or [WBXML: marker")}
	}
	return FormUnknown, nil, detectFailure(data, q, hexErr, b64Err, logErr)
}

// logConvincing reports whether the bodies found in a log make it one: a
// message that decoded from a line with a prefix or in TbSync's hex, or a
// Z-Push or TbSync marker line.
func logConvincing(bodies []bareBody) bool {
	for _, bb := range bodies {
		if bb.note == nil && bb.evidence || len(bb.marker) >= 5 && bb.marker[:5] == "WBXML" {
			return true
		}
	}
	return false
}

func offsetOf(err error) int64 {
	if e, ok := err.(*Error); ok {
		return e.Offset
	}
	return -1
}

// preferBase64 settles text that reads both as hex and as base64.
func preferBase64(text []byte, hex, b64 []bareBody) bool {
	hexBin := bodiesLookBinary(hex)
	b64Bin := bodiesLookBinary(b64)
	if hexBin != b64Bin {
		return b64Bin
	}
	lower, upper := false, false
	for _, c := range text {
		switch {
		case 'a' <= c && c <= 'f':
			lower = true
		case 'A' <= c && c <= 'F':
			upper = true
		}
	}
	return lower && upper
}

// bodiesLookBinary reports whether the first body looks like WBXML or a
// multipart response.
func bodiesLookBinary(bs []bareBody) bool {
	if len(bs) == 0 {
		return false
	}
	b := bs[0].body
	return wbxml.HasHeader(b) || looksMultipart(b)
}

// looksHTTP reports whether the first line after blank and separator lines
// is an HTTP start line.
func looksHTTP(data []byte, p int) bool {
	p = skipGap(data, p)
	end, _ := lineEnd(data, p)
	end = trimCR(data, p, end)
	var m Message
	return parseStartLine(data[p:end], &m)
}

// blankInsideLine returns the offset of the first space or tab that has a
// non-space byte on both sides on its line, or -1.
func blankInsideLine(data []byte, p int) int {
	for p < len(data) {
		s, e, next := trimmedLine(data, p)
		for i := s; i < e; i++ {
			if isBlank(data[i]) {
				return i
			}
		}
		p = next
	}
	return -1
}

// trimmedLine returns the line of data that starts at p without its line
// break and the white space around it (data[s:e]), and where the next line
// starts.
func trimmedLine(data []byte, p int) (s, e, next int) {
	end, next := lineEnd(data, p)
	s, e = p, trimCR(data, p, end)
	for s < e && isSpace(data[s]) {
		s++
	}
	for e > s && isSpace(data[e-1]) {
		e--
	}
	return s, e, next
}
