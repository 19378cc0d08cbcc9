package corpus

import (
	"strconv"

	cp "github.com/easkit/easkit/codepages"
)

// pingChanged is the number of folders PingResponse reports as changed.
const pingChanged = 24

// PingResponse returns the answer to a Ping of a 14.1 client whose
// heartbeat ended with changes: Status 2 and the Folders that changed
// (24 folder ids, as a client that watches its whole mailbox gets after a
// long heartbeat), about 200 bytes and almost all tags.
func PingResponse() []byte {
	b := newBuilder(512)
	b.start(cp.PingPing)
	b.int(cp.PingStatus, 2)
	b.start(cp.PingFolders)
	for i := range pingChanged {
		b.text(cp.PingFolder, strconv.Itoa(2+i*3))
	}
	b.end() // Folders
	b.end() // Ping
	return b.bytes()
}
