package wbxml_test

// Differential tests against libwbxml's command-line tools (Debian package
// libwbxml2-utils: wbxml2xml, xml2wbxml). They run when the tools are on
// PATH, and must run in CI (CI=true), where .ci/run installs them.
//
// Each place where libwbxml 0.11.8 and easkit differ is its own test below,
// saying why easkit is right.

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/wbxml"
	"github.com/google/go-cmp/cmp"
)

func needLibwbxml(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("wbxml2xml"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("libwbxml's wbxml2xml is not installed (apt-get install libwbxml2-utils)")
		}
		t.Skip("libwbxml's wbxml2xml is not installed")
	}
}

// libToXML runs `wbxml2xml -l ACTIVESYNC` on src.
func libToXML(t *testing.T, src []byte) []byte {
	t.Helper()
	return libToXMLLang(t, src, "ACTIVESYNC")
}

// libToXMLLang runs `wbxml2xml -l lang` on src.
func libToXMLLang(t *testing.T, src []byte, lang string) []byte {
	t.Helper()
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in.wbxml"), filepath.Join(dir, "out.xml")
	if err := os.WriteFile(in, src, 0o644); err != nil {
		t.Fatal(err)
	}
	if b, err := exec.Command("wbxml2xml", "-l", lang, "-o", out, in).CombinedOutput(); err != nil {
		t.Fatalf("wbxml2xml: %v: %s", err, b)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// libToWBXML runs xml2wbxml with args on doc.
func libToWBXML(t *testing.T, doc []byte, args ...string) []byte {
	t.Helper()
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in.xml"), filepath.Join(dir, "out.wbxml")
	if err := os.WriteFile(in, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	args = append(args, "-o", out, in)
	if b, err := exec.Command("xml2wbxml", args...).CombinedOutput(); err != nil {
		t.Fatalf("xml2wbxml: %v: %s", err, b)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// libwbxmlLacks lists the tags that libwbxml 0.11.8 cannot decode:
// MS-ASWBXML additions after its table was frozen and a few historic
// tokens. easkit decodes all of them.
var libwbxmlLacks = map[codepages.Tag]string{
	codepages.MeetingResponseProposedStartTime: "added to the spec in 16.0; libwbxml added it in 2023",
	codepages.MeetingResponseProposedEndTime:   "added to the spec in 16.0; libwbxml added it in 2023",
	codepages.ProvisionAccountOnlyRemoteWipe:   "added to the spec in 16.1; libwbxml added it in 2023",
	codepages.PingVersion:                      "historic, Z-Push lineage only",
	codepages.SearchStores:                     "historic token the spec marks unused",
	codepages.SearchSubstring:                  "historic token the spec marks unused",
	codepages.ComposeMailType:                  "historic token the spec skips",
}

func init() {
	for _, tag := range codepages.Tags(4) {
		if tag.Token() >= 0x2B && tag.Token() <= 0x32 {
			libwbxmlLacks[tag] = "historic calendar attachment tokens"
		}
	}
	for _, tag := range codepages.Tags(25) {
		libwbxmlLacks[tag] = "code page 25 (Find, 16.1) is missing from libwbxml 0.11.8"
	}
}

// everyTagDocument builds, for one code page, a document whose root holds
// every tag of the page (but those skipped) with content of its kind.
func everyTagDocument(t *testing.T, page uint8, skip func(codepages.Tag) bool) []byte {
	t.Helper()
	tags := codepages.Tags(page)
	e := wbxml.NewAppendEncoder(nil, activeSync()...)
	root := tags[0]
	if err := e.StartTag(root.Page(), root.Token(), false); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, tag := range tags {
		if skip(tag) {
			continue
		}
		n++
		if err := e.StartTag(tag.Page(), tag.Token(), false); err != nil {
			t.Fatal(err)
		}
		var err error
		switch tag.Content() {
		case wbxml.ContentText:
			err = e.String([]byte(tag.Name() + " text"))
		default:
			err = e.Opaque([]byte{0, 1, 2, 0xFE, 0xFF})
		}
		if err != nil {
			t.Fatal(err)
		}
		if err := e.EndTag(); err != nil {
			t.Fatal(err)
		}
	}
	if err := e.EndTag(); err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		return nil
	}
	return e.Bytes()
}

// TestLibwbxmlEveryTag encodes every tag libwbxml knows, page by page, and
// checks that libwbxml decodes our WBXML to the same tree as we do (its
// tag names resolve through our aliases), that its xml2wbxml turns its own
// XML back into our bytes, and that we read its XML to our bytes too.
func TestLibwbxmlEveryTag(t *testing.T) {
	needLibwbxml(t)
	skip := func(tag codepages.Tag) bool {
		_, lacks := libwbxmlLacks[tag]
		return lacks || tag == codepages.ComposeMailMime // see TestLibwbxmlMimeAsBase64
	}
	tags := 0
	for page := range uint8(codepages.NumPages) {
		src := everyTagDocument(t, page, skip)
		if src == nil {
			continue
		}
		name := codepages.PageName(page)
		t.Run(name, func(t *testing.T) {
			ours, err := wbxml.AppendXML(nil, src, activeSync()...)
			if err != nil {
				t.Fatal(err)
			}
			theirs := libToXML(t, src)
			ourTree, err := parseTree(ours)
			if err != nil {
				t.Fatal(err)
			}
			theirTree, err := parseTree(theirs)
			if err != nil {
				t.Fatalf("libwbxml's XML: %v\n%s", err, theirs)
			}
			if diff := cmp.Diff(theirTree.String(), ourTree.String()); diff != "" {
				t.Errorf("trees differ (-libwbxml +easkit):\n%s", diff)
			}
			if back := libToWBXML(t, theirs, "-n", "-a"); !bytes.Equal(back, src) {
				t.Errorf("xml2wbxml -n -a of libwbxml's XML:\n got % X\nwant % X", back, src)
			}
			if back, err := wbxml.AppendWBXML(nil, theirs, activeSync()...); err != nil || !bytes.Equal(back, src) {
				t.Errorf("easkit reading libwbxml's XML: %v\n got % X\nwant % X", err, back, src)
			}
		})
		for _, tag := range codepages.Tags(page) {
			if !skip(tag) {
				tags++
			}
		}
	}
	t.Logf("%d tags compared with libwbxml", tags)
}

// TestLibwbxmlAirSyncLanguage reads what libwbxml writes with -l AIRSYNC,
// its SynCE language, whose namespaces are
// http://synce.org/formats/airsync_wm5/<page> (itemestimate for page 6):
// scripts written for libwbxml keep such files, and xml2wbxml takes
// -l AIRSYNC, so every page of it must read back to the same bytes.
func TestLibwbxmlAirSyncLanguage(t *testing.T) {
	needLibwbxml(t)
	skip := func(tag codepages.Tag) bool {
		_, lacks := libwbxmlLacks[tag]
		return lacks || tag == codepages.ComposeMailMime // see TestLibwbxmlMimeAsBase64
	}
	for page := range uint8(codepages.NumPages) {
		src := everyTagDocument(t, page, skip)
		if src == nil {
			continue
		}
		t.Run(codepages.PageName(page), func(t *testing.T) {
			theirs := libToXMLLang(t, src, "AIRSYNC")
			if !bytes.Contains(theirs, []byte(`xmlns="http://synce.org/formats/airsync_wm5/`)) {
				t.Fatalf("libwbxml -l AIRSYNC no longer writes SynCE namespaces:\n%s", theirs)
			}
			if back, err := wbxml.AppendWBXML(nil, theirs, activeSync()...); err != nil || !bytes.Equal(back, src) {
				t.Errorf("easkit reading libwbxml's -l AIRSYNC XML: %v\n got % X\nwant % X", err, back, src)
			}
		})
	}
}

// TestLibwbxmlInteropSamples decodes every interop sample with both and
// compares the trees.
func TestLibwbxmlInteropSamples(t *testing.T) {
	needLibwbxml(t)
	for _, path := range interopSamples(t) {
		name := strings.TrimSuffix(filepath.Base(path), ".wbxml")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			ours, err := wbxml.AppendXML(nil, src, activeSync()...)
			if err != nil {
				t.Fatal(err)
			}
			ourTree, _ := parseTree(ours)
			theirTree, err := parseTree(libToXML(t, src))
			if err != nil {
				t.Fatal(err)
			}
			if name == "libwbxml-sendmail-mime-opaque" || name == "libwbxml-sendmail-unreferenced-strtbl" {
				t.Skip("Mime: see TestLibwbxmlMimeAsBase64")
			}
			// libwbxml writes an empty string as <X/>, easkit as <X
			// easkit:wire="str"></X> (see TestLibwbxmlConflatesEmptyString).
			unmarkEmptyStrings(ourTree)
			if diff := cmp.Diff(stripCR(theirTree).String(), stripCR(ourTree).String()); diff != "" {
				t.Errorf("trees differ (-libwbxml +easkit):\n%s", diff)
			}
		})
	}
}

// unmarkEmptyStrings drops the easkit:wire="str" marker of elements
// without text, which libwbxml writes as elements without content.
func unmarkEmptyStrings(n *node) {
	if n.Text == "" && n.Attrs == " {"+wbxml.MarkerNamespace+`}wire="str"` {
		n.Attrs = ""
	}
	for _, c := range n.Children {
		unmarkEmptyStrings(c)
	}
}

// TestLibwbxmlEmptyElements checks that easkit's XMLReader writes <X/> and
// <X></X>, which XML does not tell apart, as libwbxml's xml2wbxml does: an
// element without content (the tag without its content bit), with and
// without white space kept (-k, WithKeepSpace), for text, byte-array and
// text-as-opaque tags.
func TestLibwbxmlEmptyElements(t *testing.T) {
	needLibwbxml(t)
	for _, leaf := range []string{
		`<SyncKey/>`,
		`<SyncKey></SyncKey>`,
		`<SyncKey />`,
		`<ConversationId xmlns="Email2:"/>`,
		`<ConversationId xmlns="Email2:"></ConversationId>`,
		`<MIME xmlns="ComposeMail:"></MIME>`, // libwbxml's spelling
	} {
		doc := []byte(`<?xml version="1.0"?>` + "\n" + `<Sync xmlns="AirSync:">` + leaf + `<Status>1</Status></Sync>`)
		for _, keep := range []bool{false, true} {
			args := []string{"-n", "-a"}
			if keep {
				args = append(args, "-k")
			}
			theirs := libToWBXML(t, doc, args...)
			ours, err := wbxml.AppendWBXML(nil, doc, activeSync(wbxml.WithKeepSpace(keep))...)
			if err != nil || !bytes.Equal(ours, theirs) {
				t.Errorf("%s (keep space %v): easkit % X, %v; libwbxml % X", leaf, keep, ours, err, theirs)
			}
		}
	}
}
