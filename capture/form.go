package capture

import (
	"fmt"
	"strings"
)

// Form is the shape of an input: how the ActiveSync bodies are wrapped.
// The zero Form is [FormAuto].
type Form uint8

const (
	// FormAuto asks the [Reader] to detect the form (the default).
	// [Detect] never returns it.
	FormAuto Form = iota
	// FormRaw is the body itself: WBXML, or any other binary body.
	FormRaw
	// FormHex is a hex dump: plain hex digits (Wireshark's "hex stream"),
	// dumps with an offset column (xxd, hexdump -C, hexdump, od, Wireshark's
	// "hex dump", tcpdump -X), lists of 0x.. bytes (C and Go arrays), or
	// string literals with \x and octal escapes (C, Go, Python).
	FormHex
	// FormBase64 is base64 text, standard or URL-safe alphabet, padded or
	// not, on one line or wrapped.
	FormBase64
	// FormHTTP is one or more HTTP/1.x messages as a proxy saves them, or
	// as specifications and e-mails show them: indented, or quoted with
	// "> ", bodies absent or given as hex or base64 text.
	FormHTTP
	// FormHAR is an HTTP Archive (HAR 1.2) JSON file.
	FormHAR
	// FormSAZ is a Fiddler session archive (.saz): a ZIP archive of the
	// raw requests and responses.
	FormSAZ
	// FormBurp is the XML file of Burp Suite's "Save items".
	FormBurp
	// FormLog is a debug log that holds messages among other lines: the
	// hex of EAS-4-TbSync (with or without [WBXML: …] blocks), the
	// WBXML-IN, WBXML-OUT and "WBXML 10K debug data" base64 lines of
	// Z-Push and grommunio-sync, or any log with one base64 or hex body
	// per line after a prefix.
	FormLog
	// FormUnknown is what [Detect] returns when no form fits.
	FormUnknown
)

var formNames = [...]string{
	FormAuto:    "auto",
	FormRaw:     "raw",
	FormHex:     "hex",
	FormBase64:  "base64",
	FormHTTP:    "http",
	FormHAR:     "har",
	FormSAZ:     "saz",
	FormBurp:    "burp",
	FormLog:     "log",
	FormUnknown: "unknown",
}

// String returns the name that [ParseForm] accepts: "auto", "raw", "hex",
// "base64", "http", "har", "saz", "burp", "log", or "unknown".
func (f Form) String() string {
	if int(f) < len(formNames) {
		return formNames[f]
	}
	return fmt.Sprintf("Form(%d)", uint8(f))
}

// ParseForm parses a form name as a command-line flag would give it, case
// insensitively: "auto", "raw" (or "wbxml", "binary"), "hex", "base64" (or
// "b64"), "http", "har", "saz" (or "fiddler"), "burp" (or "burp-xml"),
// "log" (or "tbsync", "z-push", "zpush", "grommunio"). It is the inverse
// of [Form.String] for every form but FormUnknown. Its error lists the
// names that [FormNames] gives.
func ParseForm(s string) (Form, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "auto", "":
		return FormAuto, nil
	case "raw", "wbxml", "binary", "bin":
		return FormRaw, nil
	case "hex", "hexdump", "xxd":
		return FormHex, nil
	case "base64", "b64":
		return FormBase64, nil
	case "http":
		return FormHTTP, nil
	case "har":
		return FormHAR, nil
	case "saz", "fiddler":
		return FormSAZ, nil
	case "burp", "burp-xml":
		return FormBurp, nil
	case "log", "tbsync", "z-push", "zpush", "grommunio", "grommunio-sync":
		return FormLog, nil
	}
	return FormUnknown, fmt.Errorf("capture: unknown input form %q (want %s)", s, FormNames())
}

// FormNames lists the names of the forms a caller may force, as a
// command-line usage or error message would: "auto, raw, hex, base64,
// http, har, saz, burp or log". A command that lists the forms of its
// flag from it shows new forms without being changed.
func FormNames() string {
	var b strings.Builder
	for f := FormAuto; f < FormUnknown; f++ {
		switch {
		case f == FormUnknown-1:
			b.WriteString(" or ")
		case f > FormAuto:
			b.WriteString(", ")
		}
		b.WriteString(f.String())
	}
	return b.String()
}
