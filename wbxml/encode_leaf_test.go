package wbxml

import (
	"bytes"
	"testing"
)

// TestXMLLeafSameBytes: xmlLeaf writes what StartTag, xmlString and
// EndTag write, page switches included, and refuses where they would
// take another way.
func TestXMLLeafSameBytes(t *testing.T) {
	long := bytes.Repeat([]byte("text "), 100)
	for _, c := range []struct {
		page, code uint8
		text       []byte
		want       bool // xmlLeaf takes it
	}{
		{0, 0x0B, []byte("1"), true},
		{7, 0x12, []byte("Inbox"), true},
		{7, 0x12, long, true},
		{0, 0x04, []byte("x"), false}, // code out of range
		{0, 0x40, []byte("x"), false}, // code out of range
		{1, 0x05, nil, false},         // no text: no content
	} {
		var fast, slow bytes.Buffer
		for _, leaf := range []bool{true, false} {
			e := NewAppendEncoder(nil)
			if err := e.StartTag(0, 0x05, false); err != nil { // the root
				t.Fatal(err)
			}
			took := leaf && e.xmlLeaf(c.page, c.code, c.text)
			if leaf && took != c.want {
				t.Fatalf("page %d code %#x %q: xmlLeaf took it: %v, want %v", c.page, c.code, c.text, took, c.want)
			}
			if !took {
				if err := e.StartTag(c.page, c.code, false); err == nil {
					if len(c.text) > 0 {
						_ = e.xmlString(c.text)
					}
					_ = e.EndTag()
				} else if c.want {
					t.Fatal(err)
				}
			}
			_ = e.EndTag()
			if leaf {
				fast.Write(e.Bytes())
			} else {
				slow.Write(e.Bytes())
			}
		}
		if c.want && !bytes.Equal(fast.Bytes(), slow.Bytes()) {
			t.Errorf("page %d code %#x: xmlLeaf wrote % x, the three calls % x", c.page, c.code, fast.Bytes(), slow.Bytes())
		}
	}
	// Where the three calls would fail or write elsewhere, it declines.
	e := NewAppendEncoder(nil)
	if e.xmlLeaf(0, 0x05, []byte("x")) {
		t.Error("xmlLeaf wrote the root element")
	}
	e = NewAppendEncoder(nil, WithMaxDepth(1))
	if err := e.StartTag(0, 0x05, false); err != nil {
		t.Fatal(err)
	}
	if e.xmlLeaf(0, 0x06, []byte("x")) {
		t.Error("xmlLeaf went past the depth limit")
	}
}
