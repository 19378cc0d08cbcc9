package main

import (
	"bytes"
	"fmt"
	"os"
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
		{[]string{"-validate", bad}, 0, `schema (MeetingResponse request in 16.1): offset 28: MeetingResponse/Request/InstanceId: "20090907T07:00:00.000Z" is not a date-time`},
		{[]string{"-validate", bad}, 0, "schema: checked against protocol 16.1 (the newest; no -protocol and no version in the capture)"},
		{[]string{"-validate", "-protocol", "14.1", bad}, 0, `schema (MeetingResponse request in 14.1): offset 28:`},
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

// TestValidateVersionFromCapture: without -protocol, -validate takes the
// version of the capture's MS-ASProtocolVersion header, and for the
// response the request's; -protocol wins over both.
func TestValidateVersionFromCapture(t *testing.T) {
	body, err := os.ReadFile("../../testdata/interop/wbxml/mscmd-meetingresponse-req.wbxml")
	if err != nil {
		t.Fatal(err)
	}
	resp, err := os.ReadFile("../../testdata/interop/wbxml/mscmd-meetingresponse-resp.wbxml")
	if err != nil {
		t.Fatal(err)
	}
	var in bytes.Buffer
	fmt.Fprintf(&in, "POST /Microsoft-Server-ActiveSync?Cmd=MeetingResponse&User=u&DeviceId=d&DeviceType=t HTTP/1.1\r\nMS-ASProtocolVersion: 14.0\r\nContent-Type: application/vnd.ms-sync.wbxml\r\nContent-Length: %d\r\n\r\n", len(body))
	in.Write(body)
	fmt.Fprintf(&in, "HTTP/1.1 200 OK\r\nContent-Type: application/vnd.ms-sync.wbxml\r\nContent-Length: %d\r\n\r\n", len(resp))
	in.Write(resp)
	for _, c := range []struct {
		args []string
		want []string
	}{
		{[]string{"-validate"}, []string{
			"HTTP message 1 body: schema: checked against protocol 14.0 (the MS-ASProtocolVersion header)",
			"HTTP message 1 body: schema (MeetingResponse request in 14.0): offset 28:",
			"HTTP message 2 body: schema: checked against protocol 14.0 (the version of the request before it)",
			"HTTP message 2 body: schema (MeetingResponse response in 14.0): offset 35: MeetingResponse/Result[2]/Search:LongId"}},
		{[]string{"-validate", "-protocol", "16.1"}, []string{"schema (MeetingResponse request in 16.1): offset 28:"}},
	} {
		var stdout, stderr bytes.Buffer
		if code := run(c.args, bytes.NewReader(in.Bytes()), &stdout, &stderr); code != 0 {
			t.Fatalf("%v: exit %d: %s", c.args, code, stderr.String())
		}
		for _, w := range c.want {
			if !strings.Contains(stderr.String(), w) {
				t.Errorf("%v: stderr lacks %q:\n%s", c.args, w, stderr.String())
			}
		}
		if len(c.args) > 1 && strings.Contains(stderr.String(), "checked against") {
			t.Errorf("%v: a version note with -protocol:\n%s", c.args, stderr.String())
		}
	}
}
