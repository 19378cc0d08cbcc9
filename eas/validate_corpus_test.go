package eas_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/easkit/easkit/eas"
)

// knownProblems lists the samples that break the schema, with the
// problems Validate must report (kind, offset, path) and why. Real traffic
// and the spec's own examples do break it now and then: an element the
// XSD does not have, a value spelled another way, an elided example.
var knownProblems = map[string]struct {
	want   []string // "kind@offset path"
	reason string
}{
	"Provision": {[]string{"not allowed@95 Provision/Policies/Policy/Data/EASProvisionDoc/DocumentBrowseEnabled"},
		"the corpus builder writes every Provision tag, among them DocumentBrowseEnabled (MS-ASWBXML r1.0 only), which no EASProvisionDoc schema has"},
	"gotest-strtbl-bare-root.wbxml": {[]string{"missing@9 FolderSync"},
		"a string-table test: a FolderSync root with nothing inside"},
	"syncroton-sync-req-add-contact.wbxml": {[]string{"bad value@127 Sync/Collections/Collection/Commands/Add/ApplicationData/Contacts:Birthday"},
		"the Syncroton test message sends Birthday as the date 1969-12-31; [MS-ASCNTC] makes it a date-time (1969-12-31T23:00:00.000Z in its examples)"},
	"horde-calendar-appdata-fragment.wbxml": {[]string{"unknown root@4 ApplicationData"},
		"a fragment (ApplicationData alone), not a command message"},
	"horde-provisiondoc-fragment.wbxml": {[]string{"unknown root@6 EASProvisionDoc"},
		"a fragment (EASProvisionDoc alone), not a command message"},
	"mscmd-meetingresponse-req.wbxml": {[]string{"bad value@28 MeetingResponse/Request/InstanceId", "bad value@93 MeetingResponse/Request[2]/InstanceId"},
		"the [MS-ASCMD] example spells InstanceId 20090907T07:00:00.000Z, a compact date with an extended time, which is neither date-time form"},
	"mscmd-meetingresponse-resp.wbxml": {[]string{"not allowed@35 MeetingResponse/Result[2]/Search:LongId"},
		"the [MS-ASCMD] example answers a LongId request with search:LongId in Result, which the 6.x response schema does not have"},
	"mscmd-resolverecipients-resp.wbxml": {[]string{"not allowed@7 ResolveRecipients/Status", "not allowed@12 ResolveRecipients/Response"},
		"the [MS-ASCMD] example elides its second Recipient as the text \"...\", so the response reading has more problems and the request reading is reported"},
}

func problemKeys(err error) []string {
	var ve *eas.ValidationError
	if !errors.As(err, &ve) {
		return nil
	}
	var out []string
	for _, p := range ve.Problems {
		out = append(out, fmt.Sprintf("%s@%d %s", p.Kind, p.Offset, p.Path))
	}
	return out
}

// TestValidateSamples: every corpus and interop message validates, or
// reports exactly the problems knownProblems lists.
func TestValidateSamples(t *testing.T) {
	seen := map[string]bool{}
	for _, s := range samples(t) {
		err := eas.Validate(s.data)
		known, listed := knownProblems[s.name]
		seen[s.name] = listed
		got := problemKeys(err)
		if err != nil && got == nil {
			t.Errorf("%s: Validate returned %T %v", s.name, err, err)
			continue
		}
		if fmt.Sprint(got) != fmt.Sprint(known.want) {
			t.Errorf("%s: problems\n\t%v\nwant\n\t%v\n(%v)", s.name, got, known.want, err)
		}
	}
	for name := range knownProblems {
		if _, ok := seen[name]; !ok {
			t.Errorf("knownProblems lists %s, which is not a sample", name)
		}
	}
}

// TestValidateSamplesStrict: the samples that validate leniently are
// checked under WithStrict too; order problems are logged, not failures,
// since real clients vary sibling order.
func TestValidateSamplesStrict(t *testing.T) {
	n := 0
	for _, s := range samples(t) {
		if _, listed := knownProblems[s.name]; listed {
			continue
		}
		err := eas.Validate(s.data, eas.WithStrict(true))
		var ve *eas.ValidationError
		if errors.As(err, &ve) {
			for _, p := range ve.Problems {
				if p.Kind != eas.ProblemOrder {
					t.Errorf("%s: strict mode found a problem that is not about order: %v", s.name, p)
				}
			}
			n++
			t.Logf("%s: %v", s.name, err)
		}
	}
	t.Logf("%d samples out of sequence order", n)
}
