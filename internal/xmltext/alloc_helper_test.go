package xmltext

import "testing"

// skipIfNoAllocCheck skips allocation-count tests where instrumentation
// adds allocations: under the race detector and with coverage.
func skipIfNoAllocCheck(t *testing.T) {
	t.Helper()
	if raceEnabled {
		t.Skip("allocation counts are not meaningful under -race")
	}
	if testing.CoverMode() != "" {
		t.Skip("allocation counts are not meaningful with coverage")
	}
}
