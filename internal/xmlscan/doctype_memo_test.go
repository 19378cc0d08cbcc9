package xmlscan

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestDoctypeMemo: a Scanner reused across documents, which remembers the
// last DOCTYPE declaration, reads each document as a new Scanner does:
// the same declaration again, others that share its start, and broken
// ones.
func TestDoctypeMemo(t *testing.T) {
	docs := []string{
		`<!DOCTYPE ActiveSync PUBLIC "-//MICROSOFT//DTD ActiveSync//EN" "http://www.microsoft.com/"><a/>`,
		`<!DOCTYPE ActiveSync PUBLIC "-//MICROSOFT//DTD ActiveSync//EN" "http://www.microsoft.com/"><a>x</a>`,
		`<!DOCTYPE ActiveSync PUBLIC "-//MICROSOFT//DTD ActiveSync//EN" "http://www.microsoft.com/"`,
		`<!DOCTYPE ActiveSync PUBLIC "-//MICROSOFT//DTD ActiveSync//EN" "http://www.microsoft.com/">`,
		`<!DOCTYPE ActiveSync PUBLIC "-//MICROSOFT//DTD ActiveSync//EN" "http://www.microsoft.com/"><!DOCTYPE b><a/>`,
		`<!DOCTYPE a><a/>`,
		`<!DOCTYPE a [<!ENTITY e "x">]><a/>`,
		`<!DOCTYPE a><a/>`,
		`<!DOCTYPE a [<!ENTITY e "x">]><a/>`,
		`<!DOCTYPE a [<!ENTITY e "x>`,
		`<a/><!DOCTYPE a>`,
		`<!DOCTYPE a ><a/>`,
	}
	s := NewScanner(nil)
	for round := range 2 {
		for i, d := range docs {
			want := leafTraceOf(NewScanner([]byte(d)), len(d))
			s.Reset([]byte(d))
			if diff := cmp.Diff(want, leafTraceOf(s, len(d))); diff != "" {
				t.Errorf("round %d, document %d %q (-new scanner +reused):\n%s", round, i, d, diff)
			}
		}
	}
}

// leafTraceOf reads s to its end and returns its tokens with offsets and
// the error that ended it.
func leafTraceOf(s *Scanner, n int) []string {
	var out []string
	for range 2*n + 8 {
		tok, err := s.ReadToken()
		if err != nil {
			return append(out, fmt.Sprintf("end: %v at %d", err, s.InputOffset()))
		}
		out = append(out, fmt.Sprintf("%s @%d", render(*tok), tok.Offset))
	}
	return append(out, "no end")
}
