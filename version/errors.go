package version

import "errors"

// Sentinel errors, for [errors.Is].
var (
	// ErrSyntax is wrapped by every [*ParseError]: the text is not a
	// version or a list of versions.
	ErrSyntax = errors.New("version: syntax error")

	// ErrNoCommonVersion is wrapped by every [*NoCommonError]: the client
	// and the server share no usable version.
	ErrNoCommonVersion = errors.New("version: no common protocol version")
)
