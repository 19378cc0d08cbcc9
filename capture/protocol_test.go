package capture

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TestDescribeProtocol checks the lines that describe an OPTIONS
// response's MS-ASProtocolVersions and MS-ASProtocolCommands, and the
// notes of lists that do not parse.
func TestDescribeProtocol(t *testing.T) {
	const head = "OPTIONS /Microsoft-Server-ActiveSync HTTP/1.1\r\nHost: mail.example.com\r\n\r\nHTTP/1.1 200 OK\r\n"
	tests := []struct {
		name   string
		header string
		want   string // the lines after the header's blank line, up to the body
		notes  []string
	}{
		{"Exchange's lists",
			"MS-ASProtocolVersions: 2.5,12.0,12.1,14.0,14.1,16.0,16.1\r\nMS-ASProtocolCommands: Sync,SendMail,SmartForward,SmartReply,GetAttachment,FolderSync,Ping,ItemOperations,Provision,Find\r\n",
			"Protocol versions: 2.5, 12.0, 12.1, 14.0, 14.1, 16.0, 16.1 (a client of every version would use 16.1)\n" +
				"Commands: Sync, SendMail, SmartForward, SmartReply, GetAttachment, FolderSync, Ping, ItemOperations, Provision, Find (10)\n\n", nil},
		{"an older server, spaces and repeated fields",
			"MS-ASProtocolVersions: 2.0, 2.1,\r\nMS-ASProtocolVersions: 2.5\r\n",
			"Protocol versions: 2.0, 2.1, 2.5 (a client of every version would use 2.5)\n\n", nil},
		{"commands only", "MS-ASProtocolCommands: Sync, Ping,\r\n", "Commands: Sync, Ping (2)\n\n", nil},
		{"a version never published", "MS-ASProtocolVersions: 17.0\r\n",
			"Protocol versions: 17.0 (a client of every version would find none to use)\n\n", nil},
		{"an empty list", "MS-ASProtocolVersions: \r\n",
			"Protocol versions: none (a client of every version would find none to use)\n\n", nil},
		{"a bad item among good ones", "MS-ASProtocolVersions: 12.1,fourteen,14.0\r\n",
			"Protocol versions: 12.1, 14.0 (a client of every version would use 14.0)\n" +
				"  MS-ASProtocolVersions does not parse: version: \"12.1,fourteen,14.0\": offset 5: expected a digit\n\n",
			[]string{"MS-ASProtocolVersions does not parse: version: \"12.1,fourteen,14.0\": offset 5: expected a digit"}},
		{"nothing parses", "MS-ASProtocolVersions: n/a\r\n",
			"Protocol versions: none (a client of every version would find none to use)\n" +
				"  MS-ASProtocolVersions does not parse: version: \"n/a\": offset 0: expected a digit\n\n",
			[]string{"MS-ASProtocolVersions does not parse: version: \"n/a\": offset 0: expected a digit"}},
		{"a command that is not a name", "MS-ASProtocolCommands: Sync,Send Mail,Ping\r\n",
			"Commands: Sync, Ping (2)\n  MS-ASProtocolCommands does not parse: \"Send Mail\" is not a command name\n\n",
			[]string{`MS-ASProtocolCommands does not parse: "Send Mail" is not a command name`}},
		{"neither field", "Allow: OPTIONS,POST\r\n", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := messages(t, head+tt.header+"Content-Length: 0\r\n\r\n")
			text, notes := ms[1].Describe()
			_, rest, ok := strings.Cut(text, "Content-Length: 0\n\n")
			if !ok {
				t.Fatalf("no header in\n%s", text)
			}
			got, _, _ := strings.Cut(rest, "Body:")
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.notes, notes, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("notes (-want +got):\n%s", diff)
			}
		})
	}
	// A request's fields are not described: only servers send them.
	ms := messages(t, "OPTIONS / HTTP/1.1\r\nMS-ASProtocolVersions: 14.0\r\n\r\n")
	if text, _ := ms[0].Describe(); strings.Contains(text, "Protocol versions:") {
		t.Errorf("request described as an OPTIONS response:\n%s", text)
	}
}
