package wbxml_test

import (
	"bytes"
	"errors"
	"fmt"
	"testing"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/internal/corpus"
	"github.com/easkit/easkit/wbxml"
	"github.com/google/go-cmp/cmp"
)

// fastOptionSets are the XMLWriter configurations whose fast path is
// compared with the token-by-token conversion.
var fastOptionSets = []struct {
	name string
	opts []wbxml.Option
}{
	{"default", activeSync()},
	{"compact", activeSync(wbxml.WithIndent(0), wbxml.WithXMLDeclaration(false))},
	{"prefixes", activeSync(wbxml.WithPrefixes(true), wbxml.WithNamespaceForm(1))},
	{"strict", activeSync(wbxml.WithStrict(true))},
	{"version 12.1", []wbxml.Option{wbxml.WithVocabulary(codepages.ActiveSync.In(121))}},
	{"version 12.1 strict", []wbxml.Option{wbxml.WithVocabulary(codepages.ActiveSync.In(121)), wbxml.WithStrict(true)}},
	{"shallow", activeSync(wbxml.WithMaxDepth(4))},
	{"small", activeSync(wbxml.WithMaxSize(300))},
}

// conversion is everything an XMLWriter conversion yields.
type conversion struct {
	XML      string
	Err      string
	Offset   int64
	Kind     string
	Warnings []string
	Count    int
}

func convertFastOrSlow(w *wbxml.XMLWriter, slow bool, src []byte) conversion {
	wbxml.SetXMLWriterSlow(w, slow)
	out, err := w.AppendXML([]byte("prefix:"), src)
	c := conversion{XML: string(out)}
	if err != nil {
		c.Err = err.Error()
		var se *wbxml.SyntaxError
		if errors.As(err, &se) {
			c.Offset = se.Offset
			c.Kind = fmt.Sprint(se.Err)
		}
	}
	ws := w.Warnings()
	c.Count = ws.Count
	for _, x := range ws.List {
		c.Warnings = append(c.Warnings, fmt.Sprintf("%d %d %#x %v", x.Offset, x.Page, x.Code, x.Err))
	}
	return c
}

// checkFastPath converts src with and without the fast path under every
// option set and fails on any difference.
func checkFastPath(t *testing.T, writers [][2]*wbxml.XMLWriter, src []byte) {
	t.Helper()
	for i, set := range fastOptionSets {
		want := convertFastOrSlow(writers[i][0], true, src)
		got := convertFastOrSlow(writers[i][1], false, src)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("%s: fast path differs on % X (-slow +fast):\n%s", set.name, src, diff)
		}
	}
}

func newFastWriters() [][2]*wbxml.XMLWriter {
	var ws [][2]*wbxml.XMLWriter
	for _, set := range fastOptionSets {
		ws = append(ws, [2]*wbxml.XMLWriter{wbxml.NewXMLWriter(set.opts...), wbxml.NewXMLWriter(set.opts...)})
	}
	return ws
}

// TestXMLWriterFastPath compares the fast path with the token-by-token
// conversion on the corpus messages, cut at many places, and on
// hand-made documents that leave the fast path in every way it can.
func TestXMLWriterFastPath(t *testing.T) {
	writers := newFastWriters()
	for _, m := range corpus.Standard() {
		msg := m.Build()
		if len(msg) > 1<<20 {
			continue
		}
		t.Run(m.Name, func(t *testing.T) {
			checkFastPath(t, writers, msg)
			step := max(1, len(msg)/31)
			for n := 0; n < len(msg); n += step {
				checkFastPath(t, writers, msg[:n])
			}
		})
	}
	for _, s := range fastPathSeeds {
		checkFastPath(t, writers, hx(s))
	}
}

// fastPathSeeds are documents that mix what the fast path converts with
// what it leaves to the Decoder.
var fastPathSeeds = []string{
	eas + `45 4B 03 'a' 00 01 01`,                                  // text leaf
	eas + `45 0B 4B 03 'a' 00 02 81 20 03 'b' 00 01 01`,            // empty tag, ENTITY between strings
	eas + `45 5C 4F 03 'x' 00 C3 02 'ab' 01 01 01`,                 // a string and an OPAQUE
	eas + `45 00 11 4A C3 03 01 02 03 01 00 00 4B 03 '1' 00 01 01`, // byte-array OPAQUE, page switches
	eas + `45 7F 01 4B 03 '1' 00 01 01`,                            // unknown tag
	eas + `45 CB 05 01 01 01`,                                      // attributes
	eas + `45 04 00 01 01`,                                         // LITERAL
	eas + `45 5C 5C 5C 5C 5C 4B 03 'deep' 00 01 01 01 01 01 01 01`, // deeper than the shallow limit
	eas + `45 4B 03 'no terminator'`,                               // cut in STR_I
	eas + `45 4B C3 85 80 80 80 00`,                                // bad mb_u_int32
	eas + `45 4B C3 10 'short' 01 01`,                              // OPAQUE longer than the input
	eas + `45 4B 03 'a' 00 01 01 03 'trailing' 00`,                 // after the root
	eas + `45 4B 03 'a' 00 01 01 43 01 01`,                         // PI after the root
	eas + `45 4B 43 05 01 01 01`,                                   // PI in content
	eas + `45 4B 83 00 01 01`,                                      // STR_T
	eas + `45 4B 40 'e' 00 01 01`,                                  // EXT_I_0
	eas + `45 4B 03 'bad ` + "\x01" + `' 00 01 01`,                 // text XML cannot carry
	eas + `45 5C 03 ' ' 00 4B 03 '1' 00 01 03 'tail' 00 01 01`,     // mixed content
	eas + `45 00`,                                      // cut in SWITCH_PAGE
	"03 01 04 00 45 4B 03 'caf' E9 00 01 01",           // Latin-1
	"03 01 6A 04 'abc' 00 45 4B 83 00 03 'd' 00 01 01", // string table
	"03 01 6A 00 45 01",                                // root without content, END extra
}

// FuzzXMLWriterFast: the fast path of XMLWriter converts any input exactly
// as the token-by-token conversion does: the same XML, error and
// warnings, under every option set.
func FuzzXMLWriterFast(f *testing.F) {
	addInteropSeeds(f, ".wbxml")
	for _, s := range fastPathSeeds {
		f.Add(hx(s))
	}
	f.Add(corpus.FolderSync())
	writers := newFastWriters()
	f.Fuzz(func(t *testing.T, src []byte) {
		checkFastPath(t, writers, src)
	})
}

// TestXMLWriterFastPathSameAsReader checks the fast path against the
// io.Reader form, which never takes it.
func TestXMLWriterFastPathSameAsReader(t *testing.T) {
	msg := corpus.SyncEmail(64 << 10)
	w := wbxml.NewXMLWriter(activeSync()...)
	got, err := w.AppendXML(nil, msg)
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	if err := w.WriteXML(&want, bytes.NewReader(msg)); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want.String(), string(got)); diff != "" {
		t.Errorf("(-WriteXML +AppendXML):\n%s", diff)
	}
}
