package eas

// A slab hands out runs of T from chunks it keeps, so that a tree of many
// elements costs a few allocations, and a Parser that is reused costs none
// once its chunks are big enough. Chunks double from the hint (16 items
// at least) up to 4096;
// a run longer than that gets a chunk of its own.
type slab[T any] struct {
	chunks [][]T
	ci     int // the chunk being used
	n      int // items used in chunks[ci]
	hint   int // the size of the first chunk, when there is none yet
}

// reset makes every chunk free again; what it handed out is overwritten
// by later calls.
func (s *slab[T]) reset() { s.ci, s.n = 0, 0 }

// alloc returns k zeroed items, with capacity k.
func (s *slab[T]) alloc(k int) []T {
	for s.ci < len(s.chunks) {
		c := s.chunks[s.ci]
		if s.n+k <= len(c) {
			r := c[s.n : s.n+k : s.n+k]
			s.n += k
			clear(r)
			return r
		}
		s.ci, s.n = s.ci+1, 0
	}
	size := min(max(s.hint, 16), 4096)
	if last := len(s.chunks); last > 0 {
		size = min(2*len(s.chunks[last-1]), 4096)
	}
	size = max(size, k)
	s.chunks = append(s.chunks, make([]T, size))
	s.ci, s.n = len(s.chunks)-1, k
	return s.chunks[s.ci][:k:k]
}
