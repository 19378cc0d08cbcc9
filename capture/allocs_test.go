package capture

import (
	"testing"
)

// skipIfAllocsUnreliable skips allocation-count tests where the race
// detector or coverage instrumentation adds allocations.
func skipIfAllocsUnreliable(t *testing.T) {
	t.Helper()
	if raceEnabled || testing.CoverMode() != "" {
		t.Skip("allocation counts are not meaningful under -race or -cover")
	}
}
