package codegen_test

import (
	"slices"
	"testing"

	"github.com/easkit/easkit/internal/codegen"
)

func TestSelect(t *testing.T) {
	files := map[string][]byte{
		codegen.CodePagesOut: []byte("package codepages\n"),
		codegen.B64URIOut:    []byte("package b64uri\n"),
	}
	for _, tc := range []struct {
		name string
		dirs []string
		want []string
	}{
		{"all", nil, []string{codegen.B64URIOut, codegen.CodePagesOut}},
		{"one", []string{"b64uri"}, []string{codegen.B64URIOut}},
		{"cleaned", []string{"./codepages/"}, []string{codegen.CodePagesOut}},
		{"both", []string{"codepages", "b64uri"}, []string{codegen.B64URIOut, codegen.CodePagesOut}},
	} {
		got, err := codegen.Select(files, tc.dirs...)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		var keys []string
		for k := range got {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		if !slices.Equal(keys, tc.want) {
			t.Errorf("%s: Select(%q) = %v, want %v", tc.name, tc.dirs, keys, tc.want)
		}
	}
	if _, err := codegen.Select(files, "wbxml"); err == nil {
		t.Error("Select of a directory with no generated file: no error")
	}
}
