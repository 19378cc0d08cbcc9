package codepages

import (
	"strings"
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

// TestSynCEForm checks libwbxml's -l AIRSYNC namespaces: every page has
// one, it resolves to the page, and it comes with the AirSync DOCTYPE.
func TestSynCEForm(t *testing.T) {
	for page := range uint8(NumPages) {
		ns := Namespace(page, SynCEForm)
		if got, ok := PageOf(ns); !ok || got != page || !strings.HasPrefix(ns, "http://synce.org/formats/airsync_wm5/") {
			t.Errorf("page %d: SynCE namespace %q resolves to %d, %v", page, ns, got, ok)
		}
	}
	if got := Namespace(6, SynCEForm); got != "http://synce.org/formats/airsync_wm5/itemestimate" {
		t.Errorf("GetItemEstimate: %q", got)
	}
	if ActiveSync.DocTypeIn(SynCEForm) != SynCEDocType || ActiveSync.DocTypeIn(ColonForm) != DocType || ActiveSync.DocTypeIn(SchemaForm) != DocType {
		t.Error("DocTypeIn does not pair SynCEForm with SynCEDocType and the others with DocType")
	}
}
