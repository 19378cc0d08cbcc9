package cli

import (
	"runtime"
	"runtime/debug"
)

// modulePath is easkit's module path.
const modulePath = "github.com/easkit/easkit"

// Version returns the version of the easkit module the command was built
// from: the tag or pseudo-version that `go install …@version` records,
// "(devel)" for a build from a source tree, or "unknown" without build
// information.
func Version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	if bi.Main.Path == modulePath && bi.Main.Version != "" {
		return bi.Main.Version
	}
	for _, d := range bi.Deps {
		if d.Path == modulePath {
			if d.Replace != nil && d.Replace.Version != "" {
				return d.Replace.Version
			}
			return d.Version
		}
	}
	if bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}

// VersionLine is what --version prints: "wbxml2xml github.com/easkit/easkit
// v1.2.0 (go1.26.8)".
func VersionLine(name string) string {
	return name + " " + modulePath + " " + Version() + " (" + runtime.Version() + ")\n"
}
