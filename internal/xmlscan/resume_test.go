package xmlscan

import (
	"testing"
	"unicode/utf8"
)

// TestPositionFromChains: counting on from every earlier offset gives
// Position's answer, across LF, CR, CR LF, multi-byte characters and a
// byte order mark.
func TestPositionFromChains(t *testing.T) {
	doc := []byte(bom + "<a>\r\nx\ré\n\n<b>ü€</b>\r\r\n</a>")
	for from := 0; from <= len(doc); from++ {
		if (from > 0 && doc[from-1] == '\r' && from < len(doc) && doc[from] == '\n') ||
			(from < len(doc) && !utf8.RuneStart(doc[from])) || (from > 0 && from < len(bom)) {
			continue // inside a CR LF pair or a character
		}
		l0, c0 := Position(doc, int64(from))
		for off := from; off <= len(doc); off++ {
			wl, wc := Position(doc, int64(off))
			if l, c := PositionFrom(doc, int64(from), l0, c0, int64(off)); l != wl || c != wc {
				t.Fatalf("PositionFrom(%d at %d:%d, %d) = %d:%d, want %d:%d", from, l0, c0, off, l, c, wl, wc)
			}
		}
	}
}

// TestSeekReplaysOpenElements: seeking to the start tags of the open
// elements and then past them leaves the scanner as reading straight
// through does.
func TestSeekReplaysOpenElements(t *testing.T) {
	doc := []byte(`<?xml version="1.0"?><a xmlns:p="urn:p"><p:b><c/><d>text</d><e/></p:b></a>`)
	s := NewScanner(doc)
	var at int
	for {
		tok, err := s.ReadToken()
		if err != nil {
			t.Fatal(err)
		}
		if tok.Kind == EndElement && string(tok.Name.Local) == "d" {
			at = int(s.InputOffset())
			break
		}
	}
	want := s.AppendOpenElements(nil)
	r := NewScanner(doc)
	for _, off := range want {
		r.Seek(off)
		if tok, err := r.ReadToken(); err != nil || tok.Kind != StartElement {
			t.Fatalf("at %d: %v %v", off, tok, err)
		}
	}
	r.Seek(at)
	if got := r.AppendOpenElements(nil); len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Fatalf("open elements %v, want %v", got, want)
	}
	for _, w := range []string{"e", "e", "b", "a"} {
		tok, err := r.ReadToken()
		if err != nil || string(tok.Name.Local) != w {
			t.Fatalf("got %v %v, want %s", tok, err, w)
		}
		if w == "b" && string(tok.Name.Space) != "urn:p" {
			t.Fatalf("b in namespace %q, want urn:p", tok.Name.Space)
		}
	}
}
