package xmlscan

import (
	"encoding/binary"
	"fmt"
	"hash/maphash"
	"io"
)

// Scanner reads the tokens of one XML document held in memory. It is not
// safe for concurrent use. The zero value is not usable; call [NewScanner].
type Scanner struct {
	in  []byte
	pos int   // next byte to read
	err error // sticky: a *SyntaxError, or io.EOF after the document

	started    bool // the XML declaration (if any) has been read
	rootDone   bool // the root element has been closed
	doctype    bool // a DOCTYPE has been read
	pendingEnd bool // the last token was the start of <X/>; its end is next
	selfEnd    int  // offset of the "/>" of that empty-element tag

	tok Token // the token being produced

	frames   []frame   // open elements
	bindings []binding // prefixed namespace bindings in scope, oldest first
	heads    [nsBuckets]int32
	headsSet bool // heads holds -1 but for the buckets of bindings
	seed     maphash.Seed
	defNS    []byte // default namespace in scope
	arena    []byte // namespace names that had to be decoded

	text    []byte    // decoded character data
	raw     []rawAttr // attributes of the current start tag, as scanned
	attrs   []Attr    // attributes of the current start tag, as reported
	attrBuf []byte    // decoded attribute values

	maxDepth, maxAttrs, maxNameLen int
	skipLayout                     bool // WithSkipLayout
	leaves                         bool // WithLeaves

	from Encoding // what the document was transcoded from (ResetFrom)

	// lastDoctype is a copy of the last DOCTYPE declaration read whole
	// (documents of one kind all have the same), kept across Reset.
	lastDoctype []byte
}

// NewScanner returns a Scanner reading doc, the whole document. The Scanner
// does not copy doc: names and text it returns may be sub-slices of it, so
// doc must not be modified while the Scanner is in use.
func NewScanner(doc []byte, opts ...Option) *Scanner {
	s := &Scanner{seed: maphash.MakeSeed()}
	s.apply(opts)
	s.Reset(doc)
	return s
}

// Reset makes s read doc from the beginning, keeping its options and
// reusing its buffers. doc is UTF-8: its XML declaration may name UTF-8 or
// US-ASCII.
func (s *Scanner) Reset(doc []byte) { s.ResetFrom(doc, UTF8) }

// ResetFrom is [Scanner.Reset] for doc, in UTF-8, transcoded from a
// document in encoding from (see [AppendUTF8]): its XML declaration may
// name that encoding, and no other. Offsets in tokens and errors are
// those of doc; [SourceOffset] maps them to the original document. A
// document that is ASCII may be passed as it is, with the encoding it
// declares.
func (s *Scanner) ResetFrom(doc []byte, from Encoding) {
	s.from = from
	s.in = doc
	s.pos = 0
	s.err = nil
	s.started, s.rootDone, s.doctype, s.pendingEnd = false, false, false, false
	s.selfEnd = 0
	// Drop every reference into the previous document, including those
	// left beyond the lengths by reuse.
	s.tok = Token{}
	clear(s.frames[:cap(s.frames)])
	s.frames = s.frames[:0]
	// A bucket's head is -1 but while a binding in it is in scope (pop
	// restores it): only those still in scope are reset, not all 256.
	if s.headsSet {
		for i := range s.bindings {
			s.heads[s.bindings[i].bucket] = -1
		}
	} else {
		for i := range s.heads {
			s.heads[i] = -1
		}
		s.headsSet = true
	}
	clear(s.bindings[:cap(s.bindings)])
	s.bindings = s.bindings[:0]
	s.defNS = nil
	s.arena = s.arena[:0]
	s.text = s.text[:0]
	clear(s.raw[:cap(s.raw)])
	s.raw = s.raw[:0]
	clear(s.attrs[:cap(s.attrs)])
	s.attrs = s.attrs[:0]
	s.attrBuf = s.attrBuf[:0]
	if len(doc) > maxDocSize {
		s.err = &SyntaxError{Offset: maxDocSize, Line: 1, Column: 1, Msg: "document larger than 2 GiB", Err: ErrTooLarge}
	}
}

// maxDocSize is the largest document a Scanner reads: offsets are kept in
// 32 bits.
const maxDocSize = 1<<31 - 1

// ReadToken returns the next token. At the end of a well-formed document it
// returns nil and io.EOF. Any other error is a [*SyntaxError]; errors are
// sticky: once ReadToken has failed it returns the same error on every
// call.
//
// The Token belongs to the Scanner: the next call to ReadToken or Reset
// overwrites it, and its slices are valid until then (see the package
// documentation for the longer guarantees). Copy the Token (t := *tok) and
// its slices to keep them. Returning a pointer, not a copy, saves the
// caller a copy of the whole Token per call.
func (s *Scanner) ReadToken() (*Token, error) {
	if err := s.next(); err != nil {
		return nil, err
	}
	return &s.tok, nil
}

// next reads the next token into s.tok.
func (s *Scanner) next() error {
	if s.err != nil {
		return s.err
	}
	if s.pendingEnd {
		s.pendingEnd = false
		s.setElement(EndElement, true, s.selfEnd, &s.frames[len(s.frames)-1], nil)
		s.pop()
		return nil
	}
	if len(s.frames) > 0 {
		return s.readContent()
	}
	return s.readMisc()
}

// InputOffset returns the byte offset just after the most recently returned
// token: where scanning resumes.
func (s *Scanner) InputOffset() int64 { return int64(s.pos) }

// StackDepth returns the number of open elements: 1 after the root's
// StartElement, 0 after its EndElement.
func (s *Scanner) StackDepth() int { return len(s.frames) }

// Position returns the 1-based line and column of byte offset off in the
// current document, counted as in [SyntaxError]. It scans the document up
// to off, so it is meant for error reporting.
func (s *Scanner) Position(off int64) (line, column int) {
	return Position(s.in, off)
}

// ErrorAt returns a [*SyntaxError] at byte offset off of the current
// document, with its line and column, wrapping err. It lets code that
// consumes tokens report its own errors (an unknown element, say) in the
// same form as the Scanner's. It does not change the Scanner's state.
func (s *Scanner) ErrorAt(off int64, err error, msg string) *SyntaxError {
	line, col := Position(s.in, off)
	return &SyntaxError{Offset: off, Line: line, Column: col, Msg: msg, Err: err}
}

// fail records and returns a syntax error at offset off.
func (s *Scanner) fail(off int, err error, msg string) error {
	e := s.ErrorAt(int64(off), err, msg)
	s.err = e
	return e
}

func (s *Scanner) failf(off int, err error, format string, args ...any) error {
	return s.fail(off, err, fmt.Sprintf(format, args...))
}

// eof fails with ErrUnexpectedEOF at the end of the input.
func (s *Scanner) eof(where string) error {
	return s.fail(len(s.in), ErrUnexpectedEOF, "unexpected end of input "+where)
}

// readMisc reads outside the root element: the prolog before it and the
// epilog after it, where only white space, comments, processing
// instructions and (in the prolog) one DOCTYPE may appear.
func (s *Scanner) readMisc() error {
	b := s.in
	n := len(b)
	i := s.pos
	if !s.started {
		s.started = true
		var err error
		if i, err = s.prologStart(); err != nil {
			return err
		}
	}
	for {
		i = skipSpace(b, i)
		s.pos = i
		if i >= n {
			if s.rootDone {
				s.err = io.EOF
				return io.EOF
			}
			return s.fail(n, ErrStructure, "no root element")
		}
		if b[i] != '<' {
			if s.rootDone {
				return s.fail(i, ErrStructure, "text after the root element")
			}
			return s.fail(i, ErrStructure, "text before the root element")
		}
		if i+1 >= n {
			return s.eof("after '<'")
		}
		var err error
		switch b[i+1] {
		case '?':
			i, err = s.skipPI(i)
		case '!':
			switch {
			case hasPrefix(b, i, "<!--"):
				i, err = s.skipComment(i)
			case hasPrefix(b, i, "<!DOCTYPE"):
				switch {
				case s.rootDone:
					err = s.fail(i, ErrStructure, "DOCTYPE after the root element")
				case s.doctype:
					err = s.fail(i, ErrStructure, "second DOCTYPE")
				default:
					s.doctype = true
					i, err = s.doctypeAt(i)
				}
			case hasPrefix(b, i, "<![CDATA["):
				err = s.fail(i, ErrStructure, "CDATA section outside the root element")
			case isTruncated(b, i, "<!--") || isTruncated(b, i, "<!DOCTYPE") || isTruncated(b, i, "<![CDATA["):
				err = s.eof("in markup")
			default:
				err = s.fail(i, ErrMarkup, "expected <!-- or <!DOCTYPE after <!")
			}
		case '/':
			err = s.fail(i, ErrStructure, "end tag outside the root element")
		default:
			if s.rootDone {
				return s.fail(i, ErrStructure, "second root element")
			}
			return s.startTag(i)
		}
		if err != nil {
			return err
		}
	}
}

// prologStart skips a byte order mark and reads the XML declaration, if
// present, returning the offset after them.
func (s *Scanner) prologStart() (int, error) {
	b := s.in
	i := 0
	if hasPrefix(b, 0, bom) {
		i = len(bom)
	}
	if hasPrefix(b, i, "<?xml") && (len(b) == i+5 || isSpace(b[i+5]) || b[i+5] == '?') {
		return s.xmlDecl(i)
	}
	return i, nil
}

// readContent reads inside the root element.
func (s *Scanner) readContent() error {
	b := s.in
	i := s.pos
	n := len(b)
	j := i
	if i+1 < n {
		if b[i] == '<' {
			switch b[i+1] {
			case '/':
				return s.endTag(i)
			case '!', '?':
			default:
				return s.startTag(i)
			}
		} else {
			if indentTable[b[i]] {
				// Indentation between tags.
				j = i + 1
				for j+8 <= n && binary.LittleEndian.Uint64(b[j:]) == lo8*' ' {
					j += 8
				}
				for j < n && indentTable[b[j]] {
					j++
				}
				if j+1 < n && b[j] == '<' && b[j+1] != '!' && b[j+1] != '?' {
					if s.skipLayout {
						// Layout after an end tag or before a start tag.
						if b[j+1] != '/' {
							return s.startTag(j)
						}
						if k := s.tok.Kind; k == EndElement || k == Leaf {
							return s.endTag(j)
						}
					}
					s.pos = j
					s.setText(i, b[i:j], true)
					return nil
				}
			}
			j = plainText(b, j)
			if j+1 < n && b[j] == '<' && b[j+1] != '!' && b[j+1] != '?' {
				// Text that needs no decoding, up to a tag: the common case.
				// It is not all white space, or the branch above would have
				// taken it.
				s.pos = j
				s.setText(i, b[i:j], false)
				return nil
			}
		}
	} else {
		j = plainText(b, i)
	}
	text, off, err := s.scanContent(j)
	if err != nil {
		return err
	}
	if len(text) > 0 {
		s.setText(off, text, isAllSpace(text))
		return nil
	}
	// scanContent stopped at a tag: '<' followed by something other than
	// '!' or '?'.
	i = s.pos
	if b[i+1] == '/' {
		return s.endTag(i)
	}
	return s.startTag(i)
}

// setElement makes s.tok a StartElement or EndElement. Fields are stored one
// by one: building a Token on the stack and copying it costs more.
func (s *Scanner) setElement(kind Kind, self bool, off int, f *frame, attrs []Attr) {
	t := &s.tok
	t.Kind = kind
	t.SelfClosing = self
	t.Whitespace = false
	t.Offset = int64(off)
	t.Name.Space = f.space
	q := s.in[f.qs:f.qe:f.qe]
	if c := f.colon; c >= 0 {
		t.Name.Prefix = q[:c:c]
		t.Name.Local = q[c+1:]
	} else {
		t.Name.Prefix = nil
		t.Name.Local = q
	}
	t.Attrs = attrs
	t.Text = nil
}

// setText makes s.tok a Text token.
func (s *Scanner) setText(off int, text []byte, ws bool) {
	t := &s.tok
	t.Kind = Text
	t.SelfClosing = false
	t.Whitespace = ws
	t.Offset = int64(off)
	t.Name.Space = nil
	t.Name.Prefix = nil
	t.Name.Local = nil
	t.Attrs = nil
	t.Text = text
}

// maxDoctypeMemo bounds the DOCTYPE declarations doctypeAt remembers.
const maxDoctypeMemo = 256

// doctypeAt skips the DOCTYPE declaration at b[i] ("<!DOCTYPE") and
// returns the offset after it. A declaration byte for byte the same as
// the last one read whole is skipped without reading it again: the result
// of skipDoctype depends on those bytes alone.
func (s *Scanner) doctypeAt(i int) (int, error) {
	b := s.in
	if m := s.lastDoctype; len(m) > 0 && len(b)-i >= len(m) && string(b[i:i+len(m)]) == string(m) {
		return i + len(m), nil
	}
	end, err := s.skipDoctype(i)
	if err == nil && end-i <= maxDoctypeMemo {
		s.lastDoctype = append(s.lastDoctype[:0], b[i:end]...)
	}
	return end, err
}
