package main

// usage is printed by -h; a command-line error is one line and a hint to
// run -h.
const usage = `Usage: wbxml2xml [flags] [input]

wbxml2xml converts Exchange ActiveSync WBXML to XML. The input is a file, or
standard input when there is none or it is "-". It may be the WBXML body
itself or a capture holding it, in any of these forms, detected on its own
(-input forces one):

  wbxml    the body as bytes (also a multipart ItemOperations body)
  hex      plain hex, xxd, xxd -p, hexdump -C, od, Wireshark's hex stream
           and hex dump, PowerShell's Format-Hex, certutil, tcpdump -X,
           0x.. lists, C or Go arrays and escaped strings (\x03\x01...),
           byte literals from code and debuggers ([3 1 106 0], []byte{...},
           new byte[] {...} with signed bytes, b'\x03...', "0301" + ...),
           decided decimal or hex for the whole literal;
           a dump of a whole HTTP exchange (Wireshark's Follow TCP Stream
           as hex dump, C arrays or raw) is read as http
  base64   standard or URL-safe, on one line or wrapped
  http     requests and responses as a proxy saves them, a whole session;
           chunked transfer coding and gzip or deflate content coding undone
  har      an HTTP Archive from a browser, mitmproxy, Charles or Fiddler
  saz      a Fiddler session archive (File > Save > All Sessions), every
           session's request and response as sent
  burp     Burp Suite's "Save items" XML, base64 or not
  log      a debug log holding messages among other lines: Z-Push and
           grommunio-sync (WBXML-IN, WBXML-OUT, 10K debug data), TbSync
           (hex without leading zeros, [WBXML: ...] blocks), and base64 or
           hex after any line prefix; each message decoded in order with
           its line and direction, a damaged one a note

Text forms may be in UTF-8 or in UTF-16 with a byte order mark.

A lone body (raw, hex or base64 input holding one) comes out as its XML
document alone, the same whatever form it came in. Any other input (http,
har, saz or burp, or a file of several dumps) comes out as one XML
document holding a message element per message, in easkit's marker
namespace, elements around the bodies not indented:

  <easkit:capture xmlns:easkit="https://github.com/easkit/easkit/wbxml" form="http">
  <easkit:message n="3" index="3" kind="request" form="http" line="12" ...>
  <!-- start line, headers, query decoded, what the body holds -->
  <FolderSync xmlns="FolderHierarchy:">...</FolderSync>
  </easkit:message>
  </easkit:capture>

Attributes give what is known: n (1-based, in the input), index, kind
(request, response, body), form, line, offset, where, direction and
marker (a log's own in/out mark), method, target
(secrets redacted), status, request (the index of the request a response
answers), command, content-type, bytes, part (0 for a multipart body's
WBXML response); skipped="not ActiveSync" marks an empty element for a
message that is not ActiveSync; error a damaged body that did not convert.
Comments describe ActiveSync messages: start line, headers, the request
query decoded into its fields (base64 queries too, with their plain form)
and what the body holds. Credentials, cookies and policy keys are redacted
there and in target (-show-secrets shows them). xml2wbxml reads the
document back, writing each message's body as WBXML.

Flags (libwbxml's first; -flag and --flag are the same):
  -o FILE          write FILE instead of standard output ("-": standard
                   output); FILE is written whole or not at all
  -i N             indent N spaces a level (default 2)
  -m MODE          0 compact, 1 indented (default), 2 canonical: compact,
                   with no XML declaration and no DOCTYPE
  -k               keep ignorable white space: accepted; text is always
                   written exactly as it is
  -l LANG          the document language, as libwbxml names it:
                   ACTIVESYNC (the default) or AIRSYNC, which writes
                   libwbxml's SynCE namespaces and AirSync DOCTYPE (as
                   -ns synce); no other is supported
  -c CHARSET       libwbxml's charset for documents whose header names
                   none: accepted (ASCII, ISO-8859-1 … UTF-8, UTF-16);
                   such documents are read as UTF-8, as ActiveSync sends
  -names SET       element names: spec (the default, the current
                   [MS-ASWBXML] spelling) or libwbxml (those libwbxml 0.11
                   writes: Calendar TimeZone, DTStamp, ComposeMail MIME
                   holding base64, ...); both read back with xml2wbxml
  -input FORM      auto (default), wbxml, hex, base64, http, har, saz,
                   burp or log
  -ns FORM         namespace spelling: colon (AirSync:, the default, as
                   libwbxml and the protocol examples), schema (AirSync) or
                   synce (http://synce.org/formats/airsync_wm5/airsync)
  -prefixes        declare every code page on the root element with a
                   prefix (email:Subject), as Microsoft's examples do
  -strict          fail on tags the protocol does not define, on tags
                   outside -protocol, on data after the root element and
                   on a header whose public id or charset is not
                   ActiveSync's (default: show them, with a note on
                   standard error)
  -protocol VER    check tags against ActiveSync protocol version VER
                   (2.5 to 16.1)
  -validate        check each body against the [MS-ASCMD] command schemas
                   (children, occurrences, content, values, versions) and
                   show the problems as notes with their element paths;
                   with -strict they fail the run. The version is
                   -protocol's, else the capture's (MS-ASProtocolVersion
                   header, base64 query; a response takes its request's),
                   else the newest (16.1); the notes say which
  -decl=false      no XML declaration
  -decl=libwbxml   libwbxml's declaration, <?xml version="1.0"?>, without
                   the encoding (default: encoding="UTF-8")
  -doctype=false   no DOCTYPE
  -max-input SIZE  fail on input larger than SIZE bytes, with K, M or G
                   for KiB, MiB, GiB (default 256M; 0: no limit); standard
                   input and pipes are checked as they are read
  -max-depth N     fail on elements nested deeper than N levels (default
                   256, at most 1048576)
  -concat          the old layout: for each message a comment, then its
                   body's XML document, one after another (not one
                   well-formed document)
  -split DIR       a file per message in DIR (made when missing):
                   001-request.xml, 002-response.xml ..., each one
                   <easkit:message> document; not with -o
  -v               when no input form fits, a line per form tried and why
                   it stopped, after the error (the most likely first)
  -show-secrets    show credentials, cookies and policy keys as they are
                   (default: redacted)
  -max-amplification N
                   stop when a body's XML passes N times its size (default
                   1000; 0: no limit): a small crafted body can stand for
                   gigabytes of XML
  -h               show this help
  --version        show the version

Limits: the output is written as it is made, through a 64 KiB buffer, so
that memory does not grow with it; a message's XML is held back up to 1 MiB
until it has converted. At most 100 notes are written, as they come; a
last line counts the others.

Exit status: 0 converted; 1 bad input, with one line on standard error
naming the byte offset, the line and column, or the HTTP message, HAR
entry, SAZ session or Burp item, or input with nothing to convert (no
message, or none that is ActiveSync); 2 bad command line. Notes, such as
unknown tags, go to standard error as each message converts; they do not
change the status; after an error, the error is the last line. After an
error, standard output holds the messages converted before it (in a
capture document closed after them; a lone body leaves nothing), or, for
a message whose XML passed 1 MiB before the error, its XML up to there; a
file named by -o is left as it was; with -split, the files of the
messages before it stay. A damaged body (a HAR file's binary body stored
as text) that does not convert does not stop the run: it gets an error
attribute, or with -concat a comment, in place of its XML.

Output: -o FILE writes a temporary file next to FILE and renames it into
place, for a regular file or a new name; /dev/stdout, /dev/stderr and
/dev/fd/N are written as the open descriptor, and devices and named pipes
directly, never replaced; a symbolic link to a missing file is refused.
SIGINT or SIGTERM removes the temporary file; the status is then 130 or
143.

Examples:
  wbxml2xml sync-response.wbxml
  wbxml2xml -o sync.xml session.http
  wbxml2xml -split messages/ session.har
  wbxml2xml fiddler-capture.saz
  xxd -p body.wbxml | wbxml2xml
  wbxml2xml -input base64 logged-body.txt
  wbxml2xml -m 2 body.wbxml | diff expected.xml -
  wbxml2xml -protocol 12.1 -strict body.wbxml
  wbxml2xml -l ACTIVESYNC -o out.xml in.wbxml     (as with libwbxml)
  wbxml2xml -names libwbxml -decl=libwbxml -i 1 in.wbxml   (libwbxml's XML)
`
