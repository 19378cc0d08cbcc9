package xmlscan

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestNamespaces(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"no namespace", `<a><b/></a>`, []string{"start {}a", "start {}b /", "end {}b /", "end {}a"}},
		{"default namespace inherited", `<Sync xmlns="AirSync:"><Collections><Collection/></Collections></Sync>`,
			[]string{"start {AirSync:}Sync", "start {AirSync:}Collections", "start {AirSync:}Collection /", "end {AirSync:}Collection /", "end {AirSync:}Collections", "end {AirSync:}Sync"}},
		{"default redeclared and restored", `<a xmlns="u"><b xmlns="v"><c/></b><d/></a>`,
			[]string{"start {u}a", "start {v}b", "start {v}c /", "end {v}c /", "end {v}b", "start {u}d /", "end {u}d /", "end {u}a"}},
		{"default undeclared", `<a xmlns="u"><b xmlns=""><c/></b><d/></a>`,
			[]string{"start {u}a", "start {}b", "start {}c /", "end {}c /", "end {}b", "start {u}d /", "end {u}d /", "end {u}a"}},
		{"default on empty element only", `<a><b xmlns="u"/><c/></a>`,
			[]string{"start {}a", "start {u}b /", "end {u}b /", "start {}c /", "end {}c /", "end {}a"}},
		{"prefix redeclared and restored", `<p:a xmlns:p="u"><p:b xmlns:p="v"><p:c/></p:b><p:d/></p:a>`,
			[]string{"start {u}p:a", "start {v}p:b", "start {v}p:c /", "end {v}p:c /", "end {v}p:b", "start {u}p:d /", "end {u}p:d /", "end {u}p:a"}},
		{"prefix and default together", `<a xmlns="d" xmlns:e="Email:"><e:To>x</e:To><b/></a>`,
			[]string{"start {d}a", "start {Email:}e:To", `text "x"`, "end {Email:}e:To", "start {d}b /", "end {d}b /", "end {d}a"}},
		{"two prefixes for one namespace", `<p:a xmlns:p="u" xmlns:q="u"><q:b/></p:a>`,
			[]string{"start {u}p:a", "start {u}q:b /", "end {u}q:b /", "end {u}p:a"}},
		{"declaration after use in the same tag", `<p:a p:x="1" xmlns:p="u"/>`,
			[]string{`start {u}p:a {u}p:x="1" /`, "end {u}p:a /"}},
		{"unprefixed attribute has no namespace", `<a xmlns="u" x="1"/>`,
			[]string{`start {u}a {}x="1" /`, "end {u}a /"}},
		{"same local name in two namespaces", `<a xmlns:p="u" xmlns:q="v" x="0" p:x="1" q:x="2"/>`,
			[]string{`start {}a {}x="0" {u}p:x="1" {v}q:x="2" /`, "end {}a /"}},
		{"prefix bound in an ancestor", `<p:a xmlns:p="u"><b><c p:y="2"/></b></p:a>`,
			[]string{"start {u}p:a", "start {}b", `start {}c {u}p:y="2" /`, "end {}c /", "end {}b", "end {u}p:a"}},
		{"xml prefix predeclared", `<a xml:lang="en" xml:space="preserve"/>`,
			[]string{`start {}a {http://www.w3.org/XML/1998/namespace}xml:lang="en" {http://www.w3.org/XML/1998/namespace}xml:space="preserve" /`, "end {}a /"}},
		{"xml prefix declared correctly", `<a xmlns:xml="http://www.w3.org/XML/1998/namespace" xml:lang="en"/>`,
			[]string{`start {}a {http://www.w3.org/XML/1998/namespace}xml:lang="en" /`, "end {}a /"}},
		{"xml prefix on element", `<xml:a/>`,
			[]string{"start {http://www.w3.org/XML/1998/namespace}xml:a /", "end {http://www.w3.org/XML/1998/namespace}xml:a /"}},
		{"element named xmlns", `<a xmlns="u"><xmlns/></a>`,
			[]string{"start {u}a", "start {u}xmlns /", "end {u}xmlns /", "end {u}a"}},
		{"attribute local name xmlns with a prefix", `<a xmlns:p="u" p:xmlns="1"/>`,
			[]string{`start {}a {u}p:xmlns="1" /`, "end {}a /"}},
		{"namespace name with references", `<a xmlns="urn:a&amp;b&#x3A;c"/>`,
			[]string{"start {urn:a&b:c}a /", "end {urn:a&b:c}a /"}},
		{"namespace name normalized", "<a xmlns='u\tv'/>", []string{"start {u v}a /", "end {u v}a /"}},
		{"ActiveSync prefixes on the root", `<Sync xmlns="AirSync:" xmlns:airsyncbase="AirSyncBase:" xmlns:email="Email:">` +
			`<ApplicationData><email:Subject>s</email:Subject><airsyncbase:Body><airsyncbase:Type>2</airsyncbase:Type></airsyncbase:Body></ApplicationData></Sync>`,
			[]string{"start {AirSync:}Sync", "start {AirSync:}ApplicationData", "start {Email:}email:Subject", `text "s"`, "end {Email:}email:Subject",
				"start {AirSyncBase:}airsyncbase:Body", "start {AirSyncBase:}airsyncbase:Type", `text "2"`, "end {AirSyncBase:}airsyncbase:Type",
				"end {AirSyncBase:}airsyncbase:Body", "end {AirSync:}ApplicationData", "end {AirSync:}Sync"}},
		{"non-ASCII prefix", `<ü:a xmlns:ü="urn:ü"/>`, []string{"start {urn:ü}ü:a /", "end {urn:ü}ü:a /"}},
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

// TestManyPrefixes declares more prefixes than there are hash chains, at
// many depths and with shadowing, and checks every resolution against a
// plain model of the scopes.
func TestManyPrefixes(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var sb strings.Builder
	type scope map[string]string
	scopes := []scope{{}}
	lookup := func(p string) (string, bool) {
		for i := len(scopes) - 1; i >= 0; i-- {
			if u, ok := scopes[i][p]; ok {
				return u, true
			}
		}
		return "", false
	}
	var want []string
	var open []string
	decl := 0
	var emit func(depth int)
	emit = func(depth int) {
		sc := scope{}
		var attrs strings.Builder
		for range r.IntN(40) {
			p := "p" + strconv.Itoa(r.IntN(600))
			if _, dup := sc[p]; dup {
				continue
			}
			decl++
			u := "urn:" + strconv.Itoa(decl)
			sc[p] = u
			attrs.WriteString(" xmlns:" + p + `="` + u + `"`)
		}
		scopes = append(scopes, sc)
		// Use a prefix that is in scope, if any.
		var qn, space string
		for range 10 {
			p := "p" + strconv.Itoa(r.IntN(600))
			if u, ok := lookup(p); ok {
				qn, space = p+":e", u
				break
			}
		}
		if qn == "" {
			qn = "e"
		}
		sb.WriteString("<" + qn + attrs.String() + ">")
		name := "{" + space + "}" + qn
		want = append(want, "start "+name)
		open = append(open, name)
		if depth < 12 {
			for range 1 + r.IntN(3) {
				emit(depth + 1)
			}
		}
		sb.WriteString("</" + qn + ">")
		want = append(want, "end "+name)
		scopes = scopes[:len(scopes)-1]
		open = open[:len(open)-1]
	}
	for len(want) < 2000 {
		want, sb = want[:0], strings.Builder{}
		emit(0)
	}
	got, err := scanAll([]byte(sb.String()), WithMaxAttrs(64))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(want, got) {
		t.Fatalf("resolution differs (-model +scanner):\n%s", cmp.Diff(want, got))
	}
	t.Logf("%d declarations, %d tokens", decl, len(got))
}

// TestResetForgetsBindings: a Scanner reset after a document that stopped
// with prefixes in scope (an error, or a caller that stopped reading) knows
// none of them in the next document, and one reset after a whole document
// still binds and resolves prefixes as a new Scanner does.
func TestResetForgetsBindings(t *testing.T) {
	s := NewScanner(nil)
	for i, c := range []struct {
		doc    string
		reads  int  // tokens read before the reset (0: to the end)
		errors bool // the next document fails (an unbound prefix)
	}{
		{`<a:x xmlns:a="u1" xmlns:b="u2"><b:y xmlns:c="u3"><c:z>`, 3, false},
		{`<a:x xmlns:a="u0"><b:y/></a:x>`, 0, true},
		{`<a:x xmlns:a="u1" xmlns:b="u2"><b:y xmlns:c="u3"><c:z>`, 3, false},
		{`<a:x/>`, 0, true},
		{`<p:x xmlns:p="u4"><p:y xmlns:q="u5"/></p:x>`, 0, false},
		{`<q:x/>`, 0, true},
		{`<a:x xmlns:a="u6"><a:y/></a:x>`, 0, false},
	} {
		s.Reset([]byte(c.doc))
		var err error
		var names []string
		for n := 0; c.reads == 0 || n < c.reads; n++ {
			var tok *Token
			if tok, err = s.ReadToken(); err != nil {
				break
			}
			if tok.Kind == StartElement {
				names = append(names, string(tok.Name.Space)+" "+string(tok.Name.Local))
			}
		}
		if failed := err != nil && err.Error() != "EOF"; failed != c.errors {
			t.Fatalf("document %d (%s): error %v, names %v", i, c.doc, err, names)
		}
		if i == 6 && strings.Join(names, ",") != "u6 x,u6 y" {
			t.Fatalf("document %d: names %v", i, names)
		}
	}
}
