package capture

import (
	"github.com/easkit/easkit/wbxml"

	"bytes"
	"slices"
	"strconv"
)

// Dumps with an offset column: xxd, hexdump -C, hexdump, od -A x -t x1z,
// od -t x1, od -x, Wireshark's "hex dump" (with or without ASCII) and its
// Follow Stream hex dump of both sides (see followSides), PowerShell's
// Format-Hex (its header lines skipped), certutil -encodehex, tcpdump -X,
// and the text2pcap input format.
//
// Each line holds an offset, then the bytes as groups of hex digits, then
// optionally an ASCII column. The bytes of a line are told apart from its
// ASCII column by the offsets: a line holds exactly the bytes up to the
// next line's offset. The last line of a dump, which has no next offset
// unless the tool prints a final offset line, is cut where the rest of the
// line is a faithful ASCII rendering of the bytes before it. A line of
// '*' repeats the line before it up to the next offset (hexdump, od,
// xxd -a). An offset of 0 after some bytes starts a new body (text2pcap's
// rule for several packets in one file). Offsets are hexadecimal, or octal
// or decimal when that is the only way they add up (od's default -A o).
// Dumps of 16-bit words without a colon after the offset (hexdump and
// od -x) list little-endian words; their bytes are swapped back. xxd -e
// lists little-endian groups of 2, 4 or 8 bytes (-g): a dump with a colon
// whose ASCII column renders its bytes only with each group reversed, on
// some line and never the other way round, has its groups reversed back.

type dumpTok struct{ s, e int } // absolute offsets of a blank-separated token

const (
	lineData  = iota // offset and tokens
	lineStar         // "*"
	lineFinal        // offset alone
)

type dumpLine struct {
	kind       int
	start      int // offset of the first non-blank byte
	indent     int // blanks before start on its line
	offS, offE int // the offset's digits, without "0x" and ':'
	prefixed   bool
	colon      bool
	seg        bool // a segment:offset pair ("0000:0010"), read as one number
	headless   bool // the first line, cut before its offset (see splitDumpLines)
	toks       []dumpTok
}

// parseOffsetDump reads a dump with an offset column. confident reports
// evidence that the input really is one (see parseHexDump).
func parseOffsetDump(data []byte, q int, b *budget) (bodies []bareBody, confident bool, err error) {
	lines, err := splitDumpLines(data, q)
	if err != nil {
		return nil, false, err
	}
	if side := followSides(data, lines); side != nil {
		return assembleFollow(data, lines, side, b)
	}
	var first error
	for _, radix := range [...]int{16, 8, 10} {
		if radix != 16 && !offsetsFit(data, lines, radix) {
			continue
		}
		var saved int64
		if b != nil {
			saved = b.left
		}
		bodies, confident, err := assembleDump(data, lines, radix, b, nil)
		if err == nil {
			return bodies, confident, nil
		}
		if b != nil {
			b.left = saved
		}
		if first == nil {
			first = err
		}
	}
	return nil, false, first
}

// splitDumpLines parses the lines of a dump into offsets and tokens.
func splitDumpLines(data []byte, q int) ([]dumpLine, error) {
	// Count first, so that the line and token arrays are allocated once at
	// their final size; each line keeps a slice of the shared token array.
	nLines, nToks := 1, 0
	for i := q; i < len(data); i++ {
		switch c := data[i]; {
		case c == '\n':
			nLines++
		case !isSpace(c) && (i == q || isSpace(data[i-1])):
			nToks++
		}
	}
	lines := make([]dumpLine, 0, nLines)
	all := make([]dumpTok, 0, nToks)
	var headErr error // the first line has no offset: the error, if no line with one follows
	for p := q; p < len(data); {
		end, next := lineEnd(data, p)
		end = trimCR(data, p, end)
		s := p
		for s < end && isBlank(data[s]) {
			s++
		}
		lineStart := s // minus the blanks before s, those of the first line too
		for lineStart > 0 && isBlank(data[lineStart-1]) {
			lineStart--
		}
		e := end
		for e > s && isSpace(data[e-1]) {
			e--
		}
		p = next
		if s == e || isDumpHeader(data[s:e]) {
			continue
		}
		if e-s == 1 && data[s] == '*' {
			lines = append(lines, dumpLine{kind: lineStar, start: s, indent: s - lineStart})
			continue
		}
		ln := dumpLine{kind: lineData, start: s, indent: s - lineStart}
		i := s
		if i+1 < e && data[i] == '0' && (data[i+1] == 'x' || data[i+1] == 'X') {
			i += 2
			ln.prefixed = true
		}
		ln.offS = i
		for i < e && isHexDigit(data[i]) {
			i++
		}
		ln.offE = i
		if i-ln.offS == 4 && i+5 <= e && data[i] == ':' && isHexGroup(data[i+1:i+5]) && (i+5 == e || isBlank(data[i+5])) {
			// segment:offset, as DOS debug and some hex editors write it.
			ln.seg = true
			i += 5
			ln.offE = i
		}
		if i < e && data[i] == ':' {
			ln.colon = true
			i++
		}
		digits := ln.offE - ln.offS
		if digits == 0 || digits > 16 || i < e && !isBlank(data[i]) || digits < 3 && !ln.colon && !ln.prefixed {
			// text2pcap's rule: an offset has more than two digits, so that
			// plain hex ("03 01 6a") is not read as offset 3.
			err := textError(data, FormHex, 0, s, detail(ErrSyntax, "expected an offset at the start of the line"))
			if len(lines) > 0 || headErr != nil || s+2 > e || !isHexGroup(data[s:s+2]) || s+2 < e && !isBlank(data[s+2]) {
				if headErr != nil {
					return nil, headErr
				}
				return nil, err
			}
			// The first line of a dump copied from the middle of a row
			// (a selection that began after the offset): its bytes end
			// where the next line's offset says.
			headErr = err
			ln = dumpLine{kind: lineData, start: s, indent: s - lineStart, offS: s, offE: s, headless: true}
			i = s
		}
		first := len(all)
		for i < e {
			for i < e && isBlank(data[i]) {
				i++
			}
			t := i
			for i < e && !isBlank(data[i]) {
				i++
			}
			if i-t == 5 && data[t+2] == '-' && isHexGroup(data[t:t+2]) && isHexGroup(data[t+3:t+5]) {
				// DOS debug's '-' between the eighth and ninth byte.
				all = append(all, dumpTok{t, t + 2}, dumpTok{t + 3, t + 5})
				continue
			}
			if t < i {
				all = append(all, dumpTok{t, i})
			}
		}
		ln.toks = all[first:len(all):len(all)]
		if len(ln.toks) == 0 {
			ln.kind = lineFinal
		}
		lines = append(lines, ln)
	}
	if len(lines) == 0 {
		return nil, textError(data, FormHex, 0, q, detail(ErrEmpty, "no dump lines"))
	}
	if headErr != nil && (len(lines) < 2 || lines[1].kind == lineStar) {
		return nil, headErr
	}
	return lines, nil
}

// offsetsFit reports whether every offset could be od's octal or decimal
// address (-A o, the default, or -A d): at most 7 digits of the radix,
// without a 0x prefix or a colon.
func offsetsFit(data []byte, lines []dumpLine, radix int) bool {
	for _, ln := range lines {
		if ln.kind == lineStar {
			continue
		}
		if ln.prefixed || ln.colon || ln.seg || ln.offE-ln.offS > 7 {
			return false
		}
		for _, c := range data[ln.offS:ln.offE] {
			if int(c-'0') >= radix || c < '0' {
				return false
			}
		}
	}
	return true
}

// offsetValue parses a line's offset in radix.
func offsetValue(data []byte, ln *dumpLine, radix int) (uint64, bool) {
	digits := string(data[ln.offS:ln.offE])
	if ln.seg {
		digits = digits[:4] + digits[5:]
	}
	v, err := strconv.ParseUint(digits, radix, 64)
	return v, err == nil && v < 1<<56
}

// dumpState is the body being assembled.
type dumpState struct {
	body      []byte
	start     int    // offset in the input of the dump's first line
	base, pos uint64 // offset of the first byte, and of the next byte
	lines     int    // data lines so far
	last      []byte // bytes of the last data line (for '*')
	hadASCII  bool   // some line had an ASCII column
	words     bool   // every line so far is 16-bit words without colon and ASCII
	trim      int    // bytes of word padding to drop (final offset)
	evidence  bool   // offsets or ASCII columns confirmed the layout
	// group is the byte size of the groups of an xxd-style dump (colon
	// after the offset) when every line holds whole groups of that size
	// (the last line may end in a shorter one), and -1 when not. le and be
	// count the lines whose ASCII column renders the bytes only with each
	// group reversed (xxd -e writes little-endian groups), or only as
	// written.
	group  int
	le, be int
}

// assembleDump turns the lines into bodies, reading offsets in radix. When
// spans is not nil (len(lines)+1 long), spans[i] is set to where the bytes
// of data line i start in its body, and spans[len(lines)] to the length of
// the last body.
func assembleDump(data []byte, lines []dumpLine, radix int, b *budget, spans []int) ([]bareBody, bool, error) {
	var bodies []bareBody
	confident := true
	var st *dumpState
	var sc cutScratch
	closeDump := func() {
		if st == nil {
			return
		}
		body := st.body
		if st.words && st.lines > 0 {
			body = chooseWordOrder(body)
		}
		if st.group > 1 && st.le > 0 && st.be == 0 {
			reverseGroups(body, st.group)
		}
		if st.trim > 0 {
			body = body[:len(body)-st.trim]
		}
		if !st.evidence {
			confident = false
		}
		bodies = append(bodies, bareBody{off: st.start, body: body})
		st = nil
	}
	values := make([]uint64, len(lines))
	for i := range lines {
		if lines[i].kind == lineStar || lines[i].headless {
			continue
		}
		v, ok := offsetValue(data, &lines[i], radix)
		if !ok {
			return nil, false, textError(data, FormHex, 0, lines[i].offS, detail(ErrSyntax, "offset is not a base-"+strconv.Itoa(radix)+" number"))
		}
		values[i] = v
	}
	if len(lines) > 1 && lines[0].headless {
		// Its offset: the next one less its bytes.
		k, _, _, err := chooseCut(data, &lines[0], -1, false, false, &sc)
		if err != nil {
			return nil, false, err
		}
		n := uint64(0)
		for _, t := range lines[0].toks[:k] {
			n += uint64(t.e-t.s) / 2
		}
		if values[1] < n {
			return nil, false, textError(data, FormHex, 0, lines[1].offS, detail(ErrSyntax, "offset is smaller than the bytes of the line before it"))
		}
		values[0] = values[1] - n
	}
	for i := 0; i < len(lines); i++ {
		ln := &lines[i]
		v := values[i]
		switch ln.kind {
		case lineStar:
			if st == nil || len(st.last) == 0 {
				return nil, false, textError(data, FormHex, 0, ln.start, detail(ErrSyntax, "'*' with no line before it to repeat"))
			}
			j := i + 1
			for j < len(lines) && lines[j].kind == lineStar {
				j++
			}
			if j == len(lines) || values[j] == 0 {
				return nil, false, textError(data, FormHex, 0, ln.start, detail(ErrTruncated, "'*' must be followed by the offset where the repetition ends"))
			}
			to := values[j]
			n := uint64(len(st.last))
			if to < st.pos || (to-st.pos)%n != 0 {
				return nil, false, textError(data, FormHex, 0, lines[j].offS, detail(ErrSyntax, "offset does not follow from repeating the "+strconv.Itoa(len(st.last))+"-byte line before '*'"))
			}
			gap := to - st.pos
			if gap > 1<<62 || !b.take(int64(gap)) {
				return nil, false, textError(data, FormHex, 0, ln.start, detail(ErrTooLarge, "'*' stands for "+strconv.FormatUint(gap, 10)+" bytes, more than the decoded-size limit allows"))
			}
			last := st.last
			for k := uint64(0); k < gap/n; k++ {
				st.body = append(st.body, last...)
			}
			st.pos = to
			st.evidence = true
			i = j - 1
		case lineFinal:
			if st == nil {
				if v != 0 {
					return nil, false, textError(data, FormHex, 0, ln.offS, detail(ErrSyntax, "offset line with no bytes"))
				}
				// od prints a lone "0000000" for empty input.
				st = &dumpState{start: ln.start, words: true}
				closeDump()
				continue
			}
			if i+1 < len(lines) && !(lines[i+1].kind == lineData && values[i+1] == 0) && lines[i+1].kind != lineFinal {
				return nil, false, textError(data, FormHex, 0, ln.offS, detail(ErrSyntax, "offset line with no bytes in the middle of a dump"))
			}
			switch {
			case v > st.pos:
				return nil, false, textError(data, FormHex, 0, ln.offS, detail(ErrTruncated, "final offset 0x"+strconv.FormatUint(v, 16)+" is past the last byte listed (0x"+strconv.FormatUint(st.pos, 16)+")"))
			case v < st.pos:
				if !st.words || st.pos-v != 1 {
					return nil, false, textError(data, FormHex, 0, ln.offS, detail(ErrSyntax, "final offset 0x"+strconv.FormatUint(v, 16)+" is before the last byte listed (0x"+strconv.FormatUint(st.pos, 16)+")"))
				}
				st.trim = 1
			}
			st.evidence = true
			closeDump()
		case lineData:
			if st != nil && v == 0 && st.pos != 0 {
				closeDump()
			}
			if st == nil {
				st = &dumpState{start: ln.start, base: v, pos: v, words: true, evidence: v == 0 || ln.colon || ln.prefixed || ln.headless}
			}
			if v != st.pos {
				return nil, false, textError(data, FormHex, 0, ln.offS, detail(ErrSyntax, "offset 0x"+strconv.FormatUint(v, 16)+" does not follow the bytes before it (expected 0x"+strconv.FormatUint(st.pos, 16)+")"))
			}
			want := int64(-1)
			pad := false
			if i+1 < len(lines) {
				nx := &lines[i+1]
				if nx.kind != lineStar && values[i+1] != 0 {
					if values[i+1] <= v {
						return nil, false, textError(data, FormHex, 0, nx.offS, detail(ErrSyntax, "offset 0x"+strconv.FormatUint(values[i+1], 16)+" goes backwards"))
					}
					want = int64(min(values[i+1]-v, 1<<40))
					pad = nx.kind == lineFinal
					st.evidence = true
				}
			}
			k, ascii, verified, err := chooseCut(data, ln, want, pad, st.hadASCII, &sc)
			if err != nil {
				return nil, false, err
			}
			if verified {
				st.evidence = true
			}
			mark := len(st.body)
			if spans != nil {
				spans[i] = mark
			}
			for _, t := range ln.toks[:k] {
				st.body = appendHexToken(st.body, data[t.s:t.e])
				if t.e-t.s != 4 {
					st.words = false
				}
			}
			if ascii || ln.colon {
				st.words = false
			}
			st.checkGroups(data, ln, k, ascii, mark)
			st.hadASCII = st.hadASCII || ascii
			st.last = st.body[mark:len(st.body):len(st.body)]
			st.pos += uint64(len(st.body) - mark)
			st.lines++
		}
	}
	if spans != nil && st != nil {
		spans[len(lines)] = len(st.body)
	}
	closeDump()
	return bodies, confident, nil
}

// followSides recognises the hex dump of Wireshark's "Follow TCP Stream"
// (and Follow TLS or HTTP Stream): the bytes of both sides in the order
// they were sent, the server's lines indented, each side with offsets of
// its own that run on from packet to packet. It returns for each line
// whether it is the indented side, or nil when the dump is not laid out so:
// it needs lines at two indents and no other, data lines only, and each
// side starting at offset 0.
func followSides(data []byte, lines []dumpLine) []bool {
	minIndent, maxIndent := -1, 0
	for i := range lines {
		ln := &lines[i]
		if ln.kind != lineData || ln.colon || ln.prefixed || ln.headless {
			return nil
		}
		if minIndent < 0 || ln.indent < minIndent {
			minIndent = ln.indent
		}
		maxIndent = max(maxIndent, ln.indent)
	}
	if minIndent < 0 || maxIndent == minIndent {
		return nil
	}
	side := make([]bool, len(lines))
	var seen [2]bool
	for i := range lines {
		ln := &lines[i]
		if ln.indent != minIndent && ln.indent != maxIndent {
			return nil
		}
		side[i] = ln.indent == maxIndent
		k := 0
		if side[i] {
			k = 1
		}
		if !seen[k] {
			seen[k] = true
			for _, c := range data[ln.offS:ln.offE] {
				if c != '0' {
					return nil
				}
			}
		}
	}
	return side
}

// assembleFollow assembles each side of a Follow Stream dump on its own
// (its offsets run on across its packets) and returns its packets, runs of
// lines of one side, as bodies in the order of the dump.
func assembleFollow(data []byte, lines []dumpLine, side []bool, b *budget) ([]bareBody, bool, error) {
	var sideLines [2][]dumpLine
	var pos []int // position of each line in its side's list
	for i := range lines {
		k := 0
		if side[i] {
			k = 1
		}
		pos = append(pos, len(sideLines[k]))
		sideLines[k] = append(sideLines[k], lines[i])
	}
	var sideBody [2][]byte
	var spans [2][]int
	for k := range sideLines {
		spans[k] = make([]int, len(sideLines[k])+1)
		bodies, _, err := assembleDump(data, sideLines[k], 16, b, spans[k])
		if err != nil {
			return nil, false, err
		}
		if len(bodies) != 1 {
			return nil, false, textError(data, FormHex, 0, bodies[1].off, detail(ErrSyntax, "offset 0 again on one side of a Follow Stream dump"))
		}
		sideBody[k] = bodies[0].body
	}
	var out []bareBody
	for i := 0; i < len(lines); {
		j := i
		for j < len(lines) && side[j] == side[i] {
			j++
		}
		k := 0
		if side[i] {
			k = 1
		}
		from, to := spans[k][pos[i]], spans[k][pos[j-1]+1]
		out = append(out, bareBody{off: lines[i].start, body: sideBody[k][from:to:to]})
		i = j
	}
	return out, true, nil
}

// checkGroups follows the group layout of an xxd-style dump line whose
// first k tokens are its bytes, appended to st.body at mark, and votes on
// their byte order by the line's ASCII column.
func (st *dumpState) checkGroups(data []byte, ln *dumpLine, k int, ascii bool, mark int) {
	if st.group < 0 {
		return
	}
	if !ln.colon || k == 0 || st.group > 0 && mark%st.group != 0 {
		st.group = -1
		return
	}
	g := (ln.toks[0].e - ln.toks[0].s) / 2
	if st.group == 0 {
		st.group = g
	}
	for i, t := range ln.toks[:k] {
		n := (t.e - t.s) / 2
		if n != st.group && !(i == k-1 && n < st.group) {
			st.group = -1
			return
		}
	}
	if st.group < 2 || !ascii {
		return
	}
	bs := st.body[mark:]
	le := make([]byte, len(bs))
	copy(le, bs)
	reverseGroups(le, st.group)
	start, end := ln.toks[k].s, lineContentEnd(data, ln)
	beOK := verifyASCII(data, ln.toks[k-1].e, start, end, bs)
	leOK := verifyASCII(data, ln.toks[k-1].e, start, end, le)
	switch {
	case leOK && !beOK:
		st.le++
	case beOK && !leOK:
		st.be++
	}
}

// reverseGroups reverses the bytes of each n-byte group of b; a shorter
// last group is reversed too (xxd -e writes it right-aligned).
func reverseGroups(b []byte, n int) {
	for i := 0; i < len(b); i += n {
		slices.Reverse(b[i:min(i+n, len(b))])
	}
}

// chooseWordOrder swaps the bytes of each 16-bit word (hexdump and od -x
// list little-endian words), unless only the unswapped bytes look like
// WBXML or a multipart response.
func chooseWordOrder(be []byte) []byte {
	le := make([]byte, len(be))
	for i := 0; i+1 < len(be); i += 2 {
		le[i], le[i+1] = be[i+1], be[i]
	}
	if (wbxml.HasHeader(be) || looksMultipart(be)) && !(wbxml.HasHeader(le) || looksMultipart(le)) {
		return be
	}
	return le
}

// isHexGroup reports whether a token is an even number of hex digits.
func isHexGroup(tok []byte) bool {
	if len(tok) == 0 || len(tok)%2 != 0 {
		return false
	}
	for _, c := range tok {
		if !isHexDigit(c) {
			return false
		}
	}
	return true
}

// appendHexToken appends the bytes of an even-length hex token.
func appendHexToken(dst, tok []byte) []byte {
	for i := 0; i+1 < len(tok); i += 2 {
		dst = append(dst, byte(unhex(tok[i])<<4|unhex(tok[i+1])))
	}
	return dst
}

// Bounds on the ASCII-column checks, so that an adversarial line cannot
// make the search quadratic: at most maxVerifyTries cuts are checked on a
// line, each allowing at most maxMergedSpaces leading space bytes to have
// merged into the gap, and lines longer than maxVerifyLine are not checked
// (real dump lines are under 200 bytes). Lines not checked fall back to the
// gap rule.
const (
	maxVerifyTries  = 8
	maxMergedSpaces = 4
	maxVerifyLine   = 512
)

// chooseCut decides how many of a line's tokens are bytes. want is the
// byte count the offsets require, or -1 when unknown; pad allows one byte
// of word padding before a final offset. hadASCII says whether earlier
// lines of the dump had an ASCII column. It returns the number of byte
// tokens, whether the rest of the line is an ASCII column, and whether that
// column was verified against the bytes.
func chooseCut(data []byte, ln *dumpLine, want int64, pad, hadASCII bool, sc *cutScratch) (k int, ascii, verified bool, err error) {
	toks := ln.toks
	m := 0
	cum := append(sc.cum[:0], 0)
	defer func() { sc.cum = cum }()
	for m < len(toks) && isHexGroup(data[toks[m].s:toks[m].e]) {
		cum = append(cum, cum[m]+int64(toks[m].e-toks[m].s)/2)
		m++
	}
	if want >= 0 {
		for k := 1; k <= m; k++ {
			if cum[k] != want && !(pad && cum[k] == want+1 && allWords(toks[:k])) {
				continue
			}
			if k == len(toks) || !narrowGap(data, toks[k-1], toks[k]) || isDelim(data[toks[k].s]) {
				return k, k < len(toks), false, nil
			}
			// Text one blank after the bytes must be their ASCII rendering,
			// or it is more bytes (and the offsets are read wrongly).
			bs := sc.bytes[:0]
			for _, t := range toks[:k] {
				bs = appendHexToken(bs, data[t.s:t.e])
			}
			sc.bytes = bs
			if verifyASCII(data, toks[k-1].e, toks[k].s, lineContentEnd(data, ln), bs) {
				return k, true, true, nil
			}
			break
		}
		if m < len(toks) && (m == 0 || narrowGap(data, toks[m-1], toks[m])) && !isDelim(data[toks[m].s]) {
			return 0, false, false, textError(data, FormHex, 0, toks[m].s, detail(ErrSyntax, "invalid hex byte "+strconv.Quote(string(data[toks[m].s:toks[m].e]))))
		}
		e := ErrSyntax
		if cum[m] < want {
			e = ErrTruncated
		}
		return 0, false, false, textError(data, FormHex, 0, ln.start, detail(e, "line holds "+strconv.FormatInt(cum[m], 10)+" bytes but the next offset is "+strconv.FormatInt(want, 10)+" bytes on"))
	}
	tries := 0
	if lineContentEnd(data, ln)-ln.start > maxVerifyLine {
		tries = maxVerifyTries
	}
	scratch := sc.bytes
	defer func() { sc.bytes = scratch }()
	for k := m; k >= 1 && tries < maxVerifyTries; k-- {
		if k == len(toks) {
			continue
		}
		wide := !narrowGap(data, toks[k-1], toks[k]) || isDelim(data[toks[k].s])
		if !wide && int64(trimmedLen(data, toks[k].s, ln)) != cum[k] {
			continue
		}
		tries++
		scratch = scratch[:0]
		for _, t := range toks[:k] {
			scratch = appendHexToken(scratch, data[t.s:t.e])
		}
		if verifyASCII(data, toks[k-1].e, toks[k].s, lineContentEnd(data, ln), scratch) {
			return k, true, true, nil
		}
	}
	if m == len(toks) && m > 0 && !hadASCII {
		return m, false, false, nil
	}
	for k := m; k >= 1; k-- {
		if k < len(toks) && (!narrowGap(data, toks[k-1], toks[k]) || isDelim(data[toks[k].s])) {
			return k, true, false, nil
		}
	}
	if m == len(toks) && m > 0 {
		return m, false, false, nil
	}
	if m < len(toks) {
		return 0, false, false, textError(data, FormHex, 0, toks[m].s, detail(ErrSyntax, "invalid hex byte "+strconv.Quote(string(data[toks[m].s:toks[m].e]))))
	}
	return 0, false, false, textError(data, FormHex, 0, ln.start, detail(ErrSyntax, "no bytes on the line"))
}

// cutScratch holds buffers reused across the lines of a dump.
type cutScratch struct {
	cum   []int64
	bytes []byte
}

func allWords(toks []dumpTok) bool {
	for _, t := range toks {
		if t.e-t.s != 4 {
			return false
		}
	}
	return true
}

// narrowGap reports whether two tokens are separated by a single space (or
// by DOS debug's '-').
func narrowGap(data []byte, a, b dumpTok) bool {
	return b.s-a.e == 1 && (data[a.e] == ' ' || data[a.e] == '-')
}

func isDelim(c byte) bool { return c == '|' || c == '>' }

// lineContentEnd returns the end of the line's last token.
func lineContentEnd(data []byte, ln *dumpLine) int {
	return ln.toks[len(ln.toks)-1].e
}

// trimmedLen returns the length of the line from s to its last token's end.
func trimmedLen(data []byte, s int, ln *dumpLine) int {
	return lineContentEnd(data, ln) - s
}

// verifyASCII reports whether data[s:end] (the rest of a line after a gap
// that began at gapStart) is an ASCII rendering of bs: each character is
// the byte itself when printable, or '.' (accepted for any byte). The
// column may be enclosed in |…| (hexdump -C) or >…< (od); otherwise
// leading space bytes may have merged into the gap and trailing ones may
// have been trimmed.
func verifyASCII(data []byte, gapStart, s, end int, bs []byte) bool {
	col := data[s:end]
	if len(col) >= 2 && (col[0] == '|' && col[len(col)-1] == '|' || col[0] == '>' && col[len(col)-1] == '<') {
		inner := col[1 : len(col)-1]
		return len(inner) == len(bs) && renders(inner, bs)
	}
	gap := s - gapStart
	for lead := 0; lead < gap && lead <= len(bs) && lead <= maxMergedSpaces; lead++ {
		if lead > 0 && bs[lead-1] != ' ' {
			break
		}
		rest := bs[lead:]
		if len(col) > len(rest) {
			continue
		}
		if !renders(col, rest[:len(col)]) {
			continue
		}
		ok := true
		for _, c := range rest[len(col):] {
			if c != ' ' {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// renders reports whether col is a character-for-character rendering of bs.
func renders(col, bs []byte) bool {
	for i, c := range col {
		b := bs[i]
		if c == '.' {
			continue
		}
		if b < 0x20 || b > 0x7E || c != b {
			return false
		}
	}
	return true
}

// isDumpHeader reports whether a line is one of the header lines that
// PowerShell's Format-Hex writes before its dump: "Path: C:\x.bin" or
// "Label: …", the column numbers "00 01 02 … 0F", the column titles
// "Offset Bytes Ascii" and the ruler of dashes under them.
func isDumpHeader(line []byte) bool {
	switch {
	case bytes.HasPrefix(line, []byte("Path:")), bytes.HasPrefix(line, []byte("Label:")),
		bytes.HasPrefix(line, []byte("Offset ")) && bytes.Contains(line, []byte("Bytes")):
		return true
	case line[0] == '-':
		return len(bytes.Trim(line, "- \t")) == 0
	}
	// The column numbers: 00 01 02 … in order, at least eight of them.
	n := 0
	for f := range bytes.FieldsSeq(line) {
		if len(f) != 2 || unhex(f[0]) != n>>4 || unhex(f[1]) != n&15 {
			return false
		}
		n++
	}
	return n >= 8
}
