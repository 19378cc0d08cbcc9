package version_test

import (
	"errors"
	"testing"
	"time"

	"github.com/easkit/easkit/version"
)

// The tests of this file check what the doc comment of each exported type
// says its zero value is.

func TestZeroVersion(t *testing.T) {
	var v version.Version
	if v.IsKnown() || v.String() != "" {
		t.Errorf("zero Version: known %v, String %q; want unknown and \"\"", v.IsKnown(), v.String())
	}
	text, err := v.MarshalText()
	if err != nil || string(text) != "0.0" {
		t.Fatalf("MarshalText = %q, %v; want 0.0", text, err)
	}
	if _, err := version.Parse("0.0"); !errors.Is(err, version.ErrSyntax) {
		t.Errorf("Parse(0.0): %v, want ErrSyntax", err)
	}
	back := version.V14_1
	if err := back.UnmarshalText(text); err != nil || back != 0 {
		t.Errorf("UnmarshalText(0.0) = %v, %v; want the zero Version", back, err)
	}
	if got, err := version.Negotiate([]version.Version{0, version.V14_1}, []version.Version{version.V14_1, 0}); got != version.V14_1 || err != nil {
		t.Errorf("Negotiate with zeros in both lists = %v, %v; want 14.1", got, err)
	}
	if got, err := version.NextLower(version.V16_0, []version.Version{0, version.V14_1}, []version.Version{0}); err == nil {
		t.Errorf("NextLower with a server list of only 0 = %v, want an error", got)
	}
}

func TestZeroParseError(t *testing.T) {
	var e version.ParseError
	if !errors.Is(&e, version.ErrSyntax) {
		t.Error("the zero ParseError does not wrap ErrSyntax")
	}
	if got, want := e.Error(), `version: "": offset 0: `; got != want {
		t.Errorf("zero ParseError reads %q, want %q", got, want)
	}
}

func TestZeroReason(t *testing.T) {
	var r version.Reason
	for _, named := range []version.Reason{version.NoClientVersions, version.NoServerVersions,
		version.ServerTooOld, version.ServerTooNew, version.Disjoint, version.NoneBelow} {
		if r == named {
			t.Errorf("the zero Reason is the named reason %d", named)
		}
	}
	// Every NoCommonError the package returns gives a reason.
	v := func(vs ...version.Version) []version.Version { return vs }
	for _, lists := range [][2][]version.Version{
		{nil, v(version.V14_1)},
		{v(version.V14_1), nil},
		{v(version.V16_0), v(version.V12_1)},
		{v(version.V12_1), v(version.V16_0)},
		{v(version.V12_1, version.V16_0), v(version.V14_1)},
	} {
		_, err := version.Negotiate(lists[0], lists[1])
		var e *version.NoCommonError
		if !errors.As(err, &e) || e.Why == r {
			t.Errorf("Negotiate(%v, %v): %v, want a *NoCommonError with a reason", lists[0], lists[1], err)
		}
	}
	_, err := version.NextLower(version.V12_1, v(version.V12_1, version.V14_1), v(version.V12_1))
	if e := (*version.NoCommonError)(nil); !errors.As(err, &e) || e.Why == r {
		t.Errorf("NextLower below the only shared version: %v, want a *NoCommonError with a reason", err)
	}
}

func TestZeroNoCommonError(t *testing.T) {
	var e version.NoCommonError
	if !errors.Is(&e, version.ErrNoCommonVersion) {
		t.Error("the zero NoCommonError does not wrap ErrNoCommonVersion")
	}
	if got, want := e.Error(), version.ErrNoCommonVersion.Error(); got != want {
		t.Errorf("zero NoCommonError reads %q, want %q", got, want)
	}
	if e.Why != 0 || e.Client != nil || e.Server != nil || e.Below != 0 {
		t.Errorf("zero NoCommonError %+v: want no reason and no lists", e)
	}
}

func TestZeroSource(t *testing.T) {
	var s version.Source
	if s.String() != "Source(?)" {
		t.Errorf("zero Source String() = %q, want Source(?)", s.String())
	}
	for _, named := range []version.Source{version.FromOptions, version.FromFolderSyncKey0, version.FromResetHeader} {
		if s == named || named.String() == "Source(?)" {
			t.Errorf("source %d: the zero Source must differ from it, and it must have a name", named)
		}
	}
}

func TestZeroDecision(t *testing.T) {
	var n version.Negotiator // no Client: every choice fails
	d, err := n.Rejected()
	if err == nil || d != (version.Decision{}) {
		t.Errorf("Rejected on a zero Negotiator = %+v, %v; want the zero Decision and an error", d, err)
	}
}

func TestZeroNegotiator(t *testing.T) {
	now := time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	var n version.Negotiator
	if !n.Due(now) {
		t.Error("a zero Negotiator is not due; it has negotiated nothing")
	}
	// Without Client: no version to choose.
	var nce *version.NoCommonError
	if _, err := n.Observe(version.FromOptions, "14.1,16.1", now); !errors.As(err, &nce) || nce.Why != version.NoClientVersions {
		t.Errorf("Observe without Client: %v, want NoClientVersions", err)
	}
	if _, err := n.Observe(version.FromOptions, "", now); !errors.As(err, &nce) {
		t.Errorf("Observe of a missing header without Client: %v, want a *NoCommonError", err)
	}
	if _, err := n.Rejected(); !errors.As(err, &nce) {
		t.Errorf("Rejected without Client: %v, want a *NoCommonError", err)
	}
	// With Client set, ready to use.
	ready := version.Negotiator{Client: []version.Version{version.V14_1, version.V16_1}}
	d, err := ready.Observe(version.FromOptions, "2.5,12.1,14.0,14.1", now)
	if err != nil || d.Version != version.V14_1 || !d.Changed || d.Resync || ready.Current != version.V14_1 || ready.Due(now) {
		t.Errorf("Observe with Client set = %+v, %v (current %v); want 14.1, changed, no resync, not due", d, err, ready.Current)
	}
}
