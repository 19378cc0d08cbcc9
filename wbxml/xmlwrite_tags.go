package wbxml

import "github.com/easkit/easkit/internal/xmltext"

// tagInfo is what the XMLWriter needs to know about a tag of the
// vocabulary: looked up once per code page and writer, not per element.
type tagInfo struct {
	name  string // the vocabulary's name, "" for a tag it does not define
	open  string // "<" + name
	close string // "</" + name + ">"
	kind  ContentKind
	valid bool // the TagValidator, if any, accepts the tag
}

// tagPage holds the facts about one code page.
type tagPage struct {
	tags  [64]tagInfo // by tag code
	xmlns string      // ` xmlns="…"`: the page as the default namespace
}

// tagInfo returns the facts about tag code on page, filling the page's
// table on first use. The vocabulary must be set.
func (x *XMLWriter) tagInfo(page, code uint8) *tagInfo {
	return &x.tagPage(page).tags[code&0x3F]
}

// tagPage returns the facts about page, filling its table on first use.
// The vocabulary must be set.
func (x *XMLWriter) tagPage(page uint8) *tagPage {
	if p := x.tags[page]; p != nil {
		return p
	}
	return x.fillTags(page)
}

// fillTags asks the vocabulary about page and every tag code on it.
func (x *XMLWriter) fillTags(page uint8) *tagPage {
	p := new(tagPage)
	decl := append([]byte(` xmlns="`), xmltext.AppendAttr(nil, x.namespace(page))...)
	p.xmlns = string(append(decl, '"'))
	for code := range uint8(len(p.tags)) {
		ti := &p.tags[code]
		ti.name = x.vocab.TagName(page, code)
		if ti.name == "" {
			continue
		}
		ti.kind = x.vocab.Content(page, code)
		x.renameTag(ti, page, code)
		ti.open = "<" + ti.name
		ti.close = "</" + ti.name + ">"
		ti.valid = x.valid == nil || x.valid.ValidTag(page, code)
	}
	x.tags[page] = p
	return p
}

// namespace returns the namespace of page in the configured form, or in
// the vocabulary's default form when it has none in that form.
func (x *XMLWriter) namespace(page uint8) string {
	if ns := x.vocab.Namespace(page, x.cfg.form); ns != "" || x.cfg.form == 0 {
		return ns
	}
	return x.vocab.Namespace(page, 0)
}

// renameTag gives ti the name of the set of names [WithTagNames] selects,
// when the vocabulary has one for the tag. A name that makes the
// vocabulary read the element's text as base64 makes its OPAQUE content
// base64 on output too.
func (x *XMLWriter) renameTag(ti *tagInfo, page, code uint8) {
	if x.cfg.names == NamesSpec {
		return
	}
	tn, ok := x.vocab.(TagNamer)
	if !ok {
		return
	}
	name := tn.TagNameIn(page, code, x.cfg.names)
	if name == "" {
		return
	}
	ti.name = name
	if sc, ok := x.vocab.(SpellingContenter); ok && sc.SpellingContent(page, code, []byte(name)) == ContentBase64OrText {
		ti.kind = ContentBinary
	}
}
