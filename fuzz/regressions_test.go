package fuzz

import (
	"bytes"
	"testing"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/wbxml"
)

// Bugs that the targets of this package found in other packages, each with
// a test here that failed until the bug was fixed (commit d131b6a) and now
// guards against its return; their inputs are seeds of the target that
// found them. While they were open the targets skipped the inputs that hit
// them, so that fuzzing went on finding others; they skip nothing now.

// unknownRootWithPrefixes is the smallest input found for the bug below:
// an ActiveSync document whose root is a tag the vocabulary does not
// define (Ping page, token 0x18) holding a Ping Class element.
var unknownRootWithPrefixes = []byte{
	0x03, 0x01, 0x6A, 0x00, // WBXML 1.3, public id 1, UTF-8, no string table
	0x00, 0x0D, // SWITCH_PAGE 13 (Ping)
	0x58,                  // unknown token 0x18, with content
	0x4C, 0x03, '0', 0x00, // Class, STR_I "0"
	0x01, // END Class
	0x01, // END
}

// TestWriterPrefixesUnknownRoot: with WithPrefixes(true), when the root
// element was not in the vocabulary (an <easkit:unknown> placeholder), the
// writer declared no namespace prefixes on it, and wrote the end tag of a
// prefixed child without its prefix:
//
//	<easkit:unknown xmlns:easkit="…" page="13" token="0x18">
//	  <ping:Class>0</Class>
//	</easkit:unknown>
//
// which is not well-formed XML (undeclared prefix, mismatched end tag), so
// XMLReader rejected what XMLWriter wrote. Found by FuzzWBXMLRoundTrip.
func TestWriterPrefixesUnknownRoot(t *testing.T) {
	doc, err := wbxml.AppendXML(nil, unknownRootWithPrefixes,
		wbxml.WithVocabulary(codepages.ActiveSync), wbxml.WithPrefixes(true))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := stdEvents(doc); err != nil {
		t.Errorf("XMLWriter with prefixes wrote malformed XML for an unknown root (encoding/xml: %v):\n%s", err, doc)
	}
	if _, err := wbxml.AppendWBXML(nil, doc, wbxml.WithVocabulary(codepages.ActiveSync)); err != nil {
		t.Errorf("XMLReader rejects what XMLWriter wrote: %v\n%s", err, doc)
	}
}

// emptyStringBeforeChild is canonical WBXML whose root holds an empty
// inline string and then a child element (FilterType is any AirSync tag).
var emptyStringBeforeChild = []byte{
	0x03, 0x01, 0x6A, 0x00, // canonical header
	0x58,       // FilterType, with content
	0x03, 0x00, // STR_I ""
	0x58,       // FilterType, with content
	0x03, 0x00, // STR_I ""
	0x01, // END
	0x01, // END
}

// TestWriterEmptyStringBeforeChild: an empty inline string between child
// elements (mixed content) was dropped by XMLWriter, so canonical WBXML
// did not come back byte for byte through XML, as docs/design.md promises:
// 03 01 6A 00 58 03 00 58 03 00 01 01 came back as 03 01 6A 00 58 58 03
// 00 01 01. It is now written as <easkit:str></easkit:str>. Found by
// FuzzWBXMLRoundTrip.
func TestWriterEmptyStringBeforeChild(t *testing.T) {
	opts := []wbxml.Option{wbxml.WithVocabulary(codepages.ActiveSync)}
	doc, err := wbxml.AppendXML(nil, emptyStringBeforeChild, opts...)
	if err != nil {
		t.Fatal(err)
	}
	back, err := wbxml.AppendWBXML(nil, doc, opts...)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(back, emptyStringBeforeChild) {
		t.Errorf("canonical WBXML changed through XML:\n in % X\nout % X\n%s", emptyStringBeforeChild, back, doc)
	}
}
