// Package capture finds the ActiveSync messages in a capture, whatever form
// it is in, and returns each with its metadata and its body bytes.
//
// People have captures in many forms: the raw WBXML body saved from a
// proxy, a hex dump pasted from a terminal or Wireshark, a base64 string
// from a log, a whole HTTP session saved by Fiddler or mitmproxy, a HAR file
// exported by a browser, a Fiddler session archive, Burp Suite's saved
// items, a debug log of a client or server, a byte literal from source
// code or a debugger. [NewReader] detects the form (or takes it from
// [WithForm]) and [Reader.Next] yields the messages inside, in input order
// (HAR entries in time order), as [Message] values: kind (request, response
// or bare body), index, start line fields, ordered headers, and the body
// with its transfer and content codings undone. The package knows no WBXML
// vocabulary; it finds bodies and says what they look like
// ([Message.BodyKind]), and the caller decodes them (the wbxml package) and
// decodes request queries (the b64uri package, from [Message.Query]).
//
// # Forms
//
//   - [FormRaw]: the body itself. Detected by a first byte 0x00–0x03 (a
//     WBXML version) or by bytes that are not text.
//   - [FormHex]: plain hex (Wireshark's "hex stream", xxd -p, "03 01 6a",
//     wrapped at any width); dumps with an offset column (xxd, xxd -e
//     with its little-endian groups reversed back, hexdump -C
//     with its '*' lines expanded, hexdump and od -x with their
//     little-endian words, od -A x -t x1z, od -t x1 with octal offsets,
//     Wireshark's "hex dump" with or without ASCII, PowerShell's Format-Hex
//     with its header, certutil -encodehex, tcpdump -X); lists of
//     0x.. bytes (commas and newlines, C and Go arrays: xxd -i, Wireshark's
//     "C array" and "Go literal"); string literals with escapes (C, as
//     Wireshark's "C string", Go, Python b'…' and bytearray(b'…')) and the
//     escapes without quotes (Wireshark's "Escaped String", \x03\x01\x6a…);
//     quoted hex strings ("03016a00…", concatenated with '+' over several
//     lines, also after a declaration: String s = "…"); lists of decimal
//     numbers (Go's fmt of a []byte "[3 1 106 0]", []byte{3, 1, 106},
//     Scala's Array(…), Java's and C#'s new byte[] { … } with signed bytes
//     such as -61, Python lists and bytes([…])), decimal or hex decided for
//     the whole literal: hex letters make it hex, a sign or three digits
//     decimal, leading zeros hex, then the reading that is one WBXML
//     document; an ambiguous literal is an [ErrSyntax] error naming both
//     readings. Dumps may be damaged as pasting damages them: a first row
//     copied from mid-line without its offset, a first offset other than
//     0, segment:offset columns ("0000:0010", DOS debug's '-' after the
//     eighth byte), ASCII columns cut short. Several dumps in one file,
//     each starting again at offset 0 or separated by blank lines (unless
//     their offsets run on across them), or several brace groups, give
//     several bodies; so does plain hex in blank-separated blocks. When the first body starts with an HTTP
//     start line, the input is a dump of a whole exchange (Wireshark's
//     "Follow TCP Stream" as C arrays, one per packet, or a hex dump of a
//     saved session; Follow Stream's hex dump, the server's lines indented
//     and each side with its own offsets, gives one body per run of lines
//     of one side): the bodies, joined in order, are read as [FormHTTP]
//     messages, whose offsets and lines count in the decoded bytes. The
//     same holds for base64.
//   - [FormBase64]: standard or URL-safe alphabet, padded or not, one line
//     or wrapped; a data: URI prefix is skipped.
//   - [FormHTTP]: HTTP/1.x requests and responses one after another, with
//     CRLF or LF line endings, separated by blank lines or separator lines
//     ("-----", "====="); bodies framed by Content-Length, by the chunked
//     coding (trailers kept in [Message.Trailer]) or by the next message or
//     the end of input (such a body loses the line breaks and separator
//     lines that tools write after it); no body for responses to HEAD and
//     for 1xx, 204 and 304; Content-Encoding (and Transfer-Encoding other
//     than chunked) gzip, deflate (zlib or raw) and identity undone. A
//     WBXML body that is not coded as its header says (a proxy saved it
//     decoded) is read as it is, with a [Message.Warning]. A damaged body
//     does not lose its message: a body that the input ends in (before its
//     Content-Length is reached, or inside the chunked coding, before the
//     last chunk) is kept as far as it goes, its codings undone, with a
//     [Message.Warning] that wraps [ErrLossy] and [ErrTruncated] and says
//     where the body ends and how much of it is there ("body truncated at
//     offset 152: Content-Length 500, 13 bytes present", "body missing:
//     Content-Length 123, 0 bytes present") and whether that is a complete
//     WBXML document; when the codings cannot be undone on what is there,
//     the message has no body. A Content-Length that disagrees with the
//     bytes, when the bytes up to the next message (or the end) are a
//     complete WBXML document and those it frames are not, gives those
//     bytes as the body, with a Warning that wraps [ErrLossy]. Damage
//     that hides where the next message starts (a chunk not followed by a
//     line break, bytes after a body that start no message) is an error.
//     A message whose header the input ends in, with no empty line after
//     it, is shown by its header, with a note when it promises a body.
//     HTTP messages as specifications, e-mails and forum posts show them
//     are read too: every line indented by the same spaces or tabs (a
//     Markdown code block, a specification's example) or quoted with "> "
//     (an e-mail reply, also nested: "> > "). The prefix of the first
//     start line is removed from every line; a line that holds part of it
//     up to white space (">" for "> ", nothing for an indentation) is an
//     empty line; the first line that holds neither ends the text, and
//     after the messages before it is an [ErrSyntax] error. Lines keep
//     their numbers and offsets are those of the input. A body there is
//     the lines after the header up to the next message: none (a message
//     shown by its header only, with a note "body missing: Content-Length
//     123, 0 bytes present" when the header promises bytes), hex or base64
//     text of WBXML or of a multipart response (decoded, with a note when
//     Content-Length gives another length), or other text, as it is.
//   - [FormHAR]: HAR 1.2 JSON; entries come in the order of their
//     startedDateTime (file order for equal times, or when an entry has
//     none), and each yields its request and then its response (an entry
//     whose response was never received, status 0 with no headers and no
//     content, yields only its request). Bodies stored
//     as base64 are decoded; bodies stored as text are turned back into
//     bytes as well as the text allows, and [Message.Warning] says when it
//     does not allow an exact copy.
//   - [FormSAZ]: Fiddler's session archive ("Save > All Sessions"), a ZIP
//     archive holding raw/NN_c.txt (a session's request as sent) and
//     raw/NN_s.txt (its response) for each session NN; sessions come in
//     numeric order (whatever the zero padding), each yields its request
//     and then its response, read as [FormHTTP] messages of one file
//     each: a body with no framing runs to the end of its file. Metadata
//     (raw/NN_m.xml) and other entries are ignored; an empty file is a
//     message that was never received.
//   - [FormBurp]: Burp Suite's "Save items" XML (root element <items>):
//     each <item> yields its <request> and then its <response>, whole
//     HTTP messages stored in base64 (base64="true") or as the element's
//     text, read as [FormHTTP] messages of one text each.
//   - [FormLog]: a debug log with messages among other lines. Z-Push's and
//     grommunio-sync's "WBXML-IN :", "WBXML-OUT:" and "WBXML 10K debug
//     data:" lines of base64 after their prefix (date, time, process id,
//     level, user; their decoded trees, "I  <Sync>" and "O  <Sync>", are
//     skipped); EAS-4-TbSync's hex without leading zeros ("3 1 6a 0 0 7"),
//     in [WBXML: …] blocks that may run over several lines, or at the end
//     of a line; any line whose last field, after a prefix (timestamp,
//     level, logger name), is base64 or a hex stream of WBXML. Each
//     message is a bare body with its line ([Message.Line]), the direction
//     its line names ([Message.Direction]: WBXML-IN, "sending" are
//     requests; WBXML-OUT, "received" responses) and its marker
//     ([Message.Marker]). Other lines are skipped. A line that looks like a
//     message but does not decode (a marker with no base64 after it, bad
//     characters, a block never closed) is a note: a message without a
//     body whose [Message.Warning] wraps [ErrLossy] and the cause and names
//     the line and column; the lines after it are still read. A WBXML-IN
//     body that Z-Push cut at 4 KB (10 KB for the debug data) is kept with
//     a Warning that wraps [ErrTruncated].
//
// [Detect] documents the detection rules.
//
// # Messages
//
// [Message.Index] numbers HTTP messages from 1 (requests and responses
// together), HAR entries and Burp items from 1 (an entry's request and
// response share the number), SAZ sessions by their number in the archive,
// and bare bodies from 1. [Message.Where] names a message for error
// messages ("HTTP message 2", "HAR entry 3 response", "SAZ session 4
// request", "Burp item 5 response"). A response knows its request
// ([Message.Request]) in HAR, SAZ and Burp files, and in an HTTP session:
// responses answer the requests before them in order (the first response
// the first request, also when several requests were sent before it, as
// with pipelining), so [Message.Query] and [Message.Path] work on both.
//
// [Message.Describe] sums a message up in text; for a response that
// carries MS-ASProtocolVersions or MS-ASProtocolCommands (the response to
// OPTIONS) it adds the versions parsed with the version package, the one a
// client of every version would use ([version.Negotiate]), and the
// commands and their count; a list that does not parse is a note.
//
// [Classify] (and [Message.BodyKind]) tells WBXML, multipart ItemOperations
// responses (split them with [ParseMultipart]), text, empty and other
// bodies apart, from the Content-Type and the bytes; [wbxml.HasHeader]
// is its test for a plausible WBXML header.
//
// # Errors
//
// Errors are *[Error] values naming the form, the message or HAR entry
// number, and the position: byte offset, and line and column for text
// forms. They wrap the sentinels [ErrEmpty], [ErrUnknownForm], [ErrSyntax],
// [ErrTruncated], [ErrTooLarge] and [ErrUnsupported], and the underlying
// decoder error where there is one; match them with errors.Is and
// errors.As. An error stops the Reader: later calls return it again. When
// detection fails, the error's Err is a *[DetectError]: its text names the
// most likely form and why it stopped, and [DetectError.Explain] lists
// every form tried and why each stopped. [FormNames] lists the forms a
// command-line flag may name.
// [ErrLossy] is never returned: [Message.Warning] wraps it.
//
// # Security Considerations
//
// Input is untrusted. Nothing panics on any input; every length read from
// the input (Content-Length, chunk sizes, multipart counts, offsets and
// lengths, offsets of hex dumps) is checked against what remains before it
// is used, and nothing is allocated for a count the input cannot hold.
// The only outputs larger than their input are decompressed bodies and
// the bytes that '*' lines of a dump stand for, and the files of a SAZ
// archive (whose sizes in the archive are not trusted); together they are limited
// per Reader by [WithMaxDecodedSize] (by default 64 times the input size,
// at least 1 MiB and at most 256 MiB), and going past the limit fails with
// [ErrTooLarge] before the bytes are produced. Parsing is linear in the
// input, except that a hex dump line is checked against at most a small
// fixed number of ASCII-column candidates. A SAZ archive is read with
// archive/zip: entry names other than raw/NN_c.txt and raw/NN_s.txt are
// never used (nothing is written to disk), encrypted entries are refused
// with [ErrUnsupported], and an archive listing more than a million
// entries with [ErrTooLarge]. Burp XML is read with encoding/xml, which
// expands no external entities.
//
// Bodies and strings may share memory with the input passed to
// [NewReader]: keep the input unchanged while messages are in use.
package capture
