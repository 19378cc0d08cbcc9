package eas_test

import (
	"bytes"
	"errors"
	"fmt"
	"testing"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/eas"
	"github.com/easkit/easkit/version"
	"github.com/easkit/easkit/wbxml"
)

// FuzzParse checks that Parse never panics, that every error carries an
// offset inside the input, that a tree has no more elements than the
// input has bytes, that an unchanged tree writes back as the input's
// prefix it was read from, and that a changed tree writes a document that
// parses to the changed tree.
func FuzzParse(f *testing.F) {
	for _, s := range samples(f) {
		if len(s.data) <= 16<<10 {
			f.Add(s.data)
		}
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		if d := parseLeavesDiff(in); d != "" {
			t.Fatal(d)
		}
		for _, opts := range [][]eas.Option{nil, {eas.WithStrict(true), eas.WithMaxDepth(8)}} {
			root, err := eas.Parse(in, opts...)
			if err != nil {
				checkErrorOffset(t, in, err)
				continue
			}
			if n := countElements(root); n > len(in) {
				t.Fatalf("%d elements from %d bytes", n, len(in))
			}
			out, err := root.AppendWBXML(nil)
			if err != nil {
				t.Fatalf("AppendWBXML of an unchanged tree: %v", err)
			}
			if !bytes.HasPrefix(in, out) {
				t.Fatalf("unchanged tree wrote % x, not a prefix of the input", out)
			}
			// Change the root: everything under it is copied as it came.
			root.Append(eas.NewText(codepages.AirSyncSyncKey, "fuzz"))
			out, err = root.AppendWBXML(nil)
			if err != nil {
				t.Fatalf("AppendWBXML of a changed tree: %v", err)
			}
			again, err := eas.Parse(out, opts...)
			if err != nil {
				t.Fatalf("changed tree wrote % x, which does not parse: %v", out, err)
			}
			if n, m := countElements(again), countElements(root); n != m {
				t.Fatalf("changed tree has %d elements, its WBXML %d", m, n)
			}
		}
	})
}

// checkErrorOffset fails t unless err is an *eas.Error or a
// *wbxml.SyntaxError whose offset lies within in.
func checkErrorOffset(t *testing.T, in []byte, err error) {
	t.Helper()
	var ee *eas.Error
	var se *wbxml.SyntaxError
	switch {
	case errors.As(err, &ee):
		if ee.Offset < 0 || ee.Offset > int64(len(in)) {
			t.Fatalf("error offset %d outside %d bytes: %v", ee.Offset, len(in), err)
		}
	case errors.As(err, &se):
		if se.Offset < 0 || se.Offset > int64(len(in)) {
			t.Fatalf("error offset %d outside %d bytes: %v", se.Offset, len(in), err)
		}
	default:
		t.Fatalf("error without an offset: %T %v", err, err)
	}
}

// parseLeavesDiff reports how Parse's result on in differs when it reads
// leaf elements in one step and when it reads every token; "" when not.
func parseLeavesDiff(in []byte) string {
	for i, opts := range [][]eas.Option{nil, {eas.WithStrict(true), eas.WithMaxDepth(8)}, {eas.WithVersion(version.V12_1)}} {
		restore := eas.SetLeaves(false)
		want, werr := eas.Parse(in, opts...) // a Parser of its own: the tree stays
		restore()
		got, gerr := eas.Parse(in, opts...)
		if fmt.Sprint(gerr) != fmt.Sprint(werr) {
			return fmt.Sprintf("options %d: error %v reading leaves in one step, %v token by token", i, gerr, werr)
		}
		if gerr == nil {
			if d := eas.TreeDiff(got, want); d != "" {
				return fmt.Sprintf("options %d: %s", i, d)
			}
		}
	}
	return ""
}

// TestParseLeavesSame: reading leaf elements in one step changes nothing
// in Parse's trees and errors, on every sample, whole and cut short, and
// on the closed-table seeds.
func TestParseLeavesSame(t *testing.T) {
	var inputs [][]byte
	for _, s := range samples(t) {
		inputs = append(inputs, s.data, s.data[:len(s.data)*2/3])
	}
	inputs = append(inputs, closedSeeds(t)...)
	leaves := 0
	for i, in := range inputs {
		if d := parseLeavesDiff(in); d != "" {
			t.Fatalf("input %d (%d bytes): %s", i, len(in), d)
		}
		d := wbxml.NewDecoder(in, wbxml.WithVocabulary(codepages.ActiveSync))
		for {
			tok, err := d.NextLeaf()
			if err != nil {
				break
			}
			if tok.Kind == wbxml.KindLeaf {
				leaves++
			}
		}
	}
	if len(inputs) < 50 || leaves < 1000 {
		t.Fatalf("%d inputs with %d leaves: too few", len(inputs), leaves)
	}
}
