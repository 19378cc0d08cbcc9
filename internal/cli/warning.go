package cli

import (
	"errors"
	"fmt"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/version"
	"github.com/easkit/easkit/wbxml"
)

// WarningText renders a warning of a conversion as one line, for a note on
// standard error: where (byte offset in WBXML input, line and column in
// XML input) and what. proto is the protocol version being checked, for
// tags outside it.
func WarningText(w *wbxml.Warning, proto version.Version) string {
	where := fmt.Sprintf("offset %d", w.Offset)
	if w.Line > 0 {
		where = fmt.Sprintf("line %d, column %d", w.Line, w.Column)
	}
	switch {
	case errors.Is(w.Err, wbxml.ErrUnknownTag):
		return fmt.Sprintf("%s: unknown tag %s, shown as <easkit:unknown page=\"%d\" token=\"0x%02X\">", where, tagText(w.Page, w.Code), w.Page, w.Code)
	case errors.Is(w.Err, wbxml.ErrNotInVersion):
		return fmt.Sprintf("%s: %s is not in protocol version %s", where, tagText(w.Page, w.Code), proto)
	case errors.Is(w.Err, wbxml.ErrTrailingData):
		return where + ": data after the root element ignored (-strict rejects it)"
	case errors.Is(w.Err, wbxml.ErrNoXML):
		return where + ": attribute ignored: ActiveSync WBXML has no attributes"
	}
	return where + ": " + w.Err.Error()
}

// tagText names a tag for people: "Email:Subject (page 2, token 0x14)", or
// "token 0x3F on code page 4 (Calendar)" when the page has no such tag.
func tagText(page, code uint8) string {
	v := codepages.ActiveSync
	if name := v.TagName(page, code); name != "" {
		return fmt.Sprintf("%s:%s (page %d, token 0x%02X)", v.PageName(page), name, page, code)
	}
	if p := v.PageName(page); p != "" {
		return fmt.Sprintf("token 0x%02X on code page %d (%s)", code, page, p)
	}
	return fmt.Sprintf("token 0x%02X on code page %d", code, page)
}

// Notes renders the warnings of one conversion as lines, at most max of
// them followed by a line saying how many more there were. where, when not
// empty, names the message they belong to. err is the conversion's error, or
// nil: a warning about the same problem at the same place (strict mode
// failing on a tag that lenient mode would have noted) is left out, since
// the error says it.
func Notes(ws *wbxml.Warnings, proto version.Version, where string, max int, err error) []string {
	if ws == nil || ws.Count == 0 {
		return nil
	}
	prefix := ""
	if where != "" {
		prefix = where + ": "
	}
	var out []string
	skipped := 0
	for i := range ws.List {
		if len(out) == max {
			break
		}
		w := &ws.List[i]
		if duplicates(w, err) {
			skipped++
			continue
		}
		out = append(out, prefix+WarningText(w, proto))
	}
	if more := ws.Count - len(out) - skipped; more > 0 {
		out = append(out, fmt.Sprintf("%s%d more warnings", prefix, more))
	}
	return out
}

// duplicates reports whether w is about the problem that err reports.
func duplicates(w *wbxml.Warning, err error) bool {
	if err == nil || !errors.Is(err, w.Err) {
		return false
	}
	var se *wbxml.SyntaxError
	if errors.As(err, &se) {
		return se.Offset == w.Offset
	}
	var xe *wbxml.XMLError
	if errors.As(err, &xe) {
		return xe.Offset == w.Offset
	}
	return false
}
