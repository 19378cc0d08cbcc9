package eas

import "strconv"

// A Status is the value of an ActiveSync Status element. Its meaning
// depends on the command: 3 is an invalid sync key in Sync and a
// missing-parameters report in Ping. The constants are named
// Status<Command><Name> (StatusSyncInvalidSyncKey, StatusFolderSyncInvalidSyncKey,
// StatusPingChangesFound) and, for the global codes 101–177 of
// [MS-ASCMD] 2.2.2 that any command may return, Status<Name>
// (StatusInvalidWBXML, StatusDeviceNotProvisioned). The command
// "ProvisionPolicy" is the Policy/Status of a Provision response.
//
// They are generated from gen/spec/ascmd-status.tsv (status_gen.go).
type Status int

type statusInfo struct {
	command string // "" for the global codes
	code    Status
	name    string
	meaning string
}

// lookupStatus finds code for command, falling back on the global codes.
func lookupStatus(command string, code Status) *statusInfo {
	var global *statusInfo
	for i := range statusTable {
		s := &statusTable[i]
		if s.code != code {
			continue
		}
		if s.command == command {
			return s
		}
		if s.command == "" {
			global = s
		}
	}
	return global
}

// StatusText returns what code means as the Status of command ("Sync",
// "FolderSync", "ProvisionPolicy", …): a short paraphrase of the spec,
// such as "sync key unknown or out of step; restart the collection with
// key 0". Codes 101–177 have their global meaning for every command.
// It returns "" for a code the table does not list.
func StatusText(command string, code Status) string {
	if s := lookupStatus(command, code); s != nil {
		return s.meaning
	}
	return ""
}

// StatusName returns the name of code as the Status of command, the
// constant's name without Status and the command ("InvalidSyncKey"), or
// "" for a code the table does not list.
func StatusName(command string, code Status) string {
	if s := lookupStatus(command, code); s != nil {
		return s.name
	}
	return ""
}

// IsGlobal reports whether s is one of the global codes 101–177 that any
// command may return.
func (s Status) IsGlobal() bool { return s >= 101 && s <= 177 }

// String returns the decimal code; the name needs the command (StatusName).
func (s Status) String() string { return strconv.Itoa(int(s)) }
