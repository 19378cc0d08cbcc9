package fuzz

import "strings"

// genDocument turns any bytes into a well-formed XML 1.0 document that
// also follows Namespaces in XML, so that every XML reader must accept it.
// The bytes are a program: each byte picks the next construct (open an
// element, close one, an empty element, text, CDATA, a comment, a
// processing instruction) and the bytes after it pick names, namespace
// declarations, attributes and text pieces. The document covers what
// easkit's XML input meets: default namespaces and prefixes declared
// anywhere, redeclared and undeclared in nested elements, prefixed and
// unprefixed attributes, the five entities and character references, CDATA
// sections, line ends in every form, and non-ASCII names and text.
func genDocument(program []byte) []byte {
	g := &generator{prog: program}
	return g.document()
}

type generator struct {
	prog []byte
	pos  int
	out  strings.Builder
	open []genElement
}

// A genElement is an open element: its qualified name and the namespace
// bindings in scope inside it.
type genElement struct {
	qname    string
	bindings map[string]string // prefix ("" for the default) → URI
}

var (
	genLocals   = []string{"a", "Sync", "Collection", "données", "x-y.z", "_n", "Ü", "item2", "元素"}
	genPrefixes = []string{"p", "q", "ns1", "é", "as"}
	genURIs     = []string{"AirSync:", "urn:a", "http://example.com/ns", "Email", "urn:ü", "https://github.com/easkit/easkit/wbxml"}
	genText     = []string{"text", " ", "\n", "\r\n", "\r", "\t", "&amp;", "&lt;", "&gt;", "&quot;", "&apos;",
		"&#233;", "&#x1F600;", "&#13;", "&#10;", "é✓😀", "]", ">", "a b", "\"'", "0123456789"}
	genAttrText = []string{"v", " ", "&amp;", "&lt;", "&#9;", "&#10;", "&#13;", "&quot;", "'", ">", "é", "😀", "x y"}
)

// next returns the next program byte, 0 after the end.
func (g *generator) next() byte {
	if g.pos >= len(g.prog) {
		return 0
	}
	b := g.prog[g.pos]
	g.pos++
	return b
}

func (g *generator) pick(list []string) string { return list[int(g.next())%len(list)] }

// scope returns the bindings in scope in the innermost open element.
func (g *generator) scope() map[string]string {
	if len(g.open) == 0 {
		return map[string]string{}
	}
	return g.open[len(g.open)-1].bindings
}

func (g *generator) document() []byte {
	flags := g.next()
	if flags&1 != 0 {
		g.out.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	}
	if flags&2 != 0 {
		g.out.WriteString(`<!DOCTYPE ActiveSync PUBLIC "-//MICROSOFT//DTD ActiveSync//EN" "http://www.microsoft.com/">` + "\n")
	}
	if flags&4 != 0 {
		g.out.WriteString("<!-- prolog -->\n")
	}
	g.start(false)
	for g.pos < len(g.prog) && len(g.open) > 0 {
		switch op := g.next() % 8; op {
		case 0, 1:
			if len(g.open) < 40 {
				g.start(op == 1)
			}
		case 2:
			g.end()
		case 3, 4:
			g.text()
		case 5:
			g.out.WriteString("<![CDATA[" + strings.ReplaceAll(g.pick(genText)+g.pick(genText)+"<&>", "]]>", "]] >") + "]]>")
		case 6:
			g.out.WriteString("<!--" + strings.ReplaceAll(g.pick(genText), "-", "") + " c-->")
		case 7:
			g.out.WriteString("<?pi " + g.pick(genLocals) + "?>")
		}
	}
	for len(g.open) > 0 {
		g.end()
	}
	if flags&8 != 0 {
		g.out.WriteString("\n<!-- epilog --><?pi x?>\n")
	}
	return []byte(g.out.String())
}

// start opens an element, or writes an empty one.
func (g *generator) start(empty bool) {
	bindings := map[string]string{}
	for p, u := range g.scope() {
		bindings[p] = u
	}
	var decls strings.Builder
	spec := g.next()
	declared := map[string]bool{}
	for i := range int(spec % 3) { // new bindings
		b := g.next()
		prefix := ""
		if b&1 != 0 {
			prefix = g.pick(genPrefixes)
		}
		if declared[prefix] {
			continue
		}
		declared[prefix] = true
		uri := g.pick(genURIs)
		if prefix == "" && b&2 != 0 && i == 0 {
			uri = "" // undeclare the default namespace
		}
		bindings[prefix] = uri
		name := "xmlns"
		if prefix != "" {
			name += ":" + prefix
		}
		decls.WriteString(" " + name + `="` + uri + `"`)
	}
	qname := g.pick(genLocals)
	if spec&4 != 0 {
		if p := g.boundPrefix(bindings); p != "" {
			qname = p + ":" + qname
		}
	}
	g.out.WriteString("<" + qname + decls.String())
	seen := map[string]bool{}
	for range int(spec >> 3 % 4) { // attributes
		local := g.pick(genLocals)
		name, key := local, "\x00"+local
		if g.next()&1 != 0 {
			if p := g.boundPrefix(bindings); p != "" {
				name, key = p+":"+local, bindings[p]+"\x00"+local
			}
		}
		if seen[key] {
			continue
		}
		seen[key] = true
		var v strings.Builder
		for range int(g.next() % 4) {
			v.WriteString(g.pick(genAttrText))
		}
		quote := `"`
		value := strings.ReplaceAll(v.String(), `"`, "&quot;")
		if g.next()&1 != 0 {
			quote, value = "'", strings.ReplaceAll(v.String(), "'", "&apos;")
		}
		g.out.WriteString(" " + name + "=" + quote + value + quote)
	}
	if empty {
		g.out.WriteString("/>")
		return
	}
	g.out.WriteString(">")
	g.open = append(g.open, genElement{qname: qname, bindings: bindings})
}

// boundPrefix returns a prefix bound in bindings, or "".
func (g *generator) boundPrefix(bindings map[string]string) string {
	var ps []string
	for _, p := range genPrefixes {
		if bindings[p] != "" {
			ps = append(ps, p)
		}
	}
	if len(ps) == 0 {
		return ""
	}
	return ps[int(g.next())%len(ps)]
}

// end closes the innermost element.
func (g *generator) end() {
	e := g.open[len(g.open)-1]
	g.open = g.open[:len(g.open)-1]
	g.out.WriteString("</" + e.qname + ">")
}

// text writes a few pieces of character data, never "]]>".
func (g *generator) text() {
	var t strings.Builder
	for range 1 + int(g.next()%4) {
		t.WriteString(g.pick(genText))
	}
	s := t.String()
	if strings.Contains(s, "]]>") || strings.HasSuffix(s, "]]") {
		s = strings.ReplaceAll(s, "]", "x")
	}
	// End every text with a '.', so that two texts in a row cannot join
	// "]" and "]>".
	g.out.WriteString(s + ".")
}
