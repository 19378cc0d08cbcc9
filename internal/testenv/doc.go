// Package testenv holds what easkit's tests need to know about the build
// they run in, once for the whole module: whether the race detector is on
// ([RaceEnabled]) and whether allocation counts mean anything
// ([AllocsReliable], [SkipIfAllocsUnreliable]).
//
// Only tests import it.
package testenv
