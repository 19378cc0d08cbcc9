package wbxml_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/easkit/easkit/wbxml"
)

// addInteropSeeds adds every interop WBXML sample (or, with xml set, its
// expected XML) to the fuzz corpus.
func addInteropSeeds(f *testing.F, ext string) {
	for _, dir := range []string{interopDir, filepath.Join(interopDir, "bad")} {
		names, _ := filepath.Glob(filepath.Join(dir, "*"+ext))
		for _, n := range names {
			if b, err := os.ReadFile(n); err == nil {
				f.Add(b)
			}
		}
	}
}

// FuzzXMLRoundTrip: whatever WBXML the writer accepts becomes XML that
// reads back to WBXML whose XML is the same text (decode → encode →
// decode gives the same XML), and that WBXML is a fixed point.
func FuzzXMLRoundTrip(f *testing.F) {
	addInteropSeeds(f, ".wbxml")
	for _, s := range []string{
		eas + `45 4B 03 00 01 0B 01`,
		eas + `45 4B C3 00 01 4B 01 00 16 49 03 00 01 01`,
		"03 01 6A 01 00 45 4B 83 00 01 01",
		eas + `45 4B 03 'a' 00 C3 01 'b' 03 'c' 00 01 01`,
		eas + `45 03 'x' 00 4B 03 '1' 00 01 03 ' ' 0A 00 01`,
		eas + `45 C3 02 00 01 4B 03 '1' 00 01 01`,
		eas + `45 00 03 7E 03 'a' 00 01 01`,
		"03 01 6A 04 'abc' 00 45 4B 83 00 03 'd' 00 01 01",
		"03 01 04 00 45 4B 03 'caf' E9 00 01 01",
	} {
		f.Add(hx(s))
	}
	opts := activeSync(wbxml.WithIndent(1))
	w := wbxml.NewXMLWriter(opts...)
	r := wbxml.NewXMLReader(opts...)
	f.Fuzz(func(t *testing.T, src []byte) {
		x1, err := w.AppendXML(nil, src)
		if err != nil {
			var se *wbxml.SyntaxError
			if !errors.As(err, &se) || se.Offset < 0 || se.Offset > int64(len(src)) {
				t.Fatalf("AppendXML error %v: want a *SyntaxError with an offset inside the input", err)
			}
			return
		}
		w2, err := r.AppendWBXML(nil, x1)
		if err != nil {
			t.Fatalf("our XML does not read back: %v\n%s", err, x1)
		}
		x2, err := w.AppendXML(nil, w2)
		if err != nil {
			t.Fatalf("re-encoded WBXML does not decode: %v\n% X", err, w2)
		}
		if !bytes.Equal(x1, x2) {
			t.Fatalf("XML changed through WBXML:\n%s\n---\n%s", x1, x2)
		}
		w3, err := r.AppendWBXML(nil, x2)
		if err != nil || !bytes.Equal(w2, w3) {
			t.Fatalf("WBXML is not a fixed point: % X vs % X, %v", w2, w3, err)
		}
	})
}

// FuzzXMLReader: any XML input either converts or fails with an *XMLError
// whose position lies inside the input; what converts is stable.
func FuzzXMLReader(f *testing.F) {
	addInteropSeeds(f, ".xml")
	f.Add([]byte(`<Sync xmlns="AirSync:"><SyncKey>1</SyncKey></Sync>`))
	f.Add([]byte(`<a:Sync xmlns:a="AirSync" xmlns:k="` + wbxml.MarkerNamespace + `"><a:SyncKey k:wire="str:1 opaque:1">ab</a:SyncKey></a:Sync>`))
	f.Add([]byte(`<Sync xmlns="AirSync:" xmlns:k="` + wbxml.MarkerNamespace + `"><k:unknown page="3" token="0x3E"><k:opaque>AAE=</k:opaque></k:unknown></Sync>`))
	f.Add([]byte(`<SendMail xmlns="ComposeMail:"><MIME>U3ViamVjdDogaGkNCng=</MIME><MIME>From: a</MIME></SendMail>`))
	f.Add([]byte(`<Sync xmlns="http://synce.org/formats/airsync_wm5/airsync"><Subject xmlns="http://synce.org/formats/airsync_wm5/email">x</Subject></Sync>`))
	f.Add([]byte(`<Sync xmlns="AirSync:" xmlns:k="` + wbxml.MarkerNamespace + `"><SyncKey></SyncKey><SyncKey><![CDATA[]]></SyncKey><SyncKey k:wire="str"/><Status k:wire="opaque"></Status></Sync>`))
	opts := activeSync()
	r := wbxml.NewXMLReader(opts...)
	w := wbxml.NewXMLWriter(opts...)
	f.Fuzz(func(t *testing.T, doc []byte) {
		w1, err := r.AppendWBXML(nil, doc)
		if err != nil {
			var xe *wbxml.XMLError
			if !errors.As(err, &xe) || xe.Offset < 0 || xe.Offset > int64(len(doc)) || xe.Line < 1 || xe.Column < 1 {
				t.Fatalf("error %v (%T): want an *XMLError positioned inside the input", err, err)
			}
			return
		}
		x, err := w.AppendXML(nil, w1)
		if err != nil {
			t.Fatalf("our WBXML does not decode: %v\n% X", err, w1)
		}
		w2, err := r.AppendWBXML(nil, x)
		if err != nil || !bytes.Equal(w1, w2) {
			t.Fatalf("WBXML changed through XML: %v\n% X\n% X\n%s", err, w1, w2, x)
		}
	})
}
