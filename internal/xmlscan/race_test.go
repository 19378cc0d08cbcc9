//go:build race

package xmlscan

const raceEnabled = true
