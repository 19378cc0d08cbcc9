package codepages

import "testing"

// TestZeroValues checks the documented zero values: the zero Tag is not a
// tag, the zero Vocabulary is ActiveSync without a version check, and the
// zero NamespaceForm is ColonForm.
func TestZeroValues(t *testing.T) {
	var tag Tag
	if tag.Known() || tag.Name() != "" {
		t.Errorf("zero Tag: known %v, name %q", tag.Known(), tag.Name())
	}
	var v Vocabulary
	if v.TagName(0, 0x05) != "Sync" || v.Version() != 0 || !v.ValidTag(0, 0x05) {
		t.Errorf("zero Vocabulary: %q, version %v", v.TagName(0, 0x05), v.Version())
	}
	if v != ActiveSync {
		t.Error("the zero Vocabulary is not ActiveSync")
	}
	var f NamespaceForm
	if f != ColonForm || Namespace(0, f) != "AirSync:" {
		t.Errorf("zero NamespaceForm: %q", Namespace(0, f))
	}
}
