package codegen

import (
	"bytes"
	"fmt"
	"sort"
	"strconv"
)

// Status is one row of ascmd-status.tsv.
type Status struct {
	Command string // "" for the global codes ("*" in the table)
	Code    int
	Name    string
	Meaning string
}

// Ident is the Go constant name: Status<Command><Name>, or Status<Name>
// for a global code.
func (s Status) Ident() string { return "Status" + s.Command + s.Name }

// ParseStatus parses ascmd-status.tsv: codes must be unique per command,
// names identifiers, constant names unique, and the global codes 101-177.
func (t *Tables) ParseStatus(data []byte) error {
	rows, err := readTSV(StatusFile, data, "command", "code", "name", "meaning")
	if err != nil {
		return err
	}
	seenCode := map[string]bool{}
	seenIdent := map[string]int{}
	t.Statuses = nil
	for _, r := range rows {
		f := r.fields
		at := fmt.Sprintf("%s:%d", StatusFile, r.line)
		s := Status{Command: f["command"], Name: f["name"], Meaning: f["meaning"]}
		if s.Command == "*" {
			s.Command = ""
		} else if !isIdent(s.Command) {
			return fmt.Errorf("%s: command %q is not an identifier", at, s.Command)
		}
		if !isIdent(s.Name) {
			return fmt.Errorf("%s: name %q is not an identifier", at, s.Name)
		}
		if s.Code, err = strconv.Atoi(f["code"]); err != nil || s.Code < 0 || s.Code > 255 {
			return fmt.Errorf("%s: bad code %q", at, f["code"])
		}
		if s.Command == "" && (s.Code < 101 || s.Code > 177) {
			return fmt.Errorf("%s: global code %d outside 101-177", at, s.Code)
		}
		if s.Command != "" && s.Code > 100 {
			return fmt.Errorf("%s: command code %d above 100 (the global range)", at, s.Code)
		}
		k := s.Command + "|" + f["code"]
		if seenCode[k] {
			return fmt.Errorf("%s: duplicate code %d for %q", at, s.Code, f["command"])
		}
		seenCode[k] = true
		if l, dup := seenIdent[s.Ident()]; dup {
			return fmt.Errorf("%s: constant %s already named at line %d", at, s.Ident(), l)
		}
		seenIdent[s.Ident()] = r.line
		t.Statuses = append(t.Statuses, s)
	}
	sort.SliceStable(t.Statuses, func(i, j int) bool {
		a, b := t.Statuses[i], t.Statuses[j]
		if a.Command != b.Command {
			return a.Command < b.Command
		}
		return a.Code < b.Code
	})
	return nil
}

func (t *Tables) writeStatus(b *bytes.Buffer) {
	b.WriteString("package eas\n\n")
	cmd := "\x00"
	for _, s := range t.Statuses {
		if s.Command != cmd {
			if cmd != "\x00" {
				b.WriteString(")\n\n")
			}
			cmd = s.Command
			if cmd == "" {
				b.WriteString("// Global status codes ([MS-ASCMD] 2.2.2): any command's Status may hold one.\n")
			} else {
				fmt.Fprintf(b, "// Status codes of %s.\n", cmd)
			}
			b.WriteString("const (\n")
		}
		fmt.Fprintf(b, "\t// %s (%d): %s.\n\t%s Status = %d\n", s.Ident(), s.Code, s.Meaning, s.Ident(), s.Code)
	}
	b.WriteString(")\n\n")
	b.WriteString("// statusTable lists every code, sorted by command (\"\" = global) then code.\n")
	b.WriteString("var statusTable = [...]statusInfo{\n")
	for _, s := range t.Statuses {
		fmt.Fprintf(b, "\t{%q, %d, %q, %q},\n", s.Command, s.Code, s.Name, s.Meaning)
	}
	b.WriteString("}\n")
}
