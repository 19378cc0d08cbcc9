package corpus

import (
	"strings"
	"testing"
)

// TestSamples: the standard messages but the 10 MB one, then the interop
// samples; a directory without samples is an error, not an empty set.
func TestSamples(t *testing.T) {
	ms, err := Samples("../../testdata/interop/wbxml")
	if err != nil {
		t.Fatal(err)
	}
	interop := 0
	for _, m := range ms {
		if m.Name == "SyncEmail10MB" {
			t.Error("the 10 MB message is in the samples")
		}
		if strings.HasSuffix(m.Name, ".wbxml") {
			interop++
			if len(m.Build()) == 0 {
				t.Errorf("%s is empty", m.Name)
			}
		}
	}
	if n := len(ms) - interop; n != len(standard)-1 || interop < 20 {
		t.Errorf("%d corpus and %d interop samples", n, interop)
	}
	if _, err := Samples(t.TempDir()); err == nil {
		t.Error("no error for a directory without samples")
	}
}
