// Command wbxml2xml converts Exchange ActiveSync WBXML to readable XML, from
// the body itself or from a capture that holds it.
//
// Usage:
//
//	wbxml2xml [flags] [input]
//
// The input is a file, or standard input when there is none or it is "-".
// Its form is detected (-input forces one): raw WBXML (also a multipart
// ItemOperations body); a hex dump (plain hex, xxd, hexdump -C, od,
// Wireshark's hex stream and hex dump, damaged ones too, C arrays, Go
// literals and escaped strings, tcpdump -X, 0x.. lists); byte literals
// from code and debuggers (Go's fmt [3 1 106 0], []byte{...}, Java's
// signed bytes, Python reprs, quoted hex strings joined with +), decimal
// or hex decided for the whole literal; base64; HTTP messages as a proxy
// saves them, a whole session, with chunked transfer coding and gzip or
// deflate content coding undone; a HAR file; a Fiddler session archive
// (.saz); Burp Suite's "Save items" XML; a debug log holding messages
// among other lines (Z-Push and grommunio-sync, TbSync, or base64 or hex
// after any line prefix), each message with its line and direction. Text
// forms may be saved as UTF-16 with a byte order mark, as Windows editors
// do.
//
// A lone body comes out as its XML document, the same whatever form it
// came in. Any other input comes out as one well-formed XML document, an
// <easkit:capture> element (in wbxml.MarkerNamespace) holding an
// <easkit:message> element per message: its metadata as attributes (kind,
// form, line, offset, method, target, status, command, ...), a comment
// describing an ActiveSync message (start line, headers, the request query
// decoded into its fields, a base64 query with package b64uri and its
// plain form too, what the body holds), and the XML of its body (of the
// first part of a multipart body). A message that is not ActiveSync is an
// empty element marked skipped. Credentials, cookies and policy keys are
// redacted unless -show-secrets is given. -split DIR writes a file per
// message instead, and -concat the older layout of a comment and a
// document per message, one after another. xml2wbxml reads the capture
// document back.
//
// The XML is written as it is made, through a 64 KiB buffer, in serial and
// parallel conversion alike, so that memory does not grow with the
// output; the XML of one message is held back up to 1 MiB until it has
// converted, so that a message that fails leaves nothing of itself. Notes
// are written to standard error as they come, 100 at most per run, with a
// last line counting the others.
//
// Limits, each with its flag: the input may be 256 MiB at most
// (-max-input SIZE: 64M, 1G, plain bytes, or 0 for no limit), checked
// before a regular file is read and as standard input, a pipe or a device
// is read, so that endless input (cat /dev/zero) fails with one line once
// past the limit and never takes more memory than it; elements may nest
// 256 levels (-max-depth N); the XML of a body may be 1000 times its size
// (-max-amplification N, 0 for no limit), since string-table references
// let a small body stand for gigabytes of XML.
//
// The output goes to standard output, or to the file named by -o. A
// regular file or a new name is written to a temporary file in its
// directory and renamed into place, so that a failed run leaves no file
// and never half of one; /dev/stdout, /dev/stderr and /dev/fd/N are
// written as the open descriptor itself (appending if it appends), and a
// device or a named pipe directly: nothing that is not a regular file is
// ever replaced. A symbolic link whose target does not exist is refused,
// not replaced. SIGINT, SIGTERM or SIGHUP during the run removes the
// temporary file, and the status is 128 plus the signal's number (130,
// 143, 129).
//
// The flags of libwbxml's wbxml2xml that make sense for ActiveSync are
// accepted in its spellings (-o, -i N, -m 0|1|2, -k, -l ACTIVESYNC or
// AIRSYNC, -c CHARSET, also -i4 and flags after the input), so that scripts
// written for it keep working; -names libwbxml -decl=libwbxml writes
// libwbxml's element names and XML declaration. The others select the
// output of package wbxml (-ns, -prefixes, -names, -decl, -doctype),
// strictness (-strict), a protocol version to check tags against
// (-protocol), checking bodies against the command schemas (-validate,
// against -protocol's version, else the capture's MS-ASProtocolVersion
// header or base64 query version, else the newest) and the input form
// (-input). "wbxml2xml -h" lists them.
//
// Exit status: 0 when the conversion succeeded; 1 when the input is bad,
// with one line on standard error naming the byte offset (of the WBXML
// body), the line and column (of a text capture), or the HTTP message, HAR
// entry, SAZ session, Burp item or log line, and when the input holds
// nothing to convert (no message, or none that is ActiveSync); 2 when the
// command line is bad, with one line naming the problem and a hint to run
// -h. Notes (unknown tags, tags outside -protocol, data after the root
// element, a query that does not decode, a HAR body stored lossily, a log
// line that looks like a message but does not decode) go to standard
// error too and leave the status 0; after an error, the error is the last
// line. Nothing panics: a last-resort recovery reports an internal error
// on one line.
package main
