#!/usr/bin/env python3
"""Writes the captures whose producers are not installed here.

  multipart  wbxml/multipart-fetch.bin: a multipart ItemOperations body
             ([MS-ASCMD] 2.2.1.10.1.1) holding eas-itemoperations-fetch-resp-status10
             and 100 zero bytes.
  captures   hex/*.wireshark-*, hex/*.0x-list, http/*.http, har/*.har,
             saz/*.saz, burp/*.xml.

Wireshark layouts follow ui/qt/utils/data_printer.cpp (Copy as Hex + ASCII
Dump, as Hex Dump, as a Hex Stream, as Go literal, as C Array). HTTP bodies
compressed with gzip are made by the gzip tool; deflate bodies by zlib.
HAR text bodies are stored the way the tools do: mitmproxy decodes bodies
without a charset as ISO-8859-1 and writes JSON with ASCII escapes;
browsers decode as UTF-8 with U+FFFD for what is not UTF-8.
"""
import base64
import json
import re
import struct
import subprocess
import sys
import zipfile
import zlib

W = "wbxml/"


def read(name):
    with open(W + name, "rb") as f:
        return f.read()


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


def multipart():
    parts = [read("eas-itemoperations-fetch-resp-status10.wbxml"), bytes(100)]
    off = 4 + 8 * len(parts)
    out = struct.pack("<i", len(parts))
    for p in parts:
        out += struct.pack("<ii", off, len(p))
        off += len(p)
    write(W + "multipart-fetch.bin", out + b"".join(parts))


def ws_dump(data, ascii_col=True):
    """Wireshark 'Copy Bytes as Hex + ASCII Dump' / '...as Hex Dump'."""
    byte_str = "".join(" %02x" % b for b in data)
    text = "".join(chr(b) if 0x20 <= b < 0x7F else "." for b in data)
    lines = (len(data) + 15) // 16
    out = ""
    for i in range(lines):
        off = i * 16
        out += "%04x  " % off + byte_str[off * 3:off * 3 + 48]
        if ascii_col:
            out += "   "
            if i == lines - 1:
                out += " " * ((16 - len(text[off:off + 16])) * 3)
            out += text[off:off + 16]
        out += "\n"
    return out.encode()


def gzip_tool(data):
    return subprocess.run(["gzip", "-c", "-n", "-9"], input=data, stdout=subprocess.PIPE, check=True).stdout


def chunked(data, size, ext_on=1):
    out = b""
    for n, i in enumerate(range(0, len(data), size)):
        c = data[i:i + size]
        ext = b";note=second" if n == ext_on else b""
        out += b"%x" % len(c) + ext + b"\r\n" + c + b"\r\n"
    return out + b"0\r\nX-Trailer-Check: done\r\n\r\n"


def crlf(lines):
    return "".join(l + "\r\n" for l in lines).encode()


def lf(lines):
    return "".join(l + "\n" for l in lines).encode()


def http_captures():
    sync_req = read("eas-sync-req-getchanges.wbxml")
    sync_resp = read("eas-sync-resp-email-add-opaque.wbxml")
    ping_req = read("eas-ping-req.wbxml")
    ping_resp = read("eas-ping-resp-status3.wbxml")
    gz = gzip_tool(sync_resp)
    s = crlf([
        "POST /Microsoft-Server-ActiveSync?Cmd=Sync&User=jdoe&DeviceId=v140Device&DeviceType=SmartPhone HTTP/1.1",
        "Host: mail.example.com",
        "Content-Type: application/vnd.ms-sync.wbxml",
        "MS-ASProtocolVersion: 14.0",
        "X-MS-PolicyKey: 3942919513",
        "Content-Length: %d" % len(sync_req),
        "",
    ]) + sync_req + b"\r\n\r\n"  # mitmproxy's separator between request and response
    s += crlf([
        "HTTP/1.1 200 OK",
        "Content-Type: application/vnd.ms-sync.wbxml",
        "Content-Encoding: gzip",
        "Transfer-Encoding: chunked",
        "Trailer: X-Trailer-Check",
        "",
    ]) + chunked(gz, 0x100)
    s += b"------------------------------------------------------------------\r\n\r\n"
    s += crlf([
        "POST /Microsoft-Server-ActiveSync?jAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l HTTP/1.1",
        "Host: mail.example.com",
        "Content-Type: application/vnd.ms-sync.wbxml",
        "Content-Length: %d" % len(ping_req),
        "",
    ]) + ping_req
    s += crlf([
        "HTTP/1.1 200 OK",
        "Content-Type: application/vnd.ms-sync.wbxml",
        "Content-Length: %d" % len(ping_resp),
        "",
    ]) + ping_resp
    write("http/session-crlf.http", s)

    fs_req = read("eas-foldersync-req-synckey0.wbxml")
    fs_resp = read("eas-foldersync-resp-folders-utf8.wbxml")
    zreq = zlib.compress(fs_req, 9)
    raw = zlib.compressobj(9, zlib.DEFLATED, -15)
    rresp = raw.compress(fs_resp) + raw.flush()
    s = lf([
        "OPTIONS https://mail.example.com/Microsoft-Server-ActiveSync HTTP/1.1",
        "Host: mail.example.com",
        "Content-Length: 0",
        "",
        "HTTP/1.1 200 OK",
        "Allow: OPTIONS,POST",
        "MS-ASProtocolVersions: 2.5,12.0,12.1,14.0,14.1,16.0,16.1",
        "MS-ASProtocolCommands: Sync,SendMail,SmartForward,SmartReply,GetAttachment,",
        " FolderSync,FolderCreate,FolderDelete,FolderUpdate,MoveItems,Ping,Provision",
        "Content-Length: 0",
        "",
        "POST https://mail.example.com/Microsoft-Server-ActiveSync?Cmd=FolderSync&User=jdoe&DeviceId=ABC123&DeviceType=iPhone HTTP/1.1",
        "Content-Type: application/vnd.ms-sync.wbxml",
        "Content-Encoding: deflate",
        "Content-Length: %d" % len(zreq),
        "",
    ]) + zreq + b"\n" + lf([
        "HTTP/1.1 200 OK",
        "Content-Type: application/vnd.ms-sync.wbxml",
        "Content-Encoding: deflate",
        "Connection: close",
        "",
    ]) + rresp + b"\n"
    write("http/session-lf.http", s)

    io_req = read("eas-itemoperations-fetch-req.wbxml")
    mp = read("multipart-fetch.bin")
    s = crlf([
        "POST /Microsoft-Server-ActiveSync?Cmd=ItemOperations&User=jdoe&DeviceId=ABC123&DeviceType=iPhone HTTP/1.1",
        "Content-Type: application/vnd.ms-sync.wbxml",
        "MS-ASAcceptMultiPart: T",
        "Content-Length: %d" % len(io_req),
        "",
    ]) + io_req + crlf([
        "",
        "HTTP/1.1 200 OK",
        "Content-Type: application/vnd.ms-sync.multipart",
        "Content-Length: %d" % len(mp),
        "",
    ]) + mp
    write("http/itemoperations-multipart.http", s)


def hdrs(*pairs):
    return [{"name": n, "value": v} for n, v in pairs]


def har_entry(method, url, req_headers, post, status, resp_headers, content):
    req = {"method": method, "url": url, "httpVersion": "HTTP/1.1", "cookies": [],
           "headers": req_headers, "queryString": [], "headersSize": -1, "bodySize": -1}
    if post is not None:
        req["postData"] = post
    return {"startedDateTime": "2024-03-01T10:00:00.000Z", "time": 12,
            "request": req,
            "response": {"status": status, "statusText": "OK" if status == 200 else "",
                         "httpVersion": "HTTP/1.1", "cookies": [], "headers": resp_headers,
                         "content": content, "redirectURL": "", "headersSize": -1, "bodySize": -1},
            "cache": {}, "timings": {"send": 1, "wait": 10, "receive": 1}}


def b64(data):
    return base64.b64encode(data).decode()


def har_captures():
    eas = "https://mail.example.com/Microsoft-Server-ActiveSync"
    wb = "application/vnd.ms-sync.wbxml"
    entries = [
        # 1: OPTIONS, empty bodies.
        har_entry("OPTIONS", eas, hdrs(("Host", "mail.example.com")), None, 200,
                  hdrs(("MS-ASProtocolVersions", "14.0,14.1,16.0,16.1"), ("Content-Length", "0")),
                  {"size": 0, "mimeType": "", "text": ""}),
        # 2: request text as mitmproxy stores it (ISO-8859-1, all ASCII here);
        #    response base64, with the Content-Encoding header kept although
        #    the HAR body is already decoded; no Content-Type header.
        har_entry("POST", eas + "?Cmd=FolderSync&User=jdoe&DeviceId=ABC123&DeviceType=iPhone",
                  hdrs(("Content-Type", wb)),
                  {"mimeType": wb, "text": read("eas-foldersync-req-synckey0.wbxml").decode("latin-1"), "params": []},
                  200, hdrs(("Content-Encoding", "gzip")),
                  {"size": 447, "mimeType": wb, "text": b64(read("eas-foldersync-resp-folders-utf8.wbxml")), "encoding": "base64"}),
        # 3: request with high bytes, stored as ISO-8859-1 text (mitmproxy).
        har_entry("POST", eas + "?Cmd=SendMail&User=jdoe&DeviceId=ABC123&DeviceType=iPhone",
                  hdrs(("Content-Type", wb)),
                  {"mimeType": wb, "text": read("libwbxml-sendmail-mime-opaque.wbxml").decode("latin-1"), "params": []},
                  200, hdrs(("Content-Length", "0")), {"size": 0, "mimeType": "", "text": ""}),
        # 4: request stored as UTF-8 text (valid, so exact); response stored
        #    as UTF-8 text by a browser, with U+FFFD for what was not UTF-8.
        har_entry("POST", eas + "?Cmd=Sync&User=jdoe&DeviceId=ABC123&DeviceType=iPhone",
                  hdrs(("Content-Type", wb)),
                  {"mimeType": wb, "text": read("eas-sync-req-getchanges.wbxml").decode("utf-8")},
                  200, hdrs(("Content-Type", wb)),
                  {"size": 2013, "mimeType": wb, "text": read("eas-sync-resp-email-add-opaque.wbxml").decode("utf-8", "replace")}),
        # 5: not ActiveSync.
        har_entry("GET", "https://mail.example.com/owa/", hdrs(("Accept", "text/html")), None, 200,
                  hdrs(("Content-Type", "text/html; charset=utf-8")),
                  {"size": 30, "mimeType": "text/html; charset=utf-8", "text": "<html><body>OWA</body></html>"}),
        # 6: base64 query; request postData with the non-standard "encoding"
        #    some tools add; response stored with Python's surrogateescape.
        har_entry("POST", eas + "?jAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l",
                  hdrs(("Content-Type", wb)),
                  {"mimeType": wb, "text": b64(read("eas-ping-req.wbxml")), "encoding": "base64"},
                  200, hdrs(("Content-Type", wb)),
                  {"size": 4015, "mimeType": wb, "text": read("libwbxml-search-resp-gal-picture.wbxml").decode("utf-8", "surrogateescape")}),
        # 7: no response received (status 0).
        har_entry("POST", eas + "?Cmd=Ping&User=jdoe&DeviceId=ABC123&DeviceType=iPhone",
                  hdrs(("Content-Type", wb)),
                  {"mimeType": wb, "text": b64(read("eas-ping-req.wbxml")), "encoding": "base64"},
                  0, [], {}),
    ]
    # Entry 7's response is what mitmproxy writes for a flow without one.
    entries[-1]["response"] = {"status": 0, "statusText": "", "httpVersion": "", "headers": [],
                               "cookies": [], "content": {}, "redirectURL": "", "headersSize": -1, "bodySize": -1}
    har = {"log": {"version": "1.2", "creator": {"name": "easkit testdata", "version": "1"},
                   "pages": [], "entries": entries}}
    write("har/session.har", json.dumps(har, indent=2).encode())


def hex_captures():
    write("hex/eas-provision-req-deviceinfo.wireshark-hexascii", ws_dump(read("eas-provision-req-deviceinfo.wbxml")))
    write("hex/eas-provision-ack-resp.wireshark-hexonly", ws_dump(read("eas-provision-ack-resp.wbxml"), False))
    write("hex/eas-sync-req-getchanges.wireshark-stream", read("eas-sync-req-getchanges.wbxml").hex().encode())
    write("hex/eas-ping-resp-status3.wireshark-go",
          ("[]byte{" + ", ".join("0x%x" % b for b in read("eas-ping-resp-status3.wbxml")) + "}").encode())
    write("hex/eas-settings-resp.wireshark-c",
          ("unsigned char bytes[] = {" + ", ".join("0x%x" % b for b in read("eas-settings-resp.wbxml")) + "};").encode())
    data = read("libwbxml-sendmail-mime-opaque.wbxml")
    rows = [", ".join("0x%02X" % b for b in data[i:i + 12]) for i in range(0, len(data), 12)]
    write("hex/libwbxml-sendmail-mime-opaque.0x-list", (",\n".join(rows) + "\n").encode())

def fiddler_meta(sid, begin):
    return ('<?xml version="1.0" encoding="utf-8"?>\r\n<Session SID="%d" BitFlags="0">\r\n'
            '  <SessionTimers ClientConnected="2024-05-02T10:00:%02d.1000000+02:00" '
            'ClientBeginRequest="2024-05-02T10:00:%02d.1100000+02:00" '
            'ServerGotRequest="2024-05-02T10:00:%02d.1200000+02:00" />\r\n'
            '  <SessionFlags>\r\n    <SessionFlag N="x-clientip" V="192.0.2.10" />\r\n'
            '    <SessionFlag N="x-hostip" V="198.51.100.7" />\r\n  </SessionFlags>\r\n</Session>'
            % (sid, begin, begin, begin)).encode()


def saz_captures():
    """A Fiddler "Save > All Sessions" archive: raw/NN_c.txt, NN_s.txt and
    NN_m.xml per session, as Fiddler lays it out, bodies as on the wire."""
    fs_req = read("eas-foldersync-req-synckey0.wbxml")
    fs_resp = read("eas-foldersync-resp-folders-utf8.wbxml")
    ping_req = read("eas-ping-req.wbxml")
    ping_resp = read("eas-ping-resp-status3.wbxml")
    url = "https://mail.example.com/Microsoft-Server-ActiveSync"
    common = ["Host: mail.example.com", "User-Agent: Apple-iPhone15C2/2104.73",
              "MS-ASProtocolVersion: 16.1", "Authorization: Basic amRvZTpzZWNyZXQ="]
    sessions = [
        (crlf(["OPTIONS %s HTTP/1.1" % url] + common + ["Content-Length: 0", ""]),
         crlf(["HTTP/1.1 200 OK", "Allow: OPTIONS,POST",
               "MS-ASProtocolVersions: 2.0,2.1,2.5,12.0,12.1,14.0,14.1,16.0,16.1",
               "MS-ASProtocolCommands: Sync,SendMail,SmartForward,SmartReply,GetAttachment,FolderSync,Ping",
               "Content-Length: 0", ""])),
        (crlf(["POST %s?Cmd=FolderSync&User=jdoe&DeviceId=ABC123&DeviceType=iPhone HTTP/1.1" % url] + common +
              ["Content-Type: application/vnd.ms-sync.wbxml", "Content-Length: %d" % len(fs_req), ""]) + fs_req,
         crlf(["HTTP/1.1 200 OK", "Content-Type: application/vnd.ms-sync.wbxml", "Content-Encoding: gzip",
               "Transfer-Encoding: chunked", ""]) + chunked(gzip_tool(fs_resp), 0x80)),
        (crlf(["GET https://mail.example.com/favicon.ico HTTP/1.1", "Host: mail.example.com", ""]),
         crlf(["HTTP/1.1 404 Not Found", "Content-Type: text/html", "Content-Length: 22", ""]) + b"<h1>Not Found</h1>\r\n\r\n"),
        (crlf(["POST %s?jAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l HTTP/1.1" % url] + common +
              ["Content-Type: application/vnd.ms-sync.wbxml", "Content-Length: %d" % len(ping_req), ""]) + ping_req,
         crlf(["HTTP/1.1 200 OK", "Content-Type: application/vnd.ms-sync.wbxml",
               "Content-Length: %d" % len(ping_resp), ""]) + ping_resp),
    ]
    when = (2024, 5, 2, 10, 0, 0)
    with zipfile.ZipFile("saz/session.saz", "w", zipfile.ZIP_DEFLATED) as z:
        def add(name, data):
            z.writestr(zipfile.ZipInfo(name, when), data, zipfile.ZIP_DEFLATED)
        add("[Content_Types].xml", b'<?xml version="1.0" encoding="utf-8" ?>\r\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            b'<Default Extension="htm" ContentType="text/html" /><Default Extension="xml" ContentType="application/xml" />'
            b'<Default Extension="txt" ContentType="text/plain" /></Types>')
        add("_index.htm", b"<html><head><title>Fiddler Session Archive</title></head><body></body></html>")
        for i, (c, s) in enumerate(sessions, 1):
            add("raw/%02d_c.txt" % i, c)
            add("raw/%02d_m.xml" % i, fiddler_meta(i, i))
            add("raw/%02d_s.txt" % i, s)


def burp_captures():
    """Burp Suite's "Save items" XML, requests and responses in base64."""
    sync_req = read("eas-sync-req-getchanges.wbxml")
    sync_resp = read("eas-sync-resp-initial.wbxml")
    path = "/Microsoft-Server-ActiveSync?Cmd=Sync&User=jdoe&DeviceId=ABC123&DeviceType=Android"
    req = crlf(["POST %s HTTP/1.1" % path, "Host: mail.example.com", "MS-ASProtocolVersion: 14.1",
                "Content-Type: application/vnd.ms-sync.wbxml", "Content-Length: %d" % len(sync_req), ""]) + sync_req
    resp = crlf(["HTTP/1.1 200 OK", "Content-Type: application/vnd.ms-sync.wbxml",
                 "Content-Length: %d" % len(sync_resp), ""]) + sync_resp
    item = """  <item>
    <time>Thu May 02 10:00:07 CEST 2024</time>
    <url><![CDATA[https://mail.example.com%s]]></url>
    <host ip="198.51.100.7">mail.example.com</host>
    <port>443</port>
    <protocol>https</protocol>
    <method><![CDATA[POST]]></method>
    <path><![CDATA[%s]]></path>
    <extension>null</extension>
    <request base64="true"><![CDATA[%s]]></request>
    <status>200</status>
    <responselength>%d</responselength>
    <mimetype></mimetype>
    <response base64="true"><![CDATA[%s]]></response>
    <comment></comment>
  </item>
""" % (path, path, b64(req), len(resp), b64(resp))
    doc = """<?xml version="1.0"?>
<!DOCTYPE items [
<!ELEMENT items (item*)>
<!ATTLIST items burpVersion CDATA "">
<!ATTLIST items exportTime CDATA "">
<!ELEMENT item (time, url, host, port, protocol, method, path, extension, request, status, responselength, mimetype, response, comment)>
<!ELEMENT time (#PCDATA)>
<!ELEMENT url (#PCDATA)>
<!ELEMENT host (#PCDATA)>
<!ATTLIST host ip CDATA "">
<!ELEMENT port (#PCDATA)>
<!ELEMENT protocol (#PCDATA)>
<!ELEMENT method (#PCDATA)>
<!ELEMENT path (#PCDATA)>
<!ELEMENT extension (#PCDATA)>
<!ELEMENT request (#PCDATA)>
<!ATTLIST request base64 (true|false) "false">
<!ELEMENT status (#PCDATA)>
<!ELEMENT responselength (#PCDATA)>
<!ELEMENT mimetype (#PCDATA)>
<!ELEMENT response (#PCDATA)>
<!ATTLIST response base64 (true|false) "false">
<!ELEMENT comment (#PCDATA)>
]>
<items burpVersion="2024.3.1.4" exportTime="Thu May 02 10:01:00 CEST 2024">
""" + item + "</items>\n"
    write("burp/items.xml", doc.encode())


def follow_captures():
    # Wireshark's "Follow TCP Stream" shown as C arrays: the whole exchange,
    # headers and all, one array per packet (here cut every 700 bytes),
    # named by the side that sent it, in the order sent.
    data = open("http/session-lf.http", "rb").read()
    out = []
    for n, i in enumerate(range(0, len(data), 700)):
        seg = data[i:i + 700]
        rows = [", ".join("0x%02x" % b for b in seg[j:j + 8]) for j in range(0, len(seg), 8)]
        out.append("char peer%d_%d[] = { /* Packet %d */\n%s };\n" % (n % 2, n // 2, 4 + 2 * n, ",\n".join(rows)))
    write("hex/session-lf.follow-c-arrays", "".join(out).encode())

    # The same shown as a hex dump: each side's offsets run on from packet
    # to packet, the server's lines indented by four spaces.
    starts = [m.start() for m in re.finditer(rb"(?m)^(OPTIONS |POST |HTTP/1\.1 )", data)] + [len(data)]
    offs = [0, 0]
    out = []
    for n in range(len(starts) - 1):
        side, seg = n % 2, data[starts[n]:starts[n + 1]]
        for j in range(0, len(seg), 16):
            c = seg[j:j + 16]
            hx = " ".join("%02x" % b for b in c[:8]) + "  " + " ".join("%02x" % b for b in c[8:])
            asc = "".join(chr(b) if 32 <= b < 127 else "." for b in c)
            out.append("    " * side + "%08X  %-49s %s\n" % (offs[side] + j, hx, asc[:8] + " " + asc[8:]))
        offs[side] += len(seg)
    write("hex/session-lf.follow-hexdump", "".join(out).encode())


if __name__ == "__main__":
    if sys.argv[1:] == ["multipart"]:
        multipart()
    elif sys.argv[1:] == ["captures"]:
        hex_captures()
        http_captures()
        har_captures()
        saz_captures()
        burp_captures()
        follow_captures()
    else:
        sys.exit("usage: make_captures.py multipart|captures")
