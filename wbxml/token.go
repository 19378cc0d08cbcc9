package wbxml

import "strconv"

// Kind says what a [Token] is. The zero Kind is [KindInvalid].
type Kind uint8

const (
	// KindInvalid is the Kind of the zero Token; no decoded token has it.
	KindInvalid Kind = iota

	// KindStartTag starts an element: a tag token (Page, Code) or, when
	// Literal is set, a LITERAL, LITERAL_A, LITERAL_C or LITERAL_AC token
	// whose name is the string-table string at Value (Data).
	// Attrs and Content are the attribute and content bits as on the wire.
	KindStartTag

	// KindEndTag ends the innermost open element. It repeats the start
	// tag's Page, Code, Literal, Value, Data, Unknown, Attrs and Content.
	// When Content is false the element had no content bit and no END
	// byte was on the wire: the decoder reports the end anyway, so that
	// every KindStartTag has a matching KindEndTag.
	KindEndTag

	// KindString is character data: STR_I (Form FormInline) or STR_T
	// (Form FormTable, Value = string-table offset). Data is the text
	// without its terminator.
	KindString

	// KindOpaque is OPAQUE data: Data holds the bytes.
	KindOpaque

	// KindEntity is an ENTITY token: Value is the character code point.
	KindEntity

	// KindExt is an extension token: Code is its index (0, 1 or 2) and
	// Form its form: EXT_I_n (FormInline, Data = inline string), EXT_T_n
	// (FormTable, Value = the integer, Data = the string-table string at
	// Value when there is one, else nil) or EXT_n (FormSingle).
	KindExt

	// KindPI starts a processing instruction. It is followed by one
	// KindAttrStart (the target), any attribute values, and KindEndPI.
	KindPI

	// KindEndPI ends a processing instruction (its END byte).
	KindEndPI

	// KindAttrStart starts an attribute: an ATTRSTART token (Page, Code;
	// the attribute code page and token 0x05–0x3F or 0x45–0x7F) or, when
	// Literal is set, a LITERAL whose name is the string-table string at
	// Value (Data).
	KindAttrStart

	// KindAttrValue is an ATTRVALUE token (Page, Code; token 0x85–0xBF or
	// 0xC5–0xFF). Strings, extensions, entities and opaque data inside an
	// attribute value are reported with their own kinds.
	KindAttrValue

	// KindEndAttrs ends the attribute list of the innermost start tag
	// (its END byte).
	KindEndAttrs

	// KindLeaf is a whole element of a tag token whose content is one
	// inline string or nothing: only [Decoder.NextLeaf] returns it, for
	// what the other readers return as KindStartTag, KindString and
	// KindEndTag (or KindStartTag and KindEndTag). Page, Code, Unknown
	// and Offset are the start tag's; Content reports the string, which
	// Data holds (an element without content has neither).
	KindLeaf
)

var kindNames = [...]string{
	KindInvalid:   "Invalid",
	KindStartTag:  "StartTag",
	KindEndTag:    "EndTag",
	KindString:    "String",
	KindOpaque:    "Opaque",
	KindEntity:    "Entity",
	KindExt:       "Ext",
	KindPI:        "PI",
	KindEndPI:     "EndPI",
	KindAttrStart: "AttrStart",
	KindAttrValue: "AttrValue",
	KindEndAttrs:  "EndAttrs",
	KindLeaf:      "Leaf",
}

// String returns the Kind's name, such as "StartTag".
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// Form says how a string or extension token carries its value. The zero
// Form is [FormInline].
type Form uint8

const (
	// FormInline is an inline string: STR_I or EXT_I_n.
	FormInline Form = iota
	// FormTable is a string-table reference or integer: STR_T or EXT_T_n.
	FormTable
	// FormSingle is a single-byte extension with no value: EXT_n.
	FormSingle
)

var formNames = [...]string{FormInline: "Inline", FormTable: "Table", FormSingle: "Single"}

// String returns the Form's name, such as "Inline".
func (f Form) String() string {
	if int(f) < len(formNames) {
		return formNames[f]
	}
	return "Form(" + strconv.Itoa(int(f)) + ")"
}

// A Token is one WBXML token as decoded by a [Decoder] or written by an
// [Encoder]. SWITCH_PAGE is never a Token: the decoder applies it and
// reports the page in Page; the encoder writes it when Page changes.
//
// Data is a sub-slice of the decoder's input (or of a buffer the decoder
// reuses); it is valid only until the next call to the decoder.
type Token struct {
	// Kind says which of the other fields are meaningful.
	Kind Kind

	// Page is the tag code page (KindStartTag, KindEndTag) or the
	// attribute code page (KindAttrStart, KindAttrValue) in effect for the
	// token.
	Page uint8

	// Code is the token byte: for tags without the attribute (0x80) and
	// content (0x40) bits, 0x05–0x3F; for attribute tokens the byte as on
	// the wire; for KindExt the extension index 0–2. It is 0 for literals.
	Code uint8

	// Form is the form of a KindString or KindExt token.
	Form Form

	// Attrs and Content are a start tag's attribute and content bits
	// (repeated on its KindEndTag).
	Attrs, Content bool

	// Literal is set when a tag or attribute name comes from the string
	// table (LITERAL tokens): Data is the name and Value its offset.
	Literal bool

	// Unknown is set on tags that the decoder's Vocabulary does not define
	// (lenient mode only; strict mode rejects them). Page and Code say
	// which tag it was. It is never set without a Vocabulary.
	Unknown bool

	// Raw is set when Data is text in a document charset that the decoder
	// does not convert to UTF-8: Data holds the bytes as on the wire.
	Raw bool

	// Value is the ENTITY code point, the string-table offset of STR_T and
	// LITERAL tokens, or the integer of EXT_T_n.
	Value uint32

	// Offset is the byte offset in the input of the token's first byte
	// (after any SWITCH_PAGE). For a KindEndTag without an END byte it is
	// the offset just after the element's start tag or attribute list.
	Offset int64

	// Data holds the token's bytes: text (UTF-8 unless Raw) for strings,
	// EXT_I/EXT_T strings and literal names, the bytes of OPAQUE. It is
	// valid until the next call to the Decoder.
	Data []byte
}

// Tag returns the tag as page<<8 | code, the packed form of generated
// vocabulary constants such as codepages.AirSyncSync. It is 0 for
// literal tags and for tokens that are not tags (a KindLeaf is one).
func (t *Token) Tag() uint16 {
	if (t.Kind != KindStartTag && t.Kind != KindEndTag && t.Kind != KindLeaf) || t.Literal {
		return 0
	}
	// Two byte loads (see codepages.NewTag): one 16-bit load of the
	// bytes the decoder has just stored one by one would stall.
	return uint16(t.Page)*256 + uint16(t.Code)
}
