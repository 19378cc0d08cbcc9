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

// A FastMarshaler writes itself as a whole message, without reflection:
// Marshal, MarshalAppend and Encoder.Encode call AppendEAS, when the value
// they are given (a non-nil pointer) implements it, in place of the
// reflective walk of its struct, with the Builder ready for the root
// element. AppendEAS writes the root element (Start, its children, End),
// and returns b.Err(). The types of package eas/commands implement it with
// generated code that writes exactly the bytes the reflective Marshal
// writes for the same value.
type FastMarshaler interface {
	AppendEAS(b *Builder) error
}

// A FastUnmarshaler reads itself from a whole message, without
// reflection: Unmarshal and Decoder.Decode call ReadEAS, when the value
// they are given (a non-nil pointer) implements it, in place of the
// reflective walk of its struct, with the root element open in r (see
// Reader). The types of package eas/commands implement it with generated
// code that reads exactly what the reflective Unmarshal reads, and fails
// with the same errors.
type FastUnmarshaler interface {
	ReadEAS(r *Reader) error
}
