package eashttp

import (
	"net/http"
	"slices"
	"strings"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/version"
)

// A CommandFunc answers one command: the WBXML body of a 200 response
// (nil for an empty one), or an error. A *StatusError chooses the status
// (451 with its Location as X-MS-Location, 503 with its RetryAfter, 449,
// 401, …); any other error is a 500.
type CommandFunc func(*Request) ([]byte, error)

// A Handler is a small ActiveSync server: it answers OPTIONS with its
// versions and commands, reads each command request with ParseRequest,
// refuses versions it does not list with 400 (so that clients step down),
// and hands the request to the command's func. FolderSync responses to
// SyncKey 0 carry MS-ASProtocolVersions and MS-ASProtocolCommands, as
// [MS-ASHTTP] 3.2.5.1 describes. It does not authenticate: wrap it.
type Handler struct {
	// Versions are the protocol versions served; nil means DefaultVersions.
	Versions []version.Version

	// Commands maps command names ("FolderSync") to their funcs. A
	// command without one is answered 501 Not Implemented.
	Commands map[string]CommandFunc

	// MaxBodySize limits request bodies (0 means DefaultMaxBodySize);
	// longer ones are answered 413.
	MaxBodySize int64

	// Server, when not empty, is sent in MS-Server-ActiveSync.
	Server string
}

// ServeHTTP answers one request.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	versions := h.Versions
	if versions == nil {
		versions = DefaultVersions
	}
	if h.Server != "" {
		w.Header().Set(HeaderServerVersion, h.Server)
	}
	if r.Method == http.MethodOptions {
		WriteOptions(w, versions, h.commandNames())
		return
	}
	req, err := ParseRequest(r, h.MaxBodySize)
	if err != nil {
		writeError(w, err)
		return
	}
	if !slices.Contains(versions, req.Version) {
		WriteStatus(w, http.StatusBadRequest)
		return
	}
	fn := h.Commands[req.Cmd]
	if fn == nil {
		WriteStatus(w, http.StatusNotImplemented)
		return
	}
	req.ReplyHeader = w.Header()
	body, err := fn(req)
	if err != nil {
		writeError(w, err)
		return
	}
	if req.Cmd == "FolderSync" && req.Message.Find(codepages.FolderHierarchySyncKey).Text() == "0" {
		vs := slices.Clone(versions)
		slices.Sort(vs)
		w.Header().Set(HeaderProtocolVersions, version.FormatList(vs))
		w.Header().Set(HeaderProtocolCommands, strings.Join(h.commandNames(), ","))
	}
	WriteWBXML(w, body)
}

// commandNames returns the names of h's commands, sorted.
func (h *Handler) commandNames() []string {
	names := make([]string, 0, len(h.Commands))
	for name := range h.Commands {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}
