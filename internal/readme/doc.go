// Package readme holds the test that runs the examples of the project's
// README.md with the commands built from this tree, so that what the
// README shows stays what the tools do. It has no code of its own.
package readme
