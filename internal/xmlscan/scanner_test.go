package xmlscan

import (
	"io"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestWellFormed(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"empty element", `<a/>`, []string{"start {}a /", "end {}a /"}},
		{"empty element with space", "<a \n/>", []string{"start {}a /", "end {}a /"}},
		{"start and end", `<a></a>`, []string{"start {}a", "end {}a"}},
		{"end tag with space", "<a></a \t\r\n>", []string{"start {}a", "end {}a"}},
		{"nested", `<a><b><c/></b></a>`, []string{"start {}a", "start {}b", "start {}c /", "end {}c /", "end {}b", "end {}a"}},
		{"text", `<a>hello</a>`, []string{"start {}a", `text "hello"`, "end {}a"}},
		{"whitespace text", "<a>\n  <b/>\n</a>", []string{"start {}a", `text "\n  " ws`, "start {}b /", "end {}b /", `text "\n" ws`, "end {}a"}},
		{"predefined entities", `<a>&lt;&gt;&amp;&apos;&quot;</a>`, []string{"start {}a", `text "<>&'\""`, "end {}a"}},
		{"character references", `<a>&#65;&#x42;&#x00043;&#0000000068;&#x1F600;&#xe9;</a>`, []string{"start {}a", `text "ABCD😀é"`, "end {}a"}},
		{"whitespace via reference", `<a>&#32;&#9;</a>`, []string{"start {}a", `text " \t" ws`, "end {}a"}},
		{"CR LF and lone CR become LF", "<a>x\r\ny\rz\r\r\n</a>", []string{"start {}a", `text "x\ny\nz\n\n"`, "end {}a"}},
		{"CR reference kept", "<a>x&#13;\ny&#13;&#10;</a>", []string{"start {}a", `text "x\r\ny\r\n"`, "end {}a"}},
		{"CR reference then CR", "<a>&#13;\r\n</a>", []string{"start {}a", `text "\r\n" ws`, "end {}a"}},
		{"CDATA", `<a><![CDATA[<b>&amp;</b>]]></a>`, []string{"start {}a", `text "<b>&amp;</b>"`, "end {}a"}},
		{"CDATA merged with text", `<a>x<![CDATA[ y ]]>z&amp;</a>`, []string{"start {}a", `text "x y z&"`, "end {}a"}},
		{"CDATA with brackets", `<a><![CDATA[]]]]><![CDATA[>]] ]>]]></a>`, []string{"start {}a", `text "]]>]] ]>"`, "end {}a"}},
		{"CDATA CR normalized", "<a><![CDATA[x\r\ny\r]]></a>", []string{"start {}a", `text "x\ny\n"`, "end {}a"}},
		{"empty CDATA gives no text", `<a><![CDATA[]]></a>`, []string{"start {}a", "end {}a"}},
		{"comment between text merged", `<a>x<!-- c -->y</a>`, []string{"start {}a", `text "xy"`, "end {}a"}},
		{"PI between text merged", `<a>x<?pi data?>y<?pi?>z</a>`, []string{"start {}a", `text "xyz"`, "end {}a"}},
		{"only a comment", `<a><!-- c --></a>`, []string{"start {}a", "end {}a"}},
		{"comment edge forms", `<a><!----><!---x--><!-- - --></a>`, []string{"start {}a", "end {}a"}},
		{"brackets in text", `<a>]x]]y] ]]</a>`, []string{"start {}a", `text "]x]]y] ]]"`, "end {}a"}},
		{"greater-than in text", `<a>a>b</a>`, []string{"start {}a", `text "a>b"`, "end {}a"}},
		{"non-ASCII text and names", "<ü>grüße ✓ 𝄞</ü>", []string{"start {}ü", `text "grüße ✓ 𝄞"`, "end {}ü"}},
		{"name characters", "<_a-b.c·d\u0300 e.f=\"1\"/>", []string{"start {}_a-b.c·d\u0300 {}e.f=\"1\" /", "end {}_a-b.c·d\u0300 /"}},
		{"attributes", `<a x="1" y='2' z = "3"/>`, []string{`start {}a {}x="1" {}y="2" {}z="3" /`, "end {}a /"}},
		{"attribute quotes", `<a x="'" y='"' z="&quot;&apos;"/>`, []string{`start {}a {}x="'" {}y="\"" {}z="\"'" /`, "end {}a /"}},
		{"attribute greater-than", `<a x="a>b"></a>`, []string{`start {}a {}x="a>b"`, "end {}a"}},
		{"attribute empty", `<a x=""/>`, []string{`start {}a {}x="" /`, "end {}a /"}},
		{"attribute white space normalized", "<a x=\"a\tb\nc\rd\r\ne  f\"/>", []string{`start {}a {}x="a b c d e  f" /`, "end {}a /"}},
		{"attribute references kept", `<a x="&#9;&#10;&#13;&#x20;&lt;"/>`, []string{`start {}a {}x="\t\n\r <" /`, "end {}a /"}},
		{"attribute mixed decoding", "<a x=\"p&amp;q\tr\"/>", []string{`start {}a {}x="p&q r" /`, "end {}a /"}},
		{"attribute non-ASCII", `<a x="é✓"/>`, []string{`start {}a {}x="é✓" /`, "end {}a /"}},
		{"XML declaration", `<?xml version="1.0"?><a/>`, []string{"start {}a /", "end {}a /"}},
		{"XML declaration full", "<?xml version='1.0' encoding='utf-8' standalone='yes' ?>\n<a/>", []string{"start {}a /", "end {}a /"}},
		{"XML declaration 1.1", `<?xml version="1.1" encoding="UTF-8"?><a/>`, []string{"start {}a /", "end {}a /"}},
		{"BOM", "\xEF\xBB\xBF<a/>", []string{"start {}a /", "end {}a /"}},
		{"BOM and declaration", "\xEF\xBB\xBF<?xml version=\"1.0\"?><a/>", []string{"start {}a /", "end {}a /"}},
		{"BOM inside text is text", "<a>\xEF\xBB\xBF</a>", []string{"start {}a", `text "\ufeff"`, "end {}a"}},
		{"ActiveSync DOCTYPE", "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE ActiveSync PUBLIC \"-//MICROSOFT//DTD ActiveSync//EN\" \"http://www.microsoft.com/\">\n<Sync xmlns=\"AirSync:\"/>\n", []string{"start {AirSync:}Sync /", "end {AirSync:}Sync /"}},
		{"DOCTYPE SYSTEM", `<!DOCTYPE a SYSTEM 'a.dtd'><a/>`, []string{"start {}a /", "end {}a /"}},
		{"DOCTYPE bare", `<!DOCTYPE a><a/>`, []string{"start {}a /", "end {}a /"}},
		{"DOCTYPE internal subset", `<!DOCTYPE a [
  <!ELEMENT a (#PCDATA)>
  <!ATTLIST a x CDATA "]>">
  <!ENTITY e '<b>]</b>'>
  <!-- ] > -->
  <?pi ]>?>
  %pe;
  <!NOTATION n SYSTEM "n">
]><a/>`, []string{"start {}a /", "end {}a /"}},
		{"DOCTYPE subset without space", `<!DOCTYPE a[]><a/>`, []string{"start {}a /", "end {}a /"}},
		{"DOCTYPE external and subset", `<!DOCTYPE a PUBLIC "-//x//y" "z" [ ] ><a/>`, []string{"start {}a /", "end {}a /"}},
		{"misc around root", "<!-- c --><?pi x?>\n<a/>\n<!-- d --><?pi?> \n", []string{"start {}a /", "end {}a /"}},
		{"PI target starting with xml", `<?xml-stylesheet href="a"?><a><?xmlfoo?></a>`, []string{"start {}a", "end {}a"}},
		{"default namespace", `<a xmlns="urn:x"><b/></a>`, []string{"start {urn:x}a", "start {urn:x}b /", "end {urn:x}b /", "end {urn:x}a"}},
		{"prefixed namespace", `<p:a xmlns:p="urn:p"><p:b/></p:a>`, []string{"start {urn:p}p:a", "start {urn:p}p:b /", "end {urn:p}p:b /", "end {urn:p}p:a"}},
		{"xmlns declaration hidden", `<a xmlns="u" xmlns:p="v" x="1"/>`, []string{`start {u}a {}x="1" /`, "end {u}a /"}},
		{"text offsets in decoded namespace", `<a xmlns="u&amp;v"><b/></a>`, []string{"start {u&v}a", "start {u&v}b /", "end {u&v}b /", "end {u&v}a"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := scanAll([]byte(tt.in))
			if err != nil {
				t.Fatalf("unexpected error: %v", err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("tokens mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestOffsets(t *testing.T) {
	type tok struct {
		Kind   Kind
		Offset int64
	}
	tests := []struct {
		name string
		in   string
		want []tok
	}{
		{"tags and text", "<a>xy<b/></a>", []tok{{StartElement, 0}, {Text, 3}, {StartElement, 5}, {EndElement, 7}, {EndElement, 9}}},
		{"text after comment", "<a><!--c-->x</a>", []tok{{StartElement, 0}, {Text, 11}, {EndElement, 12}}},
		{"text from CDATA", "<a><![CDATA[x]]></a>", []tok{{StartElement, 0}, {Text, 3}, {EndElement, 16}}},
		{"text from reference", "<a>&amp;</a>", []tok{{StartElement, 0}, {Text, 3}, {EndElement, 8}}},
		{"text from CR", "<a>\r\n</a>", []tok{{StartElement, 0}, {Text, 3}, {EndElement, 5}}},
		{"prolog", "\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<r attr='1' />", []tok{{StartElement, 25}, {EndElement, 37}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := NewScanner([]byte(tt.in))
			var got []tok
			for {
				tk, err := s.ReadToken()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, tok{tk.Kind, tk.Offset})
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("offsets mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestAttrOffsets(t *testing.T) {
	s := NewScanner([]byte(`<a xmlns:p="u" x="1"  p:y='2'/>`))
	tok, err := s.ReadToken()
	if err != nil {
		t.Fatal(err)
	}
	var got []int64
	for _, a := range tok.Attrs {
		got = append(got, a.Offset)
	}
	if diff := cmp.Diff([]int64{15, 22}, got); diff != "" {
		t.Errorf("attribute offsets (-want +got):\n%s", diff)
	}
}

// TestReset checks that a Scanner reused with Reset gives the same tokens
// as a new one, including after an error.
func TestReset(t *testing.T) {
	docs := []string{
		`<p:a xmlns:p="u&amp;1" xmlns="d"><b x="&lt;"/>t&amp;</p:a>`,
		`<a><b></a>`,
		`<?xml version="1.0"?><a xmlns:q="v"><q:c>x</q:c></a>`,
		`<a`,
	}
	s := NewScanner(nil)
	for round := 0; round < 2; round++ {
		for _, d := range docs {
			want, wantErr := scanAll([]byte(d))
			s.Reset([]byte(d))
			var got []string
			var gotErr error
			for {
				tok, err := s.ReadToken()
				if err != nil {
					if err != io.EOF {
						gotErr = err
					}
					break
				}
				got = append(got, render(*tok))
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%q after Reset (-want +got):\n%s", d, diff)
			}
			if (wantErr == nil) != (gotErr == nil) || wantErr != nil && wantErr.Error() != gotErr.Error() {
				t.Errorf("%q after Reset: error %v, want %v", d, gotErr, wantErr)
			}
		}
	}
}

// TestStickyEnd checks that io.EOF and errors repeat.
func TestStickyEnd(t *testing.T) {
	s := NewScanner([]byte(`<a/>`))
	for range 2 {
		if _, err := s.ReadToken(); err != nil {
			t.Fatal(err)
		}
	}
	for range 3 {
		if tok, err := s.ReadToken(); err != io.EOF || tok != nil {
			t.Fatalf("got %v, %v; want nil, io.EOF", tok, err)
		}
	}
	s.Reset([]byte(`<a>`))
	s.ReadToken()
	_, err1 := s.ReadToken()
	_, err2 := s.ReadToken()
	if err1 == nil || err1 != err2 {
		t.Fatalf("errors not sticky: %v then %v", err1, err2)
	}
}

func TestStackDepthAndInputOffset(t *testing.T) {
	s := NewScanner([]byte(`<a><b/>x</a> `))
	type st struct {
		Depth  int
		Offset int64
	}
	var got []st
	for {
		_, err := s.ReadToken()
		if err != nil {
			break
		}
		got = append(got, st{s.StackDepth(), s.InputOffset()})
	}
	want := []st{{1, 3}, {2, 7}, {1, 7}, {1, 8}, {0, 12}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestKindString(t *testing.T) {
	got := []string{None.String(), StartElement.String(), EndElement.String(), Text.String(), Kind(12).String()}
	want := []string{"None", "StartElement", "EndElement", "Text", "Kind(12)"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
