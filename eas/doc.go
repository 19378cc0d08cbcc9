// Package eas holds ActiveSync messages as Go values, above the tokens of
// package wbxml: a tree to look around in, a builder to write messages by
// hand, and marshalling of Go structs.
//
// # Trees
//
// Parse reads a WBXML message into Element values: each has a
// codepages.Tag, children, and text or bytes. Find and All walk paths of
// tags, and the value methods read the content as the type it holds:
//
//	root, err := eas.Parse(body)
//	for _, add := range root.All(codepages.AirSyncCollections, codepages.AirSyncCollection,
//		codepages.AirSyncCommands, codepages.AirSyncAdd) {
//		subject := add.Find(codepages.AirSyncApplicationData, codepages.EmailSubject).Text()
//		…
//	}
//
// A tree keeps the wire bytes it was read from, so that an unchanged tree
// writes back (AppendWBXML) byte for byte, and a changed one keeps the bytes
// of its unchanged parts: a proxy can rewrite one element of a message and
// leave the rest as the server sent it. WriteXML gives the XML of a tree as
// wbxml.XMLWriter does. A Parser reuses its memory from one message to the
// next.
//
// # Builder
//
// A Builder writes a message call by call, keyed by codepages.Tag; it
// writes the header, page switches and ends, and keeps the first error.
//
// # Structs
//
// Marshal and Unmarshal (and an Encoder and a Decoder for streams) carry
// messages as Go structs, in the manner of encoding/xml. A struct tag
// names a field's element by namespace and name, split at the last colon:
//
//	type FolderSync struct {
//		XMLName eas.Name `eas:"FolderHierarchy:FolderSync"`
//		Status  int      `eas:",omitempty"`
//		SyncKey string   `eas:"SyncKey,required"`
//		Changes *Changes
//	}
//
// The namespace may be spelled any way codepages.PageOf accepts
// ("AirSync", "AirSync:", "POOMMAIL", "Email2", the SynCE URIs), and the
// name may be an alias. A name without namespace, and an exported field
// without a tag (named by its Go name), is on the code page of the
// enclosing element, as in an XML default namespace. The XMLName field
// names the root element; without a name in its tag, Marshal writes the
// element its Tag holds and Unmarshal accepts any root (Unmarshal stores
// the root's tag there either way). A struct field without a name in its
// tag whose type has a tagged XMLName is that element. `eas:"-"` skips a
// field, and unexported fields are ignored.
//
// Options follow the name, comma-separated:
//
//	omitempty  a zero value is not written
//	empty      a bool that is the presence of an empty element (MoreAvailable)
//	opaque     a string or []byte carried as OPAQUE data
//	base64     a string or []byte carried as base64 text
//	text       a string or []byte carried as the text as it is: a []byte
//	           field so tagged reuses its capacity, where a string must
//	           be a new copy (long bodies, AirSyncBase:Data)
//	required   Unmarshal reports ErrMissing when the element is absent
//	inline     a struct field whose fields belong to the enclosing element
//	any        a []*Element field that keeps the children no field names
//	chardata   a string or []byte field, without a name, that holds the
//	           element's own text, for an element that holds text or
//	           elements (an XSD mixed type: Search Query); at most one
//	names      a []codepages.Tag field, without a name, that holds the tags
//	           of the empty children no other field names, each naming a
//	           property (Sync Supported, ItemOperations Schema); Marshal
//	           writes each as an empty element at the field's place. A
//	           child that is not empty (text, even "", OPAQUE data or
//	           children) is ErrValue with WithStrict(true), and otherwise
//	           kept by the any field (skipped without one); at most one
//
// Fields may be strings, []byte (OPAQUE for the tags whose content is
// OPAQUE, base64 text for the others), integers of every size (decimal,
// range-checked), bools ("1" and "0"), time.Time (ParseTime, AppendTime),
// structs (an element with children), named types of these, types that
// implement Marshaler and Unmarshaler (which write and read the whole
// element) or encoding.TextMarshaler and TextUnmarshaler (text content),
// *Element (one element kept as a tree), and pointers (nil is absent) and
// slices (repeated elements) of all these. Embedded structs are inline.
// Maps, channels, functions, floats and interfaces are ErrUnsupported, as
// are tags that do not resolve: the error names the struct, the field and
// the tag. How a type is written and read is worked out once and cached.
//
// Marshal writes the fields in struct order (an any field's elements at
// its place) through a Builder. Unmarshal reads the tokens as they come,
// without a tree, dispatching children by tag; an element repeated for a
// field that is not a slice is ErrDuplicate, text that does not fit the
// type ErrValue, and unknown elements are skipped, kept by an any field,
// or, with WithStrict(true), ErrUnexpected. Text between the children of
// a struct's element goes to its chardata field, its pieces (STR_I, STR_T,
// OPAQUE, ENTITY) joined, which Marshal writes back as one string before
// the children (nothing for ""); without one, it is skipped (ErrValue with
// WithStrict(true)). Errors carry the element's byte offset and its path
// (Error). Unmarshal sets every field it knows: one whose element is
// absent is left zero, so that a struct reused from message to message
// holds the last one and reuses its slices.
//
// # Protocol versions
//
// WithVersion makes the builder refuse, and Parse report, tags the
// protocol version does not have (codepages.Tag.ValidIn).
//
// # Security Considerations
//
// Parse is meant for untrusted input: it reads through a wbxml.Decoder,
// with its limits (nesting depth, document size), never panics, and
// reports every error with its byte offset. A tree takes about 100 bytes
// per element, and a document of n bytes has at most n elements.
package eas
