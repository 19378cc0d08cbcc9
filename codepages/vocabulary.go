package codepages

import "github.com/easkit/easkit/wbxml"

// Vocabulary is the ActiveSync code space as a [wbxml.Vocabulary]. Its zero
// value is ready to use; [ActiveSync] is the one to pass.
//
// Namespace forms are [ColonForm] (0, the default) and [SchemaForm] (1).
type Vocabulary struct{}

// ActiveSync is the ActiveSync vocabulary, for wbxml decoders, encoders and
// XML conversion.
var ActiveSync Vocabulary

var _ wbxml.Vocabulary = ActiveSync

// TagName implements [wbxml.Vocabulary]: the current spec name of token on
// page, or "".
func (Vocabulary) TagName(page, token uint8) string { return NewTag(page, token).Name() }

// LookupTag implements [wbxml.Vocabulary] with [LookupBytes].
func (Vocabulary) LookupTag(ns, local []byte) (page, token uint8, ok bool) {
	t, ok := LookupBytes(ns, local)
	return t.Page(), t.Token(), ok
}

// Namespace implements [wbxml.Vocabulary]: form 0 is [ColonForm], 1 is
// [SchemaForm].
func (Vocabulary) Namespace(page uint8, form int) string {
	return Namespace(page, NamespaceForm(form))
}

// PageName implements [wbxml.Vocabulary].
func (Vocabulary) PageName(page uint8) string { return PageName(page) }

// Content implements [wbxml.Vocabulary] with [Tag.Content].
func (Vocabulary) Content(page, token uint8) wbxml.ContentKind {
	return NewTag(page, token).Content()
}
