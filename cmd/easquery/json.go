package main

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/easkit/easkit/b64uri"
	"github.com/easkit/easkit/capture"
)

// appendJSON appends q, decoded from the base64 query raw, as one JSON
// object and a newline, with exactly these members, in this order, every
// one always present (null only where the query has no such value):
//
//	line          number, the line of standard input; null for the argument
//	form          string, "base64" (appendPlainJSON writes "plain")
//	query         string, the query as written
//	version       string, "14.1"
//	command       string, "Sync"
//	locale        number, the LCID (1033 for en-US)
//	deviceId      string, the id when it is printable ASCII, else upper-case hex
//	deviceIdHex   string, lower-case hex
//	policyKey     number, or null when the query has none
//	deviceType    string
//	params        object, name → string: the parameters in wire order (a
//	              name that repeats → the array of its values); an Options parameter
//	              as "Options": its bytes in hex ("0x00", "" when empty),
//	              with "SaveInSent" and "AcceptMultiPart", "T" or "F", its
//	              bits; values that are not UTF-8 in hex
//	unknownParams array of {"tag", "length", "hex"}: the parameters with
//	              tags no revision defines, [] when there are none
func appendJSON(dst []byte, line int, raw string, q *b64uri.Query) []byte {
	dst = appendHead(dst, line, "base64", raw)
	dst = append(dst, `,"version":`...)
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

	var params paramList
	add := params.add
	tf := func(set bool) string {
		if set {
			return "T"
		}
		return "F"
	}
	for _, p := range q.Params {
		switch {
		case !p.Tag.Known():
		case p.Tag == b64uri.ParamOptions:
			f := flagsOf(p.Value)
			value := ""
			if len(p.Value) > 0 {
				value = "0x" + hex.EncodeToString(p.Value)
			}
			add("Options", value)
			add("SaveInSent", tf(f&b64uri.SaveInSent != 0))
			add("AcceptMultiPart", tf(f&b64uri.AcceptMultiPart != 0))
		default:
			add(p.Tag.String(), bytesText(p.Value))
		}
	}
	dst = params.appendJSON(append(dst, `,"params":`...))

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
	return append(dst, "}\n"...)
}

// appendPlainJSON appends a plain query as appendJSON appends a base64
// one, with the same members: form is "plain"; version, locale and
// policyKey are null (a plain request carries them in headers, if at all);
// command, deviceId and deviceType are the Cmd, DeviceId and DeviceType
// parameters, null when missing; deviceIdHex is the hex of deviceId's
// bytes; params holds every other parameter, names and values
// percent-decoded (a repeated name has the array of its values); unknownParams
// is [].
func appendPlainJSON(dst []byte, line int, q *capture.Query) []byte {
	dst = appendHead(dst, line, "plain", q.Raw)
	get := func(name string) (string, bool) {
		for _, f := range q.Params {
			if strings.EqualFold(f.Name, name) {
				return f.Value, true
			}
		}
		return "", false
	}
	opt := func(name string) {
		if v, ok := get(name); ok {
			dst = appendString(dst, v)
		} else {
			dst = append(dst, "null"...)
		}
	}
	dst = append(dst, `,"version":null,"command":`...)
	opt("Cmd")
	dst = append(dst, `,"locale":null,"deviceId":`...)
	opt("DeviceId")
	dst = append(dst, `,"deviceIdHex":`...)
	if v, ok := get("DeviceId"); ok {
		dst = appendString(dst, hex.EncodeToString([]byte(v)))
	} else {
		dst = append(dst, "null"...)
	}
	dst = append(dst, `,"policyKey":null,"deviceType":`...)
	opt("DeviceType")
	var params paramList
	for _, f := range q.Params {
		if !strings.EqualFold(f.Name, "Cmd") && !strings.EqualFold(f.Name, "DeviceId") && !strings.EqualFold(f.Name, "DeviceType") {
			params.add(f.Name, f.Value)
		}
	}
	dst = params.appendJSON(append(dst, `,"params":`...))
	return append(dst, ",\"unknownParams\":[]}\n"...)
}

// paramList gathers a query's parameters for the params member: names in
// the order they first appear, each with its values in wire order.
type paramList []struct {
	name   string
	values []string
}

func (l *paramList) add(name, value string) {
	for i := range *l {
		if (*l)[i].name == name {
			(*l)[i].values = append((*l)[i].values, value)
			return
		}
	}
	*l = append(*l, struct {
		name   string
		values []string
	}{name, []string{value}})
}

// appendJSON appends the params object: a name that appears once maps to
// its value, a repeated name to the array of its values.
func (l paramList) appendJSON(dst []byte) []byte {
	dst = append(dst, '{')
	for i, p := range l {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendString(dst, p.name)
		dst = append(dst, ':')
		if len(p.values) == 1 {
			dst = appendString(dst, p.values[0])
			continue
		}
		dst = append(dst, '[')
		for j, v := range p.values {
			if j > 0 {
				dst = append(dst, ',')
			}
			dst = appendString(dst, v)
		}
		dst = append(dst, ']')
	}
	return append(dst, '}')
}

// appendHead opens a query's JSON object with its line, form and query.
func appendHead(dst []byte, line int, form, raw string) []byte {
	dst = append(dst, `{"line":`...)
	if line < 0 {
		dst = append(dst, "null"...)
	} else {
		dst = strconv.AppendInt(dst, int64(line), 10)
	}
	dst = append(dst, `,"form":`...)
	dst = appendString(dst, form)
	dst = append(dst, `,"query":`...)
	return appendString(dst, raw)
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
