package corpus

import (
	"strconv"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/wbxml"
)

// builder writes a message with a wbxml.Encoder. Corpus code is fixed and
// deterministic, so an encoder error is a bug in this package: it panics.
type builder struct {
	e *wbxml.Encoder
}

func newBuilder(sizeHint int) *builder {
	return &builder{e: wbxml.NewAppendEncoder(make([]byte, 0, sizeHint+sizeHint/8))}
}

func (b *builder) check(err error) {
	if err != nil {
		panic("corpus: " + err.Error())
	}
}

// size returns the bytes written so far.
func (b *builder) size() int { return int(b.e.OutputOffset()) }

// start opens element t.
func (b *builder) start(t codepages.Tag) { b.check(b.e.StartTag(t.Page(), t.Token(), false)) }

// end closes the innermost element.
func (b *builder) end() { b.check(b.e.EndTag()) }

// empty writes element t with no content.
func (b *builder) empty(t codepages.Tag) {
	b.start(t)
	b.end()
}

// text writes element t holding the inline string s.
func (b *builder) text(t codepages.Tag, s string) {
	b.start(t)
	b.check(b.e.String([]byte(s)))
	b.end()
}

// int writes element t holding the decimal n.
func (b *builder) int(t codepages.Tag, n int) { b.text(t, strconv.Itoa(n)) }

// opaque writes element t holding OPAQUE p.
func (b *builder) opaque(t codepages.Tag, p []byte) {
	b.start(t)
	b.check(b.e.Opaque(p))
	b.end()
}

// bytes returns the finished message.
func (b *builder) bytes() []byte {
	if b.e.StackDepth() != 0 {
		panic("corpus: message has open elements")
	}
	return b.e.Bytes()
}
