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

func TestStandardDeterministic(t *testing.T) {
	for _, m := range Standard() {
		t.Run(m.Name, func(t *testing.T) {
			a, b := m.Build(), m.Build()
			if !bytes.Equal(a, b) {
				t.Fatal("two builds differ")
			}
		})
	}
}

func TestSyncEmailSize(t *testing.T) {
	for _, size := range []int{1, 10 << 10, 1 << 20} {
		got := len(SyncEmail(size))
		// One message is at most ~13 KB (a 12 KB body plus headers).
		if got < size || got > size+16<<10 {
			t.Errorf("SyncEmail(%d) is %d bytes, want [%d, %d]", size, got, size, size+16<<10)
		}
	}
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

// TestValidUTF8 checks that every string in the messages is valid UTF-8,
// as the text of real mail is once decoded.
func TestValidUTF8(t *testing.T) {
	for _, m := range Standard() {
		msg := m.Build()
		d := wbxml.NewDecoder(msg)
		for {
			tok, err := d.ReadToken()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: %v", m.Name, err)
			}
			if tok.Kind == wbxml.KindString && !utf8.Valid(tok.Data) {
				t.Fatalf("%s: invalid UTF-8 at offset %d: %q", m.Name, tok.Offset, tok.Data)
			}
		}
	}
}
