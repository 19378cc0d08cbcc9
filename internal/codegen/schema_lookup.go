package codegen

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
)

// The child lookup of Validate: for each node with own children, a row of
// 64 bytes indexed by the token of a child's tag (its low 6 bits), so that
// matching an element against its parent's children costs one load and a
// compare instead of a search. Identical rows are shared; row 0 is empty.

// lookupSearch marks a token that more than one own child has (on
// different code pages): the validator searches the children for it.
const lookupSearch = 0xFF

// lookupRows returns the rows and, by node index, each node's row.
func (s *Schema) lookupRows() (rows [][64]byte, rowOf []int) {
	rows = [][64]byte{{}}
	at := map[[64]byte]int{{}: 0}
	rowOf = make([]int, len(s.Nodes))
	for i, n := range s.Nodes[1:] {
		kids := n.Children
		if n.Ref != nil { // the children of the row it refers to
			kids = n.Layout
		}
		if len(kids) == 0 {
			continue
		}
		var r [64]byte
		for slot, c := range kids {
			k := c.Tag.Token & 63
			switch {
			case r[k] == 0:
				r[k] = byte(slot + 1)
			case r[k] != lookupSearch && !sameTag(kids[r[k]-1], c):
				r[k] = lookupSearch
			}
		}
		j, ok := at[r]
		if !ok {
			j = len(rows)
			at[r] = j
			rows = append(rows, r)
		}
		rowOf[i+1] = j
	}
	return rows, rowOf
}

// writeSchemaLookup writes schemaLookup and schemaLookupRow.
func (t *Tables) writeSchemaLookup(b *bytes.Buffer) {
	s := t.Schema
	rows, rowOf := s.lookupRows()
	for _, n := range s.Nodes[1:] {
		if len(n.Children) >= lookupSearch {
			panic(fmt.Sprintf("%s: %d children, more than the child lookup holds", rowAt(n), len(n.Children)))
		}
	}
	b.WriteString("// schemaLookup holds the child lookup rows (schemaLookupRow): by the\n")
	b.WriteString("// token of a tag, the position + 1 of the own child with that token, 0\n")
	b.WriteString("// for none, or lookupSearch when several own children have it.\n")
	fmt.Fprintf(b, "var schemaLookup = [...][64]uint8{ // %d rows\n", len(rows))
	for _, r := range rows {
		b.WriteString("\t{")
		var parts []string
		for k, x := range r {
			if x != 0 {
				parts = append(parts, fmt.Sprintf("%d: %d", k, x))
			}
		}
		b.WriteString(strings.Join(parts, ", "))
		b.WriteString("},\n")
	}
	b.WriteString("}\n\n")
	b.WriteString("// schemaLookupRow holds the schemaLookup row of each of schemaNodes.\n")
	b.WriteString("var schemaLookupRow = [...]uint16{")
	writeWrapped(b, rowOf, 16, strconv.Itoa)
}

func sameTag(a, b *SchemaNode) bool {
	return a.Tag.Page == b.Tag.Page && a.Tag.Token == b.Tag.Token
}
