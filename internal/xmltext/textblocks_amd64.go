//go:build amd64 && !purego

package xmltext

// escapeBlocks is the SSE2 form of escapeBlocksGo.
//
//go:noescape
func escapeBlocks(buf []byte, o int, s []byte, i, end int) (int, int)
