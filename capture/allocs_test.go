package capture

import (
	"testing"

	"github.com/easkit/easkit/internal/testenv"
)

// Reading a raw body neither copies it nor allocates in proportion to it:
// the CLI's common case costs a few small allocations whatever the size.
func TestRawNoCopy(t *testing.T) {
	body := make([]byte, 1<<20)
	copy(body, "\x03\x01\x6a\x00\x45\x01")
	r := NewReader(body)
	m, err := r.Next()
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Body) != len(body) || &m.Body[0] != &body[0] {
		t.Error("raw body was copied")
	}
	testenv.SkipIfAllocsUnreliable(t)
	allocs := testing.AllocsPerRun(20, func() {
		r := NewReader(body)
		if _, err := r.Next(); err != nil {
			t.Fatal(err)
		}
	})
	if allocs > 5 {
		t.Errorf("%v allocations to read a raw body, want at most 5", allocs)
	}
}
