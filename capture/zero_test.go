package capture

import (
	"errors"
	"io"
	"testing"
)

// TestZeroValues checks the documented zero value of each exported type.
func TestZeroValues(t *testing.T) {
	var r Reader
	if m, err := r.Next(); m != nil || !errors.Is(err, ErrEmpty) {
		t.Errorf("zero Reader: Next = %v, %v; want ErrEmpty", m, err)
	}
	if m, err := r.Next(); m != nil || !errors.Is(err, ErrEmpty) {
		t.Errorf("zero Reader: the error is not sticky: %v, %v", m, err)
	}

	var m Message
	if m.Where() != "" || m.Title() != "" || m.StartLine() != "" || m.BodyKind() != BodyEmpty || m.ActiveSync() {
		t.Errorf("zero Message: %q %q %q %v %v", m.Where(), m.Title(), m.StartLine(), m.BodyKind(), m.ActiveSync())
	}
	if text, notes := m.Describe(); text != "Body: empty\n" || notes != nil {
		t.Errorf("zero Message: Describe = %q, %q", text, notes)
	}
	if m.Query().Raw != "" || m.Query().Command() != "" {
		t.Errorf("zero Message: query %+v", m.Query())
	}

	var h Header
	if h.Get("Host") != "" || h.Values("Host") != nil {
		t.Error("zero Header has fields")
	}
	var f Form
	var k Kind
	var bk BodyKind
	if f != FormAuto || k != KindBody || bk != BodyEmpty {
		t.Errorf("zero Form %v, Kind %v, BodyKind %v", f, k, bk)
	}
	var e Error
	if e.Error() != "capture: offset 0" || errors.Unwrap(&e) != nil {
		t.Errorf("zero Error: %q", e.Error())
	}
	var me MultipartError
	if me.Error() != "capture: multipart: offset 0" || me.Unwrap() != nil {
		t.Errorf("zero MultipartError: %q", me.Error())
	}
	var p Part
	if p.Offset != 0 || p.Data != nil {
		t.Errorf("zero Part: %+v", p)
	}

	// The zero (nil) Option changes nothing.
	in := []byte("\x03\x01\x6a\x00\x45\x01")
	ms, err := ReadAll(in, nil)
	if err != nil || len(ms) != 1 || ms[0].Form != FormRaw {
		t.Errorf("ReadAll with a nil Option: %v, %v", ms, err)
	}
	if _, err := NewReader(nil, nil).Next(); errors.Is(err, io.EOF) {
		t.Error("empty input read as no messages instead of an error")
	}
}
