package readme_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
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
	sections := []struct {
		heading, examples string
		counted           string // the file whose blocks a "it is N lines of code" claim counts
	}{
		{"## Messages as Go values", "eas/example*_test.go", "eas/example_client_test.go"},
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
		counted, err := os.ReadFile(filepath.Join("..", "..", s.counted))
		if err != nil {
			t.Fatal(err)
		}
		code := 0
		for _, b := range blocks {
			if !strings.Contains(src.String(), b) {
				t.Errorf("%s: this block is not in %s (copy it from there):\n%s", s.heading, s.examples, b)
			}
			if strings.Contains(string(counted), b) {
				code += codeLines(b)
			}
		}
		// A line count the section claims is the count of its blocks.
		if m := linesClaim.FindStringSubmatch(sectionText(string(readme), s.heading)); m != nil {
			if n, _ := strconv.Atoi(m[1]); n != code {
				t.Errorf("%s says %d lines of code; its blocks have %d", s.heading, n, code)
			}
		}
	}
}

// linesClaim is how a section states the size of its code.
var linesClaim = regexp.MustCompile(`it is (\d+) lines of code`)

// sectionText returns the README section under heading.
func sectionText(readme, heading string) string {
	i := strings.Index(readme, "\n"+heading+"\n")
	if i < 0 {
		return ""
	}
	s := readme[i+1+len(heading):]
	if j := strings.Index(s, "\n## "); j >= 0 {
		s = s[:j]
	}
	return s
}

// codeLines counts the lines of Go code in b: neither blank nor comments.
func codeLines(b string) int {
	n := 0
	for _, l := range strings.Split(b, "\n") {
		l = strings.TrimSpace(l)
		if l != "" && !strings.HasPrefix(l, "//") {
			n++
		}
	}
	return n
}
