package version_test

import "testing"

// allocsUnreliable reports whether allocation counts mean nothing in this
// run: coverage counters and the race detector add allocations.
func allocsUnreliable() bool { return testing.CoverMode() != "" || raceEnabled }

// skipAllocs skips an allocation test when the counts are unreliable.
func skipAllocs(t *testing.T) {
	t.Helper()
	if allocsUnreliable() {
		t.Skip("allocation counts differ under coverage and the race detector")
	}
}
