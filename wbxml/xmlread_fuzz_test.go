package wbxml_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/easkit/easkit/wbxml"
)

// utf16Forms are the UTF-16 forms FuzzXMLReaderUTF16 saves documents in.
var utf16Forms = []encodingVariant{
	{"UTF-16LE BOM", "UTF-16LE", true, ""},
	{"UTF-16BE BOM", "UTF-16BE", true, ""},
	{"UTF-16LE", "UTF-16LE", false, ""},
	{"UTF-16BE", "UTF-16BE", false, ""},
}

// FuzzXMLReaderUTF16: any UTF-8 document saved as UTF-16 (either byte
// order, with or without a byte order mark; a declaration of UTF-8
// changed to "UTF16", which has as many characters) converts to the same
// WBXML, or fails with the same error class at the same line and column,
// at the byte offset in the UTF-16 input of the character the UTF-8
// error points at.
func FuzzXMLReaderUTF16(f *testing.F) {
	names, _ := filepath.Glob(filepath.Join(interopDir, "*.xml"))
	for i, n := range names {
		if b, err := os.ReadFile(n); err == nil {
			f.Add(b, uint8(i))
		}
	}
	for _, s := range []string{
		`<Sync xmlns="AirSync:"><SyncKey>1</SyncKey></Sync>`,
		"<?xml version='1.0' encoding='utf-8'?>\n<Sync xmlns=\"AirSync:\"><SyncKey>😀é</SyncKey></Sync>",
		"<Sync xmlns=\"AirSync:\">\r\n<Subject xmlns=\"Email:\">日本語 &#x1F600; &amp;</Subject></Sync>",
		"<Sync xmlns=\"AirSync:\"><ConversationId xmlns=\"Email2:\">AP😀8-</ConversationId></Sync>",
		"<Sync xmlns=\"AirSync:\"><Synckey>\U0010FFFF</SyncKey></Sync>",
	} {
		for form := range utf16Forms {
			f.Add([]byte(s), uint8(form))
		}
	}
	r8 := wbxml.NewXMLReader(activeSync()...)
	r16 := wbxml.NewXMLReader(activeSync()...)
	f.Fuzz(func(t *testing.T, doc []byte, form uint8) {
		v := utf16Forms[int(form)%len(utf16Forms)]
		doc = bytes.TrimPrefix(doc, []byte("\xEF\xBB\xBF"))
		if !utf8.Valid(doc) || len(doc) > 0 && doc[0] == 0 || len(doc) > 1 && doc[1] == 0 {
			return // not UTF-8, or a NUL where it makes UTF-16 look like UTF-32
		}
		if !v.bom && len(doc) > 0 && doc[0] >= utf8.RuneSelf {
			return // without a byte order mark, UTF-16 must start in ASCII
		}
		src := doc
		if bytes.HasPrefix(doc, []byte("<?xml")) {
			if end := bytes.Index(doc, []byte("?>")); end > 0 {
				if i := bytes.Index(doc[:end], []byte("encoding")); i >= 0 {
					q := bytes.IndexAny(doc[i:end], `"'`)
					if q < 0 {
						return
					}
					q += i
					e := bytes.IndexByte(doc[q+1:end], doc[q])
					if e < 0 || !bytes.EqualFold(doc[q+1:q+1+e], []byte("UTF-8")) {
						return // declared in another encoding
					}
					src = bytes.Clone(doc)
					copy(src[q+1:], "UTF16")
				}
			}
		}
		src, _ = encodeText(src, v.enc, v.bom)
		w8, err8 := r8.AppendWBXML(nil, doc)
		w16, err16 := r16.AppendWBXML(nil, src)
		if err8 == nil {
			if err16 != nil || !bytes.Equal(w8, w16) {
				t.Fatalf("%s: % X, %v; UTF-8 gave % X", v.name, w16, err16, w8)
			}
			return
		}
		var e8, e16 *wbxml.XMLError
		if !errors.As(err8, &e8) || !errors.As(err16, &e16) {
			t.Fatalf("%s: errors %v and %v, want *XMLError", v.name, err8, err16)
		}
		pre, _ := encodeText(doc[:min(max(e8.Offset, 0), int64(len(doc)))], v.enc, v.bom)
		if e8.Err != e16.Err || e8.Line != e16.Line || e8.Column != e16.Column || e16.Offset != int64(len(pre)) {
			t.Fatalf("%s: error %v (%v), want %v at offset %d (UTF-8 error: %v)", v.name, err16, e16.Err, e8.Err, len(pre), err8)
		}
	})
}
