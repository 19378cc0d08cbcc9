package wbxml

// tagInfo is what the XMLWriter needs to know about a tag of the
// vocabulary: looked up once per code page and writer, not per element.
type tagInfo struct {
	name  string // the vocabulary's name, "" for a tag it does not define
	kind  ContentKind
	valid bool // the TagValidator, if any, accepts the tag
}

// tagPage holds the tagInfo of every tag code of one page.
type tagPage [64]tagInfo

// tagInfo returns the facts about tag code on page, filling the page's
// table on first use. The vocabulary must be set.
func (x *XMLWriter) tagInfo(page, code uint8) *tagInfo {
	p := x.tags[page]
	if p == nil {
		p = x.fillTags(page)
	}
	return &p[code&0x3F]
}

// fillTags asks the vocabulary about every tag code of page.
func (x *XMLWriter) fillTags(page uint8) *tagPage {
	p := new(tagPage)
	for code := range uint8(len(p)) {
		ti := &p[code]
		ti.name = x.vocab.TagName(page, code)
		if ti.name == "" {
			continue
		}
		ti.kind = x.vocab.Content(page, code)
		ti.valid = x.valid == nil || x.valid.ValidTag(page, code)
	}
	x.tags[page] = p
	return p
}
