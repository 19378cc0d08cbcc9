package codepages

import (
	"sync"

	"github.com/easkit/easkit/wbxml"
)

// tagSet holds every tag the vocabulary defines, built on first use.
var tagSet = sync.OnceValue(func() *wbxml.TagSet {
	s := new(wbxml.TagSet)
	for p := range uint8(NumPages) {
		for _, t := range Tags(p) {
			s.Add(t.Page(), t.Token())
		}
	}
	return s
})

// TagSet implements wbxml.TagSetter: the tags Tag.Known reports, current
// and historic, as one bitmap for the decoder's per-tag check.
func (Vocabulary) TagSet() *wbxml.TagSet { return tagSet() }
