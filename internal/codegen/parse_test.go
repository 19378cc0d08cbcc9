package codegen_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/easkit/easkit/internal/codegen"
	"golang.org/x/tools/txtar"
)

// TestParseErrors runs the cases in testdata/errors.txtar: each case
// replaces one spec table of the committed set with a broken one, and the
// parser must fail with a message containing the expected text (which names
// file and line).
func TestParseErrors(t *testing.T) {
	base := map[string][]byte{}
	for _, name := range codegen.SpecFiles {
		b, err := os.ReadFile(filepath.Join("..", "..", name))
		if err != nil {
			t.Fatal(err)
		}
		base[name] = b
	}
	if _, err := codegen.Parse(base); err != nil {
		t.Fatalf("committed tables do not parse: %v", err)
	}
	ar, err := txtar.ParseFile("testdata/errors.txtar")
	if err != nil {
		t.Fatal(err)
	}
	// Files come in pairs: "<case>/<table file>" then "<case>/want".
	cases := 0
	for i := 0; i+1 < len(ar.Files); i += 2 {
		in, want := ar.Files[i], ar.Files[i+1]
		name, table, _ := strings.Cut(in.Name, "/")
		if want.Name != name+"/want" {
			t.Fatalf("archive entry %q must be followed by %q, got %q", in.Name, name+"/want", want.Name)
		}
		cases++
		t.Run(name, func(t *testing.T) {
			files := map[string][]byte{}
			for k, v := range base {
				files[k] = v
			}
			if _, ok := files[table]; !ok {
				t.Fatalf("unknown table %q", table)
			}
			files[table] = in.Data
			_, err := codegen.Parse(files)
			wantText := strings.TrimSpace(string(want.Data))
			if err == nil || !strings.Contains(err.Error(), wantText) {
				t.Errorf("Parse error = %v, want one containing %q", err, wantText)
			}
		})
	}
	if cases < 10 {
		t.Errorf("only %d cases in errors.txtar", cases)
	}
}
