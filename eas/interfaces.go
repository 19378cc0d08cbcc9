package eas

import "github.com/easkit/easkit/codepages"

// A Marshaler writes itself as one element. Marshal calls MarshalEAS for a
// field whose type (or a pointer to it) implements Marshaler, with the
// field's tag: the method writes the whole element (Start, its content or
// children, End, or one of the value calls), or nothing for an absent one.
// An error it returns, or leaves in b, ends Marshal.
type Marshaler interface {
	MarshalEAS(b *Builder, tag codepages.Tag) error
}

// An Unmarshaler reads itself from an element. Unmarshal calls
// UnmarshalEAS on a pointer to the field with the element's subtree, read
// into a tree; the tree is valid after the call (for Unmarshal it refers
// to the input, which must not be modified while it is used).
type Unmarshaler interface {
	UnmarshalEAS(e *Element) error
}
