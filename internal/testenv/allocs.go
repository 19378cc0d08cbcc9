package testenv

import "testing"

// AllocsReliable reports whether the allocations a test measures (counts
// from testing.AllocsPerRun, bytes from runtime.MemStats) are those of the
// code under test: false under the race detector and with coverage, whose
// instrumentation allocates.
func AllocsReliable() bool { return allocsUnreliable(RaceEnabled, testing.CoverMode()) == "" }

// SkipIfAllocsUnreliable skips t, saying why, when [AllocsReliable] is
// false. Call it before the allocation checks of a test: what comes
// before it runs in every build.
func SkipIfAllocsUnreliable(t testing.TB) {
	t.Helper()
	if why := allocsUnreliable(RaceEnabled, testing.CoverMode()); why != "" {
		t.Skip(why)
	}
}

// allocsUnreliable returns why allocation counts are unreliable in a build
// with the race detector on or off and the given coverage mode ("" for
// none), or "" when they are reliable.
func allocsUnreliable(race bool, coverMode string) string {
	switch {
	case race:
		return "allocation counts are not meaningful under -race"
	case coverMode != "":
		return "allocation counts are not meaningful with coverage (-covermode " + coverMode + ")"
	}
	return ""
}
