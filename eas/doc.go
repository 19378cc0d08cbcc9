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
