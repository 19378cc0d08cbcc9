//go:build race

package b64uri_test

const raceEnabled = true
