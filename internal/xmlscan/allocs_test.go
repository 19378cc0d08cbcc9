package xmlscan

import "testing"

// skipAllocs skips allocation tests where instrumentation allocates: under
// the race detector and with coverage.
func skipAllocs(t *testing.T) {
	t.Helper()
	if raceEnabled {
		t.Skip("allocation counts are not meaningful under the race detector")
	}
	if testing.CoverMode() != "" {
		t.Skip("allocation counts are not meaningful with coverage")
	}
}
