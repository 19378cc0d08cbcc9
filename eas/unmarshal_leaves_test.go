package eas_test

import (
	"fmt"
	"io"
	"reflect"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/eas"
	"github.com/easkit/easkit/eas/commands"
	"github.com/easkit/easkit/version"
	"github.com/easkit/easkit/wbxml"
)

// leafOpts compares values read with and without leaves: trees by
// their WBXML, offset and path.
var leafOpts = cmp.Options{
	cmp.Comparer(func(a, b *eas.Element) bool {
		if a == nil || b == nil {
			return a == b
		}
		x, errX := a.AppendWBXML(nil)
		y, errY := b.AppendWBXML(nil)
		return string(x) == string(y) && fmt.Sprint(errX) == fmt.Sprint(errY) && a.Offset() == b.Offset() && a.Path() == b.Path()
	}),
	cmp.Exporter(func(reflect.Type) bool { return true }),
}

// unmarshalLeavesDiff reads data into the generated request and response
// types of its root, and into fuzzSync, with Unmarshal reading leaf
// elements in one step and token by token, and reports the first
// difference in the values or errors; "" when there is none.
func unmarshalLeavesDiff(data []byte) string {
	var root codepages.Tag
	d := wbxml.NewDecoder(data, wbxml.WithVocabulary(codepages.ActiveSync))
	if tok, err := d.Next(); err == nil && tok.Kind == wbxml.KindStartTag {
		root = codepages.NewTag(tok.Page, tok.Code)
	}
	news := []func() any{func() any { return new(fuzzSync) }}
	for _, resp := range []bool{false, true} {
		if commands.New(root, resp) != nil {
			news = append(news, func() any { return commands.New(root, resp) })
		}
	}
	for _, newV := range news {
		for i, opts := range [][]eas.Option{nil, {eas.WithStrict(true)}, {eas.WithVersion(version.V12_1)}} {
			restore := eas.SetLeaves(false)
			want := newV()
			werr := eas.Unmarshal(data, want, opts...)
			restore()
			got := newV()
			gerr := eas.Unmarshal(data, got, opts...)
			if fmt.Sprint(gerr) != fmt.Sprint(werr) {
				return fmt.Sprintf("%T, options %d: error %v reading leaves in one step, %v token by token", want, i, gerr, werr)
			}
			if diff := cmp.Diff(want, got, leafOpts); diff != "" {
				return fmt.Sprintf("%T, options %d (-token by token +leaves):\n%s", want, i, diff)
			}
		}
	}
	return ""
}

// TestUnmarshalLeavesSame: reading leaf elements in one step changes
// nothing in what Unmarshal reads, or in its errors, into the generated
// types and a hand-written one, on every sample, whole and cut short,
// and on variants of each with one byte changed.
func TestUnmarshalLeavesSame(t *testing.T) {
	n, failed := 0, 0
	for _, s := range samples(t) {
		inputs := [][]byte{s.data, s.data[:len(s.data)*2/3]}
		for _, text := range []string{"", " ", "1"} {
			if r, ok := withTexts(s.data, text); ok {
				inputs = append(inputs, r)
			}
		}
		if len(s.data) <= 16<<10 {
			for i := 0; i < len(s.data); i += 1 + len(s.data)/20 {
				for _, b := range []byte{0x01, 0x03, 0x00, 0x45} {
					c := append([]byte(nil), s.data...)
					c[i] = b
					inputs = append(inputs, c)
				}
			}
		}
		for j, in := range inputs {
			if diff := unmarshalLeavesDiff(in); diff != "" {
				t.Fatalf("%s input %d: %s", s.name, j, diff)
			}
			if eas.Unmarshal(in, new(fuzzSync)) != nil {
				failed++
			}
			n++
		}
	}
	if n < 500 || failed < 100 {
		t.Fatalf("%d inputs, %d of them failing: too few", n, failed)
	}
}

// withTexts returns data with the text of every inline string replaced
// by text (empty strings, blanks and numbers where the message has other
// values), or false when data does not decode.
func withTexts(data []byte, text string) ([]byte, bool) {
	d := wbxml.NewDecoder(data, wbxml.WithVocabulary(codepages.ActiveSync))
	h, err := d.Header()
	if err != nil {
		return nil, false
	}
	e := wbxml.NewAppendEncoder(nil, wbxml.WithHeader(h), wbxml.WithVocabulary(codepages.ActiveSync))
	for {
		tok, err := d.ReadToken()
		if err != nil {
			if err != io.EOF {
				return nil, false
			}
			break
		}
		if tok.Kind == wbxml.KindString && tok.Form == wbxml.FormInline {
			tok.Data = []byte(text)
		}
		if err := e.WriteToken(&tok); err != nil {
			return nil, false
		}
	}
	if err := e.Flush(); err != nil {
		return nil, false
	}
	return e.Bytes(), true
}
