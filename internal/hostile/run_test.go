//go:build linux

package hostile

import (
	"bytes"
	"errors"
	"fmt"
	"github.com/easkit/easkit/internal/cli"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/easkit/easkit/internal/cli/clitest"
)

// addressCap is the address space a command may use, in bytes.
const addressCap = 1 << 30

// ceiling is the peak resident memory a command may reach on any input,
// in bytes: the default input limit (256 MiB) and the runtime's own.
const ceiling = 300 << 20

var (
	buildOnce sync.Once
	bins      map[string]string
	buildErr  error
	binDir    string
)

// binaries builds the commands once for all the tests of the package.
func binaries(t testing.TB) map[string]string {
	t.Helper()
	buildOnce.Do(func() {
		binDir, buildErr = os.MkdirTemp("", "hostile")
		if buildErr == nil {
			bins, buildErr = clitest.Build(binDir, "../../cmd/wbxml2xml", "../../cmd/xml2wbxml", "../../cmd/easquery")
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return bins
}

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// capped returns the command that runs bin with args under addressCap,
// or skips the test when the system has no way to cap it.
func capped(t testing.TB, bin string, args ...string) *exec.Cmd {
	t.Helper()
	if p, err := exec.LookPath("prlimit"); err == nil {
		return exec.Command(p, append([]string{fmt.Sprintf("--as=%d", addressCap), bin}, args...)...)
	}
	if sh, err := exec.LookPath("sh"); err == nil {
		script := fmt.Sprintf(`ulimit -v %d && exec "$0" "$@"`, addressCap>>10)
		return exec.Command(sh, append([]string{"-c", script, bin}, args...)...)
	}
	t.Skip("neither prlimit nor sh (ulimit -v) is available to cap memory")
	return nil
}

// result is what one capped run did.
type result struct {
	exit   int
	stderr string
	maxRSS int64 // bytes
}

// run runs the command bin (a name in binaries) with args and stdin,
// standard output read through a pipe and thrown away (a pipe, unlike
// /dev/null, cannot be sized or mapped: the command must stream to it), and checks what every run must do: at most
// one line on standard error, with no trace of a panic, and a peak memory
// under the ceiling.
func run(t *testing.T, bin string, stdin io.Reader, args ...string) result {
	t.Helper()
	cmd := capped(t, binaries(t)[bin], args...)
	cmd.Stdin = stdin
	cmd.Stdout = io.Discard
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		t.Fatalf("%s %q: %v", bin, args, err)
	}
	r := result{exit: cmd.ProcessState.ExitCode(), stderr: stderr.String()}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.maxRSS = int64(ru.Maxrss) << 10 // KiB on Linux
	}
	for _, bad := range []string{"goroutine ", "runtime:", "panic", "fatal error"} {
		if strings.Contains(r.stderr, bad) {
			t.Errorf("%s %q: standard error holds %q:\n%s", bin, args, bad, firstLines(r.stderr, 5))
		}
	}
	if n := strings.Count(r.stderr, "\n"); r.exit != 0 && n != 1 {
		t.Errorf("%s %q: exit %d with %d lines on standard error, want 1:\n%s", bin, args, r.exit, n, firstLines(r.stderr, 5))
	}
	most := int64(ceiling)
	if !cli.MappedInput {
		// Input read from a pipe grows on the Go heap (32-bit and
		// other systems): the last buffer and the one before it.
		most = 2*int64(cli.DefaultMaxInput) + ceiling
	}
	if r.maxRSS > most {
		t.Errorf("%s %q: peak memory %d MiB, over the ceiling of %d MiB", bin, args, r.maxRSS>>20, most>>20)
	}
	t.Logf("%s %q: exit %d, peak memory %.1f MiB", bin, args, r.exit, float64(r.maxRSS)/(1<<20))
	return r
}

// firstLines returns the first n lines of s.
func firstLines(s string, n int) string {
	lines := strings.SplitAfter(s, "\n")
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "")
}

// testdata is the path of a committed hostile input.
func testdata(name string) string { return filepath.Join("..", "..", "testdata", "hostile", name) }
