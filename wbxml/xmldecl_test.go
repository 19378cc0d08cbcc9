package wbxml_test

import (
	"strings"
	"testing"

	"github.com/easkit/easkit/wbxml"
)

// TestDeclarationEncoding checks both forms of the XML declaration.
func TestDeclarationEncoding(t *testing.T) {
	src := hx(eas + `45 4B 03 '1' 00 01 01`)
	for _, c := range []struct {
		opts []wbxml.Option
		want string
	}{
		{nil, `<?xml version="1.0" encoding="UTF-8"?>` + "\n<!DOCTYPE "},
		{[]wbxml.Option{wbxml.WithDeclarationEncoding(true)}, `<?xml version="1.0" encoding="UTF-8"?>` + "\n<!DOCTYPE "},
		{[]wbxml.Option{wbxml.WithDeclarationEncoding(false)}, `<?xml version="1.0"?>` + "\n<!DOCTYPE "},
		{[]wbxml.Option{wbxml.WithDeclarationEncoding(false), wbxml.WithXMLDeclaration(false)}, "<!DOCTYPE "},
	} {
		x, err := wbxml.AppendXML(nil, src, activeSync(c.opts...)...)
		if err != nil || !strings.HasPrefix(string(x), c.want) {
			t.Errorf("%d options: %v\n got %s\nwant %s…", len(c.opts), err, x, c.want)
		}
	}
}
