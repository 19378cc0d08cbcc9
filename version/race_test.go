//go:build !race

package version_test

const raceEnabled = false
