package readme_test

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/easkit/easkit/internal/cli/clitest"
)

// example is one "$ command" of the README with the output shown under it.
type example struct {
	line int    // of the command in README.md
	cmd  string // shell command
	want []string
	exit int
}

// exitNote is the "(exit N)" a README output line ends with when the
// command fails.
var exitNote = regexp.MustCompile(`\s+\(exit (\d+)\)$`)

// examples reads the indented "    $ command" lines of readme and the
// indented lines under each, up to the next command or the end of the
// indented block (empty lines inside it are output too).
func examples(readme string) []example {
	var out []example
	var cur *example
	end := func() {
		if cur != nil {
			for len(cur.want) > 0 && cur.want[len(cur.want)-1] == "" {
				cur.want = cur.want[:len(cur.want)-1]
			}
		}
		cur = nil
	}
	for i, l := range strings.Split(readme, "\n") {
		switch {
		case strings.HasPrefix(l, "    $ "):
			end()
			out = append(out, example{line: i + 1, cmd: l[len("    $ "):]})
			cur = &out[len(out)-1]
		case cur != nil && l == "":
			cur.want = append(cur.want, "")
		case cur != nil && strings.HasPrefix(l, "    "):
			l = l[4:]
			if m := exitNote.FindStringSubmatch(l); m != nil {
				cur.exit, _ = strconv.Atoi(m[1])
				l = l[:len(l)-len(m[0])]
			}
			cur.want = append(cur.want, l)
		default:
			end()
		}
	}
	end()
	return out
}

// matches reports whether got matches want line by line, where a want
// line "…" stands for any number of lines.
func matches(want, got []string) bool {
	if len(want) == 0 {
		return len(got) == 0
	}
	if want[0] == "…" {
		for k := 0; k <= len(got); k++ {
			if matches(want[1:], got[k:]) {
				return true
			}
		}
		return false
	}
	return len(got) > 0 && got[0] == want[0] && matches(want[1:], got[1:])
}

// TestREADMEExamples runs every example of README.md from the root of the
// repository, with the tools built from this tree first on PATH, and
// checks what it prints (standard output and error together) and its exit
// status.
func TestREADMEExamples(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the commands")
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	exs := examples(string(readme))
	if len(exs) < 10 {
		t.Fatalf("found %d examples in README.md; the parser or the README changed", len(exs))
	}
	bin := t.TempDir()
	if _, err := clitest.Build(bin, "../../cmd/wbxml2xml", "../../cmd/xml2wbxml", "../../cmd/easquery"); err != nil {
		t.Fatal(err)
	}
	path := bin + string(os.PathListSeparator) + os.Getenv("PATH")
	for _, ex := range exs {
		t.Run(strconv.Itoa(ex.line), func(t *testing.T) {
			for _, tool := range []string{"xxd", "cmp"} {
				if strings.Contains(ex.cmd, tool+" ") {
					if _, err := exec.LookPath(tool); err != nil {
						t.Skipf("%s is not installed", tool)
					}
				}
			}
			cmd := exec.Command("bash", "-c", ex.cmd)
			cmd.Dir = root
			cmd.Env = append(os.Environ(), "PATH="+path)
			var out bytes.Buffer
			cmd.Stdout = &out
			cmd.Stderr = &out
			err := cmd.Run()
			exit := 0
			if ee := (*exec.ExitError)(nil); errors.As(err, &ee) {
				exit = ee.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			got := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
			if out.Len() == 0 {
				got = nil
			}
			if exit != ex.exit || !matches(ex.want, got) {
				t.Errorf("README.md line %d: $ %s\nexit %d (README: %d); printed:\n%s\nREADME shows:\n%s",
					ex.line, ex.cmd, exit, ex.exit, out.String(), strings.Join(ex.want, "\n"))
			}
		})
	}
}

// TestMatches checks the "…" wildcard of the README's outputs.
func TestMatches(t *testing.T) {
	for _, c := range []struct {
		want, got []string
		ok        bool
	}{
		{[]string{"a", "b"}, []string{"a", "b"}, true},
		{[]string{"a", "b"}, []string{"a", "c"}, false},
		{[]string{"a"}, []string{"a", "b"}, false},
		{[]string{"…", "b"}, []string{"x", "y", "b"}, true},
		{[]string{"…", "b", "…"}, []string{"b"}, true},
		{[]string{"a", "…"}, []string{"b"}, false},
		{nil, nil, true},
		{[]string{"…"}, nil, true},
	} {
		if got := matches(c.want, c.got); got != c.ok {
			t.Errorf("matches(%q, %q) = %v, want %v", c.want, c.got, got, c.ok)
		}
	}
}
