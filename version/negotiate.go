package version

import (
	"slices"
	"strings"
)

// Negotiate returns the version a client should use: the highest version
// present in both client (the versions the client implements) and server
// (the server's MS-ASProtocolVersions list). The lists may be in any order;
// zero entries are ignored. When they share no version the error is a
// [*NoCommonError] that says why.
func Negotiate(client, server []Version) (Version, error) {
	if v := highestCommon(client, server, 0); v != 0 {
		return v, nil
	}
	return 0, newNoCommonError(client, server, 0)
}

// NextLower returns the version to try after the server answered HTTP 400
// (Bad Request) to a request sent with rejected: the highest version below
// rejected that both lists contain. When the server's list is unknown, pass
// the client's list as server. When nothing is left the error is a
// [*NoCommonError] with Below set to rejected.
func NextLower(rejected Version, client, server []Version) (Version, error) {
	if v := highestCommon(client, server, rejected); v != 0 {
		return v, nil
	}
	return 0, newNoCommonError(client, server, rejected)
}

// highestCommon returns the greatest non-zero version in both a and b, below
// limit when limit is not zero, or 0.
func highestCommon(a, b []Version, limit Version) Version {
	var best Version
	for _, v := range a {
		if v <= best || (limit != 0 && v >= limit) {
			continue
		}
		if slices.Contains(b, v) {
			best = v
		}
	}
	return best
}

// Reason says why two version lists share nothing usable. The zero Reason
// gives no reason; no [*NoCommonError] that the package returns has it.
type Reason uint8

// The reasons a [*NoCommonError] gives.
const (
	NoClientVersions Reason = iota + 1 // the client's list is empty
	NoServerVersions                   // the server's list is empty
	ServerTooOld                       // every server version is older than every client version
	ServerTooNew                       // every server version is newer than every client version
	Disjoint                           // the ranges overlap but no version is in both lists
	NoneBelow                          // versions are shared, but none below [NoCommonError.Below]
)

// NoCommonError explains why [Negotiate] or [NextLower] found no version.
// It wraps [ErrNoCommonVersion]. The zero NoCommonError, which the package
// never returns, has no Reason and no lists; it still wraps
// ErrNoCommonVersion and reads as that sentinel does.
type NoCommonError struct {
	Why    Reason
	Client []Version // the client's versions, ascending, without zeros or duplicates
	Server []Version // the server's versions, ascending, without zeros or duplicates
	Below  Version   // for NextLower: the version the server rejected; 0 for Negotiate
}

func newNoCommonError(client, server []Version, below Version) *NoCommonError {
	e := &NoCommonError{Client: sortedSet(client), Server: sortedSet(server), Below: below}
	switch {
	case len(e.Client) == 0:
		e.Why = NoClientVersions
	case len(e.Server) == 0:
		e.Why = NoServerVersions
	case highestCommon(e.Client, e.Server, 0) != 0:
		e.Why = NoneBelow
	case e.Server[len(e.Server)-1] < e.Client[0]:
		e.Why = ServerTooOld
	case e.Server[0] > e.Client[len(e.Client)-1]:
		e.Why = ServerTooNew
	default:
		e.Why = Disjoint
	}
	return e
}

func sortedSet(vs []Version) []Version {
	out := make([]Version, 0, len(vs))
	for _, v := range vs {
		if v != 0 {
			out = append(out, v)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Error says why no version is common, with both lists.
func (e *NoCommonError) Error() string {
	var b strings.Builder
	b.WriteString("version: no common protocol version")
	if e.Why != 0 {
		b.WriteString(": ")
	}
	switch e.Why {
	case NoClientVersions:
		b.WriteString("the client supports no version")
	case NoServerVersions:
		b.WriteString("the server lists no version")
	case ServerTooOld:
		b.WriteString("the server's newest version " + e.Server[len(e.Server)-1].String() +
			" is older than the client's oldest " + e.Client[0].String())
	case ServerTooNew:
		b.WriteString("the server's oldest version " + e.Server[0].String() +
			" is newer than the client's newest " + e.Client[len(e.Client)-1].String())
	case Disjoint:
		b.WriteString("the lists share no version")
	case NoneBelow:
		b.WriteString("none is left below " + e.Below.String())
	}
	if len(e.Client) > 0 && len(e.Server) > 0 {
		b.WriteString(" (client " + FormatList(e.Client) + "; server " + FormatList(e.Server) + ")")
	}
	return b.String()
}

// Unwrap returns [ErrNoCommonVersion].
func (e *NoCommonError) Unwrap() error { return ErrNoCommonVersion }
