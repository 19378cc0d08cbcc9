package wbxml

import "encoding/binary"

// tagCacheBits sizes the tag cache: 1<<tagCacheBits entries, one per hash
// value, a new name replacing an old one.
const tagCacheBits = 8

// tagArenaMax bounds the bytes of names a tag cache keeps; when a
// document has more distinct names, the cache starts afresh.
const tagArenaMax = 1 << 16

// tagCache remembers, for the life of an XMLReader (whose vocabulary does
// not change), what the vocabulary answered for each (namespace, local
// name) met, so that an element name seen
// before costs one hash and a few word comparisons. Names of up to 16
// bytes are compared as words (their length and first and last eight
// bytes determine them); longer ones also against a copy in the arena.
// The cache allocates only while its arena grows to the longest names a
// reader has seen, once.
type tagCache struct {
	gen   uint32 // entries of other generations are empty
	arena []byte // the keys longer than 16 bytes: namespace then local name
	slots [1 << tagCacheBits]tagEntry
}

// tagKey is a name pair as words: each name's length and its first and
// last eight bytes (see nameWords).
type tagKey struct {
	ns0, ns1, local0, local1 uint64
	nsLen, localLen          uint32
}

// tagEntry is one cached answer: the tag, its content kind and whether
// the TagValidator accepts it.
type tagEntry struct {
	key        tagKey
	gen        uint32
	off        uint32 // for long names: the key at arena[off:]
	page, code uint8
	kind       ContentKind
	valid      bool
}

// nameWords returns words that, with len(b), determine b when it has at
// most 16 bytes: its first and last eight bytes, or fewer folded into the
// first word.
func nameWords(b []byte) (uint64, uint64) {
	n := len(b)
	switch {
	case n >= 8:
		return binary.LittleEndian.Uint64(b), binary.LittleEndian.Uint64(b[n-8:])
	case n >= 4:
		return uint64(binary.LittleEndian.Uint32(b)) | uint64(binary.LittleEndian.Uint32(b[n-4:]))<<32, 0
	}
	var w uint64
	for i, c := range b {
		w |= uint64(c) << (8 * i)
	}
	return w, 0
}

// set makes k the key of (ns, local).
func (k *tagKey) set(ns, local []byte) {
	k.ns0, k.ns1 = nameWords(ns)
	k.local0, k.local1 = nameWords(local)
	k.nsLen, k.localLen = uint32(len(ns)), uint32(len(local))
}

// hash mixes the key's words into a slot index.
func (k *tagKey) hash() uint {
	h := k.ns0 ^ k.ns1*0x9E3779B97F4A7C15 ^ (k.local0^uint64(k.localLen)<<56)*0xC2B2AE3D27D4EB4F ^ k.local1*0x165667B19E3779F9 ^ uint64(k.nsLen)
	h ^= h >> 29
	h *= 0xFF51AFD7ED558CCD
	return uint(h >> (64 - tagCacheBits))
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

// same reports whether k and o are the same key, word by word: the
// compiler makes == on the struct a call of memequal.
func (k *tagKey) same(o *tagKey) bool {
	return k.local0 == o.local0 && k.local1 == o.local1 && k.ns0 == o.ns0 && k.ns1 == o.ns1 &&
		k.localLen == o.localLen && k.nsLen == o.nsLen
}

// long reports whether a key needs the arena to be compared.
func (k *tagKey) long() bool { return k.nsLen > 16 || k.localLen > 16 }

// find returns the slot where the name with key k belongs, and whether
// it holds that name's entry.
func (c *tagCache) find(k *tagKey, ns, local []byte) (*tagEntry, bool) {
	e := &c.slots[k.hash()]
	if e.gen != c.gen || !e.key.same(k) {
		return e, false
	}
	if !k.long() {
		return e, true
	}
	key := c.arena[e.off : int(e.off)+len(ns)+len(local)]
	return e, string(key[:len(ns)]) == string(ns) && string(key[len(ns):]) == string(local)
}

// store records in slot e the answer for (ns, local), whose key is k.
// Names too long for the arena are not kept; when the arena is full the
// cache starts afresh.
func (c *tagCache) store(e *tagEntry, k *tagKey, ns, local []byte, page, code uint8, kind ContentKind, valid bool) {
	off := 0
	if k.long() {
		if len(ns)+len(local) > tagArenaMax {
			return
		}
		if len(c.arena)+len(ns)+len(local) > tagArenaMax {
			c.reset()
		}
		if cap(c.arena) < tagArenaMax {
			// Made once at its full size: the cache lives from document
			// to document, and a name evicted and met again takes arena
			// room again, until the cache starts afresh.
			c.arena = append(make([]byte, 0, tagArenaMax), c.arena...)
		}
		off = len(c.arena)
		c.arena = append(c.arena, ns...)
		c.arena = append(c.arena, local...)
	}
	*e = tagEntry{key: *k, gen: c.gen, off: uint32(off), page: page, code: code, kind: kind, valid: valid}
}
