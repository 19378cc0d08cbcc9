package codegen

import (
	"fmt"
	"strings"
)

// tsvRow is one data row of a spec table, with its 1-based line number.
type tsvRow struct {
	line   int
	fields map[string]string
}

// readTSV parses a tab-separated table: lines starting with '#' are
// comments, the first other line names the columns, and every data row must
// have exactly as many fields as there are columns.
func readTSV(name string, data []byte, want ...string) ([]tsvRow, error) {
	var cols []string
	var rows []tsvRow
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSuffix(line, "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if cols == nil {
			cols = f
			for _, w := range want {
				if !contains(cols, w) {
					return nil, fmt.Errorf("%s:%d: header has no column %q", name, i+1, w)
				}
			}
			continue
		}
		if len(f) != len(cols) {
			return nil, fmt.Errorf("%s:%d: %d fields, want %d (%s)", name, i+1, len(f), len(cols), strings.Join(cols, ", "))
		}
		r := tsvRow{line: i + 1, fields: make(map[string]string, len(cols))}
		for j, c := range cols {
			r.fields[c] = strings.TrimSpace(f[j])
		}
		rows = append(rows, r)
	}
	if cols == nil {
		return nil, fmt.Errorf("%s: no header line", name)
	}
	return rows, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// splitList splits a comma-separated cell, dropping empty items.
func splitList(s string) []string {
	var out []string
	for _, x := range strings.Split(s, ",") {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}
