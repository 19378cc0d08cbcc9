package main

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"strconv"
	"unicode/utf8"

	"github.com/easkit/easkit/b64uri"
)

// appendJSON appends q as one JSON object and a newline, with exactly these
// members, in this order:
//
//	version       string, "14.1"
//	command       string, "Sync"
//	locale        number, the LCID (1033 for en-US)
//	deviceId      string, the id when it is printable ASCII, else upper-case hex
//	deviceIdHex   string, lower-case hex
//	policyKey     number, or null when the query has none
//	deviceType    string
//	params        object, name → string: the parameters in wire order (a
//	              repeated name keeps its first value); the Options bits as
//	              "SaveInSent": "T" and "AcceptMultiPart": "T", other bits as
//	              "Options": "0x84"; values that are not UTF-8 in hex
//	unknownParams array of {"tag", "length", "hex"}, only when the query has
//	              parameters with tags no revision defines
func appendJSON(dst []byte, q *b64uri.Query) []byte {
	dst = append(dst, `{"version":`...)
	dst = appendString(dst, versionText(q))
	dst = append(dst, `,"command":`...)
	dst = appendString(dst, q.Command.String())
	dst = append(dst, `,"locale":`...)
	dst = strconv.AppendUint(dst, uint64(q.Locale), 10)
	dst = append(dst, `,"deviceId":`...)
	dst = appendString(dst, q.DeviceIDText())
	dst = append(dst, `,"deviceIdHex":`...)
	dst = appendString(dst, hex.EncodeToString(q.DeviceID))
	dst = append(dst, `,"policyKey":`...)
	if q.HasPolicyKey {
		dst = strconv.AppendUint(dst, uint64(q.PolicyKey), 10)
	} else {
		dst = append(dst, "null"...)
	}
	dst = append(dst, `,"deviceType":`...)
	dst = appendString(dst, bytesText(q.DeviceType))

	dst = append(dst, `,"params":{`...)
	var seen []string
	add := func(name, value string) {
		for _, s := range seen {
			if s == name {
				return
			}
		}
		if len(seen) > 0 {
			dst = append(dst, ',')
		}
		seen = append(seen, name)
		dst = appendString(dst, name)
		dst = append(dst, ':')
		dst = appendString(dst, value)
	}
	unknown := 0
	for _, p := range q.Params {
		switch {
		case !p.Tag.Known():
			unknown++
		case p.Tag == b64uri.ParamOptions:
			f := flagsOf(p.Value)
			if f&b64uri.SaveInSent != 0 {
				add("SaveInSent", "T")
			}
			if f&b64uri.AcceptMultiPart != 0 {
				add("AcceptMultiPart", "T")
			}
			if rest := f &^ (b64uri.SaveInSent | b64uri.AcceptMultiPart); rest != 0 {
				add("Options", "0x"+hex.EncodeToString([]byte{byte(rest)}))
			}
		default:
			add(p.Tag.String(), bytesText(p.Value))
		}
	}
	dst = append(dst, '}')

	if unknown > 0 {
		dst = append(dst, `,"unknownParams":[`...)
		n := 0
		for _, p := range q.Params {
			if p.Tag.Known() {
				continue
			}
			if n > 0 {
				dst = append(dst, ',')
			}
			n++
			dst = append(dst, `{"tag":`...)
			dst = strconv.AppendUint(dst, uint64(p.Tag), 10)
			dst = append(dst, `,"length":`...)
			dst = strconv.AppendInt(dst, int64(len(p.Value)), 10)
			dst = append(dst, `,"hex":`...)
			dst = appendString(dst, hex.EncodeToString(p.Value))
			dst = append(dst, '}')
		}
		dst = append(dst, ']')
	}
	return append(dst, "}\n"...)
}

// bytesText is b as a string when it is UTF-8, else its lower-case hex.
func bytesText(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	return hex.EncodeToString(b)
}

func flagsOf(v []byte) b64uri.Flags {
	if len(v) == 0 {
		return 0
	}
	return b64uri.Flags(v[0])
}

// appendString appends s as a JSON string, without HTML escaping.
func appendString(dst []byte, s string) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	return append(dst, bytes.TrimSuffix(buf.Bytes(), []byte("\n"))...)
}
