package xmlscan

// Limits applied when no option changes them.
const (
	// DefaultMaxDepth is the default limit on element nesting.
	DefaultMaxDepth = 256
	// DefaultMaxAttrs is the default limit on attributes per element,
	// namespace declarations included.
	DefaultMaxAttrs = 256
	// DefaultMaxNameLen is the default limit on the length in bytes of a
	// name (element, attribute, prefix included, PI target, entity).
	DefaultMaxNameLen = 1024
)

// Option configures a [Scanner]. Options are values; pass them to
// [NewScanner]. They stay in effect across [Scanner.Reset].
type Option struct {
	kind optionKind
	n    int
}

type optionKind uint8

const (
	optMaxDepth optionKind = iota + 1
	optMaxAttrs
	optMaxNameLen
	optSkipLayout
	optLeaves
)

// WithMaxDepth limits how deeply elements may nest; the root element is at
// depth 1. Deeper input fails with [ErrDepth]. n <= 0 selects
// [DefaultMaxDepth]. The element stack grows with the depth reached, so the
// limit bounds its memory.
func WithMaxDepth(n int) Option { return Option{optMaxDepth, n} }

// WithMaxAttrs limits the number of attributes of one element, namespace
// declarations included. More fail with [ErrAttrLimit]. n <= 0 selects
// [DefaultMaxAttrs]. Duplicate detection is quadratic in this number.
func WithMaxAttrs(n int) Option { return Option{optMaxAttrs, n} }

// WithMaxNameLen limits the length in bytes of names (prefix and colon
// included). Longer names fail with [ErrNameLimit]. n <= 0 selects
// [DefaultMaxNameLen].
func WithMaxNameLen(n int) Option { return Option{optMaxNameLen, n} }

// WithSkipLayout makes the Scanner drop white space that can only be
// layout, without returning a Text token for it: literal space, tab and LF
// (no CR, no reference, no CDATA section, no comment) standing directly
// before a tag, when it follows an end tag or precedes a start tag. White
// space between a start tag and its own end tag (<X> </X>) is still
// reported, and so is all other text. A consumer that drops white space
// between elements gets the same result faster.
func WithSkipLayout(on bool) Option {
	n := 0
	if on {
		n = 1
	}
	return Option{optSkipLayout, n}
}

// WithLeaves makes the Scanner return an element <X>text</X> without
// prefix or attributes (but for a default namespace declaration,
// <X xmlns="ns">), whose text needs no decoding (no reference, CDATA
// section, CR or comment), as one Leaf token instead of a StartElement, a
// Text and an EndElement: the form most elements of a tag-dense document
// have, in a third of the steps. Anything else in a leaf (<X/>,
// <X a="1">, <p:X>, <X>a&amp;b</X>, </X > with a space) comes as the
// three tokens.
func WithLeaves(on bool) Option {
	n := 0
	if on {
		n = 1
	}
	return Option{optLeaves, n}
}

func (s *Scanner) apply(opts []Option) {
	s.maxDepth, s.maxAttrs, s.maxNameLen = DefaultMaxDepth, DefaultMaxAttrs, DefaultMaxNameLen
	s.skipLayout, s.leaves = false, false
	for _, o := range opts {
		n := o.n
		switch o.kind {
		case optMaxDepth:
			if n <= 0 {
				n = DefaultMaxDepth
			}
			s.maxDepth = n
		case optMaxAttrs:
			if n <= 0 {
				n = DefaultMaxAttrs
			}
			s.maxAttrs = n
		case optMaxNameLen:
			if n <= 0 {
				n = DefaultMaxNameLen
			}
			s.maxNameLen = n
		case optSkipLayout:
			s.skipLayout = n != 0
		case optLeaves:
			s.leaves = n != 0
		}
	}
}
