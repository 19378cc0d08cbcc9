// Command gen writes easkit's generated tables from the spec tables in
// gen/spec: codepages/tables_gen.go (the ActiveSync code pages) and
// b64uri/tables_gen.go (the [MS-ASHTTP] command codes and parameter tags).
//
// It runs from `go generate ./...` (the directive is in codepages/doc.go) or
// by hand from the repository root:
//
//	go run ./gen
//
// It is deterministic and offline, rewrites only files whose content
// changed, and fails, naming file and line, on a row it cannot parse or a
// duplicate (page, token) or (page, name).
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/easkit/easkit/internal/codegen"
)

func main() {
	root := flag.String("root", ".", "repository root holding gen/spec")
	flag.Parse()
	files, err := codegen.Generate(*root)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	wrote, err := codegen.Write(*root, files)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	for _, p := range wrote {
		fmt.Fprintln(os.Stderr, "gen: wrote", p)
	}
}
