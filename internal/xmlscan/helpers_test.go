package xmlscan

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
)

// render shows a token in one line for table tests:
//
//	start {ns}p:local {ns}p:attr="value" /
//	end {ns}local /
//	text "data" ws
//
// A trailing " /" marks SelfClosing, " ws" marks Whitespace.
func render(t Token) string {
	var sb strings.Builder
	name := func(n Name) {
		fmt.Fprintf(&sb, "{%s}", n.Space)
		if len(n.Prefix) > 0 {
			fmt.Fprintf(&sb, "%s:", n.Prefix)
		}
		sb.Write(n.Local)
	}
	switch t.Kind {
	case StartElement:
		sb.WriteString("start ")
		name(t.Name)
		for _, a := range t.Attrs {
			sb.WriteByte(' ')
			name(a.Name)
			fmt.Fprintf(&sb, "=%q", a.Value)
		}
	case EndElement:
		sb.WriteString("end ")
		name(t.Name)
	case Text:
		fmt.Fprintf(&sb, "text %q", t.Text)
		if t.Whitespace {
			sb.WriteString(" ws")
		}
	default:
		fmt.Fprintf(&sb, "%v", t.Kind)
	}
	if t.SelfClosing {
		sb.WriteString(" /")
	}
	return sb.String()
}

// scanAll reads doc to the end and returns the rendered tokens and the
// error that ended the scan (nil at io.EOF).
func scanAll(doc []byte, opts ...Option) ([]string, error) {
	s := NewScanner(doc, opts...)
	var out []string
	for {
		tok, err := s.ReadToken()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, render(*tok))
	}
}

// syntaxErr unwraps err into a *SyntaxError or fails the test.
func syntaxErr(t *testing.T, err error) *SyntaxError {
	t.Helper()
	var se *SyntaxError
	if !errors.As(err, &se) {
		t.Fatalf("error %v (%T) is not a *SyntaxError", err, err)
	}
	return se
}
