// Package b64uri decodes and encodes the base64-encoded request query of
// Exchange ActiveSync ([MS-ASHTTP] 2.2.1.1.1.1), and converts it to and from
// the plain query form ([MS-ASHTTP] 2.2.1.1.1.2).
//
// A client may replace the plain query
//
//	POST /Microsoft-Server-ActiveSync?Cmd=Sync&User=rmjones&DeviceId=v140Device&DeviceType=SmartPhone
//	MS-ASProtocolVersion: 14.0
//
// by one base64 value, here jAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l, packing
//
//	version (1 byte, 140) · command code (1, Sync = 0) · locale (2, LCID little-endian) ·
//	device id length (1, > 0) · device id · policy key length (1, 0 or 4) ·
//	policy key (uint32 little-endian) · device type length (1) · device type ·
//	parameters: tag (1) · length (1) · value, repeated
//
// # Decoding
//
// [Query.Decode] takes the base64 text, [Query.Unpack] the bytes after base64
// decoding. Both are strict by default, as the spec is: the RFC 2045
// alphabet (padding optional), a device id of 1–255 bytes, a policy key
// length of 0 or 4, an assigned command code, an Options parameter of one
// byte, and every length within the input. A [Decoder] made with
// [NewDecoder]([WithStrictness]([Lenient])) also accepts the URL-safe
// alphabet, percent-escapes, a space for '+', odd policy key lengths
// (skipped) and odd Options lengths.
//
// Parameters with tags no revision defines (a real Windows Mail capture
// carries tag 0xFF) are skipped by their length, never misread, and kept in
// [Query.Params] so that [Query.HasUnknownParams] can report them and
// [Query.AppendPack] writes them back. Tags 2 (CollectionName) and 5
// (ParentId), from older revisions, have names ([ParamTag.Legacy]).
//
// Decoding into a reused Query allocates nothing: the slices it sets point
// into the Query's own buffer or the caller's bytes (see [Query] for how
// long they stay valid). [Query.AppendPack] and [Query.AppendEncode] append
// to the caller's slice and allocate only when it lacks room.
//
// # Errors
//
// Every error is an [*Error]: a sentinel (for [errors.Is]: [ErrAlphabet],
// [ErrTruncated], [ErrDeviceIDLength], [ErrPolicyKeyLength], …), the
// [Field], and where: the byte offset in the decoded bytes, or the character
// offset in the text (InText). For example the MS-ASHTTP example string with
// two transcription errors, jAAJBap2MTQwRGV2aWNlAApTbWFydFBob251, gives
//
//	b64uri: byte 4: device id length 170 exceeds remaining 22 bytes
//
// # The plain form
//
// [Query.AppendPlainQuery], [Query.AppendHeaders] and [Query.AppendPlain]
// write the plain form: Cmd, User, DeviceId, DeviceType and the command
// parameters in the query string, and the MS-ASProtocolVersion,
// X-MS-PolicyKey and MS-ASAcceptMultiPart headers. The Options bits become
// SaveInSent=T (or SaveInSent=F for an Options byte of 0) and the
// MS-ASAcceptMultiPart: T header. A device id that is printable ASCII is
// written as itself, any other in upper-case hex, as Exchange shows binary
// GUIDs. [Query.ParsePlain] reads it back.
//
// Values are escaped so that the conversion is reversible. User, DeviceId
// and DeviceType are percent-encoded: bytes other than letters, digits and
// -._~!$'()*,;:@/? become %XX, and ParsePlain decodes every %XX (and '+'
// as a space), as a server does. The command parameters (AttachmentName,
// CollectionId, ItemId, LongId, Occurrence, CollectionName, ParentId) are
// server-issued references that clients copy into the query verbatim, often
// already escaped (a FileReference "5%3a1%3a0"): their escapes of
// characters that need none are kept as written both ways, other bytes are
// escaped as above, and a '%' that starts no such escape is written %25.
//
// Query → plain → Query gives back the same query with these exceptions,
// which the plain form cannot express: the locale (left 0); parameters with
// unknown tags and Options bits other than SaveInSent and AcceptMultiPart
// (dropped); the place of a User parameter that is not first (it moves to
// the front) and of an Options parameter without SaveInSent (it moves to the
// end); and two kinds of device id: a 32-character text id made of
// upper-case hex digits that spell unprintable bytes (read back as those 16
// bytes), and a binary id of 1 to 127 bytes other than 16 (read back as the
// text of its hex digits; see [Query.ParsePlain]). Real clients' queries rarely
// have any of these (one Windows Mail capture carries an unknown tag), so
// with the locale restored their base64 text comes back byte for byte.
// Plain → Query → plain gives back the same text for anything AppendPlain
// writes.
//
// # Security Considerations
//
// Every length byte is checked against the bytes that remain before it is
// used; decoding never panics and never reads past its input. A Query
// allocates only to grow its two buffers, which it then reuses: the decoded
// bytes (3/4 of the text length, plus 3) and Params, which holds at most
// [MaxParams] entries (2 KB), so memory stays within a small multiple of
// the input whatever it holds. No field is longer than 255 bytes.
package b64uri

//go:generate go run ../gen -root .. b64uri
