package eas_test

import (
	"bytes"
	"errors"
	"io"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/eas"
	"github.com/easkit/easkit/internal/corpus"
	"github.com/easkit/easkit/version"
	"github.com/easkit/easkit/wbxml"
)

// Structs that name some elements and keep the others in `any` fields.

type keepFolderSync struct {
	XMLName eas.Name `eas:"FolderHierarchy:FolderSync"`
	Status  int
	SyncKey string
	Changes struct {
		Count int
		Add   []struct {
			ServerId string
			Rest     []*eas.Element `eas:",any"`
		}
	}
}

type keepProvision struct {
	XMLName  eas.Name     `eas:"Provision:Provision"`
	Device   *eas.Element `eas:"Settings:DeviceInformation"`
	Status   int
	Policies struct {
		Policy []struct {
			PolicyType string
			Rest       []*eas.Element `eas:",any"`
		}
	}
}

type keepCalendar struct {
	XMLName     eas.Name `eas:"AirSync:Sync"`
	Collections struct {
		Collection []struct {
			SyncKey  string
			Rest     []*eas.Element `eas:",any"`
			Commands struct {
				Add []struct {
					ServerId        string
					ApplicationData struct {
						Timezone  []byte         `eas:"Calendar:Timezone"`
						DtStamp   time.Time      `eas:"Calendar:DtStamp"`
						StartTime time.Time      `eas:"Calendar:StartTime"`
						EndTime   time.Time      `eas:"Calendar:EndTime"`
						Rest      []*eas.Element `eas:",any"`
					}
				}
			}
		}
	}
}

// TestKeepUnknown reads corpus messages into structs that name only some
// elements, keeping the others in `any` fields, and writes them back: the
// XML must be the original's, and the bytes too (canonical WBXML).
func TestKeepUnknown(t *testing.T) {
	for _, c := range []struct {
		name string
		data []byte
		v    any
	}{
		{"FolderSync", corpus.FolderSync(), new(keepFolderSync)},
		{"Provision", corpus.Provision(), new(keepProvision)},
		{"SyncCalendar", corpus.SyncCalendar(), new(keepCalendar)},
	} {
		t.Run(c.name, func(t *testing.T) {
			if err := eas.Unmarshal(c.data, c.v, eas.WithStrict(true)); err != nil {
				t.Fatal(err)
			}
			out, err := eas.Marshal(c.v)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := toXML(t, out), toXML(t, c.data); got != want {
				t.Fatalf("XML differs:\n%s", cmp.Diff(want, got))
			}
			if !bytes.Equal(out, c.data) {
				t.Fatal("bytes differ")
			}
			// The Decoder keeps its own copy for the trees.
			in := bytes.Clone(c.data)
			v2 := newLike(c.v)
			if err := eas.NewDecoder(bytes.NewReader(in)).Decode(v2); err != nil {
				t.Fatal(err)
			}
			clear(in)
			out2, err := eas.Marshal(v2)
			if err != nil || !bytes.Equal(out2, c.data) {
				t.Fatalf("after Decode: bytes differ (%v)", err)
			}
		})
	}
	var cal keepCalendar
	if err := eas.Unmarshal(corpus.SyncCalendar(), &cal); err != nil {
		t.Fatal(err)
	}
	ad := cal.Collections.Collection[0].Commands.Add[0].ApplicationData
	if ad.StartTime.IsZero() || len(ad.Timezone) != 172 || len(ad.Rest) == 0 {
		t.Fatalf("calendar fields not read: %v %d %d", ad.StartTime, len(ad.Timezone), len(ad.Rest))
	}
}

// msg builds a message with the Builder.
func msg(t *testing.T, f func(b *eas.Builder)) []byte {
	t.Helper()
	var b eas.Builder
	f(&b)
	out, err := b.Finish()
	if err != nil {
		t.Fatal(err)
	}
	return out
}

type rangeMsg struct {
	XMLName eas.Name `eas:"FolderHierarchy:FolderSync"`
	Status  uint8
	SyncKey string
	Count   int8 `eas:",omitempty"`
}

type strictColl struct {
	XMLName     eas.Name `eas:"AirSync:Sync"`
	Collections struct {
		Collection []struct {
			SyncKey       string `eas:",required"`
			MoreAvailable bool   `eas:",empty"`
			Commands      *struct {
				Add []struct {
					ServerId        string
					ApplicationData *struct {
						Subject string    `eas:"Email:Subject"`
						Date    time.Time `eas:"Email:DateReceived"`
						Body    *struct {
							Data string
						} `eas:"AirSyncBase:Body"`
					}
				}
			}
		}
	}
}

// offsetOf returns the offset of the n-th (from 1) start of tag in data.
func offsetOf(t *testing.T, data []byte, tag codepages.Tag, n int) int64 {
	t.Helper()
	d := wbxml.NewDecoder(data, wbxml.WithVocabulary(codepages.ActiveSync))
	for {
		tok, err := d.ReadToken()
		if err != nil {
			t.Fatalf("no %d-th %v", n, tag)
		}
		if tok.Kind == wbxml.KindStartTag && codepages.NewTag(tok.Page, tok.Code) == tag {
			if n--; n == 0 {
				return tok.Offset
			}
		}
	}
}

// TestUnmarshalErrors checks each kind of error with its offset and path.
func TestUnmarshalErrors(t *testing.T) {
	sync := func(extra func(b *eas.Builder)) []byte {
		return msg(t, func(b *eas.Builder) {
			b.Start(codepages.AirSyncSync)
			b.Start(codepages.AirSyncCollections)
			b.Start(codepages.AirSyncCollection)
			b.Text(codepages.AirSyncSyncKey, "1")
			b.End()
			b.Start(codepages.AirSyncCollection)
			b.Text(codepages.AirSyncSyncKey, "2")
			extra(b)
		})
	}
	addWith := func(f func(b *eas.Builder)) []byte {
		return sync(func(b *eas.Builder) {
			b.Start(codepages.AirSyncCommands)
			b.Start(codepages.AirSyncAdd)
			b.Text(codepages.AirSyncServerId, "1")
			b.End()
			b.Start(codepages.AirSyncAdd)
			b.Text(codepages.AirSyncServerId, "2")
			b.Start(codepages.AirSyncApplicationData)
			f(b)
		})
	}
	cases := []struct {
		name   string
		data   []byte
		v      any
		opts   []eas.Option
		err    error
		tag    codepages.Tag // the element whose offset the error has
		nth    int
		path   string
		substr string
	}{
		{"range", msg(t, func(b *eas.Builder) {
			b.Start(codepages.FolderHierarchyFolderSync)
			b.Int(codepages.FolderHierarchyStatus, 300)
		}), new(rangeMsg), nil, eas.ErrValue, codepages.FolderHierarchyStatus, 1, "FolderSync/Status", `"300" is out of range for uint8`},
		{"int8", msg(t, func(b *eas.Builder) {
			b.Start(codepages.FolderHierarchyFolderSync)
			b.Int(codepages.FolderHierarchyCount, -129)
		}), new(rangeMsg), nil, eas.ErrValue, codepages.FolderHierarchyCount, 1, "FolderSync/Count", "out of range for int8"},
		{"not a number", msg(t, func(b *eas.Builder) {
			b.Start(codepages.FolderHierarchyFolderSync)
			b.Text(codepages.FolderHierarchyStatus, "x1")
		}), new(rangeMsg), nil, eas.ErrValue, codepages.FolderHierarchyStatus, 1, "FolderSync/Status", "not an unsigned integer"},
		{"duplicate", msg(t, func(b *eas.Builder) {
			b.Start(codepages.FolderHierarchyFolderSync)
			b.Text(codepages.FolderHierarchySyncKey, "1")
			b.Text(codepages.FolderHierarchySyncKey, "2")
		}), new(rangeMsg), nil, eas.ErrDuplicate, codepages.FolderHierarchySyncKey, 2, "FolderSync/SyncKey[2]", "more than once"},
		{"missing", sync(func(b *eas.Builder) {
			b.End()
			b.Start(codepages.AirSyncCollection)
		}), new(strictColl), nil, eas.ErrMissing, codepages.AirSyncCollection, 3, "Sync/Collections/Collection[3]", "SyncKey is required"},
		{"strict unknown", sync(func(b *eas.Builder) { b.Int(codepages.AirSyncStatus, 1) }),
			new(strictColl), []eas.Option{eas.WithStrict(true)}, eas.ErrUnexpected, codepages.AirSyncStatus, 1,
			"Sync/Collections/Collection[2]/Status", "has no field for"},
		{"empty with content", sync(func(b *eas.Builder) { b.Text(codepages.AirSyncMoreAvailable, "yes") }),
			new(strictColl), nil, eas.ErrValue, codepages.AirSyncMoreAvailable, 1,
			"Sync/Collections/Collection[2]/MoreAvailable", "must be empty"},
		{"time", addWith(func(b *eas.Builder) { b.Text(codepages.EmailDateReceived, "yesterday") }),
			new(strictColl), nil, eas.ErrValue, codepages.EmailDateReceived, 1,
			"Sync/Collections/Collection[2]/Commands/Add[2]/ApplicationData/Email:DateReceived", "not an ActiveSync date"},
		{"element in value", addWith(func(b *eas.Builder) {
			b.Start(codepages.EmailSubject)
			b.Text(codepages.EmailTo, "x")
		}), new(strictColl), nil, eas.ErrValue, codepages.EmailTo, 1,
			"Sync/Collections/Collection[2]/Commands/Add[2]/ApplicationData/Email:Subject/To", "holds a value"},
		{"version", addWith(func(b *eas.Builder) {
			b.Start(codepages.AirSyncBaseBody)
			b.Text(codepages.AirSyncBaseData, "x")
		}), new(strictColl), []eas.Option{eas.WithVersion(version.V2_5)}, eas.ErrNotInVersion, codepages.AirSyncBaseBody, 1,
			"Sync/Collections/Collection[2]/Commands/Add[2]/ApplicationData/AirSyncBase:Body", "not in protocol 2.5"},
		{"version in skipped", addWith(func(b *eas.Builder) {
			b.Start(codepages.AirSyncBaseAttachments)
			b.Start(codepages.AirSyncBaseAttachment)
		}), new(strictColl), []eas.Option{eas.WithVersion(version.V2_5)}, eas.ErrNotInVersion, codepages.AirSyncBaseAttachments, 1,
			"Sync/Collections/Collection[2]/Commands/Add[2]/ApplicationData/AirSyncBase:Attachments", "not in protocol 2.5"},
		{"root", corpus.Provision(), new(strictColl), nil, eas.ErrUnexpected, codepages.ProvisionProvision, 1,
			"Provision", "the root element is Provision:Provision, not AirSync:Sync"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := eas.Unmarshal(c.data, c.v, c.opts...)
			var e *eas.Error
			if !errors.As(err, &e) || !errors.Is(err, c.err) {
				t.Fatalf("err = %v, want an *eas.Error matching %v", err, c.err)
			}
			if want := offsetOf(t, c.data, c.tag, c.nth); e.Offset != want {
				t.Errorf("Offset = %d, want %d (%v)", e.Offset, want, err)
			}
			if e.Path != c.path {
				t.Errorf("Path = %q, want %q", e.Path, c.path)
			}
			if !strings.Contains(err.Error(), c.substr) {
				t.Errorf("error %q does not say %q", err, c.substr)
			}
		})
	}
}

func TestUnmarshalSyntaxError(t *testing.T) {
	data := corpus.FolderSync()
	var v FolderSync
	err := eas.Unmarshal(data[:len(data)/2], &v)
	var se *wbxml.SyntaxError
	if !errors.As(err, &se) || !errors.Is(err, wbxml.ErrTruncated) {
		t.Fatalf("err = %v, want a *wbxml.SyntaxError", err)
	}
	if err := eas.Unmarshal(data, v); err == nil || !errors.Is(err, eas.ErrUnsupported) {
		t.Fatalf("Unmarshal into a non-pointer: %v", err)
	}
}

// TestVersion checks WithVersion on both sides.
func TestVersion(t *testing.T) {
	v := &Sync{Collections: &Collections{Collection: []Collection{{SyncKey: "1",
		Commands: &Commands{Add: []Item{{ServerId: "1", ApplicationData: &Email{Body: &Body{Type: 1, Data: "x"}}}}}}}}}
	_, err := eas.Marshal(v, eas.WithVersion(version.V2_5))
	var e *eas.Error
	if !errors.As(err, &e) || !errors.Is(err, eas.ErrNotInVersion) ||
		e.Path != "Sync/Collections/Collection/Commands/Add/ApplicationData" {
		t.Fatalf("Marshal under 2.5: %v (%+v)", err, e)
	}
	b, err := eas.Marshal(v, eas.WithVersion(version.V14_1))
	if err != nil {
		t.Fatal(err)
	}
	var got Sync
	if err := eas.Unmarshal(b, &got, eas.WithVersion(version.V2_5)); !errors.Is(err, eas.ErrNotInVersion) {
		t.Fatalf("Unmarshal under 2.5: %v", err)
	}
	if err := eas.Unmarshal(b, &got, eas.WithVersion(version.V14_1)); err != nil {
		t.Fatal(err)
	}
}

type badTag struct {
	XMLName eas.Name `eas:"AirSync:Sync"`
	X       string   `eas:"AirSync:NoSuchThing"`
}
type badNS struct {
	XMLName eas.Name `eas:"AirSync:Sync"`
	X       string   `eas:"Nowhere:SyncKey"`
}
type badKind struct {
	XMLName eas.Name `eas:"AirSync:Sync"`
	SyncKey map[string]string
}
type badFloat struct {
	XMLName eas.Name `eas:"AirSync:Sync"`
	Status  float64
}
type badOption struct {
	XMLName eas.Name `eas:"AirSync:Sync"`
	SyncKey string   `eas:",sometimes"`
}
type badEmpty struct {
	XMLName eas.Name `eas:"AirSync:Sync"`
	SyncKey string   `eas:",empty"`
}
type badAny struct {
	XMLName eas.Name `eas:"AirSync:Sync"`
	Rest    []string `eas:",any"`
}
type badDup struct {
	XMLName eas.Name `eas:"AirSync:Sync"`
	A       string   `eas:"SyncKey"`
	B       string   `eas:"AirSync:SyncKey"`
}
type noName struct {
	SyncKey string
}
type badRoot struct {
	XMLName eas.Name `eas:"Sync"`
}
type badIface struct {
	XMLName eas.Name `eas:"AirSync:Sync"`
	Status  any
}

// TestPlanErrors checks the errors of struct types that cannot be planned.
func TestPlanErrors(t *testing.T) {
	for _, c := range []struct {
		v    any
		want string
	}{
		{&badTag{}, `eas_test.badTag.X (tag "AirSync:NoSuchThing"): no element "NoSuchThing" on code page AirSync`},
		{&badNS{}, `eas_test.badNS.X (tag "Nowhere:SyncKey"): unknown namespace "Nowhere"`},
		{&badKind{}, `eas_test.badKind.SyncKey: unsupported type map[string]string`},
		{&badFloat{}, `eas_test.badFloat.Status: unsupported type float64`},
		{&badOption{}, `unknown option "sometimes"`},
		{&badEmpty{}, `empty needs a bool field`},
		{&badAny{}, `any needs a []*eas.Element field`},
		{&badDup{}, `element AirSync:SyncKey is also field A`},
		{&noName{}, `no XMLName field names the root element`},
		{&badRoot{}, `the root's name needs its namespace`},
		{&badIface{}, `unsupported type interface {}`},
	} {
		_, err := eas.Marshal(c.v)
		if !errors.Is(err, eas.ErrUnsupported) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Marshal(%T) = %v, want ErrUnsupported saying %q", c.v, err, c.want)
		}
		if _, ok := c.v.(*noName); ok {
			continue
		}
		err = eas.Unmarshal(corpus.FolderSync(), c.v)
		if !errors.Is(err, eas.ErrUnsupported) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Unmarshal(%T) = %v, want ErrUnsupported saying %q", c.v, err, c.want)
		}
	}
}

// Namespaces in every spelling PageOf accepts.
type spellings struct {
	XMLName eas.Name `eas:"AirSync:Sync"`
	A       string   `eas:"AirSync:SyncKey"`
	B       string   `eas:"AirSync::Status"`
	C       string   `eas:"POOMMAIL:Subject"`
	D       []byte   `eas:"Email2:ConversationId"`
	E       string   `eas:"http://synce.org/formats/airsync_wm5/email:To"`
	F       string   `eas:"AirSyncBase:NativeBodyType"`
	G       string   `eas:"Calendar:TimeZone"` // an alias
}

func TestSpellings(t *testing.T) {
	v := &spellings{A: "a", B: "b", C: "c", D: []byte{1}, E: "e", F: "f", G: "g"}
	b, err := eas.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	root, err := eas.Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	var tags []codepages.Tag
	for _, c := range root.Children() {
		tags = append(tags, c.Tag())
	}
	want := []codepages.Tag{codepages.AirSyncSyncKey, codepages.AirSyncStatus, codepages.EmailSubject,
		codepages.Email2ConversationId, codepages.EmailTo, codepages.AirSyncBaseNativeBodyType, codepages.CalendarTimezone}
	if !reflect.DeepEqual(tags, want) {
		t.Fatalf("tags %v, want %v", tags, want)
	}
}

// custom types: a Marshaler/Unmarshaler, a TextMarshaler (version.Version),
// named types, inline and embedded structs, a recursive type.

type Pair struct{ A, B string }

func (p Pair) MarshalEAS(b *eas.Builder, tag codepages.Tag) error {
	b.Text(tag, p.A+"|"+p.B)
	return nil
}

func (p *Pair) UnmarshalEAS(e *eas.Element) error {
	a, b, ok := strings.Cut(e.Text(), "|")
	if !ok {
		return errors.New("no bar")
	}
	p.A, p.B = a, b
	return nil
}

type Status uint16
type Key string

type Common struct {
	Status Status `eas:",omitempty"`
}

type Extra struct {
	Limit int `eas:",omitempty"`
}

type custom struct {
	XMLName eas.Name `eas:"AirSync:Sync"`
	Common
	*Extra
	More    struct{ Wait int } `eas:",inline"`
	SyncKey Key
	Class   Pair
	Version version.Version `eas:"AirSync:Version"`
	Folder  *Tree           `eas:"FolderHierarchy:Folder"`
}

type Tree struct {
	DisplayName string
	Folders     []Tree `eas:"Folder"`
}

func TestCustomTypes(t *testing.T) {
	v := &custom{Common: Common{Status: 7}, Extra: &Extra{Limit: 3}, SyncKey: "k", Class: Pair{"x", "y"},
		Version: version.V14_1, Folder: &Tree{DisplayName: "root", Folders: []Tree{{DisplayName: "a", Folders: []Tree{{DisplayName: "b"}}}, {DisplayName: "c"}}}}
	v.More.Wait = 5
	b, err := eas.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	x := toXML(t, b)
	for _, s := range []string{"<Status>7</Status>", "<Limit>3</Limit>", "<Wait>5</Wait>", "<Class>x|y</Class>", "<Version>14.1</Version>", "<DisplayName>b</DisplayName>"} {
		if !strings.Contains(x, s) {
			t.Errorf("no %s in\n%s", s, x)
		}
	}
	var got custom
	if err := eas.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	v.XMLName.Tag = codepages.AirSyncSync
	if d := cmp.Diff(v, &got); d != "" {
		t.Fatal(d)
	}
	// An Unmarshaler's error comes back as an *Error at its element.
	bad := bytes.Replace(b, []byte("x|y"), []byte("x-y"), 1)
	err = eas.Unmarshal(bad, &got)
	var e *eas.Error
	if !errors.As(err, &e) || e.Path != "Sync/Class" || !strings.Contains(err.Error(), "no bar") {
		t.Fatalf("Unmarshaler error: %v", err)
	}
}

// The root named by the value: XMLName without a tag.
type anyRoot struct {
	XMLName eas.Name
	Status  int
}

func TestRootFromValue(t *testing.T) {
	b, err := eas.Marshal(anyRoot{XMLName: eas.Name{Tag: codepages.PingPing}, Status: 1})
	if err != nil {
		t.Fatal(err)
	}
	var got anyRoot
	if err := eas.Unmarshal(b, &got); err != nil || got.XMLName.Tag != codepages.PingPing || got.Status != 1 {
		t.Fatalf("got %+v, %v", got, err)
	}
	// The same type on another page: Status is FolderHierarchy's.
	if err := eas.Unmarshal(corpus.FolderSync(), &got); err != nil || got.XMLName.Tag != codepages.FolderHierarchyFolderSync || got.Status != 1 {
		t.Fatalf("got %+v, %v", got, err)
	}
}

// TestCodec writes documents with an Encoder and reads them back with a
// Decoder, one after another in one stream.
func TestCodec(t *testing.T) {
	var buf bytes.Buffer
	enc := eas.NewEncoder(&buf)
	vs := values()
	names := []string{"FolderSyncResponse", "FolderSyncRequest", "FolderSyncResponse"}
	for _, n := range names {
		if err := enc.Encode(vs[n]); err != nil {
			t.Fatal(err)
		}
	}
	dec := eas.NewDecoder(iotest{&buf})
	for _, n := range names {
		var got FolderSync
		if err := dec.Decode(&got); err != nil {
			t.Fatal(err)
		}
		want := vs[n]
		setRoot(want)
		if d := cmp.Diff(want, &got); d != "" {
			t.Fatal(d)
		}
	}
	var got FolderSync
	if err := dec.Decode(&got); err != io.EOF {
		t.Fatalf("at the end: %v, want io.EOF", err)
	}

	// WithMaxSize bounds a document.
	big := corpus.FolderSync()
	err := eas.NewDecoder(bytes.NewReader(big), eas.WithMaxSize(1000)).Decode(&got)
	if !errors.Is(err, wbxml.ErrTooLarge) {
		t.Fatalf("over the limit: %v", err)
	}
	// A truncated last document is a syntax error.
	err = eas.NewDecoder(bytes.NewReader(big[:100])).Decode(&got)
	if !errors.Is(err, wbxml.ErrTruncated) {
		t.Fatalf("truncated: %v", err)
	}
}

// iotest is a reader that gives 7 bytes a read.
type iotest struct{ r io.Reader }

func (r iotest) Read(p []byte) (int, error) {
	if len(p) > 7 {
		p = p[:7]
	}
	return r.r.Read(p)
}

// TestKeptChildIndex: the path of an error inside a child kept in an
// `any` field numbers it among the kept children of its tag, counted only
// for the error (counting at every child made reading n kept children cost
// n² steps), and many kept children all arrive, in order.
func TestKeptChildIndex(t *testing.T) {
	type appData struct {
		XMLName eas.Name       `eas:"AirSync:ApplicationData"`
		Any     []*eas.Element `eas:",any"`
	}
	body := func(kids ...tnode) tnode {
		return el(codepages.AirSyncBaseBody, append([]tnode{tx(codepages.AirSyncBaseType, "1")}, kids...)...)
	}
	msg := msgOf(t, el(codepages.AirSyncApplicationData, body(), tx(codepages.EmailRead, "1"), body(),
		body(tx(codepages.AirSyncBasePreview, "Hi"))))
	var v appData
	err := eas.Unmarshal(msg, &v, eas.WithVersion(version.V12_0))
	var ee *eas.Error
	if !errors.As(err, &ee) || ee.Path != "ApplicationData/AirSyncBase:Body[3]/Preview" || !errors.Is(err, eas.ErrNotInVersion) {
		t.Fatalf("Unmarshal = %v, want ErrNotInVersion at ApplicationData/AirSyncBase:Body[3]/Preview", err)
	}
	var kids []tnode
	for i := range 20000 {
		kids = append(kids, tx(codepages.EmailRead, strconv.Itoa(i%2)))
	}
	if err := eas.Unmarshal(msgOf(t, el(codepages.AirSyncApplicationData, kids...)), &v); err != nil {
		t.Fatal(err)
	}
	if len(v.Any) != len(kids) || v.Any[19999].Text() != "1" || v.Any[0].Text() != "0" {
		t.Fatalf("kept %d children", len(v.Any))
	}
}
