package bench_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"testing"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/wbxml"
)

// The baseline of the Unmarshal target: what an ActiveSync library
// with an encoding/xml-style API does. Its WBXML decoder hands out
// encoding/xml tokens (xml.StartElement with the element's xml.Name,
// xml.CharData holding a copy of the text, xml.EndElement), one token
// value per WBXML token as encoding/xml's Decoder.Token does; the message
// is then read into a DOM of those names and texts (the etree/xmlquery
// model: a node per element, its name, attributes, text and children).

// xmlTokenDecoder turns WBXML tokens into encoding/xml tokens.
type xmlTokenDecoder struct {
	d *wbxml.Decoder
}

// Token returns the next encoding/xml token, or io.EOF.
func (x *xmlTokenDecoder) Token() (xml.Token, error) {
	for {
		tok, err := x.d.ReadToken()
		if err != nil {
			return nil, err
		}
		tag := codepages.NewTag(tok.Page, tok.Code)
		switch tok.Kind {
		case wbxml.KindStartTag:
			return xml.StartElement{Name: xml.Name{Space: tag.Namespace(codepages.ColonForm), Local: tag.Name()}}, nil
		case wbxml.KindEndTag:
			return xml.EndElement{Name: xml.Name{Space: tag.Namespace(codepages.ColonForm), Local: tag.Name()}}, nil
		case wbxml.KindString, wbxml.KindOpaque:
			return xml.CharData(append([]byte(nil), tok.Data...)), nil
		}
	}
}

// xmlNode is the DOM the baseline builds.
type xmlNode struct {
	Name     xml.Name
	Attr     []xml.Attr
	Text     string
	Children []*xmlNode
	Parent   *xmlNode
}

// xmlDOM reads a document from the token stream.
func xmlDOM(src interface{ Token() (xml.Token, error) }) (*xmlNode, error) {
	var root, cur *xmlNode
	for {
		tok, err := src.Token()
		if errors.Is(err, io.EOF) {
			return root, nil
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			n := &xmlNode{Name: t.Name, Attr: t.Attr, Parent: cur}
			if cur != nil {
				cur.Children = append(cur.Children, n)
			} else {
				root = n
			}
			cur = n
		case xml.EndElement:
			cur = cur.Parent
		case xml.CharData:
			if cur != nil { // not the layout around the root
				cur.Text += string(t)
			}
		}
	}
}

// BenchmarkEASUnmarshalBaselineXMLTokens reads the messages of
// BenchmarkEASUnmarshal through encoding/xml-style tokens into a DOM.
func BenchmarkEASUnmarshalBaselineXMLTokens(b *testing.B) {
	for _, c := range marshalCases(b) {
		b.Run(c.name, func(b *testing.B) {
			var d wbxml.Decoder
			x := &xmlTokenDecoder{d: &d}
			b.ReportAllocs()
			b.SetBytes(int64(len(c.data)))
			for b.Loop() {
				d.Reset(c.data, vocab...)
				if _, err := xmlDOM(x); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestXMLTokenBaseline: the baseline reads every element of the messages.
func TestXMLTokenBaseline(t *testing.T) {
	for _, c := range marshalCases(t) {
		var d wbxml.Decoder
		d.Reset(c.data, vocab...)
		root, err := xmlDOM(&xmlTokenDecoder{d: &d})
		if err != nil {
			t.Fatal(err)
		}
		if root.Name.Local != c.value.(interface{ rootName() string }).rootName() {
			t.Errorf("%s: root %v", c.name, root.Name)
		}
		x, err := wbxml.AppendXML(nil, c.data, vocab...)
		if err != nil {
			t.Fatal(err)
		}
		viaXML, err := xmlDOM(xml.NewDecoder(bytes.NewReader(x)))
		if err != nil {
			t.Fatal(err)
		}
		if a, b := domSize(root), domSize(viaXML); a != b {
			t.Errorf("%s: %d elements from tokens, %d through encoding/xml", c.name, a, b)
		}
	}
}

// domSize counts the elements of a DOM.
func domSize(n *xmlNode) int {
	k := 1
	for _, c := range n.Children {
		k += domSize(c)
	}
	return k
}

// BenchmarkEASUnmarshalBaselineEncodingXML is the pipeline of a library
// that leaves WBXML to a converter and reads the XML with encoding/xml:
// the WBXML becomes XML text (easkit's own XMLWriter, reused, the
// fastest step of the three), encoding/xml's Decoder.Token reads it, and
// the tokens become the DOM of xmlDOM.
func BenchmarkEASUnmarshalBaselineEncodingXML(b *testing.B) {
	for _, c := range marshalCases(b) {
		b.Run(c.name, func(b *testing.B) {
			w := wbxml.NewXMLWriter(vocab...)
			var buf []byte
			b.ReportAllocs()
			b.SetBytes(int64(len(c.data)))
			for b.Loop() {
				var err error
				if buf, err = w.AppendXML(buf[:0], c.data); err != nil {
					b.Fatal(err)
				}
				if _, err := xmlDOM(xml.NewDecoder(bytes.NewReader(buf))); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
