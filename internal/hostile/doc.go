// Package hostile runs easkit's commands on hostile input, to check that
// they stay within bounded memory and say what went wrong on one line,
// whatever the input.
//
// The tests build wbxml2xml, xml2wbxml and easquery once and run each
// under a cap on its address space (prlimit --as, or ulimit -v when
// prlimit is missing; the tests skip when neither is there): on the small
// committed inputs of testdata/hostile (huge declared lengths, captures
// that hold no message) and on generated ones of increasing size (endless
// standard input, deep nesting, many elements, many messages, many
// queries). For every run they check the exit status, that standard error
// is at most one line with no trace of a panic or of the runtime, and that
// the peak resident memory of the command (ru_maxrss) stays under a ceiling
// that does not depend on the size of the input.
//
// The cap is 1 GiB rather than the 512 MiB a C program would get: the Go
// runtime reserves address space when it starts, and fails to start under
// about 650 MiB. Memory is measured, not capped, by the ceiling.
//
// Time is measured by BenchmarkLinear, which converts inputs of two sizes
// so that their throughputs can be compared; tests are not timed.
//
// The package holds tests only.
package hostile
