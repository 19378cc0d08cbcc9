package version_test

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/easkit/easkit/internal/testenv"
	"github.com/easkit/easkit/version"
)

// step is one event in a negotiation script.
type step struct {
	name     string
	after    time.Duration  // time since the script started
	src      version.Source // 0: HTTP 400 (Rejected)
	header   string
	dueFirst bool // Due before the event
	want     version.Decision
	wantErr  error // sentinel, or nil
	current  version.Version
}

func runScript(t *testing.T, n *version.Negotiator, steps []step) {
	t.Helper()
	start := time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)
	for _, s := range steps {
		now := start.Add(s.after)
		if got := n.Due(now); got != s.dueFirst {
			t.Errorf("%s: Due = %v, want %v", s.name, got, s.dueFirst)
		}
		var d version.Decision
		var err error
		if s.src == 0 {
			d, err = n.Rejected()
		} else {
			d, err = n.Observe(s.src, s.header, now)
		}
		if !errors.Is(err, s.wantErr) || (err != nil && s.wantErr == nil) {
			t.Errorf("%s: error = %v, want %v", s.name, err, s.wantErr)
		}
		if diff := cmp.Diff(s.want, d); diff != "" {
			t.Errorf("%s: decision (-want +got):\n%s", s.name, diff)
		}
		if n.Current != s.current {
			t.Errorf("%s: Current = %v, want %v", s.name, n.Current, s.current)
		}
	}
}

func TestNegotiatorLifeCycle(t *testing.T) {
	n := &version.Negotiator{Client: vs("12.1,14.0,14.1,16.0,16.1")}
	h := time.Hour
	runScript(t, n, []step{
		{name: "first OPTIONS", src: version.FromOptions, header: "2.0,2.1,2.5,12.0,12.1,14.0,14.1",
			dueFirst: true, want: version.Decision{Version: version.V14_1, Changed: true}, current: version.V14_1},
		{name: "23h later same list", after: 23 * h, src: version.FromOptions, header: "2.0,2.1,2.5,12.0,12.1,14.0,14.1",
			want: version.Decision{Version: version.V14_1}, current: version.V14_1},
		{name: "server upgraded, seen at the daily recheck", after: 47 * h, src: version.FromOptions,
			header: "2.5,12.0,12.1,14.0,14.1,16.0,16.1", dueFirst: true,
			want: version.Decision{Version: version.V16_1, Changed: true, Resync: true}, current: version.V16_1},
		{name: "X-MS-RP with the same list still resyncs", after: 48 * h, src: version.FromResetHeader,
			header: "2.5,12.0,12.1,14.0,14.1,16.0,16.1",
			want:   version.Decision{Version: version.V16_1, Resync: true}, current: version.V16_1},
		{name: "mailbox moved to an older server", after: 49 * h, src: version.FromResetHeader,
			header: "2.5,12.0,12.1,14.0,14.1",
			want:   version.Decision{Version: version.V14_1, Changed: true, Resync: true}, current: version.V14_1},
		{name: "X-MS-RP without value asks for OPTIONS", after: 50 * h, src: version.FromResetHeader,
			want: version.Decision{Version: version.V14_1, Resync: true}, current: version.V14_1},
		{name: "OPTIONS after it", after: 50*h + time.Minute, src: version.FromOptions, header: "2.5,12.0,12.1,14.0,14.1",
			dueFirst: true, want: version.Decision{Version: version.V14_1}, current: version.V14_1},
		{name: "garbage keeps the state", after: 51 * h, src: version.FromOptions, header: "14.1,banana",
			wantErr: version.ErrSyntax, current: version.V14_1},
		{name: "no common version keeps the version", after: 52 * h, src: version.FromOptions, header: "2.0,2.1",
			wantErr: version.ErrNoCommonVersion, current: version.V14_1},
	})
	if diff := cmp.Diff(vs("2.0,2.1"), n.Server); diff != "" {
		t.Errorf("Server after the last step (-want +got):\n%s", diff)
	}
}

func TestNegotiatorFolderSyncFallback(t *testing.T) {
	n := &version.Negotiator{Client: vs("14.0,14.1,16.0,16.1")}
	runScript(t, n, []step{
		{name: "OPTIONS without header: probe with the highest", src: version.FromOptions, header: "",
			dueFirst: true, want: version.Decision{Version: version.V16_1, Changed: true, Probe: true}, current: version.V16_1},
		{name: "FolderSync SyncKey 0 answers with the list", after: time.Minute, src: version.FromFolderSyncKey0,
			header: "2.5,12.0,12.1,14.0", dueFirst: true,
			want: version.Decision{Version: version.V14_0, Changed: true, Resync: true}, current: version.V14_0},
		{name: "settled", after: 2 * time.Minute, src: version.FromFolderSyncKey0, header: "2.5,12.0,12.1,14.0",
			want: version.Decision{Version: version.V14_0}, current: version.V14_0},
	})

	// Neither OPTIONS nor FolderSync says anything: keep the version and
	// count the check as done, so the client does not loop.
	m := &version.Negotiator{Client: vs("12.1,14.0")}
	runScript(t, m, []step{
		{name: "probe", src: version.FromOptions, header: "  ", dueFirst: true,
			want: version.Decision{Version: version.V14_0, Changed: true, Probe: true}, current: version.V14_0},
		{name: "silent FolderSync", src: version.FromFolderSyncKey0, header: "", dueFirst: true,
			want: version.Decision{Version: version.V14_0}, current: version.V14_0},
		{name: "not due until a day passed", after: 23 * time.Hour, src: version.FromOptions,
			header: "12.1,14.0", want: version.Decision{Version: version.V14_0}, current: version.V14_0},
	})

	var empty version.Negotiator
	if _, err := empty.Observe(version.FromOptions, "", time.Now()); !errors.Is(err, version.ErrNoCommonVersion) {
		t.Errorf("no client versions: error = %v", err)
	}
}

func TestNegotiatorRejected(t *testing.T) {
	n := &version.Negotiator{Client: vs("12.1,14.0,14.1,16.0,16.1")}
	runScript(t, n, []step{
		{name: "OPTIONS", src: version.FromOptions, header: "12.0,12.1,14.1,16.1", dueFirst: true,
			want: version.Decision{Version: version.V16_1, Changed: true}, current: version.V16_1},
		{name: "400: skip 16.0, the server lacks it", want: version.Decision{Version: version.V14_1, Changed: true, Resync: true},
			current: version.V14_1},
		{name: "400 again", want: version.Decision{Version: version.V12_1, Changed: true, Resync: true}, current: version.V12_1},
		{name: "400 with nothing left", wantErr: version.ErrNoCommonVersion, current: version.V12_1},
	})

	// Server list unknown (probe in progress): step down the client's list.
	m := &version.Negotiator{Client: vs("12.1,14.0,14.1")}
	runScript(t, m, []step{
		{name: "probe", src: version.FromOptions, dueFirst: true,
			want: version.Decision{Version: version.V14_1, Changed: true, Probe: true}, current: version.V14_1},
		{name: "400", dueFirst: true, want: version.Decision{Version: version.V14_0, Changed: true, Resync: true},
			current: version.V14_0},
	})
}

// TestNegotiatorRemembersRefused: a server that answers HTTP 400 to a
// version it keeps listing is not offered that version again at the next
// checks (each switch would cost a resync), until X-MS-RP announces new
// server versions.
func TestNegotiatorRemembersRefused(t *testing.T) {
	n := &version.Negotiator{Client: vs("14.0,14.1,16.0,16.1")}
	h := time.Hour
	list := "12.1,14.0,14.1,16.0,16.1"
	runScript(t, n, []step{
		{name: "OPTIONS", src: version.FromOptions, header: list, dueFirst: true,
			want: version.Decision{Version: version.V16_1, Changed: true}, current: version.V16_1},
		{name: "400 to 16.1", want: version.Decision{Version: version.V16_0, Changed: true, Resync: true},
			current: version.V16_0},
		{name: "daily recheck lists 16.1 again: stay", after: 25 * h, src: version.FromOptions, header: list,
			dueFirst: true, want: version.Decision{Version: version.V16_0}, current: version.V16_0},
		{name: "FolderSync list too", after: 26 * h, src: version.FromFolderSyncKey0, header: list,
			want: version.Decision{Version: version.V16_0}, current: version.V16_0},
		{name: "400 to 16.0", after: 27 * h, want: version.Decision{Version: version.V14_1, Changed: true, Resync: true},
			current: version.V14_1},
		{name: "server drops to 14.0 only", after: 50 * h, src: version.FromOptions, header: "12.1,14.0",
			dueFirst: true, want: version.Decision{Version: version.V14_0, Changed: true, Resync: true}, current: version.V14_0},
		{name: "X-MS-RP: new versions, the refusals are forgotten", after: 51 * h, src: version.FromResetHeader, header: list,
			want: version.Decision{Version: version.V16_1, Changed: true, Resync: true}, current: version.V16_1},
	})
	if n.Refused != 0 {
		t.Errorf("Refused = %v after X-MS-RP, want 0", n.Refused)
	}

	// Everything the server lists is at or above a refusal: no version.
	m := &version.Negotiator{Client: vs("14.1,16.0"), Current: version.V14_1, Refused: version.V14_1}
	if _, err := m.Observe(version.FromOptions, "14.1,16.0", time.Now()); !errors.Is(err, version.ErrNoCommonVersion) {
		t.Errorf("all listed versions refused: error = %v, want ErrNoCommonVersion", err)
	}
	if m.Current != version.V14_1 {
		t.Errorf("Current = %v after the error, want 14.1 kept", m.Current)
	}
}

func TestObserveAllocatesNothing(t *testing.T) {
	testenv.SkipIfAllocsUnreliable(t)
	n := &version.Negotiator{Client: vs("12.1,14.0,14.1,16.0,16.1")}
	now := time.Now()
	headers := []string{"2.5,12.0,12.1,14.0,14.1,16.0,16.1", "2.0,2.1,2.5,12.0,12.1,14.0"}
	for _, h := range headers { // warm up: let Server reach its final capacity
		if _, err := n.Observe(version.FromOptions, h, now); err != nil {
			t.Fatal(err)
		}
	}
	i := 0
	allocs := testing.AllocsPerRun(1000, func() {
		if _, err := n.Observe(version.FromResetHeader, headers[i%2], now); err != nil {
			panic(err)
		}
		i++
		_ = n.Due(now)
	})
	if allocs != 0 {
		t.Errorf("Observe allocates %v times per run, want 0", allocs)
	}
}

func TestSourceString(t *testing.T) {
	for _, s := range []version.Source{version.FromOptions, version.FromFolderSyncKey0, version.FromResetHeader, 0} {
		if s.String() == "" {
			t.Errorf("Source(%d).String() is empty", s)
		}
	}
}

var testTime = time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)
