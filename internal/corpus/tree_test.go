package corpus

import (
	"errors"
	"io"
	"testing"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/wbxml"
)

// node is an element of a decoded message, for tests that check its
// structure.
type node struct {
	tag      codepages.Tag
	text     string // the element's string content
	opaque   []byte // the element's OPAQUE content
	children []*node
}

// parse decodes msg strictly into a tree.
func parse(t *testing.T, msg []byte) *node {
	t.Helper()
	d := wbxml.NewDecoder(msg, wbxml.WithVocabulary(codepages.ActiveSync), wbxml.WithStrict(true))
	root := &node{}
	stack := []*node{root}
	for {
		tok, err := d.ReadToken()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		top := stack[len(stack)-1]
		switch tok.Kind {
		case wbxml.KindStartTag:
			n := &node{tag: codepages.Tag(tok.Tag())}
			top.children = append(top.children, n)
			stack = append(stack, n)
		case wbxml.KindEndTag:
			stack = stack[:len(stack)-1]
		case wbxml.KindString:
			top.text += string(tok.Data)
		case wbxml.KindOpaque:
			top.opaque = append(top.opaque, tok.Data...)
		}
	}
	if len(root.children) != 1 {
		t.Fatalf("%d root elements", len(root.children))
	}
	return root.children[0]
}

// all returns the children of n with tag.
func (n *node) all(tag codepages.Tag) []*node {
	var out []*node
	for _, c := range n.children {
		if c.tag == tag {
			out = append(out, c)
		}
	}
	return out
}

// child returns the first child of n with tag, or an empty node.
func (n *node) child(tag codepages.Tag) *node {
	for _, c := range n.children {
		if c.tag == tag {
			return c
		}
	}
	return &node{}
}

// path follows the first child with each tag in turn.
func (n *node) path(tags ...codepages.Tag) *node {
	for _, tag := range tags {
		n = n.child(tag)
	}
	return n
}
