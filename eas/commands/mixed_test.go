package commands_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/eas"
	"github.com/easkit/easkit/eas/commands"
	"github.com/easkit/easkit/wbxml"
)

// TestSearchQueryText: a Search Query keeps its text form (the GAL query
// string) and its elements form (Mailbox criteria), through the fast path
// and the reflective one, which write the same bytes; eas.Validate
// accepts both requests.
func TestSearchQueryText(t *testing.T) {
	gal := &commands.SearchRequest{Store: &commands.SearchRequestStore{
		Name:  commands.StoreGAL,
		Query: commands.SearchRequestQuery{Text: "ann"},
	}}
	// The Mailbox form: And's children (FreeText "ann" and a Class) are
	// kept as trees.
	and, err := eas.Parse(mustMarshal(t, &struct {
		XMLName  eas.Name `eas:"Search:And"`
		FreeText string
		Class    string `eas:"AirSync:Class"`
	}{FreeText: "ann", Class: "Email"}))
	if err != nil {
		t.Fatal(err)
	}
	mailbox := &commands.SearchRequest{Store: &commands.SearchRequestStore{
		Name:  commands.StoreMailbox,
		Query: commands.SearchRequestQuery{And: []commands.SearchRequestAnd{{Any: and.Children()}}},
	}}

	for _, c := range []struct {
		name string
		v    *commands.SearchRequest
		xml  string
	}{
		{"GAL", gal, "<Query>ann</Query>"},
		{"Mailbox", mailbox, "<Query><And><FreeText>ann</FreeText>"},
	} {
		t.Run(c.name, func(t *testing.T) {
			fast := mustMarshal(t, c.v)
			slow := mustMarshal(t, plain(c.v))
			if !bytes.Equal(fast, slow) {
				t.Fatalf("fast Marshal % x, reflective % x", fast, slow)
			}
			x, err := wbxml.AppendXML(nil, fast, wbxml.WithVocabulary(codepages.ActiveSync))
			if compact := strings.Join(strings.Fields(string(x)), ""); err != nil || !strings.Contains(compact, c.xml) {
				t.Errorf("XML %s (%v) does not hold %s", x, err, c.xml)
			}
			if err := eas.Validate(fast, eas.AsRequest()); err != nil {
				t.Errorf("Validate: %v", err)
			}
			var viaFast, viaSlow commands.SearchRequest
			if err := eas.Unmarshal(fast, &viaFast, eas.WithStrict(true)); err != nil {
				t.Fatal(err)
			}
			if err := eas.Unmarshal(fast, plain(&viaSlow), eas.WithStrict(true)); err != nil {
				t.Fatal(err)
			}
			for _, got := range []*commands.SearchRequest{&viaFast, &viaSlow} {
				if d := cmp.Diff(c.v.Store.Query, got.Store.Query, cmpOpts); d != "" {
					t.Errorf("Query read back differs (-want +got):\n%s", d)
				}
			}
			if viaFast.Store.Query.Text != c.v.Store.Query.Text {
				t.Errorf("Query.Text = %q, want %q", viaFast.Store.Query.Text, c.v.Store.Query.Text)
			}
		})
	}
}

func mustMarshal(t *testing.T, v any) []byte {
	t.Helper()
	b, err := eas.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
