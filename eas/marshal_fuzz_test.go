package eas_test

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/easkit/easkit/eas"
	"github.com/easkit/easkit/wbxml"
)

// fuzzSync is the struct FuzzUnmarshal reads into: a Sync with e-mail
// fields of every kind, an any field to keep what it does not name, and a
// chardata field for the root's own text.
type fuzzSync struct {
	Sync
	Text string         `eas:",chardata"`
	Rest []*eas.Element `eas:",any"`
}

// FuzzUnmarshal unmarshals arbitrary bytes into a Sync struct: it must
// never panic, every error must be an *eas.Error or a *wbxml.SyntaxError
// with an offset within the input, and a value that was read must write
// back and read again as the same value. Reading leaf elements in one step
// must read what reading token by token does (unmarshalLeavesDiff, on
// inputs of up to 4 KB).
func FuzzUnmarshal(f *testing.F) {
	for _, s := range samples(f) {
		if len(s.data) <= 64<<10 {
			f.Add(s.data)
		}
	}
	for _, v := range values() {
		if b, err := eas.Marshal(v); err == nil {
			f.Add(b)
		}
	}
	// Times are written to the millisecond, in UTC.
	ms := cmp.Comparer(func(a, b time.Time) bool { return a.Truncate(time.Millisecond).Equal(b.Truncate(time.Millisecond)) })
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) <= 4<<10 { // the comparison costs 18 reads and a deep diff
			if diff := unmarshalLeavesDiff(data); diff != "" {
				t.Fatal(diff)
			}
		}
		var v fuzzSync
		err := eas.Unmarshal(data, &v)
		if err != nil {
			checkError(t, err, len(data))
			return
		}
		b, err := eas.Marshal(&v)
		if err != nil {
			// Kept trees may hold what cannot be written again: tags the
			// code pages lack, text runs joined into a string with NUL.
			if len(v.Rest) > 0 {
				return
			}
			t.Fatalf("Marshal of what was read: %v", err)
		}
		var w fuzzSync
		if err := eas.Unmarshal(b, &w); err != nil {
			t.Fatalf("Unmarshal of what was written: %v", err)
		}
		if d := cmp.Diff(v.Sync, w.Sync, ms, cmpopts.EquateEmpty()); d != "" {
			t.Fatalf("second read differs (-first +second):\n%s", d)
		}
		if v.Text != w.Text {
			t.Fatalf("root text %q, then %q", v.Text, w.Text)
		}
		if len(v.Rest) != len(w.Rest) {
			t.Fatalf("%d kept elements, then %d", len(v.Rest), len(w.Rest))
		}
	})
}

// checkError checks that err is one of the package's errors with an
// offset within an input of n bytes.
func checkError(t *testing.T, err error, n int) {
	t.Helper()
	var ee *eas.Error
	var se *wbxml.SyntaxError
	switch {
	case errors.As(err, &ee):
		if ee.Offset < 0 || ee.Offset > int64(n) {
			t.Fatalf("offset %d outside the input (%d bytes): %v", ee.Offset, n, err)
		}
	case errors.As(err, &se):
		if se.Offset < 0 || se.Offset > int64(n) {
			t.Fatalf("offset %d outside the input (%d bytes): %v", se.Offset, n, err)
		}
	default:
		t.Fatalf("error %T %v is neither *eas.Error nor *wbxml.SyntaxError", err, err)
	}
}
