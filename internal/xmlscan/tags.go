package xmlscan

import (
	"bytes"
	"unicode/utf8"
)

// rawAttr is an attribute as scanned, before namespace processing.
type rawAttr struct {
	name    []byte // qualified name as written
	colon   int    // index of the colon in name, or -1
	off     int    // offset of the name
	vs, ve  int    // value: b[vs:ve], or attrBuf[vs:ve] when decoded
	decoded bool
}

func (s *Scanner) value(ra *rawAttr) []byte {
	if ra.decoded {
		return s.attrBuf[ra.vs:ra.ve:ra.ve]
	}
	return s.in[ra.vs:ra.ve:ra.ve]
}

// isDecl reports whether ra declares a namespace (xmlns or xmlns:p).
func (ra *rawAttr) isDecl() bool {
	if ra.colon < 0 {
		return string(ra.name) == "xmlns"
	}
	return string(ra.name[:ra.colon]) == "xmlns"
}

// startTag reads the start tag or empty-element tag at b[lt] == '<'.
func (s *Scanner) startTag(lt int) error {
	b := s.in
	n := len(b)
	if len(s.frames) >= s.maxDepth {
		return s.failf(lt, ErrDepth, "elements nested deeper than %d", s.maxDepth)
	}
	end, colon, err := s.scanName(lt+1, "element", qName)
	if err != nil {
		return err
	}
	qn := b[lt+1 : end : end]
	i := end
	s.raw = s.raw[:0]
	s.attrBuf = s.attrBuf[:0]
	if colon < 0 && i < n && b[i] == ' ' && s.defaultNSTag(lt, end) {
		return nil
	}
	if s.leaves && colon < 0 && i < n && b[i] == '>' && len(s.frames) > 0 && s.leaf(lt, end, i, s.defNS) {
		return nil
	}
	self := false
	for {
		sp := i
		i = skipSpace(b, i)
		if i >= n {
			return s.eof("in start tag <" + truncName(qn) + ">")
		}
		c := b[i]
		if c == '>' {
			i++
			break
		}
		if c == '/' {
			if i+1 >= n {
				return s.eof("in start tag <" + truncName(qn) + ">")
			}
			if b[i+1] != '>' {
				return s.failf(i+1, ErrMarkup, "expected '>' after '/' in tag <%s>", truncName(qn))
			}
			s.selfEnd = i
			i += 2
			self = true
			break
		}
		if sp == i {
			if c < utf8.RuneSelf && !nameStartASCII[c] && c != ':' || sp == end {
				return s.failf(i, ErrMarkup, "expected '>', '/>' or an attribute in tag <%s>, found %s", truncName(qn), describe(b, i))
			}
			return s.failf(i, ErrMarkup, "expected white space before attribute in tag <%s>", truncName(qn))
		}
		if len(s.raw) >= s.maxAttrs {
			return s.failf(i, ErrAttrLimit, "more than %d attributes in tag <%s>", s.maxAttrs, truncName(qn))
		}
		aend, acolon, err := s.scanName(i, "attribute", qName)
		if err != nil {
			return err
		}
		// Filled in place: the struct is large enough for copies to show.
		s.raw = append(s.raw, rawAttr{})
		ra := &s.raw[len(s.raw)-1]
		ra.name, ra.colon, ra.off = b[i:aend:aend], -1, i
		if acolon >= 0 {
			ra.colon = acolon - i
		}
		i = skipSpace(b, aend)
		if i >= n {
			return s.eof("in start tag <" + truncName(qn) + ">")
		}
		if b[i] != '=' {
			return s.failf(i, ErrMarkup, "expected '=' after attribute %s", quoteName(b, ra.off, aend))
		}
		i = skipSpace(b, i+1)
		if i >= n {
			return s.eof("in start tag <" + truncName(qn) + ">")
		}
		if q := b[i]; q != '"' && q != '\'' {
			return s.failf(i, ErrMarkup, "expected quoted value for attribute %s", quoteName(b, ra.off, aend))
		}
		if i, err = s.attrValue(i, ra); err != nil {
			return err
		}
	}

	// Namespace declarations first: they apply to the element's own name
	// and to all its attributes, wherever they stand in the tag.
	f := s.pushFrame()
	f.qs, f.qe, f.colon = int32(lt+1), int32(end), -1
	f.nsTop, f.arenaTop, f.prevDef = int32(len(s.bindings)), int32(len(s.arena)), s.defNS
	for k := range s.raw {
		ra := &s.raw[k]
		for m := range k {
			if bytes.Equal(s.raw[m].name, ra.name) {
				return s.failf(ra.off, ErrDuplicateAttr, "attribute %s given twice in tag <%s>", quoteName(ra.name, 0, len(ra.name)), truncName(qn))
			}
		}
		if ra.isDecl() {
			if err := s.declare(ra); err != nil {
				return err
			}
		}
	}
	if colon >= 0 {
		colon -= lt + 1
		f.colon = int32(colon)
		prefix := qn[:colon]
		if string(prefix) == "xmlns" {
			return s.fail(lt+1, ErrNamespace, "element name must not have the prefix xmlns")
		}
		space, ok := s.lookup(prefix)
		if !ok {
			return s.failf(lt+1, ErrUndeclaredPrefix, "undeclared namespace prefix %q in element <%s>", truncName(prefix), truncName(qn))
		}
		f.space = space
	} else {
		f.space = s.defNS
	}

	s.attrs = s.attrs[:0]
	for k := range s.raw {
		ra := &s.raw[k]
		if ra.isDecl() {
			continue
		}
		a := Attr{Value: s.value(ra), Offset: int64(ra.off)}
		if ra.colon < 0 {
			a.Name.Local = ra.name
		} else {
			a.Name.Prefix, a.Name.Local = ra.name[:ra.colon:ra.colon], ra.name[ra.colon+1:]
			space, ok := s.lookup(a.Name.Prefix)
			if !ok {
				return s.failf(ra.off, ErrUndeclaredPrefix, "undeclared namespace prefix %q in attribute %q", truncName(a.Name.Prefix), truncName(ra.name))
			}
			a.Name.Space = space
			// Two prefixes bound to one namespace name make two spellings of
			// one attribute.
			for m := range s.attrs {
				o := &s.attrs[m].Name
				if len(o.Prefix) > 0 && bytes.Equal(o.Local, a.Name.Local) && bytes.Equal(o.Space, space) {
					return s.failf(ra.off, ErrDuplicateAttr, "attribute %q repeats {%s}%s in tag <%s>", truncName(ra.name), truncName(space), truncName(a.Name.Local), truncName(qn))
				}
			}
		}
		s.attrs = append(s.attrs, a)
	}

	s.pos = i
	s.pendingEnd = self
	s.setElement(StartElement, self, lt, f, s.attrs)
	return nil
}

// leaf reads, when it can, the element whose start tag (its name ending
// at b[end], the tag at b[gt] == '>') is at b[lt], up to its end tag
// </Name>, as a Leaf token in namespace space: when the text between them
// needs no decoding (plainText takes all of it) and the end tag is exactly
// </Name>. It reports false, having changed nothing, for anything else,
// which startTag then reads in three tokens.
func (s *Scanner) leaf(lt, end, gt int, space []byte) bool {
	b := s.in
	n := len(b)
	ts := gt + 1
	j := plainText(b, ts)
	if j+1 >= n || b[j] != '<' || b[j+1] != '/' {
		return false
	}
	name := b[lt+1 : end : end]
	k := j + 2 + len(name)
	if k >= n || b[k] != '>' || !equalName(b[j+2:k], name) {
		return false
	}
	t := &s.tok
	t.Kind = Leaf
	t.SelfClosing = false
	t.Offset = int64(lt)
	t.Name.Space, t.Name.Prefix, t.Name.Local = space, nil, name
	t.Attrs = nil
	t.Text = b[ts:j:j]
	t.Whitespace = isAllSpace(t.Text)
	t.TextOffset, t.EndOffset = int64(ts), int64(j)
	s.pos = k + 1
	return true
}

// defaultNSTag reads, when it can, the rest of the start tag of an
// unprefixed element whose name ends at b[end] == ' ': the common form
// <Name xmlns="ns"> (or />) with a value of plain ASCII characters, which
// sets the default namespace. It reports false, having changed nothing,
// for anything else, which startTag then reads in full: the result is the
// same.
func (s *Scanner) defaultNSTag(lt, end int) bool {
	b := s.in
	n := len(b)
	const decl = ` xmlns="`
	vs := end + len(decl)
	if !hasPrefix(b, end, decl) || len("xmlns") > s.maxNameLen {
		return false
	}
	ve := vs
	for ve < n && attrPlain[b[ve]] {
		ve++
	}
	if ve+1 >= n || b[ve] != '"' {
		return false
	}
	i := ve + 1
	self := false
	switch {
	case b[i] == '>':
		i++
	case b[i] == '/' && i+1 < n && b[i+1] == '>':
		s.selfEnd = i
		self = true
		i += 2
	default:
		return false
	}
	v := b[vs:ve:ve]
	if string(v) == xmlNamespace || string(v) == xmlnsNamespace {
		return false // an error, which startTag reports
	}
	if s.leaves && !self && len(s.frames) > 0 {
		// <Name xmlns="ns">text</Name>: the declaration holds for the
		// leaf alone.
		space := v
		if len(v) == 0 {
			space = nil
		}
		if s.leaf(lt, end, i-1, space) {
			return true
		}
	}
	f := s.pushFrame()
	f.qs, f.qe, f.colon = int32(lt+1), int32(end), -1
	f.nsTop, f.arenaTop, f.prevDef = int32(len(s.bindings)), int32(len(s.arena)), s.defNS
	if len(v) == 0 {
		s.defNS = nil
	} else {
		s.defNS = v
	}
	f.space = s.defNS
	s.attrs = s.attrs[:0]
	s.pos = i
	s.pendingEnd = self
	s.setElement(StartElement, self, lt, f, s.attrs)
	return true
}

// declare applies the namespace declaration ra to the element being opened.
func (s *Scanner) declare(ra *rawAttr) error {
	v := s.value(ra)
	if ra.colon < 0 {
		// xmlns="..." sets or, when empty, removes the default namespace.
		if string(v) == xmlNamespace || string(v) == xmlnsNamespace {
			return s.failf(ra.off, ErrNamespace, "the default namespace cannot be %s", v)
		}
		switch {
		case len(v) == 0:
			s.defNS = nil
		case ra.decoded:
			us, ue := s.keepInArena(v)
			s.defNS = s.arena[us:ue:ue]
		default:
			s.defNS = v
		}
		return nil
	}
	p := ra.name[ra.colon+1:]
	switch {
	case string(p) == "xmlns":
		return s.fail(ra.off, ErrNamespace, "the prefix xmlns must not be declared")
	case string(p) == "xml":
		if string(v) != xmlNamespace {
			return s.failf(ra.off, ErrNamespace, "the prefix xml cannot be bound to %q", truncName(v))
		}
		return nil // already bound
	case string(v) == xmlNamespace || string(v) == xmlnsNamespace:
		return s.failf(ra.off, ErrNamespace, "prefix %q cannot be bound to the reserved namespace %s", truncName(p), v)
	case len(v) == 0:
		return s.failf(ra.off, ErrNamespace, "prefix %q cannot be bound to an empty namespace name (XML 1.1 only)", truncName(p))
	}
	ps := ra.off + ra.colon + 1
	if ra.decoded {
		us, ue := s.keepInArena(v)
		s.bind(ps, ps+len(p), us, ue, true)
	} else {
		s.bind(ps, ps+len(p), ra.vs, ra.ve, false)
	}
	return nil
}

// attrValue reads the quoted attribute value at b[i] into ra and returns the
// offset after the closing quote.
func (s *Scanner) attrValue(i int, ra *rawAttr) (int, error) {
	b := s.in
	n := len(b)
	q := b[i]
	i++
	start, seg := i, i
	decoded := false
	bufStart := len(s.attrBuf)
	for {
		for i < n && attrPlain[b[i]] {
			i++
		}
		if i >= n {
			return 0, s.eof("in attribute value")
		}
		switch c := b[i]; c {
		case q:
			if decoded {
				s.attrBuf = append(grow(s.attrBuf, i-seg), b[seg:i]...)
				ra.vs, ra.ve, ra.decoded = bufStart, len(s.attrBuf), true
			} else {
				ra.vs, ra.ve = start, i
			}
			return i + 1, nil
		case '"', '\'':
			i++
		case '\t', '\n', '\r':
			// Attribute-value normalization: each literal white space
			// character, and CR LF, becomes one space.
			decoded = true
			s.attrBuf = append(grow(s.attrBuf, i-seg+1), b[seg:i]...)
			s.attrBuf = append(s.attrBuf, ' ')
			if c == '\r' && i+1 < n && b[i+1] == '\n' {
				i++
			}
			i++
			seg = i
		case '&':
			decoded = true
			s.attrBuf = append(grow(s.attrBuf, i-seg+utf8.UTFMax), b[seg:i]...)
			r, next, err := s.reference(i)
			if err != nil {
				return 0, err
			}
			s.attrBuf = utf8.AppendRune(s.attrBuf, r)
			i, seg = next, next
		case '<':
			return 0, s.fail(i, ErrMarkup, "'<' not allowed in attribute value (write &lt;)")
		default:
			if c < utf8.RuneSelf {
				return 0, s.badChar(i, "in attribute value")
			}
			var err error
			if i, err = s.checkRune(i); err != nil {
				return 0, err
			}
		}
	}
}

// endTag reads the end tag at b[lt:] ("</").
func (s *Scanner) endTag(lt int) error {
	b := s.in
	n := len(b)
	f := &s.frames[len(s.frames)-1]
	i := lt + 2
	q := s.qname(f)
	// Fast path: the expected name, then '>' or white space.
	if j := i + len(q); j < n && equalName(b[i:j], q) && (b[j] == '>' || spaceTable[b[j]]) {
		j = skipSpace(b, j)
		if j >= n {
			return s.eof("in end tag </" + truncName(q) + ">")
		}
		if b[j] != '>' {
			return s.failf(j, ErrMarkup, "expected '>' to end the end tag </%s>, found %s", truncName(q), describe(b, j))
		}
		s.setElement(EndElement, false, lt, f, nil)
		s.pos = j + 1
		s.pop()
		return nil
	}
	end, _, err := s.scanName(i, "end tag", qName)
	if err != nil {
		return err
	}
	if string(b[i:end]) == string(q) {
		// The right name, followed by neither '>' nor white space.
		if end >= n {
			return s.eof("in end tag </" + truncName(q) + ">")
		}
		return s.failf(end, ErrMarkup, "expected '>' to end the end tag </%s>, found %s", truncName(q), describe(b, end))
	}
	return s.failf(lt, ErrMismatchedTag, "element <%s> closed by </%s>", truncName(q), truncName(b[i:end]))
}
