// Package version models Exchange ActiveSync protocol versions and the
// version negotiation rules of [MS-ASHTTP] and Microsoft's "Version
// negotiation in Exchange ActiveSync" guidance.
//
// A [Version] is stored as the number a client writes into the first byte of
// a base64-encoded request query: the version's digits with the dot removed,
// so "14.1" is 141 and "2.5" is 25. [Parse] and [Version.String] convert the
// dotted form used by the MS-ASProtocolVersion header.
//
// # Negotiation
//
// A server lists the versions it supports in the MS-ASProtocolVersions header
// of its HTTP OPTIONS response (and of its response to FolderSync with
// SyncKey 0), and in the X-MS-RP header when it wants the client to throw its
// sync state away. [ParseList] and [AppendList] read such a value: items are
// separated by commas, spaces and tabs around items and empty items are
// ignored, well-formed versions that were never published (say "17.0") are
// kept, and anything else is a [*ParseError] with the character offset.
//
// [Negotiate] picks the highest version both sides support; [NextLower] the
// version to try after the server rejects a request with HTTP 400. Both
// explain a failure with a [*NoCommonError].
//
// [Negotiator] keeps a client's state between requests and applies the
// guidance's rules: negotiate on first use and again when [RecheckInterval]
// (24 hours) has passed; switch when OPTIONS, a FolderSync SyncKey 0 response
// or X-MS-RP reveals a better version; when OPTIONS carries no
// MS-ASProtocolVersions header, probe with FolderSync SyncKey 0 and read the
// header from its response; step down after HTTP 400 and remember the
// refusal, so that a server that keeps listing the version it refused does
// not lead the client back to it (and through another resync) at every
// check, until X-MS-RP announces new versions; and report that a version
// change, or any X-MS-RP, means a full resynchronization.
//
// Parsing into a caller's slice, formatting into a caller's buffer and
// negotiating allocate nothing on success; [ParseList], [FormatList] and
// String of an unpublished version return new values, and a Negotiator grows
// its Server slice once. Errors allocate.
package version
