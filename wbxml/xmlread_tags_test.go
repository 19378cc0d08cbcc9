package wbxml

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// cached is what a tagCache answers for one name.
type cached struct {
	Found      bool
	Page, Code uint8
	Kind       ContentKind
	Valid      bool
}

// findName looks (ns, local) up in c, returning its slot, key and whether
// it hit.
func findName(c *tagCache, ns, local []byte) (*tagEntry, *tagKey, bool) {
	k := new(tagKey)
	k.set(ns, local)
	e, ok := c.find(k, ns, local)
	return e, k, ok
}

func lookupCached(c *tagCache, ns, local string) cached {
	e, _, ok := findName(c, []byte(ns), []byte(local))
	if !ok {
		return cached{}
	}
	return cached{true, e.page, e.code, e.kind, e.valid}
}

// TestTagCache stores many names, enough to collide, and checks that
// every hit returns what was stored for exactly that name.
func TestTagCache(t *testing.T) {
	var c tagCache
	c.reset()
	want := map[[2]string]cached{}
	for i := range 2000 {
		ns := []string{"AirSync:", "Email:", "AirSyncBase:", "urn:x", ""}[i%5]
		local := fmt.Sprintf("Name%d", i/5)
		if i%7 == 0 {
			local = strings.Repeat("L", i%40+1)
		}
		v := cached{true, uint8(i % 26), uint8(5 + i%59), ContentKind(i % 3), i%2 == 0}
		slot, key, _ := findName(&c, []byte(ns), []byte(local))
		c.store(slot, key, []byte(ns), []byte(local), v.Page, v.Code, v.Kind, v.Valid)
		want[[2]string{ns, local}] = v
		if got := lookupCached(&c, ns, local); got != v {
			t.Fatalf("just stored {%s}%s: (-want +got)\n%s", ns, local, cmp.Diff(v, got))
		}
	}
	hits := 0
	for k, v := range want {
		got := lookupCached(&c, k[0], k[1])
		if !got.Found {
			continue // replaced by a later name with the same hash
		}
		hits++
		if got != v {
			t.Fatalf("{%s}%s: (-want +got)\n%s", k[0], k[1], cmp.Diff(v, got))
		}
	}
	if hits == 0 {
		t.Fatal("no name stayed in the cache")
	}
	// A new document starts empty.
	c.reset()
	for k := range want {
		if got := lookupCached(&c, k[0], k[1]); got.Found {
			t.Fatalf("{%s}%s found after reset", k[0], k[1])
		}
	}
}

// TestTagCacheLimits checks the arena bound and names too long to keep.
func TestTagCacheLimits(t *testing.T) {
	var c tagCache
	c.reset()
	long := strings.Repeat("n", tagArenaMax)
	slot, key, _ := findName(&c, []byte("ns"), []byte(long))
	c.store(slot, key, []byte("ns"), []byte(long), 1, 5, ContentText, true)
	if got := lookupCached(&c, "ns", long); got.Found {
		t.Error("a name longer than the arena was cached")
	}
	for i := range 10000 {
		local := fmt.Sprintf("%040d", i)
		slot, key, _ := findName(&c, []byte("urn:example"), []byte(local))
		c.store(slot, key, []byte("urn:example"), []byte(local), 2, 6, ContentText, true)
		if len(c.arena) > tagArenaMax {
			t.Fatalf("arena grew to %d bytes, limit %d", len(c.arena), tagArenaMax)
		}
		if got := lookupCached(&c, "urn:example", local); !got.Found {
			t.Fatalf("%s not found just after storing it", local)
		}
	}
	// The generation wraps around without reviving old entries.
	c.gen = ^uint32(0)
	c.reset()
	if c.gen == 0 {
		t.Fatal("generation 0 is the empty entries' generation")
	}
	for i := range 10 {
		local := fmt.Sprintf("%040d", 9999-i)
		if got := lookupCached(&c, "urn:example", local); got.Found {
			t.Fatalf("%s found after the generation wrapped", local)
		}
	}
}

// TestTagCacheExactNames checks that a name differing from a cached one
// in any single byte, or in length, never hits, for names of every length
// around the word sizes the keys use.
func TestTagCacheExactNames(t *testing.T) {
	var c tagCache
	c.reset()
	for n := range 21 {
		for _, inNS := range []bool{false, true} {
			base := []byte(strings.Repeat("abcdefghijklmnopqrstu", 2)[:n])
			ns, local := []byte("Email:"), base
			if inNS {
				ns, local = base, []byte("Subject")
			}
			slot, key, _ := findName(&c, ns, local)
			c.store(slot, key, ns, local, 2, 0x14, ContentText, true)
			if _, _, ok := findName(&c, ns, local); !ok {
				t.Fatalf("%q/%q not found after storing it", ns, local)
			}
			for p := range n {
				mutant := append([]byte(nil), base...)
				mutant[p] ^= 0x20
				mns, mlocal := ns, mutant
				if inNS {
					mns, mlocal = mutant, local
				}
				if _, _, ok := findName(&c, mns, mlocal); ok {
					t.Fatalf("%q/%q found the entry of %q/%q", mns, mlocal, ns, local)
				}
			}
			longer := append(append([]byte(nil), base...), 'x')
			if _, _, ok := findName(&c, longer, local); ok && inNS {
				t.Fatalf("%q/%q found the entry of %q/%q", longer, local, ns, local)
			}
		}
	}
}
