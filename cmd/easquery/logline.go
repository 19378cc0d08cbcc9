package main

import (
	"strings"

	"github.com/easkit/easkit/b64uri"
)

// easPath is the path of every ActiveSync request ([MS-ASHTTP] 2.2.1.1.1):
// a line of a log is an ActiveSync request when its target's path starts
// with it (compared without regard to case).
const easPath = "/microsoft-server-activesync"

// lineForm is the form of an input line that holds a query.
type lineForm uint8

const (
	formBare        lineForm = iota // the query alone, or "?query"
	formURL                         // a URL or a path with its query
	formRequestLine                 // METHOD target HTTP/1.1
	formCombined                    // Apache or nginx access log: "METHOD target HTTP/1.1" in quotes
	formW3C                         // IIS W3C extended log: cs-uri-stem and cs-uri-query fields
)

// found is the query that an input line holds.
type found struct {
	query  string   // the query as written: after the '?', before any '#'
	offset int      // of query in the line
	form   lineForm // where it was found
	eas    bool     // the line clearly holds an ActiveSync request
}

// lineScanner finds the query in each line of an input: a bare query, a
// URL, a request line, or a line of an access log. It keeps the column
// order of the last W3C "#Fields:" header it saw.
type lineScanner struct {
	stem, query int // W3C columns of cs-uri-stem and cs-uri-query; -1: unknown
	columns     int // W3C field count; 0 before any #Fields header
	lenient     bool
}

func newLineScanner(lenient bool) *lineScanner {
	return &lineScanner{stem: -1, query: -1, lenient: lenient}
}

// scan returns the query in line and whether there is one. A "#Fields:"
// line sets the W3C column order; other lines starting with '#' hold no
// query. Quotes around the line, and the log fields after a request
// line, are not part of the query.
func (s *lineScanner) scan(line string) (found, bool) {
	t, lead := trimSpace(line)
	if t == "" {
		return found{}, false
	}
	if t[0] == '#' {
		if rest, ok := cutPrefixFold(t, "#Fields:"); ok {
			s.setFields(rest)
		}
		return found{}, false
	}
	if len(t) >= 2 && (t[0] == '"' || t[0] == '\'') && t[len(t)-1] == t[0] {
		if f, ok := requestLine(t[1 : len(t)-1]); ok {
			f.offset += lead + 1
			return f, f.query != ""
		}
	}
	if f, ok := quotedRequest(t); ok {
		f.offset += lead
		return f, f.query != ""
	}
	if f, ok := requestLine(t); ok {
		f.offset += lead
		return f, f.query != ""
	}
	if f, ok := s.w3c(t); ok {
		f.offset += lead
		return f, f.query != ""
	}
	if len(t) >= 2 && (t[0] == '"' || t[0] == '\'') && t[len(t)-1] == t[0] {
		t, lead = t[1:len(t)-1], lead+1
	}
	query, offset, prefix := splitURI(t)
	f := found{query: query, offset: offset + lead}
	if prefix != "" && prefix != "?" {
		f.form = formURL
		f.eas = isEASPath(pathOf(prefix[:len(prefix)-1]))
	} else {
		f.eas = s.looksLikeQuery(query)
	}
	return f, f.query != ""
}

// looksLikeQuery reports whether a bare query is clearly meant as an
// ActiveSync query: a plain query with a Cmd, User or DeviceId parameter,
// without spaces, or one word of base64 text (with spaces too when
// lenient).
func (s *lineScanner) looksLikeQuery(q string) bool {
	if q == "" {
		return false
	}
	if b64uri.IsPlain([]byte(q)) {
		if strings.ContainsAny(q, " \t") {
			return false
		}
		for item := range strings.SplitSeq(q, "&") {
			name, _, _ := strings.Cut(item, "=")
			if strings.EqualFold(name, "Cmd") || strings.EqualFold(name, "User") || strings.EqualFold(name, "DeviceId") {
				return true
			}
		}
		return false
	}
	for i := 0; i < len(q); i++ {
		c := q[i]
		switch {
		case 'A' <= c && c <= 'Z', 'a' <= c && c <= 'z', '0' <= c && c <= '9', c == '+', c == '/', c == '=':
		case s.lenient && (c == '-' || c == '_' || c == '%' || c == ' '):
		default:
			return false
		}
	}
	return true
}

// setFields reads the field names of a W3C "#Fields:" header.
func (s *lineScanner) setFields(names string) {
	s.stem, s.query, s.columns = -1, -1, 0
	for name := range strings.FieldsSeq(names) {
		switch strings.ToLower(name) {
		case "cs-uri-stem":
			s.stem = s.columns
		case "cs-uri-query":
			s.query = s.columns
		}
		s.columns++
	}
}

// w3c finds the query (perhaps "") an IIS W3C extended log line: the cs-uri-query
// field after a cs-uri-stem field that is an ActiveSync path. With a
// "#Fields:" header seen, the columns it names; without one (or when the
// line does not have its number of fields), the field after the first
// field that is an ActiveSync path.
func (s *lineScanner) w3c(t string) (found, bool) {
	if !strings.Contains(t, " ") {
		return found{}, false
	}
	var stem, query string
	qoff := -1
	col, pos := 0, 0
	byHeader := s.columns > 0 && s.stem >= 0 && s.query >= 0 && countFields(t) == s.columns
	for pos < len(t) {
		for pos < len(t) && (t[pos] == ' ' || t[pos] == '\t') {
			pos++
		}
		if pos == len(t) {
			break
		}
		end := pos
		for end < len(t) && t[end] != ' ' && t[end] != '\t' {
			end++
		}
		field := t[pos:end]
		switch {
		case byHeader && col == s.stem:
			stem = field
		case byHeader && col == s.query:
			query, qoff = field, pos
		case !byHeader && stem == "" && strings.IndexByte(field, '?') < 0 && isEASPath(field):
			stem = field
		case !byHeader && stem != "" && qoff < 0 && !strings.HasPrefix(field, "HTTP/"):
			query, qoff = field, pos
		}
		if !byHeader && qoff >= 0 {
			break
		}
		col++
		pos = end
	}
	if stem == "" || qoff < 0 || !isEASPath(stem) {
		return found{}, false
	}
	if query == "-" {
		query = ""
	}
	return found{query: query, offset: qoff, form: formW3C, eas: true}, true
}

// countFields counts the fields of a line separated by spaces or tabs.
func countFields(t string) int {
	n := 0
	in := false
	for i := 0; i < len(t); i++ {
		sep := t[i] == ' ' || t[i] == '\t'
		if !sep && !in {
			n++
		}
		in = !sep
	}
	return n
}

// quotedRequest finds the request line that an access log (common or
// combined format, Apache or nginx) writes in double quotes.
func quotedRequest(t string) (found, bool) {
	for pos := 0; pos < len(t); {
		i := strings.IndexByte(t[pos:], '"')
		if i < 0 {
			break
		}
		start := pos + i + 1
		j := strings.IndexByte(t[start:], '"')
		if j < 0 {
			break
		}
		if f, ok := requestLine(t[start : start+j]); ok {
			f.offset += start
			f.form = formCombined
			return f, true
		}
		pos = start
	}
	return found{}, false
}

// requestLine parses "METHOD target HTTP/x.y" (the version may be left
// out): the target is everything between the method and the version, so
// that a space inside a query stays in it. It reports whether t is a
// request line; the query is "" when the target has none.
func requestLine(t string) (found, bool) {
	m := 0
	for m < len(t) && 'A' <= t[m] && t[m] <= 'Z' {
		m++
	}
	if m == 0 || m > 16 || m == len(t) || t[m] != ' ' {
		return found{}, false
	}
	target, toff := t[m+1:], m+1
	if i := strings.LastIndex(target, " HTTP/"); i >= 0 {
		target = target[:i]
	} else if strings.IndexByte(target, ' ') >= 0 {
		return found{}, false
	}
	for len(target) > 0 && target[0] == ' ' {
		target, toff = target[1:], toff+1
	}
	if target == "" || (target[0] != '/' && !strings.Contains(target, "://")) {
		return found{}, false
	}
	q := strings.IndexByte(target, '?')
	if q < 0 {
		return found{form: formRequestLine, eas: isEASPath(pathOf(target))}, true
	}
	query := target[q+1:]
	if h := strings.IndexByte(query, '#'); h >= 0 {
		query = query[:h]
	}
	for len(query) > 0 && query[len(query)-1] == ' ' {
		query = query[:len(query)-1]
	}
	return found{query: query, offset: toff + q + 1, form: formRequestLine, eas: isEASPath(pathOf(target[:q]))}, true
}

// pathOf is the path of a request target: itself, or the part of an
// absolute URL after the host.
func pathOf(target string) string {
	if i := strings.Index(target, "://"); i >= 0 {
		rest := target[i+3:]
		if j := strings.IndexByte(rest, '/'); j >= 0 {
			return rest[j:]
		}
		return ""
	}
	return target
}

// isEASPath reports whether path is the ActiveSync path or below it.
func isEASPath(path string) bool {
	if len(path) < len(easPath) || !strings.EqualFold(path[:len(easPath)], easPath) {
		return false
	}
	rest := path[len(easPath):]
	return rest == "" || rest[0] == '/' || rest[0] == '?'
}

// trimSpace trims spaces and tabs around s and returns how many it cut
// from the start.
func trimSpace(s string) (string, int) {
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	j := len(s)
	for j > i && (s[j-1] == ' ' || s[j-1] == '\t') {
		j--
	}
	return s[i:j], i
}

// cutPrefixFold is strings.CutPrefix without regard to ASCII case.
func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) < len(prefix) || !strings.EqualFold(s[:len(prefix)], prefix) {
		return s, false
	}
	return s[len(prefix):], true
}
