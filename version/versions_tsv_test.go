package version_test

import (
	"errors"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/easkit/easkit/b64uri"
	"github.com/easkit/easkit/version"
)

// serverRow is one row of testdata/versions.tsv: a header value a real
// server sends, or a constraint the spec states about one.
type serverRow struct {
	line                        int
	server, header, value, kind string
}

func readVersionsTSV(t *testing.T) []serverRow {
	t.Helper()
	data, err := os.ReadFile("testdata/versions.tsv")
	if err != nil {
		t.Fatal(err)
	}
	var rows []serverRow
	for i, line := range strings.Split(strings.TrimRight(string(data), "\n"), "\n") {
		if i == 0 {
			if !strings.HasPrefix(line, "server\theader\tvalue\tkind\t") {
				t.Fatalf("unexpected header line %q", line)
			}
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 4 {
			t.Fatalf("line %d: %d columns", i+1, len(f))
		}
		rows = append(rows, serverRow{line: i + 1, server: f[0], header: f[1], value: f[2], kind: f[3]})
	}
	return rows
}

// Clients used against every server list.
var (
	allKnown    = version.Known[:]
	modern      = vs("14.0,14.1,16.0,16.1") // Windows 10 Mail's range
	legacy      = vs("2.5,12.0")            // 2.5 and 12.0 must use the plain query
	prehistoric = vs("2.0,2.1")
)

// want gives, per server, the version each client ends up with (0: none).
// Worked out by hand from the rows; the test also checks the downgrade chain
// against the lists themselves.
var want = map[string]struct{ all, modern, legacy, prehistoric version.Version }{
	"Microsoft Exchange Server 2010 (MS-Server-ActiveSync: 14.00.0536.000)":  {140, 140, 120, 21},
	"Exchange Online / Office 365 (MS-Server-ActiveSync: 15.20, 2019-04-03)": {161, 161, 120, 21},
	"Microsoft Exchange (current spec example value)":                        {161, 161, 120, 0},
	"Microsoft Exchange 2013/2016 AirSync (code constant, default)":          {141, 141, 120, 21},
	"SOGo (MS-Server-ActiveSync: 14.1)":                                      {141, 141, 120, 21},
	"Z-Push 2.x with Kopano backend (MS-Server-ActiveSync: 14.1)":            {141, 141, 120, 0},
	"grommunio-sync (MS-Server-ActiveSync: 16.1)":                            {161, 161, 120, 0},
	"Horde_ActiveSync (max version 16.0)":                                    {160, 160, 120, 0},
	"Tine 2.0 / Syncroton (MS-Server-ActiveSync: 14.00.0536.000)":            {141, 141, 120, 0},
	"sync*gw": {161, 161, 120, 0},
}

// wantCapped gives, for the "(never contains …)" constraints of Appendix A,
// the highest version such a server can negotiate.
var wantCapped = map[string]version.Version{
	"Microsoft Exchange 2007 SP1":                   version.V12_1,
	"Microsoft Exchange 2010 RTM":                   version.V14_0,
	"Microsoft Exchange 2010 SP1 and Exchange 2013": version.V14_1,
}

// legacyCommands are plain-query-only commands (no base64 command code) that
// servers still list in MS-ASProtocolCommands.
var legacyCommands = []string{"GetHierarchy", "CreateCollection", "DeleteCollection", "MoveCollection"}

func TestVersionsTSV(t *testing.T) {
	rows := readVersionsTSV(t)
	if len(rows) != 20 {
		t.Errorf("%d rows, want 20", len(rows))
	}
	lists := map[string][]version.Version{}
	commands := map[string][]string{}
	for _, r := range rows {
		switch {
		case r.header == "MS-ASProtocolVersions" && strings.HasPrefix(r.value, "("):
			checkConstraintRow(t, r)
		case r.header == "MS-ASProtocolVersions":
			lists[r.server] = checkListRow(t, r)
		case r.header == "MS-ASProtocolCommands":
			commands[r.server] = checkCommandsRow(t, r)
		case r.header == "MS-Server-ActiveSync":
			checkServerBuildRow(t, r)
		default:
			t.Errorf("line %d: no check for header %q", r.line, r.header)
		}
	}
	// A server that lists the Find command (16.1) lists version 16.1, and
	// the other way round, wherever both headers of one server are known.
	for server, cmds := range commands {
		l, ok := lists[server]
		if !ok || strings.HasSuffix(cmdsRaw(rows, server), "...") {
			continue
		}
		if slices.Contains(cmds, "Find") != slices.Contains(l, version.V16_1) {
			t.Errorf("%s: Find listed %v, 16.1 listed %v", server, slices.Contains(cmds, "Find"), slices.Contains(l, version.V16_1))
		}
	}
}

func cmdsRaw(rows []serverRow, server string) string {
	for _, r := range rows {
		if r.server == server && r.header == "MS-ASProtocolCommands" {
			return r.value
		}
	}
	return ""
}

func checkListRow(t *testing.T, r serverRow) []version.Version {
	t.Helper()
	l, err := version.ParseList(r.value)
	if err != nil {
		t.Errorf("line %d: ParseList(%q): %v", r.line, r.value, err)
		return nil
	}
	if got := version.FormatList(l); got != r.value {
		t.Errorf("line %d: FormatList = %q, want the header back %q", r.line, got, r.value)
	}
	for i, v := range l {
		if !v.IsKnown() {
			t.Errorf("line %d: %v is not a published version", r.line, v)
		}
		if i > 0 && l[i-1] >= v {
			t.Errorf("line %d: list not ascending at %v", r.line, v)
		}
	}
	w, ok := want[r.server]
	if !ok {
		t.Errorf("line %d: no expectation for server %q", r.line, r.server)
		return l
	}
	for _, c := range []struct {
		name   string
		client []version.Version
		want   version.Version
	}{{"all", allKnown, w.all}, {"modern", modern, w.modern}, {"legacy", legacy, w.legacy}, {"prehistoric", prehistoric, w.prehistoric}} {
		got, err := version.Negotiate(c.client, l)
		if got != c.want || (err == nil) != (c.want != 0) {
			t.Errorf("line %d: %s client: Negotiate = %v, %v; want %v", r.line, c.name, got, err, c.want)
		}
		if err != nil && !errors.Is(err, version.ErrNoCommonVersion) {
			t.Errorf("line %d: %s client: error %v", r.line, c.name, err)
		}
		// After each HTTP 400 the client steps to the next shared version,
		// newest first, until none is left.
		var chain, shared []version.Version
		for v := got; v != 0; {
			chain = append(chain, v)
			v, _ = version.NextLower(v, c.client, l)
		}
		for i := len(l) - 1; i >= 0; i-- {
			if slices.Contains(c.client, l[i]) {
				shared = append(shared, l[i])
			}
		}
		if !slices.Equal(chain, shared) {
			t.Errorf("line %d: %s client: downgrade chain %v, want %v", r.line, c.name, chain, shared)
		}
	}
	// The same list through the Negotiator, as an OPTIONS response.
	n := version.Negotiator{Client: modern}
	d, err := n.Observe(version.FromOptions, r.value, testTime)
	if d.Version != w.modern || (err == nil) != (w.modern != 0) {
		t.Errorf("line %d: Negotiator = %+v, %v; want %v", r.line, d, err, w.modern)
	}
	return l
}

func checkConstraintRow(t *testing.T, r serverRow) {
	t.Helper()
	// "(never contains 14.0, 14.1, 16.0, 16.1)"
	inner, ok := strings.CutPrefix(r.value, "(never contains ")
	inner, ok2 := strings.CutSuffix(inner, ")")
	if !ok || !ok2 {
		t.Errorf("line %d: unexpected constraint %q", r.line, r.value)
		return
	}
	excluded, err := version.ParseList(inner)
	if err != nil || len(excluded) == 0 {
		t.Errorf("line %d: ParseList(%q) = %v, %v", r.line, inner, excluded, err)
		return
	}
	var server []version.Version
	for _, v := range version.Known {
		if !slices.Contains(excluded, v) {
			server = append(server, v)
		}
	}
	got, err := version.Negotiate(allKnown, server)
	if w, ok := wantCapped[r.server]; !ok || got != w || err != nil {
		t.Errorf("line %d: %s tops out at %v (%v), want %v", r.line, r.server, got, err, wantCapped[r.server])
	}
	if slices.Contains(excluded, got) {
		t.Errorf("line %d: negotiated an excluded version %v", r.line, got)
	}
}

func checkCommandsRow(t *testing.T, r serverRow) []string {
	t.Helper()
	value := r.value
	truncated := strings.HasSuffix(value, "...")
	if truncated != strings.Contains(r.kind, "truncated") {
		t.Errorf("line %d: truncation marker and kind %q disagree", r.line, r.kind)
	}
	items := strings.Split(value, ",")
	if truncated {
		items = items[:len(items)-1] // the cut item
	}
	var names []string
	for _, item := range items {
		name := strings.TrimSpace(item)
		if _, ok := b64uri.ParseCommand(name); !ok && !slices.Contains(legacyCommands, name) {
			t.Errorf("line %d: %q is neither a command nor a legacy plain-only command", r.line, name)
		}
		names = append(names, name)
	}
	// A command list is not a version list: the parser says so at offset 0.
	var pe *version.ParseError
	if _, err := version.ParseList(r.value); !errors.As(err, &pe) || pe.Offset != 0 {
		t.Errorf("line %d: ParseList of a command list: %v", r.line, err)
	}
	return names
}

func checkServerBuildRow(t *testing.T, r serverRow) {
	t.Helper()
	// A server build string ("6.5.7638.1", Exchange 2003's) is not a
	// protocol version: the parser stops after "6.5".
	var pe *version.ParseError
	if _, err := version.Parse(r.value); !errors.As(err, &pe) || pe.Offset != 3 {
		t.Errorf("line %d: Parse(%q) = %v, want an error at offset 3", r.line, r.value, err)
	}
}
