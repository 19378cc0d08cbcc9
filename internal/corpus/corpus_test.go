package corpus

import (
	"bytes"
	"errors"
	"io"
	"testing"
	"unicode/utf8"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/wbxml"
)

// TestStandardDeterministic builds every message a second time, uncached,
// and compares.
func TestStandardDeterministic(t *testing.T) {
	for i, m := range Standard() {
		t.Run(m.Name, func(t *testing.T) {
			if m.Name != builders[i].name {
				t.Fatalf("Standard()[%d] is %s, want %s", i, m.Name, builders[i].name)
			}
			if !bytes.Equal(m.Build(), builders[i].build()) {
				t.Fatal("two builds differ")
			}
		})
	}
}

// TestBuildReturnsCopies checks that a caller may modify what Build returns.
func TestBuildReturnsCopies(t *testing.T) {
	m, ok := Lookup("Provision")
	if !ok {
		t.Fatal("Lookup(Provision) failed")
	}
	a := m.Build()
	a[len(a)-1] ^= 0xFF
	if b := m.Build(); bytes.Equal(a, b) {
		t.Fatal("Build returned the same slice twice")
	}
	if _, ok := Lookup("NoSuchMessage"); ok {
		t.Fatal("Lookup found a message that does not exist")
	}
}

// TestStandardSizes checks that every message is near its nominal size.
func TestStandardSizes(t *testing.T) {
	want := map[string][2]int{ // [min, max] bytes
		"FolderSync":          {8 << 10, 16 << 10},
		"Provision":           {300, 1 << 10},
		"SyncEmail1KB":        {1 << 10, 1<<10 + 1<<10},
		"SyncEmail64KB":       {64 << 10, 64<<10 + 1<<10},
		"SyncEmail1MB":        {1 << 20, 1<<20 + 1<<10},
		"SyncEmail10MB":       {10 << 20, 10<<20 + 1<<10},
		"SyncEmailIntl1MB":    {1 << 20, 1<<20 + 1<<10},
		"SyncCalendar":        {128 << 10, 256 << 10},
		"SyncContacts":        {40 << 10, 64 << 10},
		"ItemOperationsFetch": {1 << 20, 1<<20 + 8<<10},
		"Ping":                {100, 300},
		"GetItemEstimate":     {600, 2 << 10},
		"Find":                {8 << 10, 20 << 10},
	}
	for _, m := range Standard() {
		w, ok := want[m.Name]
		if !ok {
			t.Errorf("%s: no expected size", m.Name)
			continue
		}
		if n := len(m.Build()); n < w[0] || n > w[1] {
			t.Errorf("%s is %d bytes, want [%d, %d]", m.Name, n, w[0], w[1])
		}
	}
}

func TestSyncEmailSize(t *testing.T) {
	for _, size := range []int{1, 1 << 10, 10 << 10, 64 << 10, 1 << 20} {
		got := len(SyncEmail(size))
		// The last message's body is cut to fit: a message with an empty
		// body takes about 800 bytes.
		if got < size || got > size+1<<10 {
			t.Errorf("SyncEmail(%d) is %d bytes, want [%d, %d]", size, got, size, size+1<<10)
		}
	}
}

// TestStandardValid decodes every message strictly with the ActiveSync
// vocabulary to its end, checks that all text is valid UTF-8, and that the
// message is canonical: WBXML → XML → WBXML gives the same bytes.
func TestStandardValid(t *testing.T) {
	w := wbxml.NewXMLWriter(wbxml.WithVocabulary(codepages.ActiveSync), wbxml.WithStrict(true))
	r := wbxml.NewXMLReader(wbxml.WithVocabulary(codepages.ActiveSync), wbxml.WithStrict(true))
	var doc, back []byte
	for _, m := range Standard() {
		t.Run(m.Name, func(t *testing.T) {
			msg := m.Build()
			if !bytes.HasPrefix(msg, []byte{0x03, 0x01, 0x6A, 0x00}) {
				t.Fatalf("header % X, want 03 01 6A 00", msg[:4])
			}
			counts := decodeStrict(t, msg)
			if counts.tokens < 10 {
				t.Fatalf("only %d tokens", counts.tokens)
			}
			var err error
			if doc, err = w.AppendXML(doc[:0], msg); err != nil {
				t.Fatalf("to XML: %v", err)
			}
			if n := w.Warnings().Count; n != 0 {
				t.Fatalf("%d warnings converting to XML: %v", n, w.Warnings().List)
			}
			if back, err = r.AppendWBXML(back[:0], doc); err != nil {
				t.Fatalf("from XML: %v", err)
			}
			if !bytes.Equal(back, msg) {
				t.Fatal("WBXML → XML → WBXML is not byte-identical")
			}
		})
	}
}

// tally is what decodeStrict counted.
type tally struct {
	tokens   int
	tags     map[codepages.Tag]int
	opaque   []int // lengths of the OPAQUE blocks
	maxDepth int
	nonASCII bool
}

// decodeStrict decodes msg strictly with the ActiveSync vocabulary to its
// last byte, checks that every string is valid UTF-8, and counts.
func decodeStrict(t *testing.T, msg []byte) tally {
	t.Helper()
	c := tally{tags: map[codepages.Tag]int{}}
	d := wbxml.NewDecoder(msg, wbxml.WithVocabulary(codepages.ActiveSync), wbxml.WithStrict(true))
	for {
		tok, err := d.ReadToken()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		c.tokens++
		switch tok.Kind {
		case wbxml.KindStartTag:
			c.tags[codepages.Tag(tok.Tag())]++
			c.maxDepth = max(c.maxDepth, d.StackDepth())
		case wbxml.KindOpaque:
			c.opaque = append(c.opaque, len(tok.Data))
		case wbxml.KindString:
			if !utf8.Valid(tok.Data) {
				t.Fatalf("invalid UTF-8 at offset %d: %q", tok.Offset, tok.Data)
			}
			for _, b := range tok.Data {
				c.nonASCII = c.nonASCII || b >= 0x80
			}
		}
	}
	if d.InputOffset() != int64(len(msg)) {
		t.Fatalf("decoding stopped at %d of %d bytes", d.InputOffset(), len(msg))
	}
	return c
}

// TestSyncEmailContent decodes the message strictly with the ActiveSync
// vocabulary and checks that it holds what SyncEmail promises.
func TestSyncEmailContent(t *testing.T) {
	msg := SyncEmail(1 << 20)
	if !bytes.HasPrefix(msg, []byte{0x03, 0x01, 0x6A, 0x00}) {
		t.Fatalf("header % X, want 03 01 6A 00", msg[:4])
	}
	d := wbxml.NewDecoder(msg, wbxml.WithVocabulary(codepages.ActiveSync), wbxml.WithStrict(true))
	count := map[codepages.Tag]int{}
	var opaque, maxDepth int
	var nonASCII bool
	for {
		tok, err := d.ReadToken()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch tok.Kind {
		case wbxml.KindStartTag:
			count[codepages.Tag(tok.Tag())]++
			maxDepth = max(maxDepth, d.StackDepth())
		case wbxml.KindOpaque:
			opaque++
		case wbxml.KindString:
			for _, c := range tok.Data {
				if c >= 0x80 {
					nonASCII = true
				}
			}
		}
	}
	if d.InputOffset() != int64(len(msg)) {
		t.Errorf("decoding stopped at %d of %d bytes", d.InputOffset(), len(msg))
	}
	adds := count[codepages.AirSyncAdd]
	if adds < 50 {
		t.Errorf("%d Adds, want at least 50 in 1 MB", adds)
	}
	for _, tag := range []codepages.Tag{
		codepages.AirSyncServerId, codepages.AirSyncApplicationData, codepages.EmailTo, codepages.EmailFrom,
		codepages.EmailSubject, codepages.EmailDateReceived, codepages.EmailDisplayTo, codepages.EmailImportance,
		codepages.EmailRead, codepages.AirSyncBaseBody, codepages.AirSyncBaseType,
		codepages.AirSyncBaseData, codepages.Email2ConversationId,
		codepages.Email2ConversationIndex, codepages.EmailCategories,
	} {
		if count[tag] != adds {
			t.Errorf("%v appears %d times, want once per Add (%d)", tag, count[tag], adds)
		}
	}
	if count[codepages.EmailCategory] == 0 || count[codepages.AirSyncBaseAttachment] == 0 {
		t.Errorf("no Category (%d) or Attachment (%d)", count[codepages.EmailCategory], count[codepages.AirSyncBaseAttachment])
	}
	if opaque != 2*adds {
		t.Errorf("%d OPAQUE tokens, want 2 per Add", opaque)
	}
	if !nonASCII {
		t.Error("no non-ASCII text")
	}
	if maxDepth != 9 {
		t.Errorf("max depth %d, want 9 (Sync/Collections/Collection/Commands/Add/ApplicationData/Attachments/Attachment/DisplayName)", maxDepth)
	}
}
