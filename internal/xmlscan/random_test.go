package xmlscan

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// docGen writes random well-formed documents that use every construct the
// scanner reads, with namespaces that are always declared.
type docGen struct {
	r  *rand.Rand
	sb strings.Builder
	// prefixes in scope, innermost last
	scopes [][]string
}

var (
	genNames  = []string{"a", "Sync", "b-c", "d.e", "_f", "g1", "ü", "日本", "x·y", "Ñame"}
	genTexts  = []string{"hello", " ", "\n  ", "a>b", "]", "]]", "é", "😀", "tab\there", "x\r\ny", "cr\ronly", "\u00a0", "\u2028"}
	genRefs   = []string{"&lt;", "&gt;", "&amp;", "&apos;", "&quot;", "&#65;", "&#x42;", "&#x1F600;", "&#13;", "&#10;", "&#9;", "&#32;", "&#xE9;", "&#0065;", "&#xFFFD;", "&#x10000;"}
	genSpaces = []string{" ", "  ", "\n", "\t", "\r\n", " \n\t"}
)

func (g *docGen) pick(list []string) string { return list[g.r.IntN(len(list))] }

func (g *docGen) inScope() []string {
	var all []string
	for _, sc := range g.scopes {
		all = append(all, sc...)
	}
	return all
}

func (g *docGen) misc() {
	switch g.r.IntN(4) {
	case 0:
		g.sb.WriteString("<!--" + g.pick([]string{"", " c ", "-x", "a-b", "<tag>", "é"}) + "-->")
	case 1:
		g.sb.WriteString("<?" + g.pick([]string{"pi", "xml-stylesheet", "p.q"}) + g.pick([]string{"", " data", " a?b>c", " "}) + "?>")
	default:
		g.sb.WriteString(g.pick(genSpaces))
	}
}

func (g *docGen) text() {
	for range 1 + g.r.IntN(4) {
		switch g.r.IntN(6) {
		case 0:
			g.sb.WriteString(g.pick(genRefs))
		case 1:
			g.sb.WriteString("<![CDATA[" + g.pick([]string{"", "<b>&amp;", "]", "]]", "x\r\ny", "]>"}) + "]]>")
		case 2:
			g.misc()
		default:
			g.sb.WriteString(g.pick(genTexts))
		}
	}
}

func (g *docGen) attrValue(q byte) string {
	var v strings.Builder
	for range g.r.IntN(4) {
		switch g.r.IntN(3) {
		case 0:
			v.WriteString(g.pick(genRefs))
		default:
			t := g.pick([]string{"v", "a b", "x\ty", "l\nm", "c\r\nd", ">", "é", "'", `"`, "]]>"})
			if strings.IndexByte(t, q) >= 0 {
				t = "q"
			}
			v.WriteString(t)
		}
	}
	return v.String()
}

func (g *docGen) element(depth int) {
	var decls []string
	var attrs strings.Builder
	used := map[string]bool{}
	// Namespace declarations.
	for range g.r.IntN(3) {
		p := "p" + strconv.Itoa(g.r.IntN(4))
		if used["xmlns:"+p] {
			continue
		}
		used["xmlns:"+p] = true
		decls = append(decls, p)
		attrs.WriteString(g.pick(genSpaces) + "xmlns:" + p + "='urn:" + p + "&amp;" + strconv.Itoa(g.r.IntN(3)) + "'")
	}
	if g.r.IntN(4) == 0 {
		used["xmlns"] = true
		attrs.WriteString(" xmlns=\"" + g.pick([]string{"", "AirSync:", "Email:", "urn:x&#x3A;y"}) + "\"")
	}
	g.scopes = append(g.scopes, decls)
	scope := g.inScope()
	name := g.pick(genNames)
	if len(scope) > 0 && g.r.IntN(2) == 0 {
		name = g.pick(scope) + ":" + name
	}
	// Attributes, unique by expanded name: prefixes in scope are bound to
	// distinct names only by chance, so use at most one prefixed attribute
	// per local name.
	for range g.r.IntN(4) {
		local := g.pick([]string{"id", "x", "é", "xml:lang"})
		an := local
		if len(scope) > 0 && local != "xml:lang" && g.r.IntN(2) == 0 {
			an = g.pick(scope) + ":" + local
			if used["prefixed:"+local] {
				continue
			}
			used["prefixed:"+local] = true
		}
		if used[an] {
			continue
		}
		used[an] = true
		q := byte('"')
		if g.r.IntN(2) == 0 {
			q = '\''
		}
		attrs.WriteString(g.pick(genSpaces) + an + g.pick([]string{"=", " = ", "\n=\t"}) + string(q) + g.attrValue(q) + string(q))
	}
	g.sb.WriteString("<" + name + attrs.String())
	if depth > 5 || g.r.IntN(4) == 0 {
		g.sb.WriteString(g.pick([]string{"/>", " />", "\n/>"}))
	} else {
		g.sb.WriteString(">")
		for range g.r.IntN(5) {
			if g.r.IntN(2) == 0 {
				g.text()
			} else {
				g.element(depth + 1)
			}
		}
		g.sb.WriteString("</" + name + g.pick([]string{"", " ", "\n"}) + ">")
	}
	g.scopes = g.scopes[:len(g.scopes)-1]
}

func (g *docGen) document() string {
	g.sb.Reset()
	g.scopes = g.scopes[:0]
	if g.r.IntN(4) == 0 {
		g.sb.WriteString(bom)
	}
	if g.r.IntN(2) == 0 {
		g.sb.WriteString(g.pick([]string{`<?xml version="1.0"?>`, `<?xml version='1.0' encoding='UTF-8'?>`,
			`<?xml version="1.0" encoding="utf-8" standalone="yes" ?>`, "<?xml version = '1.0'\n?>"}))
	}
	for range g.r.IntN(3) {
		g.misc()
	}
	if g.r.IntN(3) == 0 {
		g.sb.WriteString(g.pick([]string{
			`<!DOCTYPE ActiveSync PUBLIC "-//MICROSOFT//DTD ActiveSync//EN" "http://www.microsoft.com/">`,
			`<!DOCTYPE a SYSTEM "a.dtd">`,
			`<!DOCTYPE a [<!ELEMENT a ANY><!ATTLIST a x CDATA "d>"><!-- ] --><?p ]?>]>`,
		}))
	}
	for range g.r.IntN(3) {
		g.misc()
	}
	g.element(0)
	for range g.r.IntN(3) {
		g.misc()
	}
	return g.sb.String()
}

// TestRandomDocumentsVsEncodingXML generates well-formed documents that use
// every construct and checks that the scanner accepts them and agrees with
// encoding/xml on elements, attributes and text.
func TestRandomDocumentsVsEncodingXML(t *testing.T) {
	g := &docGen{r: rand.New(rand.NewPCG(5, 6))}
	n := 3000
	if testing.Short() {
		n = 300
	}
	for i := range n {
		doc := []byte(g.document())
		toks, err := oracleScan(doc)
		if err != nil {
			t.Fatalf("document %d: generator wrote something encoding/xml rejects (%v):\n%s", i, err, doc)
		}
		got, err := ourEvents(doc)
		if err != nil {
			t.Fatalf("document %d: %v\n%s", i, err, doc)
		}
		if want := oracleEvents(toks); !slices.EqualFunc(want, got, sameEvent) {
			t.Fatalf("document %d: events differ (-encoding/xml +xmlscan):\n%s\n%s", i, cmp.Diff(want, got), doc)
		}
	}
}
