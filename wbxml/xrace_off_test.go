//go:build !race

package wbxml_test

const raceOn = false
