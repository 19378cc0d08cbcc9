package codegen_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/easkit/easkit/internal/codegen"
)

// TestGeneratedFilesAreFresh regenerates every output in memory and fails
// when a committed file differs: the tables under gen/spec changed without
// `go generate ./...`, or someone edited generated code by hand.
func TestGeneratedFilesAreFresh(t *testing.T) {
	root := filepath.Join("..", "..")
	files, err := codegen.Generate(root)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 7 {
		t.Fatalf("Generate returned %d files, want 7", len(files))
	}
	for path, want := range files {
		got, err := os.ReadFile(filepath.Join(root, path))
		if err != nil {
			t.Errorf("stale: run go generate ./... (%v)", err)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("stale: run go generate ./... (%s differs from what gen/spec produces)", path)
		}
	}
}

// TestDeterministic checks that two runs give identical bytes.
func TestDeterministic(t *testing.T) {
	root := filepath.Join("..", "..")
	a, err := codegen.Generate(root)
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		b, err := codegen.Generate(root)
		if err != nil {
			t.Fatal(err)
		}
		for k := range a {
			if !bytes.Equal(a[k], b[k]) {
				t.Fatalf("%s differs between runs", k)
			}
		}
	}
	for k, src := range a {
		if !bytes.HasPrefix(src, []byte("// Code generated ")) || !bytes.Contains(src[:100], []byte("DO NOT EDIT.")) {
			t.Errorf("%s lacks the generated-code header", k)
		}
	}
}

func TestWriteTouchesOnlyChangedFiles(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{"a/x_gen.go": []byte("package a\n"), "b/y_gen.go": []byte("package b\n")}
	wrote, err := codegen.Write(dir, files)
	if err != nil || len(wrote) != 2 {
		t.Fatalf("first Write = %v, %v; want both files", wrote, err)
	}
	files["b/y_gen.go"] = []byte("package b // changed\n")
	wrote, err = codegen.Write(dir, files)
	if err != nil || len(wrote) != 1 || wrote[0] != "b/y_gen.go" {
		t.Fatalf("second Write = %v, %v; want only b/y_gen.go", wrote, err)
	}
}
