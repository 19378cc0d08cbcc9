package eas_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/eas"
	"github.com/easkit/easkit/internal/corpus"
	"github.com/easkit/easkit/version"
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

func TestMarshalSmoke(t *testing.T) {
	imp := 1
	s := &Sync{Collections: &Collections{Collection: []Collection{{
		SyncKey: "123", CollectionId: "5", Status: 1, MoreAvailable: true,
		Commands: &Commands{Add: []Item{{ServerId: "5:1", ApplicationData: &Email{
			To: "a@b", Subject: "hi", DateReceived: time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC),
			Importance: &imp, Read: true, Body: &Body{Type: 2, EstimatedDataSize: 5, Data: "hello"},
			ConversationId: []byte{1, 2, 3}, Categories: &Categories{Category: []string{"x", "y"}},
		}}}},
	}}}}
	b, err := eas.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(toXML(t, b))
	var got Sync
	if err := eas.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	s.XMLName.Tag = codepages.AirSyncSync
	if d := cmp.Diff(s, &got, cmpopts.IgnoreUnexported(Sync{})); d != "" {
		t.Fatal(d)
	}
	_ = bytes.Equal
	_ = errors.Is
	_ = strings.Contains
	_ = corpus.FolderSync
	_ = version.V14_1
	_ = wbxml.ErrTruncated
}
