package xmlscan_test

import (
	"errors"
	"fmt"
	"io"

	"github.com/easkit/easkit/internal/xmlscan"
)

func Example() {
	doc := []byte(`<?xml version="1.0" encoding="utf-8"?>
<Sync xmlns="AirSync:" xmlns:email="Email:">
  <Collection>
    <SyncKey>1</SyncKey>
    <email:Subject>Fish &amp; chips</email:Subject>
    <Body xmlns="AirSyncBase:"><Data><![CDATA[a<b]]>&#13;
</Data></Body>
    <MoreAvailable/>
  </Collection>
</Sync>`)
	s := xmlscan.NewScanner(doc)
	for {
		tok, err := s.ReadToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Println(err)
			return
		}
		switch tok.Kind {
		case xmlscan.StartElement:
			fmt.Printf("start {%s}%s empty=%v\n", tok.Name.Space, tok.Name.Local, tok.SelfClosing)
		case xmlscan.EndElement:
			fmt.Printf("end   {%s}%s\n", tok.Name.Space, tok.Name.Local)
		case xmlscan.Text:
			if !tok.Whitespace { // indentation between elements
				fmt.Printf("text  %q\n", tok.Text)
			}
		}
	}
	// Output:
	// start {AirSync:}Sync empty=false
	// start {AirSync:}Collection empty=false
	// start {AirSync:}SyncKey empty=false
	// text  "1"
	// end   {AirSync:}SyncKey
	// start {Email:}Subject empty=false
	// text  "Fish & chips"
	// end   {Email:}Subject
	// start {AirSyncBase:}Body empty=false
	// start {AirSyncBase:}Data empty=false
	// text  "a<b\r\n"
	// end   {AirSyncBase:}Data
	// end   {AirSyncBase:}Body
	// start {AirSync:}MoreAvailable empty=true
	// end   {AirSync:}MoreAvailable
	// end   {AirSync:}Collection
	// end   {AirSync:}Sync
}

func ExampleSyntaxError() {
	doc := []byte("<Sync xmlns=\"AirSync:\">\n  <Collections>\n  </Collection>\n</Sync>")
	s := xmlscan.NewScanner(doc)
	for {
		_, err := s.ReadToken()
		if err == nil {
			continue
		}
		var se *xmlscan.SyntaxError
		if errors.As(err, &se) {
			fmt.Println(se)
			fmt.Println(se.Line, se.Column, se.Offset, errors.Is(err, xmlscan.ErrMismatchedTag))
		}
		break
	}
	// Output:
	// xml: line 3, column 3 (offset 42): element <Collections> closed by </Collection>
	// 3 3 42 true
}

func ExampleToken_attrs() {
	s := xmlscan.NewScanner([]byte(`<a xmlns:ek="urn:easkit" ek:wire="opaque" id='x&#9;y	z'/>`))
	tok, _ := s.ReadToken()
	for _, a := range tok.Attrs {
		fmt.Printf("{%s}%s=%q\n", a.Name.Space, a.Name.Local, a.Value)
	}
	// Output:
	// {urn:easkit}wire="opaque"
	// {}id="x\ty z"
}
