package xmlscan

import (
	"bytes"
	"hash/maphash"
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

// binding is one prefixed namespace declaration in scope.
type binding struct {
	prefix []byte
	uri    []byte
	prev   int32 // previous binding in the same chain, or -1
	bucket uint8
}

// frame is one open element.
type frame struct {
	qname    []byte // the name as written, to match the end tag
	name     Name
	nsTop    int    // len(bindings) before the element's declarations
	arenaTop int    // len(arena) before them
	prevDef  []byte // default namespace outside the element
}

func (s *Scanner) bucketOf(prefix []byte) uint8 {
	return uint8(maphash.Bytes(s.seed, prefix))
}

// bind declares prefix as uri for the element being opened.
func (s *Scanner) bind(prefix, uri []byte) {
	h := s.bucketOf(prefix)
	s.bindings = append(s.bindings, binding{prefix: prefix, uri: uri, prev: s.heads[h], bucket: h})
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
	for k := s.heads[s.bucketOf(prefix)]; k >= 0; k = s.bindings[k].prev {
		if bytes.Equal(s.bindings[k].prefix, prefix) {
			return s.bindings[k].uri, true
		}
	}
	return nil, false
}

// pop closes the innermost element, restoring the namespaces outside it.
func (s *Scanner) pop() {
	f := &s.frames[len(s.frames)-1]
	for k := len(s.bindings) - 1; k >= f.nsTop; k-- {
		bd := &s.bindings[k]
		s.heads[bd.bucket] = bd.prev
		*bd = binding{}
	}
	s.bindings = s.bindings[:f.nsTop]
	s.arena = s.arena[:f.arenaTop]
	s.defNS = f.prevDef
	s.frames = s.frames[:len(s.frames)-1]
	if len(s.frames) == 0 {
		s.rootDone = true
	}
}

// keep returns v in storage that lives as long as the element being opened:
// the document itself, or the arena when v was decoded into attrBuf.
func (s *Scanner) keep(v []byte, decoded bool) []byte {
	if !decoded {
		return v
	}
	start := len(s.arena)
	s.arena = append(s.arena, v...)
	return s.arena[start:len(s.arena):len(s.arena)]
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
