package codepages_test

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/internal/testenv"
	"github.com/easkit/easkit/version"
	"github.com/easkit/easkit/wbxml"
	"github.com/google/go-cmp/cmp"
)

// specRow is one row of gen/spec/aswbxml-codepages.tsv, read here
// independently of the generator.
type specRow struct {
	page          uint8
	token         uint8
	name          string
	since, until  string
	alsoValid     string // "", "V" or "V1-V2"
	aliases       []string
	historic      bool
	namespaceName string
}

func readSpec(t *testing.T) []specRow {
	t.Helper()
	f, err := os.Open("../gen/spec/aswbxml-codepages.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows []specRow
	sc := bufio.NewScanner(f)
	header := true
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || line == "" {
			continue
		}
		if header {
			header = false
			continue
		}
		c := strings.Split(line, "\t")
		page, _ := strconv.Atoi(c[0])
		tok, _ := strconv.ParseUint(c[2][2:], 16, 8)
		r := specRow{page: uint8(page), namespaceName: c[1], token: uint8(tok), name: c[3], since: c[4], until: c[5],
			alsoValid: c[8], historic: strings.HasPrefix(c[7], "NOT IN CURRENT SPEC")}
		if c[6] != "" {
			r.aliases = strings.Split(c[6], ",")
		}
		rows = append(rows, r)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows
}

// The number of current-spec and historic tokens per page: the current
// ones as counted in the tables of [MS-ASWBXML] v22.2 (586 in all), the
// historic ones as the rows of gen/spec/aswbxml-codepages.tsv whose note
// starts "NOT IN CURRENT SPEC" (70 in all).
var wantCounts = [codepages.NumPages][2]int{
	0: {33, 4}, 1: {54, 4}, 2: {45, 14}, 3: {0, 19}, 4: {45, 11}, 5: {8, 0}, 6: {8, 2}, 7: {17, 3},
	8: {12, 1}, 9: {30, 4}, 10: {25, 0}, 11: {6, 0}, 12: {10, 0}, 13: {8, 2}, 14: {54, 1}, 15: {27, 4},
	16: {14, 0}, 17: {40, 0}, 18: {38, 0}, 19: {8, 0}, 20: {21, 0}, 21: {18, 1}, 22: {18, 0}, 23: {5, 0},
	24: {20, 0}, 25: {22, 0},
}

func TestCountsPerPage(t *testing.T) {
	var got [codepages.NumPages][2]int
	current, historic := 0, 0
	for p := range codepages.NumPages {
		for _, tag := range codepages.Tags(uint8(p)) {
			if tag.Historic() {
				got[p][1]++
				historic++
			} else {
				got[p][0]++
				current++
			}
		}
	}
	if diff := cmp.Diff(wantCounts, got); diff != "" {
		t.Errorf("tokens per page {current, historic} (-want +got):\n%s", diff)
	}
	if current != 586 || historic != 70 {
		t.Errorf("got %d current and %d historic tokens, want 586 and 70", current, historic)
	}
	if codepages.Tags(codepages.NumPages) != nil {
		t.Errorf("Tags(NumPages) is not nil")
	}
}

func TestEveryRowRoundTrips(t *testing.T) {
	rows := readSpec(t)
	if len(rows) != 656 {
		t.Fatalf("spec table has %d rows, want 656", len(rows))
	}
	for _, r := range rows {
		tag := codepages.NewTag(r.page, r.token)
		if !tag.Known() || tag.Name() != r.name || tag.Historic() != r.historic {
			t.Errorf("%d/%#02x: got Known=%v Name=%q Historic=%v, want %q historic=%v",
				r.page, r.token, tag.Known(), tag.Name(), tag.Historic(), r.name, r.historic)
		}
		if tag.Page() != r.page || tag.Token() != r.token {
			t.Errorf("%v: Page/Token = %d/%#02x", tag, tag.Page(), tag.Token())
		}
		if got := codepages.PageName(r.page); got != r.namespaceName {
			t.Errorf("PageName(%d) = %q, want %q", r.page, got, r.namespaceName)
		}
		namespaces := append([]string{
			codepages.Namespace(r.page, codepages.ColonForm),
			codepages.Namespace(r.page, codepages.SchemaForm),
		}, codepages.NamespaceAliases(r.page)...)
		for _, ns := range namespaces {
			for _, name := range append([]string{r.name}, r.aliases...) {
				got, ok := codepages.Lookup(ns, name)
				if !ok || got != tag {
					t.Errorf("Lookup(%q, %q) = %v, %v; want %v", ns, name, got, ok, tag)
				}
				got, ok = codepages.LookupBytes([]byte(ns), []byte(name))
				if !ok || got != tag {
					t.Errorf("LookupBytes(%q, %q) = %v, %v; want %v", ns, name, got, ok, tag)
				}
			}
		}
		if diff := cmp.Diff(r.aliases, tag.Aliases()); diff != "" {
			t.Errorf("%v aliases (-want +got):\n%s", tag, diff)
		}
		for _, a := range r.aliases {
			if a == tag.Name() {
				t.Errorf("%v: alias %q equals the name", tag, a)
			}
		}
		var since, until version.Version
		if r.since != "" {
			since, _ = version.Parse(r.since)
		}
		if r.until != "" {
			until, _ = version.Parse(r.until)
		}
		if tag.Since() != since || tag.Until() != until {
			t.Errorf("%v: since/until = %v/%v, want %v/%v", tag, tag.Since(), tag.Until(), since, until)
		}
		var alsoFrom, alsoTo version.Version
		if r.alsoValid != "" {
			a, b, isRange := strings.Cut(r.alsoValid, "-")
			alsoFrom, _ = version.Parse(a)
			alsoTo = alsoFrom
			if isRange {
				alsoTo, _ = version.Parse(b)
			}
		}
		for _, v := range version.Known {
			want := since != 0 && v >= since && (until == 0 || v <= until) || alsoFrom != 0 && v >= alsoFrom && v <= alsoTo
			if got := tag.ValidIn(v); got != want {
				t.Errorf("%v.ValidIn(%v) = %v, want %v", tag, v, got, want)
			}
		}
	}
}

func TestUnknownMisses(t *testing.T) {
	defined := map[codepages.Tag]bool{}
	for _, r := range readSpec(t) {
		defined[codepages.NewTag(r.page, r.token)] = true
	}
	for p := range 256 {
		for tok := range 256 {
			tag := codepages.NewTag(uint8(p), uint8(tok))
			if defined[tag] {
				continue
			}
			if tag.Known() || tag.Name() != "" || tag.Since() != 0 || tag.ValidIn(version.V16_1) || tag.Aliases() != nil {
				t.Fatalf("undefined %v reports facts: known=%v name=%q", tag, tag.Known(), tag.Name())
			}
		}
	}
	misses := []struct{ ns, name string }{
		{"AirSync:", "NoSuchTag"},
		{"AirSync:", "sync"},                // case matters
		{"airsync:", "Sync"},                // namespaces are case-sensitive
		{"Email:", "Timezone"},              // Calendar's spelling, not Email's
		{"Calendar:", "Subjects"},           // near miss
		{"", "Sync"},                        // no namespace
		{"AirSync::", "Sync"},               // not a spelling
		{"urn:example", "Sync"},             // foreign namespace
		{"Contacts:", "BusinessAddressCit"}, // prefix of a name
		{"Find:", "MailBoxSearchCriterio"},
	}
	for _, m := range misses {
		if tag, ok := codepages.Lookup(m.ns, m.name); ok {
			t.Errorf("Lookup(%q, %q) = %v, want a miss", m.ns, m.name, tag)
		}
	}
	if _, ok := codepages.PageOf("NoSuchPage:"); ok {
		t.Error("PageOf(NoSuchPage:) found a page")
	}
	if codepages.PageName(26) != "" || codepages.Namespace(26, codepages.ColonForm) != "" || codepages.Namespace(0, 7) != "" {
		t.Error("page 26 or form 7 has a name")
	}
}

func TestNamesThatDifferAcrossPages(t *testing.T) {
	tests := []struct {
		ns, name string
		want     codepages.Tag
	}{
		{"Calendar:", "Timezone", codepages.CalendarTimezone},
		{"Calendar:", "TimeZone", codepages.CalendarTimezone}, // libwbxml's spelling, an alias
		{"Email:", "TimeZone", codepages.EmailTimeZone},
		{"POOMMAIL:", "Subject", codepages.EmailSubject},
		{"Calendar", "Subject", codepages.CalendarSubject},
		{"POOMCAL:", "Subject", codepages.CalendarSubject},
		{"AirSync", "Status", codepages.AirSyncStatus},
		{"Ping:", "Status", codepages.PingStatus},
		{"Gal:", "Data", codepages.GALData},
		{"GAL", "Data", codepages.GALData},
		{"Gal", "Data", codepages.GALData},
		{"ComposeMail:", "ForwardeeName", codepages.ComposeMailName},
		{"ComposeMail:", "MIME", codepages.ComposeMailMime},
		{"Provision:", "DeviceEncryptionEnabled", codepages.ProvisionRequireStorageCardEncryption},
		{"Settings:", "ihsManagementInformation", codepages.SettingsRightsManagementInformation},
		{"ItemEstimate:", "Estimate", codepages.GetItemEstimateEstimate},
		// libwbxml -l AIRSYNC (SynCE) namespaces: itemestimate for page 6.
		{"http://synce.org/formats/airsync_wm5/itemestimate", "Estimate", codepages.GetItemEstimateEstimate},
		{"http://synce.org/formats/airsync_wm5/gal", "Data", codepages.GALData},
		{"http://synce.org/formats/airsync_wm5/calendar", "TimeZone", codepages.CalendarTimezone},
	}
	for _, tt := range tests {
		got, ok := codepages.Lookup(tt.ns, tt.name)
		if !ok || got != tt.want {
			t.Errorf("Lookup(%q, %q) = %v, %v; want %v", tt.ns, tt.name, got, ok, tt.want)
		}
	}
	if codepages.CalendarTimezone.Name() != "Timezone" || codepages.ComposeMailName.Name() != "Name" {
		t.Error("an alias is written instead of the spec name")
	}
}

func TestContent(t *testing.T) {
	want := map[codepages.Tag]wbxml.ContentKind{
		codepages.ResolveRecipientsData:        wbxml.ContentBinary,
		codepages.SearchConversationId:         wbxml.ContentBinary,
		codepages.GALData:                      wbxml.ContentBinary,
		codepages.AirSyncBaseContent:           wbxml.ContentBinary,
		codepages.ItemOperationsConversationId: wbxml.ContentBinary,
		codepages.ComposeMailMime:              wbxml.ContentOpaqueText,
		codepages.Email2ConversationId:         wbxml.ContentBinary,
		codepages.Email2ConversationIndex:      wbxml.ContentBinary,
	}
	for p := range codepages.NumPages {
		for _, tag := range codepages.Tags(uint8(p)) {
			if got := tag.Content(); got != want[tag] {
				t.Errorf("%v.Content() = %v, want %v", tag, got, want[tag])
			}
			if got := codepages.ActiveSync.Content(tag.Page(), tag.Token()); got != want[tag] {
				t.Errorf("ActiveSync.Content(%v) = %v, want %v", tag, got, want[tag])
			}
		}
	}
	// ValidateCert Certificate is sent as OPAQUE by one emitter only; the
	// spec says string, so the table default stays text.
	if codepages.ValidateCertCertificate.Content() != wbxml.ContentText {
		t.Error("ValidateCert Certificate is not text")
	}
}

func TestVocabulary(t *testing.T) {
	var v wbxml.Vocabulary = codepages.ActiveSync
	page, tok, ok := v.LookupTag([]byte("AirSyncBase:"), []byte("Body"))
	if !ok || codepages.NewTag(page, tok) != codepages.AirSyncBaseBody {
		t.Errorf("LookupTag(AirSyncBase:, Body) = %d, %#x, %v", page, tok, ok)
	}
	if got := v.TagName(0, 0x05); got != "Sync" {
		t.Errorf("TagName(0, 5) = %q", got)
	}
	// libwbxml writes ComposeMail Mime as base64 under its name MIME.
	sc := codepages.ActiveSync
	for _, tt := range []struct {
		tag   codepages.Tag
		local string
		want  wbxml.ContentKind
	}{
		{codepages.ComposeMailMime, "MIME", wbxml.ContentBase64OrText},
		{codepages.ComposeMailMime, "Mime", wbxml.ContentOpaqueText},
		{codepages.Email2ConversationId, "ConversationId", wbxml.ContentBinary},
		{codepages.EmailSubject, "Subject", wbxml.ContentText},
	} {
		if got := sc.SpellingContent(tt.tag.Page(), tt.tag.Token(), []byte(tt.local)); got != tt.want {
			t.Errorf("SpellingContent(%v, %q) = %v, want %v", tt.tag, tt.local, got, tt.want)
		}
	}
	if got := v.TagName(0, 0x3F); got != "" {
		t.Errorf("TagName(0, 0x3F) = %q, want empty", got)
	}
	for p := range uint8(codepages.NumPages) {
		colon, schema := v.Namespace(p, 0), v.Namespace(p, 1)
		if colon != schema+":" && !(p == 16 && colon == "Gal:" && schema == "GAL") {
			t.Errorf("page %d: colon form %q, schema form %q", p, colon, schema)
		}
		if v.PageName(p) == "" {
			t.Errorf("page %d has no name", p)
		}
	}
}

func TestTagString(t *testing.T) {
	tests := map[codepages.Tag]string{
		codepages.AirSyncSync:           "AirSync:Sync",
		codepages.NewTag(0, 0x3F):       "AirSync:0x3f",
		codepages.NewTag(30, 5):         "Tag(30,0x05)",
		codepages.ComposeMailName:       "ComposeMail:Name",
		codepages.CalendarCompressedRTF: "Calendar:Compressed_RTF",
	}
	for tag, want := range tests {
		if got := tag.String(); got != want {
			t.Errorf("String() = %q, want %q", got, want)
		}
	}
}

func TestLookupAllocatesNothing(t *testing.T) {
	testenv.SkipIfAllocsUnreliable(t)
	ns := []byte("RightsManagement:")
	name := []byte("RemoveRightsManagementDistribution") // longer than 32 bytes
	longNS, longName := []byte("Provision"), []byte("AllowUnsignedInstallationPackages")
	n := testing.AllocsPerRun(1000, func() {
		if _, ok := codepages.LookupBytes(ns, name); !ok {
			panic("miss")
		}
		if _, ok := codepages.LookupBytes(longNS, longName); !ok {
			panic("miss")
		}
		if _, _, ok := codepages.ActiveSync.LookupTag(ns, name); !ok {
			panic("miss")
		}
		if codepages.ActiveSync.TagName(24, 0x18) == "" || codepages.ProvisionAllowUnsignedInstallationPackages.Name() == "" {
			panic("no name")
		}
		if codepages.Namespace(16, codepages.SchemaForm) == "" || codepages.CalendarTimezone.Aliases() == nil {
			panic("no namespace")
		}
		_ = codepages.AirSyncBaseLocation.ValidIn(version.V16_1)
	})
	if n != 0 {
		t.Errorf("lookups allocate %v times per run, want 0", n)
	}
}
