package codepages

import (
	"testing"

	"github.com/easkit/easkit/wbxml"
)

// TestLibwbxmlNames checks that every name libwbxml writes reads back to
// its tag, and that TagNameIn gives it for NamesLibwbxml only.
func TestLibwbxmlNames(t *testing.T) {
	renamed := 0
	for page := range uint8(NumPages) {
		for _, tag := range Tags(page) {
			name := tag.LibwbxmlName()
			if got, ok := LookupInPage(page, name); !ok || got != tag {
				t.Errorf("%v: libwbxml name %q looks up to %v, %v", tag, name, got, ok)
			}
			in := ActiveSync.TagNameIn(page, tag.Token(), wbxml.NamesLibwbxml)
			if name != tag.Name() {
				renamed++
				if in != name {
					t.Errorf("%v: TagNameIn = %q, want %q", tag, in, name)
				}
			} else if in != "" {
				t.Errorf("%v: TagNameIn = %q for a tag libwbxml names as we do", tag, in)
			}
			if s := ActiveSync.TagNameIn(page, tag.Token(), wbxml.NamesSpec); s != "" {
				t.Errorf("%v: TagNameIn(NamesSpec) = %q, want \"\"", tag, s)
			}
		}
	}
	if CalendarTimezone.LibwbxmlName() != "TimeZone" || ComposeMailMime.LibwbxmlName() != "MIME" || renamed < 60 {
		t.Errorf("Timezone %q, Mime %q, %d renamed", CalendarTimezone.LibwbxmlName(), ComposeMailMime.LibwbxmlName(), renamed)
	}
}
