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

const classHeader = "class\tpath\tcontent\tmin\tmax\tvalues\tsince\tuntil\tnote\n"

// TestClassErrors: the item-class table and the unions built from it
// fail on what they cannot hold.
func TestClassErrors(t *testing.T) {
	appdata := "X request\tAirSync:Sync\tcontainer\t1\t1\t-\t1\t-\t-\t-\t-\nX request\tAirSync:Sync/AirSync:ApplicationData\tappdata\t0\t1\t-\t1\tA,B\t-\t-\t-\n"
	for _, c := range []struct{ name, classes, schema, want string }{
		{"unknown tag", "A\tEmail:NoSuchTag\ttext\t0\t1\t-\t-\t-\t-\n", "", "no tag NoSuchTag"},
		{"open content", "A\tEmail:Subject\tany\t0\t1\t-\t-\t-\t-\n", "", "not a class element's"},
		{"min above 1", "A\tEmail:Subject\ttext\t2\t2\t-\t-\t-\t-\n", "", "bad min"},
		{"child of a leaf", "A\tEmail:Subject\ttext\t0\t1\t-\t-\t-\t-\nA\tEmail:Subject/Email:To\ttext\t0\t1\t-\t-\t-\t-\n", "", "not a container"},
		{"ended tag open-ended", "A\tEmail:Body\ttext\t0\t1\t-\t-\t-\t-\n", "", "ends the tag at 2.5"},
		{"same tag in two classes", "A\tEmail:Subject\ttext\t0\t1\t-\t-\t-\t-\nB\tEmail:Subject\ttext\t0\t1\t-\t-\t-\t-\n", appdata, "one row per element"},
		{"unknown class", "A\tEmail:Subject\ttext\t0\t1\t-\t-\t-\t-\n", appdata, `no class "B"`},
		{"union", "A\tEmail:Subject\ttext\t0\t1\t-\t-\t-\t-\nB\tCalendar:Subject\ttext\t0\t1\t-\t-\t-\t-\n", appdata, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			tb := loadCodePages(t)
			err := tb.ParseClasses([]byte(classHeader + c.classes))
			if err == nil && c.schema != "" {
				err = tb.ParseSchema([]byte(schemaHeader+c.schema), nil)
			}
			switch {
			case c.want == "" && err != nil:
				t.Fatalf("unexpected error: %v", err)
			case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
				t.Fatalf("error %v, want one containing %q", err, c.want)
			}
			if c.want == "" {
				if u := tb.Schema.Unions; len(u) != 1 || len(u[0].Top) != 2 {
					t.Fatalf("unions %+v, want one of 2 elements", u)
				}
			}
		})
	}
}

// TestPropNames: a "propnames" row holds its classes' top-level elements
// as empty, childless, at-most-once copies, a union of its own beside the
// "appdata" union of the same classes, whose copies keep their content.
func TestPropNames(t *testing.T) {
	tb := loadCodePages(t)
	classes := "A\tCalendar:Attendees\tcontainer\t0\t1\t-\t-\t-\t-\nA\tCalendar:Attendees/Calendar:Attendee\tcontainer\t0\t*\t-\t-\t-\t-\nA\tCalendar:Sensitivity\tunsignedByte\t0\t1\t0..3\t-\t-\t-\n"
	schema := "X request\tAirSync:Sync\tcontainer\t1\t1\t-\t1\t-\t-\t-\t-\n" +
		"X request\tAirSync:Sync/AirSync:Supported\tpropnames\t0\t1\t-\t1\tA\t-\t-\t-\n" +
		"X request\tAirSync:Sync/AirSync:ApplicationData\tappdata\t0\t1\t-\t2\tA\t-\t-\t-\n"
	if err := tb.ParseClasses([]byte(classHeader + classes)); err != nil {
		t.Fatal(err)
	}
	if err := tb.ParseSchema([]byte(schemaHeader+schema), nil); err != nil {
		t.Fatal(err)
	}
	if u := tb.Schema.Unions; len(u) != 2 || !u[0].Names || u[1].Names {
		t.Fatalf("unions %+v, want a names union and an appdata one", u)
	}
	root := tb.Schema.Messages[0].Root
	sup, app := root.Layout[0], root.Layout[1]
	for i, c := range sup.Layout {
		if c.Content != "empty" || c.Min != 0 || c.Max != 1 || len(c.Layout) != 0 || c.HasRange {
			t.Errorf("Supported child %d: %s content %s, %d..%d, %d children, range %v; want empty, 0..1, none", i, c.Tag.Name, c.Content, c.Min, c.Max, len(c.Layout), c.HasRange)
		}
	}
	if len(sup.Layout) != 2 || len(app.Layout) != 2 || app.Layout[0].Content != "container" || len(app.Layout[0].Layout) != 1 || !app.Layout[1].HasRange {
		t.Errorf("ApplicationData children %+v: the class rows as they are", app.Layout)
	}
}

// TestSchemaRef: a row whose values column is "=path" shares the children
// of that ancestor (the recursion of Search's queryType), and the forms
// the generator cannot lay out fail.
func TestSchemaRef(t *testing.T) {
	const q = "X request\tSearch:Search\tcontainer\t1\t1\t-\t1\t-\t-\t-\t-\n" +
		"X request\tSearch:Search/Search:Query\tmixed\t1\t1\t-\t1\t-\t-\t-\t-\n" +
		"X request\tSearch:Search/Search:Query/Search:FreeText\ttext\t0\t*\tc1*\t1\t-\t-\t-\t-\n"
	for _, c := range []struct{ name, rows, want string }{
		{"recursion", q + "X request\tSearch:Search/Search:Query/Search:And\tmixed\t0\t*\tc1*\t1\t=Search:Search/Search:Query\t-\t-\t-\n", ""},
		{"not an ancestor", q + "X request\tSearch:Search/Search:Query/Search:And\tmixed\t0\t*\tc1*\t1\t=Search:Search/Search:Options\t-\t-\t-\n", "not an ancestor"},
		{"a leaf", q + "X request\tSearch:Search/Search:Query/Search:And\ttext\t0\t*\tc1*\t1\t=Search:Search/Search:Query\t-\t-\t-\n", "only a container or mixed row"},
		{"rows of its own", q + "X request\tSearch:Search/Search:Query/Search:And\tmixed\t0\t*\tc1*\t1\t=Search:Search/Search:Query\t-\t-\t-\n" +
			"X request\tSearch:Search/Search:Query/Search:And/Search:Value\ttext\t0\t1\t-\t1\t-\t-\t-\t-\n", "has rows of its own"},
	} {
		t.Run(c.name, func(t *testing.T) {
			tb := loadCodePages(t)
			err := tb.ParseSchema([]byte(schemaHeader+c.rows), nil)
			if c.want != "" {
				if err == nil || !strings.Contains(err.Error(), c.want) {
					t.Fatalf("error %v, want one containing %q", err, c.want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			query := tb.Schema.Messages[0].Root.Layout[0]
			and := query.Layout[1]
			if and.Ref != query || len(and.Layout) != 2 || and.Layout[0] != query.Layout[0] || and.Layout[1] != and {
				t.Fatalf("And's children %v, want Query's (FreeText, And)", and.Layout)
			}
		})
	}
}

// TestSchemaContainersHaveChildren: every container or mixed row lists its
// children (or shares another row's, or holds a class union), so that
// Validate never rejects every child of an element the table only names.
func TestSchemaContainersHaveChildren(t *testing.T) {
	tb, err := codegen.Load(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, n := range tb.Schema.Nodes[1:] {
		if n.Content != "container" && n.Content != "mixed" || n.Ref != nil || n.Union != 0 {
			continue
		}
		checked++
		if len(n.Children) == 0 {
			src := codegen.SchemaFile
			if n.Class != "" {
				src = "the class table"
			}
			t.Errorf("%s line %d: %s %s has no child rows", src, n.Line, n.Content, n.Tag.Name)
		}
	}
	if checked < 100 {
		t.Fatalf("only %d container rows checked", checked)
	}
}
