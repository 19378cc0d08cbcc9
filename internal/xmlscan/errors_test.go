package xmlscan

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestErrors(t *testing.T) {
	type pos struct {
		Err          error
		Offset       int64
		Line, Column int
	}
	tests := []struct {
		name string
		in   string
		want pos
	}{
		// Structure.
		{"empty document", ``, pos{ErrStructure, 0, 1, 1}},
		{"only white space", " \n ", pos{ErrStructure, 3, 2, 2}},
		{"only misc", `<?pi?><!-- c -->`, pos{ErrStructure, 16, 1, 17}},
		{"text before root", `x<a/>`, pos{ErrStructure, 0, 1, 1}},
		{"text after root", "<a/>\n x", pos{ErrStructure, 6, 2, 2}},
		{"second root", `<a/><b/>`, pos{ErrStructure, 4, 1, 5}},
		{"end tag outside root", `<a/></a>`, pos{ErrStructure, 4, 1, 5}},
		{"CDATA outside root", `<![CDATA[x]]><a/>`, pos{ErrStructure, 0, 1, 1}},
		{"DOCTYPE after root", `<a/><!DOCTYPE a>`, pos{ErrStructure, 4, 1, 5}},
		{"second DOCTYPE", `<!DOCTYPE a><!DOCTYPE a><a/>`, pos{ErrStructure, 12, 1, 13}},
		{"DOCTYPE inside root", `<a><!DOCTYPE a></a>`, pos{ErrStructure, 3, 1, 4}},
		{"XML declaration not first", ` <?xml version="1.0"?><a/>`, pos{ErrStructure, 1, 1, 2}},
		{"XML declaration inside root", `<a><?xml version="1.0"?></a>`, pos{ErrStructure, 3, 1, 4}},
		{"BOM not at start", " \xEF\xBB\xBF<a/>", pos{ErrStructure, 1, 1, 2}},

		// Truncation.
		{"EOF in start tag", `<a`, pos{ErrUnexpectedEOF, 2, 1, 3}},
		{"EOF after attribute", `<a x="1"`, pos{ErrUnexpectedEOF, 8, 1, 9}},
		{"EOF in attribute value", `<a x="1`, pos{ErrUnexpectedEOF, 7, 1, 8}},
		{"EOF in element", "<a>\n<b>text", pos{ErrUnexpectedEOF, 11, 2, 8}},
		{"EOF after '<'", `<a><`, pos{ErrUnexpectedEOF, 4, 1, 5}},
		{"EOF in end tag", `<a></a`, pos{ErrUnexpectedEOF, 6, 1, 7}},
		{"EOF in comment", `<a><!-- x -`, pos{ErrUnexpectedEOF, 11, 1, 12}},
		{"EOF in CDATA", `<a><![CDATA[x]]`, pos{ErrUnexpectedEOF, 15, 1, 16}},
		{"EOF in CDATA opener", `<a><![CDA`, pos{ErrUnexpectedEOF, 9, 1, 10}},
		{"EOF in PI", `<a><?pi x?`, pos{ErrUnexpectedEOF, 10, 1, 11}},
		{"EOF in reference", `<a>&am`, pos{ErrUnexpectedEOF, 6, 1, 7}},
		{"EOF in char reference", `<a>&#12`, pos{ErrUnexpectedEOF, 7, 1, 8}},
		{"EOF in DOCTYPE", `<!DOCTYPE a [`, pos{ErrUnexpectedEOF, 13, 1, 14}},
		{"EOF in XML declaration", `<?xml version="1.0"`, pos{ErrUnexpectedEOF, 19, 1, 20}},
		{"EOF in prolog markup", `<!DOC`, pos{ErrUnexpectedEOF, 5, 1, 6}},

		// Tags.
		{"mismatched end tag", "<a>\n  <b></c></a>", pos{ErrMismatchedTag, 9, 2, 6}},
		{"mismatched prefix", `<p:a xmlns:p="u" xmlns:q="u"></q:a>`, pos{ErrMismatchedTag, 29, 1, 30}},
		{"end tag longer name", `<a></ab>`, pos{ErrMismatchedTag, 3, 1, 4}},
		{"garbage in end tag", `<a></a x>`, pos{ErrMarkup, 7, 1, 8}},
		{"missing '>' after '/'", `<a/ >`, pos{ErrMarkup, 3, 1, 4}},
		{"missing space between attributes", `<a x="1"y="2"/>`, pos{ErrMarkup, 8, 1, 9}},
		{"missing '='", `<a x "1"/>`, pos{ErrMarkup, 5, 1, 6}},
		{"unquoted value", `<a x=1/>`, pos{ErrMarkup, 5, 1, 6}},
		{"attribute without value", `<a x/>`, pos{ErrMarkup, 4, 1, 5}},
		{"'<' in attribute value", `<a x="<"/>`, pos{ErrMarkup, 6, 1, 7}},
		{"quote after name", `<a"x"/>`, pos{ErrMarkup, 2, 1, 3}},
		{"duplicate attribute", `<a x="1" x="2"/>`, pos{ErrDuplicateAttr, 9, 1, 10}},
		{"duplicate namespace declaration", `<a xmlns:p="u" xmlns:p="u"/>`, pos{ErrDuplicateAttr, 15, 1, 16}},
		{"duplicate expanded attribute", `<a xmlns:p="u" xmlns:q="u" p:x="1" q:x="2"/>`, pos{ErrDuplicateAttr, 35, 1, 36}},
		{"space after '<'", `< a/>`, pos{ErrInvalidName, 1, 1, 2}},
		{"digit starts name", `<1a/>`, pos{ErrInvalidName, 1, 1, 2}},
		{"two colons", `<a:b:c/>`, pos{ErrInvalidName, 4, 1, 5}},
		{"empty prefix", `<:a/>`, pos{ErrInvalidName, 1, 1, 2}},
		{"empty local part", `<a: x="1"/>`, pos{ErrInvalidName, 3, 1, 4}},
		{"local part starts with digit", `<a xmlns:p="u"><p:1/></a>`, pos{ErrInvalidName, 18, 1, 19}},
		{"end tag bad name", `<a></1>`, pos{ErrInvalidName, 5, 1, 6}},

		// Character data.
		{"]]> in text", `<a>x]]>y</a>`, pos{ErrMarkup, 4, 1, 5}},
		{"bare ampersand", `<a>a & b</a>`, pos{ErrInvalidReference, 5, 1, 6}},
		{"ampersand at end of name", `<a>&amp</a>`, pos{ErrInvalidReference, 3, 1, 4}},
		{"undefined entity", `<a>&nbsp;</a>`, pos{ErrInvalidReference, 3, 1, 4}},
		{"undefined entity in attribute", `<a x="&foo;"/>`, pos{ErrInvalidReference, 6, 1, 7}},
		{"empty char reference", `<a>&#;</a>`, pos{ErrInvalidReference, 3, 1, 4}},
		{"uppercase X in char reference", `<a>&#X41;</a>`, pos{ErrInvalidReference, 3, 1, 4}},
		{"hex digits in decimal reference", `<a>&#1a;</a>`, pos{ErrInvalidReference, 3, 1, 4}},
		{"reference to NUL", `<a>&#0;</a>`, pos{ErrInvalidChar, 3, 1, 4}},
		{"reference to control", `<a x="&#x1F;"/>`, pos{ErrInvalidChar, 6, 1, 7}},
		{"reference to surrogate", `<a>&#xD800;</a>`, pos{ErrInvalidChar, 3, 1, 4}},
		{"reference to FFFE", `<a>&#xFFFE;</a>`, pos{ErrInvalidChar, 3, 1, 4}},
		{"reference beyond Unicode", `<a>&#x110000;</a>`, pos{ErrInvalidChar, 3, 1, 4}},
		{"huge reference", `<a>&#99999999999999999999999999;</a>`, pos{ErrInvalidChar, 3, 1, 4}},
		{"control character in text", "<a>x\x01</a>", pos{ErrInvalidChar, 4, 1, 5}},
		{"NUL in text", "<a>\x00</a>", pos{ErrInvalidChar, 3, 1, 4}},
		{"control character in attribute", "<a x='\x1b'/>", pos{ErrInvalidChar, 6, 1, 7}},
		{"control character in comment", "<a><!-- \x07 --></a>", pos{ErrInvalidChar, 8, 1, 9}},
		{"control character in PI", "<a><?p \x07?></a>", pos{ErrInvalidChar, 7, 1, 8}},
		{"control character in CDATA", "<a><![CDATA[\x02]]></a>", pos{ErrInvalidChar, 12, 1, 13}},
		{"U+FFFE in text", "<a>\uFFFE</a>", pos{ErrInvalidChar, 3, 1, 4}},
		{"U+FFFF in attribute", "<a x='\uFFFF'/>", pos{ErrInvalidChar, 6, 1, 7}},
		{"invalid UTF-8 in text", "<a>é\xff</a>", pos{ErrInvalidUTF8, 5, 1, 5}},
		{"truncated UTF-8 in text", "<a>\xe2\x9c</a>", pos{ErrInvalidUTF8, 3, 1, 4}},
		{"surrogate in UTF-8", "<a>\xed\xa0\x80</a>", pos{ErrInvalidUTF8, 3, 1, 4}},
		{"overlong UTF-8", "<a>\xc0\xaf</a>", pos{ErrInvalidUTF8, 3, 1, 4}},
		{"invalid UTF-8 in name", "<a\xff/>", pos{ErrInvalidUTF8, 2, 1, 3}},
		{"invalid UTF-8 in comment", "<!-- \xff --><a/>", pos{ErrInvalidUTF8, 5, 1, 6}},
		{"invalid UTF-8 in attribute", "<a x='\xc3'/>", pos{ErrInvalidUTF8, 6, 1, 7}},
		{"non-name character in name", "<a\u00A0/>", pos{ErrMarkup, 2, 1, 3}},
		{"invalid UTF-8 in local part", "<a:\xff/>", pos{ErrInvalidUTF8, 3, 1, 4}},
		{"invalid UTF-8 at start of name", "<\xff/>", pos{ErrInvalidUTF8, 1, 1, 2}},
		{"invalid UTF-8 after name", "<a>\n</a\xff>", pos{ErrInvalidUTF8, 7, 2, 4}},
		{"control character in CDATA after CR", "<a><![CDATA[\r\x01]]></a>", pos{ErrInvalidChar, 13, 2, 1}},
		{"control character in DOCTYPE literal", "<!DOCTYPE a SYSTEM '\x01'><a/>", pos{ErrInvalidChar, 20, 1, 21}},
		{"control character in markup declaration", "<!DOCTYPE a [<!ENTITY e \x01>]><a/>", pos{ErrInvalidChar, 24, 1, 25}},
		{"bad parameter entity reference", "<!DOCTYPE a [%pe]><a/>", pos{ErrInvalidReference, 16, 1, 17}},
		{"DOCTYPE SYSTEM without literal", `<!DOCTYPE a SYSTEM><a/>`, pos{ErrMarkup, 18, 1, 19}},

		// Comments, PIs, declarations.
		{"double hyphen in comment", `<a><!-- a -- b --></a>`, pos{ErrMarkup, 10, 1, 11}},
		{"comment ending in hyphen", `<a><!-- a ---></a>`, pos{ErrMarkup, 10, 1, 11}},
		{"bad <! in content", `<a><!foo></a>`, pos{ErrMarkup, 3, 1, 4}},
		{"bad <! in prolog", `<!foo><a/>`, pos{ErrMarkup, 0, 1, 1}},
		{"PI without target", `<a><? x?></a>`, pos{ErrInvalidName, 5, 1, 6}},
		{"PI target with colon", `<a><?a:b?></a>`, pos{ErrInvalidName, 6, 1, 7}},
		{"PI target XML reserved", `<a><?XmL x?></a>`, pos{ErrInvalidName, 5, 1, 6}},
		{"PI without space after target", `<a><?pi-x"y"?></a>`, pos{ErrMarkup, 9, 1, 10}},
		{"XML declaration without version", `<?xml encoding="UTF-8"?><a/>`, pos{ErrMarkup, 6, 1, 7}},
		{"XML declaration empty", `<?xml?><a/>`, pos{ErrMarkup, 5, 1, 6}},
		{"XML version 2.0", `<?xml version="2.0"?><a/>`, pos{ErrMarkup, 15, 1, 16}},
		{"XML declaration unquoted", `<?xml version=1.0?><a/>`, pos{ErrMarkup, 14, 1, 15}},
		{"XML declaration bad order", `<?xml version="1.0" standalone="yes" encoding="UTF-8"?><a/>`, pos{ErrMarkup, 37, 1, 38}},
		{"XML declaration no space between", `<?xml version="1.0"encoding="UTF-8"?><a/>`, pos{ErrMarkup, 19, 1, 20}},
		{"standalone maybe", `<?xml version="1.0" standalone="maybe"?><a/>`, pos{ErrMarkup, 32, 1, 33}},
		{"encoding Latin-1", `<?xml version="1.0" encoding="ISO-8859-1"?><a/>`, pos{ErrUnsupportedEncoding, 30, 1, 31}},
		{"encoding name malformed", `<?xml version="1.0" encoding="8bit"?><a/>`, pos{ErrMarkup, 30, 1, 31}},
		{"DOCTYPE without space", `<!DOCTYPEa><a/>`, pos{ErrMarkup, 9, 1, 10}},
		{"DOCTYPE without name", `<!DOCTYPE ><a/>`, pos{ErrInvalidName, 10, 1, 11}},
		{"DOCTYPE bad public id", `<!DOCTYPE a PUBLIC "{x}" "y"><a/>`, pos{ErrMarkup, 20, 1, 21}},
		{"DOCTYPE PUBLIC without system literal", `<!DOCTYPE a PUBLIC "x"><a/>`, pos{ErrMarkup, 22, 1, 23}},
		{"DOCTYPE garbage", `<!DOCTYPE a junk><a/>`, pos{ErrMarkup, 12, 1, 13}},
		{"DOCTYPE bad subset", `<!DOCTYPE a [ x ]><a/>`, pos{ErrMarkup, 14, 1, 15}},
		{"DOCTYPE unknown declaration", `<!DOCTYPE a [<!FOO x>]><a/>`, pos{ErrMarkup, 13, 1, 14}},

		// Namespaces.
		{"undeclared element prefix", `<p:a/>`, pos{ErrUndeclaredPrefix, 1, 1, 2}},
		{"undeclared attribute prefix", `<a p:x="1"/>`, pos{ErrUndeclaredPrefix, 3, 1, 4}},
		{"prefix out of scope", `<a><b xmlns:p="u"/><p:c/></a>`, pos{ErrUndeclaredPrefix, 20, 1, 21}},
		{"xmlns prefix on element", `<xmlns:a/>`, pos{ErrNamespace, 1, 1, 2}},
		{"declaring xmlns", `<a xmlns:xmlns="u"/>`, pos{ErrNamespace, 3, 1, 4}},
		{"rebinding xml", `<a xmlns:xml="u"/>`, pos{ErrNamespace, 3, 1, 4}},
		{"binding to XML namespace", `<a xmlns:p="http://www.w3.org/XML/1998/namespace"/>`, pos{ErrNamespace, 3, 1, 4}},
		{"binding to xmlns namespace", `<a xmlns:p="http://www.w3.org/2000/xmlns/"/>`, pos{ErrNamespace, 3, 1, 4}},
		{"default to XML namespace", `<a xmlns="http://www.w3.org/XML/1998/namespace"/>`, pos{ErrNamespace, 3, 1, 4}},
		{"undeclaring a prefix", `<a xmlns:p=""/>`, pos{ErrNamespace, 3, 1, 4}},

		// Positions: lines end at LF, CR LF or CR; columns count characters.
		{"line after CR LF", "<a>\r\n\r\n  <b></a>", pos{ErrMismatchedTag, 12, 3, 6}},
		{"line after lone CR", "<a>\r\r  <b></a>", pos{ErrMismatchedTag, 10, 3, 6}},
		{"column counts characters", "<a>ééé<b></a>", pos{ErrMismatchedTag, 12, 1, 10}},
		{"BOM not counted in column", "\xEF\xBB\xBF<a></b>", pos{ErrMismatchedTag, 6, 1, 4}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := scanAll([]byte(tt.in))
			if err == nil {
				t.Fatal("no error")
			}
			se := syntaxErr(t, err)
			got := pos{se.Err, se.Offset, se.Line, se.Column}
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateErrors()); diff != "" {
				t.Errorf("%v\n(-want +got):\n%s", err, diff)
			}
			if !errors.Is(err, tt.want.Err) {
				t.Errorf("errors.Is(%v, %v) = false", err, tt.want.Err)
			}
			if se.Offset < 0 || se.Offset > int64(len(tt.in)) {
				t.Errorf("offset %d outside input of %d bytes", se.Offset, len(tt.in))
			}
		})
	}
}

func TestErrorMessage(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"mismatch names both", "<Sync>\n<Collections>\n</Collection>", "xml: line 3, column 1 (offset 21): element <Collections> closed by </Collection>"},
		{"expected '>'", "<a x='1' / >", "xml: line 1, column 11 (offset 10): expected '>' after '/' in tag <a>"},
		{"undeclared prefix", "<a>\n  <email:To/></a>", `xml: line 2, column 4 (offset 7): undeclared namespace prefix "email" in element <email:To>`},
		{"undefined entity", "<a>&nbsp;</a>", `xml: line 1, column 4 (offset 3): undefined entity "&nbsp;" (only the five predefined entities are supported)`},
		{"unclosed", "<a><b>", "xml: line 1, column 7 (offset 6): unexpected end of input: element <b> not closed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := scanAll([]byte(tt.in))
			if err == nil {
				t.Fatal("no error")
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestPosition(t *testing.T) {
	doc := []byte("ab\ncd\r\nef\rgh\xffé")
	tests := []struct {
		off       int64
		line, col int
	}{
		{-5, 1, 1}, {0, 1, 1}, {2, 1, 3}, {3, 2, 1}, {5, 2, 3}, {6, 2, 4}, {7, 3, 1}, {10, 4, 1},
		{12, 4, 3}, {13, 4, 4}, {15, 4, 5}, {99, 4, 5},
	}
	for _, tt := range tests {
		line, col := Position(doc, tt.off)
		if line != tt.line || col != tt.col {
			t.Errorf("Position(%d) = %d:%d, want %d:%d", tt.off, line, col, tt.line, tt.col)
		}
	}
}

func TestScannerPosition(t *testing.T) {
	s := NewScanner([]byte("<a>\r\n  é<b/></a>"))
	if line, col := s.Position(9); line != 2 || col != 4 {
		t.Errorf("Position(9) = %d:%d, want 2:4", line, col)
	}
}

func TestErrorAt(t *testing.T) {
	s := NewScanner([]byte("<a>\n<b/></a>"))
	errUnknown := errors.New("unknown element")
	e := s.ErrorAt(4, errUnknown, "unknown element <b>")
	if !errors.Is(e, errUnknown) || e.Line != 2 || e.Column != 1 {
		t.Errorf("ErrorAt = %+v", e)
	}
	if got, want := e.Error(), "xml: line 2, column 1 (offset 4): unknown element <b>"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	// ErrorAt does not stop the scanner.
	if _, err := scanAll([]byte("<a>\n<b/></a>")); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ReadToken(); err != nil {
		t.Errorf("ReadToken after ErrorAt: %v", err)
	}
}

func TestLongNamesTruncatedInMessages(t *testing.T) {
	var name []byte
	for range 200 {
		name = append(name, "日"...) // three bytes: 64 is not a boundary
	}
	doc := append(append([]byte("<"), name...), "></b>"...)
	_, err := scanAll(doc)
	se := syntaxErr(t, err)
	if !errors.Is(err, ErrMismatchedTag) {
		t.Fatalf("error %v, want a mismatched tag", err)
	}
	if len(se.Msg) > 200 {
		t.Errorf("message of %d bytes: %s", len(se.Msg), se.Msg)
	}
	for _, r := range se.Msg {
		if r == 0xFFFD {
			t.Errorf("message has a broken character: %s", se.Msg)
		}
	}
}
