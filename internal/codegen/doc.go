// Package codegen turns the spec tables committed under gen/spec into Go
// source: the ActiveSync code pages of package codepages, the command and
// parameter tables of package b64uri, the command schemas and status codes
// of package eas, and the command types of package eas/commands.
//
// It is used by the generator command in gen/ (run by `go generate ./...`)
// and by the tests that fail when the committed output is stale. Output is
// deterministic: the same tables always give the same bytes, with no
// timestamps, formatted by go/format.
package codegen
