package xmlscan

import (
	"strings"
	"unicode/utf8"
)

// skipComment validates the comment at b[i:] ("<!--") and returns the
// offset after its "-->".
func (s *Scanner) skipComment(i int) (int, error) {
	b := s.in
	n := len(b)
	j := i + len("<!--")
	for {
		for j < n && commentPlain[b[j]] {
			j++
		}
		if j >= n {
			return 0, s.eof("in comment")
		}
		c := b[j]
		if c == '-' {
			if j+1 >= n {
				return 0, s.eof("in comment")
			}
			if b[j+1] != '-' {
				j++ // a single '-'
				continue
			}
			if j+2 >= n {
				return 0, s.eof("in comment")
			}
			if b[j+2] != '>' {
				return 0, s.fail(j, ErrMarkup, `"--" not allowed inside a comment`)
			}
			return j + 3, nil
		}
		if c < utf8.RuneSelf {
			return 0, s.badChar(j, "in comment")
		}
		var err error
		if j, err = s.checkRune(j); err != nil {
			return 0, err
		}
	}
}

// skipPI validates the processing instruction at b[i:] ("<?") and returns
// the offset after its "?>". The XML declaration is read by xmlDecl; a
// target "xml" anywhere else is an error.
func (s *Scanner) skipPI(i int) (int, error) {
	b := s.in
	n := len(b)
	end, _, err := s.scanName(i+2, "processing instruction target", ncName)
	if err != nil {
		return 0, err
	}
	if target := b[i+2 : end]; len(target) == 3 && strings.EqualFold(string(target), "xml") {
		if string(target) == "xml" {
			return 0, s.fail(i, ErrStructure, "XML declaration allowed only at the start of the document")
		}
		return 0, s.failf(i+2, ErrInvalidName, "processing instruction target %q is reserved", target)
	}
	j := end
	if hasPrefix(b, j, "?>") {
		return j + 2, nil
	}
	if j >= n || j+1 >= n && b[j] == '?' {
		return 0, s.eof("in processing instruction")
	}
	if !isSpace(b[j]) {
		return 0, s.failf(j, ErrMarkup, "expected white space or '?>' after processing instruction target, found %s", describe(b, j))
	}
	for {
		for j < n && piPlain[b[j]] {
			j++
		}
		if j >= n {
			return 0, s.eof("in processing instruction")
		}
		c := b[j]
		if c == '?' {
			if j+1 >= n {
				return 0, s.eof("in processing instruction")
			}
			if b[j+1] == '>' {
				return j + 2, nil
			}
			j++
			continue
		}
		if c < utf8.RuneSelf {
			return 0, s.badChar(j, "in processing instruction")
		}
		if j, err = s.checkRune(j); err != nil {
			return 0, err
		}
	}
}

// xmlDecl reads the XML declaration at b[i:] ("<?xml" then white space or
// '?') and returns the offset after it.
//
//	XMLDecl ::= '<?xml' VersionInfo EncodingDecl? SDDecl? S? '?>'
func (s *Scanner) xmlDecl(i int) (int, error) {
	b := s.in
	n := len(b)
	j := i + len("<?xml")
	k := skipSpace(b, j)
	if !hasPrefix(b, k, "version") {
		if k >= n || isTruncated(b, k, "version") {
			return 0, s.eof("in XML declaration")
		}
		return 0, s.fail(k, ErrMarkup, "XML declaration must begin with version")
	}
	vs, ve, j, err := s.declValue(k + len("version"))
	if err != nil {
		return 0, err
	}
	if v := b[vs:ve]; len(v) < 3 || string(v[:2]) != "1." || !allDigits(v[2:]) {
		return 0, s.failf(vs, ErrMarkup, "XML version %s is not 1.x", snippet(b, vs, ve))
	}
	k = skipSpace(b, j)
	if k > j && hasPrefix(b, k, "encoding") {
		vs, ve, j, err = s.declValue(k + len("encoding"))
		if err != nil {
			return 0, err
		}
		v := b[vs:ve]
		if !isEncName(v) {
			return 0, s.failf(vs, ErrMarkup, "malformed encoding name %s", snippet(b, vs, ve))
		}
		if err := s.checkEncoding(vs, v); err != nil {
			return 0, err
		}
		k = skipSpace(b, j)
	}
	if k > j && hasPrefix(b, k, "standalone") {
		vs, ve, j, err = s.declValue(k + len("standalone"))
		if err != nil {
			return 0, err
		}
		if v := string(b[vs:ve]); v != "yes" && v != "no" {
			return 0, s.failf(vs, ErrMarkup, "standalone must be \"yes\" or \"no\", not %s", snippet(b, vs, ve))
		}
		k = skipSpace(b, j)
	}
	if hasPrefix(b, k, "?>") {
		return k + 2, nil
	}
	if k >= n || isTruncated(b, k, "?>") {
		return 0, s.eof("in XML declaration")
	}
	return 0, s.failf(k, ErrMarkup, "expected '?>' to end the XML declaration, found %s", describe(b, k))
}

// checkEncoding checks the encoding name v, at offset vs, of the XML
// declaration against the encoding the document was transcoded from.
func (s *Scanner) checkEncoding(vs int, v []byte) error {
	k := lookupEncoding(v)
	switch {
	case s.from.accepts(k):
		if k == declASCII {
			return s.checkASCII()
		}
		return nil
	case k == declUnknown:
		return s.failf(vs, ErrUnsupportedEncoding, "encoding %q is not supported: easkit reads UTF-8, UTF-16, UTF-32, ISO-8859-1, windows-1252 and US-ASCII", truncName(v))
	case s.from == UTF8 && (k == declLatin1 || k == declWindows1252):
		// Only a caller that did not transcode gets here.
		return s.failf(vs, ErrUnsupportedEncoding, "encoding %q: the document must be transcoded to UTF-8 first", truncName(v))
	case s.from == UTF8:
		return s.failf(vs, ErrEncoding, "encoding %q declared, but the document is in an 8-bit encoding: UTF-16 and UTF-32 documents start with a byte order mark or zero bytes", truncName(v))
	}
	return s.failf(vs, ErrEncoding, "encoding %q declared, but the document is in %s", truncName(v), s.from)
}

// checkASCII checks that a document declared US-ASCII is: that it holds no
// byte of 0x80 or more after a UTF-8 byte order mark.
func (s *Scanner) checkASCII() error {
	i := 0
	if hasPrefix(s.in, 0, bom) {
		i = len(bom)
	}
	if j := FirstNonASCII(s.in[i:]); j >= 0 {
		return s.failf(i+j, ErrEncoding, "byte 0x%02X in a document declared US-ASCII", s.in[i+j])
	}
	return nil
}

// declValue reads Eq and a quoted value of the XML declaration, returning
// the value's bounds and the offset after the closing quote. The callers
// check the value's syntax, which is ASCII.
func (s *Scanner) declValue(i int) (vs, ve, next int, err error) {
	b := s.in
	n := len(b)
	i = skipSpace(b, i)
	if i >= n {
		return 0, 0, 0, s.eof("in XML declaration")
	}
	if b[i] != '=' {
		return 0, 0, 0, s.failf(i, ErrMarkup, "expected '=' in XML declaration, found %s", describe(b, i))
	}
	i = skipSpace(b, i+1)
	if i >= n {
		return 0, 0, 0, s.eof("in XML declaration")
	}
	q := b[i]
	if q != '"' && q != '\'' {
		return 0, 0, 0, s.failf(i, ErrMarkup, "expected quoted value in XML declaration, found %s", describe(b, i))
	}
	vs = i + 1
	for j := vs; j < n; j++ {
		switch c := b[j]; {
		case c == q:
			return vs, j, j + 1, nil
		case c < 0x21 || c >= utf8.RuneSelf || c == '<' || c == '>':
			return 0, 0, 0, s.failf(j, ErrMarkup, "unexpected %s in XML declaration value", describe(b, j))
		}
	}
	return 0, 0, 0, s.eof("in XML declaration")
}

func allDigits(b []byte) bool {
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return len(b) > 0
}

// isEncName matches EncName ::= [A-Za-z] ([A-Za-z0-9._] | '-')*.
func isEncName(b []byte) bool {
	if len(b) == 0 || !('a' <= b[0] && b[0] <= 'z' || 'A' <= b[0] && b[0] <= 'Z') {
		return false
	}
	for _, c := range b[1:] {
		if !nameASCII[c] {
			return false
		}
	}
	return true
}

// skipDoctype validates the document type declaration at b[i:]
// ("<!DOCTYPE") and returns the offset after it.
//
//	doctypedecl ::= '<!DOCTYPE' S Name (S ExternalID)? S? ('[' intSubset ']' S?)? '>'
//	ExternalID  ::= 'SYSTEM' S SystemLiteral | 'PUBLIC' S PubidLiteral S SystemLiteral
func (s *Scanner) skipDoctype(i int) (int, error) {
	b := s.in
	n := len(b)
	j := i + len("<!DOCTYPE")
	k := skipSpace(b, j)
	if k >= n {
		return 0, s.eof("in DOCTYPE")
	}
	if k == j {
		return 0, s.failf(k, ErrMarkup, "expected white space after <!DOCTYPE, found %s", describe(b, k))
	}
	end, _, err := s.scanName(k, "DOCTYPE", anyName)
	if err != nil {
		return 0, err
	}
	j = end
	k = skipSpace(b, j)
	switch {
	case k > j && hasPrefix(b, k, "SYSTEM"):
		if j, err = s.literalAfterSpace(k+len("SYSTEM"), false); err != nil {
			return 0, err
		}
		k = skipSpace(b, j)
	case k > j && hasPrefix(b, k, "PUBLIC"):
		if j, err = s.literalAfterSpace(k+len("PUBLIC"), true); err != nil {
			return 0, err
		}
		if j, err = s.literalAfterSpace(j, false); err != nil {
			return 0, err
		}
		k = skipSpace(b, j)
	}
	if k < n && b[k] == '[' {
		if j, err = s.internalSubset(k + 1); err != nil {
			return 0, err
		}
		k = skipSpace(b, j)
	}
	if k >= n {
		return 0, s.eof("in DOCTYPE")
	}
	if b[k] != '>' {
		return 0, s.failf(k, ErrMarkup, "expected '>' to end the DOCTYPE, found %s", describe(b, k))
	}
	return k + 1, nil
}

// literalAfterSpace reads white space then a quoted system literal (or,
// when pubid is set, a public identifier literal) and returns the offset
// after its closing quote.
func (s *Scanner) literalAfterSpace(i int, pubid bool) (int, error) {
	b := s.in
	n := len(b)
	j := skipSpace(b, i)
	if j >= n {
		return 0, s.eof("in DOCTYPE")
	}
	if j == i {
		return 0, s.failf(j, ErrMarkup, "expected white space in DOCTYPE, found %s", describe(b, j))
	}
	q := b[j]
	if q != '"' && q != '\'' {
		return 0, s.failf(j, ErrMarkup, "expected quoted literal in DOCTYPE, found %s", describe(b, j))
	}
	if pubid {
		for j++; j < n; j++ {
			c := b[j]
			if c == q {
				return j + 1, nil
			}
			if !isPubidChar(c) {
				return 0, s.failf(j, ErrMarkup, "%s not allowed in a public identifier", describe(b, j))
			}
		}
		return 0, s.eof("in DOCTYPE")
	}
	return s.skipLiteral(j)
}

// isPubidChar matches PubidChar ::= #x20 | #xD | #xA | [a-zA-Z0-9] | [-'()+,./:=?;!*#@$_%].
func isPubidChar(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		c == ' ' || c == '\r' || c == '\n' || strings.IndexByte("-'()+,./:=?;!*#@$_%", c) >= 0
}

// skipLiteral validates the quoted literal at b[i] and returns the offset
// after its closing quote.
func (s *Scanner) skipLiteral(i int) (int, error) {
	b := s.in
	n := len(b)
	q := b[i]
	j := i + 1
	for {
		for j < n && (litPlain[b[j]] || b[j] == '>') {
			j++
		}
		if j >= n {
			return 0, s.eof("in quoted literal")
		}
		c := b[j]
		switch {
		case c == q:
			return j + 1, nil
		case c == '"' || c == '\'':
			j++
		case c < utf8.RuneSelf:
			return 0, s.badChar(j, "in quoted literal")
		default:
			var err error
			if j, err = s.checkRune(j); err != nil {
				return 0, err
			}
		}
	}
}

// internalSubset skips the internal subset of a DOCTYPE starting at b[i]
// (after the '[') and returns the offset after its ']'. Markup declarations
// are checked for their delimiters and characters only; their contents are
// not interpreted.
//
//	intSubset  ::= (markupdecl | PEReference | S)*
//	markupdecl ::= elementdecl | AttlistDecl | EntityDecl | NotationDecl | PI | Comment
func (s *Scanner) internalSubset(i int) (int, error) {
	b := s.in
	n := len(b)
	var err error
	for {
		i = skipSpace(b, i)
		if i >= n {
			return 0, s.eof("in DOCTYPE internal subset")
		}
		switch {
		case b[i] == ']':
			return i + 1, nil
		case b[i] == '%':
			end, _, err := s.scanName(i+1, "parameter entity", anyName)
			if err != nil {
				return 0, err
			}
			if end >= n {
				return 0, s.eof("in DOCTYPE internal subset")
			}
			if b[end] != ';' {
				return 0, s.failf(end, ErrInvalidReference, "parameter entity reference not ended by ';'")
			}
			i = end + 1
		case hasPrefix(b, i, "<!--"):
			if i, err = s.skipComment(i); err != nil {
				return 0, err
			}
		case hasPrefix(b, i, "<?"):
			if i, err = s.skipPI(i); err != nil {
				return 0, err
			}
		case hasPrefix(b, i, "<!ELEMENT"), hasPrefix(b, i, "<!ATTLIST"), hasPrefix(b, i, "<!ENTITY"), hasPrefix(b, i, "<!NOTATION"):
			if i, err = s.skipMarkupDecl(i); err != nil {
				return 0, err
			}
		default:
			if isTruncated(b, i, "<!ELEMENT") || isTruncated(b, i, "<!ATTLIST") || isTruncated(b, i, "<!ENTITY") ||
				isTruncated(b, i, "<!NOTATION") || isTruncated(b, i, "<!--") {
				return 0, s.eof("in DOCTYPE internal subset")
			}
			return 0, s.failf(i, ErrMarkup, "unexpected %s in DOCTYPE internal subset", describe(b, i))
		}
	}
}

// skipMarkupDecl skips the declaration at b[i:] ("<!KEYWORD") up to its
// '>', stepping over quoted literals, and returns the offset after it.
func (s *Scanner) skipMarkupDecl(i int) (int, error) {
	b := s.in
	n := len(b)
	j := i + 2
	for j < n && 'A' <= b[j] && b[j] <= 'Z' {
		j++
	}
	if j >= n {
		return 0, s.eof("in markup declaration")
	}
	if !isSpace(b[j]) {
		return 0, s.failf(j, ErrMarkup, "expected white space after %s, found %s", b[i:j], describe(b, j))
	}
	for {
		for j < n && litPlain[b[j]] {
			j++
		}
		if j >= n {
			return 0, s.eof("in markup declaration")
		}
		c := b[j]
		var err error
		switch {
		case c == '>':
			return j + 1, nil
		case c == '"' || c == '\'':
			if j, err = s.skipLiteral(j); err != nil {
				return 0, err
			}
		case c < utf8.RuneSelf:
			return 0, s.badChar(j, "in markup declaration")
		default:
			if j, err = s.checkRune(j); err != nil {
				return 0, err
			}
		}
	}
}
