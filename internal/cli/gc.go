package cli

import "runtime/debug"

// TuneGC sets the garbage collector for a command that converts one input
// of inputSize bytes and exits: collection starts only when the heap nears
// 8 times the input plus 64 MiB, instead of at every doubling from 4 MiB.
//
// A conversion allocates its input and output buffers and almost nothing
// else (the wbxml conversions allocate nothing per token), so for a lone
// body the collector never runs; for a capture whose messages are
// decompressed it still runs before memory grows past the limit. On the
// Sync response of bench/cli.sh (1.6 MB of WBXML, 2.1 MB of XML) this
// saved about 1 ms of 12 converting to XML and 6 ms of 18 converting back.
func TuneGC(inputSize int) {
	debug.SetMemoryLimit(8*int64(inputSize) + 64<<20)
	debug.SetGCPercent(-1)
}
