package version_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/easkit/easkit/internal/testenv"
	"github.com/easkit/easkit/version"
)

func vs(s string) []version.Version {
	l, err := version.ParseList(s)
	if err != nil {
		panic(err)
	}
	return l
}

func TestNegotiate(t *testing.T) {
	tests := []struct {
		name           string
		client, server string
		want           version.Version
		why            version.Reason
	}{
		{"highest common", "12.1,14.0,14.1,16.0,16.1", "2.0,2.1,2.5,12.0,12.1,14.0", version.V14_0, 0},
		{"order does not matter", "16.1,14.1,14.0", "14.0,2.5,16.1,12.1", version.V16_1, 0},
		{"gap in server list", "14.0,14.1,16.0", "12.1,14.0,16.1", version.V14_0, 0},
		{"unknown server version ignored", "14.1", "14.1,17.0", version.V14_1, 0},
		{"single shared", "2.5", "2.5,12.0", version.V2_5, 0},
		{"server too old", "14.0,14.1", "2.5,12.0,12.1", 0, version.ServerTooOld},
		{"server too new", "2.0,2.1", "12.0,12.1,14.0", 0, version.ServerTooNew},
		{"disjoint", "2.5,14.0", "12.0,12.1", 0, version.Disjoint},
		{"no client", "", "14.0", 0, version.NoClientVersions},
		{"no server", "14.0", "", 0, version.NoServerVersions},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := version.Negotiate(vs(tt.client), vs(tt.server))
			if got != tt.want {
				t.Errorf("Negotiate = %v, want %v", got, tt.want)
			}
			checkNoCommon(t, err, tt.why, 0)
		})
	}
}

func checkNoCommon(t *testing.T, err error, why version.Reason, below version.Version) {
	t.Helper()
	if why == 0 {
		if err != nil {
			t.Errorf("unexpected error: %v", err)
		}
		return
	}
	var ne *version.NoCommonError
	if !errors.As(err, &ne) || !errors.Is(err, version.ErrNoCommonVersion) {
		t.Fatalf("error = %v, want a *NoCommonError", err)
	}
	if ne.Why != why || ne.Below != below {
		t.Errorf("NoCommonError Why %d Below %v, want %d %v (%v)", ne.Why, ne.Below, why, below, err)
	}
	if err.Error() == "" {
		t.Error("empty message")
	}
}

func TestNextLowerWalksDown(t *testing.T) {
	client := vs("2.5,12.0,12.1,14.0,14.1,16.0,16.1")
	server := vs("2.0,2.1,2.5,12.0,12.1,14.0")
	var got []version.Version
	v, err := version.Negotiate(client, server)
	for err == nil {
		got = append(got, v)
		v, err = version.NextLower(v, client, server)
	}
	if diff := cmp.Diff(vs("14.0,12.1,12.0,2.5"), got); diff != "" {
		t.Errorf("downgrade order (-want +got):\n%s", diff)
	}
	checkNoCommon(t, err, version.NoneBelow, version.V2_5)
}

func TestNextLower(t *testing.T) {
	tests := []struct {
		name           string
		rejected       version.Version
		client, server string
		want           version.Version
		why            version.Reason
	}{
		{"skips versions the server lacks", version.V16_1, "14.0,14.1,16.0,16.1", "12.1,14.0,16.1", version.V14_0, 0},
		{"rejected not in lists", version.V14_1, "12.1,14.0", "12.1,14.0", version.V14_0, 0},
		{"server unknown: client list", version.V14_1, "12.1,14.1", "12.1,14.1", version.V12_1, 0},
		{"nothing left", version.V12_1, "12.1,14.0", "12.1,14.0", 0, version.NoneBelow},
		{"zero rejected is Negotiate", 0, "12.1,14.0", "12.1,14.0", version.V14_0, 0},
		{"disjoint stays disjoint", version.V14_0, "14.0", "12.1", 0, version.ServerTooOld},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := version.NextLower(tt.rejected, vs(tt.client), vs(tt.server))
			if got != tt.want {
				t.Errorf("NextLower = %v, want %v", got, tt.want)
			}
			checkNoCommon(t, err, tt.why, tt.rejected)
		})
	}
}

func TestNoCommonErrorLists(t *testing.T) {
	_, err := version.Negotiate([]version.Version{141, 140, 140, 0}, vs("2.5,12.1,2.5"))
	var ne *version.NoCommonError
	if !errors.As(err, &ne) {
		t.Fatal(err)
	}
	want := &version.NoCommonError{Why: version.ServerTooOld, Client: vs("14.0,14.1"), Server: vs("2.5,12.1")}
	if diff := cmp.Diff(want, ne); diff != "" {
		t.Errorf("error (-want +got):\n%s", diff)
	}
}

func TestNegotiateAllocatesNothing(t *testing.T) {
	testenv.SkipIfAllocsUnreliable(t)
	client := vs("12.1,14.0,14.1,16.0,16.1")
	server := vs("2.0,2.1,2.5,12.0,12.1,14.0")
	n := testing.AllocsPerRun(1000, func() {
		v, err := version.Negotiate(client, server)
		if err != nil {
			panic(err)
		}
		if _, err := version.NextLower(v, client, server); err != nil {
			panic(err)
		}
	})
	if n != 0 {
		t.Errorf("Negotiate + NextLower allocate %v times per run, want 0", n)
	}
}
