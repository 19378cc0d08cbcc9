package wbxml_test

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/easkit/easkit/codepages"
)

// node is an element of an XML document as a namespace-aware tree, for
// comparing documents that spell namespaces and tag names differently.
type node struct {
	Name     string // "Page:Name" from codepages, or "{space}local" when unknown
	Attrs    string // attributes other than namespace declarations, sorted
	Text     string // character data with surrounding white space trimmed
	Children []*node
}

func (n *node) String() string {
	var b strings.Builder
	n.write(&b, 0)
	return b.String()
}

func (n *node) write(b *strings.Builder, depth int) {
	fmt.Fprintf(b, "%s%s%s", strings.Repeat("  ", depth), n.Name, n.Attrs)
	if n.Text != "" {
		fmt.Fprintf(b, " %q", n.Text)
	}
	b.WriteString("\n")
	for _, c := range n.Children {
		c.write(b, depth+1)
	}
}

// parseTree reads doc with encoding/xml (the test oracle) into a tree,
// naming elements by their ActiveSync tag so that namespace spellings and
// aliases compare equal.
func parseTree(doc []byte) (*node, error) {
	d := xml.NewDecoder(bytes.NewReader(doc))
	d.Strict = true
	var stack []*node
	var root *node
	var text []*strings.Builder
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			n := &node{Name: "{" + t.Name.Space + "}" + t.Name.Local}
			if tag, ok := codepages.Lookup(t.Name.Space, t.Name.Local); ok {
				n.Name = tag.String()
			}
			var attrs []string
			for _, a := range t.Attr {
				if a.Name.Space == "xmlns" || (a.Name.Space == "" && a.Name.Local == "xmlns") {
					continue
				}
				attrs = append(attrs, fmt.Sprintf(" {%s}%s=%q", a.Name.Space, a.Name.Local, a.Value))
			}
			for i := 1; i < len(attrs); i++ {
				for j := i; j > 0 && attrs[j] < attrs[j-1]; j-- {
					attrs[j], attrs[j-1] = attrs[j-1], attrs[j]
				}
			}
			n.Attrs = strings.Join(attrs, "")
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				p.Children = append(p.Children, n)
			} else {
				root = n
			}
			stack = append(stack, n)
			text = append(text, new(strings.Builder))
		case xml.EndElement:
			n := stack[len(stack)-1]
			n.Text = strings.TrimSpace(text[len(text)-1].String())
			stack = stack[:len(stack)-1]
			text = text[:len(text)-1]
		case xml.CharData:
			if len(text) > 0 {
				text[len(text)-1].Write(t)
			}
		}
	}
	return root, nil
}
