package cli

import (
	"fmt"
	"strings"
)

// libwbxmlCharsets are the values libwbxml's wbxml2xml takes for -c.
var libwbxmlCharsets = []string{
	"ASCII", "ISO-8859-1", "ISO-8859-2", "ISO-8859-3", "ISO-8859-4",
	"ISO-8859-5", "ISO-8859-6", "ISO-8859-7", "ISO-8859-8", "ISO-8859-9",
	"ISO-10646-UCS-2", "SHIFT_JIS", "BIG5", "UTF-8", "UTF-16",
}

// CheckCharset checks the value of libwbxml's -c flag, the charset of a
// document whose header names none: one of the names libwbxml takes (case
// does not matter). easkit accepts it so that libwbxml's scripts keep
// working, and reads such a document as UTF-8, as ActiveSync sends it.
func CheckCharset(s string) error {
	for _, c := range libwbxmlCharsets {
		if strings.EqualFold(s, c) {
			return nil
		}
	}
	return fmt.Errorf("charset %q is not one libwbxml takes (%s)", s, strings.Join(libwbxmlCharsets, ", "))
}
