package cli

import (
	"testing"
	"unicode/utf16"

	"github.com/google/go-cmp/cmp"
)

func TestXMLToUTF8(t *testing.T) {
	le := func(s string) string {
		var b []byte
		for _, u := range utf16.Encode([]rune(s)) {
			b = append(b, byte(u), byte(u>>8))
		}
		return string(b)
	}
	be := func(s string) string {
		var b []byte
		for _, u := range utf16.Encode([]rune(s)) {
			b = append(b, byte(u>>8), byte(u))
		}
		return string(b)
	}
	const doc = `<Ping xmlns="Ping:"><Id>é😀</Id></Ping>`
	tests := []struct {
		name, in, want string
		bad            bool
	}{
		{"UTF-8 unchanged", "\xef\xbb\xbf" + doc, "\xef\xbb\xbf" + doc, false},
		{"UTF-16LE with BOM", "\xff\xfe" + le(doc), doc, false},
		{"UTF-16BE with BOM", "\xfe\xff" + be(doc), doc, false},
		{"UTF-16LE without BOM, declaration rewritten, columns kept",
			le(`<?xml version="1.0" encoding="UTF-16"?>` + doc), `<?xml version="1.0" encoding="UTF-8" ?>` + doc, false},
		{"UTF-16BE without BOM, single quotes, UTF-16LE named",
			be(`<?xml version='1.0' encoding='utf-16le' standalone='yes'?>` + doc), `<?xml version='1.0' encoding='UTF-8'    standalone='yes'?>` + doc, false},
		{"a declaration naming another encoding is left as it is",
			"\xff\xfe" + le(`<?xml version="1.0" encoding="ISO-8859-1"?><a/>`), `<?xml version="1.0" encoding="ISO-8859-1"?><a/>`, false},
		{"ISO-8859-1 declared, as expat reads it",
			"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><Id>caf\xe9</Id>", "<?xml version=\"1.0\" encoding=\"UTF-8\"     ?><Id>café</Id>", false},
		{"US-ASCII declared", "<?xml version='1.0' encoding='us-ascii'?><a/>", "<?xml version='1.0' encoding='UTF-8'   ?><a/>", false},
		{"US-ASCII declared, a byte that is not", "<?xml version='1.0' encoding='US-ASCII'?><a>\xe9</a>", "", true},
		{"windows-1252 is left to the XML reader", "<?xml version=\"1.0\" encoding=\"windows-1252\"?><a/>", "<?xml version=\"1.0\" encoding=\"windows-1252\"?><a/>", false},
		{"odd length", "\xff\xfe" + le("<a/>") + "x", "", true},
		{"unpaired high surrogate", "\xff\xfe" + le("<a>") + "\x00\xd8" + le("x"), "", true},
		{"unpaired low surrogate", "\xff\xfe" + le("<a>") + "\x00\xdc", "", true},
		{"high surrogate at the end", "\xff\xfe" + le("<a>") + "\x00\xd8", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := XMLToUTF8([]byte(tt.in))
			if (err != nil) != tt.bad {
				t.Fatalf("error %v, want error: %v", err, tt.bad)
			}
			if diff := cmp.Diff(tt.want, string(got)); !tt.bad && diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestTextToUTF8(t *testing.T) {
	tests := []struct {
		name, in, want string
		bad            bool
	}{
		{"UTF-16LE with BOM", "\xff\xfe0\x003\x000\x001\x00", "0301", false},
		{"UTF-16BE with BOM", "\xfe\xff\x000\x003", "03", false},
		{"WBXML unchanged", "\x03\x01\x6a\x00", "\x03\x01\x6a\x00", false},
		{"UTF-8 unchanged", "0301", "0301", false},
		{"odd length", "\xff\xfe0", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := TextToUTF8([]byte(tt.in))
			if (err != nil) != tt.bad {
				t.Fatalf("error %v, want error: %v", err, tt.bad)
			}
			if diff := cmp.Diff(tt.want, string(got)); !tt.bad && diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
