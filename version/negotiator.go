package version

import (
	"strings"
	"time"
)

// RecheckInterval is how long a negotiated version is trusted. The guidance
// recommends that a client ask the server for its versions again (HTTP
// OPTIONS) when a day has passed, so that it notices server upgrades and
// mailbox moves even when the server sends no X-MS-RP.
const RecheckInterval = 24 * time.Hour

// Source says which response carried a server's version list. Only the
// three constants are sources: the zero Source names no response (its
// String is "Source(?)"), so pass one of them to [Negotiator.Observe].
type Source uint8

// The responses that tell a client which versions the server supports.
const (
	// FromOptions: the MS-ASProtocolVersions header of the response to
	// HTTP OPTIONS. An empty value means the header was missing.
	FromOptions Source = iota + 1

	// FromFolderSyncKey0: the MS-ASProtocolVersions header of the response
	// to FolderSync with SyncKey 0, which servers send with MS-ASProtocolCommands
	// and X-MS-RP ([MS-ASHTTP] 3.2.5.1). The X-MS-RP on this response can be
	// ignored: the client is resynchronizing already.
	FromFolderSyncKey0

	// FromResetHeader: the X-MS-RP header on any other response. Its
	// presence means the client MUST discard its sync state
	// ([MS-ASHTTP] 3.1.5.1); its value lists the server's versions.
	FromResetHeader
)

// String returns the header and response the source names.
func (s Source) String() string {
	switch s {
	case FromOptions:
		return "OPTIONS MS-ASProtocolVersions"
	case FromFolderSyncKey0:
		return "FolderSync SyncKey 0 MS-ASProtocolVersions"
	case FromResetHeader:
		return "X-MS-RP"
	}
	return "Source(?)"
}

// Decision is what a client should do after a [Negotiator] step. The zero
// Decision asks for nothing (no version, no change, no resync, no probe);
// it is what the Negotiator's methods return with an error.
type Decision struct {
	// Version is the version to send from now on.
	Version Version

	// Changed reports that Version differs from the version in use before
	// the step (also true for the first negotiation).
	Changed bool

	// Resync reports that the client must discard its sync state: send
	// FolderSync with SyncKey 0, then Sync every folder from SyncKey 0.
	// Sync keys are only valid for the version that issued them, so any
	// change away from a version in use requires it, and so does X-MS-RP.
	Resync bool

	// Probe reports that the server's versions are still unknown (OPTIONS
	// carried no MS-ASProtocolVersions): send FolderSync with SyncKey 0
	// using Version and pass its MS-ASProtocolVersions header to
	// [Negotiator.Observe] with [FromFolderSyncKey0].
	Probe bool
}

// Negotiator holds a client's version-negotiation state. It needs no
// constructor: the zero value, with Client set, is ready to use (Due
// reports true, and Observe negotiates), and the fields may also be
// restored from storage. Without Client it supports no version: Observe
// fails with a [*NoCommonError] whenever it would choose a version, and
// so does Rejected. A Negotiator is not safe for concurrent use.
//
// The life cycle: when [Negotiator.Due] reports true (first use, or
// [RecheckInterval] since the server's list was learned), send HTTP OPTIONS
// and pass its MS-ASProtocolVersions value to [Negotiator.Observe]. Pass
// every X-MS-RP header the same way. After HTTP 400, call
// [Negotiator.Rejected]. Act on each [Decision].
type Negotiator struct {
	// Client lists the versions the client implements, in any order.
	Client []Version

	// Current is the version in use; 0 before the first negotiation.
	Current Version

	// Server is the server's list as last observed, or nil when unknown.
	// Observe reuses its backing array.
	Server []Version

	// Checked is when Server was last learned; the zero time means never.
	Checked time.Time

	// Refused is the lowest version the server has answered HTTP 400 to,
	// or 0. Observe and Rejected then choose only versions below it, so
	// that a server that keeps listing a version it cannot serve does not
	// bring the client back to it, and through a resync, at every check.
	// An X-MS-RP header that lists versions (the server's versions have
	// changed) clears it.
	Refused Version
}

// Due reports whether the client should negotiate now: nothing has been
// negotiated yet, the server's versions have not been checked (or an X-MS-RP
// without a value asked for a new check), or [RecheckInterval] has passed
// since they were.
func (n *Negotiator) Due(now time.Time) bool {
	return n.Current == 0 || n.Checked.IsZero() || now.Sub(n.Checked) >= RecheckInterval
}

// Observe applies a server version list (a header value) that arrived from
// src at time now, and returns what to do. An empty header means the header
// was missing:
//   - from OPTIONS, the decision is a FolderSync probe with the version in
//     use or, before any negotiation, the client's highest version;
//   - from FolderSync SyncKey 0, the version in use is kept (or the client's
//     highest chosen) and the check counts as done;
//   - from X-MS-RP, the version is kept, Resync is set, and the next call to
//     Due reports true, so that the client asks OPTIONS again.
//
// A header that does not parse is returned as a [*ParseError], and one that
// shares no version with the client as a [*NoCommonError]; n keeps its
// version in both cases (a new server list is remembered in the second).
func (n *Negotiator) Observe(src Source, header string, now time.Time) (Decision, error) {
	reset := src == FromResetHeader
	if isBlank(header) {
		switch src {
		case FromOptions:
			v := n.fallback()
			if v == 0 {
				return Decision{}, newNoCommonError(n.Client, n.Client, 0)
			}
			d := n.switchTo(v, false)
			d.Probe = true
			return d, nil
		case FromFolderSyncKey0:
			v := n.fallback()
			if v == 0 {
				return Decision{}, newNoCommonError(n.Client, n.Client, 0)
			}
			n.Checked = now
			return n.switchTo(v, false), nil
		default:
			n.Checked = time.Time{}
			return Decision{Version: n.Current, Resync: true}, nil
		}
	}
	// Parse into spare capacity so that a bad header leaves n.Server
	// intact, then move the result to the front. A list has at most one
	// item per comma plus one.
	if need := len(n.Server) + strings.Count(header, ",") + 1; cap(n.Server) < need {
		grown := make([]Version, len(n.Server), 2*need)
		copy(grown, n.Server)
		n.Server = grown
	}
	list, err := AppendList(n.Server[len(n.Server):], header)
	if err != nil {
		return Decision{}, err
	}
	n.Server = append(n.Server[:0], list...)
	n.Checked = now
	if reset {
		n.Refused = 0
	}
	var v Version
	if n.Refused != 0 {
		v, err = NextLower(n.Refused, n.Client, n.Server)
	} else {
		v, err = Negotiate(n.Client, n.Server)
	}
	if err != nil {
		return Decision{}, err
	}
	return n.switchTo(v, reset), nil
}

// Rejected handles an HTTP 400 response to a request sent with the current
// version: it steps down to the next lower version that the client and the
// server (or, while the server's list is unknown, the client alone) support.
// The step is a version change, so Resync is set, and the rejected version
// is remembered in Refused. When no lower version is left the error is a
// [*NoCommonError] and n is unchanged.
func (n *Negotiator) Rejected() (Decision, error) {
	server := n.Server
	if server == nil {
		server = n.Client
	}
	v, err := NextLower(n.Current, n.Client, server)
	if err != nil {
		return Decision{}, err
	}
	n.Refused = n.Current
	return n.switchTo(v, false), nil
}

// fallback is the version to use while the server's list is unknown.
func (n *Negotiator) fallback() Version {
	if n.Current != 0 {
		return n.Current
	}
	return highestCommon(n.Client, n.Client, 0)
}

func (n *Negotiator) switchTo(v Version, reset bool) Decision {
	d := Decision{
		Version: v,
		Changed: v != n.Current,
		Resync:  reset || (n.Current != 0 && v != n.Current),
	}
	n.Current = v
	return d
}

func isBlank(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isSpace(s[i]) {
			return false
		}
	}
	return true
}
