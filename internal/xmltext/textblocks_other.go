//go:build !amd64 || purego

package xmltext

// escapeBlocks is escapeBlocksGo where there is no assembly form.
func escapeBlocks(buf []byte, o int, s []byte, i, end int) (int, int) {
	return escapeBlocksGo(buf, o, s, i, end)
}
