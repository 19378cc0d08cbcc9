package b64uri

import (
	"strconv"

	"github.com/easkit/easkit/version"
)

// Command is the command code carried in the second byte of a base64
// request query ([MS-ASHTTP] 2.2.1.1.1.1.2). The constants Cmd… are
// generated from gen/spec/ashttp-commands.tsv; codes 5–8 are unassigned.
// The zero Command is [CmdSync], code 0, an assigned command.
type Command uint8

// String returns the command name used in the plain query's Cmd parameter
// ("Sync"), or "Command(N)" for an unassigned code.
func (c Command) String() string {
	if c.Known() {
		return commandNames[c]
	}
	return "Command(" + strconv.Itoa(int(c)) + ")"
}

// Known reports whether c is an assigned command code.
func (c Command) Known() bool { return int(c) < len(commandNames) && commandNames[c] != "" }

// Since returns the first protocol version that has c, or 0 when the
// command is not restricted (Find is 16.1 and later).
func (c Command) Since() version.Version {
	if int(c) < len(commandSince) {
		return commandSince[c]
	}
	return 0
}

// ParseCommand returns the command named name (case-sensitive, as in the
// plain query's Cmd parameter).
func ParseCommand(name string) (Command, bool) { return commandByName(name) }

// ParamTag is the tag of one command parameter in a base64 request query
// ([MS-ASHTTP] 2.2.1.1.1.1.3). The constants Param… are generated from
// gen/spec/ashttp-params.tsv. The zero ParamTag is [ParamAttachmentName],
// tag 0, a defined tag.
type ParamTag uint8

// String returns the parameter name ("ItemId"), or "Param(N)" for a tag no
// revision defines.
func (p ParamTag) String() string {
	if p.Known() {
		return paramNames[p]
	}
	return "Param(" + strconv.Itoa(int(p)) + ")"
}

// Known reports whether p is defined, by the current spec or (see
// [ParamTag.Legacy]) by an older revision.
func (p ParamTag) Known() bool { return int(p) < len(paramNames) }

// Legacy reports whether p is only defined by older revisions (2
// CollectionName, 5 ParentId).
func (p ParamTag) Legacy() bool { return int(p) < len(paramLegacy) && paramLegacy[p] }

// ParseParamTag returns the parameter tag named name (case-sensitive).
func ParseParamTag(name string) (ParamTag, bool) { return paramByName(name) }
