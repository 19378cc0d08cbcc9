package codegen

import (
	"bytes"
	"fmt"
	"strings"
)

// Flag bits of a generated tagInfo; codepages/tag.go declares the same.
const (
	flagKnown    = 1 << 0
	flagHistoric = 1 << 1
	contentShift = 2 // two bits of wbxml.ContentKind
)

func contentKind(c string) int {
	switch c {
	case "binary":
		return 1 // wbxml.ContentBinary
	case "text":
		return 2 // wbxml.ContentOpaqueText
	}
	return 0 // wbxml.ContentText
}

func (t *Tables) writeCodePages(b *bytes.Buffer) {
	fmt.Fprintf(b, "package codepages\n\n")
	fmt.Fprintf(b, "// NumPages is the number of ActiveSync code pages (0–%d).\n", len(t.Pages)-1)
	fmt.Fprintf(b, "const NumPages = %d\n\n", len(t.Pages))

	// Constants, one block per page, so that go doc shows one page at a
	// time.
	for _, p := range t.Pages {
		if len(p.Tags) == 0 {
			continue
		}
		fmt.Fprintf(b, "// Tags of code page %d, %s (namespace %q), named %s<Element>.\n", p.Number, p.Name, p.Colon, p.Name)
		b.WriteString("const (\n")
		for _, tag := range p.Tags {
			fmt.Fprintf(b, "\t// %s is %s.\n", Ident(p, tag), describe(p, tag))
			fmt.Fprintf(b, "\t%s Tag = 0x%02X%02X\n", Ident(p, tag), p.Number, tag.Token)
		}
		b.WriteString(")\n\n")
	}

	// Names sliced from one string; aliases in one array.
	var names strings.Builder
	var aliases []string
	type info struct{ off, n, aoff, an int }
	infos := map[*Tag]info{}
	for _, p := range t.Pages {
		for _, tag := range p.Tags {
			in := info{off: names.Len(), n: len(tag.Name), aoff: len(aliases), an: len(tag.Aliases)}
			names.WriteString(tag.Name)
			aliases = append(aliases, tag.Aliases...)
			infos[tag] = in
		}
	}
	fmt.Fprintf(b, "const tagNameText = %q\n\n", names.String())
	b.WriteString("var aliasList = [...]string{\n")
	for _, a := range aliases {
		fmt.Fprintf(b, "\t%q,\n", a)
	}
	b.WriteString("}\n\n")

	b.WriteString("var tagTable = [NumPages][64]tagInfo{\n")
	for _, p := range t.Pages {
		fmt.Fprintf(b, "\t%d: { // %s\n", p.Number, p.Name)
		for _, tag := range p.Tags {
			in := infos[tag]
			flags := flagKnown | contentKind(tag.Content)<<contentShift
			if tag.Historic {
				flags |= flagHistoric
			}
			also := ""
			if tag.AlsoFrom != 0 {
				also = fmt.Sprintf(", alsoFrom: %d, alsoTo: %d", tag.AlsoFrom, tag.AlsoTo)
			}
			fmt.Fprintf(b, "\t\t0x%02X: {name: %d, nameLen: %d, alias: %d, aliasLen: %d, since: %d, until: %d%s, flags: %d}, // %s\n",
				tag.Token, in.off, in.n, in.aoff, in.an, tag.Since, tag.Until, also, flags, tag.Name)
		}
		b.WriteString("\t},\n")
	}
	b.WriteString("}\n\n")

	b.WriteString("var pageTable = [NumPages]pageInfo{\n")
	for _, p := range t.Pages {
		fmt.Fprintf(b, "\t{name: %q, colon: %q, schema: %q, synce: %q, other: %s},\n", p.Name, p.Colon, p.Schema, p.SynCE, goStrings(p.Other))
	}
	b.WriteString("}\n\n")

	b.WriteString("var pageTags = [NumPages][]Tag{\n")
	for _, p := range t.Pages {
		fmt.Fprintf(b, "\t{")
		for i, tag := range p.Tags {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(Ident(p, tag))
		}
		b.WriteString("},\n")
	}
	b.WriteString("}\n\n")

	b.WriteString("// lookupPage maps every accepted namespace spelling to its page.\n")
	b.WriteString("func lookupPage(ns string) (uint8, bool) {\n\tswitch ns {\n")
	for _, p := range t.Pages {
		all := append([]string{p.Colon, p.Schema, p.SynCE}, p.Other...)
		fmt.Fprintf(b, "\tcase %s:\n\t\treturn %d, true\n", quoteList(all), p.Number)
	}
	b.WriteString("\t}\n\treturn 0, false\n}\n\n")

	b.WriteString("// lookupName maps a tag name or alias on page to its token.\n")
	b.WriteString("func lookupName(page uint8, name string) (uint8, bool) {\n\tswitch page {\n")
	for _, p := range t.Pages {
		if len(p.Tags) == 0 {
			continue
		}
		fmt.Fprintf(b, "\tcase %d: // %s\n\t\tswitch name {\n", p.Number, p.Name)
		for _, tag := range p.Tags {
			fmt.Fprintf(b, "\t\tcase %s:\n\t\t\treturn 0x%02X, true\n", quoteList(append([]string{tag.Name}, tag.Aliases...)), tag.Token)
		}
		b.WriteString("\t\t}\n")
	}
	b.WriteString("\t}\n\treturn 0, false\n}\n\n")
	t.writeLibwbxmlNames(b)
}

func describe(p *Page, t *Tag) string {
	s := fmt.Sprintf("%s %s (page %d, token 0x%02X)", p.Name, t.Name, p.Number, t.Token)
	switch {
	case t.Historic:
		s += ", a historic token kept for decoding"
	case t.Until != 0 && t.Until == t.Since:
		s += fmt.Sprintf(", protocol %v only", t.Since)
	case t.Until != 0:
		s += fmt.Sprintf(", protocol %v to %v", t.Since, t.Until)
	default:
		s += fmt.Sprintf(", protocol %v and later", t.Since)
	}
	if t.AlsoFrom != 0 {
		s += fmt.Sprintf(" (valid in %v", t.AlsoFrom)
		if t.AlsoTo != t.AlsoFrom {
			s += fmt.Sprintf(" to %v", t.AlsoTo)
		}
		if !t.Historic {
			s += " too"
		}
		s += ")"
	}
	switch t.Content {
	case "binary":
		s += "; a byte array sent as OPAQUE"
	case "text":
		s += "; text sent as OPAQUE"
	}
	return s
}

func quoteList(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}

func goStrings(list []string) string {
	if len(list) == 0 {
		return "nil"
	}
	return "[]string{" + quoteList(list) + "}"
}
