package commands

import (
	"strconv"
	"time"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/eas"
)

// Ptr returns a pointer to a copy of v, for the optional number, boolean
// and Status fields: commands.Ptr(commands.FilterType3Days).
func Ptr[T any](v T) *T { return &v }

// A CompactTime is a date-time carried in the 16-character form
// (eas.CompactTimeLayout, "20091112T093000Z"), as the MeetingResponse
// proposals are; other date-time fields are time.Time.
type CompactTime time.Time

// MarshalText writes t in UTC in eas.CompactTimeLayout.
func (t CompactTime) MarshalText() ([]byte, error) {
	return time.Time(t).UTC().AppendFormat(nil, eas.CompactTimeLayout), nil
}

// UnmarshalText reads a date-time in either ActiveSync spelling
// (eas.ParseTime).
func (t *CompactTime) UnmarshalText(p []byte) error {
	v, err := eas.ParseTime(string(p))
	if err != nil {
		return err
	}
	*t = CompactTime(v)
	return nil
}

// Equal reports whether t and u are the same instant.
func (t CompactTime) Equal(u CompactTime) bool { return time.Time(t).Equal(time.Time(u)) }

// An EmptyOrUint is the value of the Provision settings whose content is
// an unsigned integer or nothing (MinDevicePasswordLength,
// MaxInactivityTimeDeviceLock, …: the schema's unsignedByteOrEmpty and
// unsignedIntOrEmpty), where nothing means "no limit".
type EmptyOrUint struct {
	N     uint32
	Empty bool // the element has no content; N is ignored
}

// MarshalEAS writes the element: N in decimal, or, when Empty, an
// element with no content.
func (v EmptyOrUint) MarshalEAS(b *eas.Builder, tag codepages.Tag) error {
	if v.Empty {
		b.Empty(tag)
	} else {
		b.Uint(tag, uint64(v.N))
	}
	return nil
}

// UnmarshalEAS reads a decimal unsigned integer, or no content (Empty).
func (v *EmptyOrUint) UnmarshalEAS(e *eas.Element) error {
	return v.UnmarshalText([]byte(e.Text()))
}

// UnmarshalText reads a decimal unsigned integer, or nothing (Empty).
func (v *EmptyOrUint) UnmarshalText(p []byte) error {
	if len(p) == 0 {
		*v = EmptyOrUint{Empty: true}
		return nil
	}
	n, err := strconv.ParseUint(string(p), 10, 32)
	if err != nil {
		return err
	}
	*v = EmptyOrUint{N: uint32(n)}
	return nil
}

// message is one row of messages (commands_gen.go).
type message struct {
	name     string
	root     codepages.Tag
	response bool
	new      func() any
}

// New returns a pointer to a new value of the type of the message with
// root element root (SyncRequest for AirSync Sync and response false), or
// nil when the table has no such message.
func New(root codepages.Tag, response bool) any {
	for _, m := range messages {
		if m.root == root && m.response == response {
			return m.new()
		}
	}
	return nil
}

// Messages returns the names of the messages there are types for, as
// the schema table names them ("FolderSync request", …), in its order.
func Messages() []string {
	out := make([]string, len(messages))
	for i, m := range messages {
		out[i] = m.name
	}
	return out
}
