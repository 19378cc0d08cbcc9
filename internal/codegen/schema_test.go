package codegen_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/easkit/easkit/internal/codegen"
)

func loadCodePages(t *testing.T) *codegen.Tables {
	t.Helper()
	files := map[string][]byte{}
	for _, name := range codegen.SpecFiles {
		b, err := os.ReadFile(filepath.Join("..", "..", name))
		if err != nil {
			t.Fatal(err)
		}
		files[name] = b
	}
	tb, err := codegen.Parse(files)
	if err != nil {
		t.Fatal(err)
	}
	return tb
}

const schemaHeader = "message\tpath\tcontent\tmin\tmax\tgroup\torder\tvalues\tsince\tuntil\tnote\n"

func TestSchemaDisagreements(t *testing.T) {
	cases := []struct {
		name, rows, notes, want string
	}{
		{"unknown tag", "X request\tAirSync:Sync\tcontainer\t1\t1\t-\t1\t-\t-\t-\t-\nX request\tAirSync:Sync/AirSync:NoSuchTag\ttext\t0\t1\t-\t1\t-\t-\t-\t-\n", "", "no tag NoSuchTag on page AirSync"},
		{"alias", "X request\tComposeMail:SmartForward\tcontainer\t1\t1\t-\t1\t-\t-\t-\t-\nX request\tComposeMail:SmartForward/ComposeMail:ForwardeeEmail\ttext\t0\t1\t-\t-\t-\t16.0\t-\t-\n", "", "alias of ComposeMail:Email"},
		{"before the tag", "X request\tFind:Find\tcontainer\t1\t1\t-\t1\t-\t16.0\t-\t-\n", "", "since 16.0, but the code page has the tag from 16.1"},
		{"ended tag", "X request\tGetItemEstimate:GetItemEstimate\tcontainer\t1\t1\t-\t1\t-\t-\t-\t-\nX request\tGetItemEstimate:GetItemEstimate/GetItemEstimate:Class\ttext\t0\t1\t-\t1\t-\t-\t-\t-\n", "", "open-ended, but the code page ends the tag at 12.1"},
		{"accepted", "X request\tFind:Find\tcontainer\t1\t1\t-\t1\t-\t16.0\t-\t-\n", "accept\tX request\tFind:Find\tthe schema wins\n", ""},
		{"bad group", "X request\tAirSync:Sync\tcontainer\t1\t1\t-\t1\t-\t-\t-\t-\nX request\tAirSync:Sync/AirSync:Status\ttext\t0\t1\tx1\t1\t-\t-\t-\t-\n", "", "bad group"},
		{"no parent", "X request\tAirSync:Sync\tcontainer\t1\t1\t-\t1\t-\t-\t-\t-\nX request\tAirSync:Sync/AirSync:Collections/AirSync:Collection\tcontainer\t0\t1\t-\t1\t-\t-\t-\t-\n", "", "no row for the parent"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tb := loadCodePages(t)
			err := tb.ParseSchema([]byte(schemaHeader+c.rows), []byte(c.notes))
			switch {
			case c.want == "" && err != nil:
				t.Fatalf("ParseSchema: %v", err)
			case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
				t.Fatalf("ParseSchema = %v, want an error containing %q", err, c.want)
			}
		})
	}
}

func TestStatusErrors(t *testing.T) {
	for _, c := range []struct{ rows, want string }{
		{"Sync\t3\tInvalidSyncKey\tx\nSync\t3\tOther\ty\n", "duplicate code"},
		{"*\t99\tLow\tx\n", "outside 101-177"},
		{"Sync\t1\tSuccess\tx\nSync\t2\tSuccess\ty\n", "already named"},
		{"Sync\t1\tnot ident\tx\n", "not an identifier"},
	} {
		tb := loadCodePages(t)
		err := tb.ParseStatus([]byte("command\tcode\tname\tmeaning\n" + c.rows))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("ParseStatus(%q) = %v, want %q", c.rows, err, c.want)
		}
	}
}

// TestSchemaCoverage checks that the committed table has both directions
// of the commands that have a body both ways.
func TestSchemaCoverage(t *testing.T) {
	tb, err := codegen.Load(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, m := range tb.Schema.Messages {
		have[m.Name] = true
	}
	for _, cmd := range []string{"Sync", "FolderSync", "FolderCreate", "FolderDelete", "FolderUpdate", "GetItemEstimate", "ItemOperations", "MeetingResponse", "MoveItems", "Ping", "Provision", "ResolveRecipients", "Search", "Settings", "SmartForward", "SmartReply", "SendMail", "ValidateCert", "Find"} {
		for _, dir := range []string{" request", " response"} {
			if !have[cmd+dir] {
				t.Errorf("no rows for %s%s", cmd, dir)
			}
		}
	}
}
