package codepages

import (
	"github.com/easkit/easkit/version"
	"github.com/easkit/easkit/wbxml"
)

// Vocabulary is the ActiveSync code space as a [wbxml.Vocabulary]. Its zero
// value is ready to use; [ActiveSync] is the one to pass.
//
// Namespace forms are [ColonForm] (0, the default), [SchemaForm] (1) and
// [SynCEForm] (2).
//
// A Vocabulary made by [Vocabulary.In] also checks tags against one
// protocol version: the wbxml XML conversions then report tags outside it
// (as warnings, or as errors in strict mode).
type Vocabulary struct {
	version version.Version
}

// ActiveSync is the ActiveSync vocabulary, for wbxml decoders, encoders and
// XML conversion.
var ActiveSync Vocabulary

var (
	_ wbxml.Vocabulary        = ActiveSync
	_ wbxml.DocTyper          = ActiveSync
	_ wbxml.FormDocTyper      = ActiveSync
	_ wbxml.TagValidator      = ActiveSync
	_ wbxml.SpellingContenter = ActiveSync
)

// DocType is the document type declaration that ActiveSync XML carries.
const DocType = `<!DOCTYPE ActiveSync PUBLIC "-//MICROSOFT//DTD ActiveSync//EN" "http://www.microsoft.com/">`

// In returns the vocabulary checking tags against protocol version v
// ([Tag.ValidIn]); v = 0 checks nothing.
func (v Vocabulary) In(ver version.Version) Vocabulary { v.version = ver; return v }

// Version returns the protocol version the vocabulary checks tags
// against, or 0.
func (v Vocabulary) Version() version.Version { return v.version }

// ValidTag implements [wbxml.TagValidator]: whether the tag is in the
// vocabulary's protocol version. Every tag passes when no version is set
// (tags the vocabulary does not define are reported as unknown anyway).
func (v Vocabulary) ValidTag(page, token uint8) bool {
	if v.version == 0 {
		return true
	}
	return NewTag(page, token).ValidIn(v.version)
}

// SynCEDocType is the document type declaration of the SynCE namespace
// form ([SynCEForm]), as libwbxml's -l AIRSYNC writes it.
const SynCEDocType = `<!DOCTYPE AirSync PUBLIC "-//AIRSYNC//DTD AirSync//EN" "http://www.microsoft.com/">`

// DocType implements [wbxml.DocTyper] with [DocType].
func (Vocabulary) DocType() string { return DocType }

// DocTypeIn implements [wbxml.FormDocTyper]: [SynCEDocType] for
// [SynCEForm], [DocType] for the other forms.
func (Vocabulary) DocTypeIn(form NamespaceForm) string {
	if form == SynCEForm {
		return SynCEDocType
	}
	return DocType
}

// TagName implements [wbxml.Vocabulary]: the current spec name of token on
// page, or "".
func (Vocabulary) TagName(page, token uint8) string { return NewTag(page, token).Name() }

// LookupTag implements [wbxml.Vocabulary] with [LookupBytes].
func (Vocabulary) LookupTag(ns, local []byte) (page, token uint8, ok bool) {
	t, ok := LookupBytes(ns, local)
	return t.Page(), t.Token(), ok
}

// Namespace implements [wbxml.Vocabulary] with the package's Namespace:
// [ColonForm], [SchemaForm] or [SynCEForm].
func (Vocabulary) Namespace(page uint8, form NamespaceForm) string {
	return Namespace(page, form)
}

// PageName implements [wbxml.Vocabulary].
func (Vocabulary) PageName(page uint8) string { return PageName(page) }

// Content implements [wbxml.Vocabulary] with [Tag.Content].
func (Vocabulary) Content(page, token uint8) wbxml.ContentKind {
	return NewTag(page, token).Content()
}

// SpellingContent implements [wbxml.SpellingContenter]: ComposeMail Mime
// spelled "MIME", libwbxml's name, holds base64 in XML, because libwbxml's
// wbxml2xml writes it so and its xml2wbxml reads it so
// ([wbxml.ContentBase64OrText]: base64 is decoded, MIME text is kept, so
// the XML of both traditions reads right). Every other spelling has
// [Tag.Content].
func (Vocabulary) SpellingContent(page, token uint8, local []byte) wbxml.ContentKind {
	t := NewTag(page, token)
	if t == ComposeMailMime && string(local) == "MIME" {
		return wbxml.ContentBase64OrText
	}
	return t.Content()
}
