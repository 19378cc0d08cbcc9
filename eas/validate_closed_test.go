package eas_test

import (
	"strings"
	"testing"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/eas"
	"github.com/easkit/easkit/version"
)

// The tests of the content the schema tables close that was open before:
// the DocumentLibrary and RightsManagement classes, the Settings rights
// management templates, Find Properties, Sync Supported and Search Query.

// A tnode is an element to write: with kids, a container; else its text
// (none for an empty element).
type tnode struct {
	tag   codepages.Tag
	text  string
	empty bool
	kids  []tnode
}

// el is a container, tx a text element, em an empty element.
func el(tag codepages.Tag, kids ...tnode) tnode { return tnode{tag: tag, kids: kids} }
func tx(tag codepages.Tag, s string) tnode      { return tnode{tag: tag, text: s} }
func em(tag codepages.Tag) tnode                { return tnode{tag: tag, empty: true} }

// rep returns n copies of e.
func rep(n int, e tnode) []tnode {
	out := make([]tnode, n)
	for i := range out {
		out[i] = e
	}
	return out
}

func writeNode(b *eas.Builder, n tnode) {
	switch {
	case n.empty:
		b.Empty(n.tag)
	case n.kids == nil:
		b.Text(n.tag, n.text)
	default:
		b.Start(n.tag)
		for _, k := range n.kids {
			writeNode(b, k)
		}
		b.End()
	}
}

func msgOf(t testing.TB, root tnode) []byte {
	return build(t, func(b *eas.Builder) { writeNode(b, root) })
}

// closedCase is a message that must validate (kind 0) or report exactly
// one problem of kind at a path ending in path, with msg in its text.
type closedCase struct {
	name string
	root tnode
	opts []eas.Option
	kind eas.ProblemKind
	path string
	msg  string
}

func runClosed(t *testing.T, cases []closedCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := eas.Validate(msgOf(t, c.root), c.opts...)
			if c.kind == 0 {
				if err != nil {
					t.Fatalf("Validate = %v, want nil", err)
				}
				return
			}
			p := oneProblem(t, err)
			if p.Kind != c.kind || !strings.HasSuffix(p.Path, c.path) || !strings.Contains(p.Msg, c.msg) {
				t.Errorf("problem %+v\nwant kind %v, path ending %s, msg containing %q", p, c.kind, c.path, c.msg)
			}
		})
	}
}

var v141 = eas.WithVersion(version.V14_1)

// rmLicense is a RightsManagementLicense with every child; drop leaves out
// the child with that tag, and extra is appended.
func rmLicense(drop codepages.Tag, extra ...tnode) tnode {
	kids := []tnode{
		tx(codepages.RightsManagementOwner, "1"),
		tx(codepages.RightsManagementContentOwner, "owner@example.com"),
		tx(codepages.RightsManagementReplyAllowed, "1"),
		tx(codepages.RightsManagementReplyAllAllowed, "1"),
		tx(codepages.RightsManagementEditAllowed, "0"),
		tx(codepages.RightsManagementForwardAllowed, "0"),
		tx(codepages.RightsManagementModifyRecipientsAllowed, "0"),
		tx(codepages.RightsManagementExtractAllowed, "0"),
		tx(codepages.RightsManagementPrintAllowed, "1"),
		tx(codepages.RightsManagementExportAllowed, "0"),
		tx(codepages.RightsManagementProgrammaticAccessAllowed, "0"),
		tx(codepages.RightsManagementContentExpiryDate, "9999-12-30T23:59:59.999Z"),
		tx(codepages.RightsManagementTemplateID, "cf5cf348-a8d7-40d5-91ef-a600b88a395d"),
		tx(codepages.RightsManagementTemplateName, "Do Not Forward"),
		tx(codepages.RightsManagementTemplateDescription, "Recipients can read this message, but cannot forward, print, or copy content."),
	}
	var out []tnode
	for _, k := range kids {
		if k.tag != drop {
			out = append(out, k)
		}
	}
	return el(codepages.RightsManagementRightsManagementLicense, append(out, extra...)...)
}

// searchResult is a Search response with one result whose Properties
// holds props.
func searchResult(props ...tnode) tnode {
	return el(codepages.SearchSearch,
		tx(codepages.SearchStatus, "1"),
		el(codepages.SearchResponse,
			el(codepages.SearchStore,
				tx(codepages.SearchStatus, "1"),
				el(codepages.SearchResult, el(codepages.SearchProperties, props...)),
				tx(codepages.SearchRange, "0-0"),
				tx(codepages.SearchTotal, "1"))))
}

// fetchResult is an ItemOperations response fetching one item whose
// Properties holds props.
func fetchResult(props ...tnode) tnode {
	return el(codepages.ItemOperationsItemOperations,
		tx(codepages.ItemOperationsStatus, "1"),
		el(codepages.ItemOperationsResponse,
			el(codepages.ItemOperationsFetch,
				tx(codepages.ItemOperationsStatus, "1"),
				tx(codepages.AirSyncCollectionId, "7"),
				tx(codepages.AirSyncServerId, "7:1"),
				tx(codepages.AirSyncClass, "Email"),
				el(codepages.ItemOperationsProperties, props...))))
}

// syncResponseAdd is a Sync response adding one item with the
// ApplicationData props.
func syncResponseAdd(props ...tnode) tnode {
	return el(codepages.AirSyncSync,
		el(codepages.AirSyncCollections,
			el(codepages.AirSyncCollection,
				tx(codepages.AirSyncSyncKey, "2"),
				tx(codepages.AirSyncCollectionId, "7"),
				tx(codepages.AirSyncStatus, "1"),
				el(codepages.AirSyncCommands,
					el(codepages.AirSyncAdd,
						tx(codepages.AirSyncServerId, "7:1"),
						el(codepages.AirSyncApplicationData, props...))))))
}

// rmTemplates is a Settings response listing n rights management
// templates.
func rmTemplates(n int, template tnode) tnode {
	return el(codepages.SettingsSettings,
		tx(codepages.SettingsStatus, "1"),
		el(codepages.SettingsRightsManagementInformation,
			tx(codepages.SettingsStatus, "1"),
			el(codepages.SettingsGet,
				el(codepages.RightsManagementRightsManagementTemplates, rep(n, template)...))))
}

var rmTemplate = el(codepages.RightsManagementRightsManagementTemplate,
	tx(codepages.RightsManagementTemplateID, "cf5cf348-a8d7-40d5-91ef-a600b88a395d"),
	tx(codepages.RightsManagementTemplateName, "Do Not Forward"),
	tx(codepages.RightsManagementTemplateDescription, "Recipients cannot forward."))

func TestValidateDocumentLibraryAndRightsManagement(t *testing.T) {
	doc := []tnode{
		tx(codepages.DocumentLibraryLinkId, `\\server\share\report.docx`),
		tx(codepages.DocumentLibraryDisplayName, "report.docx"),
		tx(codepages.DocumentLibraryIsFolder, "0"),
		tx(codepages.DocumentLibraryCreationDate, "2024-01-02T03:04:05.000Z"),
		tx(codepages.DocumentLibraryLastModifiedDate, "2024-02-03T04:05:06.000Z"),
		tx(codepages.DocumentLibraryIsHidden, "0"),
		tx(codepages.DocumentLibraryContentLength, "18432"),
		tx(codepages.DocumentLibraryContentType, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
	}
	runClosed(t, []closedCase{
		{name: "document library search result", root: searchResult(doc...), opts: []eas.Option{eas.WithVersion(version.V12_1)}},
		{name: "document library fetch", root: fetchResult(doc[:3]...)},
		{name: "rights-managed message in a search result", root: searchResult(tx(codepages.EmailSubject, "hi"), rmLicense(0)), opts: []eas.Option{v141}},
		{name: "rights-managed message fetched", root: fetchResult(tx(codepages.EmailSubject, "hi"), rmLicense(0)), opts: []eas.Option{v141}},
		{name: "rights-managed message synced", root: syncResponseAdd(tx(codepages.EmailSubject, "hi"), rmLicense(0)), opts: []eas.Option{v141}},
		{name: "rights management templates", root: rmTemplates(2, rmTemplate), opts: []eas.Option{v141}},
		{name: "no rights management templates", root: rmTemplates(0, rmTemplate)},

		{name: "IsFolder outside 0,1", root: searchResult(tx(codepages.DocumentLibraryIsFolder, "2")),
			kind: eas.ProblemValue, path: "Properties/DocumentLibrary:IsFolder", msg: `"2" is not one of 0, 1`},
		{name: "CreationDate not a date-time", root: searchResult(tx(codepages.DocumentLibraryCreationDate, "yesterday")),
			kind: eas.ProblemValue, path: "Properties/DocumentLibrary:CreationDate", msg: "not a date-time"},
		{name: "ContentLength not an integer", root: fetchResult(tx(codepages.DocumentLibraryContentLength, "big")),
			kind: eas.ProblemContent, path: "Properties/DocumentLibrary:ContentLength", msg: "not an integer"},
		{name: "document property twice", root: searchResult(doc[1], doc[1]),
			kind: eas.ProblemTooMany, path: "Properties/DocumentLibrary:DisplayName[2]", msg: "more than once"},
		{name: "license child missing", root: searchResult(rmLicense(codepages.RightsManagementTemplateID)),
			kind: eas.ProblemMissing, path: "Properties/RightsManagement:RightsManagementLicense", msg: "required TemplateID missing"},
		{name: "license child not a boolean", root: fetchResult(rmLicense(codepages.RightsManagementPrintAllowed, tx(codepages.RightsManagementPrintAllowed, "yes"))),
			kind: eas.ProblemValue, path: "RightsManagementLicense/PrintAllowed", msg: "not 0 or 1"},
		{name: "foreign element in a license", root: syncResponseAdd(rmLicense(0, tx(codepages.EmailSubject, "x"))),
			kind: eas.ProblemNotAllowed, path: "RightsManagementLicense/Email:Subject", msg: "not allowed in RightsManagementLicense"},
		{name: "license in a 14.0 message", root: fetchResult(em(codepages.RightsManagementRightsManagementLicense)), opts: []eas.Option{eas.WithVersion(version.V14_0)},
			kind: eas.ProblemVersion, path: "Properties/RightsManagement:RightsManagementLicense", msg: "not in protocol 14.0"},
		{name: "license in a Sync request", root: el(codepages.AirSyncSync, el(codepages.AirSyncCollections, el(codepages.AirSyncCollection,
			tx(codepages.AirSyncSyncKey, "1"), tx(codepages.AirSyncCollectionId, "7"),
			el(codepages.AirSyncCommands, el(codepages.AirSyncAdd, tx(codepages.AirSyncClientId, "c1"),
				el(codepages.AirSyncApplicationData, rmLicense(0))))))), opts: []eas.Option{eas.AsRequest()},
			kind: eas.ProblemNotAllowed, path: "ApplicationData/RightsManagement:RightsManagementLicense", msg: "not allowed in ApplicationData"},
		{name: "document property in Sync", root: syncResponseAdd(doc[0]),
			kind: eas.ProblemNotAllowed, path: "ApplicationData/DocumentLibrary:LinkId", msg: "not allowed in ApplicationData"},
		{name: "21 templates", root: rmTemplates(21, rmTemplate),
			kind: eas.ProblemTooMany, path: "RightsManagementTemplate[21]", msg: "more than 20 times"},
		{name: "template without a name", root: rmTemplates(1, el(codepages.RightsManagementRightsManagementTemplate, rmTemplate.kids[0], rmTemplate.kids[2])),
			kind: eas.ProblemMissing, path: "RightsManagementTemplates/RightsManagementTemplate", msg: "required TemplateName missing"},
		{name: "template content in a template", root: rmTemplates(1, el(codepages.RightsManagementRightsManagementTemplate, append(rmTemplate.kids, tx(codepages.RightsManagementOwner, "1"))...)),
			kind: eas.ProblemNotAllowed, path: "RightsManagementTemplate/Owner", msg: "not allowed in RightsManagementTemplate"},
	})
}

// findResult is a 16.1 Find response with one result whose Properties
// holds props.
func findResult(store string, props ...tnode) tnode {
	return el(codepages.FindFind,
		tx(codepages.FindStatus, "1"),
		el(codepages.FindResponse,
			tx(codepages.ItemOperationsStore, store),
			tx(codepages.FindStatus, "1"),
			el(codepages.FindResult,
				tx(codepages.AirSyncClass, "Email"),
				tx(codepages.AirSyncServerId, "5:1"),
				tx(codepages.AirSyncCollectionId, "5"),
				el(codepages.FindProperties, props...)),
			tx(codepages.FindRange, "0-0"),
			tx(codepages.FindTotal, "1")))
}

func TestValidateFindProperties(t *testing.T) {
	v161 := eas.WithVersion(version.V16_1)
	mail := []tnode{
		tx(codepages.EmailSubject, "Quarterly numbers"),
		tx(codepages.EmailDateReceived, "2024-03-01T10:00:00.000Z"),
		tx(codepages.EmailDisplayTo, "Ann"),
		tx(codepages.FindDisplayCc, "Bob; Carol"),
		tx(codepages.FindDisplayBcc, "Dan"),
		tx(codepages.EmailImportance, "2"),
		tx(codepages.EmailRead, "1"),
		tx(codepages.Email2IsDraft, "0"),
		tx(codepages.FindPreview, "Here are the numbers"),
		tx(codepages.FindHasAttachments, "1"),
		tx(codepages.EmailFrom, `"Eve" <eve@example.com>`),
	}
	gal := []tnode{
		tx(codepages.GALDisplayName, "Ann Smith"),
		tx(codepages.GALEmailAddress, "ann@example.com"),
		tx(codepages.GALPhone, "+1 555 0100"),
		el(codepages.GALPicture, tx(codepages.GALStatus, "173")),
	}
	runClosed(t, []closedCase{
		{name: "mail result", root: findResult("Mailbox", mail...), opts: []eas.Option{v161}},
		{name: "mail result, any order", root: findResult("Mailbox", mail[10], mail[8], mail[0])},
		{name: "GAL result", root: findResult("GAL", gal...), opts: []eas.Option{v161}},

		{name: "body in Find Properties", root: findResult("Mailbox", mail[0], el(codepages.AirSyncBaseBody, tx(codepages.AirSyncBaseType, "1"))),
			kind: eas.ProblemNotAllowed, path: "Properties/AirSyncBase:Body", msg: "not allowed in Properties"},
		{name: "an Email property Find does not return", root: findResult("Mailbox", tx(codepages.EmailTo, "ann@example.com")),
			kind: eas.ProblemNotAllowed, path: "Properties/Email:To", msg: "not allowed in Properties"},
		{name: "Importance out of range", root: findResult("Mailbox", tx(codepages.EmailImportance, "3")),
			kind: eas.ProblemValue, path: "Properties/Email:Importance", msg: "outside 0..2"},
		{name: "DateReceived not a date-time", root: findResult("Mailbox", tx(codepages.EmailDateReceived, "March 1")),
			kind: eas.ProblemValue, path: "Properties/Email:DateReceived", msg: "not a date-time"},
		{name: "HasAttachments not 0 or 1", root: findResult("Mailbox", tx(codepages.FindHasAttachments, "true")),
			kind: eas.ProblemValue, path: "Properties/HasAttachments", msg: "not 0 or 1"},
		{name: "Subject twice", root: findResult("Mailbox", mail[0], mail[0]),
			kind: eas.ProblemTooMany, path: "Properties/Email:Subject[2]", msg: "more than once"},
		{name: "GAL picture without status", root: findResult("GAL", el(codepages.GALPicture, tx(codepages.GALData, "AAAA"))),
			kind: eas.ProblemMissing, path: "Properties/GAL:Picture", msg: "required Status missing"},
		{name: "a GAL property Find does not return", root: findResult("GAL", tx(codepages.GALAlias, "ann"), tx(codepages.ContactsJobTitle, "CEO")),
			kind: eas.ProblemNotAllowed, path: "Properties/Contacts:JobTitle", msg: "not allowed in Properties"},
	})
}

// syncSupported is a Sync request whose collection lists props in
// Supported.
func syncSupported(props ...tnode) tnode {
	return el(codepages.AirSyncSync,
		el(codepages.AirSyncCollections,
			el(codepages.AirSyncCollection,
				tx(codepages.AirSyncSyncKey, "0"),
				tx(codepages.AirSyncCollectionId, "3"),
				el(codepages.AirSyncSupported, props...))))
}

func TestValidateSyncSupported(t *testing.T) {
	req := eas.AsRequest()
	runClosed(t, []closedCase{
		{name: "contact properties", root: syncSupported(em(codepages.ContactsFirstName), em(codepages.ContactsLastName),
			em(codepages.ContactsEmail1Address), em(codepages.ContactsCategories), em(codepages.ContactsChildren), em(codepages.Contacts2NickName)),
			opts: []eas.Option{req, v141}},
		{name: "calendar properties", root: syncSupported(em(codepages.CalendarDtStamp), em(codepages.CalendarStartTime), em(codepages.CalendarAttendees),
			em(codepages.CalendarRecurrence), em(codepages.CalendarSensitivity)), opts: []eas.Option{req}},

		{name: "text in a property name", root: syncSupported(tx(codepages.ContactsFirstName, "Ann")), opts: []eas.Option{req},
			kind: eas.ProblemContent, path: "Supported/Contacts:FirstName", msg: "must be empty"},
		{name: "children in a property name", root: syncSupported(el(codepages.CalendarAttendees, el(codepages.CalendarAttendee, tx(codepages.CalendarEmail, "a@example.com")))), opts: []eas.Option{req},
			kind: eas.ProblemContent, path: "Supported/Calendar:Attendees/Attendee", msg: "must be empty"},
		{name: "an Email property", root: syncSupported(em(codepages.ContactsFirstName), em(codepages.EmailSubject)), opts: []eas.Option{req},
			kind: eas.ProblemNotAllowed, path: "Supported/Email:Subject", msg: "not allowed in Supported"},
		{name: "a nested property", root: syncSupported(em(codepages.CalendarAttendee)), opts: []eas.Option{req},
			kind: eas.ProblemNotAllowed, path: "Supported/Calendar:Attendee", msg: "not allowed in Supported"},
		{name: "a property twice", root: syncSupported(em(codepages.ContactsFirstName), em(codepages.ContactsFirstName)), opts: []eas.Option{req},
			kind: eas.ProblemTooMany, path: "Supported/Contacts:FirstName[2]", msg: "more than once"},
		{name: "a property not in the version", root: syncSupported(em(codepages.CalendarClientUid)), opts: []eas.Option{req, v141},
			kind: eas.ProblemVersion, path: "Supported/Calendar:ClientUid", msg: "not in protocol 14.1"},
	})
}

// searchQuery is a Search request of store whose Query holds q.
func searchQuery(store string, q tnode) tnode {
	return el(codepages.SearchSearch,
		el(codepages.SearchStore,
			tx(codepages.SearchName, store),
			q,
			el(codepages.SearchOptions, tx(codepages.SearchRange, "0-9"))))
}

func query(kids ...tnode) tnode { return el(codepages.SearchQuery, kids...) }

func TestValidateSearchQuery(t *testing.T) {
	req := eas.AsRequest()
	after := el(codepages.SearchGreaterThan, em(codepages.EmailDateReceived), tx(codepages.SearchValue, "2024-01-01T00:00:00.000Z"))
	before := el(codepages.SearchLessThan, em(codepages.EmailDateReceived), tx(codepages.SearchValue, "2024-06-01T00:00:00.000Z"))
	class := tx(codepages.AirSyncClass, "Email")
	folder := tx(codepages.AirSyncCollectionId, "5")
	words := tx(codepages.SearchFreeText, "budget")
	and := func(kids ...tnode) tnode { return el(codepages.SearchAnd, kids...) }
	or := func(kids ...tnode) tnode { return el(codepages.SearchOr, kids...) }
	runClosed(t, []closedCase{
		{name: "GAL text query", root: searchQuery("GAL", tx(codepages.SearchQuery, "ann")), opts: []eas.Option{req, eas.WithVersion(version.V2_5)}},
		{name: "mailbox query", root: searchQuery("Mailbox", query(and(class, folder, words, after, before))), opts: []eas.Option{req, eas.WithStrict(true), eas.WithVersion(version.V12_0)}},
		{name: "nested Or and And", root: searchQuery("Mailbox", query(and(class, or(words, tx(codepages.SearchFreeText, "forecast"), and(folder, after))))), opts: []eas.Option{req}},
		{name: "conversation", root: searchQuery("Mailbox", query(and(tx(codepages.SearchConversationId, "0A1B2C3D"), class))), opts: []eas.Option{req, eas.WithVersion(version.V14_0)}},
		{name: "document library", root: searchQuery("DocumentLibrary", query(el(codepages.SearchEqualTo, tx(codepages.DocumentLibraryLinkId, `\\server\share`), tx(codepages.SearchValue, `\\server\share\reports`)))), opts: []eas.Option{req}},

		{name: "an item property in Query", root: searchQuery("Mailbox", query(tx(codepages.EmailSubject, "hi"))), opts: []eas.Option{req},
			kind: eas.ProblemNotAllowed, path: "Store/Query/Email:Subject", msg: "not allowed in Query"},
		{name: "an element not allowed three levels down", root: searchQuery("Mailbox", query(and(or(words, tx(codepages.SearchName, "x"))))), opts: []eas.Option{req},
			kind: eas.ProblemNotAllowed, path: "Query/And/Or/Name", msg: "not allowed in Or"},
		{name: "Value missing", root: searchQuery("Mailbox", query(and(el(codepages.SearchGreaterThan, em(codepages.EmailDateReceived))))), opts: []eas.Option{req},
			kind: eas.ProblemMissing, path: "Query/And/GreaterThan", msg: "required Value missing"},
		{name: "LinkId compared by GreaterThan", root: searchQuery("Mailbox", query(and(el(codepages.SearchGreaterThan, em(codepages.EmailDateReceived), tx(codepages.DocumentLibraryLinkId, "x"), tx(codepages.SearchValue, "y"))))), opts: []eas.Option{req},
			kind: eas.ProblemNotAllowed, path: "GreaterThan/DocumentLibrary:LinkId", msg: "not allowed in GreaterThan"},
		{name: "DateReceived with a value", root: searchQuery("Mailbox", query(and(el(codepages.SearchLessThan, tx(codepages.EmailDateReceived, "2024-01-01T00:00:00.000Z"), tx(codepages.SearchValue, "y"))))), opts: []eas.Option{req},
			kind: eas.ProblemContent, path: "LessThan/Email:DateReceived", msg: "must be empty"},
		{name: "GreaterThan twice", root: searchQuery("Mailbox", query(and(after, after))), opts: []eas.Option{req},
			kind: eas.ProblemTooMany, path: "Query/And/GreaterThan[2]", msg: "more than once"},
		{name: "a class Search does not know", root: searchQuery("Mailbox", query(and(tx(codepages.AirSyncClass, "Mail")))), opts: []eas.Option{req},
			kind: eas.ProblemValue, path: "Query/And/AirSync:Class", msg: `"Mail" is not one of`},
		{name: "ConversationId before 14.0", root: searchQuery("Mailbox", query(and(tx(codepages.SearchConversationId, "0A1B"), class))), opts: []eas.Option{req, eas.WithVersion(version.V12_1)},
			kind: eas.ProblemVersion, path: "Query/And/ConversationId", msg: "not in protocol 12.1"},
		{name: "Value before the property under WithStrict", root: searchQuery("Mailbox", query(and(el(codepages.SearchLessThan, tx(codepages.SearchValue, "y"), em(codepages.EmailDateReceived))))), opts: []eas.Option{req, eas.WithStrict(true)},
			kind: eas.ProblemOrder, path: "LessThan/Email:DateReceived", msg: "too late"},
		{name: "a Query with children missing", root: el(codepages.SearchSearch, el(codepages.SearchStore, tx(codepages.SearchName, "GAL"))), opts: []eas.Option{req},
			kind: eas.ProblemMissing, path: "Search/Store", msg: "required Query missing"},
	})
}

func TestValidateFetchSchemaAndProvisionDevice(t *testing.T) {
	req := eas.AsRequest()
	fetch := func(schema ...tnode) tnode {
		return el(codepages.ItemOperationsItemOperations,
			el(codepages.ItemOperationsFetch,
				tx(codepages.ItemOperationsStore, "Mailbox"),
				tx(codepages.AirSyncCollectionId, "7"),
				tx(codepages.AirSyncServerId, "7:1"),
				el(codepages.ItemOperationsOptions, el(codepages.ItemOperationsSchema, schema...))))
	}
	provision := func(set ...tnode) tnode {
		return el(codepages.ProvisionProvision,
			el(codepages.SettingsDeviceInformation, el(codepages.SettingsSet, set...)),
			el(codepages.ProvisionPolicies, el(codepages.ProvisionPolicy, tx(codepages.ProvisionPolicyType, "MS-EAS-Provisioning-WBXML"))))
	}
	runClosed(t, []closedCase{
		{name: "fetch schema", root: fetch(em(codepages.EmailSubject), em(codepages.AirSyncBaseBody), em(codepages.CalendarStartTime), em(codepages.ContactsFileAs)), opts: []eas.Option{req}},
		{name: "provision device information", root: provision(tx(codepages.SettingsModel, "Pixel"), tx(codepages.SettingsOS, "Android 14"), tx(codepages.SettingsEnableOutboundSMS, "0")), opts: []eas.Option{req, v141}},

		{name: "a value in a fetch schema", root: fetch(tx(codepages.EmailSubject, "hi")), opts: []eas.Option{req},
			kind: eas.ProblemContent, path: "Schema/Email:Subject", msg: "must be empty"},
		{name: "a task property in a fetch schema", root: fetch(em(codepages.TasksSubject)), opts: []eas.Option{req},
			kind: eas.ProblemNotAllowed, path: "Schema/Tasks:Subject", msg: "not allowed in Schema"},
		{name: "an element Set does not have", root: provision(tx(codepages.SettingsModel, "Pixel"), tx(codepages.SettingsOofState, "1")), opts: []eas.Option{req},
			kind: eas.ProblemNotAllowed, path: "DeviceInformation/Set/OofState", msg: "not allowed in Set"},
		{name: "EnableOutboundSMS not 0 or 1", root: provision(tx(codepages.SettingsEnableOutboundSMS, "2")), opts: []eas.Option{req},
			kind: eas.ProblemValue, path: "Set/EnableOutboundSMS", msg: "not 0 or 1"},
	})
}

// closedSeeds returns messages of the closed areas for FuzzValidate: a
// Search query nested a few levels (the recursive rows), a Sync
// Supported, a Find result and a rights-managed fetch.
func closedSeeds(t testing.TB) [][]byte {
	q := el(codepages.SearchAnd, tx(codepages.AirSyncClass, "Email"), tx(codepages.SearchFreeText, "x"))
	for range 4 {
		q = el(codepages.SearchOr, q, el(codepages.SearchAnd, q, el(codepages.SearchGreaterThan, em(codepages.EmailDateReceived), tx(codepages.SearchValue, "2024-01-01T00:00:00.000Z"))))
	}
	return [][]byte{
		msgOf(t, searchQuery("Mailbox", query(q))),
		msgOf(t, searchQuery("GAL", tx(codepages.SearchQuery, "ann"))),
		msgOf(t, syncSupported(em(codepages.ContactsFirstName), em(codepages.CalendarStartTime))),
		msgOf(t, findResult("Mailbox", tx(codepages.EmailSubject, "s"), tx(codepages.FindPreview, "p"))),
		msgOf(t, fetchResult(rmLicense(0))),
	}
}

// TestValidateClosedSeeds: the fuzz seeds of the closed areas are valid
// messages, the deep Search query among them.
func TestValidateClosedSeeds(t *testing.T) {
	for i, m := range closedSeeds(t) {
		if err := eas.Validate(m, eas.WithVersion(version.V16_1)); err != nil {
			t.Errorf("seed %d: %v", i, err)
		}
	}
}

// TestValidateBodyPreferencesAndReplies: the containers whose children the
// table used to leave out — BodyPartPreference in Sync, ItemOperations and
// Search options, BodyPreference in Search options, the Body of a
// MeetingResponse reply and the Settings response OofMessage — take the
// children the specs give them, and nothing else.
func TestValidateBodyPreferencesAndReplies(t *testing.T) {
	req, resp, v161 := eas.AsRequest(), eas.AsResponse(), eas.WithVersion(version.V16_1)
	part := func(typ string, more ...tnode) tnode {
		return el(codepages.AirSyncBaseBodyPartPreference, append([]tnode{tx(codepages.AirSyncBaseType, typ)}, more...)...)
	}
	syncOpts := func(opts ...tnode) tnode {
		return el(codepages.AirSyncSync, el(codepages.AirSyncCollections, el(codepages.AirSyncCollection,
			tx(codepages.AirSyncSyncKey, "1"), tx(codepages.AirSyncCollectionId, "5"), el(codepages.AirSyncOptions, opts...))))
	}
	fetchOpts := func(opts ...tnode) tnode {
		return el(codepages.ItemOperationsItemOperations, el(codepages.ItemOperationsFetch,
			tx(codepages.ItemOperationsStore, "Mailbox"), tx(codepages.AirSyncCollectionId, "7"), tx(codepages.AirSyncServerId, "7:1"),
			el(codepages.ItemOperationsOptions, opts...)))
	}
	searchOpts := func(opts ...tnode) tnode {
		return el(codepages.SearchSearch, el(codepages.SearchStore,
			tx(codepages.SearchName, "Mailbox"), query(el(codepages.SearchAnd, tx(codepages.SearchConversationId, "0A1B"))),
			el(codepages.SearchOptions, append([]tnode{tx(codepages.SearchRange, "0-9")}, opts...)...)))
	}
	reply := func(body ...tnode) tnode {
		return el(codepages.MeetingResponseMeetingResponse, el(codepages.MeetingResponseRequest,
			tx(codepages.MeetingResponseUserResponse, "1"), tx(codepages.MeetingResponseCollectionId, "3"), tx(codepages.MeetingResponseRequestId, "3:9"),
			el(codepages.MeetingResponseSendResponse, el(codepages.AirSyncBaseBody, body...))))
	}
	oof := func(msg ...tnode) tnode {
		return el(codepages.SettingsSettings, tx(codepages.SettingsStatus, "1"), el(codepages.SettingsOof,
			tx(codepages.SettingsStatus, "1"), el(codepages.SettingsGet, tx(codepages.SettingsOofState, "1"), el(codepages.SettingsOofMessage, msg...))))
	}
	full := []tnode{tx(codepages.AirSyncBaseTruncationSize, "5120"), tx(codepages.AirSyncBaseAllOrNone, "0"), tx(codepages.AirSyncBasePreview, "255")}
	runClosed(t, []closedCase{
		{name: "Sync BodyPartPreference", root: syncOpts(part("2", full...)), opts: []eas.Option{req, v141}},
		{name: "ItemOperations BodyPartPreference", root: fetchOpts(part("2", tx(codepages.AirSyncBaseTruncationSize, "0"))), opts: []eas.Option{req, v141}},
		{name: "Search BodyPartPreference and BodyPreference", root: searchOpts(
			el(codepages.AirSyncBaseBodyPreference, append([]tnode{tx(codepages.AirSyncBaseType, "1")}, full...)...), part("2")), opts: []eas.Option{req, v141}},
		{name: "MeetingResponse reply body", root: reply(tx(codepages.AirSyncBaseType, "1"), tx(codepages.AirSyncBaseData, "See you there")), opts: []eas.Option{req, v161}},
		{name: "Settings OofMessage", root: oof(em(codepages.SettingsAppliesToInternal), tx(codepages.SettingsEnabled, "1"),
			tx(codepages.SettingsReplyMessage, "Away"), tx(codepages.SettingsBodyType, "Text")), opts: []eas.Option{resp}},

		{name: "a body part type other than HTML", root: syncOpts(part("1")), opts: []eas.Option{req, v141},
			kind: eas.ProblemValue, path: "Options/AirSyncBase:BodyPartPreference/Type", msg: `"1"`},
		{name: "BodyPartPreference without Type", root: fetchOpts(el(codepages.AirSyncBaseBodyPartPreference, tx(codepages.AirSyncBaseTruncationSize, "10"))), opts: []eas.Option{req, v141},
			kind: eas.ProblemMissing, path: "Options/AirSyncBase:BodyPartPreference", msg: "required Type missing"},
		{name: "a Preview over 255", root: searchOpts(part("2", tx(codepages.AirSyncBasePreview, "256"))), opts: []eas.Option{req, v141},
			kind: eas.ProblemValue, path: "BodyPartPreference/Preview", msg: "256"},
		{name: "a response element in a reply body", root: reply(tx(codepages.AirSyncBaseType, "1"), tx(codepages.AirSyncBaseTruncated, "1")), opts: []eas.Option{req, v161},
			kind: eas.ProblemNotAllowed, path: "SendResponse/AirSyncBase:Body/Truncated", msg: "not allowed in Body"},
		{name: "an OofMessage BodyType not Text or HTML", root: oof(tx(codepages.SettingsBodyType, "RTF")), opts: []eas.Option{resp},
			kind: eas.ProblemValue, path: "Get/OofMessage/BodyType", msg: `"RTF"`},
	})
}
