package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/easkit/easkit/internal/cli"
	"github.com/easkit/easkit/internal/xmlscan"
	"github.com/easkit/easkit/wbxml"
)

// Input that is not one XML document but is plainly meant as XML: white
// space or comments before the XML declaration (a file pasted with a
// leading blank line), or several documents one after another, as
// wbxml2xml -concat writes a session (each message's comment, then its
// body's document). The command tries the input as one document first, so
// this costs nothing when it is one.

// documents splits UTF-8 src at each XML declaration that stands outside
// every element, dropping what comes before the first one when that is
// only white space and comments. It returns the documents that hold a root
// element, each a body named by its place, or nil when src is not such
// input (it does not start with the misc of a prolog, or holds no second
// declaration and nothing before its first one).
func documents(src []byte, maxDepth int) []body {
	enc, _, err := xmlscan.Detect(src)
	if err != nil || enc != xmlscan.UTF8 {
		return nil
	}
	bom := 0 // Detect leaves a UTF-8 byte order mark to the Scanner
	if bytes.HasPrefix(src, []byte("\xef\xbb\xbf")) {
		bom = 3
	}
	var (
		docs    []body
		start   = bom
		pos     position
		shifted bool // white space or comments before the first declaration were dropped
	)
	pos.advance(nil) // line 1, column 1: a byte order mark is not counted
	for start < len(src) {
		seg := src[start:]
		rooted, end, err := nextDocument(seg, maxDepth)
		if err != nil {
			if len(docs) == 0 && !shifted {
				return nil // not such input: the first error stands
			}
			// The rest is one document, whose conversion says what
			// is wrong with it.
			rooted, end = true, len(seg)
		}
		if rooted {
			docs = append(docs, body{n: len(docs) + 1, kind: "document", xml: seg[:end],
				offset: int64(start), line: pos.line, column: pos.column})
		} else {
			shifted = true // only the misc of a prolog before a declaration
		}
		pos.advance(seg[:end])
		start += end
	}
	if len(docs) == 1 && !shifted {
		return nil
	}
	return docs
}

// nextDocument scans seg up to its end or to an XML declaration outside
// every element, and returns where it stops and whether a root element
// came before. An error is any other problem.
func nextDocument(seg []byte, maxDepth int) (rooted bool, end int, err error) {
	s := xmlscan.NewScanner(seg, xmlscan.WithMaxDepth(maxDepth))
	for {
		tok, err := s.ReadToken()
		if errors.Is(err, io.EOF) {
			return true, len(seg), nil
		}
		var se *xmlscan.SyntaxError
		if errors.As(err, &se) && s.StackDepth() == 0 && se.Offset > 0 && isDeclaration(seg[se.Offset:]) {
			return rooted, int(se.Offset), nil
		}
		if err != nil {
			return false, 0, err
		}
		if tok.Kind == xmlscan.StartElement {
			rooted = true
		}
	}
}

// isDeclaration reports whether p starts with an XML declaration.
func isDeclaration(p []byte) bool {
	return len(p) > 5 && string(p[:5]) == "<?xml" && bytes.IndexByte([]byte(" \t\r\n"), p[5]) >= 0
}

// position is a line and column (1-based, counting characters) in a
// document, advanced over the bytes before it.
type position struct{ line, column int }

func (p *position) advance(b []byte) {
	if p.line == 0 {
		p.line, p.column = 1, 1
	}
	for len(b) > 0 {
		i := bytes.IndexAny(b, "\r\n")
		if i < 0 {
			p.column += utf8.RuneCount(b)
			return
		}
		p.column += utf8.RuneCount(b[:i])
		if b[i] == '\r' && i+1 < len(b) && b[i+1] == '\n' {
			i++
		}
		p.line, p.column = p.line+1, 1
		b = b[i+1:]
	}
}

// convertDocuments converts documents that documents found: one is written
// as the output, with a note that what stood before it was dropped;
// several need -split or -concat, as the bodies of a capture document do.
// It returns the exit status.
func convertDocuments(o *options, x *wbxml.XMLReader, docs []body, stdout, stderr io.Writer) int {
	notes := cli.NewNoteWriter(stderr, name, cli.MaxNotes)
	var err error
	switch {
	case len(docs) == 1:
		notes.Note("", fmt.Sprintf("line %d, column %d: white space or comments before the XML declaration ignored", docs[0].line, docs[0].column))
		docs[0].kind = "" // the input's only document
		err = writeBodies(o, x, docs, stdout, notes)
	case o.split != "":
		err = splitBodies(o.split, o, x, docs, notes)
	case o.concat:
		err = writeBodies(o, x, docs, stdout, notes)
	default:
		err = fmt.Errorf("the input holds %d XML documents one after another (as wbxml2xml -concat writes them): -split DIR writes a file for each, -concat writes them one after another", len(docs))
	}
	if err != nil {
		return cli.Report(stderr, name, cli.ExplainDepth(err, o.maxDepth))
	}
	notes.Close()
	return cli.ExitOK
}
