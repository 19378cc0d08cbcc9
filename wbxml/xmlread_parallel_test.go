package wbxml_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/internal/corpus"
	"github.com/easkit/easkit/version"
	"github.com/easkit/easkit/wbxml"
)

func readWith(r *wbxml.XMLReader, doc []byte) convResult {
	out, err := r.AppendWBXML([]byte(kept), doc)
	return newResult(out, err, r.Warnings())
}

// streamReadWith is readWith through WriteWBXML. Its output on error is
// not compared: AppendWBXML gives none, WriteWBXML what it wrote.
func streamReadWith(r *wbxml.XMLReader, doc []byte) convResult {
	b := bytes.NewBufferString(kept)
	err := r.WriteWBXML(b, doc)
	out := b.Bytes()
	if err != nil {
		out = []byte(kept)
	}
	return newResult(out, err, r.Warnings())
}

func readerUnder(opts []wbxml.Option) converter {
	r := wbxml.NewXMLReader(opts...)
	return converter{
		func(doc []byte) convResult { return readWith(r, doc) },
		func(doc []byte) convResult { return streamReadWith(r, doc) },
		func() int { return wbxml.ReadPartsUsed(r) },
	}
}

// readStyles are the reader options conversions in parts must reproduce.
var readStyles = map[string][]wbxml.Option{
	"default": activeSync(),
	"v12.1":   activeSync(wbxml.WithVocabulary(codepages.ActiveSync.In(version.V12_1))),
	"strict":  activeSync(wbxml.WithStrict(true)),
	"keep":    activeSync(wbxml.WithKeepSpace(true)),
}

// checkReadParts is checkSameParts for XML → WBXML with the options.
func checkReadParts(t testing.TB, doc []byte, opts []wbxml.Option) int {
	t.Helper()
	return checkSameParts(t, doc, readerUnder(opts),
		func(n int) converter { return readerUnder(withConcurrency(opts, n)) }, 2, 3, 5, 16)
}

// TestReadConcurrencySameOutput: XML → WBXML in parts gives the bytes,
// warnings and error of one goroutine, for the XML of every corpus
// message in each writer style, read in each reader style, and the
// documents really are cut (except where white space is kept: those
// are never cut).
func TestReadConcurrencySameOutput(t *testing.T) {
	defer wbxml.SetMinPart(64)()
	for _, m := range corpus.Standard() {
		if m.Name == "SyncEmail10MB" {
			continue
		}
		src := m.Build()
		for wname, wopts := range partsStyles {
			if wname == "no vocabulary" {
				continue
			}
			doc, err := wbxml.AppendXML(nil, src, wopts...)
			if err != nil {
				t.Fatal(err)
			}
			for rname, ropts := range readStyles {
				t.Run(m.Name+"/"+wname+"/"+rname, func(t *testing.T) {
					n := checkReadParts(t, doc, ropts)
					switch {
					case rname == "keep" && n != 0:
						t.Errorf("cut into %d parts with white space kept", n)
					case rname != "keep" && rname != "strict" && n < 3 && len(doc) > 8192:
						t.Errorf("the %d-byte document was cut into %d parts, want several", len(doc), n)
					}
				})
			}
		}
	}
}

// TestReadConcurrencyInterop: the same over every interop XML sample and
// the XML forms of hand-written documents with comments, CDATA, PIs,
// prefixes and errors, cut into parts as small as they come.
func TestReadConcurrencyInterop(t *testing.T) {
	defer wbxml.SetMinPart(1)()
	names, _ := filepath.Glob(filepath.Join(interopDir, "*.xml"))
	bad, _ := filepath.Glob(filepath.Join(interopDir, "bad", "*.xml"))
	names = append(names, bad...)
	if len(names) == 0 {
		t.Fatal("no interop XML samples")
	}
	cut := 0
	docs := map[string][]byte{}
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		docs[filepath.Base(n)] = b
	}
	for name, s := range readDocs {
		docs[name] = []byte(s)
	}
	for name, doc := range docs {
		for style, opts := range readStyles {
			t.Run(name+"/"+style, func(t *testing.T) {
				if checkReadParts(t, doc, opts) > 1 {
					cut++
				}
			})
		}
	}
	if cut < 10 {
		t.Errorf("only %d documents were cut into parts", cut)
	}
}

// readDocs are hand-written documents whose markup the checkpoints must
// read right, or leave to the scanner.
var readDocs = map[string]string{
	"comments and PIs": `<?xml version="1.0"?><!-- a > b --><?pi x?><Sync xmlns="AirSync:"><Collections>
<Collection><SyncKey>1</SyncKey></Collection> <!-- <Collection> -->
<Collection><SyncKey>2</SyncKey></Collection><?pi <Collection>?>
<Collection><SyncKey>3</SyncKey></Collection>
<Collection><SyncKey><![CDATA[<4>]]></SyncKey></Collection></Collections></Sync>`,
	"prefixes and quotes": `<a:Sync xmlns:a="AirSync:" xmlns:e='Email:'><a:Collections>
<a:Collection a:x="/>"><a:SyncKey>1</a:SyncKey></a:Collection>
<a:Collection><e:Subject>x</e:Subject></a:Collection>
<a:Collection xmlns:a="Email:"><a:Subject>y</a:Subject></a:Collection>
<a:Collection><a:SyncKey/></a:Collection><a:Collection/>
<a:Collection><e:To xmlns:e="Email:">z</e:To></a:Collection></a:Collections></a:Sync>`,
	"default namespace changes": `<Sync xmlns="AirSync:"><Collections>
<Collection><Commands><Add><ApplicationData><Subject xmlns="Email:">1</Subject></ApplicationData></Add>
<Add><ApplicationData><Body xmlns="AirSyncBase:"><Data>2</Data></Body></ApplicationData></Add>
<Add><ApplicationData><To xmlns="Email:">3</To></ApplicationData></Add></Commands></Collection>
</Collections></Sync>`,
	"doctype": `<!DOCTYPE ActiveSync PUBLIC "-//MICROSOFT//DTD ActiveSync//EN" "http://www.microsoft.com/">
<FolderSync xmlns="FolderHierarchy:"><SyncKey>1</SyncKey><Changes><Add><DisplayName>a</DisplayName></Add>
<Add><DisplayName>b</DisplayName></Add><Add><DisplayName>c</DisplayName></Add></Changes></FolderSync>`,
	"internal subset": `<!DOCTYPE FolderSync [<!ENTITY e "x">]><FolderSync xmlns="FolderHierarchy:"><Changes>
<Add><DisplayName>a</DisplayName></Add><Add><DisplayName>b</DisplayName></Add></Changes></FolderSync>`,
	"mismatched end": `<FolderSync xmlns="FolderHierarchy:"><Changes><Add><DisplayName>a</DisplayName></Add>
<Add><DisplayName>b</DisplayName></Add><Add><DisplayName>c</Add></DisplayName></Changes></FolderSync>`,
	"unknown late": `<FolderSync xmlns="FolderHierarchy:"><Changes><Add><DisplayName>a</DisplayName></Add>
<Add><DisplayName>b</DisplayName></Add><Add><Nope>c</Nope></Add></Changes></FolderSync>`,
	"text between": `<FolderSync xmlns="FolderHierarchy:"><Changes><Add><DisplayName>a</DisplayName></Add>
text<Add><DisplayName>b</DisplayName></Add>&#32;<Add><DisplayName>c</DisplayName></Add></Changes></FolderSync>`,
	"truncated": `<FolderSync xmlns="FolderHierarchy:"><Changes><Add><DisplayName>a</DisplayName></Add>
<Add><DisplayName>b</DisplayName></Add><Add><DisplayName>c</DisplayName></Add></Chan`,
	"second root": `<FolderSync xmlns="FolderHierarchy:"><Changes><Add/><Add/></Changes></FolderSync><FolderSync xmlns="FolderHierarchy:"/>`,
	"markers": `<Sync xmlns="AirSync:" xmlns:easkit="https://github.com/easkit/easkit/wbxml"><Collections>
<Collection><SyncKey>1</SyncKey></Collection>
<Collection><easkit:opaque>AAE=</easkit:opaque><SyncKey>2</SyncKey></Collection>
<Collection><easkit:unknown page="0" token="0x3F">3</easkit:unknown></Collection>
<Collection><SyncKey easkit:wire="opaque">NA==</SyncKey></Collection></Collections></Sync>`,
}

// TestReadConcurrencyMisreadCheckpoint: when a part did not start in the
// state the part before it ended in, the part before goes on to the end.
func TestReadConcurrencyMisreadCheckpoint(t *testing.T) {
	defer wbxml.SetMinPart(256)()
	defer wbxml.SkewCheckpoints()()
	doc, err := wbxml.AppendXML(nil, corpus.SyncEmail(64<<10), activeSync()...)
	if err != nil {
		t.Fatal(err)
	}
	for name, opts := range readStyles {
		t.Run(name, func(t *testing.T) {
			want := readWith(wbxml.NewXMLReader(opts...), doc)
			r := wbxml.NewXMLReader(withConcurrency(opts, 8)...)
			for i, conv := range []func(*wbxml.XMLReader, []byte) convResult{readWith, streamReadWith} {
				got := conv(r, doc)
				if !bytes.Equal(want.Out, got.Out) || want.Err != got.Err || want.Warnings.Count != got.Warnings.Count {
					t.Fatalf("form %d: differs from one goroutine (at byte %d; errors %q, %q)", i, firstDiff(want.Out, got.Out), want.Err, got.Err)
				}
				if n := wbxml.ReadPartsUsed(r); name != "keep" && (n < 2 || n >= 8) {
					t.Errorf("form %d: %d parts used, want the parts before the misread one", i, n)
				}
			}
		})
	}
}

// TestReadConcurrencyDefaultSize: with the real part size the XML of a
// 1 MB Sync response is cut, and a small one is not.
func TestReadConcurrencyDefaultSize(t *testing.T) {
	r := wbxml.NewXMLReader(activeSync(wbxml.WithConcurrency(4))...)
	for _, tc := range []struct {
		size  int
		parts int
	}{{1 << 20, 4}, {200 << 10, 2}, {64 << 10, 0}} {
		src := corpus.SyncEmail(tc.size)
		doc, _ := wbxml.AppendXML(nil, src, activeSync()...)
		got, err := r.AppendWBXML(nil, doc)
		if err != nil || !bytes.Equal(got, src) {
			t.Fatalf("%d bytes: the WBXML differs from the corpus message (%v)", tc.size, err)
		}
		if n := wbxml.ReadPartsUsed(r); n != tc.parts {
			t.Errorf("%d bytes: %d parts, want %d", tc.size, n, tc.parts)
		}
	}
}

// FuzzReadConcurrency: any XML converts in parts (as small as they come)
// exactly as on one goroutine.
func FuzzReadConcurrency(f *testing.F) {
	addInteropSeeds(f, ".xml")
	for _, s := range readDocs {
		f.Add([]byte(s))
	}
	restore := wbxml.SetMinPart(1)
	f.Cleanup(restore)
	// Written to an io.Writer, documents cut into parts of 256 bytes: more
	// parts than workers, which pass from part to part.
	f.Cleanup(wbxml.SetStreamPart(256))
	one := readerUnder(activeSync())
	many := readerUnder(activeSync(wbxml.WithConcurrency(5)))
	f.Fuzz(func(t *testing.T, doc []byte) {
		want := one.appendForm(doc)
		sameResult(t, "AppendWBXML in parts", want, many.appendForm(doc))
		sameResult(t, "WriteWBXML in parts", want, many.writeForm(doc))
	})
}

// TestReadPartsAfterEmptyElements: a document whose siblings end in
// empty-element tags (<Flag/>) is cut into as many parts as asked, each
// starting where the one before ended. A part used to be cut right after
// such a tag, where the reader stops with the element still open, and the
// whole rest of the document went on one goroutine.
func TestReadPartsAfterEmptyElements(t *testing.T) {
	defer wbxml.SetMinPart(64)()
	defer wbxml.SetStreamPart(256)()
	var doc strings.Builder
	doc.WriteString(`<Sync xmlns="AirSync:"><Collections><Collection><Commands>`)
	for i := range 2000 {
		fmt.Fprintf(&doc, "\n<Add><ServerId>%d</ServerId><ApplicationData>\n <Subject xmlns=\"Email:\">s</Subject>\n <Flag xmlns=\"Email:\"/>\n <ContentClass xmlns=\"Email:\">c</ContentClass>\n <Read xmlns=\"Email:\"/>\n <Importance xmlns=\"Email:\">1</Importance>\n</ApplicationData></Add>\n<Delete/>", i)
	}
	doc.WriteString(`</Commands></Collection></Collections></Sync>`)
	src := []byte(doc.String())
	want, err := wbxml.AppendWBXML(nil, src, activeSync()...)
	if err != nil {
		t.Fatal(err)
	}
	r := wbxml.NewXMLReader(activeSync(wbxml.WithConcurrency(2))...)
	var got bytes.Buffer
	if err := r.WriteWBXML(&got, src); err != nil || !bytes.Equal(got.Bytes(), want) {
		t.Fatalf("in parts: %v, output differs at byte %d", err, firstDiff(want, got.Bytes()))
	}
	if n, min := wbxml.ReadPartsUsed(r), len(src)/256/2; n < min {
		t.Fatalf("%d parts used for %d bytes, want at least %d", n, len(src), min)
	}
}
