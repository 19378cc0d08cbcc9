// Command xml2wbxml converts XML to Exchange ActiveSync WBXML.
//
// Usage:
//
//	xml2wbxml [flags] [input]
//
// The input is a file, or standard input when there is none or it is "-",
// in UTF-8, UTF-16 or UTF-32 (found by a byte order mark or by the start
// of the document, as XML 1.0 appendix F describes), or declared
// ISO-8859-1, windows-1252 or US-ASCII; errors give the line, the column
// and the byte offset in the input as it is. Elements are known by
// namespace and name, in every spelling seen in the wild: the colon form
// (AirSync:, as libwbxml and the protocol examples write it), the schema
// form (AirSync), older names (POOMMAIL:), with default namespaces or
// prefixes. What wbxml2xml writes converts back to the same WBXML, OPAQUE
// data and easkit:wire markers included. The output is
// canonical ActiveSync WBXML: header 03 01 6A 00, no string table, no
// redundant page switches.
//
// A capture document of wbxml2xml (an <easkit:capture> root in
// wbxml.MarkerNamespace holding an <easkit:message> per message, or one
// <easkit:message> as a file of wbxml2xml -split writes it) is read back:
// each message's body becomes a WBXML document of its own. A lone body is
// written as the output; several need -split DIR (a file per body, named
// 001-request.wbxml ... as wbxml2xml names its files) or -concat (one
// after another). Errors in a body give their line, column and offset in
// the whole document and name the message. Several XML documents one
// after another, as wbxml2xml -concat writes them, convert the same way;
// white space or comments before the XML declaration of a lone document
// are ignored with a note. Either is tried only when the input does not
// convert as one document, so that costs nothing otherwise.
//
// The output goes to standard output, or to the file named by -o, written
// whole or not at all. libwbxml's xml2wbxml flags are accepted in its
// spellings (-o, -k, -n, -a, -v 1.x, and -l ACTIVESYNC), so that scripts
// written for it keep working; -strict and -protocol check the input more
// closely, and -validate checks each message made against the command
// schemas (eas.Validate, in -protocol's version or the newest; with -strict
// an invalid message fails the run and is not written). "xml2wbxml -h"
// lists them.
//
// The input may be 256 MiB at most (-max-input SIZE changes that: 64M, 1G,
// plain bytes, or 0 for no limit). A regular file is checked before it is
// read; standard input, a pipe or a device is checked as it is read, so
// that endless input (cat /dev/zero) fails with one line once past the
// limit and never takes more memory than it. Elements may nest 256 levels
// (-max-depth N changes that).
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
// with one line on standard error giving the line and column; 2 when the
// command line is bad, with one line and a hint to run -h. Notes (attributes dropped, tags
// outside -protocol) go to standard error too and leave the status 0;
// after an error only the error line is written.
package main
