package bench_test

import (
	"errors"
	"io"
	"sync"
	"testing"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/internal/corpus"
	"github.com/easkit/easkit/wbxml"
)

// vocab are the options every conversion uses: the ActiveSync vocabulary,
// lenient, and the XML output defaults of wbxml2xml (indent 2, colon-form
// namespaces, XML declaration and DOCTYPE).
var vocab = []wbxml.Option{wbxml.WithVocabulary(codepages.ActiveSync)}

// A message is a corpus message in the forms the benchmarks need, built on
// first use so that running one benchmark does not build every message.
type message struct {
	name string
	once sync.Once
	wbxml,
	xml []byte
	header wbxml.Header
	tokens []wbxml.Token // Data point into wbxml
}

var messages = func() []*message {
	var ms []*message
	for _, m := range corpus.Standard() {
		ms = append(ms, &message{name: m.Name})
	}
	return ms
}()

// load builds m's forms once.
func (m *message) load(tb testing.TB) *message {
	tb.Helper()
	m.once.Do(func() {
		c, _ := corpus.Lookup(m.name)
		m.wbxml = c.Build()
		var err error
		if m.xml, err = wbxml.AppendXML(nil, m.wbxml, vocab...); err != nil {
			panic(m.name + ": " + err.Error())
		}
		d := wbxml.NewDecoder(m.wbxml, vocab...)
		if m.header, err = d.Header(); err != nil {
			panic(m.name + ": " + err.Error())
		}
		for {
			tok, err := d.ReadToken()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				panic(m.name + ": " + err.Error())
			}
			m.tokens = append(m.tokens, tok)
		}
	})
	return m
}
