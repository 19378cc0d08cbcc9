package codepages

import "github.com/easkit/easkit/wbxml"

var _ wbxml.TagNamer = ActiveSync

// LibwbxmlName returns the element name libwbxml 0.11 writes for t: one of
// t's aliases where libwbxml keeps an older spelling (Calendar Timezone is
// "TimeZone", ComposeMail Mime "MIME"), t.Name() otherwise. Tags libwbxml
// does not know (it writes <unknown/>) get t.Name() as well. The table is
// gen/spec/libwbxml-names.tsv.
func (t Tag) LibwbxmlName() string {
	if n := libwbxmlName(t); n != "" {
		return n
	}
	return t.Name()
}

// TagNameIn implements [wbxml.TagNamer]: for [wbxml.NamesLibwbxml] the
// name libwbxml writes where it differs from TagName ([Tag.LibwbxmlName]),
// "" otherwise.
func (Vocabulary) TagNameIn(page, token uint8, names wbxml.TagNames) string {
	if names == wbxml.NamesLibwbxml {
		return libwbxmlName(NewTag(page, token))
	}
	return ""
}
