package eas

import (
	"strconv"
	"strings"
)

// Content: the check of an element's text or OPAQUE data against its
// schema node's content kind, enumeration and range, at its end.

func (v *validator) checkContent(f *vframe, n *schemaNode, depth int) {
	text := v.textOf(f)
	switch n.kind {
	case kindAny, kindMixed:
		return
	case kindContainer, kindAppdata:
		if f.saw&(sawText|sawOpaque) != 0 {
			if v.hit() {
				v.add(ProblemContent, f.offset, depth, "text in an element that holds elements", nil)
			}
		}
		return
	case kindEmpty:
		if f.saw&(sawText|sawOpaque) != 0 {
			if v.hit() {
				v.add(ProblemContent, f.offset, depth, "content in an element that must be empty", nil)
			}
		}
		return
	case kindOpaque:
		if f.saw&sawText != 0 {
			if v.hit() {
				v.add(ProblemContent, f.offset, depth, "text where OPAQUE data is expected", nil)
			}
		}
		return
	case kindText, kindBase64:
		if n.kind == kindBase64 && f.saw&sawOpaque == 0 && !isBase64(text) {
			if v.hit() {
				v.add(ProblemValue, f.offset, depth, "not base64 text", nil)
			}
			return
		}
	case kindBoolean01:
		if f.saw&sawOpaque != 0 {
			if v.hit() {
				v.add(ProblemContent, f.offset, depth, "OPAQUE data where 0 or 1 is expected", nil)
			}
			return
		}
		if f.saw&sawText != 0 && len(text) > 0 && !(len(text) == 1 && (text[0] == '0' || text[0] == '1')) {
			if v.hit() {
				v.add(ProblemValue, f.offset, depth, strconv.Quote(string(text))+" is not 0 or 1", nil)
			}
			return
		}
		return
	case kindDatetime, kindCompactdatetime:
		if f.saw&sawOpaque != 0 {
			if v.hit() {
				v.add(ProblemContent, f.offset, depth, "OPAQUE data where a date-time is expected", nil)
			}
			return
		}
		var ok bool
		if n.kind == kindCompactdatetime {
			ok = isCompactDateTime(text)
		} else {
			ok = isDateTime(text)
		}
		if !ok {
			if v.hit() {
				v.add(ProblemValue, f.offset, depth, strconv.Quote(string(text))+" is not "+kindNames[n.kind], nil)
			}
		}
		return
	default: // integers
		if f.saw&sawOpaque != 0 {
			if v.hit() {
				v.add(ProblemContent, f.offset, depth, "OPAQUE data where "+kindNames[n.kind]+" is expected", nil)
			}
			return
		}
		if len(text) == 0 && (n.kind == kindUnsignedByteOrEmpty || n.kind == kindUnsignedIntOrEmpty) {
			return
		}
		x, ok := parseInt(text)
		if !ok {
			if v.hit() {
				v.add(ProblemContent, f.offset, depth, strconv.Quote(string(text))+" is not "+kindNames[n.kind], nil)
			}
			return
		}
		var lo, hi int64 = -1 << 62, 1 << 62
		switch n.kind {
		case kindUnsignedByte, kindUnsignedByteOrEmpty:
			lo, hi = 0, 255
		case kindUnsignedShort:
			lo, hi = 0, 65535
		case kindUnsignedInt, kindUnsignedIntOrEmpty:
			lo, hi = 0, 1<<32-1
		}
		if x < lo || x > hi {
			if v.hit() {
				v.add(ProblemValue, f.offset, depth, strconv.FormatInt(x, 10)+" is out of the range of "+kindNames[n.kind], nil)
			}
			return
		}
		if n.flags&nodeIntEnum != 0 && (len(text) == 1 || text[0] != '0' && text[0] != '+' && text[0] != '-') {
			// A canonical decimal: test its bit (else compare strings below).
			if m := uint64(uint32(n.lo)) | uint64(uint32(n.hi))<<32; x >= 0 && x < 64 && m>>uint(x)&1 != 0 {
				return
			}
		} else if n.flags&nodeRange != 0 && (x < int64(n.lo) || x > int64(n.hi)) {
			if v.hit() {
				v.add(ProblemValue, f.offset, depth, strconv.FormatInt(x, 10)+" is outside "+strconv.Itoa(int(n.lo))+".."+strconv.Itoa(int(n.hi)), nil)
			}
			return
		}
	}
	if n.nenum > 0 && f.saw&sawOpaque == 0 {
		for _, e := range schemaEnums[n.enum : n.enum+uint16(n.nenum)] {
			if e == string(text) {
				return
			}
		}
		if v.hit() {
			v.add(ProblemValue, f.offset, depth, strconv.Quote(string(text))+" is not one of "+strings.Join(schemaEnums[n.enum:n.enum+uint16(n.nenum)], ", "), nil)
		}
	}
}
