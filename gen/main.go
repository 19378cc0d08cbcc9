// Command gen writes easkit's generated tables from the spec tables in
// gen/spec: codepages/tables_gen.go (the ActiveSync code pages),
// b64uri/tables_gen.go (the [MS-ASHTTP] command codes and parameter tags),
// eas/schema_gen.go and eas/status_gen.go (the [MS-ASCMD] command
// schemas of ascmd-schema.tsv and the status codes of ascmd-status.tsv),
// eas/commands/commands_gen.go (a Go type for every request and
// response of ascmd-schema.tsv), eas/commands/classes_gen.go (a Go type
// for every item class of asclass-schema.tsv that asclass-items.tsv lists
// as an item), and wbxml/decode_fast_gen.go (the
// decoder's reading methods with the fast path of wbxml/decode_fast.go
// inline).
//
// Each of the five packages has its own go:generate directive (in
// codepages/doc.go, b64uri/doc.go, eas/schema.go, eas/commands/doc.go and
// wbxml/decode_fast.go), which names its
// directory, so that `go generate ./b64uri` rewrites only b64uri's tables
// and `go generate ./...` rewrites all of them. By hand, from the repository root:
//
//	go run ./gen            # every generated file
//	go run ./gen b64uri     # the files of the named package directories
//
// It is deterministic and offline, rewrites only files whose content
// changed, and fails, naming file and line, on a row it cannot parse, a
// duplicate (page, token) or (page, name), or a schema row that disagrees
// with the code pages (a tag the page does not have, an alias, versions
// outside the tag's) unless gen/spec/ascmd-schema.md accepts it.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/easkit/easkit/internal/codegen"
)

func main() {
	root := flag.String("root", ".", "repository root holding gen/spec")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: gen [-root DIR] [package-dir ...]")
		flag.PrintDefaults()
	}
	flag.Parse()
	files, err := codegen.Generate(*root)
	if err == nil {
		files, err = codegen.Select(files, flag.Args()...)
	}
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
