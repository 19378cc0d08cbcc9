//go:build linux

package hostile

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"
)

// endless is standard input that never ends: the pattern over and over.
type endless struct {
	pattern []byte
	off     int
}

func (e *endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = e.pattern[e.off]
		e.off = (e.off + 1) % len(e.pattern)
	}
	return len(p), nil
}

// sizes are the sizes of the generated inputs, smaller with -short.
func sizes() []int {
	if testing.Short() {
		return []int{1 << 20, 4 << 20}
	}
	return []int{1 << 20, 4 << 20, 16 << 20}
}

// header is a WBXML header: version 1.3, public id 1, UTF-8, no string
// table.
var header = []byte{0x03, 0x01, 0x6A, 0x00}

// repeat returns head, then unit repeated to make about n bytes, then tail,
// made as it is read: the test process stays small, which matters since
// Linux counts the memory of the process that starts a command in the
// command's peak (ru_maxrss is carried over exec).
func repeat(head, unit, tail []byte, n int) io.Reader {
	count := max(1, (n-len(head)-len(tail))/len(unit))
	body := io.LimitReader(&endless{pattern: unit}, int64(count*len(unit)))
	return io.MultiReader(bytes.NewReader(head), body, bytes.NewReader(tail))
}

// deepWBXML is n bytes of Sync elements, each inside the one before.
func deepWBXML(n int) io.Reader { return repeat(header, []byte{0x45}, nil, n) }

// flatWBXML is a Sync element holding about n bytes of SyncKey elements.
func flatWBXML(n int) io.Reader {
	return repeat(append(header[:4:4], 0x45), []byte{0x4B, 0x03, '1', 0x00, 0x01}, []byte{0x01}, n)
}

// httpFlatBody is an HTTP request whose body is flatWBXML(n): its XML
// goes into a capture document, past the part of a message held back.
func httpFlatBody(n int) io.Reader {
	body, err := io.ReadAll(flatWBXML(n))
	if err != nil {
		panic(err)
	}
	head := fmt.Sprintf("POST /Microsoft-Server-ActiveSync?Cmd=Sync&User=u&DeviceId=d&DeviceType=t HTTP/1.1\r\n"+
		"Content-Type: application/vnd.ms-sync.wbxml\r\nContent-Length: %d\r\n\r\n", len(body))
	return io.MultiReader(strings.NewReader(head), bytes.NewReader(body))
}

// hexDocuments is about n bytes of hex dumps separated by blank lines,
// each a small document with an unknown tag: a message and two notes each,
// so that notes are capped per run and written as they come.
func hexDocuments(n int) io.Reader {
	return repeat(nil, []byte("03 01 6a 00 00 0d 45 3f 03 31 00 01 01\n\n"), nil, n)
}

// deepXML is n bytes of XML elements, each inside the one before.
func deepXML(n int) io.Reader {
	return repeat([]byte(`<Sync xmlns="AirSync:">`), []byte("<Collections>"), nil, n)
}

// flatXML is a Sync element holding about n bytes of SyncKey elements.
func flatXML(n int) io.Reader {
	return repeat([]byte(`<Sync xmlns="AirSync:">`), []byte("<SyncKey>1</SyncKey>\n"), []byte("</Sync>\n"), n)
}

// httpMessages is about n bytes of HTTP requests, each with a small WBXML
// body.
func httpMessages(n int) io.Reader {
	body := append(header[:4:4], 0x45, 0x4B, 0x03, '1', 0x00, 0x01, 0x01)
	msg := fmt.Sprintf("POST /Microsoft-Server-ActiveSync?Cmd=Sync&User=u&DeviceId=d&DeviceType=t HTTP/1.1\r\n"+
		"Host: h\r\nContent-Type: application/vnd.ms-sync.wbxml\r\nMS-ASProtocolVersion: 14.1\r\nContent-Length: %d\r\n\r\n%s",
		len(body), body)
	return repeat(nil, []byte(msg), nil, n)
}

// queries is about n bytes of base64 queries, one a line.
func queries(n int) io.Reader {
	return repeat(nil, []byte("jAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l\n"), nil, n)
}

// plainQueries is about n bytes of plain queries with their headers.
func plainQueries(n int) io.Reader {
	return repeat(nil, []byte("Cmd=Sync&DeviceId=v140Device&DeviceType=SmartPhone\nMS-ASProtocolVersion: 14.0\n"), nil, n)
}

// mib names a size in MiB for subtests.
func mib(n int) string {
	return strings.TrimSuffix(fmt.Sprintf("%.2f", float64(n)/(1<<20)), ".00") + "MiB"
}
