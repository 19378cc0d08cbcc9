//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

// TestMappedFileTruncated checks that a mapped input file truncated by
// another program while it is read is reported by Recover as an error, the
// way the commands run, and does not crash the process.
func TestMappedFileTruncated(t *testing.T) {
	file := filepath.Join(t.TempDir(), "in")
	if err := os.WriteFile(file, bytes.Repeat([]byte{1}, 1<<20), 0o644); err != nil {
		t.Fatal(err)
	}
	data, err := ReadInput(file, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	run := func() (code int) {
		defer Recover(&b, "tool", &code)
		defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
		if err := os.Truncate(file, 0); err != nil {
			t.Fatal(err)
		}
		sum := 0
		for _, c := range data {
			sum += int(c)
		}
		t.Logf("read %d without a fault: the file was not mapped", sum)
		return ExitOK
	}
	code := run()
	if code == ExitOK {
		t.Skip("the system reads the file instead of mapping it")
	}
	if got := b.String(); code != ExitData || !strings.HasPrefix(got, "tool: the input file changed while it was read (") {
		t.Errorf("exit %d, printed %q", code, got)
	}
}
