//go:build unix

package cli

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestInterrupt interrupts a process writing an output file and checks that
// it removes its temporary file, leaves the old file as it was and exits
// with 128 plus the signal's number.
func TestInterrupt(t *testing.T) {
	for _, tt := range []struct {
		sig  syscall.Signal
		code int
	}{{syscall.SIGINT, 130}, {syscall.SIGTERM, 143}, {syscall.SIGHUP, 129}} {
		t.Run(tt.sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "out")
			if err := os.WriteFile(out, []byte("old"), 0o644); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(os.Args[0])
			cmd.Env = append(os.Environ(), helperEnv+"=hang", helperEnv+"_OUT="+out)
			stdin, err := cmd.StdinPipe() // never closed: the helper waits
			if err != nil {
				t.Fatal(err)
			}
			defer stdin.Close()
			stdout, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			var stderr strings.Builder
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			line, err := bufio.NewReader(stdout).ReadString('\n')
			if err != nil {
				cmd.Process.Kill()
				cmd.Wait()
				t.Fatalf("the helper printed no temporary file: %v (%s)", err, stderr.String())
			}
			tmp := strings.TrimSpace(line)
			if _, err := os.Stat(tmp); err != nil {
				t.Errorf("temporary file: %v", err)
			}
			cmd.Process.Signal(tt.sig)
			cmd.Wait()
			if got := cmd.ProcessState.ExitCode(); got != tt.code {
				t.Errorf("exit status %d (%v), want %d", got, cmd.ProcessState, tt.code)
			}
			if _, err := os.Stat(tmp); !os.IsNotExist(err) {
				t.Errorf("temporary file left behind: %v", err)
			}
			if b, _ := os.ReadFile(out); string(b) != "old" {
				t.Errorf("the output holds %q, want its old content", b)
			}
			es, _ := os.ReadDir(dir)
			if len(es) != 1 {
				t.Errorf("directory holds %d files, want the output only", len(es))
			}
		})
	}
}

// TestInterruptAfterCommit checks that signals are no longer caught once
// the output is in place.
func TestInterruptAfterCommit(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	if err := WriteOutput(out, nil, []byte("x")); err != nil {
		t.Fatal(err)
	}
	temps.Lock()
	n := len(temps.files)
	temps.Unlock()
	if n != 0 {
		t.Errorf("%d temporary files still registered", n)
	}
	if got := SignalStatus(syscall.SIGINT); got != 130 {
		t.Errorf("SignalStatus(SIGINT) = %d, want 130", got)
	}
}
