package wbxml_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"runtime"
	"strings"
	"testing"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/internal/corpus"
	"github.com/easkit/easkit/internal/testenv"
	"github.com/easkit/easkit/version"
	"github.com/easkit/easkit/wbxml"
	"github.com/google/go-cmp/cmp"
)

// convResult is everything a conversion gives back, either way.
type convResult struct {
	Out      []byte
	Err      string
	Warnings wbxml.Warnings
}

// newResult records a conversion's output, error and warnings (copied:
// the converter reuses them).
func newResult(out []byte, err error, w *wbxml.Warnings) convResult {
	r := convResult{Out: out, Warnings: *w}
	r.Warnings.List = append([]wbxml.Warning(nil), r.Warnings.List...)
	if err != nil {
		r.Err = err.Error()
	}
	return r
}

// kept is what every conversion under test appends to or writes after, to
// check that it keeps what was there.
const kept = "kept"

func convertWith(w *wbxml.XMLWriter, src []byte) convResult {
	out, err := w.AppendXML([]byte(kept), src)
	return newResult(out, err, w.Warnings())
}

// streamWith is convertWith through WriteXMLBytes.
func streamWith(w *wbxml.XMLWriter, src []byte) convResult {
	b := bytes.NewBufferString(kept)
	err := w.WriteXMLBytes(b, src)
	return newResult(b.Bytes(), err, w.Warnings())
}

// converter is one converter under test in its two forms, append and
// write, and how many parts its last conversion used.
type converter struct {
	appendForm, writeForm func(src []byte) convResult
	parts                 func() int
}

func writerUnder(opts []wbxml.Option) converter {
	w := wbxml.NewXMLWriter(opts...)
	return converter{
		func(src []byte) convResult { return convertWith(w, src) },
		func(src []byte) convResult { return streamWith(w, src) },
		func() int { return wbxml.PartsUsed(w) },
	}
}

// sameResult fails unless got is want.
func sameResult(t testing.TB, what string, want, got convResult) {
	t.Helper()
	if !bytes.Equal(want.Out, got.Out) {
		t.Fatalf("%s: the output differs from one goroutine's at byte %d", what, firstDiff(want.Out, got.Out))
	}
	want.Out, got.Out = nil, nil
	if diff := cmp.Diff(want, got, cmp.Comparer(func(a, b error) bool { return errors.Is(a, b) })); diff != "" {
		t.Fatalf("%s: differs from one goroutine (-want +got):\n%s", what, diff)
	}
}

// checkSameParts converts src with one (one goroutine) and with many(n)
// (WithConcurrency(n)) for each n, each in both forms and twice, reusing
// the parts' state, and fails unless every result is the same. It
// returns the most parts used.
func checkSameParts(t testing.TB, src []byte, one converter, many func(n int) converter, ns ...int) int {
	t.Helper()
	want := one.appendForm(src)
	sameResult(t, "the write form on one goroutine", want, one.writeForm(src))
	most := 0
	for _, n := range ns {
		c := many(n)
		for round := range 4 {
			form := c.appendForm
			if round%2 == 1 {
				form = c.writeForm
			}
			sameResult(t, fmt.Sprintf("WithConcurrency(%d), round %d", n, round), want, form(src))
			most = max(most, c.parts())
		}
	}
	return most
}

// withConcurrency returns opts and WithConcurrency(n).
func withConcurrency(opts []wbxml.Option, n int) []wbxml.Option {
	return append(opts[:len(opts):len(opts)], wbxml.WithConcurrency(n))
}

// partsStyles are the output styles the conversions in parts must
// reproduce.
var partsStyles = map[string][]wbxml.Option{
	"default":       activeSync(),
	"compact":       activeSync(wbxml.WithIndent(0), wbxml.WithXMLDeclaration(false)),
	"prefixes":      activeSync(wbxml.WithPrefixes(true), wbxml.WithNamespaceForm(1)),
	"v12.1":         activeSync(wbxml.WithVocabulary(codepages.ActiveSync.In(version.V12_1))),
	"strict":        activeSync(wbxml.WithStrict(true)),
	"no vocabulary": {wbxml.WithDocType(false)},
}

// checkParts is checkSameParts for WBXML → XML with the options.
func checkParts(t *testing.T, src []byte, opts []wbxml.Option) int {
	t.Helper()
	return checkSameParts(t, src, writerUnder(opts),
		func(n int) converter { return writerUnder(withConcurrency(opts, n)) }, 2, 3, 4, 16)
}

// TestConcurrencySameOutput: converting in parts gives the output,
// warnings and error of converting on one goroutine, for every corpus
// message in every output style, with parts down to 64 bytes, and the
// documents really are cut.
func TestConcurrencySameOutput(t *testing.T) {
	defer wbxml.SetMinPart(64)()
	msgs := map[string][]byte{}
	for _, m := range corpus.Standard() {
		if m.Name != "SyncEmail10MB" {
			msgs[m.Name] = m.Build()
		}
	}
	for name, opts := range partsStyles {
		for mname, src := range msgs {
			t.Run(name+"/"+mname, func(t *testing.T) {
				if n := checkParts(t, src, opts); n < 3 && len(src) > 4096 && name != "strict" {
					t.Errorf("the %d-byte message was cut into %d parts, want several", len(src), n)
				}
			})
		}
	}
}

// TestConcurrencyMisreadCheckpoint: when a part did not start in the
// state the part before it ended in, the part before goes on to the end
// of the document, and the result is still that of one goroutine.
func TestConcurrencyMisreadCheckpoint(t *testing.T) {
	defer wbxml.SetMinPart(256)()
	defer wbxml.SkewCheckpoints()()
	src := corpus.SyncEmail(64 << 10)
	for name, opts := range partsStyles {
		t.Run(name, func(t *testing.T) {
			want := convertWith(wbxml.NewXMLWriter(opts...), src)
			w := wbxml.NewXMLWriter(withConcurrency(opts, 8)...)
			for i, conv := range []func(*wbxml.XMLWriter, []byte) convResult{convertWith, streamWith} {
				got := conv(w, src)
				if !bytes.Equal(want.Out, got.Out) || want.Err != got.Err || want.Warnings.Count != got.Warnings.Count {
					t.Fatalf("form %d: differs from one goroutine (at byte %d; errors %q, %q)", i, firstDiff(want.Out, got.Out), want.Err, got.Err)
				}
				if n := wbxml.PartsUsed(w); name != "strict" && (n < 2 || n >= 8) {
					t.Errorf("form %d: %d parts used, want the parts before the misread one", i, n)
				}
			}
		})
	}
}

// TestConcurrencyInterop: the same over every interop sample, good and
// bad, cut into parts as small as they come.
func TestConcurrencyInterop(t *testing.T) {
	defer wbxml.SetMinPart(1)()
	names := interopSamples(t)
	bad, _ := os.ReadDir(interopDir + "/bad")
	for _, e := range bad {
		names = append(names, interopDir+"/bad/"+e.Name())
	}
	cut := 0
	for _, path := range names {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for style, opts := range partsStyles {
			t.Run(path+"/"+style, func(t *testing.T) {
				if checkParts(t, src, opts) > 1 {
					cut++
				}
			})
		}
	}
	if cut == 0 {
		t.Error("no interop sample was cut into parts")
	}
}

// TestConcurrencyErrors: an error anywhere in a document cut into parts
// is the error, at the same offset, of converting on one goroutine, with
// the output and warnings before it.
func TestConcurrencyErrors(t *testing.T) {
	defer wbxml.SetMinPart(512)()
	src := corpus.SyncEmail(64 << 10)
	cases := map[string]func(b []byte) []byte{
		"truncated":      func(b []byte) []byte { return b[:len(b)*3/4] },
		"unknown page":   func(b []byte) []byte { return patchNth(b, []byte{0x00, 0x02}, []byte{0x00, 0x7E}, 40) },
		"stray END":      func(b []byte) []byte { return append(b[:len(b)-1:len(b)-1], 0x01, 0x01) },
		"bad OPAQUE len": func(b []byte) []byte { return patchNth(b, []byte{0x03}, []byte{0xC3, 0xFF, 0xFF, 0x7F}, 900) },
		"literal late":   func(b []byte) []byte { return patchNth(b, []byte{0x01, 0x01}, []byte{0x01, 0x04, 0x00, 0x01}, 30) },
		"trailing data":  func(b []byte) []byte { return append(b[:len(b):len(b)], 0x45, 0x01) },
	}
	for name, mutate := range cases {
		bad := mutate(src)
		if bytes.Equal(bad, src) {
			t.Fatalf("%s: the mutation changed nothing", name)
		}
		for style, opts := range partsStyles {
			t.Run(name+"/"+style, func(t *testing.T) { checkParts(t, bad, opts) })
		}
	}
}

// firstDiff returns the offset of the first byte where a and b differ.
func firstDiff(a, b []byte) int {
	n := min(len(a), len(b))
	for i := range n {
		if a[i] != b[i] {
			return i
		}
	}
	return n
}

// patchNth replaces the nth occurrence of old in a copy of b with new.
func patchNth(b, old, new []byte, n int) []byte {
	at := 0
	for range n {
		i := bytes.Index(b[at:], old)
		if i < 0 {
			break
		}
		at += i + len(old)
	}
	at -= len(old)
	out := append([]byte(nil), b[:at]...)
	out = append(out, new...)
	return append(out, b[at+len(old):]...)
}

// TestConcurrencyDefaultSize: with the real part size a 1 MB Sync
// response is cut, and a small message is not.
func TestConcurrencyDefaultSize(t *testing.T) {
	w := wbxml.NewXMLWriter(activeSync(wbxml.WithConcurrency(4))...)
	for _, tc := range []struct {
		size  int
		parts int
	}{{1 << 20, 4}, {300 << 10, 2}, {64 << 10, 0}} {
		src := corpus.SyncEmail(tc.size)
		want, _ := wbxml.AppendXML(nil, src, activeSync()...)
		got, err := w.AppendXML(nil, src)
		if err != nil || !bytes.Equal(got, want) {
			t.Fatalf("%d bytes: output differs from one goroutine (%v)", tc.size, err)
		}
		if n := wbxml.PartsUsed(w); n != tc.parts {
			t.Errorf("%d bytes: %d parts, want %d", tc.size, n, tc.parts)
		}
	}
}

// FuzzConcurrency: any input converts in parts (as small as they come)
// exactly as on one goroutine.
func FuzzConcurrency(f *testing.F) {
	addInteropSeeds(f, ".wbxml")
	f.Add(corpus.FolderSync())
	restore := wbxml.SetMinPart(1)
	f.Cleanup(restore)
	// Parts that write to an io.Writer fill their buffer after 64 bytes,
	// and are carried on in their turn.
	f.Cleanup(wbxml.SetPartBudget(64))
	// Written to an io.Writer, documents cut into parts of 256 bytes: more
	// parts than writers, which pass from part to part.
	f.Cleanup(wbxml.SetStreamPart(256))
	one := writerUnder(activeSync(wbxml.WithIndent(1)))
	many := writerUnder(activeSync(wbxml.WithIndent(1), wbxml.WithConcurrency(5)))
	// With an amplification limit that documents of more than 2 KiB of
	// XML pass: the error comes at the same offset in parts.
	oneLimited := writerUnder(activeSync(wbxml.WithIndent(1), wbxml.WithMaxAmplification(2)))
	manyLimited := writerUnder(activeSync(wbxml.WithIndent(1), wbxml.WithMaxAmplification(2), wbxml.WithConcurrency(5)))
	f.Fuzz(func(t *testing.T, src []byte) {
		want := one.appendForm(src)
		sameResult(t, "AppendXML in parts", want, many.appendForm(src))
		sameResult(t, "WriteXMLBytes in parts", want, many.writeForm(src))
		sameResult(t, "WriteXMLBytes on one goroutine", want, one.writeForm(src))
		limited := oneLimited.appendForm(src)
		sameLimited(t, "limited AppendXML", want, limited, limited)
		sameLimited(t, "limited WriteXMLBytes", want, limited, oneLimited.writeForm(src))
		sameLimited(t, "limited AppendXML in parts", want, limited, manyLimited.appendForm(src))
		sameLimited(t, "limited WriteXMLBytes in parts", want, limited, manyLimited.writeForm(src))
	})
}

// sameLimited fails unless got, a conversion under an amplification limit
// of 2 (2 KiB for small inputs), fails where one goroutine's does (lim):
// with the same result when lim passed, else with ErrAmplification after
// writing more than the limit of the XML that the conversion without a
// limit (full) writes. Where exactly it stops depends on whether the
// XMLWriter's fast path wrote an element in one step.
func sameLimited(t *testing.T, what string, full, lim, got convResult) {
	t.Helper()
	const limit = 2 << 10
	if !strings.Contains(lim.Err, "times the size of the input") {
		sameResult(t, what, lim, got)
		return
	}
	if !strings.Contains(got.Err, "times the size of the input") {
		t.Fatalf("%s: error %q, want the amplification limit's", what, got.Err)
	}
	if !bytes.HasPrefix(full.Out, got.Out) || len(got.Out)-len(kept) <= limit {
		t.Fatalf("%s: %d bytes before the limit's error, not more than %d bytes of the XML", what, len(got.Out)-len(kept), limit)
	}
}

func ExampleWithConcurrency() {
	// A FolderSync response with 20,000 folders: about 600 KB of WBXML.
	var doc strings.Builder
	doc.WriteString(`<FolderSync xmlns="FolderHierarchy:"><Status>1</Status><SyncKey>1</SyncKey><Changes>`)
	for i := range 20000 {
		fmt.Fprintf(&doc, "<Add><ServerId>%d</ServerId><ParentId>0</ParentId><DisplayName>Folder %d</DisplayName><Type>12</Type></Add>", i, i)
	}
	doc.WriteString(`</Changes></FolderSync>`)
	src, err := wbxml.AppendWBXML(nil, []byte(doc.String()), wbxml.WithVocabulary(codepages.ActiveSync))
	if err != nil {
		fmt.Println(err)
		return
	}

	// Converted on up to 4 goroutines, and on one: the same XML.
	w := wbxml.NewXMLWriter(wbxml.WithVocabulary(codepages.ActiveSync), wbxml.WithConcurrency(4))
	out, err := w.AppendXML(nil, src)
	if err != nil {
		fmt.Println(err)
		return
	}
	one, _ := wbxml.AppendXML(nil, src, wbxml.WithVocabulary(codepages.ActiveSync))
	fmt.Println(len(src) > 512<<10, bytes.Equal(out, one))
	// Output: true true
}

// BenchmarkToXMLConcurrent converts the 1 MB and 10 MB Sync responses in
// parts on GOMAXPROCS goroutines; compare with BenchmarkToXML.
func BenchmarkToXMLConcurrent(b *testing.B) {
	for _, size := range []int{1 << 20, 10 << 20} {
		src := corpus.SyncEmail(size)
		b.Run(fmt.Sprintf("SyncEmail%dMB", size>>20), func(b *testing.B) {
			w := wbxml.NewXMLWriter(activeSync(wbxml.WithConcurrency(runtime.GOMAXPROCS(0)))...)
			out, err := w.AppendXML(nil, src)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				out, _ = w.AppendXML(out[:0], src)
			}
		})
	}
}

// TestStreamFormsAllocateNothing: WriteXMLBytes and WriteWBXML on one
// goroutine, with a reused writer and reader, allocate nothing once warm.
func TestStreamFormsAllocateNothing(t *testing.T) {
	testenv.SkipIfAllocsUnreliable(t)
	msg := corpus.SyncEmail(1 << 20)
	w := wbxml.NewXMLWriter(activeSync()...)
	r := wbxml.NewXMLReader(activeSync()...)
	doc, err := w.AppendXML(nil, msg)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	out.Grow(2 * len(doc))
	for _, tc := range []struct {
		name string
		run  func() error
	}{
		{"WriteXMLBytes", func() error { out.Reset(); return w.WriteXMLBytes(&out, msg) }},
		{"WriteWBXML", func() error { out.Reset(); return r.WriteWBXML(&out, doc) }},
	} {
		if err := tc.run(); err != nil { // warm up
			t.Fatal(err)
		}
		if n := testing.AllocsPerRun(5, func() {
			if err := tc.run(); err != nil {
				panic(err)
			}
		}); n != 0 {
			t.Errorf("%s: %v allocations per run, want 0", tc.name, n)
		}
	}
}
