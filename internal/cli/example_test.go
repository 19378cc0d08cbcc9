package cli_test

import (
	"fmt"

	"github.com/easkit/easkit/internal/cli"
)

func ExampleAppendComment() {
	fmt.Print(string(cli.AppendComment(nil, "X-Boundary: --abc--")))
	// Output:
	// <!-- X-Boundary: - -abc- -  -->
}
