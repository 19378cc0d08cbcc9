package main

import (
	"fmt"

	"github.com/easkit/easkit/wbxml"
)

// headerNote returns a note when body's WBXML header is not ActiveSync's
// (public id 1, "unknown", and charset UTF-8 or unspecified), so that a
// document of another WBXML language is not shown as if it were
// ActiveSync without a word; "" otherwise, and when the header does not
// read (the conversion reports that).
func headerNote(body []byte) string {
	h, err := wbxml.NewDecoder(body).Header()
	if err != nil {
		return ""
	}
	var id string
	switch {
	case h.PublicID == wbxml.PublicIDInTable:
		id = fmt.Sprintf("public id %q (in the string table)", h.PublicIDString())
	case h.PublicID != wbxml.PublicIDUnknown:
		id = fmt.Sprintf("public id 0x%02X", h.PublicID)
	}
	cs := ""
	if h.Charset != wbxml.CharsetUTF8 && h.Charset != wbxml.CharsetUnknown {
		cs = fmt.Sprintf("charset %d", h.Charset)
	}
	switch {
	case id != "" && cs != "":
		return fmt.Sprintf("the header's %s and %s are not ActiveSync's (public id 1, charset 106, UTF-8)", id, cs)
	case id != "":
		return fmt.Sprintf("the header's %s is not ActiveSync's (1, unknown)", id)
	case cs != "":
		return fmt.Sprintf("the header's %s is not ActiveSync's (106, UTF-8)", cs)
	}
	return ""
}

// headerLenient is what a note on the header adds without -strict.
const headerLenient = ": converted with the ActiveSync code pages all the same, text to UTF-8"

// headerError is a header that is not ActiveSync's, under -strict.
type headerError struct{ note string }

func (e *headerError) Error() string { return "wbxml: offset 1: " + e.note + " (-strict rejects it)" }
