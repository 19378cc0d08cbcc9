package main

// usage is printed by -h; a command-line error is one line and a hint to
// run -h.
const usage = `Usage: xml2wbxml [flags] [input]

xml2wbxml converts XML to Exchange ActiveSync WBXML. The input is a file, or
standard input when there is none or it is "-", in UTF-8, UTF-16 or
UTF-32, or declared ISO-8859-1, windows-1252 or US-ASCII. Elements are known by
namespace and name, in any spelling seen in the wild: the colon form
(AirSync:, as libwbxml and the protocol examples write it), the schema form
(AirSync), older names (POOMMAIL:), default namespaces or prefixes. What
wbxml2xml writes converts back to the same WBXML, OPAQUE data and the
easkit:wire markers included. The output is canonical ActiveSync WBXML:
header 03 01 6A 00 (version 1.3, unknown public id, UTF-8, no string table).

A capture document of wbxml2xml (an <easkit:capture> root holding an
<easkit:message> per message, or one <easkit:message>, as wbxml2xml -split
writes) is read back: each message's body becomes a WBXML document of its
own. One body is written as the output; several need -split DIR or
-concat. Messages with no body (other traffic, empty bodies) are skipped;
one whose body wbxml2xml could not convert (an error attribute) is a note.
Each body must declare the namespaces it uses, as wbxml2xml writes them.

Several XML documents one after another (as wbxml2xml -concat writes a
session, each after its comment) convert the same way, with -split DIR or
-concat; white space or comments before the XML declaration of a lone
document are ignored, with a note.

Flags (libwbxml's first; -flag and --flag are the same):
  -o FILE          write FILE instead of standard output ("-": standard
                   output); FILE is written whole or not at all
  -k               keep white space between elements as text (by default it
                   is layout and dropped)
  -n               no string table: accepted; easkit never writes one
  -a               anonymous: accepted; the public id is always 1, unknown
  -v VER           WBXML version of the header: 1.0, 1.1, 1.2 or 1.3 (default)
  -l LANG          the document language: ACTIVESYNC (the default) or
                   AIRSYNC; no other is supported
  -strict          fail on attributes and on tags outside -protocol
                   (default: a note on standard error)
  -protocol VER    check tags against ActiveSync protocol version VER
                   (2.5 to 16.1)
  -validate        check each WBXML message made against the [MS-ASCMD]
                   command schemas (in -protocol's version, else the newest,
                   16.1) and show the problems as notes with their element
                   paths; with -strict a problem fails the run and nothing
                   is written
  -max-input SIZE  fail on input larger than SIZE bytes, with K, M or G
                   for KiB, MiB, GiB (default 256M; 0: no limit); standard
                   input and pipes are checked as they are read
  -max-depth N     fail on elements nested deeper than N levels (default
                   256, at most 1048576)
  -split DIR       for a capture document or several documents: a file
                   per body in DIR (made when missing), named by the
                   message as wbxml2xml -split names its files
                   (001-request.wbxml ...); not with -o
  -concat          for a capture document or several documents: the
                   bodies' WBXML documents one after another
  -h               show this help
  --version        show the version

Exit status: 0 converted; 1 bad input, with one line on standard error
giving the line and column; 2 bad command line. Notes go to standard error
as well when all went well; they do not change the status. After an error nothing is written,
and a file named by -o is left as it was.

Output: -o FILE writes a temporary file next to FILE and renames it into
place, for a regular file or a new name; /dev/stdout, /dev/stderr and
/dev/fd/N are written as the open descriptor, and devices and named pipes
directly, never replaced; a symbolic link to a missing file is refused.
SIGINT or SIGTERM removes the temporary file; the status is then 130 or
143.

Examples:
  xml2wbxml -o body.wbxml body.xml
  wbxml2xml body.wbxml | xml2wbxml | cmp - body.wbxml
  xml2wbxml -protocol 14.1 -strict sync.xml | xxd
  xml2wbxml -a -n -o out.wbxml in.xml             (as with libwbxml)
`
