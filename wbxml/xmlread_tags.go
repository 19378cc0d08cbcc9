package wbxml

import "encoding/binary"

// tagCacheBits sizes the tag cache: 1<<tagCacheBits entries, one per hash
// value, a new name replacing an old one.
const tagCacheBits = 8

// tagArenaMax bounds the bytes of names a tag cache keeps; when a
// document has more distinct names, the cache starts afresh.
const tagArenaMax = 1 << 16

// tagCache remembers, for one conversion, what the vocabulary answered
// for each (namespace, local name) met, so that an element name seen
// before costs one hash and one comparison. It allocates only while its
// arena grows to the longest names a reader has seen, once.
type tagCache struct {
	gen   uint32 // entries of other generations are empty
	arena []byte // the keys: namespace then local name
	slots [1 << tagCacheBits]tagEntry
}

// tagEntry is one cached answer: the tag, its content kind and whether
// the TagValidator accepts it.
type tagEntry struct {
	gen             uint32
	off             uint32 // key at arena[off:], nsLen + localLen bytes
	nsLen, localLen uint16
	page, code      uint8
	kind            ContentKind
	valid           bool
}

// reset empties the cache for a new document.
func (c *tagCache) reset() {
	c.gen++
	if c.gen == 0 {
		// After 2^32 documents: clear the entries that could now match.
		c.slots = [1 << tagCacheBits]tagEntry{}
		c.gen = 1
	}
	c.arena = c.arena[:0]
}

// find returns the entry for (ns, local), or nil, and the slot where the
// name belongs.
func (c *tagCache) find(ns, local []byte) (*tagEntry, *tagEntry) {
	e := &c.slots[tagHash(ns, local)]
	if e.gen == c.gen && int(e.nsLen) == len(ns) && int(e.localLen) == len(local) {
		k := c.arena[e.off : int(e.off)+len(ns)+len(local)]
		if string(k[:len(ns)]) == string(ns) && string(k[len(ns):]) == string(local) {
			return e, e
		}
	}
	return nil, e
}

// store records in slot e the answer for (ns, local), unless the names
// are too long or the arena is full, in which case the cache starts
// afresh first or keeps nothing.
func (c *tagCache) store(e *tagEntry, ns, local []byte, page, code uint8, kind ContentKind, valid bool) {
	if len(ns) > 0xFFFF || len(local) > 0xFFFF {
		return
	}
	if len(c.arena)+len(ns)+len(local) > tagArenaMax {
		c.reset()
	}
	*e = tagEntry{
		gen: c.gen, off: uint32(len(c.arena)), nsLen: uint16(len(ns)), localLen: uint16(len(local)),
		page: page, code: code, kind: kind, valid: valid,
	}
	c.arena = append(c.arena, ns...)
	c.arena = append(c.arena, local...)
}

// tagHash mixes the lengths and up to eight bytes of each name: the
// first and last four.
func tagHash(ns, local []byte) uint {
	h := uint64(len(ns))<<40 ^ uint64(len(local))<<32 ^ fold4(ns)
	h ^= fold4(local) * 0x9E3779B97F4A7C15
	h *= 0xFF51AFD7ED558CCD
	return uint(h >> (64 - tagCacheBits))
}

// fold4 folds the first and last four bytes of b into one word.
func fold4(b []byte) uint64 {
	if len(b) >= 4 {
		return uint64(binary.LittleEndian.Uint32(b)) | uint64(binary.LittleEndian.Uint32(b[len(b)-4:]))<<32
	}
	var w uint64
	for i, c := range b {
		w |= uint64(c) << (8 * i)
	}
	return w
}
