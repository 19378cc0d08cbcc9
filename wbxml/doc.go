// Package wbxml reads and writes WAP Binary XML (WBXML 1.0–1.3, the W3C
// note "WAP Binary XML Content Format"), the body format of Exchange
// ActiveSync.
//
// The package is vocabulary-agnostic: tags are (code page, token) pairs.
// A [Vocabulary], such as codepages.ActiveSync, names them; it is optional
// for the Decoder and Encoder.
//
// # Decoding
//
// A [Decoder] turns a document into a stream of [Token] values. It reads a
// []byte without copying (NewDecoder, Reset) or an io.Reader through a
// buffer bounded by the largest single token (NewReaderDecoder,
// ResetReader); both forms yield the same tokens and errors. Token data are
// valid until the next call, as with bufio.Scanner. In steady state a
// reused Decoder does not allocate.
//
// The legal call sequence is:
//
//	d := wbxml.NewDecoder(b, opts...)   // or d.Reset(b), NewReaderDecoder(r)
//	h, err := d.Header()                // optional: version, public id, charset, string table
//	for {
//		tok, err := d.ReadToken()       // io.EOF at the clean end
//		...                             // d.SkipElement() skips the rest of an element
//	}
//
// In loops over many tokens, Next returns the Decoder's own token instead
// of a copy, and Step, the fastest, returns only the kind: the fields of
// the token it moved to are read with StepTag, StepData, StepOffset and
// StepContent, or all of them with StepToken. The three give the same
// tokens and errors and may be mixed. NextLeaf, which may be mixed with
// them too, reads an element of one inline string or of no content (most
// ActiveSync elements: ids, flags, numbers, dates) as one KindLeaf token
// instead of three or two, the fastest way through tag-dense messages.
//
// The tokens follow this grammar (SWITCH_PAGE never appears: the decoder
// applies it and reports the page of each tag and attribute token):
//
//	document  = *pi element *pi
//	element   = StartTag [attrlist] *content EndTag
//	attrlist  = 1*(AttrStart *value) EndAttrs      ; when StartTag.Attrs
//	content   = element | value | pi
//	value     = String | Opaque | Entity | Ext | AttrValue   ; AttrValue in attributes only
//	pi        = PI AttrStart *value EndPI
//
// Every StartTag has its EndTag, even when the element had no content bit
// and so no END on the wire (EndTag.Content is then false).
//
// # Encoding
//
// An [Encoder] writes tokens (WriteToken) or events (StartTag, String,
// Opaque, EndTag, ...) in the same grammar. It appends to a caller's []byte
// (NewAppendEncoder, ResetAppend, Bytes) or writes to an io.Writer through
// a bounded buffer (NewEncoder, Reset, Flush). It writes the header first
// (03 01 6A 00 unless [WithHeader] gives another), inserts SWITCH_PAGE where
// the code page changes, and writes an element without its content bit
// when its end follows its start tag directly. A call that would break the
// grammar is rejected with a *[SyntaxError] and leaves the Encoder
// unchanged. Canonical ActiveSync WBXML (03 01 6A 00, no redundant
// SWITCH_PAGE) decoded and re-encoded is byte-identical; for any input,
// decode → encode → decode yields the same tokens, except that an element
// with a content bit and no content comes back without the bit.
//
// # XML
//
// An [XMLWriter] turns WBXML into XML text and an [XMLReader] turns XML
// text into WBXML, through easkit's own XML scanner; both keep their
// buffers and allocate nothing per document once warm. Both need a
// Vocabulary (codepages.ActiveSync) to name elements and namespaces, and
// to know which tags carry byte arrays ([ContentBinary]: base64 in XML) or
// text as OPAQUE ([ContentOpaqueText]: text in XML).
//
// The conversions are lossless for every token ActiveSync uses. Where the
// wire form of an element's content differs from what the vocabulary says
// (OPAQUE in a text tag, a string in a byte-array tag, bytes XML cannot
// carry, an empty string or OPAQUE, several runs), one easkit:wire
// attribute records it; tags the vocabulary lacks become <easkit:unknown
// page token> elements (see [MarkerNamespace]). <X/> and <X></X>, which
// XML does not tell apart, are both an element without content (as
// libwbxml reads them); an element holding an empty string is <X
// easkit:wire="str"></X>. CR is written as &#13; so that it survives XML
// line-end normalisation. So canonical ActiveSync WBXML → XML → WBXML is
// byte-identical, XML written by XMLWriter → WBXML → XML is the same text,
// and for any WBXML the XMLWriter accepts, decode → encode → decode gives
// the same XML. The one loss: an element with its content bit and no
// content at all (5C 01) is written <X/> and comes back without the bit,
// as the Encoder writes it. LITERAL tags, attributes, processing
// instructions and extension tokens, which ActiveSync never uses, have no
// XML form ([ErrNoXML]).
//
// XML input may spell namespaces in every form the vocabulary accepts
// (codepages: "AirSync:", "AirSync", "POOMMAIL:", …), with default
// namespaces or prefixes; white space between elements is layout and is
// dropped, the text of an element without children is kept exactly. XML
// errors are *[XMLError] values with line, column and byte offset.
//
// Both directions append to a buffer (AppendXML, AppendWBXML) or write to
// an io.Writer as they go (WriteXMLBytes, WriteWBXML). With
// [WithConcurrency] a large document is cut between sibling elements and
// its parts converted at once on several goroutines; the result is that of
// one goroutine, byte for byte, warnings and errors included.
//
// # Errors
//
// Invalid input yields a *[SyntaxError] carrying the byte offset, the path
// of open elements and a sentinel such as [ErrTruncated] for errors.Is.
// I/O errors are returned as they are.
//
// # Security Considerations
//
// The decoder is meant for untrusted input. It never panics and always
// makes progress. Every length read from the input (mb_u_int32 values, the
// string table, OPAQUE data, string-table offsets) is checked against what
// remains before it is used, and the io.Reader form grows its buffer only as
// data actually arrive, so memory stays within a small multiple of the
// input (for the []byte form: a bounded element stack and, for
// ISO-8859-1 and US-ASCII documents, a conversion buffer no larger than
// twice the longest string). mb_u_int32 values longer than 5 bytes or
// above 2^32-1 are rejected. Limits are on by default: nesting depth 256
// ([WithMaxDepth]) and document size 256 MiB ([WithMaxSize]); an io.Reader
// is read at most one byte past the size limit.
//
// Strings are passed on as they are: the decoder does not validate UTF-8
// and a string may hold any byte but NUL, so callers that render text must
// escape or check it. Unknown tags are reported (Token.Unknown) in lenient
// mode, the default; [WithStrict] rejects them. In lenient mode bytes after
// the root element end the document (as libwbxml does); check InputOffset
// against the input length, or use strict mode, to reject them.
package wbxml
