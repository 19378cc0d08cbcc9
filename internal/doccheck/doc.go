// Package doccheck holds the test that every exported name in the module's
// library packages has a doc comment. It has no code of its own.
package doccheck
