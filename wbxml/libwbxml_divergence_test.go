package wbxml_test

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/wbxml"
)

// roundTrips checks that src survives easkit's WBXML → XML → WBXML.
func roundTrips(t *testing.T, src []byte) []byte {
	t.Helper()
	x, err := wbxml.AppendXML(nil, src, activeSync()...)
	if err != nil {
		t.Fatal(err)
	}
	back, err := wbxml.AppendWBXML(nil, x, activeSync()...)
	if err != nil || !bytes.Equal(back, src) {
		t.Fatalf("easkit round trip: %v\n got % X\nwant % X\n%s", err, back, src, x)
	}
	return x
}

// libwbxml 0.11.8 predates tags that MS-ASWBXML added later (the whole Find
// page 25 of 16.1, MeetingResponse ProposedStartTime/EndTime, Provision
// AccountOnlyRemoteWipe) and lacks a few historic tokens: it writes
// <unknown/> and loses the content. easkit names them all.
func TestLibwbxmlLacksNewerTags(t *testing.T) {
	needLibwbxml(t)
	for tag, why := range libwbxmlLacks {
		e := wbxml.NewAppendEncoder(nil, activeSync()...)
		_ = e.StartTag(tag.Page(), tag.Token(), false)
		_ = e.String([]byte("x"))
		_ = e.EndTag()
		src := e.Bytes()
		theirs := string(libToXML(t, src))
		if !strings.Contains(theirs, "<unknown") {
			t.Errorf("%v (%s): libwbxml now decodes it:\n%s", tag, why, theirs)
		}
		ours := string(roundTrips(t, src))
		if !strings.Contains(ours, "<"+tag.Name()+" ") {
			t.Errorf("%v: easkit wrote %s", tag, ours)
		}
	}
}

// libwbxml shows ComposeMail Mime, MIME text that [MS-ASCMD] 2.2.3.109 says
// is sent as an OPAQUE blob, as base64; easkit shows the text, readable,
// and turns it back into the same OPAQUE. libwbxml names the element MIME,
// and easkit reads MIME's base64 back to the same bytes, so that XML
// written by libwbxml does not send the base64 text as the message.
func TestLibwbxmlMimeAsBase64(t *testing.T) {
	needLibwbxml(t)
	src := hx(eas + `00 15 45 50 C3 0E 'Subject: hi' 0D 0A 'x' 01 01`)
	theirs := string(libToXML(t, src))
	if !strings.Contains(theirs, "<MIME>U3ViamVjdDogaGkNCng=</MIME>") {
		t.Errorf("libwbxml no longer writes Mime as base64 MIME:\n%s", theirs)
	}
	ours := string(roundTrips(t, src))
	if !strings.Contains(ours, "<Mime>Subject: hi&#13;\nx</Mime>") {
		t.Errorf("easkit wrote %s", ours)
	}
	for _, path := range []string{interopDir + "/libwbxml-sendmail-mime-opaque.wbxml", ""} {
		b := src
		if path != "" {
			var err error
			if b, err = os.ReadFile(path); err != nil {
				t.Fatal(err)
			}
		}
		if back, err := wbxml.AppendWBXML(nil, libToXML(t, b), activeSync()...); err != nil || !bytes.Equal(back, b) {
			t.Errorf("easkit reading libwbxml's XML of % .20X…: %v\n got % X\nwant % X", b, err, back, b)
		}
	}
}

// libwbxml writes OPAQUE in a text tag as plain text, so that its XML turns
// back into an inline string: the wire form is lost. easkit marks it.
func TestLibwbxmlLosesOpaqueInTextTag(t *testing.T) {
	needLibwbxml(t)
	src := hx(eas + `45 00 02 54 C3 02 'hi' 01 01`)
	back := libToWBXML(t, libToXML(t, src), "-n", "-a")
	if bytes.Equal(back, src) {
		t.Errorf("libwbxml now keeps OPAQUE in Email Subject")
	}
	if !strings.Contains(string(roundTrips(t, src)), `easkit:wire="opaque">hi</Subject>`) {
		t.Error("easkit does not mark the OPAQUE")
	}
}

// libwbxml writes CR raw, and XML line-end normalisation turns CR LF into
// LF when the XML is read back: bodies change. easkit writes &#13;.
func TestLibwbxmlLosesCR(t *testing.T) {
	needLibwbxml(t)
	src := hx(eas + `45 4B 03 'a' 0D 0A 'b' 00 01 01`)
	if back := libToWBXML(t, libToXML(t, src), "-n", "-a"); bytes.Equal(back, src) {
		t.Error("libwbxml now keeps CR")
	}
	roundTrips(t, src)
}

// libwbxml writes both an element holding an empty string (5C 03 00 01,
// how real clients send an empty PhoneNumber) and an element without
// content (1C) as <X/>, so the empty string is lost on the way back.
// easkit writes the empty string as <X easkit:wire="str"></X> and keeps
// <X/> for no content; <X></X>, the same XML as <X/>, reads as no content
// in both (see TestLibwbxmlEmptyElements).
func TestLibwbxmlConflatesEmptyString(t *testing.T) {
	needLibwbxml(t)
	src := hx(eas + `45 4B 03 00 01 0B 01`)
	if back := libToWBXML(t, libToXML(t, src), "-n", "-a"); bytes.Equal(back, src) {
		t.Error("libwbxml now keeps the empty string")
	}
	if !strings.Contains(string(roundTrips(t, src)), `<SyncKey xmlns:easkit="`+wbxml.MarkerNamespace+`" easkit:wire="str"></SyncKey>`) {
		t.Error("easkit lost the empty string")
	}
}

// libwbxml reads only its own colon-form namespaces and otherwise falls
// back to the first tag of that name in any page: Subject in the schema
// namespace "Calendar" becomes Email Subject (page 2). easkit resolves
// every namespace spelling to its page.
func TestLibwbxmlNamespaceFallback(t *testing.T) {
	needLibwbxml(t)
	doc := []byte(`<?xml version="1.0"?>` + "\n" + `<Sync xmlns="AirSync:"><Subject xmlns="Calendar">x</Subject></Sync>`)
	theirs := libToWBXML(t, doc, "-n", "-a")
	emailSubject := hx(eas + `45 00 02 54 03 'x' 00 01 01`)
	if !bytes.Equal(theirs, emailSubject) {
		t.Errorf("libwbxml now writes % X", theirs)
	}
	ours, err := wbxml.AppendWBXML(nil, doc, activeSync()...)
	if err != nil {
		t.Fatal(err)
	}
	want := hx(eas + `45 00 04 66 03 'x' 00 01 01`) // Calendar 0x26
	if !bytes.Equal(ours, want) {
		t.Errorf("easkit wrote % X, want % X", ours, want)
	}
}

// Without -a, libwbxml's xml2wbxml writes the public id as a string-table
// reference (03 00 00 6A 21 "-//MICROSOFT//DTD ActiveSync//EN" 00), which
// is valid WBXML but not what ActiveSync servers and clients send. easkit
// writes the canonical 03 01 6A 00, and reads libwbxml's form.
func TestLibwbxmlStringTablePublicID(t *testing.T) {
	needLibwbxml(t)
	doc := []byte(`<?xml version="1.0"?>` + "\n" + `<Sync xmlns="AirSync:"><SyncKey>1</SyncKey></Sync>`)
	theirs := libToWBXML(t, doc, "-n")
	if !bytes.HasPrefix(theirs, hx("03 00 00 6A 21 '-//MICROSOFT//DTD ActiveSync//EN' 00")) {
		t.Errorf("libwbxml header now % X", theirs[:8])
	}
	ours, err := wbxml.AppendWBXML(nil, doc, activeSync()...)
	if err != nil || !bytes.HasPrefix(ours, hx("03 01 6A 00")) {
		t.Fatalf("easkit: % X, %v", ours, err)
	}
	x, err := wbxml.AppendXML(nil, theirs, activeSync()...)
	if err != nil {
		t.Fatal(err)
	}
	back, _ := wbxml.AppendWBXML(nil, x, activeSync()...)
	if !bytes.Equal(back, ours) {
		t.Errorf("libwbxml's bytes read as % X, want % X", back, ours)
	}
}

// libwbxml decodes a lone END (03 01 6A 00 01) as <unknown/>; it is not a
// document, and easkit says so with the offset.
func TestLibwbxmlAcceptsLoneEnd(t *testing.T) {
	needLibwbxml(t)
	src, err := os.ReadFile(interopDir + "/bad/bad-unexpected-end.wbxml")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(libToXML(t, src)), "<unknown") {
		t.Error("libwbxml now rejects a lone END")
	}
	_, err = wbxml.AppendXML(nil, src, activeSync()...)
	var se *wbxml.SyntaxError
	if !errors.As(err, &se) || se.Offset != 4 {
		t.Errorf("easkit: %v, want a SyntaxError at offset 4", err)
	}
}

// libwbxml 0.11.8 names Provision 0x10 DeviceEncryptionEnabled (its 12.0
// name), Settings 0x2B "ihsManagementInformation" (a typo) and uses older
// spellings such as Calendar Attendee_Email; easkit writes the current
// spec's names and accepts libwbxml's as aliases (TestLibwbxmlEveryTag
// reads libwbxml's XML for every tag).
func TestLibwbxmlOlderNames(t *testing.T) {
	needLibwbxml(t)
	for tag, old := range map[codepages.Tag]string{
		codepages.ProvisionRequireStorageCardEncryption: "DeviceEncryptionEnabled",
		codepages.SettingsRightsManagementInformation:   "ihsManagementInformation",
		codepages.CalendarEmail:                         "Attendee_Email",
		codepages.ComposeMailName:                       "ForwardeeName",
	} {
		e := wbxml.NewAppendEncoder(nil, activeSync()...)
		_ = e.StartTag(tag.Page(), tag.Token(), false)
		_ = e.EndTag()
		if theirs := string(libToXML(t, e.Bytes())); !strings.Contains(theirs, "<"+old+" ") {
			t.Errorf("%v: libwbxml no longer writes %s:\n%s", tag, old, theirs)
		}
		if ours := string(roundTrips(t, e.Bytes())); !strings.Contains(ours, "<"+tag.Name()+" ") {
			t.Errorf("%v: easkit wrote %s", tag, ours)
		}
	}
}

// WBXML 1.0 has no charset field (WAP-104: start = version publicid strtbl
// body; the charset came with 1.1). libwbxml's decoder knows it, but its
// xml2wbxml -v 1.0 still writes one (00 01 6A 00 …), so that its own 1.0
// output is misread as a 106-byte string table. easkit writes 00 01 00 …
// for 1.0, which libwbxml reads, and rejects libwbxml's form with the
// offset of the string table length.
func TestLibwbxmlVersion10Charset(t *testing.T) {
	needLibwbxml(t)
	doc := []byte(`<?xml version="1.0"?>` + "\n" + `<Sync xmlns="AirSync:"><SyncKey>1</SyncKey></Sync>`)
	theirs := libToWBXML(t, doc, "-n", "-a", "-v", "1.0")
	if !bytes.HasPrefix(theirs, hx("00 01 6A 00 45")) {
		t.Errorf("libwbxml -v 1.0 now writes % X", theirs)
	}
	ours, err := wbxml.AppendWBXML(nil, doc, activeSync(wbxml.WithHeader(wbxml.Header{Version: wbxml.Version10, PublicID: wbxml.PublicIDUnknown}))...)
	if want := hx("00 01 00 45 4B 03 '1' 00 01 01"); err != nil || !bytes.Equal(ours, want) {
		t.Fatalf("easkit 1.0: % X, %v; want % X", ours, err, want)
	}
	if !strings.Contains(string(libToXML(t, ours)), "<SyncKey>1</SyncKey>") {
		t.Error("libwbxml does not read easkit's 1.0 document")
	}
	_, err = wbxml.AppendXML(nil, theirs, activeSync()...)
	var se *wbxml.SyntaxError
	if !errors.As(err, &se) || !errors.Is(err, wbxml.ErrStringTable) || se.Offset != 2 {
		t.Errorf("easkit reading libwbxml's 1.0 document: %v, want ErrStringTable at offset 2", err)
	}
}

// Without -k, libwbxml's xml2wbxml trims the white space around an
// element's text and drops text that is only white space, so " 1 " becomes
// "1" and a body ending in a line break loses it. XML gives no licence for
// that inside a leaf element: easkit keeps leaf text exactly and drops only
// the white space between elements (-k keeps that too, and then both
// agree).
func TestLibwbxmlTrimsLeafText(t *testing.T) {
	needLibwbxml(t)
	doc := []byte("<?xml version=\"1.0\"?>\n<Sync xmlns=\"AirSync:\">\n  <SyncKey> 1 </SyncKey>\n  <Status>\n  </Status>\n</Sync>\n")
	if theirs := libToWBXML(t, doc, "-n", "-a"); !bytes.Equal(theirs, hx(eas+`45 4B 03 '1' 00 01 4E 01 01`)) {
		t.Errorf("libwbxml now writes % X", theirs)
	}
	ours, err := wbxml.AppendWBXML(nil, doc, activeSync()...)
	if want := hx(eas + `45 4B 03 ' 1 ' 00 01 4E 03 0A '  ' 00 01 01`); err != nil || !bytes.Equal(ours, want) {
		t.Errorf("easkit: % X, %v; want % X", ours, err, want)
	}
	theirsK := libToWBXML(t, doc, "-n", "-a", "-k")
	oursK, err := wbxml.AppendWBXML(nil, doc, activeSync(wbxml.WithKeepSpace(true))...)
	if err != nil || !bytes.Equal(oursK, theirsK) {
		t.Errorf("with -k: easkit % X, %v; libwbxml % X", oursK, err, theirsK)
	}
}

// libwbxml's xml2wbxml turns any CDATA section into OPAQUE, so the same
// text is sent as an inline string or as OPAQUE depending on how the XML
// happened to quote it; an AirSyncBase Data sent as OPAQUE breaks clients
// that expect a string (AOSP Exchange throws). XML says a CDATA section is
// character data like any other: easkit writes the tag's table form
// (STR_I here), and OPAQUE only where the easkit:wire marker asks for it.
func TestLibwbxmlCDATAIsOpaque(t *testing.T) {
	needLibwbxml(t)
	doc := []byte(`<?xml version="1.0"?>` + "\n" + `<Sync xmlns="AirSync:"><Body xmlns="AirSyncBase:"><Data><![CDATA[a<b]]></Data></Body></Sync>`)
	if theirs := libToWBXML(t, doc, "-n", "-a"); !bytes.Equal(theirs, hx(eas+`45 00 11 4A 4B C3 03 'a<b' 01 01 01`)) {
		t.Errorf("libwbxml now writes % X", theirs)
	}
	ours, err := wbxml.AppendWBXML(nil, doc, activeSync()...)
	if want := hx(eas + `45 00 11 4A 4B 03 'a<b' 00 01 01 01`); err != nil || !bytes.Equal(ours, want) {
		t.Errorf("easkit: % X, %v; want % X", ours, err, want)
	}
}

// In a byte-array tag libwbxml decodes base64 leniently, dropping what is
// not base64: text that is not base64 at all becomes a few garbage bytes,
// reported as success. easkit decodes strictly (white space allowed) and
// says where the bad character is.
func TestLibwbxmlAcceptsBadBase64(t *testing.T) {
	needLibwbxml(t)
	doc := []byte(`<?xml version="1.0"?>` + "\n" + `<Sync xmlns="AirSync:"><ConversationId xmlns="Email2:">From: a@b` + "\n" + `Subject: x</ConversationId></Sync>`)
	if theirs := libToWBXML(t, doc, "-n", "-a"); !bytes.Equal(theirs, hx(eas+`45 00 16 49 C3 03 16 BA 26 01 01`)) {
		t.Errorf("libwbxml now writes % X", theirs)
	}
	_, err := wbxml.AppendWBXML(nil, doc, activeSync()...)
	var xe *wbxml.XMLError
	if !errors.As(err, &xe) || !errors.Is(err, wbxml.ErrMarker) || xe.Line != 2 || xe.Column != 60 {
		t.Errorf("easkit: %v, want a bad base64 error at 2:60", err)
	}
}

// libwbxml's xml2wbxml writes an empty CDATA section, <X><![CDATA[]]></X>,
// as the content bit with no content (4B 01), where <X></X> and <X/> give
// the tag without the bit (0B). An empty CDATA section is no character
// data: the XML Infoset of all three is the same, and so is easkit's WBXML.
func TestLibwbxmlEmptyCDATA(t *testing.T) {
	needLibwbxml(t)
	doc := []byte(`<?xml version="1.0"?>` + "\n" + `<Sync xmlns="AirSync:"><SyncKey><![CDATA[]]></SyncKey></Sync>`)
	if theirs := libToWBXML(t, doc, "-n", "-a"); !bytes.Equal(theirs, hx(eas+`45 4B 01 01`)) {
		t.Errorf("libwbxml now writes % X", theirs)
	}
	for _, keep := range []bool{false, true} {
		ours, err := wbxml.AppendWBXML(nil, doc, activeSync(wbxml.WithKeepSpace(keep))...)
		if want := hx(eas + `45 0B 01`); err != nil || !bytes.Equal(ours, want) {
			t.Errorf("easkit (keep space %v): % X, %v; want % X", keep, ours, err, want)
		}
	}
}
