package eas_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/easkit/easkit/eas"
	"github.com/easkit/easkit/internal/testenv"
)

// bodyText is a Body whose Data is kept as the text itself in a []byte.
type bodyText struct {
	XMLName eas.Name `eas:"AirSyncBase:Body"`
	Type    int
	Data    []byte `eas:",text"`
}

// TestTextOption: a []byte field tagged text holds the element's text as
// it is (not base64), writes it back as text, and reuses its capacity, so
// that reading a long body into a reused struct allocates nothing.
func TestTextOption(t *testing.T) {
	html := "<html><body>" + strings.Repeat("Hello, <b>world</b> &amp; more. ", 300) + "</body></html>"
	in := bodyText{Type: 2, Data: []byte(html)}
	msg, err := eas.Marshal(&in)
	if err != nil {
		t.Fatal(err)
	}
	// The same message written with a string field: the text goes as text.
	want, err := eas.Marshal(&struct {
		XMLName eas.Name `eas:"AirSyncBase:Body"`
		Type    int
		Data    string
	}{Type: 2, Data: html})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(msg, want) {
		t.Fatalf("text []byte field wrote % x, the string field % x", msg, want)
	}
	var out bodyText
	if err := eas.Unmarshal(msg, &out); err != nil {
		t.Fatal(err)
	}
	if string(out.Data) != html || out.Type != 2 {
		t.Fatalf("read back Type %d and %d bytes, want 2 and %d", out.Type, len(out.Data), len(html))
	}
	first := &out.Data[0]
	if err := eas.Unmarshal(msg, &out); err != nil {
		t.Fatal(err)
	}
	if &out.Data[0] != first {
		t.Error("the second Unmarshal did not reuse the []byte's capacity")
	}
	testenv.SkipIfAllocsUnreliable(t)
	if n := testing.AllocsPerRun(100, func() {
		if err := eas.Unmarshal(msg, &out); err != nil {
			t.Fatal(err)
		}
	}); n != 0 {
		t.Errorf("Unmarshal into a reused text []byte: %v allocs/op, want 0", n)
	}
}

// TestTextOptionErrors: text goes with a string or []byte only, and with
// neither opaque nor base64.
func TestTextOptionErrors(t *testing.T) {
	for name, v := range map[string]any{
		"text on an int": &struct {
			XMLName eas.Name `eas:"AirSyncBase:Body"`
			Type    int      `eas:",text"`
		}{},
		"text and base64": &struct {
			XMLName eas.Name `eas:"AirSyncBase:Body"`
			Data    []byte   `eas:",text,base64"`
		}{},
		"opaque and base64": &struct {
			XMLName eas.Name `eas:"AirSyncBase:Body"`
			Data    []byte   `eas:",opaque,base64"`
		}{},
	} {
		_, err := eas.Marshal(v)
		if !errors.Is(err, eas.ErrUnsupported) {
			t.Errorf("%s: Marshal gave %v, want ErrUnsupported", name, err)
		}
	}
}
