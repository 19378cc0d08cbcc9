// Package corpus builds realistic ActiveSync WBXML messages deterministically
// in code, for benchmarks and tests: no large files are committed, and the
// same call always returns the same bytes.
//
// Each message kind has its own file and a function taking a target size
// (SyncEmail); Standard lists the named messages that benchmarks run over.
// New kinds (FolderSync, calendar Sync, ItemOperations with large opaque
// content, Provision) follow the same pattern: build with a builder, draw
// text from a rng seeded with a fixed constant.
package corpus

// A Message is a named corpus entry.
type Message struct {
	// Name is the benchmark name, such as "SyncEmail1MB".
	Name string
	// Build returns the message's WBXML; every call returns the same bytes.
	Build func() []byte
}

// Standard returns the messages that benchmarks run over.
func Standard() []Message {
	return []Message{
		{Name: "SyncEmail1MB", Build: func() []byte { return SyncEmail(1 << 20) }},
	}
}
