// Package xmltext holds the stateless byte helpers of easkit's XML output
// and input: escaping text and attribute values, deciding whether bytes can
// be carried as XML 1.0 text, and strict base64 with whitespace allowed.
//
// Every function appends to or reads from caller-owned slices and allocates
// nothing.
package xmltext
