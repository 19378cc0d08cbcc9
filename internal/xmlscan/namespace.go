package xmlscan

import (
	"hash/maphash"
	"slices"
)

// The namespace names Namespaces in XML reserves.
const (
	xmlNamespace   = "http://www.w3.org/XML/1998/namespace"
	xmlnsNamespace = "http://www.w3.org/2000/xmlns/"
)

var xmlNamespaceBytes = []byte(xmlNamespace)

// nsBuckets is the number of hash chains over the prefixed bindings in
// scope. Chains are keyed by a per-Scanner random seed, so input cannot
// choose prefixes that collide.
const nsBuckets = 256

// binding is one prefixed namespace declaration in scope, kept small (it is
// the one structure that grows with the number of declarations): offsets
// into the document, or into the arena for namespace names that had to be
// decoded. Documents are limited to maxDocSize so that offsets fit.
type binding struct {
	ps, pe  int32 // prefix: in[ps:pe]
	us, ue  int32 // namespace name: in[us:ue] or arena[us:ue]
	prev    int32 // previous binding in the same chain, or -1
	inArena bool
	bucket  uint8
}

// frame is one open element.
type frame struct {
	qs, qe   int32  // the name as written: in[qs:qe]
	colon    int32  // offset of its colon from qs, or -1
	nsTop    int32  // len(bindings) before the element's declarations
	arenaTop int32  // len(arena) before them
	space    []byte // the element's namespace name
	prevDef  []byte // default namespace outside the element
}

func (s *Scanner) qname(f *frame) []byte { return s.in[f.qs:f.qe:f.qe] }

func (s *Scanner) bucketOf(prefix []byte) uint8 {
	return uint8(maphash.Bytes(s.seed, prefix))
}

// bind declares in[ps:pe] as the prefix of the namespace name at us:ue (in
// the arena when inArena) for the element being opened.
func (s *Scanner) bind(ps, pe, us, ue int, inArena bool) {
	h := s.bucketOf(s.in[ps:pe])
	if len(s.bindings) == cap(s.bindings) {
		s.bindings = slices.Grow(s.bindings, max(16, cap(s.bindings)))
	}
	s.bindings = append(s.bindings, binding{
		ps: int32(ps), pe: int32(pe), us: int32(us), ue: int32(ue),
		prev: s.heads[h], inArena: inArena, bucket: h,
	})
	s.heads[h] = int32(len(s.bindings) - 1)
}

// lookup returns the namespace name bound to prefix (which is not empty).
func (s *Scanner) lookup(prefix []byte) ([]byte, bool) {
	if string(prefix) == "xml" {
		return xmlNamespaceBytes, true
	}
	if len(s.bindings) == 0 {
		return nil, false
	}
	for k := s.heads[s.bucketOf(prefix)]; k >= 0; {
		bd := &s.bindings[k]
		if string(s.in[bd.ps:bd.pe]) == string(prefix) {
			if bd.inArena {
				return s.arena[bd.us:bd.ue:bd.ue], true
			}
			return s.in[bd.us:bd.ue:bd.ue], true
		}
		k = bd.prev
	}
	return nil, false
}

// pushFrame opens a frame for an element, reusing the stack's storage; the
// caller sets every field.
func (s *Scanner) pushFrame() *frame {
	n := len(s.frames)
	if n < cap(s.frames) {
		s.frames = s.frames[:n+1]
	} else {
		s.frames = append(s.frames, frame{})
	}
	return &s.frames[n]
}

// pop closes the innermost element, restoring the namespaces outside it.
func (s *Scanner) pop() {
	f := &s.frames[len(s.frames)-1]
	for k := len(s.bindings) - 1; k >= int(f.nsTop); k-- {
		bd := &s.bindings[k]
		s.heads[bd.bucket] = bd.prev
	}
	s.bindings = s.bindings[:f.nsTop]
	s.arena = s.arena[:f.arenaTop]
	s.defNS = f.prevDef
	s.frames = s.frames[:len(s.frames)-1]
	if len(s.frames) == 0 {
		s.rootDone = true
	}
}

// keepInArena copies a decoded namespace name into the arena, where it
// lives as long as the element being opened, and returns its bounds there.
func (s *Scanner) keepInArena(v []byte) (us, ue int) {
	us = len(s.arena)
	s.arena = append(grow(s.arena, len(v)), v...)
	return us, len(s.arena)
}

// grow returns buf with room for n more bytes. When it must reallocate it
// at least doubles the capacity, so that the bytes allocated while a buffer
// grows stay within twice its final size (append grows large slices by only
// a quarter, which would allocate about five times the final size).
func grow(buf []byte, n int) []byte {
	if n <= cap(buf)-len(buf) {
		return buf
	}
	return slices.Grow(buf, max(n, cap(buf), 64))
}
