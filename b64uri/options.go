package b64uri

// An Option configures a [Decoder]: pass options to [NewDecoder], which
// applies them in order (of two options of the same kind, the later one
// wins). Options are plain values: building and passing them allocates
// nothing. The zero Option changes nothing.
type Option struct {
	kind       optionKind
	strictness Strictness
}

// optionKind says which setting an Option changes; optNone, the zero
// kind, changes none.
type optionKind uint8

const (
	optNone optionKind = iota
	optStrictness
)

// WithStrictness sets what the Decoder accepts: [Strict] (the default) or
// [Lenient]. A Strictness that is neither is a mistake in the program,
// not in its input: WithStrictness panics on it, so that no Decoder ever
// runs with a setting the package does not define.
func WithStrictness(s Strictness) Option {
	if !s.Valid() {
		panic("b64uri: WithStrictness(" + s.String() + "): want Strict or Lenient")
	}
	return Option{kind: optStrictness, strictness: s}
}
