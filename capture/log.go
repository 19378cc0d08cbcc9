package capture

import (
	"bytes"
	"strconv"

	"github.com/easkit/easkit/wbxml"
)

// Debug logs (FormLog): each line is read on its own, in order, and yields
// at most one message. The shapes, in the order they are tried:
//
//   - Z-Push and grommunio-sync: "WBXML-IN : <base64>", "WBXML-OUT: <base64>"
//     and "WBXML 10K debug data: <base64>" after the log prefix (date,
//     time, process id, level, user and device fields). IN and the debug
//     data are requests, OUT responses. Their decoded trees ("I  <Sync>",
//     "O  </Sync>") are not bodies and are skipped.
//   - EAS-4-TbSync: "[WBXML: 3 1 6a 0 …]", hex bytes without leading zeros
//     separated by blanks, the block possibly running over several lines
//     up to its ']'.
//   - Any other line: its last field (after a prefix of timestamp, level,
//     logger name…) is base64 or a hex stream of WBXML or a multipart
//     response, or it ends in a run of blank-separated hex bytes of one or
//     two digits (TbSync without the block: "3 1 6a 0 0 7 56 52 …", or
//     "03 01 6a 00 …") that starts a WBXML document. Quotes around the
//     field and a "name=" before it are not part of it.
//
// Lines of no such shape are skipped. A marker line (WBXML-IN, WBXML-OUT,
// the debug data, [WBXML:) whose body does not decode, and a field that
// starts like ActiveSync WBXML in base64 ("AwFq") or hex ("03016a",
// "3 1 6a", "03 01 6a") but does not decode, are notes: messages with no
// body whose Warning says why (see Message.Warning).

// logMarkers are the Z-Push and grommunio-sync markers, with the direction
// of what follows.
var logMarkers = [...]struct {
	text string
	dir  Direction
}{
	{"WBXML-IN", DirectionRequest},
	{"WBXML-OUT", DirectionResponse},
	{"WBXML 10K debug data", DirectionRequest},
}

// Sizes at which Z-Push cuts what it logs: 4 KB of a request on WBXML-IN,
// 10 KB on the debug data line.
const (
	zpushInLimit    = 4096
	zpushDebugLimit = 10240
)

// logReader holds the state of one pass over a log.
type logReader struct {
	data    []byte
	slab    []byte // the bodies, one after another
	bodies  []bareBody
	markers int // marker lines seen, decoded or not
	found   int // messages decoded
}

// parseLog reads a debug log from p. It fails with ErrEmpty when no line
// holds a message or a marker.
func parseLog(data []byte, p int) ([]bareBody, error) {
	lr := &logReader{data: data, slab: make([]byte, 0, (len(data)-p)/2+1)}
	for p < len(data) {
		next := lr.line(p)
		if next <= p { // never: every shape moves on; a guard against a hang
			_, next = lineEnd(data, p)
		}
		p = next
	}
	if len(lr.bodies) == 0 {
		return nil, &Error{Form: FormLog, Offset: -1, Err: detail(ErrEmpty,
			"no line holds a message (WBXML-IN, WBXML-OUT, [WBXML: …], or base64 or hex of WBXML after a prefix)")}
	}
	return lr.bodies, nil
}

// line reads the line that starts at p and returns where the next one
// starts (after a TbSync block, the line after its ']').
func (lr *logReader) line(p int) int {
	data := lr.data
	end, next := lineEnd(data, p)
	end = trimCR(data, p, end)
	line := data[p:end]
	if w := bytes.Index(line, []byte("WBXML")); w >= 0 {
		for _, m := range logMarkers {
			if i := bytes.Index(line[w:], []byte(m.text)); i >= 0 {
				lr.marker(p+w+i, end, m.text, m.dir)
				return next
			}
		}
		if i := bytes.Index(line[w:], []byte("WBXML:")); i >= 0 && w+i > 0 && line[w+i-1] == '[' {
			return lr.tbsyncBlock(p, p+w+i+len("WBXML:"))
		}
	}
	lr.generic(p, end)
	return next
}

// marker reads the base64 after a Z-Push marker at at.
func (lr *logReader) marker(at, end int, text string, dir Direction) {
	lr.markers++
	data := lr.data
	i := at + len(text)
	for i < end && isBlank(data[i]) {
		i++
	}
	if i < end && data[i] == ':' {
		i++
	}
	s, e := trimBlanks(data, i, end)
	if s == e {
		lr.note(at, dir, text, detail(ErrTruncated, text+" with no body after it"))
		return
	}
	if bad := indexBlank(data[s:e]); bad >= 0 {
		lr.note(s, dir, text, detail(ErrSyntax, text+" is not followed by base64 ("+strconv.Quote(clip(data[s:e]))+")"))
		return
	}
	body, off, err := lr.decodeBase64(s, e)
	if err != nil {
		lr.note(off, dir, text, err)
		return
	}
	var warn error
	if !wbxml.Valid(body) && !looksMultipart(body) {
		limit := zpushInLimit
		if dir == DirectionRequest && text != "WBXML-IN" {
			limit = zpushDebugLimit
		}
		msg := "the body is not one complete WBXML document"
		if dir == DirectionRequest && len(body) == limit {
			msg += " (" + text + " logs at most " + strconv.Itoa(limit) + " bytes)"
		}
		warn = &causeError{sentinel: ErrLossy, msg: msg, also: ErrTruncated}
	}
	lr.add(s, body, dir, text, warn)
	lr.bodies[len(lr.bodies)-1].evidence = true
}

// tbsyncBlock reads a TbSync "[WBXML: …]" block whose text starts at s on
// the line that starts at p, up to its ']'. The block may go on over the
// next lines while they hold only hex bytes; a block whose ']' does not
// come by then is a note, and reading goes on at the line that ended it.
func (lr *logReader) tbsyncBlock(p, s int) int {
	lr.markers++
	data := lr.data
	dir, _ := logDirection(data[p:s])
	stop, next := -1, len(data)
	for q := s; q < len(data); {
		end, nl := lineEnd(data, q)
		i := bytes.IndexByte(data[q:end], ']')
		upto := end
		if i >= 0 {
			upto = q + i
		}
		if q != s && !onlyShortHex(data[q:upto]) && !(i >= 0 && len(bytes.TrimSpace(data[q:upto])) == 0) {
			next = q
			break
		}
		if i >= 0 {
			stop, next = q+i, nl
			break
		}
		q, next = nl, nl
	}
	if stop < 0 {
		lr.note(s, dir, "WBXML", detail(ErrTruncated, "[WBXML: block with no ']' after it"))
		return next
	}
	at := skipSpace(data, s)
	body, off, err := lr.decodeHexBytes(at, stop, true)
	if err != nil {
		lr.note(off, dir, "WBXML", err)
		return next
	}
	lr.add(at, body, dir, "WBXML", nil)
	lr.bodies[len(lr.bodies)-1].evidence = true
	return next
}

// onlyShortHex reports whether a line holds hex bytes of one or two digits
// and blanks only, and at least one byte.
func onlyShortHex(line []byte) bool {
	n := 0
	for f := range bytes.FieldsSeq(line) {
		if !isShortHex(f) {
			return false
		}
		n++
	}
	return n > 0
}

// generic reads a line of no known marker: a base64 or hex field at its
// end, or a run of hex bytes.
func (lr *logReader) generic(p, end int) {
	data := lr.data
	s, e := trimBlanks(data, p, end)
	if s == e {
		return
	}
	// The last field.
	f := e
	for f > s && !isBlank(data[f-1]) {
		f--
	}
	if treeLine(data, s, f) {
		return
	}
	fs, fe := unwrapField(data, f, e)
	dir, word := logDirection(data[s:fs])
	if fe-fs >= 8 {
		field := data[fs:fe]
		switch {
		case isHexStream(field):
			mark := len(lr.slab)
			lr.slab = appendHexToken(lr.slab, field)
			if body := lr.slab[mark:len(lr.slab):len(lr.slab)]; wbxml.HasHeader(body) || looksMultipart(body) {
				lr.add(fs, body, dir, word, nil)
				lr.bodies[len(lr.bodies)-1].evidence = fs > s
				return
			}
			lr.slab = lr.slab[:mark]
		case isBase64Field(field):
			mark := len(lr.slab)
			body, _, err := lr.decodeBase64(fs, fe)
			if err == nil && (wbxml.HasHeader(body) || looksMultipart(body)) {
				lr.add(fs, body, dir, word, nil)
				lr.bodies[len(lr.bodies)-1].evidence = fs > s
				return
			}
			lr.slab = lr.slab[:mark]
			if err != nil && startsLikeWBXML(field) {
				_, off, _ := lr.decodeBase64(fs, fe)
				lr.note(off, dir, word, err)
				return
			}
		case startsLikeWBXML(field):
			_, off, err := lr.decodeBase64(fs, fe)
			if err == nil {
				err = detail(ErrSyntax, "field starts like base64 of WBXML but is not base64")
			}
			lr.note(off, dir, word, err)
			return
		}
	}
	lr.hexRun(s, e)
}

// hexRun reads a run of blank-separated hex bytes of one or two digits at
// the end of the line data[s:e]: a message when the run, from one of its
// first few bytes on, starts a WBXML document; a note when the line holds
// "3 1 6a" or "03 01 6a" followed by something that is not a hex byte.
func (lr *logReader) hexRun(s, e int) {
	data := lr.data
	// Walk back over the fields that are hex bytes.
	r := e
	n := 0
	for r > s {
		f := r
		for f > s && !isBlank(data[f-1]) {
			f--
		}
		if !isShortHex(data[f:r]) {
			break
		}
		n++
		r = f
		for r > s && isBlank(data[r-1]) {
			r--
		}
	}
	if n >= 4 {
		at := skipSpace(data[:e], r)
		for tries := 0; tries < 8 && at < e; tries++ {
			mark := len(lr.slab)
			body, _, err := lr.decodeHexBytes(at, e, false)
			if err == nil && wbxml.HasHeader(body) {
				dir, word := logDirection(data[s:at])
				lr.add(at, body, dir, word, nil)
				// Evidence of a log: a prefix, or TbSync's bytes without
				// leading zeros.
				lr.bodies[len(lr.bodies)-1].evidence = at > s || hasOneDigitField(data[at:e])
				return
			}
			lr.slab = lr.slab[:mark]
			for at < e && !isBlank(data[at]) {
				at++
			}
			at = skipSpace(data[:e], at)
		}
	}
	// A damaged TbSync line: the header's bytes, then a field that is not
	// a hex byte.
	for _, sig := range [...]string{"3 1 6a ", "03 01 6a ", "3 1 6A ", "03 01 6A "} {
		i := bytes.Index(data[s:e], []byte(sig))
		if i < 0 || s+i > s && !isBlank(data[s+i-1]) {
			continue
		}
		at := s + i
		dir, word := logDirection(data[s:at])
		if _, off, err := lr.decodeHexBytes(at, e, false); err != nil {
			lr.note(off, dir, word, err)
		}
		return
	}
}

// hasOneDigitField reports whether a blank-separated field of b is a single
// character.
func hasOneDigitField(b []byte) bool {
	for f := range bytes.FieldsSeq(b) {
		if len(f) == 1 {
			return true
		}
	}
	return false
}

// decodeHexBytes decodes blank-separated (in a block, also line-separated)
// hex bytes of one or two digits in data[s:e], appending them to the slab.
// On error it returns the offset of the bad field.
func (lr *logReader) decodeHexBytes(s, e int, block bool) ([]byte, int, error) {
	data := lr.data
	mark := len(lr.slab)
	for i := s; i < e; {
		c := data[i]
		if isBlank(c) || block && isSpace(c) {
			i++
			continue
		}
		j := i
		for j < e && !isSpace(data[j]) {
			j++
		}
		if !isShortHex(data[i:j]) {
			lr.slab = lr.slab[:mark]
			return nil, i, detail(ErrSyntax, "expected a hex byte such as 6a, found "+strconv.Quote(clip(data[i:j])))
		}
		v := 0
		for _, d := range data[i:j] {
			v = v<<4 | unhex(d)
		}
		lr.slab = append(lr.slab, byte(v))
		i = j
	}
	if len(lr.slab) == mark {
		return nil, s, detail(ErrTruncated, "no bytes in the block")
	}
	return lr.slab[mark:len(lr.slab):len(lr.slab)], s, nil
}

// decodeBase64 decodes the base64 field data[s:e] (standard or URL-safe,
// padded or not) into the slab. On error it returns the offset of the bad
// character.
func (lr *logReader) decodeBase64(s, e int) ([]byte, int, error) {
	// Decoded from the field alone, so that an error costs the field's
	// length, not the log's.
	body, next, _, slab, err := parseBase64Blob(lr.data[s:e], 0, nil, lr.slab)
	if err != nil {
		if pe, ok := err.(*Error); ok {
			return nil, s + max(int(pe.Offset), 0), pe.Err
		}
		return nil, s, err
	}
	lr.slab = slab
	if next < e-s {
		return nil, s + next, detail(ErrSyntax, "text after the base64 padding")
	}
	return body, s, nil
}

// add records a decoded message.
func (lr *logReader) add(off int, body []byte, dir Direction, marker string, warn error) {
	lr.found++
	lr.bodies = append(lr.bodies, bareBody{off: off, body: body, dir: dir, marker: marker, warn: warn})
}

// note records a line that looks like a message but does not decode: err
// says why, off is where. The Reader turns it into the message's Warning
// with the line and column of off (see logNote).
func (lr *logReader) note(off int, dir Direction, marker string, err error) {
	lr.bodies = append(lr.bodies, bareBody{off: off, dir: dir, marker: marker, note: err})
}

// logNote is the Warning of a log line that did not decode. It wraps
// ErrLossy and the cause (ErrSyntax or ErrTruncated).
func logNote(line, col int, cause error) error {
	return &causeError{sentinel: ErrLossy, msg: "line " + strconv.Itoa(line) + ":" + strconv.Itoa(col) + ": not decoded", cause: cause}
}

// treeLine reports whether the line data[s:f] before its last field is a
// line of a decoded tree as Z-Push logs it: its last field before the
// payload, or the field before a '<', is "I" or "O".
func treeLine(data []byte, s, f int) bool {
	e := f
	for e > s && isBlank(data[e-1]) {
		e--
	}
	b := e
	for b > s && !isBlank(data[b-1]) {
		b--
	}
	if e-b == 1 && (data[b] == 'I' || data[b] == 'O') {
		return true
	}
	i := bytes.Index(data[s:f], []byte(" <"))
	if i < 0 {
		return false
	}
	e = s + i
	b = e
	for b > s && !isBlank(data[b-1]) {
		b--
	}
	return e-b == 1 && (data[b] == 'I' || data[b] == 'O')
}

// unwrapField removes quotes and brackets around a field and a "name=" or
// "name:" before it.
func unwrapField(data []byte, s, e int) (int, int) {
	for e-s >= 2 && isWrap(data[s]) {
		s++
	}
	for e > s && (isWrap(data[e-1]) || data[e-1] == ',' || data[e-1] == ';') {
		e--
	}
	for i := s; i < e && i < s+64; i++ {
		if c := data[i]; c == '=' || c == ':' {
			if i+8 < e && data[i+1] != '=' && i > s {
				s = i + 1
				for e-s >= 2 && isWrap(data[s]) {
					s++
				}
			}
			break
		}
	}
	return s, e
}

func isWrap(c byte) bool {
	return c == '"' || c == '\'' || c == '[' || c == ']' || c == '(' || c == ')' || c == '{' || c == '}' || c == '<' || c == '>' || c == '`'
}

// isHexStream reports whether f is an even number of hex digits.
func isHexStream(f []byte) bool {
	return len(f)%2 == 0 && isHexGroup(f)
}

// isShortHex reports whether f is one or two hex digits.
func isShortHex(f []byte) bool {
	return (len(f) == 1 || len(f) == 2) && isHexDigit(f[0]) && isHexDigit(f[len(f)-1])
}

// isBase64Field reports whether f holds only base64 characters of either
// alphabet, with '=' only at its end.
func isBase64Field(f []byte) bool {
	pad := false
	for _, c := range f {
		switch {
		case c == '=':
			pad = true
		case pad:
			return false
		case 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '+' || c == '/' || c == '-' || c == '_':
		default:
			return false
		}
	}
	return true
}

// startsLikeWBXML reports whether a field starts like ActiveSync WBXML
// (version 1.3, public id 1, UTF-8) in base64 or as a hex stream.
func startsLikeWBXML(f []byte) bool {
	return bytes.HasPrefix(f, []byte("AwFq")) || len(f) >= 6 && bytes.EqualFold(f[:6], []byte("03016a"))
}

// logDirection finds the last direction word in a log prefix: upper-case
// IN or OUT (Z-Push's own words), or, in any case, send, sending, sent,
// request (requests) and receive, received, receiving, response
// (responses). It returns the word as written.
func logDirection(prefix []byte) (Direction, string) {
	dir, word := DirectionUnknown, ""
	for i := 0; i < len(prefix); {
		if !isLetter(prefix[i]) {
			i++
			continue
		}
		j := i
		for j < len(prefix) && isLetter(prefix[j]) {
			j++
		}
		w := prefix[i:j]
		switch {
		case string(w) == "IN":
			dir, word = DirectionRequest, string(w)
		case string(w) == "OUT":
			dir, word = DirectionResponse, string(w)
		case equalFoldAny(w, "send", "sending", "sent", "request"):
			dir, word = DirectionRequest, string(w)
		case equalFoldAny(w, "receive", "received", "receiving", "response"):
			dir, word = DirectionResponse, string(w)
		}
		i = j
	}
	return dir, word
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func equalFoldAny(w []byte, words ...string) bool {
	for _, s := range words {
		if bytes.EqualFold(w, []byte(s)) {
			return true
		}
	}
	return false
}

// trimBlanks trims blanks from both ends of data[s:e].
func trimBlanks(data []byte, s, e int) (int, int) {
	for s < e && isSpace(data[s]) {
		s++
	}
	for e > s && isSpace(data[e-1]) {
		e--
	}
	return s, e
}

// indexBlank returns the index of the first blank in b, or -1.
func indexBlank(b []byte) int {
	for i, c := range b {
		if isBlank(c) {
			return i
		}
	}
	return -1
}

// clip shortens text for an error message.
func clip(b []byte) string {
	if len(b) > 24 {
		return string(b[:24]) + "…"
	}
	return string(b)
}
