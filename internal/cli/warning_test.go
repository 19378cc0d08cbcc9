package cli

import (
	"errors"
	"testing"

	"github.com/easkit/easkit/version"
	"github.com/easkit/easkit/wbxml"
	"github.com/google/go-cmp/cmp"
)

func TestWarningText(t *testing.T) {
	tests := []struct {
		w    wbxml.Warning
		want string
	}{
		{wbxml.Warning{Offset: 7, Page: 0, Code: 0x3F, Err: wbxml.ErrUnknownTag},
			`offset 7: unknown tag token 0x3F on code page 0 (AirSync), shown as <easkit:unknown page="0" token="0x3F">`},
		{wbxml.Warning{Offset: 9, Page: 200, Code: 0x05, Err: wbxml.ErrUnknownTag},
			`offset 9: unknown tag token 0x05 on code page 200, shown as <easkit:unknown page="200" token="0x05">`},
		{wbxml.Warning{Offset: 42, Page: 17, Code: 0x05, Err: wbxml.ErrNotInVersion},
			"offset 42: AirSyncBase:BodyPreference (page 17, token 0x05) is not in protocol version 2.5"},
		{wbxml.Warning{Line: 3, Column: 9, Offset: 40, Page: 17, Code: 0x05, Err: wbxml.ErrNotInVersion},
			"line 3, column 9: AirSyncBase:BodyPreference (page 17, token 0x05) is not in protocol version 2.5"},
		{wbxml.Warning{Offset: 52, Err: wbxml.ErrTrailingData},
			"offset 52: data after the root element ignored (-strict rejects it)"},
		{wbxml.Warning{Line: 1, Column: 37, Err: wbxml.ErrNoXML},
			"line 1, column 37: attribute ignored: ActiveSync WBXML has no attributes"},
		{wbxml.Warning{Offset: 1, Err: errors.New("something new")},
			"offset 1: something new"},
	}
	for _, tt := range tests {
		if got := WarningText(&tt.w, version.V2_5); got != tt.want {
			t.Errorf("WarningText(%+v):\n got %s\nwant %s", tt.w, got, tt.want)
		}
	}
}

func TestNotes(t *testing.T) {
	ws := &wbxml.Warnings{Count: 5}
	for i := range 4 {
		ws.List = append(ws.List, wbxml.Warning{Offset: int64(10 + i), Page: 0, Code: 0x3F, Err: wbxml.ErrUnknownTag})
	}
	got := Notes(ws, 0, "HTTP message 2 body", 2, nil)
	want := []string{
		`HTTP message 2 body: offset 10: unknown tag token 0x3F on code page 0 (AirSync), shown as <easkit:unknown page="0" token="0x3F">`,
		`HTTP message 2 body: offset 11: unknown tag token 0x3F on code page 0 (AirSync), shown as <easkit:unknown page="0" token="0x3F">`,
		"HTTP message 2 body: 3 more warnings",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}

	// The warning that strict mode's error repeats is left out.
	strictErr := &wbxml.SyntaxError{Offset: 10, Err: wbxml.ErrUnknownTag}
	ws = &wbxml.Warnings{Count: 1, List: []wbxml.Warning{{Offset: 10, Code: 0x3F, Err: wbxml.ErrUnknownTag}}}
	if got := Notes(ws, 0, "", 20, strictErr); len(got) != 0 {
		t.Errorf("notes %q, want none: the error says it", got)
	}
	other := &wbxml.SyntaxError{Offset: 99, Err: wbxml.ErrUnknownTag}
	if got := Notes(ws, 0, "", 20, other); len(got) != 1 {
		t.Errorf("notes %q, want the warning about another place", got)
	}
	xmlErr := &wbxml.XMLError{Offset: 10, Err: wbxml.ErrUnknownTag}
	if got := Notes(ws, 0, "", 20, xmlErr); len(got) != 0 {
		t.Errorf("notes %q, want none for the XML error at the same offset", got)
	}
	if got := Notes(nil, 0, "", 20, nil); got != nil {
		t.Errorf("Notes(nil) = %q", got)
	}
}
