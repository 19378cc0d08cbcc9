package commands_test

import (
	"errors"
	"reflect"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/easkit/easkit/eas"
	"github.com/easkit/easkit/eas/commands"
	"github.com/easkit/easkit/version"
)

// TestRoundTrip fills every message type for every protocol version it
// exists in (every field the version has, choices by turns), marshals it,
// validates the WBXML (no problem), unmarshals it into a new value and
// compares.
func TestRoundTrip(t *testing.T) {
	m := loadModel(t)
	n := 0
	for _, ct := range roots(m) {
		for _, v := range versionsOf(ct.Since, ct.Until) {
			for turn := range 3 {
				c := &chooser{full: true, seq: turn}
				want := newFilled(ct, v, c)
				checkRoundTrip(t, ct.Message.Name+" "+v.String(), want, v, ct.Message.Response, true)
				n++
			}
		}
	}
	if n < 39 {
		t.Errorf("%d round trips", n)
	}
	t.Logf("%d round trips", n)
}

// checkRoundTrip is the property of TestRoundTrip and
// FuzzGeneratedValidates.
func checkRoundTrip(t *testing.T, name string, want any, v version.Version, response, strict bool) {
	t.Helper()
	b, err := eas.Marshal(want)
	if err != nil {
		t.Fatalf("%s: Marshal: %v", name, err)
	}
	opts := []eas.Option{eas.WithVersion(v), direction(response)}
	if err := eas.Validate(b, opts...); err != nil {
		t.Fatalf("%s: Validate: %v\n%#v", name, err, want)
	}
	if strict {
		// The table's order, except where a field holds two forms.
		if err := eas.Validate(b, append(opts, eas.WithStrict(true))...); err != nil && !twoOrders(want) {
			t.Errorf("%s: Validate strict: %v", name, err)
		}
	}
	got := reflect.New(reflect.TypeOf(want).Elem()).Interface()
	if err := eas.Unmarshal(b, got, eas.WithStrict(true)); err != nil {
		t.Fatalf("%s: Unmarshal: %v", name, err)
	}
	if d := cmp.Diff(want, got, cmpOpts); d != "" {
		t.Fatalf("%s: round trip differs (-want +got):\n%s", name, d)
	}
}

// twoOrders reports whether v is a GetItemEstimate request in the 12.1
// form, whose fields follow the 14.0 order (see the package doc).
func twoOrders(v any) bool {
	r, ok := v.(*commands.GetItemEstimateRequest)
	if !ok {
		return false
	}
	for _, c := range r.Collections.Collection {
		if c.FilterType != nil {
			return true
		}
	}
	return false
}

// FuzzGeneratedValidates fills a generated type from the fuzz bytes (the
// first picks the message, the second the protocol version, the rest
// every choice of the filler), marshals it, and checks that eas.Validate
// finds nothing and that Unmarshal gives the value back.
func FuzzGeneratedValidates(f *testing.F) {
	m := loadModel(f)
	rs := roots(m)
	for i := range rs {
		f.Add([]byte{byte(i), 0xff, 1, 1, 1, 1, 1, 1, 1, 1})
		f.Add([]byte{byte(i), 0, 0, 1, 0, 1, 0, 1, 2, 3, 4, 5, 6, 7})
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) < 2 {
			return
		}
		ct := rs[int(data[0])%len(rs)]
		vs := versionsOf(ct.Since, ct.Until)
		v := vs[int(data[1])%len(vs)]
		c := &chooser{data: data[2:]}
		want := newFilled(ct, v, c)
		checkRoundTrip(t, ct.Message.Name+" "+v.String(), want, v, ct.Message.Response, false)
	})
}

func TestNew(t *testing.T) {
	names := commands.Messages()
	if len(names) != 39 {
		t.Errorf("%d messages, want 39", len(names))
	}
	m := loadModel(t)
	for _, ct := range roots(m) {
		v := newFilled(ct, 0, &chooser{})
		if got := reflect.TypeOf(v).Elem().Name(); got != ct.Name {
			t.Errorf("New for %s gives %s, want %s", ct.Message.Name, got, ct.Name)
		}
	}
	if commands.New(0, false) != nil {
		t.Error("New(0) is not nil")
	}
}

func TestEmptyOrUint(t *testing.T) {
	var v commands.EmptyOrUint
	if err := v.UnmarshalText(nil); err != nil || !v.Empty {
		t.Errorf("empty: %+v %v", v, err)
	}
	if err := v.UnmarshalText([]byte("42")); err != nil || v != (commands.EmptyOrUint{N: 42}) {
		t.Errorf("42: %+v %v", v, err)
	}
	if err := v.UnmarshalText([]byte("x")); err == nil {
		t.Error("x: no error")
	}
}

func TestRequiredIsReported(t *testing.T) {
	b, err := eas.Marshal(&commands.MoveItemsRequest{})
	if err != nil {
		t.Fatal(err)
	}
	var r commands.MoveItemsRequest
	if err := eas.Unmarshal(b, &r); !errors.Is(err, eas.ErrMissing) {
		t.Errorf("MoveItems without Move: %v, want ErrMissing", err)
	}
}
