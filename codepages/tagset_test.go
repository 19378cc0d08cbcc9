package codepages_test

import (
	"testing"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/wbxml"
)

// TestTagSetIsTagName: the decoder's bitmap holds exactly the tags that
// TagName names, on every page byte and token.
func TestTagSetIsTagName(t *testing.T) {
	var v wbxml.Vocabulary = codepages.ActiveSync
	ts, ok := v.(wbxml.TagSetter)
	if !ok {
		t.Fatal("codepages.ActiveSync is not a wbxml.TagSetter")
	}
	set, n := ts.TagSet(), 0
	for page := range 256 {
		for code := range 64 {
			named := code >= 5 && v.TagName(uint8(page), uint8(code)) != ""
			if set.Has(uint8(page), uint8(code)) != named {
				t.Errorf("page %d token %#x: in set %v, named %v", page, code, !named, named)
			}
			if named {
				n++
			}
		}
	}
	if n < 600 {
		t.Errorf("only %d tags", n)
	}
}
