package eas_test

import (
	"bytes"
	"reflect"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/eas"
	"github.com/easkit/easkit/internal/corpus"
	"github.com/easkit/easkit/wbxml"
)

// The messages as Go values that the tests, the fuzz target and the
// allocation tests use.

type FolderSync struct {
	XMLName eas.Name `eas:"FolderHierarchy:FolderSync"`
	Status  int      `eas:"Status,omitempty"`
	SyncKey string   `eas:"SyncKey,required"`
	Changes *FolderChanges
}

type FolderChanges struct {
	Count  int `eas:",omitempty"`
	Update []Folder
	Delete []FolderDelete
	Add    []Folder
}

type Folder struct {
	ServerId    string
	ParentId    string
	DisplayName string
	Type        uint8
}

type FolderDelete struct {
	ServerId string
}

type Sync struct {
	XMLName     eas.Name `eas:"AirSync:Sync"`
	Status      int      `eas:",omitempty"`
	Collections *Collections
	Wait        int    `eas:",omitempty"`
	WindowSize  int    `eas:",omitempty"`
	Partial     bool   `eas:",empty"`
	Limit       uint32 `eas:",omitempty"`
	Skipped     string `eas:"-"`
}

type Collections struct {
	Collection []Collection
}

type Collection struct {
	SyncKey        string   `eas:",required"`
	CollectionId   string   `eas:",omitempty"`
	Status         int      `eas:",omitempty"`
	DeletesAsMoves bool     `eas:",empty"`
	GetChanges     bool     `eas:",empty"`
	WindowSize     int      `eas:",omitempty"`
	Options        *Options `eas:",omitempty"`
	MoreAvailable  bool     `eas:",empty"`
	Commands       *Commands
	Responses      *Commands
}

type Options struct {
	FilterType     int              `eas:",omitempty"`
	BodyPreference []BodyPreference `eas:"AirSyncBase:BodyPreference"`
}

type BodyPreference struct {
	Type           int
	TruncationSize uint32 `eas:",omitempty"`
	AllOrNone      bool   `eas:",omitempty"`
}

type Commands struct {
	Add    []Item
	Change []Item
	Delete []Item
	Fetch  []Item
}

type Item struct {
	ServerId        string `eas:",omitempty"`
	ClientId        string `eas:",omitempty"`
	Status          int    `eas:",omitempty"`
	ApplicationData *Email
}

type Email struct {
	To                string      `eas:"Email:To,omitempty"`
	Cc                string      `eas:"Email:Cc,omitempty"`
	From              string      `eas:"Email:From,omitempty"`
	Subject           string      `eas:"POOMMAIL:Subject,omitempty"`
	DateReceived      time.Time   `eas:"Email:DateReceived,omitempty"`
	DisplayTo         string      `eas:"Email:DisplayTo,omitempty"`
	ThreadTopic       string      `eas:"Email:ThreadTopic,omitempty"`
	Importance        *int        `eas:"Email:Importance"`
	Read              bool        `eas:"Email:Read"`
	Body              *Body       `eas:"AirSyncBase:Body"`
	MessageClass      string      `eas:"Email:MessageClass,omitempty"`
	InternetCPID      uint32      `eas:"Email:InternetCPID,omitempty"`
	Flag              *Flag       `eas:"Email:Flag"`
	ContentClass      string      `eas:"Email:ContentClass,omitempty"`
	NativeBodyType    int         `eas:"AirSyncBase:NativeBodyType,omitempty"`
	ConversationId    []byte      `eas:"Email2:ConversationId"`
	ConversationIndex []byte      `eas:"Email2:ConversationIndex,omitempty"`
	Categories        *Categories `eas:"Email:Categories"`
}

type Body struct {
	Type              int
	EstimatedDataSize int64 `eas:",omitempty"`
	Truncated         bool
	Data              string `eas:",omitempty"`
}

type Flag struct {
	Status   int    `eas:",omitempty"`
	FlagType string `eas:",omitempty"`
}

type Categories struct {
	Category []string
}

type Provision struct {
	XMLName           eas.Name           `eas:"Provision:Provision"`
	DeviceInformation *DeviceInformation `eas:"Settings:DeviceInformation"`
	Status            int                `eas:",omitempty"`
	Policies          *Policies
	RemoteWipe        bool `eas:",empty"`
}

type DeviceInformation struct {
	Set    *DeviceSet
	Status int `eas:",omitempty"`
}

type DeviceSet struct {
	Model        string `eas:",omitempty"`
	IMEI         string `eas:",omitempty"`
	FriendlyName string `eas:",omitempty"`
	OS           string `eas:",omitempty"`
	UserAgent    string `eas:",omitempty"`
}

type Policies struct {
	Policy []Policy
}

type Policy struct {
	PolicyType string
	Status     int    `eas:",omitempty"`
	PolicyKey  uint32 `eas:",omitempty"`
	Data       *PolicyData
}

type PolicyData struct {
	EASProvisionDoc *EASProvisionDoc
}

type EASProvisionDoc struct {
	DevicePasswordEnabled              bool
	AlphanumericDevicePasswordRequired bool
	MinDevicePasswordLength            int `eas:",omitempty"`
	MaxInactivityTimeDeviceLock        int
	MaxAttachmentSize                  int64
	AllowBluetooth                     uint8
	MaxEmailBodyTruncationSize         int
	UnapprovedInROMApplicationList     *AppList
}

type AppList struct {
	ApplicationName []string
}

type PingRequest struct {
	XMLName           eas.Name `eas:"Ping:Ping"`
	HeartbeatInterval int      `eas:",omitempty"`
	Folders           *struct {
		Folder []struct {
			Id    string
			Class string
		}
	}
}

type PingResponse struct {
	XMLName    eas.Name `eas:"Ping:Ping"`
	Status     int
	Folders    *struct{ Folder []string }
	MaxFolders int `eas:",omitempty"`
}

func ptr[T any](v T) *T { return &v }

// values are the representative messages, as their structs.
func values() map[string]any {
	t0 := time.Date(2024, 3, 9, 14, 5, 7, 123e6, time.UTC)
	return map[string]any{
		"FolderSyncRequest": &FolderSync{SyncKey: "0"},
		"FolderSyncResponse": &FolderSync{Status: 1, SyncKey: "1", Changes: &FolderChanges{Count: 3, Add: []Folder{
			{ServerId: "1", ParentId: "0", DisplayName: "Inbox", Type: 2},
			{ServerId: "2", ParentId: "1", DisplayName: "Équipe — congés", Type: 13},
			{ServerId: "3", ParentId: "0", DisplayName: "", Type: 12},
		}, Delete: []FolderDelete{{ServerId: "9"}}}},
		"SyncRequest": &Sync{Collections: &Collections{Collection: []Collection{
			{SyncKey: "0", CollectionId: "5"},
			{SyncKey: "123", CollectionId: "6", DeletesAsMoves: true, GetChanges: true, WindowSize: 100,
				Options: &Options{FilterType: 3, BodyPreference: []BodyPreference{{Type: 2, TruncationSize: 32768}, {Type: 4, AllOrNone: true}}},
				Commands: &Commands{Change: []Item{{ServerId: "6:1", ApplicationData: &Email{Read: true}}},
					Delete: []Item{{ServerId: "6:2"}}}},
		}}, WindowSize: 512},
		"SyncResponse": &Sync{Collections: &Collections{Collection: []Collection{{
			SyncKey: "987654321", CollectionId: "5", Status: 1, MoreAvailable: true,
			Commands: &Commands{Add: []Item{
				{ServerId: "5:1", ApplicationData: &Email{
					To: `"Ann" <ann@example.com>`, From: "bob@example.com", Subject: "Grüße 🎉", DateReceived: t0,
					DisplayTo: "Ann", ThreadTopic: "Grüße", Importance: ptr(1), Read: false,
					Body:         &Body{Type: 2, EstimatedDataSize: 1234, Truncated: true, Data: "<p>Hello</p>"},
					MessageClass: "IPM.Note", InternetCPID: 65001, Flag: &Flag{}, ContentClass: "urn:content-classes:message",
					NativeBodyType: 2, ConversationId: []byte{0xDE, 0xAD, 0, 0xBE, 0xEF}, ConversationIndex: []byte{1, 2, 3, 4, 5},
					Categories: &Categories{Category: []string{"Work", "Blue"}},
				}},
				{ServerId: "5:2", ApplicationData: &Email{Subject: "second", Importance: ptr(0), ConversationId: []byte{}, Categories: &Categories{}}},
			}},
			Responses: &Commands{Add: []Item{{ClientId: "c1", ServerId: "5:3", Status: 1}}},
		}}}},
		"ProvisionRequest": &Provision{DeviceInformation: &DeviceInformation{Set: &DeviceSet{Model: "Pixel", IMEI: "35", FriendlyName: "Ann's phone", OS: "Android 14", UserAgent: "x/1"}},
			Policies: &Policies{Policy: []Policy{{PolicyType: "MS-EAS-Provisioning-WBXML"}}}},
		"ProvisionResponse": &Provision{DeviceInformation: &DeviceInformation{Status: 1}, Status: 1,
			Policies: &Policies{Policy: []Policy{{PolicyType: "MS-EAS-Provisioning-WBXML", Status: 1, PolicyKey: 3942919513,
				Data: &PolicyData{EASProvisionDoc: &EASProvisionDoc{DevicePasswordEnabled: true, MinDevicePasswordLength: 8,
					MaxInactivityTimeDeviceLock: 900, MaxAttachmentSize: 10485760, AllowBluetooth: 2, MaxEmailBodyTruncationSize: -1,
					UnapprovedInROMApplicationList: &AppList{ApplicationName: []string{"Solitaire", "Mobile Radio"}}}}}}}},
		"ProvisionWipe": &Provision{RemoteWipe: true},
		"PingRequest": &PingRequest{HeartbeatInterval: 480, Folders: &struct {
			Folder []struct {
				Id    string
				Class string
			}
		}{Folder: []struct {
			Id    string
			Class string
		}{{"5", "Email"}, {"2", "Calendar"}}}},
		"PingResponse": &PingResponse{Status: 2, Folders: &struct{ Folder []string }{Folder: []string{"5", "2"}}},
	}
}

// setRoot sets the XMLName that Unmarshal stores in a value of values.
func setRoot(v any) {
	switch v := v.(type) {
	case *FolderSync:
		v.XMLName.Tag = codepages.FolderHierarchyFolderSync
	case *Sync:
		v.XMLName.Tag = codepages.AirSyncSync
	case *Provision:
		v.XMLName.Tag = codepages.ProvisionProvision
	case *PingRequest:
		v.XMLName.Tag = codepages.PingPing
	case *PingResponse:
		v.XMLName.Tag = codepages.PingPing
	}
}

// newLike returns a new zero value of the type v points to.
func newLike(v any) any { return reflect.New(reflect.TypeOf(v).Elem()).Interface() }

// TestRoundTrip marshals each representative value, unmarshals it into a
// new value and into one reused after another message, and compares.
func TestRoundTrip(t *testing.T) {
	vs := values()
	for name, v := range vs {
		t.Run(name, func(t *testing.T) {
			b, err := eas.Marshal(v)
			if err != nil {
				t.Fatal(err)
			}
			if !wbxml.Valid(b) {
				t.Fatal("output is not valid WBXML")
			}
			setRoot(v)
			got := newLike(v)
			if err := eas.Unmarshal(b, got, eas.WithStrict(true)); err != nil {
				t.Fatalf("Unmarshal: %v\n%s", err, toXML(t, b))
			}
			if d := cmp.Diff(v, got); d != "" {
				t.Fatalf("round trip (-want +got):\n%s\n%s", d, toXML(t, b))
			}
			// Marshal again: the same bytes.
			b2, err := eas.Marshal(got)
			if err != nil || !bytes.Equal(b, b2) {
				t.Fatalf("second Marshal differs (%v)", err)
			}
			// Reuse: unmarshal every other message of the same type first.
			for other, w := range vs {
				if other == name || reflect.TypeOf(w) != reflect.TypeOf(v) {
					continue
				}
				wb, err := eas.Marshal(w)
				if err != nil {
					t.Fatal(err)
				}
				reused := newLike(v)
				if err := eas.Unmarshal(wb, reused); err != nil {
					t.Fatal(err)
				}
				if err := eas.Unmarshal(b, reused); err != nil {
					t.Fatal(err)
				}
				if d := cmp.Diff(v, reused, cmpopts.EquateEmpty()); d != "" {
					t.Fatalf("after %s (-want +got):\n%s", other, d)
				}
			}
		})
	}
}

// TestMarshalMatchesBuilder checks that Marshal writes what the Builder
// calls for the same message write, and that the corpus FolderSync and
// Provision responses read into structs naming every element come back
// byte for byte.
func TestMarshalMatchesBuilder(t *testing.T) {
	var b eas.Builder
	b.Start(codepages.FolderHierarchyFolderSync)
	b.Int(codepages.FolderHierarchyStatus, 1)
	b.Text(codepages.FolderHierarchySyncKey, "1")
	b.Start(codepages.FolderHierarchyChanges)
	b.Int(codepages.FolderHierarchyCount, 1)
	b.Start(codepages.FolderHierarchyAdd)
	b.Text(codepages.FolderHierarchyServerId, "1")
	b.Text(codepages.FolderHierarchyParentId, "0")
	b.Text(codepages.FolderHierarchyDisplayName, "Inbox")
	b.Int(codepages.FolderHierarchyType, 2)
	want, err := b.Finish()
	if err != nil {
		t.Fatal(err)
	}
	got, err := eas.Marshal(FolderSync{Status: 1, SyncKey: "1", Changes: &FolderChanges{Count: 1, Add: []Folder{{"1", "0", "Inbox", 2}}}})
	if err != nil || !bytes.Equal(got, want) {
		t.Fatalf("Marshal = % x, %v; want % x", got, err, want)
	}

	fs := corpus.FolderSync()
	var v FolderSync
	if err := eas.Unmarshal(fs, &v, eas.WithStrict(true)); err != nil {
		t.Fatal(err)
	}
	if len(v.Changes.Add) != v.Changes.Count || v.Changes.Count < 200 {
		t.Fatalf("%d folders, Count %d", len(v.Changes.Add), v.Changes.Count)
	}
	out, err := eas.Marshal(&v)
	if err != nil || !bytes.Equal(out, fs) {
		t.Fatalf("corpus FolderSync does not come back byte for byte (%v)", err)
	}
}
