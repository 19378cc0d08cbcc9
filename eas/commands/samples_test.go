package commands_test

import (
	"sort"
	"strings"
	"testing"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/eas"
	"github.com/easkit/easkit/eas/commands"
	"github.com/easkit/easkit/internal/corpus"
	"github.com/easkit/easkit/wbxml"
)

// notRoundTripped lists the samples whose XML changes through the
// generated types (or that have none), and why. Every other sample
// unmarshals into the type of its root and marshals back to the same XML.
var notRoundTripped = map[string]string{
	// Not command messages, or broken ones: no type takes them.
	"gotest-strtbl-bare-root.wbxml":         "a string-table test: a bare FolderSync root, without the required SyncKey (request) or Status (response)",
	"horde-calendar-appdata-fragment.wbxml": "a fragment (ApplicationData alone): no message has that root",
	"horde-provisiondoc-fragment.wbxml":     "a fragment (EASProvisionDoc alone): no message has that root",
	"mscmd-meetingresponse-req.wbxml":       "the [MS-ASCMD] example spells InstanceId 20090907T07:00:00.000Z, which is no date-time form, so the time.Time field refuses it",
	"mscmd-resolverecipients-resp.wbxml":    "the [MS-ASCMD] example elides its second Recipient as the text \"...\", so Recipient lacks the required Type",
	// Elements the schema does not have: skipped in lenient mode.
	"Provision":                        "the corpus writes every Provision tag, DocumentBrowseEnabled (MS-ASWBXML r1.0 only) among them, which no EASProvisionDoc schema has",
	"mscmd-meetingresponse-resp.wbxml": "the [MS-ASCMD] example has Search:LongId in Result, which the response schema does not have",
	// Spellings the Go value does not keep.
	"eas-settings-req-deviceinfo.wbxml":    "an empty PhoneNumber: optional text is a string with omitempty, so empty and absent are one value",
	"eas-provision-req-deviceinfo.wbxml":   "an empty PhoneNumber in DeviceInformation/Set: optional text is a string with omitempty, so empty and absent are one value",
	"eas-sync-req-getchanges.wbxml":        "DeletesAsMoves and GetChanges as empty elements (empty = 1): a *bool reads them as true and writes 1",
	"syncroton-sync-req-add-contact.wbxml": "DeletesAsMoves as an empty element (empty = 1): a *bool reads it as true and writes 1",
	"zimbra-sync-req-eas25.wbxml":          "DeletesAsMoves and GetChanges as empty elements (empty = 1): a *bool reads them as true and writes 1",
	"eas-sync-req-initial-sms.wbxml":       "DeletesAsMoves as an empty element, and Options with Class before FilterType: members of a repeated choice are one field each, written in the table's order",
}

type sample struct {
	name string
	data []byte
}

func samples(t testing.TB) []sample {
	t.Helper()
	ms, err := corpus.Samples("../../testdata/interop/wbxml")
	if err != nil {
		t.Fatal(err)
	}
	ss := make([]sample, len(ms))
	for i, m := range ms {
		ss[i] = sample{m.Name, m.Build()}
	}
	return ss
}

func xmlOf(t testing.TB, b []byte) string {
	t.Helper()
	x, err := wbxml.AppendXML(nil, b, wbxml.WithVocabulary(codepages.ActiveSync))
	if err != nil {
		t.Fatalf("AppendXML: %v", err)
	}
	return string(x)
}

// TestSamples unmarshals every corpus message and interop sample into the
// generated type of its root, as a request and as a response (leniently:
// one of the two must succeed), and marshals it back: the XML must be the
// input's unless notRoundTripped says why not.
func TestSamples(t *testing.T) {
	var same, listed int
	seen := map[string]bool{}
	for _, s := range samples(t) {
		root, err := eas.Parse(s.data)
		if err != nil {
			t.Errorf("%s: Parse: %v", s.name, err)
			continue
		}
		in := xmlOf(t, s.data)
		var results []string
		var typed int
		ok := false
		for _, response := range []bool{false, true} {
			v := commands.New(root.Tag(), response)
			if v == nil {
				continue
			}
			typed++
			dir := map[bool]string{false: "request", true: "response"}[response]
			if err := eas.Unmarshal(s.data, v); err != nil {
				results = append(results, dir+": Unmarshal: "+err.Error())
				continue
			}
			out, err := eas.Marshal(v)
			if err != nil {
				results = append(results, dir+": Marshal: "+err.Error())
				continue
			}
			if got := xmlOf(t, out); got != in {
				results = append(results, dir+": XML differs:\n"+firstDiff(in, got))
				continue
			}
			ok = true
			results = append(results, dir+": same XML")
		}
		why, isListed := notRoundTripped[s.name]
		seen[s.name] = true
		switch {
		case ok && isListed:
			t.Errorf("%s round-trips now; remove it from notRoundTripped (%s)", s.name, why)
		case ok:
			same++
		case isListed:
			listed++
		default:
			if typed == 0 {
				results = append(results, "no generated type for the root "+root.Tag().String())
			}
			t.Errorf("%s: %s", s.name, strings.Join(results, "\n\t"))
		}
	}
	var stale []string
	for name := range notRoundTripped {
		if !seen[name] {
			stale = append(stale, name)
		}
	}
	sort.Strings(stale)
	for _, name := range stale {
		t.Errorf("notRoundTripped lists %s, which is not a sample", name)
	}
	t.Logf("%d samples round-trip, %d listed exceptions", same, listed)
}

// firstDiff shows where two XML texts part.
func firstDiff(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(0, i-80)
	return "\t  in:  …" + clip(a[from:], 200) + "\n\t  out: …" + clip(b[from:], 200)
}

func clip(s string, n int) string {
	s = strings.ReplaceAll(s, "\n", "⏎")
	if len(s) > n {
		return s[:n]
	}
	return s
}
