package testenv

import (
	"fmt"
	"strings"
	"testing"
)

// TestAllocsUnreliableReasons checks the decision for every build: the
// race detector and coverage each make counts unreliable, with a reason
// that names the cause.
func TestAllocsUnreliableReasons(t *testing.T) {
	for _, tt := range []struct {
		race  bool
		cover string
		want  string // in the reason; "" for reliable
	}{
		{false, "", ""},
		{true, "", "-race"},
		{false, "set", "coverage (-covermode set)"},
		{false, "atomic", "coverage (-covermode atomic)"},
		{true, "atomic", "-race"},
	} {
		got := allocsUnreliable(tt.race, tt.cover)
		if tt.want == "" && got != "" || !strings.Contains(got, tt.want) {
			t.Errorf("allocsUnreliable(%v, %q) = %q, want a reason with %q", tt.race, tt.cover, got, tt.want)
		}
	}
}

// TestAllocsReliableInThisBuild checks AllocsReliable against this
// binary's race and coverage settings.
func TestAllocsReliableInThisBuild(t *testing.T) {
	want := !RaceEnabled && testing.CoverMode() == ""
	if got := AllocsReliable(); got != want {
		t.Errorf("AllocsReliable() = %v with RaceEnabled %v and cover mode %q, want %v",
			got, RaceEnabled, testing.CoverMode(), want)
	}
}

// skipRecorder is a testing.TB that records Skip instead of stopping the
// test.
type skipRecorder struct {
	testing.TB
	skipped bool
	reason  string
}

func (r *skipRecorder) Helper() {}

func (r *skipRecorder) Skip(args ...any) {
	r.skipped = true
	r.reason = fmt.Sprint(args...)
}

// TestSkipIfAllocsUnreliable checks that the helper skips exactly when
// AllocsReliable is false, and says why.
func TestSkipIfAllocsUnreliable(t *testing.T) {
	r := &skipRecorder{TB: t}
	SkipIfAllocsUnreliable(r)
	if r.skipped == AllocsReliable() {
		t.Errorf("skipped = %v, AllocsReliable() = %v: want a skip exactly when unreliable", r.skipped, AllocsReliable())
	}
	if r.skipped && !strings.Contains(r.reason, "allocation counts") {
		t.Errorf("skip reason %q does not say what is unreliable", r.reason)
	}
}

// sink keeps the allocation of TestCountsWhenReliable on the heap.
var sink *[64]byte

// TestCountsWhenReliable checks the premise of the helpers: where they let
// an allocation test run, AllocsPerRun counts one allocation as one and
// none as none.
func TestCountsWhenReliable(t *testing.T) {
	SkipIfAllocsUnreliable(t)
	if n := testing.AllocsPerRun(100, func() { sink = new([64]byte) }); n != 1 {
		t.Errorf("one heap allocation counted as %v", n)
	}
	x := 0
	if n := testing.AllocsPerRun(100, func() { x++ }); n != 0 {
		t.Errorf("no allocation counted as %v", n)
	}
}
