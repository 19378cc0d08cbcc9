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
// Wireshark's hex stream, hex dump, C array, Go literal and escaped string,
// tcpdump -X, 0x.. lists); base64; HTTP messages as a proxy saves them, a
// whole session, with chunked transfer coding and gzip or deflate content
// coding undone; a HAR file; a Fiddler session archive (.saz); Burp
// Suite's "Save items" XML. Text forms may be saved as UTF-16 with a byte
// order mark, as Windows editors do. The XML of a lone body is the same
// whatever form it came in. For HTTP, HAR, SAZ and Burp input, each ActiveSync message
// comes as an XML comment holding its start line, its headers, the request
// query decoded into its fields (a base64 query with package b64uri, with
// its plain form too) and what the body holds, followed by the XML of the
// body (of the first part of a multipart body); messages that are not
// ActiveSync get a one-line comment.
//
// The output goes to standard output, or to the file named by -o, written
// to a temporary file in the same directory and renamed into place, so that
// a failed run leaves no file and never half of one. The flags of libwbxml's
// wbxml2xml that make sense for ActiveSync are accepted in its spellings
// (-o, -i N, -m 0|1|2, -k, -l ACTIVESYNC or AIRSYNC, -c CHARSET, also -i4
// and flags after the input), so that scripts written for it keep working;
// -names libwbxml -decl=libwbxml writes libwbxml's element names and XML
// declaration. The others select the output of package wbxml (-ns,
// -prefixes, -names, -decl, -doctype), strictness
// (-strict), a protocol version to check tags against (-protocol) and the
// input form (-input). "wbxml2xml -h" lists them.
//
// The input may be 256 MiB at most (-max-input SIZE changes that: 64M, 1G,
// plain bytes, or 0 for no limit). A regular file is checked before it is
// read; standard input, a pipe or a device is checked as it is read, so
// that endless input (cat /dev/zero) fails with one line once past the
// limit and never takes more memory than it.
//
// With -o, a regular file or a new name is written to a temporary file in
// its directory and renamed into place; /dev/stdout, /dev/stderr and
// /dev/fd/N are written as the open descriptor itself (appending if it
// appends), and a device or a named pipe directly: nothing that is not a
// regular file is ever replaced. A symbolic link whose target does not
// exist is refused, not replaced. SIGINT, SIGTERM or SIGHUP during the run
// removes the temporary file, and the status is 128 plus the signal's
// number (130, 143, 129).
//
// Exit status: 0 when the conversion succeeded; 1 when the input is bad,
// with one line on standard error naming the byte offset (of the WBXML
// body), the line and column (of a text capture), or the HTTP message, HAR
// entry, SAZ session or Burp item; 2 when the command line is bad, with one
// line naming the problem and a hint to run -h. Notes (unknown
// tags, tags outside -protocol, data after the root element, a query that
// does not decode, a HAR body stored lossily) go to standard error too and
// leave the status 0; after an error only the error line is written.
// Nothing panics: a last-resort recovery reports an
// internal error on one line.
package main
