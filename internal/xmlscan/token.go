package xmlscan

import "strconv"

// Kind says what a [Token] is.
type Kind uint8

const (
	// None is the zero Kind.
	None Kind = iota
	// StartElement is a start tag, or the start half of an empty-element
	// tag <X/>.
	StartElement
	// EndElement is an end tag, or the end half of an empty-element tag.
	EndElement
	// Text is character data inside the root element.
	Text
	// Leaf is, under WithLeaves, a whole element <X>text</X> without
	// prefix or attributes (but for xmlns="…") whose text needs no
	// decoding: its start tag,
	// text and end tag in one token (Name, Text, Offset, TextOffset and
	// EndOffset). It stands for the StartElement, Text (when the text is
	// not empty) and EndElement tokens it replaces.
	Leaf
)

// String returns the name of k.
func (k Kind) String() string {
	switch k {
	case None:
		return "None"
	case StartElement:
		return "StartElement"
	case EndElement:
		return "EndElement"
	case Text:
		return "Text"
	case Leaf:
		return "Leaf"
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// Name is a namespace-resolved element or attribute name.
//
// Its slices are sub-slices of the document or of the Scanner's reused
// buffers; they must not be modified, and they stay valid until the next
// call to [Scanner.ReadToken] or [Scanner.Reset].
type Name struct {
	// Space is the namespace name (URI) the name is in, after resolution:
	// for a prefixed name, the prefix's binding; for an unprefixed element,
	// the default namespace in scope; for an unprefixed attribute, empty.
	// Empty means "no namespace".
	Space []byte
	// Prefix is the prefix as written, empty when there is none.
	Prefix []byte
	// Local is the local part of the name.
	Local []byte
}

// Attr is one attribute of a start tag. Namespace declarations (xmlns and
// xmlns:p) are applied by the Scanner and are not reported as attributes.
type Attr struct {
	Name Name
	// Value is the normalized value: character and entity references
	// replaced, and each literal tab, LF, CR or CR LF turned into one space
	// (XML 1.0 section 3.3.3 for CDATA-type attributes); characters written
	// as references (&#9; &#10; &#13;) are kept as they are. It is a
	// sub-slice of the document or of a reused buffer, valid until the next
	// call to [Scanner.ReadToken] or [Scanner.Reset].
	Value []byte
	// Offset is the byte offset of the attribute's name in the document.
	Offset int64
}

// Token is one event of the document. Which fields are set depends on Kind;
// the others are zero.
//
// [Scanner.ReadToken] returns the Scanner's own Token, which the next call
// to ReadToken or [Scanner.Reset] overwrites; all its slices are valid until
// then (see the package documentation for the longer guarantees) and must
// not be modified.
type Token struct {
	// Kind says what the token is.
	Kind Kind
	// SelfClosing is set on both the StartElement and the EndElement of an
	// empty-element tag <X/>; it is false for <X></X>.
	SelfClosing bool
	// Whitespace is set on a Text token whose text holds only space, tab,
	// LF and CR characters (after references are replaced).
	Whitespace bool
	// Offset is the byte offset in the document where the token starts: the
	// '<' of a start or end tag, the "/>" of an empty-element tag's
	// EndElement, and for Text the first byte that contributes to it (a
	// character, the '&' of a reference or the '<' of a CDATA section).
	Offset int64
	// Name is the element name (StartElement, EndElement).
	Name Name
	// Attrs are the attributes of a StartElement, in document order,
	// without namespace declarations. The slice is reused.
	Attrs []Attr
	// Text is the character data of a Text token, never empty: text,
	// references and CDATA sections between two tags are merged into one
	// token (comments and processing instructions between them are skipped
	// and do not split it), with line ends normalized to LF and references
	// replaced. It is a sub-slice of the document when nothing had to be
	// decoded, otherwise of a reused buffer. A Leaf's Text is the
	// element's text as written, and may be empty (<X></X>).
	Text []byte
	// TextOffset and EndOffset are, for a Leaf, the offsets of its text
	// (just after the start tag's '>') and of its end tag's '<'.
	TextOffset, EndOffset int64
}
