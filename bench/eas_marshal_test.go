package bench_test

import (
	"bytes"
	"errors"
	"io"
	"strconv"
	"testing"
	"time"
	"unsafe"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/eas"
	"github.com/easkit/easkit/internal/corpus"
	"github.com/easkit/easkit/wbxml"
)

// The corpus Sync and FolderSync responses as Go values: every element
// they hold has a field, so Marshal of what Unmarshal read gives the
// corpus bytes back.

// mSync is the corpus Sync response; D is the type of the bodies' text:
// string, or []byte tagged text to reuse its capacity.
type mSync[D bodyData] struct {
	XMLName     eas.Name `eas:"AirSync:Sync"`
	Collections struct {
		Collection []mCollection[D]
	}
}

// bodyData is the type of an e-mail body's text in mSync.
type bodyData interface{ string | []byte }

type mCollection[D bodyData] struct {
	SyncKey      string
	CollectionId string
	Status       int
	Commands     struct {
		Add []mAdd[D]
	}
}

type mAdd[D bodyData] struct {
	ServerId        string
	ApplicationData mEmail[D]
}

type mEmail[D bodyData] struct {
	To           string    `eas:"Email:To"`
	Cc           string    `eas:"Email:Cc,omitempty"`
	From         string    `eas:"Email:From"`
	Subject      string    `eas:"Email:Subject"`
	DateReceived time.Time `eas:"Email:DateReceived"`
	DisplayTo    string    `eas:"Email:DisplayTo"`
	ThreadTopic  string    `eas:"Email:ThreadTopic"`
	Importance   int       `eas:"Email:Importance"`
	Read         bool      `eas:"Email:Read"`
	Body         struct {
		Type              int
		EstimatedDataSize int
		Truncated         bool
		Data              D `eas:",text"`
	} `eas:"AirSyncBase:Body"`
	Attachments *struct {
		Attachment []struct {
			DisplayName       string
			FileReference     string
			Method            int
			EstimatedDataSize int
		}
	} `eas:"AirSyncBase:Attachments"`
	MessageClass      string   `eas:"Email:MessageClass"`
	InternetCPID      int      `eas:"Email:InternetCPID"`
	Flag              struct{} `eas:"Email:Flag"`
	ContentClass      string   `eas:"Email:ContentClass"`
	NativeBodyType    int      `eas:"AirSyncBase:NativeBodyType"`
	ConversationId    []byte   `eas:"Email2:ConversationId"`
	ConversationIndex []byte   `eas:"Email2:ConversationIndex"`
	Categories        struct {
		Category []string
	} `eas:"Email:Categories"`
}

type mFolderSync struct {
	XMLName eas.Name `eas:"FolderHierarchy:FolderSync"`
	Status  int
	SyncKey string
	Changes struct {
		Count int
		Add   []struct {
			ServerId    string
			ParentId    string
			DisplayName string
			Type        int
		}
	}
}

// A marshalCase is a corpus message with its struct and a hand-written
// encoder for it.
type marshalCase struct {
	name   string
	data   []byte
	value  any
	encode func(e *wbxml.Encoder, v any) error
}

func marshalCases(tb testing.TB) []marshalCase {
	tb.Helper()
	cs := []marshalCase{
		{"SyncEmail64KB", corpus.SyncEmail(64 << 10), new(mSync[string]), func(e *wbxml.Encoder, v any) error { return encodeSync(e, v.(*mSync[string])) }},
		{"FolderSync", corpus.FolderSync(), new(mFolderSync), func(e *wbxml.Encoder, v any) error { return encodeFolderSync(e, v.(*mFolderSync)) }},
	}
	for _, c := range cs {
		if err := eas.Unmarshal(c.data, c.value, eas.WithStrict(true)); err != nil {
			tb.Fatalf("%s: %v", c.name, err)
		}
	}
	return cs
}

// unmarshalCases are marshalCases and the Sync response once more, read
// into bodies of []byte tagged text: a []byte reuses its capacity where a
// string must be a new copy (the last case has no hand-written encoder).
func unmarshalCases(tb testing.TB) []marshalCase {
	tb.Helper()
	cs := marshalCases(tb)
	c := marshalCase{name: "SyncEmail64KB-bytebodies", data: cs[0].data, value: new(mSync[[]byte])}
	if err := eas.Unmarshal(c.data, c.value, eas.WithStrict(true)); err != nil {
		tb.Fatalf("%s: %v", c.name, err)
	}
	return append(cs, c)
}

// TestMarshalBenchmarkMessages checks that the benchmarks write and read
// the corpus messages: Marshal, the hand-written encoder and the corpus
// agree byte for byte, and the DOM baseline reads them.
func TestMarshalBenchmarkMessages(t *testing.T) {
	for _, c := range unmarshalCases(t) {
		out, err := eas.Marshal(c.value)
		if err != nil || !bytes.Equal(out, c.data) {
			t.Fatalf("%s: Marshal does not give the corpus bytes (%v)", c.name, err)
		}
		if c.encode == nil {
			continue
		}
		e := wbxml.NewAppendEncoder(nil)
		if err := c.encode(e, c.value); err != nil || !bytes.Equal(e.Bytes(), c.data) {
			t.Fatalf("%s: the hand-written encoder does not give the corpus bytes (%v)", c.name, err)
		}
		var d wbxml.Decoder
		root, err := domDecode(&d, c.data)
		if err != nil || root.name != c.value.(interface{ rootName() string }).rootName() {
			t.Fatalf("%s: DOM baseline: %v", c.name, err)
		}
	}
}

func (*mSync[D]) rootName() string    { return "Sync" }
func (*mFolderSync) rootName() string { return "FolderSync" }

// BenchmarkEASMarshal writes the corpus messages from their structs with
// MarshalAppend into a reused buffer.
func BenchmarkEASMarshal(b *testing.B) {
	for _, c := range marshalCases(b) {
		b.Run(c.name, func(b *testing.B) {
			buf := make([]byte, 0, len(c.data))
			b.ReportAllocs()
			b.SetBytes(int64(len(c.data)))
			for b.Loop() {
				var err error
				if buf, err = eas.MarshalAppend(buf[:0], c.value); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkEASMarshalByHand writes the same messages from the same
// structs with hand-written wbxml.Encoder calls: the floor for Marshal.
func BenchmarkEASMarshalByHand(b *testing.B) {
	for _, c := range marshalCases(b) {
		b.Run(c.name, func(b *testing.B) {
			e := wbxml.NewAppendEncoder(make([]byte, 0, len(c.data)))
			b.ReportAllocs()
			b.SetBytes(int64(len(c.data)))
			for b.Loop() {
				e.ResetAppend(e.Bytes()[:0])
				if err := c.encode(e, c.value); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkEASUnmarshal reads the messages into a reused struct.
func BenchmarkEASUnmarshal(b *testing.B) {
	for _, c := range unmarshalCases(b) {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(c.data)))
			for b.Loop() {
				if err := eas.Unmarshal(c.data, c.value); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkEASUnmarshalDOMBaseline reads the messages the way other Go
// ActiveSync libraries do: into a tree of nodes, one allocation per node
// and per string, from the same wbxml.Decoder tokens.
func BenchmarkEASUnmarshalDOMBaseline(b *testing.B) {
	for _, c := range marshalCases(b) {
		b.Run(c.name, func(b *testing.B) {
			var d wbxml.Decoder
			b.ReportAllocs()
			b.SetBytes(int64(len(c.data)))
			for b.Loop() {
				if _, err := domDecode(&d, c.data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// node is the baseline's tree: names as strings, text as a string.
type node struct {
	name, namespace, text string
	children              []*node
}

func domDecode(d *wbxml.Decoder, data []byte) (*node, error) {
	d.Reset(data, vocab...)
	var stack []*node
	var root *node
	for {
		tok, err := d.ReadToken()
		if errors.Is(err, io.EOF) {
			return root, nil
		}
		if err != nil {
			return nil, err
		}
		switch tok.Kind {
		case wbxml.KindStartTag:
			tag := codepages.NewTag(tok.Page, tok.Code)
			n := &node{name: tag.Name(), namespace: tag.Namespace(codepages.ColonForm)}
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				p.children = append(p.children, n)
			} else {
				root = n
			}
			stack = append(stack, n)
		case wbxml.KindEndTag:
			stack = stack[:len(stack)-1]
		case wbxml.KindString, wbxml.KindOpaque:
			n := stack[len(stack)-1]
			n.text += string(tok.Data)
		}
	}
}

// The hand-written encoders.

func encText(e *wbxml.Encoder, tag codepages.Tag, s string) error {
	if err := e.StartTag(tag.Page(), tag.Token(), false); err != nil {
		return err
	}
	if err := e.String(unsafe.Slice(unsafe.StringData(s), len(s))); err != nil {
		return err
	}
	return e.EndTag()
}

func encInt(e *wbxml.Encoder, tag codepages.Tag, n int, scratch []byte) error {
	if err := e.StartTag(tag.Page(), tag.Token(), false); err != nil {
		return err
	}
	if err := e.String(strconv.AppendInt(scratch[:0], int64(n), 10)); err != nil {
		return err
	}
	return e.EndTag()
}

func encOpaque(e *wbxml.Encoder, tag codepages.Tag, p []byte) error {
	if err := e.StartTag(tag.Page(), tag.Token(), false); err != nil {
		return err
	}
	if err := e.Opaque(p); err != nil {
		return err
	}
	return e.EndTag()
}

func encStart(e *wbxml.Encoder, tag codepages.Tag) error {
	return e.StartTag(tag.Page(), tag.Token(), false)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func encodeSync(e *wbxml.Encoder, s *mSync[string]) error {
	var scratch [32]byte
	errs := []error{encStart(e, codepages.AirSyncSync), encStart(e, codepages.AirSyncCollections)}
	for i := range s.Collections.Collection {
		c := &s.Collections.Collection[i]
		errs = append(errs[:0], encStart(e, codepages.AirSyncCollection),
			encText(e, codepages.AirSyncSyncKey, c.SyncKey),
			encText(e, codepages.AirSyncCollectionId, c.CollectionId),
			encInt(e, codepages.AirSyncStatus, c.Status, scratch[:]),
			encStart(e, codepages.AirSyncCommands))
		for j := range c.Commands.Add {
			a := &c.Commands.Add[j]
			m := &a.ApplicationData
			errs = append(errs, encStart(e, codepages.AirSyncAdd),
				encText(e, codepages.AirSyncServerId, a.ServerId),
				encStart(e, codepages.AirSyncApplicationData),
				encText(e, codepages.EmailTo, m.To))
			if m.Cc != "" {
				errs = append(errs, encText(e, codepages.EmailCc, m.Cc))
			}
			errs = append(errs, encText(e, codepages.EmailFrom, m.From),
				encText(e, codepages.EmailSubject, m.Subject))
			errs = append(errs, encStart(e, codepages.EmailDateReceived),
				e.String(eas.AppendTime(scratch[:0], codepages.EmailDateReceived, m.DateReceived)), e.EndTag())
			errs = append(errs, encText(e, codepages.EmailDisplayTo, m.DisplayTo),
				encText(e, codepages.EmailThreadTopic, m.ThreadTopic),
				encInt(e, codepages.EmailImportance, m.Importance, scratch[:]),
				encInt(e, codepages.EmailRead, boolInt(m.Read), scratch[:]),
				encStart(e, codepages.AirSyncBaseBody),
				encInt(e, codepages.AirSyncBaseType, m.Body.Type, scratch[:]),
				encInt(e, codepages.AirSyncBaseEstimatedDataSize, m.Body.EstimatedDataSize, scratch[:]),
				encInt(e, codepages.AirSyncBaseTruncated, boolInt(m.Body.Truncated), scratch[:]),
				encText(e, codepages.AirSyncBaseData, m.Body.Data),
				e.EndTag())
			if m.Attachments != nil {
				errs = append(errs, encStart(e, codepages.AirSyncBaseAttachments))
				for _, at := range m.Attachments.Attachment {
					errs = append(errs, encStart(e, codepages.AirSyncBaseAttachment),
						encText(e, codepages.AirSyncBaseDisplayName, at.DisplayName),
						encText(e, codepages.AirSyncBaseFileReference, at.FileReference),
						encInt(e, codepages.AirSyncBaseMethod, at.Method, scratch[:]),
						encInt(e, codepages.AirSyncBaseEstimatedDataSize, at.EstimatedDataSize, scratch[:]),
						e.EndTag())
				}
				errs = append(errs, e.EndTag())
			}
			errs = append(errs, encText(e, codepages.EmailMessageClass, m.MessageClass),
				encInt(e, codepages.EmailInternetCPID, m.InternetCPID, scratch[:]),
				encStart(e, codepages.EmailFlag), e.EndTag(),
				encText(e, codepages.EmailContentClass, m.ContentClass),
				encInt(e, codepages.AirSyncBaseNativeBodyType, m.NativeBodyType, scratch[:]),
				encOpaque(e, codepages.Email2ConversationId, m.ConversationId),
				encOpaque(e, codepages.Email2ConversationIndex, m.ConversationIndex),
				encStart(e, codepages.EmailCategories))
			for _, cat := range m.Categories.Category {
				errs = append(errs, encText(e, codepages.EmailCategory, cat))
			}
			errs = append(errs, e.EndTag(), e.EndTag(), e.EndTag()) // Categories, ApplicationData, Add
			if err := errors.Join(errs...); err != nil {
				return err
			}
			errs = errs[:0]
		}
		errs = append(errs, e.EndTag(), e.EndTag()) // Commands, Collection
	}
	errs = append(errs, e.EndTag(), e.EndTag())
	return errors.Join(errs...)
}

func encodeFolderSync(e *wbxml.Encoder, f *mFolderSync) error {
	var scratch [20]byte
	errs := []error{encStart(e, codepages.FolderHierarchyFolderSync),
		encInt(e, codepages.FolderHierarchyStatus, f.Status, scratch[:]),
		encText(e, codepages.FolderHierarchySyncKey, f.SyncKey),
		encStart(e, codepages.FolderHierarchyChanges),
		encInt(e, codepages.FolderHierarchyCount, f.Changes.Count, scratch[:])}
	for _, a := range f.Changes.Add {
		errs = append(errs, encStart(e, codepages.FolderHierarchyAdd),
			encText(e, codepages.FolderHierarchyServerId, a.ServerId),
			encText(e, codepages.FolderHierarchyParentId, a.ParentId),
			encText(e, codepages.FolderHierarchyDisplayName, a.DisplayName),
			encInt(e, codepages.FolderHierarchyType, a.Type, scratch[:]),
			e.EndTag())
		if err := errors.Join(errs...); err != nil {
			return err
		}
		errs = errs[:0]
	}
	errs = append(errs, e.EndTag(), e.EndTag())
	return errors.Join(errs...)
}
