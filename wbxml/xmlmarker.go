package wbxml

import (
	"errors"
	"strconv"
)

// MarkerNamespace is the XML namespace of easkit's markers: the attribute
// that records how an element's content was carried on the wire when that
// differs from the vocabulary's default, and the placeholder elements for
// tags the vocabulary does not define.
//
// The wire attribute, easkit:wire, holds a space-separated list: an
// optional "base64" (the element's text is base64 of the content bytes,
// rather than the bytes as text), then the content runs in order, "str"
// (an inline string) or "opaque" (an OPAQUE block). With more than one run
// each carries its length in bytes: "opaque:3 str:5". Examples:
//
//	<Mime easkit:wire="str">…</Mime>                text sent as STR_I where OPAQUE is the default
//	<Subject easkit:wire="opaque">hi</Subject>     OPAQUE where a string is the default
//	<Subject easkit:wire="base64 str">AAE=</Subject> a string whose bytes XML cannot carry
//	<Data easkit:wire="opaque"></Data>             an empty OPAQUE
//	<PhoneNumber easkit:wire="str"></PhoneNumber>  an empty string (5C 03 00 01)
//
// Elements with no marker use the vocabulary's default: one string for text
// tags, one OPAQUE shown as base64 for byte-array tags, one OPAQUE shown as
// text for text-as-opaque tags (ComposeMail Mime). An element with no
// marker and no text, <X/> or its other spelling <X></X> (or an empty
// CDATA section), has no content: the tag is written without its content
// bit. So an empty run, whatever the vocabulary says, always takes the
// marker; the XMLReader reads it on <X easkit:wire="str"/> too. An element
// with its content bit and no content at all has no marked form: it is
// written <X/>, and comes back without the bit.
//
// Tags the vocabulary does not define are written as
// <easkit:unknown page="4" token="0x3F">, and content runs between child
// elements that are not plain text as <easkit:opaque>BASE64</easkit:opaque>
// and <easkit:str>BASE64</easkit:str>.
const MarkerNamespace = "https://github.com/easkit/easkit/wbxml"

const (
	markerPrefix  = "easkit"
	markerWire    = "wire"
	markerUnknown = "unknown"
	markerOpaque  = "opaque"
	markerStr     = "str"
)

// ErrMarker: an easkit marker attribute or element in XML input is
// malformed or does not match the content it describes.
var ErrMarker = errors.New("wbxml: bad easkit marker")

// ErrNotInVersion: a tag that the protocol version being checked does not
// have (see [TagValidator]).
var ErrNotInVersion = errors.New("wbxml: tag not in this protocol version")

// contentRun is one string or OPAQUE token of an element's content.
type contentRun struct {
	opaque bool
	n      int // length in bytes
}

// appendWire appends the value of the wire attribute.
func appendWire(dst []byte, b64 bool, runs []contentRun) []byte {
	sep := false
	if b64 {
		dst = append(dst, "base64"...)
		sep = true
	}
	for _, r := range runs {
		if sep {
			dst = append(dst, ' ')
		}
		sep = true
		if r.opaque {
			dst = append(dst, markerOpaque...)
		} else {
			dst = append(dst, markerStr...)
		}
		if len(runs) > 1 {
			dst = append(dst, ':')
			dst = strconv.AppendInt(dst, int64(r.n), 10)
		}
	}
	return dst
}

// parseWire parses a wire attribute value into runs (reusing its memory).
// A single run without a length gets n = -1: all the content. On error it
// returns the offset in v of the problem and a message.
func parseWire(v []byte, runs []contentRun) (b64 bool, _ []contentRun, off int, msg string) {
	runs = runs[:0]
	i := 0
	first := true
	for i < len(v) {
		for i < len(v) && isXMLSpace(v[i]) {
			i++
		}
		if i >= len(v) {
			break
		}
		start := i
		for i < len(v) && !isXMLSpace(v[i]) {
			i++
		}
		word := v[start:i]
		if first && string(word) == "base64" {
			b64 = true
			first = false
			continue
		}
		first = false
		kind, num, hasNum := word, []byte(nil), false
		for j, c := range word {
			if c == ':' {
				kind, num, hasNum = word[:j], word[j+1:], true
				break
			}
		}
		var r contentRun
		switch string(kind) {
		case markerStr:
		case markerOpaque:
			r.opaque = true
		default:
			return false, runs, start, "unknown run kind " + strconv.Quote(string(kind)) + " (want str or opaque)"
		}
		r.n = -1
		if hasNum {
			n, err := strconv.ParseUint(string(num), 10, 31)
			if err != nil || len(num) == 0 {
				return false, runs, start + len(kind) + 1, "bad run length " + strconv.Quote(string(num))
			}
			r.n = int(n)
		}
		runs = append(runs, r)
	}
	if len(runs) == 0 {
		return false, runs, 0, "no content run"
	}
	if len(runs) == 1 && runs[0].n >= 0 {
		return false, runs, 0, "a single run takes no length"
	}
	if len(runs) > 1 {
		for _, r := range runs {
			if r.n < 0 {
				return false, runs, 0, "every run needs a length when there are several"
			}
		}
	}
	return b64, runs, 0, ""
}

func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
