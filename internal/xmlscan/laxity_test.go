package xmlscan

import (
	"testing"
)

// TestEncodingXMLLaxities names each place where encoding/xml accepts a
// document that is not well-formed XML 1.0 with namespaces, and checks that
// we reject it and that FuzzScanVsEncodingXML's classifier recognizes it.
func TestEncodingXMLLaxities(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want error
	}{
		{"undeclared element prefix", `<p:a/>`, ErrUndeclaredPrefix},
		{"undeclared attribute prefix", `<a p:x="1"/>`, ErrUndeclaredPrefix},
		{"empty prefix binding", `<a xmlns:p=""/>`, ErrNamespace},
		{"xmlns declared", `<a xmlns:xmlns="u"/>`, ErrNamespace},
		{"xml rebound", `<a xmlns:xml="u"/>`, ErrNamespace},
		{"xmlns element prefix", `<xmlns:a/>`, ErrNamespace},
		{"duplicate attribute", `<a x="1" x="2"/>`, ErrDuplicateAttr},
		{"duplicate expanded attribute", `<a xmlns:p="u" xmlns:q="u" p:x="1" q:x="2"/>`, ErrDuplicateAttr},
		{"no root", `<!-- only a comment -->`, ErrStructure},
		{"empty document", ``, ErrStructure},
		{"two roots", `<a/><b/>`, ErrStructure},
		{"text before root", `x<a/>`, ErrStructure},
		{"text after root", `<a/>x`, ErrStructure},
		{"CDATA outside root", `<a/><![CDATA[x]]>`, ErrStructure},
		{"XML declaration not first", "\n<?xml version=\"1.0\"?><a/>", ErrStructure},
		{"DOCTYPE inside root", `<a><!DOCTYPE a></a>`, ErrStructure},
		{"DOCTYPE after root", `<a/><!DOCTYPE a>`, ErrStructure},
		{"directive other than DOCTYPE", `<!ELEMENT a ANY><a/>`, ErrMarkup},
		{"DOCTYPE grammar", `<!DOCTYPE a b c><a/>`, ErrMarkup},
		{"PI in DOCTYPE ends it early", `<!DOCTYPE A[<?A >>`, ErrUnexpectedEOF},
		{"control character in comment", "<a><!-- \x01 --></a>", ErrInvalidChar},
		{"invalid UTF-8 in comment", "<a><!-- \xff --></a>", ErrInvalidUTF8},
		{"control character in PI", "<a><?p \x01?></a>", ErrInvalidChar},
		{"PI without space after target", `<a><?p"x"?></a>`, ErrMarkup},
		{"PI target with colon", `<a><?p:q x?></a>`, ErrInvalidName},
		{"PI target xml in other case", `<a><?XML x?></a>`, ErrInvalidName},
		{"XML declaration loosely read", `<?xml version="1.0" foo="bar"?><a/>`, ErrMarkup},
		{"empty local part", `<a:></a:>`, ErrInvalidName},
		{"empty prefix", `<:a></:a>`, ErrInvalidName},
		{"local part starting with a digit", `<a:1 xmlns:a="u"></a:1>`, ErrInvalidName},
		{"attribute with empty local part", `<a b:="1"/>`, ErrInvalidName},
		{"reference to a surrogate", `<a>&#xD800;</a>`, ErrInvalidChar},
		{"no space between attributes", `<a x="1"y="2"/>`, ErrMarkup},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := []byte(tt.in)
			toks, err := oracleScan(doc)
			if err != nil {
				t.Fatalf("encoding/xml rejects it now (%v): the laxity is gone", err)
			}
			_, err = scanAll(doc)
			if err == nil {
				t.Fatal("xmlscan accepts it")
			}
			se := syntaxErr(t, err)
			if se.Err != tt.want {
				t.Errorf("error %v, want %v", err, tt.want)
			}
			if reason := encodingXMLLaxity(doc, toks, err); reason == "" {
				t.Errorf("classifier does not recognize %v", err)
			}
		})
	}
}

// TestEncodingXMLElementNamedXmlns pins the one difference in accepted
// documents: encoding/xml never puts an unprefixed element named xmlns in
// the default namespace.
func TestEncodingXMLElementNamedXmlns(t *testing.T) {
	got, err := scanAll([]byte(`<a xmlns="u"><xmlns/></a>`))
	if err != nil {
		t.Fatal(err)
	}
	if got[1] != "start {u}xmlns /" {
		t.Errorf("got %q", got[1])
	}
}
