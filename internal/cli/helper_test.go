package cli

import (
	"fmt"
	"io"
	"os"
	"testing"
)

// helperEnv, when set in the environment, makes the test binary act as a
// small command instead of running the tests, for the tests that need a
// process of their own: to be interrupted, or to have a given standard
// output.
const helperEnv = "EASKIT_CLI_TEST_HELPER"

func TestMain(m *testing.M) {
	if mode := os.Getenv(helperEnv); mode != "" {
		os.Exit(helper(mode, os.Getenv(helperEnv+"_OUT")))
	}
	os.Exit(m.Run())
}

// helper is the command the test binary becomes:
//
//   - "write" writes "hello" to the output named out;
//   - "hang" opens the output, writes part of it, prints the name of its
//     temporary file on a line and waits for standard input to end.
func helper(mode, out string) int {
	switch mode {
	case "write":
		if err := WriteOutput(out, os.Stdout, []byte("hello")); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return ExitData
		}
		return ExitOK
	case "hang":
		o, err := CreateOutput(out)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return ExitData
		}
		o.Write([]byte("partial"))
		fmt.Println(o.tmp)
		io.Copy(io.Discard, os.Stdin)
		if err := o.Commit(); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return ExitData
		}
		return ExitOK
	}
	fmt.Fprintf(os.Stderr, "unknown helper mode %q\n", mode)
	return ExitUsage
}
