#!/bin/sh
# Regenerates the captures in hex/, base64/, http/ and har/ from the WBXML
# samples in wbxml/ (copied from the project's interop corpus). The dumps
# are made by the real tools (xxd, hexdump, od, base64, basenc, gzip); the
# layouts of tools not installed here (Wireshark's copy formats) and the
# HTTP sessions and HAR files are written by make_captures.py.
# Run from this directory: ./make.sh
set -eu
cd "$(dirname "$0")"
w=wbxml

# The multipart ItemOperations body (a WBXML part and a part of zeros) that
# several captures carry.
python3 make_captures.py multipart

# Hex dumps by the tools themselves.
xxd $w/eas-ping-req.wbxml > hex/eas-ping-req.xxd
hexdump -C $w/eas-sync-resp-email-add-opaque.wbxml > hex/eas-sync-resp-email-add-opaque.hexdump-C
hexdump $w/eas-foldersync-resp-folders-utf8.wbxml > hex/eas-foldersync-resp-folders-utf8.hexdump
od -x $w/eas-foldersync-resp-folders-utf8.wbxml > hex/eas-foldersync-resp-folders-utf8.od-x
od -A x -t x1z $w/eas-provision-resp-policy.wbxml > hex/eas-provision-resp-policy.od-Ax-tx1z
od -t x1 $w/eas-settings-req-deviceinfo.wbxml > hex/eas-settings-req-deviceinfo.od-tx1
xxd -p $w/eas-getitemestimate-req.wbxml > hex/eas-getitemestimate-req.xxd-p
xxd -i $w/eas-itemoperations-fetch-req.wbxml > hex/eas-itemoperations-fetch-req.xxd-i
xxd -u -g1 -c8 $w/eas-settings-resp.wbxml > hex/eas-settings-resp.xxd-u-g1-c8
hexdump -C $w/multipart-fetch.bin > hex/multipart-fetch.hexdump-C
{ xxd $w/eas-ping-req.wbxml; echo; xxd $w/eas-ping-resp-status3.wbxml; } > hex/ping-pair.xxd

# Base64 by the tools themselves.
base64 $w/libwbxml-search-resp-gal-picture.wbxml > base64/libwbxml-search-resp-gal-picture.b64
basenc --base64url -w0 $w/mscmd-moveitems-req.wbxml | tr -d '=' > base64/mscmd-moveitems-req.b64url
base64 -w0 $w/eas-sync-resp-initial.wbxml > base64/eas-sync-resp-initial.b64

# Wireshark copy layouts, 0x lists, HTTP sessions (gzip by the gzip tool)
# and HAR files.
python3 make_captures.py captures

# A whole HTTP session as a hex dump (made after the sessions above).
xxd http/session-crlf.http > hex/session-crlf.http.xxd
