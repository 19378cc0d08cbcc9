//go:build race

package codepages_test

const raceEnabled = true
