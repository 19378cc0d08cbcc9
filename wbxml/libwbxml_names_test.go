package wbxml_test

import (
	"bytes"
	"regexp"
	"testing"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/wbxml"
	"github.com/google/go-cmp/cmp"
)

// startTags matches the start tags of a document and their xmlns, if any.
var startTags = regexp.MustCompile(`<([A-Za-z_][\w.-]*)( xmlns="[^"]*")?`)

// TestLibwbxmlNames checks the names of wbxml.NamesLibwbxml against the
// installed libwbxml, tag by tag: for every code page, libwbxml's
// wbxml2xml -l ACTIVESYNC and easkit with NamesLibwbxml write the same
// element names and namespaces, in the same order
// (gen/spec/libwbxml-names.tsv is the table).
func TestLibwbxmlNames(t *testing.T) {
	needLibwbxml(t)
	skip := func(tag codepages.Tag) bool { _, lacks := libwbxmlLacks[tag]; return lacks }
	for page := range uint8(codepages.NumPages) {
		src := everyTagDocument(t, page, skip)
		if src == nil {
			continue
		}
		t.Run(codepages.PageName(page), func(t *testing.T) {
			ours, err := wbxml.AppendXML(nil, src, activeSync(wbxml.WithTagNames(wbxml.NamesLibwbxml))...)
			if err != nil {
				t.Fatal(err)
			}
			theirs := libToXML(t, src)
			if diff := cmp.Diff(startTags.FindAllString(string(theirs), -1), startTags.FindAllString(string(ours), -1)); diff != "" {
				t.Errorf("start tags differ (-libwbxml +easkit):\n%s", diff)
			}
		})
	}
}

// TestLibwbxmlSynCEOutput checks the SynCE namespace form against the
// installed libwbxml's -l AIRSYNC: the same DOCTYPE, element names and
// namespaces, page by page.
func TestLibwbxmlSynCEOutput(t *testing.T) {
	needLibwbxml(t)
	skip := func(tag codepages.Tag) bool { _, lacks := libwbxmlLacks[tag]; return lacks }
	for page := range uint8(codepages.NumPages) {
		src := everyTagDocument(t, page, skip)
		if src == nil {
			continue
		}
		t.Run(codepages.PageName(page), func(t *testing.T) {
			ours, err := wbxml.AppendXML(nil, src, activeSync(wbxml.WithTagNames(wbxml.NamesLibwbxml), wbxml.WithNamespaceForm(codepages.SynCEForm))...)
			if err != nil {
				t.Fatal(err)
			}
			theirs := libToXMLLang(t, src, "AIRSYNC")
			if !bytes.Contains(theirs, []byte("\n"+codepages.SynCEDocType+"\n")) || !bytes.Contains(ours, []byte("\n"+codepages.SynCEDocType+"\n")) {
				t.Errorf("no %s in\n%s\nor\n%s", codepages.SynCEDocType, theirs, ours)
			}
			if diff := cmp.Diff(startTags.FindAllString(string(theirs), -1), startTags.FindAllString(string(ours), -1)); diff != "" {
				t.Errorf("start tags differ (-libwbxml +easkit):\n%s", diff)
			}
		})
	}
}
