package wbxml_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/easkit/easkit/wbxml"
)

// TestTagNamesLibwbxml checks WithTagNames(NamesLibwbxml): libwbxml's
// names are written, the XML reads back to the same WBXML, and ComposeMail
// Mime, named MIME, holds base64 as libwbxml writes it.
func TestTagNamesLibwbxml(t *testing.T) {
	tests := []struct {
		name, src string
		want      string // in the XML with libwbxml names
		spec      string // in the XML with the spec names
	}{
		{"Calendar TimeZone", eas + `45 00 04 45 03 'x' 00 01 01`, `<TimeZone xmlns="Calendar:">x</TimeZone>`, `<Timezone xmlns="Calendar:">x</Timezone>`},
		{"Calendar DTStamp", eas + `45 00 04 51 03 '1' 00 01 01`, `<DTStamp xmlns="Calendar:">1</DTStamp>`, `<DtStamp xmlns="Calendar:">1</DtStamp>`},
		{"empty element", eas + `45 00 04 11 01`, `<DTStamp xmlns="Calendar:"/>`, `<DtStamp xmlns="Calendar:"/>`},
		{"Mime OPAQUE", eas + `00 15 45 50 C3 03 'a:b' 01 01`, `<MIME>YTpi</MIME>`, `<Mime>a:b</Mime>`},
		{"Mime string", eas + `00 15 45 50 03 'a:b' 00 01 01`, `easkit:wire="str">a:b</MIME>`, `easkit:wire="str">a:b</Mime>`},
		{"name kept", eas + `45 4B 03 '1' 00 01 01`, `<SyncKey>1</SyncKey>`, `<SyncKey>1</SyncKey>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := hx(tt.src)
			for _, c := range []struct {
				names wbxml.TagNames
				want  string
			}{{wbxml.NamesLibwbxml, tt.want}, {wbxml.NamesSpec, tt.spec}, {wbxml.TagNames(9), tt.spec}} {
				x, err := wbxml.AppendXML(nil, src, activeSync(wbxml.WithTagNames(c.names))...)
				if err != nil {
					t.Fatal(err)
				}
				if !strings.Contains(string(x), c.want) {
					t.Errorf("%v: want %s in\n%s", c.names, c.want, x)
				}
				back, err := wbxml.AppendWBXML(nil, x, activeSync()...)
				if err != nil || !bytes.Equal(back, src) {
					t.Errorf("%v: read back: %v\n got % X\nwant % X\n%s", c.names, err, back, src, x)
				}
			}
		})
	}
}

// TestTagNamesLibwbxmlSamples converts every interop sample with
// libwbxml's names, in one part and in many, and reads the XML back to the
// canonical WBXML of the spec names' XML.
func TestTagNamesLibwbxmlSamples(t *testing.T) {
	paths, err := filepath.Glob(interopDir + "/*.wbxml")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no samples: %v", err)
	}
	for _, path := range paths {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		spec, err := wbxml.AppendXML(nil, src, activeSync()...)
		if err != nil {
			continue // the bad samples are tested elsewhere
		}
		want, err := wbxml.AppendWBXML(nil, spec, activeSync()...)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		lib, err := wbxml.AppendXML(nil, src, activeSync(wbxml.WithTagNames(wbxml.NamesLibwbxml))...)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		par, err := wbxml.AppendXML(nil, src, activeSync(wbxml.WithTagNames(wbxml.NamesLibwbxml), wbxml.WithConcurrency(4))...)
		if err != nil || !bytes.Equal(par, lib) {
			t.Errorf("%s: in parts: %v, output differs", path, err)
		}
		back, err := wbxml.AppendWBXML(nil, lib, activeSync()...)
		if err != nil || !bytes.Equal(back, want) {
			t.Errorf("%s: libwbxml names read back: %v\n got % X\nwant % X", path, err, back, want)
		}
	}
}

// TestParseTagNames checks the names of the TagNames constants.
func TestParseTagNames(t *testing.T) {
	for n := wbxml.NamesSpec; n.Valid(); n++ {
		got, err := wbxml.ParseTagNames(n.String())
		if err != nil || got != n {
			t.Errorf("ParseTagNames(%q) = %v, %v", n.String(), got, err)
		}
	}
	if _, err := wbxml.ParseTagNames("Libwbxml"); err == nil {
		t.Error("ParseTagNames accepts Libwbxml")
	}
	if s := wbxml.TagNames(7).String(); s != "TagNames(7)" || wbxml.TagNames(7).Valid() {
		t.Errorf("TagNames(7): %q, valid %v", s, wbxml.TagNames(7).Valid())
	}
}
