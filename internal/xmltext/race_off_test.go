//go:build !race

package xmltext

const raceEnabled = false
