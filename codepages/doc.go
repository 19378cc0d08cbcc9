// Package codepages is the ActiveSync WBXML vocabulary of [MS-ASWBXML]: code
// pages 0–25 (protocol 2.5 to 16.1), their tag tokens, their XML namespaces,
// and per-tag facts (the protocol versions a tag belongs to, whether it is a
// historic token kept only for decoding, and whether its content is sent as
// OPAQUE).
//
// A tag is a [Tag], a packed (page, token) pair with constants named
// <Page><Element> — [AirSyncSync], [EmailSubject], [CalendarTimezone] —
// because 78 element names repeat across pages (Status is on 17 of them).
// Everything is keyed by page: [Lookup] takes an XML namespace and a local
// name, never a name alone.
//
// [ActiveSync] is the vocabulary as a value for package wbxml, which knows no
// ActiveSync itself.
//
// # Names, aliases and namespaces
//
// Tag names are the current spec's spelling, the only spelling ever written.
// Older spellings seen in the wild — libwbxml's TimeZone and Attendee_Email,
// the 2015 spec's ForwardeeName, Z-Push's Synchronize — are aliases: accepted
// by [Lookup], never returned by [Tag.Name].
//
// Each page has a namespace in two output forms: the colon form ("AirSync:"),
// used by Microsoft's protocol examples and libwbxml and written by default,
// and the schema form ("AirSync"), the XSD targetNamespace. On input both are
// accepted, and so are historic names such as "POOMMAIL:" and "Gal", and
// the SynCE URIs of libwbxml's AIRSYNC language
// ("http://synce.org/formats/airsync_wm5/airsync").
//
// # Cost
//
// The tables are generated (go generate ./...) from the spec tables in
// gen/spec; nothing is built at init time, and no lookup allocates.
package codepages

//go:generate go run ../gen -root .. codepages
