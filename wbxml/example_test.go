package wbxml_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/wbxml"
)

// A FolderSync request with SyncKey 0, as a device sends it first.
var folderSyncRequest = []byte{0x03, 0x01, 0x6A, 0x00, 0x00, 0x07, 0x56, 0x52, 0x03, '0', 0x00, 0x01, 0x01}

func ExampleDecoder() {
	d := wbxml.NewDecoder(folderSyncRequest, wbxml.WithVocabulary(codepages.ActiveSync))
	for {
		tok, err := d.ReadToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Println(err)
			return
		}
		indent := strings.Repeat("  ", d.StackDepth())
		switch tok.Kind {
		case wbxml.KindStartTag:
			fmt.Printf("%s%v at offset %d\n", indent[2:], codepages.Tag(tok.Tag()), tok.Offset)
		case wbxml.KindString:
			fmt.Printf("%s%q\n", indent, tok.Data)
		}
	}
	// Output:
	// FolderHierarchy:FolderSync at offset 6
	//   FolderHierarchy:SyncKey at offset 7
	//     "0"
}

// Step is the fastest way through a message: it returns the kind, and the
// token's fields are read only where they are needed.
func ExampleDecoder_Step() {
	d := wbxml.NewDecoder(folderSyncRequest, wbxml.WithVocabulary(codepages.ActiveSync))
	for {
		kind, err := d.Step()
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Println(err)
			return
		}
		switch kind {
		case wbxml.KindStartTag:
			page, code := d.StepTag()
			fmt.Printf("%v at offset %d\n", codepages.NewTag(page, code), d.StepOffset())
		case wbxml.KindString:
			fmt.Printf("%q\n", d.StepData())
		}
	}
	// Output:
	// FolderHierarchy:FolderSync at offset 6
	// FolderHierarchy:SyncKey at offset 7
	// "0"
}

// NextLeaf gives an element of one string, or of none, as one token: its
// tag, and its text in Data.
func ExampleDecoder_NextLeaf() {
	d := wbxml.NewDecoder(folderSyncRequest, wbxml.WithVocabulary(codepages.ActiveSync))
	for {
		tok, err := d.NextLeaf()
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Println(err)
			return
		}
		switch tok.Kind {
		case wbxml.KindStartTag:
			fmt.Printf("start %v\n", codepages.Tag(tok.Tag()))
		case wbxml.KindLeaf:
			fmt.Printf("leaf %v %q\n", codepages.Tag(tok.Tag()), tok.Data)
		case wbxml.KindEndTag:
			fmt.Printf("end %v\n", codepages.Tag(tok.Tag()))
		}
	}
	// Output:
	// start FolderHierarchy:FolderSync
	// leaf FolderHierarchy:SyncKey "0"
	// end FolderHierarchy:FolderSync
}

func ExampleEncoder() {
	e := wbxml.NewAppendEncoder(nil)
	e.StartTag(codepages.FolderHierarchyFolderSync.Page(), codepages.FolderHierarchyFolderSync.Token(), false)
	e.StartTag(codepages.FolderHierarchySyncKey.Page(), codepages.FolderHierarchySyncKey.Token(), false)
	e.String([]byte("0"))
	e.EndTag()
	if err := e.EndTag(); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("% X\n", e.Bytes())
	// Output:
	// 03 01 6A 00 00 07 56 52 03 30 00 01 01
}

// An element whose end follows its start directly is written without its
// content bit, and no END.
func ExampleEncoder_emptyElement() {
	e := wbxml.NewAppendEncoder(nil)
	e.StartTag(0, codepages.AirSyncSync.Token(), false)
	e.StartTag(0, codepages.AirSyncGetChanges.Token(), false)
	e.EndTag() // GetChanges is empty: 0x53 becomes 0x13
	e.StartTag(0, codepages.AirSyncSyncKey.Token(), false)
	e.String(nil) // an empty string is content: 4B 03 00 01
	e.EndTag()
	e.EndTag()
	fmt.Printf("% X\n", e.Bytes())
	// Output:
	// 03 01 6A 00 45 13 4B 03 00 01 01
}

// Encoder and Decoder stream: the Encoder writes a complete document to
// its io.Writer when the root element ends.
func ExampleNewEncoder() {
	var buf bytes.Buffer
	e := wbxml.NewEncoder(&buf)
	e.StartTag(codepages.PingPing.Page(), codepages.PingPing.Token(), false)
	e.StartTag(codepages.PingStatus.Page(), codepages.PingStatus.Token(), false)
	e.String([]byte("1"))
	e.EndTag()
	e.EndTag()
	fmt.Printf("% X\n", buf.Bytes())

	d := wbxml.NewReaderDecoder(&buf, wbxml.WithVocabulary(codepages.ActiveSync))
	for {
		tok, err := d.ReadToken()
		if err != nil {
			break
		}
		if tok.Kind == wbxml.KindStartTag {
			fmt.Println(codepages.Tag(tok.Tag()))
		}
	}
	// Output:
	// 03 01 6A 00 00 0D 45 47 03 31 00 01 01
	// Ping:Ping
	// Ping:Status
}

func ExampleSyntaxError() {
	truncated := []byte{0x03, 0x01, 0x6A, 0x00, 0x00, 0x07, 0x56, 0x4C}
	d := wbxml.NewDecoder(truncated, wbxml.WithVocabulary(codepages.ActiveSync))
	var err error
	for err == nil {
		_, err = d.ReadToken()
	}
	var se *wbxml.SyntaxError
	if errors.As(err, &se) {
		fmt.Println(se.Offset, errors.Is(err, wbxml.ErrTruncated))
	}
	fmt.Println(err)
	// Output:
	// 8 true
	// wbxml: offset 8: input ends with open elements (in /FolderHierarchy:FolderSync/Status)
}

func ExampleAppendMbUint32() {
	b := wbxml.AppendMbUint32(nil, 0xA0)
	v, n := wbxml.ConsumeMbUint32(b)
	fmt.Printf("% X -> %#x (%d bytes)\n", b, v, n)
	// Output:
	// 81 20 -> 0xa0 (2 bytes)
}
