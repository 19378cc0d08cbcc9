package b64uri

import (
	"iter"
	"strconv"
)

// Fields returns the decoded fields of q for display, as name and text
// pairs in wire order: Version ("14.1"), Command ("Sync"), Locale
// ("0x0409"), DeviceId (the text, or upper-case hex when not printable),
// PolicyKey (decimal; only when present), DeviceType, then one pair per
// parameter: its name (or "Param(N)" for an unknown tag) and its value as
// text (Options as its flags, "SaveInSent|AcceptMultiPart"; an unknown
// tag's value in hex). Each value is only valid during the yield call.
func (q *Query) Fields() iter.Seq2[string, []byte] {
	return func(yield func(string, []byte) bool) {
		var buf [2*255 + 8]byte
		b := buf[:0]
		if b, _ = q.Version.AppendText(b[:0]); !yield("Version", b) {
			return
		}
		if !yield("Command", append(b[:0], q.Command.String()...)) {
			return
		}
		b = append(b[:0], '0', 'x', hexUpper[q.Locale>>12], hexUpper[q.Locale>>8&15], hexUpper[q.Locale>>4&15], hexUpper[q.Locale&15])
		if !yield("Locale", b) {
			return
		}
		if !yield("DeviceId", appendDisplayID(b[:0], q.DeviceID)) {
			return
		}
		if q.HasPolicyKey && !yield("PolicyKey", strconv.AppendUint(b[:0], uint64(q.PolicyKey), 10)) {
			return
		}
		if !yield("DeviceType", q.DeviceType) {
			return
		}
		for _, p := range q.Params {
			v := p.Value
			switch {
			case p.Tag == ParamOptions:
				v = append(b[:0], flagsOf(p.Value).String()...)
			case !p.Tag.Known():
				v = appendHex(b[:0], v)
			}
			if !yield(p.Tag.String(), v) {
				return
			}
		}
	}
}

// flagsOf reads an Options value: its first byte, or 0 when empty.
func flagsOf(v []byte) Flags {
	if len(v) == 0 {
		return 0
	}
	return Flags(v[0])
}

// appendDisplayID appends id as text when printable, else upper-case hex.
func appendDisplayID(dst, id []byte) []byte {
	if isPrintable(id) {
		return append(dst, id...)
	}
	for _, c := range id {
		dst = append(dst, hexUpper[c>>4], hexUpper[c&15])
	}
	return dst
}

func appendHex(dst, v []byte) []byte {
	for _, c := range v {
		dst = append(dst, hexUpper[c>>4], hexUpper[c&15])
	}
	return dst
}

// DeviceIDText returns the device id as people and the plain form show it:
// the id itself when it is printable ASCII, else its bytes in upper-case
// hex (the Exchange convention for binary GUIDs).
func (q *Query) DeviceIDText() string {
	return string(appendDisplayID(nil, q.DeviceID))
}
