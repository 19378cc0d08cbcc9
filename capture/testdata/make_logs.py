#!/usr/bin/env python3
"""Writes the debug logs of log/ and the byte literals of literal/ from the
samples in wbxml/, following each program's documented log format (see
README.md). Deterministic: no clock, no randomness."""

import base64
import os

W = "wbxml"


def sample(name):
    with open(os.path.join(W, name), "rb") as f:
        return f.read()


def b64(b):
    return base64.b64encode(b).decode()


def tbsync_hex(b):
    # EAS-4-TbSync: each byte with toString(16), joined by spaces: no
    # leading zeros.
    return " ".join("%x" % c for c in b)


def write(path, text):
    with open(path, "w", newline="") as f:
        f.write(text)


def zpush():
    # Z-Push / grommunio-sync: "date time [pid] [LEVEL] [user] message";
    # WBXML-IN is the request in base64 (at most 4 KB of it), the decoded
    # tree follows as "I" lines; WBXML-OUT the response, with "O" lines.
    pre = "21/03/2024 10:15:%02d [ 4711] [%s] [jdoe] "
    req, resp = sample("eas-ping-req.wbxml"), sample("eas-ping-resp-status3.wbxml")
    fs = sample("eas-foldersync-req-synckey0.wbxml")
    lines = [
        pre % (1, "INFO") + "cmd='Ping' memory='1.20 MiB/1.50 MiB' devType='iPhone' devId='abc123' getUser='jdoe' from ip='192.0.2.10' version='2.7.1' method='POST'",
        pre % (1, "WBXML") + "WBXML-IN : " + b64(req),
        pre % (1, "WBXML") + "I  <Ping:Ping>",
        pre % (1, "WBXML") + "I   <Ping:HeartbeatInterval>",
        pre % (1, "WBXML") + "I    480",
        pre % (1, "WBXML") + "I   </Ping:HeartbeatInterval>",
        pre % (1, "WBXML") + "I  </Ping:Ping>",
        pre % (2, "WBXML") + "O  <Ping:Ping>",
        pre % (2, "WBXML") + "O   <Ping:Status>",
        pre % (2, "WBXML") + "O    3",
        pre % (2, "WBXML") + "O   </Ping:Status>",
        pre % (2, "WBXML") + "O  </Ping:Ping>",
        pre % (2, "WBXML") + "WBXML-OUT: " + b64(resp),
        pre % (3, "INFO") + "cmd='FolderSync' memory='1.10 MiB/1.50 MiB' devType='iPhone' devId='abc123'",
        pre % (3, "FATAL") + "WBXML 10K debug data: " + b64(fs),
        pre % (3, "FATAL") + "Exception: (SyncObjectBrokenException) unknown",
        pre % (4, "WBXML") + "WBXML-OUT: more than 512K of data",
        "",
    ]
    write("log/z-push.log", "\n".join(lines))


def tbsync():
    # EAS-4-TbSync's debug log: messages as "[WBXML: …]" blocks of hex
    # bytes without leading zeros, a long one wrapped; and a bare line of
    # such bytes.
    a = sample("eas-settings-req-deviceinfo.wbxml")
    b = sample("eas-settings-resp.wbxml")
    c = sample("eas-sync-req-getchanges.wbxml")
    ha = tbsync_hex(a).split(" ")
    wrapped = "\n".join(" ".join(ha[i:i + 40]) for i in range(0, len(ha), 40))
    lines = [
        "** 2024-03-21 10:16:01.123 ** TbSync: Sending (EAS v14.1) [WBXML: " + wrapped + "]",
        "** 2024-03-21 10:16:01.456 ** TbSync: HTTP status 200",
        "** 2024-03-21 10:16:01.457 ** TbSync: Receiving (EAS v14.1) [WBXML: " + tbsync_hex(b) + "]",
        "** 2024-03-21 10:16:02.000 ** TbSync: Sending " + tbsync_hex(c),
        "",
    ]
    write("log/tbsync.log", "\r\n".join(lines))


def generic():
    # A Python logging format ("%(asctime)s %(levelname)s %(name)s:
    # %(message)s") of an application that logs bodies as base64 or as a
    # hex stream.
    a = sample("eas-getitemestimate-req.wbxml")
    b = sample("eas-sync-resp-initial.wbxml")
    lines = [
        "2024-03-21 10:17:00,001 INFO eas.client: connecting to https://mail.example.com",
        "2024-03-21 10:17:00,002 DEBUG eas.client: request body=" + b64(a),
        "2024-03-21 10:17:00,300 DEBUG eas.client: response " + b.hex(),
        "2024-03-21 10:17:00,301 INFO eas.client: done in 0.3 s",
        "",
    ]
    write("log/generic.log", "\n".join(lines))


def literals():
    a = sample("eas-ping-resp-status3.wbxml")
    b = sample("eas-provision-ack-resp.wbxml")
    c = sample("eas-settings-resp.wbxml")
    write("literal/eas-ping-resp-status3.go-fmt", "[" + " ".join(str(x) for x in a) + "]\n")
    write("literal/eas-provision-ack-resp.go-literal",
          "var body = []byte{" + ", ".join(str(x) for x in b) + "}\n")
    write("literal/eas-ping-resp-status3.scala", "val body = Array(" + ", ".join(str(x) for x in a) + ")\n")
    u = sample("eas-foldersync-resp-folders-utf8.wbxml")
    signed = [x - 256 if x > 127 else x for x in u]
    write("literal/eas-foldersync-resp-folders-utf8.java-signed",
          "byte[] body = new byte[] { " + ", ".join(str(x) for x in signed) + " };\n")
    write("literal/eas-settings-resp.java-hex",
          "byte[] body = new byte[] { " + ", ".join("0x%02X" % x for x in c) + " };\n")
    write("literal/eas-settings-resp.python-repr", repr(c) + "\n")
    write("literal/eas-provision-ack-resp.python-bytearray", repr(bytearray(b)) + "\n")
    h = b.hex()
    parts = [h[i:i + 32] for i in range(0, len(h), 32)]
    write("literal/eas-provision-ack-resp.java-hexstring",
          "String hex = \"" + "\"\n    + \"".join(parts) + "\";\n")


if __name__ == "__main__":
    os.chdir(os.path.dirname(os.path.abspath(__file__)))
    zpush()
    tbsync()
    generic()
    literals()
