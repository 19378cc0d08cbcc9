package eas

import "fmt"

// SetLeaves turns the reading of leaf elements in one step (Parse,
// Unmarshal, Validate) on or off and returns a func that restores the
// setting.
func SetLeaves(on bool) (restore func()) {
	old := readLeaves
	readLeaves = on
	return func() { readLeaves = old }
}

// TreeDiff describes the first difference between the trees a and b, in
// every field a parsed element has (its parent by position); "" when
// there is none.
func TreeDiff(a, b *Element) string {
	if (a == nil) != (b == nil) {
		return fmt.Sprintf("one tree is nil: %v %v", a == nil, b == nil)
	}
	if a == nil {
		return ""
	}
	switch {
	case a.tag != b.tag, a.kind != b.kind, a.endPage != b.endPage, a.offset != b.offset:
		return fmt.Sprintf("element at %d: tag %v/%v kind %d/%d endPage %d/%d offset %d/%d", a.offset, a.tag, b.tag, a.kind, b.kind, a.endPage, b.endPage, a.offset, b.offset)
	case string(a.value) != string(b.value), (a.value == nil) != (b.value == nil):
		return fmt.Sprintf("element at %d: value %q/%q", a.offset, a.value, b.value)
	case string(a.raw) != string(b.raw), (a.raw == nil) != (b.raw == nil), cap(a.raw) != cap(b.raw):
		return fmt.Sprintf("element at %d: raw % x/% x (cap %d/%d)", a.offset, a.raw, b.raw, cap(a.raw), cap(b.raw))
	case len(a.children) != len(b.children):
		return fmt.Sprintf("element at %d: %d/%d children", a.offset, len(a.children), len(b.children))
	case (a.parent == nil) != (b.parent == nil), a.parent != nil && a.parent.offset != b.parent.offset:
		return fmt.Sprintf("element at %d: different parents", a.offset)
	}
	for i := range a.children {
		if d := TreeDiff(a.children[i], b.children[i]); d != "" {
			return d
		}
	}
	return ""
}
