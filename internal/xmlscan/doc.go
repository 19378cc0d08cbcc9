// Package xmlscan is easkit's XML scanner: a namespace-aware, validating
// tokenizer for a whole XML 1.0 document held in memory, built for the
// XML → WBXML conversion. It allocates nothing per token once its buffers
// have grown, and checks well-formedness and Namespaces in XML as it goes.
//
// # Call sequence
//
// Create a [Scanner] with [NewScanner] (or reuse one with [Scanner.Reset])
// and call [Scanner.ReadToken] until it returns an error:
//
//	s := xmlscan.NewScanner(doc)
//	for {
//		tok, err := s.ReadToken()
//		if err == io.EOF {
//			break // the document was well-formed
//		}
//		if err != nil {
//			return err // a *xmlscan.SyntaxError
//		}
//		// use tok
//	}
//
// The tokens form a balanced stream: one StartElement for the root, then
// StartElement, EndElement and Text tokens, and the root's EndElement; io.EOF
// comes only after the whole document has been checked. An empty-element tag
// <X/> yields a StartElement and an EndElement, both with SelfClosing set, so
// that <X/> and <X></X> stay distinguishable. Errors are sticky.
//
// # Validity of returned slices
//
// ReadToken returns a pointer to the Scanner's own Token, which the next call
// overwrites. The scanner does not copy the document. Names, attribute
// values and text
// are sub-slices of it when they needed no decoding, and otherwise of
// buffers the Scanner reuses. Either way they are valid only until the next
// call to ReadToken or Reset, must not be modified, and the document must
// not be modified while it is being scanned. Copy what must be kept.
//
// Three longer guarantees let a consumer avoid copies:
//
//   - The Name of a StartElement stays valid while the element is open, up
//     to and including the call that returns its EndElement (which carries
//     the same Name).
//   - The Text of a Text token stays valid through the following call,
//     which returns a StartElement or EndElement (text is merged, so two
//     Text tokens never follow each other). A consumer can thus hold
//     white space until it knows whether the element was a leaf.
//   - The Attrs of a StartElement, and their values, stay valid until the
//     next StartElement.
//
// # Tokens
//
// Text tokens appear only inside the root element. All character data
// between two tags is merged into one Text token: plain text, character
// and entity references (replaced), and CDATA sections (unwrapped); the
// comments and processing instructions between them are skipped and do not
// split the text. A Text token is never empty; Whitespace reports whether
// it holds only space, tab, LF and CR. White space outside the root element
// is not reported. With [WithSkipLayout], literal white space that can
// only be layout (after an end tag, or before a start tag) is not reported
// either.
//
// Element and attribute names are resolved against the namespace
// declarations in scope: prefixed names to their prefix's binding,
// unprefixed element names to the default namespace, unprefixed attribute
// names to no namespace. The prefix xml is predeclared. Declarations
// (xmlns="…" and xmlns:p="…") are applied, including redeclaration in nested
// elements and undeclaration of the default namespace with xmlns="", and
// are not reported in [Token.Attrs]. A namespace name is the declaration's
// value after attribute-value normalization (see below).
//
// # What is skipped
//
// A UTF-8 byte order mark at the start, the XML declaration, the DOCTYPE
// (with its internal subset), comments and processing instructions are
// read, checked as described below, and not reported.
//
// # What is checked
//
//   - The document is UTF-8 and every character matches the Char production
//     of XML 1.0 (no control characters other than tab, LF and CR, no
//     U+FFFE or U+FFFF), in markup, text, comments, PIs and the DOCTYPE.
//   - Names follow XML 1.0 (fifth edition) and, for elements and
//     attributes, Namespaces in XML: at most one colon, with a non-empty
//     prefix and local part. Processing instruction targets have no colon
//     and are not "xml" in any case.
//   - Tags are well-formed: quoted attribute values, white space between
//     attributes, no '<' in attribute values, end tags matching their start
//     tags (the error names both), attributes unique by name and by
//     (namespace, local name).
//   - References are one of the five predefined entities (lt, gt, amp, apos,
//     quot) or a decimal or hexadecimal character reference to a character
//     the Char production allows. Entities declared in a DOCTYPE are not
//     expanded: a reference to one is an error.
//   - "]]>" does not appear in character data; comments do not contain "--".
//   - The document has exactly one root element; outside it only white
//     space, comments and processing instructions appear, plus one DOCTYPE
//     before it and the XML declaration at the very start.
//   - The XML declaration has a version 1.x, an encoding (if any) that
//     the document is in, and a standalone of yes or no. A document given
//     to [Scanner.Reset] is UTF-8 and may declare UTF-8 or US-ASCII (in
//     any case, with the IANA aliases: "ASCII", "ANSI_X3.4-1968"...); one
//     declared US-ASCII must hold no byte of 0x80 or more, which is
//     checked in one pass over the document, eight bytes at a time, when
//     the declaration says so. A document transcoded to UTF-8 from
//     another encoding and given to [Scanner.ResetFrom] may declare that
//     encoding only (see Encodings below).
//   - Namespaces: every prefix used is declared; xmlns is never declared or
//     used as an element prefix; xml is bound only to its own namespace and
//     no other prefix is; no prefix is bound to the empty string (that is
//     XML 1.1).
//
// Line ends are normalized as XML 1.0 section 2.11 says: CR LF and a lone CR
// become LF, in text and CDATA sections. Attribute values are normalized as
// section 3.3.3 says for CDATA-type attributes: each literal tab, LF, CR or
// CR LF becomes a space. Characters that arrive as references are kept as
// they are, so &#13; yields a CR in text and in attribute values.
//
// # Encodings
//
// The Scanner reads UTF-8. [Detect] finds the encoding of a document as
// XML 1.0 appendix F says, from its first four bytes and its XML
// declaration only, and [AppendUTF8] transcodes to UTF-8 the encodings
// easkit reads besides: UTF-16 and UTF-32 in either byte order, with or
// without a byte order mark, ISO-8859-1 and windows-1252 (see [Encoding]
// for the names a declaration may use). [Scanner.ResetFrom] then reads
// the UTF-8, accepting the declaration that names the original encoding
// and refusing one that names another ([ErrEncoding]). Lines and columns
// count characters, so they are the same in the original document and in
// its transcoding; [SourceOffset] maps byte offsets back to the original.
// Other encodings (ISO-8859-15, Shift_JIS, EBCDIC...) are refused with
// [ErrUnsupportedEncoding]: transcode them to UTF-8 first.
//
// # Errors and positions
//
// Every error other than io.EOF is a [*SyntaxError] carrying the byte offset
// and the 1-based line and column (columns count characters, not bytes), and
// wrapping one of the sentinel errors ([ErrMismatchedTag],
// [ErrUndeclaredPrefix], ...), for [errors.Is]. [Scanner.ErrorAt] makes
// errors of the same form for code that consumes the tokens.
//
// # Limitations
//
// The internal subset of a DOCTYPE is checked only for its delimiters and
// characters; its declarations are not processed, so declared entities are
// not expanded, attribute defaults are not added, and all attributes are
// normalized as CDATA-type. The Scanner itself reads UTF-8 only:
// documents in the other encodings easkit reads must be transcoded first
// ([AppendUTF8]), and documents in encodings it does not read (anything
// but UTF-8, UTF-16, UTF-32, ISO-8859-1, windows-1252 and US-ASCII) are
// refused.
//
// # Security Considerations
//
// The scanner is meant for untrusted input. It never panics on bad input,
// reads the document once front to back (each byte a bounded number of
// times, apart from the quadratic attribute-duplicate check bounded by
// [WithMaxAttrs]), and needs memory proportional to the document at most:
// decoded text, attribute values and namespace names are each no longer than
// the input that produced them, a namespace declaration in scope takes 24
// bytes for at least 12 bytes of input, and buffers grow by doubling. In the
// worst case (a document made of namespace declarations) a Scanner allocates
// about eight times the input; for ordinary documents, whose tokens are
// sub-slices of the input, it allocates a small fraction of it, once.
// Documents of 2 GiB or more are refused ([ErrTooLarge]). Entities are never
// expanded, so there is no entity-expansion attack. Limits are on by default: nesting depth
// ([DefaultMaxDepth], see [WithMaxDepth]), attributes per element
// ([DefaultMaxAttrs]) and name length ([DefaultMaxNameLen]). Namespace
// prefixes are looked up through hash chains keyed by a random seed per
// Scanner, so that crafted prefixes cannot make lookups slow. Computing the
// line and column of an error scans the document up to the error once.
//
// Token slices alias the document: a caller that modifies the document, or
// keeps a slice past the next call, reads changed data.
//
// # Implementation
//
// Character data is scanned sixteen bytes at a time by a kernel written in
// SSE2 assembly on amd64 (every amd64 processor has SSE2), which also
// copies and decodes text that needs decoding in the same pass. Other
// platforms, and builds with the purego tag, use the same kernel written
// in Go; tests and a fuzz target check that both agree.
package xmlscan
