package testenv

import (
	"runtime/debug"
	"testing"
)

// TestRaceEnabledMatchesBuild checks the build-tagged constant against
// what the go command recorded in the binary: the "-race" build setting.
func TestRaceEnabledMatchesBuild(t *testing.T) {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		t.Skip("the binary carries no build information")
	}
	built := false
	for _, s := range info.Settings {
		if s.Key == "-race" {
			built = s.Value == "true"
		}
	}
	if RaceEnabled != built {
		t.Errorf("RaceEnabled = %v, but the binary was built with -race=%v", RaceEnabled, built)
	}
}
