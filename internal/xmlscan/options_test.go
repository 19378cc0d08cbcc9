package xmlscan

import (
	"errors"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"unsafe"

	"github.com/easkit/easkit/internal/testenv"
)

func TestLimits(t *testing.T) {
	nest := func(n int) string {
		return strings.Repeat("<a>", n) + strings.Repeat("</a>", n)
	}
	attrs := func(n int) string {
		var sb strings.Builder
		sb.WriteString("<a")
		for i := range n {
			sb.WriteString(" a" + strconv.Itoa(i) + `="v"`)
		}
		sb.WriteString("/>")
		return sb.String()
	}
	tests := []struct {
		name    string
		in      string
		opts    []Option
		wantErr error
		wantOff int64
	}{
		{"default depth reached", nest(DefaultMaxDepth), nil, nil, 0},
		{"default depth exceeded", nest(DefaultMaxDepth + 1), nil, ErrDepth, 3 * DefaultMaxDepth},
		{"depth 3 reached", `<a><b><c/></b></a>`, []Option{WithMaxDepth(3)}, nil, 0},
		{"depth 3 exceeded", `<a><b><c><d/></c></b></a>`, []Option{WithMaxDepth(3)}, ErrDepth, 9},
		{"depth option zero means default", nest(DefaultMaxDepth + 1), []Option{WithMaxDepth(0)}, ErrDepth, 3 * DefaultMaxDepth},
		{"large depth allowed", nest(1000), []Option{WithMaxDepth(1000)}, nil, 0},
		{"default attributes reached", attrs(DefaultMaxAttrs), nil, nil, 0},
		{"default attributes exceeded", attrs(DefaultMaxAttrs + 1), nil, ErrAttrLimit, 2197},
		{"attributes 2 with declarations", `<a xmlns="u" xmlns:p="v" x="1"/>`, []Option{WithMaxAttrs(2)}, ErrAttrLimit, 25},
		{"attributes option negative means default", attrs(DefaultMaxAttrs), []Option{WithMaxAttrs(-1)}, nil, 0},
		{"name length reached", `<abcd/>`, []Option{WithMaxNameLen(4)}, nil, 0},
		{"name length option zero means default", "<" + strings.Repeat("n", DefaultMaxNameLen) + "/>", []Option{WithMaxNameLen(0)}, nil, 0},
		{"name length exceeded", `<abcde/>`, []Option{WithMaxNameLen(4)}, ErrNameLimit, 1},
		{"prefix counts in name length", `<p:abc xmlns:p="u"/>`, []Option{WithMaxNameLen(4)}, ErrNameLimit, 1},
		{"attribute name length", `<a abcde="1"/>`, []Option{WithMaxNameLen(4)}, ErrNameLimit, 3},
		{"default name length", "<" + strings.Repeat("n", DefaultMaxNameLen+1) + "/>", nil, ErrNameLimit, 1},
		{"options combine, last wins", `<a><b/></a>`, []Option{WithMaxDepth(1), WithMaxDepth(2)}, nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := scanAll([]byte(tt.in), tt.opts...)
			if tt.wantErr == nil {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				return
			}
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("error %v, want %v", err, tt.wantErr)
			}
			if se := syntaxErr(t, err); se.Offset != tt.wantOff {
				t.Errorf("offset %d, want %d (%v)", se.Offset, tt.wantOff, err)
			}
		})
	}
}

// TestMemoryBound scans hostile documents and checks that the Scanner
// allocates no more than a small multiple of the input.
func TestMemoryBound(t *testing.T) {
	testenv.SkipIfAllocsUnreliable(t)
	big := 1 << 20
	docs := map[string]string{
		"decoded text":            "<a>" + strings.Repeat("&amp;", big/5) + "</a>",
		"decoded attribute value": `<a x="` + strings.Repeat("&#x41;", big/6) + `"/>`,
		"decoded namespace names": strings.Repeat(`<a xmlns="&amp;`+strings.Repeat("u", 1000)+`">`, 250) + strings.Repeat("</a>", 250),
		"many prefixes":           nestedPrefixes(250, 200),
		"deep":                    strings.Repeat("<a>", DefaultMaxDepth) + strings.Repeat("</a>", DefaultMaxDepth),
		"wide":                    strings.Repeat("<a/>", big/4),
		"long CDATA and CRs":      "<a><![CDATA[" + strings.Repeat("x\r", big/2) + "]]></a>",
		"truncated":               "<a>" + strings.Repeat("&lt;", big/4),
	}
	for name, doc := range docs {
		t.Run(name, func(t *testing.T) {
			in := []byte(doc)
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			scanAllTokens(NewScanner(in, WithMaxAttrs(1024)))
			runtime.ReadMemStats(&after)
			// Fixed-size structures (the element stack up to the depth
			// limit, one tag's attributes) plus a small multiple of the
			// input: buffers grow by doubling, so their allocations add up
			// to at most four times their final size, and the largest
			// (namespace bindings, 24 bytes for at least 12 bytes of input)
			// is at most twice the input.
			if used := after.TotalAlloc - before.TotalAlloc; used > uint64(8*len(in)+128<<10) {
				t.Errorf("allocated %d bytes for %d bytes of input", used, len(in))
			} else {
				t.Logf("allocated %d bytes for %d bytes of input", used, len(in))
			}
		})
	}
}

// scanAllTokens reads to the end without keeping anything.
func scanAllTokens(s *Scanner) error {
	for {
		if _, err := s.ReadToken(); err != nil {
			return err
		}
	}
}

// nestedPrefixes nests depth elements each declaring width prefixes.
func nestedPrefixes(depth, width int) string {
	var sb strings.Builder
	for d := range depth {
		sb.WriteString("<p0:e")
		for w := range width {
			sb.WriteString(" xmlns:p" + strconv.Itoa(w) + `="u` + strconv.Itoa(d) + `"`)
		}
		sb.WriteString(">")
	}
	for range depth {
		sb.WriteString("</p0:e>")
	}
	return sb.String()
}

// TestTooLarge checks that documents whose offsets do not fit in 32 bits
// are refused before any byte is read. The slice only claims the length:
// nothing reads it.
func TestTooLarge(t *testing.T) {
	if strconv.IntSize < 64 {
		t.Skip("needs 64-bit ints")
	}
	if testenv.RaceEnabled {
		t.Skip("checkptr (on with -race) refuses the oversized slice")
	}
	var b [1]byte
	n := int64(maxDocSize) + 1 // int64: the constant overflows a 32-bit int
	huge := unsafe.Slice(&b[0], n)
	s := NewScanner(huge)
	tok, err := s.ReadToken()
	if tok != nil || !errors.Is(err, ErrTooLarge) {
		t.Fatalf("got %v, %v; want ErrTooLarge", tok, err)
	}
	s.Reset(b[:0])
	if _, err := s.ReadToken(); !errors.Is(err, ErrStructure) {
		t.Fatalf("after Reset: %v, want ErrStructure", err)
	}
}
