//go:build race

package version_test

const raceEnabled = true
