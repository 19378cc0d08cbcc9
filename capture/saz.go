package capture

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"slices"
	"strconv"
	"strings"
)

// Fiddler's SAZ archive ("Save > All Sessions"): a ZIP file holding, for
// each session NN, raw/NN_c.txt (the request as sent: request line,
// headers, body), raw/NN_s.txt (the response) and raw/NN_m.xml (metadata,
// not read here). Session numbers may be zero-padded to a common width;
// sessions are read in numeric order. Other entries (Fiddler's _index.htm,
// [Content_Types].xml, raw/NN_w.txt WebSocket frames) are ignored.

// Limits on a SAZ archive, which is untrusted input.
const (
	// maxSAZEntries bounds the entries of the archive's central directory
	// that are looked at.
	maxSAZEntries = 1 << 20
	// maxSAZName bounds the length of an entry name that is considered.
	maxSAZName = 64
)

// zipMagic is the signature of a ZIP local file header, which starts
// every non-empty ZIP archive.
var zipMagic = []byte("PK\x03\x04")

// sazSession is one session of the archive: its number and its files.
type sazSession struct {
	n        int
	req, res *zip.File
}

// sazSource yields each session's request and then its response.
type sazSource struct {
	data     []byte
	b        *budget
	sessions []sazSession
	next1    int
	pending  *Message
}

// isZip reports whether data starts with a ZIP local file header.
func isZip(data []byte) bool { return bytes.HasPrefix(data, zipMagic) }

// openSAZ reads the central directory of a SAZ archive and lists its
// sessions in numeric order. It fails when data is not a ZIP archive or
// holds no raw/NN_c.txt or raw/NN_s.txt entry.
func openSAZ(data []byte) ([]sazSession, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return nil, &Error{Form: FormSAZ, Offset: 0, Err: wrapCause(ErrSyntax, "not a readable ZIP archive", err)}
	}
	if len(zr.File) > maxSAZEntries {
		return nil, &Error{Form: FormSAZ, Offset: -1, Err: detail(ErrTooLarge, "the archive lists "+strconv.Itoa(len(zr.File))+" entries, more than "+strconv.Itoa(maxSAZEntries))}
	}
	byNum := make(map[int]int) // session number → index in sessions
	var sessions []sazSession
	for _, f := range zr.File {
		n, kind, ok := sazEntry(f.Name)
		if !ok {
			continue
		}
		i, seen := byNum[n]
		if !seen {
			i = len(sessions)
			byNum[n] = i
			sessions = append(sessions, sazSession{n: n})
		}
		s := &sessions[i]
		slot := &s.req
		if kind == 's' {
			slot = &s.res
		}
		if *slot != nil {
			return nil, &Error{Form: FormSAZ, Index: n, Offset: -1, Err: detail(ErrSyntax, "the archive holds "+f.Name+" twice")}
		}
		*slot = f
	}
	if len(sessions) == 0 {
		return nil, &Error{Form: FormSAZ, Offset: -1, Err: detail(ErrSyntax, "a ZIP archive with no raw/NN_c.txt or raw/NN_s.txt entry: not a Fiddler SAZ")}
	}
	slices.SortFunc(sessions, func(a, b sazSession) int { return a.n - b.n })
	return sessions, nil
}

// sazEntry parses an entry name "raw/NN_c.txt" or "raw/NN_s.txt" (also with
// a backslash, as some Windows tools write, and in any case). kind is 'c'
// or 's'.
func sazEntry(name string) (n int, kind byte, ok bool) {
	if len(name) > maxSAZName || len(name) < len("raw/1_c.txt") {
		return 0, 0, false
	}
	name = strings.ToLower(strings.ReplaceAll(name, `\`, "/"))
	rest, found := strings.CutPrefix(name, "raw/")
	if !found {
		return 0, 0, false
	}
	num, suffix, found := strings.Cut(rest, "_")
	if !found || len(num) == 0 || len(num) > 9 || (suffix != "c.txt" && suffix != "s.txt") {
		return 0, 0, false
	}
	for i := 0; i < len(num); i++ {
		if !isDigit(num[i]) {
			return 0, 0, false
		}
		n = n*10 + int(num[i]-'0')
	}
	return n, suffix[0], true
}

func newSAZSource(data []byte, b *budget) (*sazSource, error) {
	sessions, err := openSAZ(data)
	if err != nil {
		return nil, err
	}
	return &sazSource{data: data, b: b, sessions: sessions}, nil
}

func (s *sazSource) next() (*Message, error) {
	if s.pending != nil {
		m := s.pending
		s.pending = nil
		return m, nil
	}
	for s.next1 < len(s.sessions) {
		ss := s.sessions[s.next1]
		s.next1++
		var req, res *Message
		var err error
		if ss.req != nil {
			if req, err = s.message(ss.n, "request", ss.req, nil); err != nil {
				return nil, err
			}
		}
		if ss.res != nil {
			if res, err = s.message(ss.n, "response", ss.res, req); err != nil {
				return nil, err
			}
		}
		if req == nil && res != nil {
			return res, nil
		}
		s.pending = res
		if req != nil {
			return req, nil
		}
	}
	return nil, io.EOF
}

// message reads one session file as one HTTP message of the given part.
func (s *sazSource) message(n int, part string, f *zip.File, req *Message) (*Message, error) {
	at, err := f.DataOffset()
	if err != nil || at < 0 || at > int64(len(s.data)) {
		at = -1
	}
	fail := func(e error) error {
		return &Error{Form: FormSAZ, Index: n, Part: part, Offset: at, Err: e}
	}
	if f.Flags&0x1 != 0 {
		return nil, fail(detail(ErrUnsupported, f.Name+" is encrypted (a password-protected SAZ): save the sessions without a password"))
	}
	content, err := s.read(f)
	if err != nil {
		return nil, fail(err)
	}
	if skipSpace(content, 0) == len(content) {
		return nil, nil // Fiddler leaves the file empty when nothing was received
	}
	hs := newHTTPSource(content, 0, s.b)
	hs.whole = true
	hs.pending = []*Message{req}
	if req == nil {
		hs.pending = nil
	}
	m, err := hs.next()
	if err != nil {
		var e *Error
		if errors.As(err, &e) {
			pos := "in " + f.Name
			if e.Line > 0 {
				pos += ", line " + strconv.Itoa(e.Line) + ":" + strconv.Itoa(e.Column)
			}
			return nil, fail(&posError{pos: pos, err: e.Err})
		}
		return nil, fail(err)
	}
	want := KindRequest
	if part == "response" {
		want = KindResponse
	}
	if m.Kind != want {
		return nil, fail(detail(ErrSyntax, f.Name+" holds an HTTP "+m.Kind.String()+", not a "+part))
	}
	m.Form, m.Index, m.Offset, m.Line = FormSAZ, n, at, 0
	if m.Kind == KindResponse {
		m.Request = req
	}
	return m, nil
}

// read decompresses an entry, counting what it produces against the
// decoded-size budget (the sizes in the archive are not trusted).
func (s *sazSource) read(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		if errors.Is(err, zip.ErrAlgorithm) {
			return nil, wrapCause(ErrUnsupported, f.Name, err)
		}
		return nil, wrapCause(ErrSyntax, f.Name, err)
	}
	defer rc.Close()
	b, err := readLimited(rc, s.b)
	if err != nil {
		var ce *causeError
		if errors.As(err, &ce) {
			return nil, err
		}
		if errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, wrapCause(ErrTruncated, f.Name, err)
		}
		return nil, wrapCause(ErrSyntax, f.Name, err)
	}
	return b, nil
}
