package eas_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/eas"
)

// propNames is an element whose children name properties: the empty ones
// go to Names, the others to Any.
type propNames struct {
	XMLName eas.Name        `eas:"AirSync:Supported"`
	Any     []*eas.Element  `eas:",any"`
	Names   []codepages.Tag `eas:",names"`
}

// namesOnly has a names field and no any field.
type namesOnly struct {
	XMLName eas.Name        `eas:"AirSync:Supported"`
	Names   []codepages.Tag `eas:",names"`
}

// supportedWith is a Supported element holding what f writes.
func supportedWith(t *testing.T, f func(b *eas.Builder)) []byte {
	return msg(t, func(b *eas.Builder) {
		b.Start(codepages.AirSyncSupported)
		f(b)
	})
}

// TestNamesRoundTrip: a names field writes each tag as an empty element,
// in its order, and reads them back; Validate accepts the Sync request
// it is part of (TestNamesInSync, eas/commands, checks the generated
// types).
func TestNamesRoundTrip(t *testing.T) {
	in := propNames{Names: []codepages.Tag{codepages.ContactsFileAs, codepages.CalendarTimezone, codepages.Contacts2NickName}}
	data, err := eas.Marshal(&in)
	if err != nil {
		t.Fatal(err)
	}
	want := msg(t, func(b *eas.Builder) {
		b.Start(codepages.AirSyncSupported)
		b.Empty(codepages.ContactsFileAs)
		b.Empty(codepages.CalendarTimezone)
		b.Empty(codepages.Contacts2NickName)
	})
	if string(data) != string(want) {
		t.Fatalf("Marshal = % x, want % x", data, want)
	}
	out := propNames{Names: make([]codepages.Tag, 0, 8), Any: []*eas.Element{eas.NewElement(codepages.EmailSubject)}}
	if err := eas.Unmarshal(data, &out, eas.WithStrict(true)); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(out.Names, in.Names) || len(out.Any) != 0 {
		t.Errorf("Names = %v, Any = %d elements; want %v and none", out.Names, len(out.Any), in.Names)
	}
	if cap(out.Names) != 8 {
		t.Errorf("cap(Names) = %d: the slice was not reused", cap(out.Names))
	}
	// A message without names leaves the field empty.
	if err := eas.Unmarshal(supportedWith(t, func(*eas.Builder) {}), &out); err != nil || len(out.Names) != 0 {
		t.Errorf("empty Supported: Names = %v (%v), want none", out.Names, err)
	}
}

// TestNamesContentBit: an element with the WBXML content bit and nothing
// in it is empty too.
func TestNamesContentBit(t *testing.T) {
	data := []byte{0x03, 0x01, 0x6a, 0x00,
		0x00, codepages.AirSyncSupported.Page(), 0x40 | codepages.AirSyncSupported.Token(),
		0x00, codepages.ContactsFileAs.Page(), 0x40 | codepages.ContactsFileAs.Token(), 0x01,
		0x01}
	var v namesOnly
	if err := eas.Unmarshal(data, &v, eas.WithStrict(true)); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(v.Names, []codepages.Tag{codepages.ContactsFileAs}) {
		t.Errorf("Names = %v, want [Contacts:FileAs]", v.Names)
	}
}

// TestNamesNotEmpty: a child with content or children is kept in Any (or
// skipped without one), and is an ErrValue error with its offset and path
// under WithStrict.
func TestNamesNotEmpty(t *testing.T) {
	for _, c := range []struct {
		name string
		f    func(b *eas.Builder)
		bad  codepages.Tag // the element not empty
		nth  int           // its index among the starts of its tag
		path string
	}{
		{"text", func(b *eas.Builder) {
			b.Empty(codepages.ContactsFileAs)
			b.Text(codepages.ContactsFirstName, "Ann")
			b.Empty(codepages.ContactsLastName)
		}, codepages.ContactsFirstName, 1, "Supported/Contacts:FirstName"},
		{"empty text", func(b *eas.Builder) {
			b.Text(codepages.ContactsFirstName, "")
			b.Empty(codepages.ContactsLastName)
		}, codepages.ContactsFirstName, 1, "Supported/Contacts:FirstName"},
		{"children", func(b *eas.Builder) {
			b.Empty(codepages.CalendarAttendees)
			b.Start(codepages.CalendarAttendees)
			b.Text(codepages.CalendarEmail, "a@example.com")
			b.End()
			b.Empty(codepages.ContactsLastName)
		}, codepages.CalendarAttendees, 2, "Supported/Calendar:Attendees[2]"},
	} {
		t.Run(c.name, func(t *testing.T) {
			data := supportedWith(t, c.f)
			var v propNames
			if err := eas.Unmarshal(data, &v); err != nil {
				t.Fatal(err)
			}
			// The empty elements before the bad one (c.nth-1 of its tag)
			// and LastName are names.
			if len(v.Any) != 1 || v.Any[0].Tag() != c.bad || !slices.Contains(v.Names, codepages.ContactsLastName) || count(v.Names, c.bad) != c.nth-1 {
				t.Errorf("Any = %v, Names = %v: want the %v in Any, the empty ones in Names", v.Any, v.Names, c.bad)
			}
			var only namesOnly
			if err := eas.Unmarshal(data, &only); err != nil || !slices.Equal(only.Names, v.Names) {
				t.Errorf("without Any: Names = %v (%v), want %v (%v skipped)", only.Names, err, v.Names, c.bad)
			}
			for _, target := range []any{new(propNames), new(namesOnly)} {
				err := eas.Unmarshal(data, target, eas.WithStrict(true))
				var e *eas.Error
				if !errors.As(err, &e) || !errors.Is(err, eas.ErrValue) {
					t.Fatalf("%T strict: err = %v, want ErrValue", target, err)
				}
				if want := offsetOf(t, data, c.bad, c.nth); e.Offset != want {
					t.Errorf("%T strict: Offset = %d, want %d", target, e.Offset, want)
				}
				if e.Path != c.path || !strings.Contains(err.Error(), "must be empty") {
					t.Errorf("%T strict: %v, want path %s and \"must be empty\"", target, err, c.path)
				}
			}
		})
	}
}

type namesNamed struct {
	XMLName eas.Name        `eas:"AirSync:Supported"`
	Names   []codepages.Tag `eas:"Contacts:FileAs,names"`
}

type namesString struct {
	XMLName eas.Name `eas:"AirSync:Supported"`
	Names   []string `eas:",names"`
}

type namesTwice struct {
	XMLName eas.Name        `eas:"AirSync:Supported"`
	A       []codepages.Tag `eas:",names"`
	B       []codepages.Tag `eas:",names"`
}

// TestNamesPlanErrors: the names option takes one []codepages.Tag field
// without an element name.
func TestNamesPlanErrors(t *testing.T) {
	for _, c := range []struct {
		v    any
		want string
	}{
		{&namesNamed{}, `eas_test.namesNamed.Names (tag "Contacts:FileAs,names"): names takes no element name`},
		{&namesString{}, `names needs a []codepages.Tag field, not []string`},
		{&namesTwice{}, `a second names field (the first is A)`},
	} {
		if _, err := eas.Marshal(c.v); !errors.Is(err, eas.ErrUnsupported) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Marshal(%T) = %v, want ErrUnsupported saying %q", c.v, err, c.want)
		}
		if err := eas.Unmarshal(supportedWith(t, func(*eas.Builder) {}), c.v); !errors.Is(err, eas.ErrUnsupported) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Unmarshal(%T) = %v, want ErrUnsupported saying %q", c.v, err, c.want)
		}
	}
}

// count returns how many of tags are tag.
func count(tags []codepages.Tag, tag codepages.Tag) int {
	n := 0
	for _, t := range tags {
		if t == tag {
			n++
		}
	}
	return n
}
