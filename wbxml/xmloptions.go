package wbxml

import (
	"fmt"
	"strconv"
)

// Option kinds of the XML conversions. They share [Option] with the
// Decoder and Encoder options, which ignore them (and vice versa).
const (
	optIndent optionKind = 64 + iota
	optDeclaration
	optDocType
	optNamespaceForm
	optPrefixes
	optKeepSpace
	optConcurrency
	optAmplification
	optTagNames
	optDeclEncoding
)

// DefaultIndent is the indentation width of XML output unless
// [WithIndent] says otherwise.
const DefaultIndent = 2

// WithIndent sets the number of spaces per nesting level in XML output
// (default 2); 0 writes compact XML with no white space between elements.
// Indentation is only ever written where it cannot change the document:
// text content is written exactly as it is. XMLWriter only.
func WithIndent(n int) Option { return Option{kind: optIndent, n: int64(min(max(n, 0), 64))} }

// WithXMLDeclaration says whether XML output starts with
// <?xml version="1.0" encoding="UTF-8"?> (default true). XMLWriter only.
func WithXMLDeclaration(on bool) Option { return Option{kind: optDeclaration, b: on} }

// WithDeclarationEncoding says whether the XML declaration names its
// encoding: true (the default) writes <?xml version="1.0" encoding="UTF-8"?>,
// false writes <?xml version="1.0"?>, as libwbxml does (UTF-8 is XML's
// default, so the two mean the same). XMLWriter only.
func WithDeclarationEncoding(on bool) Option { return Option{kind: optDeclEncoding, b: on} }

// WithDocType says whether XML output carries the vocabulary's DOCTYPE
// (default true when the Vocabulary has one, as codepages.ActiveSync does:
// <!DOCTYPE ActiveSync PUBLIC "-//MICROSOFT//DTD ActiveSync//EN" …>).
// XMLWriter only.
func WithDocType(on bool) Option { return Option{kind: optDocType, b: on} }

// WithNamespaceForm selects the spelling of namespaces in XML output, one
// of those the Vocabulary defines (codepages.ActiveSync: codepages.ColonForm
// "AirSync:", the default, or codepages.SchemaForm "AirSync"). Where the
// vocabulary has no spelling of a page's namespace in form, the page's
// default form (0) is written. XMLWriter only.
func WithNamespaceForm(form NamespaceForm) Option {
	return Option{kind: optNamespaceForm, n: int64(form)}
}

// WithPrefixes selects how XML output declares namespaces. false (the
// default, as libwbxml does): each element whose code page differs from
// the default namespace in scope declares its page as the default
// namespace. true (as Microsoft's protocol examples do): the root element
// declares its page as the default namespace and every other page of the
// vocabulary with a prefix, the page name in lower case ("email:Subject").
// XMLWriter only.
func WithPrefixes(on bool) Option { return Option{kind: optPrefixes, b: on} }

// WithMaxAmplification limits the XML an XMLWriter writes for a document
// to n bytes per byte of WBXML (default [DefaultMaxAmplification], 1000),
// counting the input as at least 1 KiB; n ≤ 0 removes the limit. A
// conversion that would write more stops with an [ErrAmplification]
// *SyntaxError at the input offset where the output passed the limit. A
// string-table string can be referenced any number of times, so without
// a limit the XML can grow with the square of the input. For an io.Reader
// ([XMLWriter.WriteXML]) the limit counts the input read so far.
// XMLWriter only.
func WithMaxAmplification(n int) Option {
	return Option{kind: optAmplification, n: int64(max(n, 0))}
}

// WithKeepSpace makes an XMLReader keep white space between elements as
// strings (libwbxml's xml2wbxml -k), instead of dropping it as layout
// (default false). XMLReader only.
func WithKeepSpace(on bool) Option { return Option{kind: optKeepSpace, b: on} }

// WithConcurrency lets [XMLWriter.AppendXML] and [XMLReader.AppendWBXML]
// convert a large document (256 KiB or more) in up to n parts at once,
// one goroutine each; n ≤ 1, the default, converts on the calling
// goroutine only. The output, the warnings and any error are exactly
// those of converting on one goroutine: the parts are cut between sibling
// elements, where nothing but the elements open around them carries over,
// and each part's end is checked against the next one's start (a
// document that does not pass is converted again on one goroutine).
// Documents that offer no such places convert in fewer parts or in one:
// WBXML with text between child elements, attributes, extension tokens or
// a UTF-16 or UTF-32 charset; XML whose white space is kept
// ([WithKeepSpace]) or with a DOCTYPE internal subset. Unlike the
// default, a conversion in parts allocates: a few small objects per part,
// and once per writer or reader the parts' buffers. Written to an
// io.Writer ([XMLWriter.WriteXMLBytes], [XMLReader.WriteWBXML]), the
// document is cut into parts of about 64 KiB that n+1 workers convert in
// turn, each part's output written as soon as the parts before it are,
// so the memory the conversion writes to stays small whatever the size
// of the document. runtime.GOMAXPROCS(0) is a good n.
func WithConcurrency(n int) Option {
	return Option{kind: optConcurrency, n: int64(min(max(n, 1), 256))}
}

// TagNames selects which of a vocabulary's sets of element names XML
// output uses. The zero value is [NamesSpec].
type TagNames uint8

const (
	// NamesSpec is the vocabulary's own names, those of
	// [Vocabulary.TagName] (for codepages.ActiveSync the current
	// [MS-ASWBXML] spelling). It is the zero value and the default.
	NamesSpec TagNames = iota
	// NamesLibwbxml is the names that libwbxml 0.11 writes, as a
	// [TagNamer] vocabulary knows them (codepages.ActiveSync: Calendar
	// TimeZone for Timezone, DTStamp for DtStamp, MIME for ComposeMail
	// Mime); tags it has no other name for keep their NamesSpec name.
	NamesLibwbxml
)

// Valid reports whether n is one of the TagNames constants.
func (n TagNames) Valid() bool { return n <= NamesLibwbxml }

// String returns "spec", "libwbxml", or "TagNames(N)" for a value that is
// not one of the constants.
func (n TagNames) String() string {
	switch n {
	case NamesSpec:
		return "spec"
	case NamesLibwbxml:
		return "libwbxml"
	}
	return "TagNames(" + strconv.Itoa(int(n)) + ")"
}

// ParseTagNames returns the TagNames whose String is s ("spec" or
// "libwbxml").
func ParseTagNames(s string) (TagNames, error) {
	for n := NamesSpec; n.Valid(); n++ {
		if s == n.String() {
			return n, nil
		}
	}
	return NamesSpec, fmt.Errorf("wbxml: tag names %q: want spec or libwbxml", s)
}

// WithTagNames selects the set of element names that XML output uses
// (default [NamesSpec]); a value that is not one of the TagNames constants
// means NamesSpec. Where a name of another set makes the vocabulary's
// [SpellingContenter] read the element's text as base64 (libwbxml's MIME),
// the writer writes that element's OPAQUE content as base64, so that the
// XML reads back to the same WBXML. XMLWriter only.
func WithTagNames(n TagNames) Option {
	if !n.Valid() {
		n = NamesSpec
	}
	return Option{kind: optTagNames, n: int64(n)}
}

// xmlConfig holds the XML output options.
type xmlConfig struct {
	indent   int
	decl     bool
	doctype  bool
	form     NamespaceForm
	prefixes bool
	keep     bool
	workers  int // most parts converted at once (WithConcurrency)
	amp      int // bytes of XML per byte of WBXML at most; 0 for no limit
	names    TagNames
	declEnc  bool // the declaration names the encoding
}

func defaultXMLConfig() xmlConfig {
	return xmlConfig{indent: DefaultIndent, decl: true, doctype: true, declEnc: true, amp: DefaultMaxAmplification}
}

// declaration returns the XML declaration and its line break.
func (c *xmlConfig) declaration() string {
	if !c.declEnc {
		return `<?xml version="1.0"?>` + "\n"
	}
	return `<?xml version="1.0" encoding="UTF-8"?>` + "\n"
}

func (c *xmlConfig) apply(opts []Option) {
	for i := range opts {
		o := &opts[i]
		switch o.kind {
		case optIndent:
			c.indent = int(o.n)
		case optDeclaration:
			c.decl = o.b
		case optDocType:
			c.doctype = o.b
		case optNamespaceForm:
			c.form = NamespaceForm(o.n)
		case optPrefixes:
			c.prefixes = o.b
		case optKeepSpace:
			c.keep = o.b
		case optConcurrency:
			c.workers = int(o.n)
		case optAmplification:
			c.amp = int(o.n)
		case optTagNames:
			c.names = TagNames(o.n)
		case optDeclEncoding:
			c.declEnc = o.b
		}
	}
}

// DocTyper is implemented by vocabularies that have a document type
// declaration for XML output (see also [FormDocTyper]).
type DocTyper interface {
	// DocType returns the whole declaration, such as
	// `<!DOCTYPE ActiveSync PUBLIC "-//MICROSOFT//DTD ActiveSync//EN" "http://www.microsoft.com/">`.
	DocType() string
}

// A FormDocTyper is a [DocTyper] whose declaration depends on the
// namespace form of the output ([WithNamespaceForm]): codepages.ActiveSync
// writes libwbxml's AirSync DOCTYPE with the SynCE namespaces.
type FormDocTyper interface {
	// DocTypeIn returns the whole declaration for namespace form form.
	DocTypeIn(form NamespaceForm) string
}

// docType returns dt's declaration for the output's namespace form.
func (c *xmlConfig) docType(dt DocTyper) string {
	if f, ok := dt.(FormDocTyper); ok {
		return f.DocTypeIn(c.form)
	}
	return dt.DocType()
}

// TagValidator is implemented by vocabularies that know which tags a
// particular protocol version allows (codepages.ActiveSync.In(version)).
// The XML conversions report each tag it rejects as a [Warning] or, in
// strict mode, as an error wrapping [ErrNotInVersion].
type TagValidator interface {
	// ValidTag reports whether the tag may appear.
	ValidTag(page, token uint8) bool
}
