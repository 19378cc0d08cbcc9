package wbxml_test

import (
	"bytes"
	"errors"
	"io"
	"testing"

	"github.com/easkit/easkit/internal/corpus"
	"github.com/easkit/easkit/wbxml"
)

// TestCopyElement forwards every child of each corpus message's root
// verbatim with CopyElement (its bytes from the Decoder's offsets, its end
// page from TagPage), writing only the root itself: the output is the
// input, byte for byte.
func TestCopyElement(t *testing.T) {
	for _, m := range corpus.Standard() {
		if m.Name == "SyncEmail10MB" {
			continue
		}
		in := m.Build()
		d := wbxml.NewDecoder(in)
		e := wbxml.NewAppendEncoder(nil)
		for {
			tok, err := d.ReadToken()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			switch {
			case tok.Kind == wbxml.KindStartTag && d.StackDepth() == 2:
				start := tok.Offset
				if err := d.SkipElement(); err != nil {
					t.Fatal(err)
				}
				if err := e.CopyElement(in[start:d.InputOffset()], tok.Page, d.TagPage()); err != nil {
					t.Fatal(err)
				}
			default:
				if err := e.WriteToken(&tok); err != nil {
					t.Fatal(err)
				}
			}
		}
		if !bytes.Equal(e.Bytes(), in) {
			t.Errorf("%s: copied children differ from the input", m.Name)
		}
	}
}

// TestCopyElementSwitchesPages: a copied element on another page than the
// encoder's gets a SWITCH_PAGE before it, and the encoder carries on on
// the page the copy ends on.
func TestCopyElementSwitchesPages(t *testing.T) {
	e := wbxml.NewAppendEncoder(nil)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(e.StartTag(0, 0x05, false))
	// An element on page 17 (token 0x0A, with content) holding an element
	// on page 2 (0x14 without content): the page after it is 2.
	must(e.CopyElement([]byte{0x4A, 0x00, 0x02, 0x14, 0x01}, 17, 2))
	must(e.StartTag(2, 0x15, false))
	must(e.EndTag())
	must(e.StartTag(0, 0x06, false))
	must(e.EndTag())
	must(e.EndTag())
	want := []byte{0x03, 0x01, 0x6A, 0x00, 0x45, 0x00, 0x11, 0x4A, 0x00, 0x02, 0x14, 0x01, 0x15, 0x00, 0x00, 0x06, 0x01}
	if !bytes.Equal(e.Bytes(), want) {
		t.Fatalf("got  % x\nwant % x", e.Bytes(), want)
	}
	if err := e.CopyElement([]byte{0x01}, 0, 0); !errors.Is(err, wbxml.ErrNesting) {
		t.Errorf("copy after the root: %v", err)
	}
	e.ResetAppend(nil)
	if err := e.CopyElement([]byte{0x01}, 0, 0); !errors.Is(err, wbxml.ErrInvalidToken) {
		t.Errorf("copy of an END: %v", err)
	}
}
