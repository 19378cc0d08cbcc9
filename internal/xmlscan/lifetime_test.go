package xmlscan

import (
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestSliceLifetimes checks the documented guarantees beyond "valid until
// the next call" that a converter relies on: an element's Name stays valid
// while the element is open, through the call that returns its EndElement;
// a Text token's Text stays valid through the following call; Attrs stay
// valid until the next StartElement.
func TestSliceLifetimes(t *testing.T) {
	// Decoded namespace names (in the arena), decoded text and attribute
	// values (in the buffers), and enough of them to make buffers grow.
	var sb strings.Builder
	sb.WriteString(`<r xmlns="urn:r&amp;1" xmlns:p="urn:p&#x26;2">`)
	for i := range 200 {
		sb.WriteString(`<p:e xmlns="urn:d&amp;` + strings.Repeat("x", i) + `" a="v&amp;` + strings.Repeat("y", i) + `">`)
		sb.WriteString(`<c xmlns:q="urn:q&amp;3"><q:f/>t&amp;` + strings.Repeat("z", i) + `</c>`)
		sb.WriteString(`</p:e>`)
	}
	sb.WriteString(`</r>`)
	doc := []byte(sb.String())

	s := NewScanner(doc)
	type open struct {
		name Name   // as returned
		want string // copied at once
	}
	var stack []open
	var pendingText []byte
	var pendingWant string
	var attrs []Attr
	var attrsWant string
	for {
		tok, err := s.ReadToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if pendingText != nil {
			if string(pendingText) != pendingWant {
				t.Fatalf("text changed to %q, was %q", pendingText, pendingWant)
			}
			pendingText = nil
		}
		for _, o := range stack {
			if got := render(Token{Kind: StartElement, Name: o.name}); got != o.want {
				t.Fatalf("open element's name changed to %s, was %s", got, o.want)
			}
		}
		if attrs != nil && tok.Kind != StartElement {
			if got := render(Token{Kind: StartElement, Attrs: attrs}); got != attrsWant {
				t.Fatalf("attributes changed to %s, were %s", got, attrsWant)
			}
		}
		switch tok.Kind {
		case StartElement:
			stack = append(stack, open{tok.Name, render(Token{Kind: StartElement, Name: tok.Name})})
			attrs, attrsWant = tok.Attrs, render(Token{Kind: StartElement, Attrs: tok.Attrs})
		case EndElement:
			top := stack[len(stack)-1]
			if diff := cmp.Diff(top.want, render(Token{Kind: StartElement, Name: tok.Name})); diff != "" {
				t.Fatalf("end element name (-start +end):\n%s", diff)
			}
			stack = stack[:len(stack)-1]
		case Text:
			pendingText, pendingWant = tok.Text, string(tok.Text)
		}
	}
}
