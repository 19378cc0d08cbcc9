//go:build !race

package testenv

// RaceEnabled reports whether the binary was built with -race. The race
// detector allocates behind the code it instruments, and it turns on
// checkptr, which refuses some unsafe conversions that are otherwise valid.
const RaceEnabled = false
