package codegen_test

import (
	"path/filepath"
	"testing"

	"github.com/easkit/easkit/internal/codegen"
)

// TestCommandTypes checks the naming scheme and the Go types chosen from
// the occurrence bounds on a few rows.
func TestCommandTypes(t *testing.T) {
	tables, err := codegen.Load(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	m, err := tables.CommandTypes()
	if err != nil {
		t.Fatal(err)
	}
	types := map[string]*codegen.CommandType{}
	roots := 0
	for _, ct := range m.Types {
		if types[ct.Name] != nil {
			t.Errorf("type %s twice", ct.Name)
		}
		types[ct.Name] = ct
		if ct.Node == ct.Message.Root {
			roots++
		}
	}
	if roots != len(tables.Schema.Messages) {
		t.Errorf("%d message types for %d messages", roots, len(tables.Schema.Messages))
	}
	for name, path := range map[string]string{
		"FolderSyncRequest":                "FolderSync",
		"FolderSyncResponseAdd":            "FolderSync/Changes/Add",
		"SyncResponseCollection":           "Sync/Collections/Collection",
		"SyncResponseCommandsAdd":          "Sync/Collections/Collection/Commands/Add",
		"SyncResponseResponsesAdd":         "Sync/Collections/Collection/Responses/Add",
		"SettingsRequestOofSet":            "Settings/Oof/Set",
		"ProvisionResponseEASProvisionDoc": "Provision/Policies/Policy/Data/EASProvisionDoc",
	} {
		if ct := types[name]; ct == nil || ct.Path != path {
			t.Errorf("%s: %+v, want the type of %s", name, ct, path)
		}
	}
	field := func(typ, name string) *codegen.CommandField {
		for _, f := range types[typ].Fields {
			if f.Name == name {
				return f
			}
		}
		t.Fatalf("%s has no field %s", typ, name)
		return nil
	}
	for _, c := range []struct {
		typ, field, goType string
		required           bool
	}{
		{"FolderSyncResponse", "Status", "eas.Status", true},
		{"FolderSyncResponse", "SyncKey", "string", false},
		{"FolderSyncResponse", "Changes", "*FolderSyncResponseChanges", false},
		{"FolderSyncResponseChanges", "Add", "[]FolderSyncResponseAdd", false},
		{"FolderSyncResponseAdd", "Type", "FolderType", true},
		{"SyncRequest", "Wait", "*int", false},
		{"SyncRequest", "Partial", "bool", false},
		{"SyncRequestCollection", "DeletesAsMoves", "*bool", false},
		{"SyncRequestOptions", "FilterType", "*FilterType", false},
		{"SendMailRequest", "Mime", "[]byte", true},
		{"ValidateCertResponseCertificate", "Status", "[]eas.Status", false},
		{"ProvisionResponseEASProvisionDoc", "MinDevicePasswordLength", "*EmptyOrUint", false},
		{"ProvisionResponseData", "EASProvisionDoc", "*ProvisionResponseEASProvisionDoc", false}, // 12.0+ only
		{"MeetingResponseRequestSendResponse", "ProposedStartTime", "CompactTime", false},
		{"FolderCreateRequest", "Type", "FolderType", true},
	} {
		f := field(c.typ, c.field)
		if f.GoType != c.goType || f.Required != c.required {
			t.Errorf("%s.%s: %s required=%v, want %s required=%v", c.typ, c.field, f.GoType, f.Required, c.goType, c.required)
		}
	}
	// Two rows, one field: the branches of GetItemEstimate Collection.
	if f := field("GetItemEstimateRequestCollection", "SyncKey"); len(f.Nodes) != 2 || f.Required {
		t.Errorf("GetItemEstimate Collection SyncKey: %d rows, required %v", len(f.Nodes), f.Required)
	}
	if !types["SyncRequestAddApplicationData"].Any || types["MeetingResponseRequestBody"].Any || types["SyncRequestAdd"].Any {
		t.Error("Any fields: want them for open content (ApplicationData) only, not for containers whose children are rows")
	}
	// A mixed element keeps its text too (Text, the chardata option).
	for name, want := range map[string]bool{"SearchRequestQuery": true, "SearchRequestAnd": true, "SearchRequestOr": true, "SearchRequestStore": false, "SyncRequestAddApplicationData": false} {
		if got := types[name].Text; got != want {
			t.Errorf("%s: Text %v, want %v", name, got, want)
		}
	}
	// A propnames element keeps its names (Names, the names option), and
	// the children that are not names in Any.
	for name, want := range map[string]bool{"SyncRequestSupported": true, "ItemOperationsRequestSchema": true, "SyncRequestAddApplicationData": false, "SearchRequestQuery": false} {
		if got := types[name].Names; got != want || want && !types[name].Any {
			t.Errorf("%s: Names %v (Any %v), want %v", name, got, types[name].Any, want)
		}
	}
	// A container whose children the table lists has them as fields.
	for _, c := range []struct{ typ, field, goType string }{
		{"MeetingResponseRequestBody", "Data", "string"},
		{"SyncRequestBodyPartPreference", "Type", "BodyType"},
		{"SettingsResponseOofMessage", "ReplyMessage", "string"},
	} {
		if f := field(c.typ, c.field); f.GoType != c.goType {
			t.Errorf("%s.%s: %s, want %s", c.typ, c.field, f.GoType, c.goType)
		}
	}
}
