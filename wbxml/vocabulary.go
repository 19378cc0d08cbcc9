package wbxml

// NamespaceForm selects one of the spellings a [Vocabulary] gives the XML
// namespace of each code page on output. The zero NamespaceForm is the
// vocabulary's default form; what the others mean is up to the vocabulary
// (codepages.ActiveSync: codepages.ColonForm, "AirSync:", the default, and
// codepages.SchemaForm, "AirSync"). A form the vocabulary does not spell
// for a page falls back to the default form there (see
// [WithNamespaceForm]).
type NamespaceForm uint8

// Vocabulary names the tokens of one WBXML application (a "code space"): the
// tag tokens of each code page, and the XML namespace that each page maps to.
// The wbxml package is vocabulary-agnostic; ActiveSync's vocabulary is
// codepages.ActiveSync, which imports this package for these types.
//
// Implementations must be safe for concurrent use and should not allocate:
// the decoder and the XML conversions call them once per element.
type Vocabulary interface {
	// TagName returns the element name of token (0x05–0x3F, without the
	// attribute and content bits) on code page, or "" when the vocabulary
	// defines no such tag.
	TagName(page, token uint8) string

	// LookupTag finds the tag named local in XML namespace ns. Any spelling
	// of the namespace and any alias of the name that the vocabulary accepts
	// on input resolves; ok is false when nothing matches.
	LookupTag(ns, local []byte) (page, token uint8, ok bool)

	// Namespace returns the XML namespace of code page in the given form, or
	// "" when the page does not exist or has no spelling in that form.
	Namespace(page uint8, form NamespaceForm) string

	// PageName returns a short name for code page, for prefixes and error
	// messages ("AirSync"), or "" when the page does not exist.
	PageName(page uint8) string

	// Content says how the content of a tag is carried on the wire, so that
	// XML conversion can render OPAQUE data readably. Tags the vocabulary
	// does not know are [ContentText].
	Content(page, token uint8) ContentKind
}

// ContentKind says how a tag's content is carried in WBXML.
type ContentKind uint8

const (
	// ContentText is character data sent as inline or table strings (the default).
	ContentText ContentKind = iota
	// ContentBinary is a byte array sent as OPAQUE; XML shows it as base64.
	ContentBinary
	// ContentOpaqueText is text sent as OPAQUE (ActiveSync ComposeMail Mime);
	// XML shows it as text.
	ContentOpaqueText
	// ContentBase64OrText, which only [SpellingContenter.SpellingContent]
	// returns, is ContentOpaqueText whose XML input may hold the base64 of
	// the text instead, as libwbxml writes ComposeMail Mime under its name
	// MIME: an XMLReader decodes text that is strict base64 and sends any
	// other text as it is (MIME text has header colons, which base64 cannot
	// hold, so the two do not meet in practice).
	ContentBase64OrText
)

// A SpellingContenter is a [Vocabulary] in which the spelling of an
// element name in XML input changes how its text is read. An [XMLReader]
// asks it, instead of Content, once per (namespace, name) it meets.
// codepages.ActiveSync implements it: ComposeMail Mime spelled "MIME", as
// libwbxml writes it, holds base64 ([ContentBase64OrText]).
type SpellingContenter interface {
	// SpellingContent returns the content kind of the tag token on page
	// when XML input names it local: Content(page, token), or
	// ContentBase64OrText.
	SpellingContent(page, token uint8, local []byte) ContentKind
}

// A TagNamer is a [Vocabulary] with more than one set of element names for
// XML output. An [XMLWriter] asks it, once per tag and writer, when
// [WithTagNames] selects a set other than [NamesSpec]. codepages.ActiveSync
// implements it with the names libwbxml 0.11 writes.
type TagNamer interface {
	// TagNameIn returns the element name of token on page in the set
	// names, or "" when the set has no name of its own for it (the writer
	// then uses TagName). A name it returns must resolve to the same tag
	// through LookupTag, so that the XML reads back.
	TagNameIn(page, token uint8, names TagNames) string
}

// A TagSet is the set of tags a vocabulary defines: bit c of word p is set
// when tag token c (0x05–0x3F) is defined on code page p.
type TagSet [256]uint64

// Has reports whether token code (without the attribute and content bits)
// on page is in the set.
func (s *TagSet) Has(page, code uint8) bool { return s[page]>>(code&TagCodeMask)&1 != 0 }

// Add puts token code on page in the set.
func (s *TagSet) Add(page, code uint8) { s[page] |= 1 << (code & TagCodeMask) }

// A TagSetter is a Vocabulary that gives the tags it defines (those whose
// TagName is not "") as a TagSet, so that a Decoder checks each tag with a
// bit test instead of a call. codepages.ActiveSync implements it.
type TagSetter interface {
	// TagSet returns the vocabulary's tags. The set is shared: do not
	// modify it.
	TagSet() *TagSet
}
