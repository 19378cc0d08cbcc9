package main

import (
	"bytes"
	"strings"
	"testing"
)

// TestValidateFlag: -validate notes schema problems with their paths and
// exits 0; with -strict it exits 1; a valid message gets no note.
func TestValidateFlag(t *testing.T) {
	bad := "../../testdata/interop/wbxml/mscmd-meetingresponse-req.wbxml"
	good := "../../testdata/interop/wbxml/eas-foldersync-req-synckey0.wbxml"
	for _, c := range []struct {
		args []string
		code int
		note string
	}{
		{[]string{"-validate", bad}, 0, `schema (MeetingResponse request): offset 28: MeetingResponse/Request/InstanceId: "20090907T07:00:00.000Z" is not a date-time`},
		{[]string{"-validate", "-strict", bad}, 1, "not a valid MeetingResponse request message (-validate -strict): 2 problems"},
		{[]string{"-validate", "-strict", good}, 0, ""},
		{[]string{bad}, 0, ""},
	} {
		var stdout, stderr bytes.Buffer
		code := run(c.args, strings.NewReader(""), &stdout, &stderr)
		if code != c.code {
			t.Errorf("%v: exit %d, want %d (%s)", c.args, code, c.code, stderr.String())
		}
		if c.note == "" && strings.Contains(stderr.String(), "schema") || !strings.Contains(stderr.String(), c.note) {
			t.Errorf("%v: stderr %q, want %q", c.args, stderr.String(), c.note)
		}
	}
}
