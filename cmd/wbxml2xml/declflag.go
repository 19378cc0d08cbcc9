package main

import "fmt"

// declFlag is -decl: a boolean flag (-decl, -decl=false) that also takes
// -decl=libwbxml, the declaration libwbxml writes (<?xml version="1.0"?>,
// without the encoding).
type declFlag struct{ o *options }

// IsBoolFlag lets -decl stand alone.
func (declFlag) IsBoolFlag() bool { return true }

// String returns the flag's value.
func (f *declFlag) String() string {
	switch {
	case f.o == nil || !f.o.decl:
		return "false"
	case f.o.declShort:
		return "libwbxml"
	}
	return "true"
}

// Set parses true, false or libwbxml.
func (f *declFlag) Set(s string) error {
	switch s {
	case "true", "1":
		f.o.decl, f.o.declShort = true, false
	case "false", "0":
		f.o.decl, f.o.declShort = false, false
	case "libwbxml":
		f.o.decl, f.o.declShort = true, true
	default:
		return fmt.Errorf("declaration must be true, false or libwbxml")
	}
	return nil
}
