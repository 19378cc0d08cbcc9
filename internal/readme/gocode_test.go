package readme_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// goBlocks returns the ```go blocks of the README section that starts with
// heading, up to the next "## " heading.
func goBlocks(t *testing.T, readme, heading string) []string {
	t.Helper()
	i := strings.Index(readme, "\n"+heading+"\n")
	if i < 0 {
		t.Fatalf("README has no section %q", heading)
	}
	section := readme[i+1:]
	if j := strings.Index(section[len(heading):], "\n## "); j >= 0 {
		section = section[:len(heading)+j]
	}
	var blocks []string
	for {
		s := strings.Index(section, "```go\n")
		if s < 0 {
			return blocks
		}
		section = section[s+len("```go\n"):]
		e := strings.Index(section, "```\n")
		if e < 0 {
			t.Fatalf("unterminated go block in %q", heading)
		}
		blocks = append(blocks, section[:e])
		section = section[e:]
	}
}

// TestGoBlocksAreRunExamples: the Go code of the README's sections on
// packages shows code that is compiled and run: every block appears,
// verbatim, in an example file of the package, whose Example functions
// go test runs and checks.
func TestGoBlocksAreRunExamples(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	sections := []struct{ heading, examples string }{
		{"## Messages as Go values", "eas/example*_test.go"},
	}
	for _, s := range sections {
		files, _ := filepath.Glob(filepath.Join("..", "..", s.examples))
		var src strings.Builder
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			src.Write(b)
		}
		blocks := goBlocks(t, string(readme), s.heading)
		if len(blocks) == 0 {
			t.Errorf("%s: no Go code", s.heading)
		}
		for _, b := range blocks {
			if !strings.Contains(src.String(), b) {
				t.Errorf("%s: this block is not in %s (copy it from there):\n%s", s.heading, s.examples, b)
			}
		}
	}
}
