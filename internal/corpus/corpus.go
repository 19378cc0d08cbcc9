// Package corpus builds realistic ActiveSync WBXML messages deterministically
// in code, for benchmarks and tests: no large files are committed, and the
// same call always returns the same bytes, on every platform and Go release.
//
// Each message kind has its own file and builder function: FolderSync,
// SyncEmail and SyncEmailIntl (any size), SyncCalendar, SyncContacts,
// ItemOperationsFetch, Provision, PingResponse, GetItemEstimate and Find.
// Text is drawn from a splitmix64 generator seeded with a fixed constant
// per kind, and the WBXML is written by a wbxml.Encoder with the constants
// of package codepages, so every message is canonical ActiveSync WBXML
// (03 01 6A 00, no string table, no redundant page switch) that decodes in
// strict mode.
//
// Standard lists the named messages that benchmarks run over. Building is
// lazy: nothing is built until a Message's Build is called, and each
// message is built once per process (SyncEmail10MB takes a fraction of a
// second).
package corpus

import (
	"bytes"
	"sync"
)

// A Message is a named corpus entry.
type Message struct {
	// Name is the benchmark name, such as "SyncEmail1MB".
	Name string
	// Build returns the message's WBXML; every call returns the same bytes,
	// in a new slice that the caller may modify.
	Build func() []byte
}

// builders are the standard messages with their uncached builders, smallest
// first within each kind.
var builders = []struct {
	name  string
	build func() []byte
}{
	{"FolderSync", FolderSync},
	{"Provision", Provision},
	{"SyncEmail1KB", func() []byte { return SyncEmail(1 << 10) }},
	{"SyncEmail64KB", func() []byte { return SyncEmail(64 << 10) }},
	{"SyncEmail1MB", func() []byte { return SyncEmail(1 << 20) }},
	{"SyncEmail10MB", func() []byte { return SyncEmail(10 << 20) }},
	{"SyncEmailIntl1MB", func() []byte { return SyncEmailIntl(1 << 20) }},
	{"SyncCalendar", SyncCalendar},
	{"SyncContacts", SyncContacts},
	{"ItemOperationsFetch", ItemOperationsFetch},
	{"Ping", PingResponse},
	{"GetItemEstimate", GetItemEstimate},
	{"Find", Find},
}

// standard holds the messages, each built on first use.
var standard = func() []Message {
	ms := make([]Message, len(builders))
	for i, b := range builders {
		once := sync.OnceValue(b.build)
		ms[i] = Message{Name: b.name, Build: func() []byte { return bytes.Clone(once()) }}
	}
	return ms
}()

// Standard returns the messages that benchmarks run over, all of them:
//
//	FolderSync           a FolderSync response, 293 folders                 (~10 KB)
//	Provision            a Provision response with every policy setting      (~430 B)
//	SyncEmail1KB         Sync responses with e-mails (SyncEmail)             (1 KB)
//	SyncEmail64KB                                                            (64 KB)
//	SyncEmail1MB                                                             (1 MB)
//	SyncEmail10MB                                                            (10 MB)
//	SyncEmailIntl1MB     the same with bodies in CJK, Thai, … (SyncEmailIntl) (1 MB)
//	SyncCalendar         a Sync response with 120 calendar events            (~210 KB)
//	SyncContacts         a Sync response with 150 contacts                   (~50 KB)
//	ItemOperationsFetch  a Fetch of four attachments as OPAQUE               (~1 MB)
//	Ping                 a Ping response: 24 folders changed                 (~130 B)
//	GetItemEstimate      a GetItemEstimate response for 40 collections       (~1 KB)
//	Find                 a Find response with 50 mailbox results             (~13 KB)
//
// The SyncEmail sizes show how cost grows with message size. The slice is
// the caller's; its Build functions are shared and safe for concurrent use.
func Standard() []Message {
	return append([]Message(nil), standard...)
}

// Lookup returns the standard message named name.
func Lookup(name string) (Message, bool) {
	for _, m := range standard {
		if m.Name == name {
			return m, true
		}
	}
	return Message{}, false
}
