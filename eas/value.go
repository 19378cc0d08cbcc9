package eas

import (
	"encoding/base64"
	"strconv"
	"time"

	"github.com/easkit/easkit/codepages"
)

// The two spellings of a date and time in ActiveSync: the one of most
// elements (Email DateReceived, Tasks DueDate, …) and the compact one of
// the Calendar page (StartTime, DtStamp, Recurrence Until).
const (
	// TimeLayout is the spelling of most ActiveSync date-time elements:
	// "2009-11-12T09:30:00.000Z".
	TimeLayout = "2006-01-02T15:04:05.000Z"

	// CompactTimeLayout is the spelling of the Calendar page's date-time
	// elements: "20091112T093000Z".
	CompactTimeLayout = "20060102T150405Z"
)

// timeLayouts are the spellings Time accepts, most common first.
var timeLayouts = [...]string{
	TimeLayout,
	CompactTimeLayout,
	"2006-01-02T15:04:05Z",
	"2006-01-02T15:04:05.999999999Z07:00",
	"20060102T150405",
	"2006-01-02T15:04:05",
}

// AppendTime appends t, in UTC, in the spelling ActiveSync uses for tag:
// CompactTimeLayout on the Calendar page, TimeLayout elsewhere.
func AppendTime(dst []byte, tag codepages.Tag, t time.Time) []byte {
	layout := TimeLayout
	if tag.Page() == codepages.CalendarTimezone.Page() {
		layout = CompactTimeLayout
	}
	return t.UTC().AppendFormat(dst, layout)
}

// ParseTime reads an ActiveSync date and time in either spelling (with or
// without milliseconds, with or without the Z; a time without a zone is
// UTC).
func ParseTime(s string) (time.Time, error) {
	if t, ok := parseTimeFast(s); ok {
		return t, nil
	}
	for _, l := range timeLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, ErrValue
}

// parseTimeFast reads the two spellings almost every message uses,
// "2009-11-12T09:30:00.000Z" and "20091112T093000Z", without time.Parse's
// layout interpretation; anything else (and any value out of range) is
// left to time.Parse, which reports it.
func parseTimeFast(s string) (time.Time, bool) {
	var f [7]int // year, month, day, hour, minute, second, millisecond
	var spec string
	switch len(s) {
	case len(TimeLayout):
		spec = "dddd-dd-ddTdd:dd:dd.dddZ"
	case len(CompactTimeLayout):
		spec = "ddddddddTddddddZ"
	default:
		return time.Time{}, false
	}
	widths := [7]int{4, 2, 2, 2, 2, 2, 3}
	k, n := 0, 0
	for i := range len(spec) {
		c := s[i]
		if spec[i] != 'd' {
			if c != spec[i] {
				return time.Time{}, false
			}
			continue
		}
		if c < '0' || c > '9' {
			return time.Time{}, false
		}
		f[k] = f[k]*10 + int(c-'0')
		if n++; n == widths[k] {
			k, n = k+1, 0
		}
	}
	if f[1] < 1 || f[1] > 12 || f[2] < 1 || f[2] > 31 || f[3] > 23 || f[4] > 59 || f[5] > 59 {
		return time.Time{}, false
	}
	t := time.Date(f[0], time.Month(f[1]), f[2], f[3], f[4], f[5], f[6]*1e6, time.UTC)
	if t.Day() != f[2] { // 31 April: time.Parse says why
		return time.Time{}, false
	}
	return t, true
}

// Text returns e's content as text: the string, or the OPAQUE bytes (as
// ComposeMail Mime carries text); "" for a nil or empty element.
func (e *Element) Text() string {
	if e == nil {
		return ""
	}
	return string(e.value)
}

// Int returns e's text as a decimal integer. A nil element gives
// ErrMissing, other text ErrValue, both as *Error with e's offset and path.
func (e *Element) Int() (int64, error) {
	if e == nil {
		return 0, missing()
	}
	n, err := strconv.ParseInt(bytesView(e.value), 10, 64)
	if err != nil {
		return 0, e.valueError("not an integer")
	}
	return n, nil
}

// Time returns e's text as a date and time in either ActiveSync spelling
// (see ParseTime).
func (e *Element) Time() (time.Time, error) {
	if e == nil {
		return time.Time{}, missing()
	}
	t, err := ParseTime(bytesView(e.value))
	if err != nil {
		return t, e.valueError("not an ActiveSync date and time")
	}
	return t, nil
}

// Bool reports whether e is a flag that is set: an element that is
// present and empty (ActiveSync's flags, such as MoreAvailable or
// DeletesAsMoves) or one holding "1" or "true". It is false for a nil
// element and for any other text ("0").
func (e *Element) Bool() bool {
	if e == nil {
		return false
	}
	switch bytesView(e.value) {
	case "", "1", "true":
		return true
	}
	return false
}

// Bytes returns e's content as bytes: OPAQUE data as it is, and text
// decoded from base64 (as Contacts Picture carries an image), the two
// ways Builder.Bytes and SetBytes write them. The OPAQUE bytes refer to the
// tree; decoded text is a new slice.
func (e *Element) Bytes() ([]byte, error) {
	if e == nil {
		return nil, missing()
	}
	if e.kind != contentText {
		return e.value, nil
	}
	p, err := base64.StdEncoding.AppendDecode(nil, e.value)
	if err != nil {
		return nil, e.valueError("not base64")
	}
	return p, nil
}

func missing() error { return &Error{Offset: -1, Err: ErrMissing} }

func (e *Element) valueError(msg string) error {
	return &Error{Offset: e.offset, Path: e.Path(), Err: ErrValue,
		Msg: strconv.Quote(truncate(bytesView(e.value), 40)) + " is " + msg}
}

// truncate shortens s to about n bytes for an error message.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// appendBase64 appends the padded standard base64 of p to dst.
func appendBase64(dst, p []byte) []byte { return base64.StdEncoding.AppendEncode(dst, p) }
