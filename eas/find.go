package eas

import "github.com/easkit/easkit/codepages"

// Find returns the first element reached from e by path, a child's tag at
// each step: e.Find(codepages.AirSyncCollections, codepages.AirSyncCollection)
// is the first Collection in the first Collections under e that has one.
// It returns e itself for an empty path and nil when nothing matches; the
// value methods accept that nil.
func (e *Element) Find(path ...codepages.Tag) *Element {
	if e == nil {
		return nil
	}
	if len(path) == 0 {
		return e
	}
	for _, c := range e.children {
		if c.tag == path[0] {
			if f := c.Find(path[1:]...); f != nil {
				return f
			}
		}
	}
	return nil
}

// Child returns e's first child with tag, or nil.
func (e *Element) Child(tag codepages.Tag) *Element {
	if e == nil {
		return nil
	}
	for _, c := range e.children {
		if c.tag == tag {
			return c
		}
	}
	return nil
}

// All returns every element reached from e by path, in document order:
// e.All(codepages.AirSyncCollections, codepages.AirSyncCollection) lists
// the Collection elements of every Collections under e.
func (e *Element) All(path ...codepages.Tag) []*Element {
	return e.appendAll(nil, path)
}

func (e *Element) appendAll(dst []*Element, path []codepages.Tag) []*Element {
	if e == nil {
		return dst
	}
	if len(path) == 0 {
		return append(dst, e)
	}
	for _, c := range e.children {
		if c.tag == path[0] {
			dst = c.appendAll(dst, path[1:])
		}
	}
	return dst
}
